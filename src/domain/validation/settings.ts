import {
  defaultSettings,
  desiredRetentionRange,
  learnAheadRange,
  leechLapsesRange,
  masteryHorizonRange,
  quizLengthRange,
  type Settings,
} from '../progress';
import { Invalid, type Parsed, parse, shown } from './parsed';
import { countInRange, fieldsOf, numberField } from './record-fields';

// Settings as storage or a backup holds them: records written by older versions lack the newer
// fields, which get their defaults.

export function parseSettings(value: unknown): Parsed<Settings> {
  return parse(() => {
    const fields = fieldsOf(value, 'Settings');
    const desiredRetention = numberField(fields, 'desiredRetention', 'finite');
    if (
      desiredRetention < desiredRetentionRange.min ||
      desiredRetention > desiredRetentionRange.max
    ) {
      throw new Invalid(
        `desiredRetention ${desiredRetention} is outside ${desiredRetentionRange.min}-${desiredRetentionRange.max}`,
      );
    }
    const dayStartHour = numberField(fields, 'dayStartHour', 'count');
    if (dayStartHour > 23) throw new Invalid(`dayStartHour ${dayStartHour} is not 0-23`);
    const maxIntervalDays = numberField(fields, 'maxIntervalDays', 'count');
    if (maxIntervalDays < 1 || maxIntervalDays > 36500) {
      throw new Invalid(`maxIntervalDays ${maxIntervalDays} is not 1-36500`);
    }
    // Settings stored before quizzes existed have no quiz length: they get the default.
    const quizLength =
      fields.quizLength === undefined
        ? defaultSettings.quizLength
        : numberField(fields, 'quizLength', 'count');
    if (quizLength < quizLengthRange.min || quizLength > quizLengthRange.max) {
      throw new Invalid(
        `quizLength ${quizLength} is not ${quizLengthRange.min}-${quizLengthRange.max}`,
      );
    }
    // Older settings records lack these three: they get the defaults.
    const siblingsWait = fields.siblingsWait ?? defaultSettings.siblingsWait;
    if (typeof siblingsWait !== 'boolean') {
      throw new Invalid(`siblingsWait is ${shown(siblingsWait)}, not true or false`);
    }
    return {
      quizLength,
      siblingsWait,
      learnAheadMinutes: countInRange(
        fields,
        'learnAheadMinutes',
        learnAheadRange,
        defaultSettings.learnAheadMinutes,
      ),
      masteryHorizonDays: countInRange(
        fields,
        'masteryHorizonDays',
        masteryHorizonRange,
        defaultSettings.masteryHorizonDays,
      ),
      leechLapses: countInRange(
        fields,
        'leechLapses',
        leechLapsesRange,
        defaultSettings.leechLapses,
      ),
      desiredRetention,
      dayStartHour,
      newPerDay: numberField(fields, 'newPerDay', 'count'),
      reviewsPerDay: numberField(fields, 'reviewsPerDay', 'count'),
      maxIntervalDays,
    };
  });
}

/** Valid settings, or a RangeError that starts with `action`. */
export function requireSettings(value: unknown, action: string): Settings {
  const parsed = parseSettings(value);
  if (!parsed.ok) throw new RangeError(`${action} failed: ${parsed.reason}`);
  return parsed.value;
}
