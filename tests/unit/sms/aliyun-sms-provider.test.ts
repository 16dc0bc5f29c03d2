import { createHash, createHmac } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createAliyunSmsProvider } from "@/lib/sms/aliyun-sms-provider";
import { SmsGatewayError, SmsPermanentError } from "@/lib/sms/sms-provider";
import { startGatewayStub, type StubRequest } from "../../support/sms-gateway-stub";

// Drives the real @alicloud/dysmsapi20170525 SDK against a local stub of dysmsapi.aliyuncs.com and
// checks what its own signing produced against Aliyun's documented V3 signature (ACS3-HMAC-SHA256,
// https://help.aliyun.com/document_detail/2593177.html), recomputed here independently.

const KEY_ID = "LTAI5tTestAccessKeyId";
const SECRET = "test-access-key-secret-0123456789";
let stub: Awaited<ReturnType<typeof startGatewayStub>>;

beforeAll(async () => {
  stub = await startGatewayStub();
});
afterAll(() => stub.close());

const provider = () =>
  createAliyunSmsProvider({
    accessKeyId: KEY_ID,
    accessKeySecret: SECRET,
    signName: "云证书服务台",
    regionId: "cn-hangzhou",
    endpoint: stub.url,
    templates: { code_LOGIN: "SMS_100000001", review_rejected: "SMS_100000009" },
  });

const loginCode = { to: "13800000001", template: "code_LOGIN", params: { code: "482913" }, text: "【云证书服务台】您的登录验证码为482913" };

// RFC 3986 encoding as the V3 document specifies (space → %20, * → %2A, ~ kept).
const enc = (s: string) => encodeURIComponent(s).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);

function expectedSignature(req: StubRequest, secret: string) {
  const url = new URL(req.url, "http://stub");
  const auth = /^ACS3-HMAC-SHA256 Credential=([^,]+),SignedHeaders=([^,]+),Signature=([0-9a-f]{64})$/.exec(String(req.headers.authorization));
  if (!auth) throw new Error(`unexpected Authorization header: ${req.headers.authorization}`);
  const signed = auth[2]!.split(";");
  const query = [...url.searchParams.entries()].map(([k, v]) => [enc(k), enc(v)] as const).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  const canonicalQuery = query.map(([k, v]) => `${k}=${v}`).join("&");
  const canonicalHeaders = signed.map((h) => `${h}:${String(req.headers[h]).trim()}\n`).join("");
  const payloadHash = createHash("sha256").update(req.body).digest("hex");
  const canonicalRequest = [req.method, url.pathname, canonicalQuery, canonicalHeaders, signed.join(";"), payloadHash].join("\n");
  const stringToSign = `ACS3-HMAC-SHA256\n${createHash("sha256").update(canonicalRequest).digest("hex")}`;
  return { credential: auth[1], signedHeaders: signed, signature: auth[3], expected: createHmac("sha256", secret).update(stringToSign).digest("hex"), payloadHash };
}

describe("Aliyun SMS through @alicloud/dysmsapi20170525", () => {
  it("sends SendSms with the template code and the parameters as JSON, signed ACS3-HMAC-SHA256 with the secret", async () => {
    stub.answer({ body: { Code: "OK", Message: "OK", BizId: "9006197469364984^0", RequestId: "F655A8D5-B967-440B-8683-DAD6FF8DE990" } });
    const before = stub.requests.length;
    await expect(provider().send(loginCode)).resolves.toEqual({ providerRef: "9006197469364984^0" });
    expect(stub.requests.length).toBe(before + 1);
    const req = stub.requests.at(-1)!;

    expect(req.method).toBe("POST");
    expect(req.headers["x-acs-action"]).toBe("SendSms");
    expect(req.headers["x-acs-version"]).toBe("2017-05-25");
    expect(req.headers.host).toBe(`127.0.0.1:${stub.port}`);
    const q = new URL(req.url, "http://stub").searchParams;
    expect(q.get("PhoneNumbers")).toBe("13800000001");
    expect(q.get("SignName")).toBe("云证书服务台");
    expect(q.get("TemplateCode")).toBe("SMS_100000001");
    // Real gateways take the template's variables, never the rendered text.
    expect(JSON.parse(q.get("TemplateParam")!)).toEqual({ code: "482913" });
    expect(req.url + req.body).not.toContain(encodeURIComponent("登录验证码"));

    const sig = expectedSignature(req, SECRET);
    expect(sig.credential).toBe(KEY_ID);
    expect(sig.signedHeaders).toEqual(expect.arrayContaining(["host", "x-acs-action", "x-acs-content-sha256", "x-acs-date", "x-acs-signature-nonce", "x-acs-version"]));
    expect(req.headers["x-acs-content-sha256"]).toBe(sig.payloadHash);
    expect(sig.signature).toBe(sig.expected);
    expect(sig.signature).not.toBe(expectedSignature(req, "another-secret").expected);
  });

  it("an invalid number (HTTP 200, Code isv.MOBILE_NUMBER_ILLEGAL) is a permanent error: the job is not retried", async () => {
    stub.answer({ body: { Code: "isv.MOBILE_NUMBER_ILLEGAL", Message: "非法手机号", RequestId: "R-1" } });
    const err = await provider().send({ ...loginCode, to: "10000000000" }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(SmsPermanentError);
    expect((err as SmsPermanentError).permanent).toBe(true);
    expect((err as Error).message).toContain("isv.MOBILE_NUMBER_ILLEGAL");
  });

  it("a flow-control refusal (isv.BUSINESS_LIMIT_CONTROL) throws a retryable error", async () => {
    stub.answer({ body: { Code: "isv.BUSINESS_LIMIT_CONTROL", Message: "触发分钟级流控Permits:1", RequestId: "R-2" } });
    const err = await provider().send(loginCode).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(SmsGatewayError);
    expect(err).not.toBeInstanceOf(SmsPermanentError);
    expect((err as Error).message).toContain("isv.BUSINESS_LIMIT_CONTROL");
  });

  it("an HTTP error answer (bad AccessKey) throws a retryable error that carries no code or number", async () => {
    stub.answer({ status: 404, body: { Code: "InvalidAccessKeyId.NotFound", Message: "Specified access key is not found.", RequestId: "R-3", HostId: "dysmsapi.aliyuncs.com" } });
    const err = await provider().send(loginCode).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(SmsGatewayError);
    expect((err as Error).message).toContain("InvalidAccessKeyId.NotFound");
    expect((err as Error).message).not.toContain("482913");
    expect((err as Error).message).not.toContain("13800000001");
  });

  it("a template without a configured template code fails before calling the gateway", async () => {
    const before = stub.requests.length;
    await expect(provider().send({ ...loginCode, template: "code_REVERIFY" })).rejects.toThrow(/no template id configured for SMS template "code_REVERIFY"/);
    expect(stub.requests.length).toBe(before);
  });
});
