import { del, get, set, type UseStore } from 'idb-keyval';

// The password, kept so that sync can run at start-up without asking, but never in clear: it is
// encrypted with an AES-GCM key the browser generated as non-extractable. IndexedDB keeps the key
// as an opaque CryptoKey whose bytes no script can read, so the stored password is ciphertext to
// anything reading the disk or a copy of the profile. (A script running in the app could still
// ask the browser to decrypt it; that is what the Content-Security-Policy guards.)

const vaultKey = 'credential';

interface StoredCredential {
  readonly key: CryptoKey;
  readonly iv: Uint8Array<ArrayBuffer>;
  readonly ciphertext: ArrayBuffer;
}

export async function savePassword(store: UseStore, password: string): Promise<void> {
  const key = await crypto.subtle.generateKey({ name: 'AES-GCM', length: 256 }, false, [
    'encrypt',
    'decrypt',
  ]);
  const iv = crypto.getRandomValues(new Uint8Array(12));
  const ciphertext = await crypto.subtle.encrypt(
    { name: 'AES-GCM', iv },
    key,
    new TextEncoder().encode(password),
  );
  await set(vaultKey, { key, iv, ciphertext } satisfies StoredCredential, store);
}

/** The saved password, or undefined when none is saved or it cannot be read back. */
export async function readPassword(store: UseStore): Promise<string | undefined> {
  const stored = await get<StoredCredential>(vaultKey, store);
  if (!stored) return undefined;
  try {
    const plain = await crypto.subtle.decrypt(
      { name: 'AES-GCM', iv: stored.iv },
      stored.key,
      stored.ciphertext,
    );
    return new TextDecoder().decode(plain);
  } catch {
    return undefined;
  }
}

export function forgetPassword(store: UseStore): Promise<void> {
  return del(vaultKey, store);
}
