import { getEmailProvider } from "@/lib/email/get-email-provider";
import { getSmsProvider } from "@/lib/sms/get-sms-provider";
import { getFileStorage } from "@/lib/storage/get-file-storage";
import { renderSms, smsTemplateVariables } from "@/lib/server/notify/templates";
import { SMS_PARAMS_AAD } from "@/lib/server/notify/queue-sms";
import { openSecret } from "@/lib/db/seal";
import { runCertMaintenance } from "@/lib/server/ca/run-cert-maintenance";
import { deliverScanWebhook } from "@/lib/server/scan/deliver-scan-webhook";
import { expireScanRequest } from "@/lib/server/scan/expire-scan-request";
import { applyOrgSignature } from "@/lib/server/org/apply-org-signature";
import { revokeOrgCertificates } from "@/lib/server/org/revoke-org-certificates";
import { sendCertificateReminders } from "@/lib/server/certs/certificate-reminders-send";
import type { JobPayloads, JobType } from "./job-types";

export const jobHandlers: { [K in JobType]: (payload: JobPayloads[K]) => Promise<void> } = {
  async "notify.sms"({ to, template, sealedParams, locale }) {
    const params = JSON.parse(new TextDecoder().decode(openSecret(sealedParams, SMS_PARAMS_AAD))) as Record<string, string>;
    await getSmsProvider().send({ to, template, params, paramOrder: smsTemplateVariables(template), text: renderSms(template, params, locale) });
  },
  async "notify.email"({ to, subject, text, template, attachments }) {
    const storage = getFileStorage();
    const files = await Promise.all(
      (attachments ?? []).map(async (a) => ({ filename: a.filename, contentType: a.contentType, content: await storage.get(a.storageKey) })),
    );
    await getEmailProvider().send({ to, subject, text, template, attachments: files });
  },
  async "certs.maintain"() {
    await runCertMaintenance();
  },
  async "certs.remind"({ at }) {
    await sendCertificateReminders({ now: new Date(at) });
  },
  "scan.webhook": deliverScanWebhook,
  "scan.expire": expireScanRequest,
  "org.apply_signature": applyOrgSignature,
  async "org.revoke_certificates"(payload) {
    await revokeOrgCertificates(payload);
  },
};
