import type { StateCreator } from 'zustand/vanilla';
import { defaultSettings, type Settings } from '../domain/progress';
import type { ProgressSlice } from './progress-slice';

export interface SettingsSlice {
  /** The defaults until storage has opened; then what it holds. */
  readonly settings: Settings;
  saveSettings(settings: Settings): Promise<void>;
}

export const createSettingsSlice: StateCreator<
  ProgressSlice & SettingsSlice,
  [],
  [],
  SettingsSlice
> = (set, get) => ({
  settings: defaultSettings,
  async saveSettings(settings) {
    await get().requireRepository().saveSettings(settings);
    set({ settings });
  },
});
