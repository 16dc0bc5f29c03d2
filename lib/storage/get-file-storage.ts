import path from "node:path";
import { env } from "@/lib/env";
import type { FileStorage } from "./file-storage";
import { localFileStorage } from "./local-file-storage";

let storage: FileStorage | undefined;

export function getFileStorage(): FileStorage {
  const e = env();
  const dir = e.STORAGE_DIR ?? path.join(e.DATA_DIR === "memory://" ? ".data" : e.DATA_DIR, "files");
  storage ??= localFileStorage(path.resolve(/*turbopackIgnore: true*/ dir));
  return storage;
}
