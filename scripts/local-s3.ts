// A local S3-compatible object store (s3rver: objects as files in a folder, SigV4 checked) for the
// storage tests and `npm run cluster`. It knows one key pair, LOCAL_S3_CREDENTIALS.
// Standalone: tsx scripts/local-s3.ts [--port 4568] [--dir .data/s3] [--bucket certdesk]
import { mkdirSync } from "node:fs";
import path from "node:path";
import S3rver from "@20minutes/s3rver";

export const LOCAL_S3_CREDENTIALS = { accessKeyId: "S3RVER", secretAccessKey: "S3RVER" } as const;

export type LocalS3 = { endpoint: string; port: number; bucket: string; close(): Promise<void> };

export async function startLocalS3({ directory, bucket, port = 0, host = "127.0.0.1" }: { directory: string; bucket: string; port?: number; host?: string }): Promise<LocalS3> {
  mkdirSync(directory, { recursive: true });
  const server = new S3rver({ address: host, port, silent: true, directory, vhostBuckets: false, configureBuckets: [{ name: bucket }] });
  const address = await server.run();
  return { endpoint: `http://${host}:${address.port}`, port: address.port, bucket, close: () => server.close() };
}

/** The S3_* settings that point the app at a local store. */
export function localS3Env(s3: LocalS3): Record<string, string> {
  return {
    S3_ENDPOINT: s3.endpoint,
    S3_BUCKET: s3.bucket,
    S3_REGION: "us-east-1",
    S3_ACCESS_KEY_ID: LOCAL_S3_CREDENTIALS.accessKeyId,
    S3_SECRET_ACCESS_KEY: LOCAL_S3_CREDENTIALS.secretAccessKey,
    S3_FORCE_PATH_STYLE: "true",
  };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const argv = process.argv.slice(2);
  const arg = (flag: string) => {
    const i = argv.indexOf(flag);
    return i >= 0 ? argv[i + 1] : undefined;
  };
  const s3 = await startLocalS3({
    directory: path.resolve(arg("--dir") ?? ".data/s3"),
    bucket: arg("--bucket") ?? "certdesk",
    port: Number(arg("--port") ?? 4568),
  });
  console.log(`› local S3 at ${s3.endpoint}, bucket ${s3.bucket}`);
  const stop = () => void s3.close().then(() => process.exit(0));
  process.on("SIGINT", stop);
  process.on("SIGTERM", stop);
}
