import type { FileStorage } from "./file-storage";
import { amzDate, encodeS3Path, sha256Hex, signV4 } from "./sigv4";

export type S3Config = { endpoint: string; bucket: string; region: string; accessKeyId: string; secretAccessKey: string; forcePathStyle: boolean };

/**
 * Objects in an S3-compatible bucket (AWS S3, MinIO, and the S3 endpoints of Aliyun OSS / Tencent
 * COS), so several app instances share uploads and invoices. Three signed calls: PUT, GET, DELETE.
 */
export function s3FileStorage(cfg: S3Config): FileStorage {
  const base = new URL(cfg.endpoint);
  const urlFor = (key: string) => {
    if (!/^[a-zA-Z0-9/_.-]+$/.test(key) || key.includes("..")) throw new Error("invalid storage key");
    const u = new URL(base.toString());
    if (cfg.forcePathStyle) u.pathname = `${base.pathname.replace(/\/$/, "")}/${cfg.bucket}/${key}`;
    else {
      u.hostname = `${cfg.bucket}.${base.hostname}`;
      u.pathname = `/${key}`;
    }
    return u;
  };

  async function call(method: "PUT" | "GET" | "DELETE", key: string, body?: Uint8Array, contentType?: string) {
    const url = urlFor(key);
    const payloadHash = sha256Hex(body ?? "");
    const headers: Record<string, string> = { host: url.host, "x-amz-date": amzDate(new Date()), "x-amz-content-sha256": payloadHash };
    if (contentType) headers["content-type"] = contentType;
    const path = encodeS3Path(url.pathname);
    const authorization = signV4({ method, path, headers, payloadHash, region: cfg.region, service: "s3", accessKeyId: cfg.accessKeyId, secretAccessKey: cfg.secretAccessKey });
    const { host: _host, ...sent } = headers;
    const res = await fetch(url, { method, headers: { ...sent, authorization }, body: body ? Buffer.from(body) : undefined });
    // Only the status: an error body may echo the request.
    if (!res.ok && !(method === "DELETE" && res.status === 404)) throw new Error(`object storage ${method} failed: HTTP ${res.status}`);
    return res;
  }

  return {
    name: "s3",
    async put(key, data, contentType) {
      await call("PUT", key, data, contentType);
    },
    async get(key) {
      return new Uint8Array(await (await call("GET", key)).arrayBuffer());
    },
    async delete(key) {
      await call("DELETE", key);
    },
  };
}
