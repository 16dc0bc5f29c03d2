import { createHash, createHmac } from "node:crypto";
import { Agent } from "node:http";
import { connect } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTencentSmsProvider } from "@/lib/sms/tencent-sms-provider";
import { SmsGatewayError, SmsPermanentError } from "@/lib/sms/sms-provider";
import { startGatewayStub, type StubRequest } from "../../support/sms-gateway-stub";
import { smsTemplateVariables } from "@/lib/server/notify/templates";

// Drives the real tencentcloud-sdk-nodejs-sms SDK against a local stub of sms.tencentcloudapi.com
// and verifies its TC3-HMAC-SHA256 Authorization header as Tencent documents it
// (https://cloud.tencent.com/document/api/382/52072), recomputed here with the secret key.
// The SDK keeps the real host name (the signature's service is its first label, "sms"); an HTTP
// agent, an SDK option, routes its connections to the stub.

const SECRET_ID = "AKIDtestsecretid0000000000000000";
const SECRET_KEY = "test-secret-key-0123456789abcdef";
let stub: Awaited<ReturnType<typeof startGatewayStub>>;
let agent: Agent;

beforeAll(async () => {
  stub = await startGatewayStub();
  agent = new Agent();
  (agent as unknown as { createConnection: () => ReturnType<typeof connect> }).createConnection = () => connect(stub.port, "127.0.0.1");
});
afterAll(async () => {
  agent.destroy();
  await stub.close();
});

const provider = () =>
  createTencentSmsProvider({
    secretId: SECRET_ID,
    secretKey: SECRET_KEY,
    sdkAppId: "1400006666",
    signName: "云证书服务台",
    region: "ap-guangzhou",
    endpoint: "http://sms.tencentcloudapi.com",
    templates: { code_LOGIN: "1110001", review_rejected: "1110009" },
    agent,
  });

const loginCode = { to: "13800000001", template: "code_LOGIN", params: { code: "482913" }, text: "【云证书服务台】您的登录验证码为482913" };
const ok = (phone = "+8613800000001") => ({
  body: {
    Response: {
      SendStatusSet: [{ SerialNo: "5000:1045710669157053657849499619", PhoneNumber: phone, Fee: 1, SessionContext: "", Code: "Ok", Message: "send success", IsoCode: "CN" }],
      RequestId: "a0aabda6-cf91-4f3e-a81f-9198114a2279",
    },
  },
});

const hmac = (key: string | Buffer, data: string) => createHmac("sha256", key).update(data).digest();

function verifyTc3(req: StubRequest, secretKey: string) {
  const m = /^TC3-HMAC-SHA256 Credential=([^/]+)\/(\d{4}-\d{2}-\d{2})\/([^/]+)\/tc3_request, SignedHeaders=([^,]+), Signature=([0-9a-f]{64})$/.exec(String(req.headers.authorization));
  if (!m) throw new Error(`unexpected Authorization header: ${req.headers.authorization}`);
  const [, secretId, date, service, signedHeaders, signature] = m as unknown as string[];
  const timestamp = String(req.headers["x-tc-timestamp"]);
  const url = new URL(req.url, "http://stub");
  const canonicalHeaders = signedHeaders!.split(";").map((h) => `${h}:${String(req.headers[h]).trim().toLowerCase()}\n`).join("");
  const canonicalRequest = [req.method, url.pathname, url.search.slice(1), canonicalHeaders, signedHeaders, createHash("sha256").update(req.body).digest("hex")].join("\n");
  const scope = `${date}/${service}/tc3_request`;
  const stringToSign = ["TC3-HMAC-SHA256", timestamp, scope, createHash("sha256").update(canonicalRequest).digest("hex")].join("\n");
  const signing = hmac(hmac(hmac(`TC3${secretKey}`, date!), service!), "tc3_request");
  return { secretId, date, service, signedHeaders, timestamp, signature, expected: createHmac("sha256", signing).update(stringToSign).digest("hex") };
}

describe("Tencent Cloud SMS through tencentcloud-sdk-nodejs-sms", () => {
  it("sends SendSms 2021-01-11 with the template id and positional parameters, with a TC3-HMAC-SHA256 signature the secret key verifies", async () => {
    stub.answer(ok());
    const before = stub.requests.length;
    await expect(provider().send(loginCode)).resolves.toEqual({ providerRef: "5000:1045710669157053657849499619" });
    expect(stub.requests.length).toBe(before + 1);
    const req = stub.requests.at(-1)!;

    expect(req.method).toBe("POST");
    expect(req.headers.host).toBe("sms.tencentcloudapi.com");
    expect(req.headers["x-tc-action"]).toBe("SendSms");
    expect(req.headers["x-tc-version"]).toBe("2021-01-11");
    expect(req.headers["x-tc-region"]).toBe("ap-guangzhou");
    const body = JSON.parse(req.body) as Record<string, unknown>;
    expect(body).toMatchObject({
      PhoneNumberSet: ["+8613800000001"],
      SmsSdkAppId: "1400006666",
      SignName: "云证书服务台",
      TemplateId: "1110001",
      TemplateParamSet: ["482913"],
    });
    expect(req.body).not.toContain("登录验证码");

    const sig = verifyTc3(req, SECRET_KEY);
    expect(sig.secretId).toBe(SECRET_ID);
    expect(sig.service).toBe("sms");
    expect(sig.signedHeaders).toBe("content-type;host");
    expect(sig.date).toBe(new Date(Number(sig.timestamp) * 1000).toISOString().slice(0, 10));
    expect(Math.abs(Number(sig.timestamp) - Date.now() / 1000)).toBeLessThan(60);
    expect(sig.signature).toBe(sig.expected);
    expect(sig.signature).not.toBe(verifyTc3(req, "another-secret-key").expected);
  });

  it("a notice sends its variables positionally, in the order its template text uses them", async () => {
    stub.answer(ok("+8613800000002"));
    const params = { reason: "营业执照模糊", no: "CD2026", subject: "某某公司" };
    await provider().send({ to: "13800000002", template: "review_rejected", params, paramOrder: smsTemplateVariables("review_rejected"), text: "…" });
    const body = JSON.parse(stub.requests.at(-1)!.body) as { TemplateId: string; TemplateParamSet: string[] };
    expect(body.TemplateId).toBe("1110009");
    // review.notify.rejectedBody: "您的证书申请（订单 {no}，{subject}）被驳回，原因：{reason}。…"
    expect(body.TemplateParamSet).toEqual(["CD2026", "某某公司", "营业执照模糊"]);
  });

  it("an incorrect number (per-number status InvalidParameterValue.IncorrectPhoneNumber) is a permanent error", async () => {
    stub.answer({
      body: {
        Response: {
          SendStatusSet: [{ SerialNo: "", PhoneNumber: "+8610000000000", Fee: 0, SessionContext: "", Code: "InvalidParameterValue.IncorrectPhoneNumber", Message: "incorrect number format", IsoCode: "CN" }],
          RequestId: "r-1",
        },
      },
    });
    const err = await provider().send({ ...loginCode, to: "10000000000" }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(SmsPermanentError);
    expect((err as Error).message).toContain("InvalidParameterValue.IncorrectPhoneNumber");
  });

  it("a daily limit (LimitExceeded.PhoneNumberDailyLimit) throws a retryable error", async () => {
    stub.answer({
      body: {
        Response: {
          SendStatusSet: [{ SerialNo: "", PhoneNumber: "+8613800000001", Fee: 0, SessionContext: "", Code: "LimitExceeded.PhoneNumberDailyLimit", Message: "the number of sms messages sent from a single mobile number every day exceeds the upper limit", IsoCode: "CN" }],
          RequestId: "r-2",
        },
      },
    });
    const err = await provider().send(loginCode).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(SmsGatewayError);
    expect(err).not.toBeInstanceOf(SmsPermanentError);
  });

  it("a request error (Response.Error AuthFailure.SignatureFailure) throws a retryable error without the code or number", async () => {
    stub.answer({ body: { Response: { Error: { Code: "AuthFailure.SignatureFailure", Message: "The provided credentials could not be validated." }, RequestId: "r-3" } } });
    const err = await provider().send(loginCode).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(SmsGatewayError);
    expect((err as Error).message).toContain("AuthFailure.SignatureFailure");
    expect((err as Error).message).toContain("r-3");
    expect((err as Error).message).not.toContain("482913");
    expect((err as Error).message).not.toContain("13800000001");
  });

  it("an HTTP 502 from the gateway throws a retryable error", async () => {
    stub.answer({ status: 502, body: { message: "bad gateway" } });
    await expect(provider().send(loginCode)).rejects.toBeInstanceOf(SmsGatewayError);
  });
});
