import type { StateCreator } from 'zustand/vanilla';
import { defaultSettings, type Settings } from '../domain/progress';
import type { ProgressSlice } from './progress-slice';

export interface SettingsSlice {
  /** The defaults until storage has opened; then what it holds. */
  readonly settings: Settings;
  /** Saves the learner's change, stamped with its time so that sync keeps the newest. */
  saveSettings(settings: Settings): Promise<void>;
  /** Saves settings changed elsewhere (on another device) as they are, time included. */
  adoptSettings(settings: Settings): Promise<void>;
}

export const createSettingsSlice =
  (deps: {
    readonly clock: () => number;
  }): StateCreator<ProgressSlice & SettingsSlice, [], [], SettingsSlice> =>
  (set, get) => ({
    settings: defaultSettings,
    async saveSettings(settings) {
      await get().adoptSettings({ ...settings, changedAtMillis: deps.clock() });
    },
    async adoptSettings(settings) {
      await (await get().openedRepository()).saveSettings(settings);
      set({ settings });
    },
  });
