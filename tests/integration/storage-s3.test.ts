// Files in an S3-compatible bucket through the AWS SDK, against a real local S3 server (s3rver,
// which checks SigV4 signatures) started here: what several instances rely on to share uploads.
import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { resetEnvCache } from "@/lib/env";
import { FileNotFoundError, type FileStorage } from "@/lib/storage/file-storage";
import { getFileStorage, resetFileStorage } from "@/lib/storage/get-file-storage";
import { localFileStorage } from "@/lib/storage/local-file-storage";
import { s3FileStorage } from "@/lib/storage/s3-file-storage";
import { LOCAL_S3_CREDENTIALS, localS3Env, startLocalS3, type LocalS3 } from "@/scripts/local-s3";

const dir = mkdtempSync(path.join(tmpdir(), "certdesk-s3-"));
let s3: LocalS3;
let store: FileStorage;
const config = () => ({ endpoint: s3.endpoint, bucket: s3.bucket, region: "us-east-1", forcePathStyle: true, ...LOCAL_S3_CREDENTIALS });

beforeAll(async () => {
  s3 = await startLocalS3({ directory: path.join(dir, "objects"), bucket: "certdesk-test" });
  store = s3FileStorage(config());
});
afterAll(async () => {
  await s3?.close();
  rmSync(dir, { recursive: true, force: true });
});

describe("S3 file storage on a local S3 server", () => {
  it("puts, gets and deletes an object; a missing key is the same FileNotFoundError the local store gives", async () => {
    const data = new TextEncoder().encode("%PDF-1.7 invoice");
    await store.put("invoices/o1/2026.pdf", data, "application/pdf");
    expect(await store.get("invoices/o1/2026.pdf")).toEqual(data);

    const second = s3FileStorage(config()); // another instance's client sees the same object
    expect(await second.get("invoices/o1/2026.pdf")).toEqual(data);

    await store.delete("invoices/o1/2026.pdf");
    const s3Missing = await store.get("invoices/o1/2026.pdf").catch((e: unknown) => e);
    const localMissing = await localFileStorage(path.join(dir, "local")).get("invoices/o1/2026.pdf").catch((e: unknown) => e);
    for (const err of [s3Missing, localMissing]) {
      expect(err).toBeInstanceOf(FileNotFoundError);
      expect(err).toMatchObject({ code: "ENOENT", key: "invoices/o1/2026.pdf" });
    }
    await expect(store.delete("invoices/o1/2026.pdf")).resolves.toBeUndefined(); // deleting nothing is fine
  });

  it("overwrites in place and keeps every byte value of a binary object", async () => {
    const all = new Uint8Array(256 * 4).map((_, i) => i % 256);
    await store.put("materials/bin/all-bytes", new Uint8Array([1, 2, 3]), "application/octet-stream");
    await store.put("materials/bin/all-bytes", all, "application/octet-stream");
    expect(await store.get("materials/bin/all-bytes")).toEqual(all);
  });

  it("round-trips a 12 MiB file", async () => {
    const big = new Uint8Array(randomBytes(12 * 1024 * 1024));
    await store.put("materials/big/scan.pdf", big, "application/pdf");
    const back = await store.get("materials/big/scan.pdf");
    expect(back.byteLength).toBe(big.byteLength);
    expect(Buffer.from(back).equals(Buffer.from(big))).toBe(true);
  });

  it("refuses a wrong secret and an unknown access key, and says only the error's name and status", async () => {
    const wrongSecret = s3FileStorage({ ...config(), secretAccessKey: "not-the-secret" });
    await expect(wrongSecret.put("x/wrong-secret", new Uint8Array([1]), "text/plain")).rejects.toThrow("object storage PUT failed: SignatureDoesNotMatch (HTTP 403)");
    const unknownKey = s3FileStorage({ ...config(), accessKeyId: "NOBODY" });
    await expect(unknownKey.get("x/anything")).rejects.toThrow("object storage GET failed: InvalidAccessKeyId (HTTP 403)");
    await expect(store.get("x/wrong-secret")).rejects.toBeInstanceOf(FileNotFoundError); // nothing was written
  });

  it("refuses keys that leave the bucket's key space", async () => {
    for (const key of ["../escape", "a/../../b", "/abs", "spaces not allowed"]) {
      await expect(store.put(key, new Uint8Array([1]), "text/plain")).rejects.toThrow("invalid storage key");
    }
  });

  it("is what getFileStorage() gives when S3_BUCKET is set", async () => {
    const saved = { ...process.env };
    Object.assign(process.env, localS3Env(s3));
    resetEnvCache();
    resetFileStorage();
    try {
      const fromEnv = getFileStorage();
      expect(fromEnv.name).toBe("s3");
      await fromEnv.put("env/check.txt", new TextEncoder().encode("through env"), "text/plain");
      expect(new TextDecoder().decode(await store.get("env/check.txt"))).toBe("through env");
    } finally {
      for (const k of Object.keys(localS3Env(s3))) {
        if (saved[k] === undefined) delete process.env[k];
        else process.env[k] = saved[k];
      }
      resetEnvCache();
      resetFileStorage();
    }
  });
});
