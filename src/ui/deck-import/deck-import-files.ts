import { deckFileKind } from '../../compiler/group-import-files';
import type { SourceFile } from '../../domain/compile';

export interface ReadFiles {
  readonly files: SourceFile[];
  /** Files left unread: not deck files, or unreadable. */
  readonly skipped: string[];
}

/** Files from a file input: a picked folder's files carry their path inside it. */
export async function readInputFiles(list: Iterable<File>): Promise<ReadFiles> {
  const picked = [...list].map((file) => ({
    path: file.webkitRelativePath || file.name,
    file: () => Promise.resolve(file),
  }));
  return readAll(picked);
}

export async function readDroppedEntries(entries: readonly FileSystemEntry[]): Promise<ReadFiles> {
  const picked: PickedFile[] = [];
  for (const entry of entries) await walk(entry, picked);
  return readAll(picked);
}

interface PickedFile {
  readonly path: string;
  file(): Promise<File>;
}

async function walk(entry: FileSystemEntry, out: PickedFile[]): Promise<void> {
  if (entry.isFile) {
    const fileEntry = entry as FileSystemFileEntry;
    out.push({
      // fullPath is `/folder/file.md` for a dropped folder's file, `/file.md` for a loose one.
      path: entry.fullPath.replace(/^\/+/, '') || entry.name,
      file: () => new Promise((resolve, reject) => fileEntry.file(resolve, reject)),
    });
    return;
  }
  if (!entry.isDirectory || entry.name.startsWith('.') || entry.name === 'node_modules') return;
  const reader = (entry as FileSystemDirectoryEntry).createReader();
  // readEntries hands out a folder's entries in batches until it returns an empty one.
  for (;;) {
    const batch = await new Promise<FileSystemEntry[]>((resolve, reject) =>
      reader.readEntries(resolve, reject),
    );
    if (batch.length === 0) return;
    for (const child of batch) await walk(child, out);
  }
}

async function readAll(picked: readonly PickedFile[]): Promise<ReadFiles> {
  const files: SourceFile[] = [];
  const skipped: string[] = [];
  for (const { path, file } of picked) {
    if (!deckFileKind(path)) {
      skipped.push(path);
      continue;
    }
    try {
      files.push({ path, content: await (await file()).text() });
    } catch {
      skipped.push(path);
    }
  }
  return { files, skipped };
}
