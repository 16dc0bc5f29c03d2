import { createHash, createHmac } from "node:crypto";

// AWS Signature Version 4 (header form), as S3-compatible stores require. Small enough to own
// rather than pull in the AWS SDK; checked against AWS's published examples in tests/unit/storage.

export const sha256Hex = (data: Uint8Array | string) => createHash("sha256").update(data).digest("hex");
const hmac = (key: Buffer | string, data: string) => createHmac("sha256", key).update(data).digest();

/** S3 encodes each path segment once (RFC 3986 unreserved characters stay). */
export function encodeS3Path(path: string): string {
  return path
    .split("/")
    .map((seg) => encodeURIComponent(seg).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`))
    .join("/");
}

export function amzDate(d: Date): string {
  return d.toISOString().replace(/[-:]/g, "").replace(/\.\d{3}/, "");
}

/**
 * The Authorization header for a request. `headers` are the headers to sign (host and x-amz-date
 * among them); `path` is already encoded; `query` is the raw query string without "?".
 */
export function signV4({
  method,
  path,
  query = "",
  headers,
  payloadHash,
  region,
  service,
  accessKeyId,
  secretAccessKey,
}: {
  method: string;
  path: string;
  query?: string;
  headers: Record<string, string>;
  payloadHash: string;
  region: string;
  service: string;
  accessKeyId: string;
  secretAccessKey: string;
}): string {
  const lower = Object.entries(headers).map(([k, v]) => [k.toLowerCase(), v.trim().replace(/\s+/g, " ")] as const);
  lower.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  const signedHeaders = lower.map(([k]) => k).join(";");
  const canonicalQuery = query
    .split("&")
    .filter(Boolean)
    .map((p) => p.split("=").map((x) => encodeURIComponent(decodeURIComponent(x))).join("="))
    .sort()
    .join("&");
  const canonicalRequest = [method, path, canonicalQuery, lower.map(([k, v]) => `${k}:${v}\n`).join(""), signedHeaders, payloadHash].join("\n");
  const date = headers["x-amz-date"] ?? headers["X-Amz-Date"];
  if (!date) throw new Error("x-amz-date header required");
  const scope = `${date.slice(0, 8)}/${region}/${service}/aws4_request`;
  const stringToSign = ["AWS4-HMAC-SHA256", date, scope, sha256Hex(canonicalRequest)].join("\n");
  const key = hmac(hmac(hmac(hmac(`AWS4${secretAccessKey}`, date.slice(0, 8)), region), service), "aws4_request");
  const signature = createHmac("sha256", key).update(stringToSign).digest("hex");
  return `AWS4-HMAC-SHA256 Credential=${accessKeyId}/${scope}, SignedHeaders=${signedHeaders}, Signature=${signature}`;
}
