// Enterprise flows in integration tests (org-requests, org-authorizations, org-transfer): an organization
// whose administrator holds its enterprise certificate on a (test) phone, members, trading platforms, and a
// letter signed on the phone exactly as the app does it: the desk's QR opened, the joint CMS over the letter's
// digest, completion, then the job org.apply_signature.
import { randomUUID } from "node:crypto";
import type { OrgRole } from "@/lib/generated/prisma/enums";
import { db } from "@/lib/db/client";
import { applyOrgSignature } from "@/lib/server/org/apply-org-signature";
import { generatePlatformSecret } from "@/lib/server/platforms/generate-platform-secret";
import { completeScanRequest } from "@/lib/server/scan/complete-scan-request";
import { openScanRequest } from "@/lib/server/scan/open-scan-request";
import { generateOrderNo } from "@/lib/server/orders/generate-order-no";
import { createUser, uniquePhone } from "../support/factories";
import { downloadAsPhone } from "../support/phone-download";
import { createChannel, uniqueIdNumber, uniqueUscc } from "./orders-fixtures";
import { PIN, scanCms } from "./scan-phone-support";

export { PIN };

export async function verifiedUser(realName = `用户${randomUUID().slice(0, 4)}`) {
  const user = await createUser();
  return db.user.update({ where: { id: user.id }, data: { realName, realNameVerifiedAt: new Date() } });
}

export async function createPlatform(name = `交易平台${randomUUID().slice(0, 4)}`) {
  const code = `tp-${randomUUID().slice(0, 8)}`;
  const { secret: _s, ...stored } = generatePlatformSecret(code);
  return db.tradingPlatform.create({ data: { code, name, clientId: `${code}-c`, callbackUrls: [], ...stored } });
}

export type Holder = Awaited<ReturnType<typeof holderOf>>;

/** The user downloads an enterprise certificate of `orgId` on their phone (an APPROVED UNIT order of it). */
export async function holderOf(user: { id: string }, org: { id: string; uscc: string; name: string }, channelId: string) {
  const order = await db.order.create({
    data: {
      no: generateOrderNo(), userId: user.id, channelId, orgId: org.id, subjectType: "UNIT", subjectKey: org.uscc, subjectName: org.name,
      status: "APPROVED", step: "pay", years: 1, priceFen: 38000, draft: {}, submittedAt: new Date(), paidAt: new Date(), approvedAt: new Date(),
    },
  });
  const { stored } = await downloadAsPhone(user.id, order.id, PIN);
  const signCert = await db.certificate.findFirstOrThrow({ where: { orderId: order.id, usage: "SIGN" }, select: { id: true, der: true, serialHex: true, orgId: true } });
  return { user, sign: { ...stored.sign, cert: signCert }, enc: stored.enc };
}

/**
 * An organization on its own channel (UNIT_CERT priced; optionally asking for the legal person's approval)
 * whose ADMIN holds its enterprise certificate.
 */
export async function orgWithAdmin({ requireLegalRepApproval = false, free = false }: { requireLegalRepApproval?: boolean; free?: boolean } = {}) {
  const channel = await createChannel();
  if (requireLegalRepApproval) await db.channel.update({ where: { id: channel.id }, data: { requireLegalRepApproval } });
  const org = await db.organization.create({
    data: { name: `企业${randomUUID().slice(0, 6)}科技有限公司`, uscc: uniqueUscc(), legalRepName: "李法人", legalRepIdType: "RESIDENT_ID", legalRepIdNumber: uniqueIdNumber(), verifiedAt: new Date() },
  });
  if (free) await db.freeSubject.create({ data: { channelId: channel.id, subjectKey: org.uscc } });
  const admin = await verifiedUser("王管理");
  await db.membership.create({ data: { orgId: org.id, userId: admin.id, role: "ADMIN" } });
  const holder = await holderOf(admin, org, channel.id);
  return { org, channel, admin, holder };
}

export async function addMember(orgId: string, role: Exclude<OrgRole, "ADMIN"> = "MEMBER", status: "ACTIVE" | "REMOVED" = "ACTIVE") {
  const user = await verifiedUser();
  const membership = await db.membership.create({ data: { orgId, userId: user.id, role, status, removedAt: status === "REMOVED" ? new Date() : null } });
  return { user, membership };
}

/** The holder opens the letter's QR on their phone, signs it with PIN, the scan completes, the job applies it. */
export async function signLetter(holder: Holder, qrContent: string, { certificate, beforeApply }: { certificate?: Holder; beforeApply?: () => Promise<unknown> } = {}) {
  const signer = certificate ?? holder;
  const token = new URL(qrContent).pathname.split("/").pop()!;
  const opened = await openScanRequest({ userId: holder.user.id, token });
  const digest = String(opened.payload.digest);
  const result = await scanCms(signer as never, opened.id, digest, PIN);
  await completeScanRequest({ userId: holder.user.id, id: opened.id, certificateId: signer.sign.cert.id, result });
  await beforeApply?.();
  await applyOrgSignature({ scanRequestId: opened.id });
  return opened.id;
}

export { uniquePhone };
