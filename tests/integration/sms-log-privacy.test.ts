import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { resetEnvCache, SMS_TEMPLATE_NAMES, smsTemplateVariable } from "@/lib/env";
import { db } from "@/lib/db/client";
import { sendVerificationCode } from "@/lib/server/auth/send-verification-code";
import { runDueJobs } from "@/lib/server/jobs/run-jobs";
import { startGatewayStub } from "../support/sms-gateway-stub";
import { uniqueIp, uniquePhone } from "../support/factories";

// Hole: every login code went to the server log ("[outbox] SMS to 138…: 您的登录验证码为…").
// A code is sent through the real path (code row + job → worker → job handler → provider) while
// everything written to the console and to stdout/stderr is captured; neither the code nor the
// number may appear in it, with the outbox and with a gateway that fails.

let captured: string[] = [];
const restore: Array<() => void> = [];

function captureOutput() {
  captured = [];
  for (const level of ["log", "info", "warn", "error", "debug"] as const) {
    const spy = vi.spyOn(console, level).mockImplementation((...args: unknown[]) => {
      captured.push(args.map((a) => (a instanceof Error ? `${a.message} ${a.stack}` : typeof a === "string" ? a : JSON.stringify(a))).join(" "));
    });
    restore.push(() => spy.mockRestore());
  }
  for (const stream of [process.stdout, process.stderr]) {
    const write = stream.write.bind(stream);
    stream.write = ((chunk: string | Uint8Array, ...rest: unknown[]) => {
      captured.push(typeof chunk === "string" ? chunk : Buffer.from(chunk).toString("utf8"));
      return (write as (...a: unknown[]) => boolean)(chunk, ...rest);
    }) as typeof stream.write;
    restore.push(() => (stream.write = write));
  }
}

const processEnv = process.env as Record<string, string | undefined>;
const nodeEnv = processEnv.NODE_ENV;
beforeAll(() => {
  // The outbox logs only outside tests: run as a server would.
  processEnv.NODE_ENV = "production";
});
afterAll(() => {
  processEnv.NODE_ENV = nodeEnv;
});
afterEach(() => {
  while (restore.length) restore.pop()!();
});

async function sendLoginCode(phone: string) {
  await sendVerificationCode({ phone, purpose: "LOGIN", ip: uniqueIp(), locale: "zh-CN" });
  await runDueJobs();
}

describe("SMS codes never reach the server log", () => {
  it("outbox: the log says '[outbox] SMS queued (template code_LOGIN)' and nothing of the number, text or code", async () => {
    const phone = uniquePhone();
    captureOutput();
    await sendLoginCode(phone);
    const msg = await db.outboxMessage.findFirstOrThrow({ where: { to: phone, channel: "SMS" } });
    const code = msg.body.match(/\d{6}/)![0];
    const log = captured.join("\n");
    expect(log).toContain("[outbox] SMS queued (template code_LOGIN)");
    expect(log).not.toContain(code);
    expect(log).not.toContain(phone);
    expect(log).not.toContain("登录验证码");
  });

  describe("through a real gateway SDK that fails", () => {
    let stub: Awaited<ReturnType<typeof startGatewayStub>>;
    beforeAll(async () => {
      stub = await startGatewayStub();
      Object.assign(process.env, {
        SMS_PROVIDER: "aliyun",
        SMS_ALIYUN_ACCESS_KEY_ID: "LTAI5t",
        SMS_ALIYUN_ACCESS_KEY_SECRET: "secret",
        SMS_ALIYUN_SIGN_NAME: "云证书服务台",
        SMS_ALIYUN_ENDPOINT: stub.url,
        ...Object.fromEntries(SMS_TEMPLATE_NAMES.map((t) => [smsTemplateVariable(t), `SMS_${t}`])),
      });
      resetEnvCache();
    });
    afterAll(async () => {
      for (const k of Object.keys(process.env)) if (k.startsWith("SMS_ALIYUN_") || k.startsWith("SMS_TEMPLATE_") || k === "SMS_PROVIDER") delete process.env[k];
      resetEnvCache();
      await stub.close();
    });

    it("a throttled send is retried later and its logged error holds no code or number", async () => {
      const phone = uniquePhone();
      stub.answer({ body: { Code: "isv.BUSINESS_LIMIT_CONTROL", Message: "触发小时级流控Permits:5", RequestId: "R-1" } });
      captureOutput();
      await sendLoginCode(phone);
      const sent = stub.requests.at(-1)!;
      const code = (JSON.parse(new URL(sent.url, "http://stub").searchParams.get("TemplateParam")!) as { code: string }).code;
      expect(code).toMatch(/^\d{6}$/);
      const job = await db.job.findFirstOrThrow({ where: { type: "notify.sms", lastError: { contains: "isv.BUSINESS_LIMIT_CONTROL" } }, orderBy: { createdAt: "desc" } });
      expect(job.status).toBe("PENDING");
      const log = captured.join("\n");
      expect(log).toContain("isv.BUSINESS_LIMIT_CONTROL");
      for (const text of [log, job.lastError ?? ""]) {
        expect(text).not.toContain(code);
        expect(text).not.toContain(phone);
      }
      // Retried: due again after the backoff, then delivered.
      await db.job.update({ where: { id: job.id }, data: { runAt: new Date() } });
      stub.answer({ body: { Code: "OK", Message: "OK", BizId: "900619^0", RequestId: "R-2" } });
      await runDueJobs();
      expect((await db.job.findUniqueOrThrow({ where: { id: job.id } })).status).toBe("DONE");
    });

    it("an invalid number fails the job at once (no retries) and logs no code", async () => {
      const phone = uniquePhone();
      stub.answer({ body: { Code: "isv.MOBILE_NUMBER_ILLEGAL", Message: "非法手机号", RequestId: "R-3" } });
      captureOutput();
      await sendLoginCode(phone);
      const code = (JSON.parse(new URL(stub.requests.at(-1)!.url, "http://stub").searchParams.get("TemplateParam")!) as { code: string }).code;
      const job = await db.job.findFirstOrThrow({ where: { type: "notify.sms", lastError: { contains: "isv.MOBILE_NUMBER_ILLEGAL" } }, orderBy: { createdAt: "desc" } });
      expect(job).toMatchObject({ status: "FAILED", attempts: 1 });
      expect(captured.join("\n")).not.toContain(code);
    });
  });
});
