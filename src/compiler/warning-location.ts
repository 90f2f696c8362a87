import type { CompileWarning } from '../domain/compile';

/**
 * Where a warning points, as `path:line`; the path alone for a warning about a whole file or deck,
 * whose line is 0 (`notes.txt:0` would send a reader looking for a line that does not exist).
 */
export function warningLocation(warning: CompileWarning): string {
  return warning.line > 0 ? `${warning.path}:${warning.line}` : warning.path;
}
