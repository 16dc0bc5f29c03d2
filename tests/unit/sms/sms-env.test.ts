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
      "SMS_TEMPLATE_GENERIC",
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
    expect(() => parseEnv({ SMS_PROVIDER: "tencent" })).toThrow(/SMS_TENCENT_SECRET_ID[\s\S]*SMS_TENCENT_SDK_APP_ID[\s\S]*SMS_TEMPLATE_GENERIC/);
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
