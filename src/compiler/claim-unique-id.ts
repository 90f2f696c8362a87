/**
 * Returns `base`, or `base-2`, `base-3`… the first one not in `taken`, and records it as taken.
 * Callers visit inputs in a fixed order, so the same input always gives the same suffixes.
 */
export function claimUniqueId(base: string, taken: Set<string>): string {
  let candidate = base;
  for (let suffix = 2; taken.has(candidate); suffix++) candidate = `${base}-${suffix}`;
  taken.add(candidate);
  return candidate;
}
