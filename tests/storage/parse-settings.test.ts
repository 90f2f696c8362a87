import { describe, expect, it } from 'vitest';
import { defaultSettings } from '../../src/domain/progress';
import { parseSettings } from '../../src/domain/validation/settings';

describe('parseSettings', () => {
  it('gives an old settings record without the newer fields their defaults', () => {
    const { siblingsWait, learnAheadMinutes, masteryHorizonDays, quizLength, ...old } = {
      ...defaultSettings,
      newPerDay: 7,
    };
    expect(parseSettings(old)).toEqual({ ok: true, value: { ...defaultSettings, newPerDay: 7 } });
  });

  it('keeps the values a learner chose', () => {
    const chosen = {
      ...defaultSettings,
      siblingsWait: false,
      learnAheadMinutes: 0,
      masteryHorizonDays: 90,
    };
    expect(parseSettings(chosen)).toEqual({ ok: true, value: chosen });
  });

  it('refuses values out of range or of the wrong type', () => {
    for (const bad of [
      { siblingsWait: 'yes' },
      { learnAheadMinutes: -1 },
      { learnAheadMinutes: 2.5 },
      { masteryHorizonDays: 0 },
      { masteryHorizonDays: 366 },
    ]) {
      expect(parseSettings({ ...defaultSettings, ...bad }).ok).toBe(false);
    }
  });
});
