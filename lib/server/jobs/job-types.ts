import type { SmsTemplate } from "@/lib/server/notify/templates";

export type JobPayloads = {
  // params are sealed under the KEK: they may hold a one-time code, which must not sit readable in the queue.
  "notify.sms": { to: string; template: SmsTemplate; sealedParams: string; locale: "zh-CN" | "en" };
  "notify.email": {
    to: string;
    subject: string;
    text: string;
    template: string;
    attachments?: Array<{ filename: string; storageKey: string; contentType: string }>;
  };
  // CA upkeep: CRLs before nextUpdate, expiry marking, OCSP responder renewal; re-enqueues itself.
  "certs.maintain": Record<string, never>;
  // Tells a trading platform of one state its scan request reached. deliveryId, sequence and
  // occurredAt are fixed at enqueue time (retries are the same delivery); jobs queued before they
  // existed carry only scanRequestId.
  "scan.webhook": { scanRequestId: string; deliveryId?: string; sequence?: number; occurredAt?: string };
  // Queued with each scan request for its expiresAt: a request still open then ends EXPIRED (and its webhook is queued).
  "scan.expire": { scanRequestId: string };
  // A scan of the desk's own platform completed: the enterprise letter it signed (OrgSignature) takes effect.
  "org.apply_signature": { scanRequestId: string };
  // A member removed or an organization deleted: its certificates are revoked right after the commit; this job,
  // queued in the same transaction a minute ahead, finishes what a crash in between left VALID.
  // 到期提醒 at 90/30/7 days, queued by each maintenance run with its clock (`at`, ISO).
  "certs.remind": { at: string };
  "org.revoke_certificates": { certificateIds: string[]; reason: "affiliationChanged" | "cessationOfOperation"; actorId: string };
};

export type JobType = keyof JobPayloads;
