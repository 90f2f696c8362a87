import type { CompileWarning } from '../domain/compile';
import { type Resource, type ResourceType, resourceTypes } from '../domain/deck';
import { isWebUrl } from '../markdown/inline-spans';
import { opensLink, scanLeadingLink } from './scan-link';

export interface ResourceListItem {
  readonly line: number;
  /** The item's content after its bullet. */
  readonly text: string;
}

// Older exports glue the type's badge text to the title: `[articleTop 9 …]`, `[GitHubGitHub …]`.
const gluedPrefixes: readonly (readonly [string, ResourceType])[] = [
  ['official', 'official'],
  ['opensource', 'opensource'],
  ['article', 'article'],
  ['video', 'video'],
  ['course', 'course'],
  ['book', 'book'],
  ['podcast', 'podcast'],
  ['feed', 'feed'],
  ['roadmap', 'roadmap'],
  ['website', 'website'],
  ['GitHub', 'opensource'],
];

const typedLabel = /^@([^@]*)@\s*([\s\S]*)$/;

// roadmap.sh's Portuguese files name the same types in Portuguese (`@artigo@`, `@oficial@`).
const translatedTypes: ReadonlyMap<string, ResourceType> = new Map([
  ['artigo', 'article'],
  ['oficial', 'official'],
  ['curso', 'course'],
  ['livro', 'book'],
  ['rota', 'roadmap'],
  ['vídeo', 'video'],
  ['site', 'website'],
]);

interface GluedLabel {
  readonly type: ResourceType;
  readonly title: string;
  /** The title after the prefix starts with a capital, as badge-glued titles nearly always do. */
  readonly strong: boolean;
}

/**
 * Turns a resource list into resources. An item must start with a link; anything else, and any
 * link that is not http or https, is dropped with a warning, since the app only opens web pages.
 */
export function readResourceList(
  items: readonly ResourceListItem[],
  path: string,
  warnings: CompileWarning[],
): Resource[] {
  const links = items.map((item) => ({ item, link: scanLeadingLink(stripEmphasis(item.text)) }));
  const glued = links.map(({ link }) =>
    link && !typedLabel.test(link.label) ? readGluedLabel(link.label.trim()) : undefined,
  );
  // A lower-case remainder (`officialgevent`) alone could be an ordinary word such as "feedback";
  // it is read as glued only when another item of the same list is glued beyond doubt.
  const listIsGlued = glued.some((label) => label?.strong === true);

  const resources: Resource[] = [];
  links.forEach(({ item, link }, index) => {
    if (!link) {
      const broken = opensLink(stripEmphasis(item.text));
      warnings.push({
        path,
        line: item.line,
        message: broken
          ? `resource link is broken (a missing ")" or "]"?), dropped: ${shorten(item.text)}`
          : `resource list item is not a link, dropped: ${shorten(item.text)}`,
      });
      return;
    }
    if (!isWebUrl(link.url)) {
      warnings.push({
        path,
        line: item.line,
        message: `link is not http or https, dropped: ${shorten(link.url)}`,
      });
      return;
    }
    const label = link.label.trim();
    const typed = typedLabel.exec(label);
    const gluedLabel = glued[index];
    let type: ResourceType = 'other';
    let title = label;
    if (typed) {
      const typeName = typed[1] ?? '';
      title = (typed[2] ?? '').trim();
      const known = toResourceType(typeName);
      if (known) type = known;
      else {
        warnings.push({
          path,
          line: item.line,
          message: `unknown resource type "${typeName}", kept as a link: ${shorten(title || link.url)}`,
        });
      }
    } else if (gluedLabel && (gluedLabel.strong || listIsGlued)) {
      type = gluedLabel.type;
      title = gluedLabel.title;
    }
    resources.push({ type, title: title === '' ? link.url : title, url: link.url });
  });
  return resources;
}

function readGluedLabel(label: string): GluedLabel | undefined {
  for (const [prefix, type] of gluedPrefixes) {
    if (!label.startsWith(prefix)) continue;
    const title = label.slice(prefix.length);
    // `[article about x]` is an ordinary title: a glued badge never leaves a space behind.
    if (title === '' || /^\s/.test(title)) continue;
    return { type, title: title.trim(), strong: /^\p{Lu}/u.test(title) };
  }
  return undefined;
}

function toResourceType(name: string): ResourceType | undefined {
  const lower = name.trim().toLowerCase();
  if ((resourceTypes as readonly string[]).includes(lower)) return lower as ResourceType;
  return translatedTypes.get(lower);
}

/** `**[title](url)**` is still a link item. */
function stripEmphasis(text: string): string {
  return text.trim().replace(/^(?:\*\*|__|\*|_)(?=\[)/, '');
}

function shorten(text: string): string {
  return text.length > 80 ? `${text.slice(0, 77)}...` : text;
}
