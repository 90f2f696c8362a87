import { describe, expect, it } from 'vitest';
import { readDroppedEntries } from '../../../src/ui/deck-import/deck-import-files';

// Stand-ins for the browser's FileSystemEntry objects that a drop hands over: just the members
// the walk uses, with a folder reader that gives its entries in batches as Chromium does.
function fileEntry(fullPath: string, content: string): FileSystemEntry {
  const name = fullPath.split('/').pop() ?? '';
  return {
    isFile: true,
    isDirectory: false,
    name,
    fullPath,
    file: (resolve: (file: File) => void) => resolve(new File([content], name)),
  } as unknown as FileSystemEntry;
}

function folderEntry(fullPath: string, children: FileSystemEntry[], batchSize = 2) {
  return {
    isFile: false,
    isDirectory: true,
    name: fullPath.split('/').pop() ?? '',
    fullPath,
    createReader: () => {
      let next = 0;
      return {
        readEntries: (resolve: (entries: FileSystemEntry[]) => void) => {
          const batch = children.slice(next, next + batchSize);
          next += batch.length;
          setTimeout(() => resolve(batch), 0);
        },
      };
    },
  } as unknown as FileSystemEntry;
}

describe('readDroppedEntries', () => {
  it('walks dropped folders through every batch and subfolder, keeping paths inside them', async () => {
    const dropped = [
      folderEntry('/async', [
        fileEntry('/async/index.md', '# Async'),
        fileEntry('/async/loop@l1.md', '# Loop'),
        fileEntry('/async/tasks@t1.md', '# Tasks'),
        folderEntry('/async/libs', [fileEntry('/async/libs/trio@x1.md', '# Trio')]),
        fileEntry('/async/cover.png', 'not text'),
        folderEntry('/async/.git', [fileEntry('/async/.git/HEAD.md', 'ref')]),
      ]),
      fileEntry('/loose.txt', '# Loose'),
    ];
    const { files, skipped } = await readDroppedEntries(dropped);
    expect(files).toEqual([
      { path: 'async/index.md', content: '# Async' },
      { path: 'async/loop@l1.md', content: '# Loop' },
      { path: 'async/tasks@t1.md', content: '# Tasks' },
      { path: 'async/libs/trio@x1.md', content: '# Trio' },
      { path: 'loose.txt', content: '# Loose' },
    ]);
    expect(skipped).toEqual(['async/cover.png']);
  });
});
