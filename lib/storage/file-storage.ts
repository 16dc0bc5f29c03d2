// Where uploaded materials, invoices and seal images live. The default is a local folder;
// an object store (S3-compatible) implements the same three calls for several app instances.
export interface FileStorage {
  readonly name: string;
  put(key: string, data: Uint8Array, contentType: string): Promise<void>;
  get(key: string): Promise<Uint8Array>;
  delete(key: string): Promise<void>;
}
