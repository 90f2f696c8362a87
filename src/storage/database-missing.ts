/**
 * True when the browser lists this origin's databases and `name` is not among them: nothing was
 * ever stored there. False where the list is not offered (Firefox before 126).
 */
export async function databaseMissing(name: string): Promise<boolean> {
  if (typeof indexedDB?.databases !== 'function') return false;
  const databases = await indexedDB.databases();
  return !databases.some((database) => database.name === name);
}
