import { mkdir, readFile, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { checkStorageKey, FileNotFoundError, type FileStorage } from "./file-storage";

export function localFileStorage(root: string): FileStorage {
  const resolve = (key: string) => path.join(root, checkStorageKey(key));
  return {
    name: "local",
    async put(key, data) {
      const file = resolve(key);
      await mkdir(path.dirname(file), { recursive: true });
      await writeFile(file, data, { mode: 0o600 });
    },
    async get(key) {
      try {
        return new Uint8Array(await readFile(resolve(key)));
      } catch (err) {
        if ((err as NodeJS.ErrnoException).code === "ENOENT") throw new FileNotFoundError(key);
        throw err;
      }
    },
    async delete(key) {
      await rm(resolve(key), { force: true });
    },
  };
}
