// Where uploaded materials, invoices and seal images live. The default is a local folder;
// an object store (S3-compatible) implements the same three calls for several app instances.
export interface FileStorage {
  readonly name: string;
  put(key: string, data: Uint8Array, contentType: string): Promise<void>;
  /** The object's bytes; a key that holds nothing → FileNotFoundError, whichever store. */
  get(key: string): Promise<Uint8Array>;
  /** Deleting a key that holds nothing is not an error. */
  delete(key: string): Promise<void>;
}

/** The one "no such file" every store gives (code ENOENT, as Node's fs gives for a missing file). */
export class FileNotFoundError extends Error {
  readonly code = "ENOENT";
  constructor(readonly key: string) {
    super(`no stored file under ${key}`);
    this.name = "FileNotFoundError";
  }
}

/** Keys are relative paths of safe characters; both stores refuse anything else. */
export function checkStorageKey(key: string): string {
  if (!/^[a-zA-Z0-9/_.-]+$/.test(key) || key.includes("..") || key.startsWith("/")) throw new Error("invalid storage key");
  return key;
}
