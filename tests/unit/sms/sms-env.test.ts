import { describe, expect, it } from "vitest";
import { parseEnv, SMS_TEMPLATE_NAMES, smsTemplateVariable } from "@/lib/env";

const templates: Record<string, string> = Object.fromEntries(SMS_TEMPLATE_NAMES.map((t, i) => [smsTemplateVariable(t), `SMS_10000000${i}`]));
const aliyun = { SMS_PROVIDER: "aliyun", SMS_ALIYUN_ACCESS_KEY_ID: "LTAI5t", SMS_ALIYUN_ACCESS_KEY_SECRET: "secret", SMS_ALIYUN_SIGN_NAME: "云证书服务台", ...templates };
const tencent = { SMS_PROVIDER: "tencent", SMS_TENCENT_SECRET_ID: "AKID", SMS_TENCENT_SECRET_KEY: "key", SMS_TENCENT_SDK_APP_ID: "1400006666", SMS_TENCENT_SIGN_NAME: "云证书服务台", ...templates };

describe("SMS gateway variables (lib/env.ts)", () => {
  it("one template variable per template the desk sends, named after it", () => {
    expect(Object.keys(templates)).toEqual([
      "SMS_TEMPLATE_CODE_LOGIN",
      "SMS_TEMPLATE_CODE_RESET_PASSWORD",
      "SMS_TEMPLATE_CODE_CHANGE_PHONE_OLD",
      "SMS_TEMPLATE_CODE_CHANGE_PHONE_NEW",
      "SMS_TEMPLATE_CODE_SIGN_APPLICATION",
      "SMS_TEMPLATE_CODE_LEGAL_REP_AUTHORIZATION",
      "SMS_TEMPLATE_CODE_REVERIFY",
      "SMS_TEMPLATE_FACE_LINK",
      "SMS_TEMPLATE_AUTHORIZATION_LINK",
      "SMS_TEMPLATE_ORDER_SUBMITTED_AWAITING_PAYMENT",
      "SMS_TEMPLATE_ORDER_SUBMITTED_IN_REVIEW",
      "SMS_TEMPLATE_ORDER_SUBMITTED_APPROVED",
      "SMS_TEMPLATE_ORDER_SUBMITTED_AWAITING_PAPER",
      "SMS_TEMPLATE_ORDER_PAID_IN_REVIEW",
      "SMS_TEMPLATE_ORDER_PAID_APPROVED",
      "SMS_TEMPLATE_ORDER_PAID_AWAITING_PAPER",
      "SMS_TEMPLATE_REVIEW_APPROVED",
      "SMS_TEMPLATE_REVIEW_REJECTED",
      "SMS_TEMPLATE_PIN_RESET_NOTICE",
      "SMS_TEMPLATE_ORG_REQUEST_RECEIVED",
      "SMS_TEMPLATE_ORG_REQUEST_DECIDED",
      "SMS_TEMPLATE_CERT_EXPIRING",
      "SMS_TEMPLATE_REVOCATION_REFUSED",
      "SMS_TEMPLATE_SHIPMENT_SHIPPED",
    ]);
  });

  it("accepts a complete Aliyun or Tencent configuration", () => {
    expect(parseEnv(aliyun).SMS_PROVIDER).toBe("aliyun");
    expect(parseEnv({ ...tencent, SMS_TENCENT_ENDPOINT: "http://127.0.0.1:8080" }).SMS_TENCENT_ENDPOINT).toBe("http://127.0.0.1:8080");
    expect(parseEnv(tencent).SMS_TENCENT_REGION).toBe("ap-guangzhou");
  });

  it("a missing credential or template id names the variable", () => {
    const { SMS_ALIYUN_ACCESS_KEY_SECRET: _, ...noSecret } = aliyun;
    expect(() => parseEnv(noSecret)).toThrow(/SMS_ALIYUN_ACCESS_KEY_SECRET: required when SMS_PROVIDER=aliyun/);
    const noLogin: Record<string, string | undefined> = { ...tencent, SMS_TEMPLATE_CODE_LOGIN: undefined };
    expect(() => parseEnv(noLogin)).toThrow(/SMS_TEMPLATE_CODE_LOGIN: required when SMS_PROVIDER=tencent/);
    expect(() => parseEnv({ SMS_PROVIDER: "tencent" })).toThrow(/SMS_TENCENT_SECRET_ID[\s\S]*SMS_TENCENT_SDK_APP_ID[\s\S]*SMS_TEMPLATE_ORG_REQUEST_DECIDED/);
  });

  it("a bad value names the variable", () => {
    expect(() => parseEnv({ SMS_PROVIDER: "twilio" })).toThrow(/SMS_PROVIDER/);
    expect(() => parseEnv({ ...tencent, SMS_TENCENT_SDK_APP_ID: "app" })).toThrow(/SMS_TENCENT_SDK_APP_ID: must be the numeric SmsSdkAppId/);
    expect(() => parseEnv({ ...aliyun, SMS_ALIYUN_ENDPOINT: "ftp://x/y" })).toThrow(/SMS_ALIYUN_ENDPOINT/);
    expect(() => parseEnv({ CERTDESK_DEMO: "yes" })).toThrow(/CERTDESK_DEMO/);
    expect(() => parseEnv({ TRUST_PROXY: "11" })).toThrow(/TRUST_PROXY/);
  });

  it("TRUST_PROXY is a number of hops, 0 by default", () => {
    expect(parseEnv({}).TRUST_PROXY).toBe(0);
    expect(parseEnv({ TRUST_PROXY: "2" }).TRUST_PROXY).toBe(2);
  });
});

describe("notice templates (what a gateway approves)", () => {
  it("every notice has a fixed text with named variables; none is free text", async () => {
    const { renderSms, smsTemplateVariables } = await import("@/lib/server/notify/templates");
    const { SMS_NOTICE_TEMPLATES } = await import("@/lib/env");
    for (const t of SMS_NOTICE_TEMPLATES) {
      const vars = smsTemplateVariables(t);
      expect(vars.length, t).toBeGreaterThan(0);
      expect(vars, t).not.toContain("text");
      const text = renderSms(t, Object.fromEntries(vars.map((v) => [v, `<${v}>`])), "zh-CN");
      expect(text.startsWith("【云证书服务台】"), t).toBe(true);
      for (const v of vars) expect(text, t).toContain(`<${v}>`);
      expect(text, t).not.toMatch(/\{\w+\}/);
    }
  });
});
