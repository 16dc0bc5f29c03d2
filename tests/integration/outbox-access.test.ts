import { afterEach, describe, expect, it } from "vitest";
import { resetEnvCache, SMS_TEMPLATE_NAMES, smsTemplateVariable } from "@/lib/env";
import { db } from "@/lib/db/client";
import { listOutbox } from "@/lib/server/notify/list-outbox";
import { createSandboxTestOrder } from "@/lib/server/payments/create-sandbox-test-order";
import { GET } from "@/app/api/dev/outbox/route";
import { expectAppError } from "../support/expect-app-error";
import { createUser, uniquePhone } from "../support/factories";

// Hole: /dev/outbox and GET /api/dev/outbox answered anyone, so anyone could read anyone's login
// code. Now: public in demo mode only; outside it 404, and an email outbox (no SMTP next to a real
// SMS gateway) is for outbox.read (CA admin) only, without the old SMS rows.

const GATEWAY = {
  SMS_PROVIDER: "aliyun",
  SMS_ALIYUN_ACCESS_KEY_ID: "LTAI5t",
  SMS_ALIYUN_ACCESS_KEY_SECRET: "secret",
  SMS_ALIYUN_SIGN_NAME: "云证书服务台",
  ...Object.fromEntries(SMS_TEMPLATE_NAMES.map((t) => [smsTemplateVariable(t), "SMS_1"])),
};
const touched = new Set<string>();
function setEnv(vars: Record<string, string | undefined>) {
  for (const [k, v] of Object.entries(vars)) {
    touched.add(k);
    if (v === undefined) delete process.env[k];
    else process.env[k] = v;
  }
  resetEnvCache();
}
afterEach(() => {
  for (const k of touched) delete process.env[k];
  touched.clear();
  resetEnvCache();
});

async function seedMessages() {
  const phone = uniquePhone();
  const email = `${phone}@example.test`;
  await db.outboxMessage.create({ data: { channel: "SMS", to: phone, body: "【云证书服务台】您的登录验证码为135790", template: "code_LOGIN", provider: "outbox" } });
  await db.outboxMessage.create({ data: { channel: "EMAIL", to: email, subject: "发票", body: "您的发票已开具", template: "invoice", provider: "outbox" } });
  return { phone, email };
}

const get = (query: string) => GET(new Request(`http://localhost/api/dev/outbox?${query}`));

describe("outbox access", () => {
  it("demo mode: GET /api/dev/outbox answers anyone with the messages (how a newcomer logs in)", async () => {
    setEnv({ CERTDESK_DEMO: "1" });
    const { phone } = await seedMessages();
    const res = await get(`to=${phone}`);
    expect(res.status).toBe(200);
    const { messages } = (await res.json()) as { messages: Array<{ body: string }> };
    expect(messages.map((m) => m.body)).toEqual(["【云证书服务台】您的登录验证码为135790"]);
    await expect(listOutbox({ to: phone, viewer: null })).resolves.toHaveLength(1);
  });

  it("outside demo mode GET /api/dev/outbox is a 404, whatever the providers", async () => {
    const { phone } = await seedMessages();
    for (const vars of [{ CERTDESK_DEMO: "0" }, { CERTDESK_DEMO: "0", ...GATEWAY }, { CERTDESK_DEMO: "0", ...GATEWAY, SMTP_URL: "smtp://mail.example.test:25" }]) {
      setEnv(vars);
      const res = await get(`to=${phone}`);
      expect(res.status).toBe(404);
      expect(JSON.stringify(await res.json())).not.toContain("135790");
    }
  });

  it("outside demo mode the email outbox needs outbox.read (CA admin) and hides the SMS rows", async () => {
    setEnv({ CERTDESK_DEMO: "0", ...GATEWAY });
    const { phone, email } = await seedMessages();
    const [applicant, reviewer, admin] = await Promise.all([createUser(), createUser({ role: "CA_REVIEWER" }), createUser({ role: "CA_ADMIN" })]);
    await expectAppError(listOutbox({ to: email, viewer: null }), "not_found");
    await expectAppError(listOutbox({ to: email, viewer: applicant }), "not_found");
    await expectAppError(listOutbox({ to: email, viewer: reviewer }), "not_found");
    const mail = await listOutbox({ to: email, viewer: admin });
    expect(mail.map((m) => m.channel)).toEqual(["EMAIL"]);
    // An SMS row left from an earlier demo (a code) stays hidden even from the admin.
    await expect(listOutbox({ to: phone, viewer: admin })).resolves.toEqual([]);
  });

  it("with real gateways for SMS and email there is no outbox, even for the admin", async () => {
    setEnv({ CERTDESK_DEMO: "0", ...GATEWAY, SMTP_URL: "smtp://mail.example.test:25" });
    const { email } = await seedMessages();
    const admin = await createUser({ role: "CA_ADMIN" });
    await expectAppError(listOutbox({ to: email, viewer: admin }), "not_found");
  });

  it("the sandbox test order exists in demo mode only", async () => {
    const user = await createUser();
    setEnv({ CERTDESK_DEMO: "0" });
    await expectAppError(createSandboxTestOrder({ userId: user.id }), "not_found", "errors.not_found");
    setEnv({ CERTDESK_DEMO: "1" });
    // Past the demo gate (this test database may have no default channel to put the order in).
    const demo = await createSandboxTestOrder({ userId: user.id }).catch((e: { userMessage?: string }) => e);
    expect((demo as { userMessage?: string }).userMessage).not.toBe("errors.not_found");
  });
});
