import path from "node:path";
import { env } from "@/lib/env";
import type { FileStorage } from "./file-storage";
import { localFileStorage } from "./local-file-storage";
import { s3FileStorage } from "./s3-file-storage";

let storage: FileStorage | undefined;

/** An S3-compatible bucket when S3_BUCKET is set (several instances), else a local folder. */
export function getFileStorage(): FileStorage {
  if (storage) return storage;
  const e = env();
  if (e.S3_BUCKET) {
    if (!e.S3_ENDPOINT || !e.S3_ACCESS_KEY_ID || !e.S3_SECRET_ACCESS_KEY) {
      throw new Error("S3_BUCKET is set: S3_ENDPOINT, S3_ACCESS_KEY_ID and S3_SECRET_ACCESS_KEY are required too");
    }
    storage = s3FileStorage({
      endpoint: e.S3_ENDPOINT,
      bucket: e.S3_BUCKET,
      region: e.S3_REGION,
      accessKeyId: e.S3_ACCESS_KEY_ID,
      secretAccessKey: e.S3_SECRET_ACCESS_KEY,
      forcePathStyle: e.S3_FORCE_PATH_STYLE === "true",
    });
    return storage;
  }
  const dir = e.STORAGE_DIR ?? path.join(e.DATA_DIR === "memory://" ? ".data" : e.DATA_DIR, "files");
  storage = localFileStorage(path.resolve(/*turbopackIgnore: true*/ dir));
  return storage;
}

/** For tests that switch the storage through environment variables. */
export function resetFileStorage() {
  storage = undefined;
}
