import { DeleteObjectCommand, GetObjectCommand, PutObjectCommand, S3Client, S3ServiceException } from "@aws-sdk/client-s3";
import { checkStorageKey, FileNotFoundError, type FileStorage } from "./file-storage";

export type S3Config = { endpoint: string; bucket: string; region: string; accessKeyId: string; secretAccessKey: string; forcePathStyle: boolean };

/**
 * Objects in an S3-compatible bucket (AWS S3, MinIO, and the S3 endpoints of Aliyun OSS / Tencent
 * COS), so several app instances share uploads and invoices. The AWS SDK signs (SigV4) and retries.
 */
export function s3FileStorage(cfg: S3Config): FileStorage {
  const client = new S3Client({
    endpoint: cfg.endpoint,
    region: cfg.region,
    forcePathStyle: cfg.forcePathStyle,
    credentials: { accessKeyId: cfg.accessKeyId, secretAccessKey: cfg.secretAccessKey },
    // CRC checksums only where S3 requires them: the S3 endpoints of other clouds do not all accept
    // the SDK's default trailing checksums.
    requestChecksumCalculation: "WHEN_REQUIRED",
    responseChecksumValidation: "WHEN_REQUIRED",
    maxAttempts: 3,
    requestHandler: { connectionTimeout: 5_000, requestTimeout: 60_000 },
  });

  // Only the operation, the error's name and the status: a store's error message may echo the request.
  const failed = (op: string, err: unknown): Error => {
    if (err instanceof S3ServiceException) return new Error(`object storage ${op} failed: ${err.name} (HTTP ${err.$metadata.httpStatusCode ?? "?"})`);
    return new Error(`object storage ${op} failed: ${err instanceof Error ? err.name : "error"}`);
  };

  return {
    name: "s3",
    async put(key, data, contentType) {
      const Key = checkStorageKey(key);
      try {
        await client.send(new PutObjectCommand({ Bucket: cfg.bucket, Key, Body: data, ContentType: contentType, ContentLength: data.byteLength }));
      } catch (err) {
        throw failed("PUT", err);
      }
    },
    async get(key) {
      const Key = checkStorageKey(key);
      try {
        const res = await client.send(new GetObjectCommand({ Bucket: cfg.bucket, Key }));
        if (!res.Body) throw new FileNotFoundError(key);
        // The body streams in; it is collected once, into one buffer.
        return await res.Body.transformToByteArray();
      } catch (err) {
        if (err instanceof FileNotFoundError) throw err;
        if (err instanceof S3ServiceException && (err.name === "NoSuchKey" || err.$metadata.httpStatusCode === 404)) throw new FileNotFoundError(key);
        throw failed("GET", err);
      }
    },
    async delete(key) {
      const Key = checkStorageKey(key);
      try {
        await client.send(new DeleteObjectCommand({ Bucket: cfg.bucket, Key }));
      } catch (err) {
        if (err instanceof S3ServiceException && err.$metadata.httpStatusCode === 404) return;
        throw failed("DELETE", err);
      }
    },
  };
}
