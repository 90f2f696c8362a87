/**
 * Files and folders dropped on the page. Entries must be taken while the drop event runs (the
 * browser empties the DataTransfer afterwards); reading them may go on later.
 */
export function droppedEntries(transfer: DataTransfer): FileSystemEntry[] {
  return [...transfer.items]
    .filter((item) => item.kind === 'file')
    .map((item) => item.webkitGetAsEntry())
    .filter((entry): entry is FileSystemEntry => entry !== null);
}
