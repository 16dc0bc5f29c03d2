import { env, SMS_TEMPLATE_NAMES, smsTemplateVariable, type Env } from "@/lib/env";
import { createAliyunSmsProvider } from "./aliyun-sms-provider";
import { outboxAccess } from "./outbox-access";
import { outboxSmsProvider } from "./outbox-sms-provider";
import type { SmsProvider } from "./sms-provider";
import { createTencentSmsProvider } from "./tencent-sms-provider";

let cached: { env: Env; provider: SmsProvider } | undefined;

/** The SMS gateway SMS_PROVIDER names (env validation guarantees its variables are set). */
export function getSmsProvider(): SmsProvider {
  const e = env();
  if (cached?.env !== e) cached = { env: e, provider: createSmsProvider(e) };
  return cached.provider;
}

function createSmsProvider(e: Env): SmsProvider {
  const templates = Object.fromEntries(SMS_TEMPLATE_NAMES.map((t) => [t, (e as Record<string, unknown>)[smsTemplateVariable(t)] as string | undefined]));
  switch (e.SMS_PROVIDER) {
    case "outbox":
      return outboxSmsProvider;
    case "aliyun":
      return createAliyunSmsProvider({
        accessKeyId: e.SMS_ALIYUN_ACCESS_KEY_ID!,
        accessKeySecret: e.SMS_ALIYUN_ACCESS_KEY_SECRET!,
        signName: e.SMS_ALIYUN_SIGN_NAME!,
        regionId: e.SMS_ALIYUN_REGION,
        endpoint: e.SMS_ALIYUN_ENDPOINT,
        templates,
      });
    case "tencent":
      return createTencentSmsProvider({
        secretId: e.SMS_TENCENT_SECRET_ID!,
        secretKey: e.SMS_TENCENT_SECRET_KEY!,
        sdkAppId: e.SMS_TENCENT_SDK_APP_ID!,
        signName: e.SMS_TENCENT_SIGN_NAME!,
        region: e.SMS_TENCENT_REGION,
        endpoint: e.SMS_TENCENT_ENDPOINT,
        templates,
      });
  }
}

/** The outbox is open to anyone: demo mode (the sandbox test order is offered only then, too). */
export function isOutboxActive(): boolean {
  return outboxAccess() === "public";
}
