import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { signV4, sha256Hex } from "@/lib/storage/sigv4";
import { s3FileStorage } from "@/lib/storage/s3-file-storage";

describe("signV4", () => {
  it("matches AWS's published S3 GetObject example", () => {
    // docs.aws.amazon.com/AmazonS3/latest/API/sig-v4-header-based-auth.html, "GET Object".
    const auth = signV4({
      method: "GET",
      path: "/test.txt",
      headers: {
        host: "examplebucket.s3.amazonaws.com",
        range: "bytes=0-9",
        "x-amz-content-sha256": sha256Hex(""),
        "x-amz-date": "20130524T000000Z",
      },
      payloadHash: sha256Hex(""),
      region: "us-east-1",
      service: "s3",
      accessKeyId: "AKIAIOSFODNN7EXAMPLE",
      secretAccessKey: "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY",
    });
    expect(auth).toBe(
      "AWS4-HMAC-SHA256 Credential=AKIAIOSFODNN7EXAMPLE/20130524/us-east-1/s3/aws4_request, SignedHeaders=host;range;x-amz-content-sha256;x-amz-date, Signature=f0e8bdb87c964420e857bd35b5d6ed310bd44f0170aba48dd91039c6036bdb41",
    );
  });

  it("matches the SigV4 test suite's get-header-key-duplicate vector", () => {
    const auth = signV4({
      method: "GET",
      path: "/",
      headers: { host: "example.amazonaws.com", "my-header1": "value2,value2,value1", "x-amz-date": "20150830T123600Z" },
      payloadHash: sha256Hex(""),
      region: "us-east-1",
      service: "service",
      accessKeyId: "AKIDEXAMPLE",
      secretAccessKey: "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY",
    });
    expect(auth).toContain("Signature=c9d5ea9f3f72853aea855b47ea873832890dbdd183b4468f858259531a5138ea");
  });
});

describe("s3FileStorage", () => {
  const objects = new Map<string, { body: Buffer; type?: string }>();
  const seen: Array<{ method: string; url: string; auth?: string; sha?: string }> = [];
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      seen.push({ method: req.method!, url: req.url!, auth: req.headers.authorization, sha: req.headers["x-amz-content-sha256"] as string });
      const body = Buffer.concat(chunks);
      if (req.method === "PUT") {
        if (sha256Hex(body) !== req.headers["x-amz-content-sha256"]) return res.writeHead(400).end();
        objects.set(req.url!, { body, type: req.headers["content-type"] });
        return res.writeHead(200).end();
      }
      if (req.method === "GET") {
        const o = objects.get(req.url!);
        return o ? res.writeHead(200, { "content-type": o.type ?? "" }).end(o.body) : res.writeHead(404).end();
      }
      objects.delete(req.url!);
      res.writeHead(204).end();
    });
  });
  let endpoint = "";
  beforeAll(async () => {
    await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
    endpoint = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((r) => server.close(() => r())));

  it("puts, gets and deletes signed objects, path-style", async () => {
    const store = s3FileStorage({ endpoint, bucket: "certdesk", region: "cn-north-1", accessKeyId: "AK", secretAccessKey: "SK", forcePathStyle: true });
    const data = new TextEncoder().encode("%PDF-1.7 invoice");
    await store.put("invoices/o1/2026.pdf", data, "application/pdf");
    expect(objects.get("/certdesk/invoices/o1/2026.pdf")?.type).toBe("application/pdf");
    expect(await store.get("invoices/o1/2026.pdf")).toEqual(data);
    await store.delete("invoices/o1/2026.pdf");
    await expect(store.get("invoices/o1/2026.pdf")).rejects.toThrow("HTTP 404");
    expect(seen.every((r) => r.auth?.startsWith("AWS4-HMAC-SHA256 Credential=AK/") && r.auth.includes("/cn-north-1/s3/aws4_request"))).toBe(true);
    await expect(store.put("../escape", data, "x")).rejects.toThrow("invalid storage key");
  });
});
