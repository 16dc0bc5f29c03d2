import type { Db, Tx } from "@/lib/db/client";
import { enqueueJob } from "@/lib/server/jobs/enqueue-job";
import type { Locale } from "@/lib/i18n/locales";
import { sealSecret } from "@/lib/db/seal";
import type { SmsTemplate } from "./templates";

export const SMS_PARAMS_AAD = "job:notify.sms";

/** Queues an SMS in the caller's transaction; the job worker hands it to the gateway. */
export function queueSms(client: Db | Tx, msg: { to: string; template: SmsTemplate; params: Record<string, string>; locale: Locale }) {
  const { params, ...rest } = msg;
  const sealedParams = sealSecret(new TextEncoder().encode(JSON.stringify(params)), SMS_PARAMS_AAD);
  return enqueueJob(client, { type: "notify.sms", payload: { ...rest, sealedParams } });
}
