import type { DeckId } from './ids';
import type { Settings } from './progress';

/** What a deck may set for itself; anything left out follows the global settings. */
export interface DeckOptions {
  readonly newPerDay?: number;
  readonly reviewsPerDay?: number;
  readonly desiredRetention?: number;
}

/** The settings that apply to one deck: its own options over the global values. */
export function settingsForDeck(settings: Settings, deck: DeckId): Settings {
  const own = settings.deckOptions[deck];
  return own ? { ...settings, ...own } : settings;
}

/** The settings with this deck's options replaced; an empty set of options removes the entry. */
export function withDeckOptions(
  settings: Settings,
  deck: DeckId,
  options: { readonly [Name in keyof DeckOptions]?: DeckOptions[Name] | undefined },
): Settings {
  const { [deck]: _, ...others } = settings.deckOptions;
  const kept = Object.fromEntries(
    Object.entries(options).filter(([, value]) => value !== undefined),
  ) as DeckOptions;
  return {
    ...settings,
    deckOptions: Object.keys(kept).length > 0 ? { ...others, [deck]: kept } : others,
  };
}
