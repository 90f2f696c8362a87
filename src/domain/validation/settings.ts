import type { DeckOptions } from '../deck-options';
import {
  defaultSettings,
  desiredRetentionRange,
  learnAheadRange,
  leechLapsesRange,
  masteryHorizonRange,
  quizLengthRange,
  type Settings,
} from '../progress';
import { type Fields, Invalid, type Parsed, parse, shown } from './parsed';
import { countInRange, fieldsOf, numberField, optionalNumberField } from './record-fields';

// Settings as storage or a backup holds them: records written by older versions lack the newer
// fields, which get their defaults.

function changedAt(fields: Fields): Pick<Settings, 'changedAtMillis'> {
  const changedAtMillis = optionalNumberField(fields, 'changedAtMillis', 'count');
  return changedAtMillis === undefined ? {} : { changedAtMillis };
}

export function parseSettings(value: unknown): Parsed<Settings> {
  return parse(() => {
    const fields = fieldsOf(value, 'Settings');
    const desiredRetention = numberField(fields, 'desiredRetention', 'finite');
    checkRetention(desiredRetention, 'desiredRetention');
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
      deckOptions: parseDeckOptions(fields.deckOptions),
      ...changedAt(fields),
      desiredRetention,
      dayStartHour,
      newPerDay: numberField(fields, 'newPerDay', 'count'),
      reviewsPerDay: numberField(fields, 'reviewsPerDay', 'count'),
      maxIntervalDays,
    };
  });
}

/** Each deck's own options; settings stored before decks had options have none. */
function parseDeckOptions(value: unknown): Settings['deckOptions'] {
  if (value === undefined) return {};
  const byDeck = fieldsOf(value, 'deckOptions');
  const parsed: Record<string, DeckOptions> = {};
  for (const [deck, options] of Object.entries(byDeck)) {
    const fields = fieldsOf(options, `deckOptions of ${deck}`);
    const own: { -readonly [K in keyof DeckOptions]: DeckOptions[K] } = {};
    for (const name of ['newPerDay', 'reviewsPerDay'] as const) {
      const limit = optionalNumberField(fields, name, 'count');
      if (limit !== undefined) own[name] = limit;
    }
    const retention = optionalNumberField(fields, 'desiredRetention', 'finite');
    if (retention !== undefined) {
      checkRetention(retention, `desiredRetention of deck ${deck}`);
      own.desiredRetention = retention;
    }
    parsed[deck] = own;
  }
  return parsed;
}

export function checkRetention(value: number, name: string): void {
  if (value < desiredRetentionRange.min || value > desiredRetentionRange.max) {
    throw new Invalid(
      `${name} ${value} is outside ${desiredRetentionRange.min}-${desiredRetentionRange.max}`,
    );
  }
}

/** Valid settings, or a RangeError that starts with `action`. */
export function requireSettings(value: unknown, action: string): Settings {
  const parsed = parseSettings(value);
  if (!parsed.ok) throw new RangeError(`${action} failed: ${parsed.reason}`);
  return parsed.value;
}
