/**
 * A URL- and id-safe form of a title: lower case, letters and digits joined by single hyphens.
 * Letters outside ASCII are kept (lower-cased) rather than dropped, so a title in another script
 * still gives a usable id. `+`, `#` and `&` are spelled out so "C", "C++" and "C#" stay apart.
 */
export function slugify(text: string): string {
  const slug = text
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .replace(/\+/g, ' plus ')
    .replace(/#/g, ' sharp ')
    .replace(/&/g, ' and ')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, '-')
    .replace(/^-+|-+$/g, '');
  return slug === '' ? 'untitled' : slug;
}

/** Drops an ordering prefix such as `100-` or `02_` from a file or folder name. */
export function stripOrderPrefix(name: string): string {
  const stripped = name.replace(/^\d+[-_. ]+/, '');
  return stripped === '' ? name : stripped;
}

/** `python-async_ecosystem` → "Python async ecosystem": a readable title from a file name. */
export function titleFromName(name: string): string {
  const words = name.replace(/[-_]+/g, ' ').replace(/\s+/g, ' ').trim();
  return words.charAt(0).toUpperCase() + words.slice(1);
}
