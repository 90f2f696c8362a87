import type { CompileWarning, DeckSource, SourceFile } from '../domain/compile';
import type { MarkdownLine } from '../markdown/markdown-lines';
import type { DeckDraft, SectionDraft, TopicDraft } from './deck-draft';
import { isEmptyDocument, readDocument } from './read-document';
import { slugify, titleFromName } from './slugify';
import { splitEntryBody } from './split-entry-body';

interface Entry {
  readonly title: string;
  readonly line: number;
  readonly body: MarkdownLine[];
}

interface SectionEntry extends Entry {
  /** A section opened by a topic that came before any section heading: titled like the deck. */
  readonly implicit: boolean;
  readonly topics: Entry[];
}

/**
 * One document: `#` title, `##` sections, `###` topics; deeper headings belong to the text.
 * A document with no `###` at all reads its `##` headings as topics of one section, since a deck
 * of sections without topics would be empty. Topics before any section go to a section titled
 * like the deck. More than one file is read as one document after another.
 */
export function draftSingleFileDeck(source: DeckSource, warnings: CompileWarning[]): DeckDraft {
  let title: string | undefined;
  const read: { file: SourceFile; sections: SectionEntry[] }[] = [];
  for (const file of source.files) {
    const document = readSections(file, warnings);
    title ??= document.title;
    read.push({ file, sections: document.sections });
  }
  const name = fileName(source.path);
  const deckTitle = title ?? titleFromName(name);
  const sections: SectionDraft[] = [];
  for (const { file, sections: entries } of read) {
    for (const entry of entries) {
      const section = draftSection(entry, entry.implicit ? deckTitle : entry.title, file, warnings);
      if (section) sections.push(section);
    }
  }
  return { title: deckTitle, idBase: slugify(title ?? name), sections };
}

function readSections(
  file: SourceFile,
  warnings: CompileWarning[],
): { title: string | undefined; sections: SectionEntry[] } {
  const lines = readDocument(file, warnings);
  if (isEmptyDocument(lines)) {
    warnings.push({ path: file.path, line: 1, message: 'empty file, skipped' });
    return { title: undefined, sections: [] };
  }
  const topicLevel = lines.some((line) => line.kind === 'heading' && line.level === 3) ? 3 : 2;
  let title: string | undefined;
  const sections: SectionEntry[] = [];
  let section: SectionEntry | undefined;
  let topic: Entry | undefined;
  let strayWarned = false;

  for (const line of lines) {
    // Headings here never belong to a body, so neither do their setext underlines.
    if (line.kind === 'front-matter' || line.kind === 'underline') continue;
    const role = line.kind === 'heading' ? headingRole(line.level, topicLevel) : 'text';
    if (role === 'title' && title === undefined && sections.length === 0 && line.text !== '') {
      title = line.text;
      continue;
    }
    if (role === 'title' || role === 'section') {
      if (role === 'title') {
        warnings.push({
          path: file.path,
          line: line.number,
          message: `another "#" heading, read as a section: ${line.text}`,
        });
      }
      section = { title: line.text, line: line.number, body: [], implicit: false, topics: [] };
      sections.push(section);
      topic = undefined;
      continue;
    }
    if (role === 'topic') {
      if (!section) {
        section = { title: '', line: line.number, body: [], implicit: true, topics: [] };
        sections.push(section);
      }
      topic = { title: line.text, line: line.number, body: [] };
      section.topics.push(topic);
      continue;
    }
    if (topic) topic.body.push(line);
    else if (section) section.body.push(line);
    else if (line.kind !== 'blank' && !strayWarned) {
      strayWarned = true;
      warnings.push({
        path: file.path,
        line: line.number,
        message: 'text before the first section belongs to no topic, dropped',
      });
    }
  }
  return { title, sections };
}

function headingRole(level: number, topicLevel: number): 'title' | 'section' | 'topic' | 'text' {
  if (level === 1) return 'title';
  if (level === topicLevel) return 'topic';
  if (level < topicLevel) return 'section';
  return 'text';
}

function draftSection(
  entry: SectionEntry,
  title: string,
  file: SourceFile,
  warnings: CompileWarning[],
): SectionDraft | undefined {
  const body = splitEntryBody(entry.body, file.path, warnings);
  const topics: TopicDraft[] = [];
  for (const topic of entry.topics) {
    const draft = draftTopic(topic, file.path, warnings);
    if (draft) topics.push(draft);
  }
  if (title === '') {
    warnings.push({
      path: file.path,
      line: entry.line,
      message: 'section heading has no text; the section and its topics are dropped',
    });
    return undefined;
  }
  if (topics.length === 0) {
    warnings.push({
      path: file.path,
      line: entry.line,
      message: `section has no topics, dropped: ${title}`,
    });
    return undefined;
  }
  return {
    title,
    slug: slugify(title),
    description: body.description,
    resources: body.resources,
    topics,
  };
}

function draftTopic(
  entry: Entry,
  path: string,
  warnings: CompileWarning[],
): TopicDraft | undefined {
  const body = splitEntryBody(entry.body, path, warnings);
  if (entry.title === '') {
    warnings.push({ path, line: entry.line, message: 'topic heading has no text, skipped' });
    return undefined;
  }
  if (body.description === '') {
    warnings.push({
      path,
      line: entry.line,
      message: `topic has no description, skipped: ${entry.title}`,
    });
    return undefined;
  }
  return {
    title: entry.title,
    path,
    line: entry.line,
    slug: slugify(entry.title),
    description: body.description,
    resources: body.resources,
  };
}

/** `decks/python.async.md` → `python.async`. */
function fileName(path: string): string {
  const base =
    path
      .replace(/[\\/]+$/, '')
      .split(/[\\/]/)
      .pop() ?? '';
  const name = base.replace(/\.[^.]*$/, '');
  return name === '' ? 'deck' : name;
}
