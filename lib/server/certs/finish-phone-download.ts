import { AppError } from "@/lib/errors";
import { writeAudit } from "@/lib/server/audit/write-audit";
import { issueCertificates } from "@/lib/server/certs/issue-certificates";
import { loadIssuingCa } from "@/lib/server/ca/load-issuing-ca";
import { db } from "@/lib/db/client";
import { storeEscrow } from "@/lib/server/escrow/store-escrow";
import { transitionOrder } from "@/lib/server/orders/transition-order";
import { certificateSubjectOfOrder } from "@/lib/server/certs/certificate-subject-of-order";
import { makePinSecret, newWrapKey, sealPinSecret } from "@/lib/server/keys/pin-secret";
import { ZFinishDownloadSchema } from "@/lib/server/keys/keys.types";
import { assertPinAllowed } from "@/lib/server/keys/pin-policy";
import { pinHolderOfOrder } from "@/lib/server/keys/pin-holder-of-order";
import { onEnterpriseCertificateIssued } from "@/lib/server/org/on-enterprise-certificate-issued";
import { ocspAnswerMemo } from "@/lib/server/ca/ocsp-answer-memo";
import { supersedeChangedCertificate } from "./change-supersede-certificate";
import { findFinishedDownload } from "./find-finished-download";

// The two keygens and this call belong to one sitting; an older share is an abandoned attempt.
const SHARE_MAX_AGE_MS = 60 * 60_000;

/**
 * Last step of 证书下载: binds the PIN to both fresh key shares (one W for the pair, sealed with the
 * PIN verifier), issues the dual certificates for their joint public keys, and completes the order —
 * all in one transaction with the order row locked, so two racing downloads (two phones, a double
 * tap) issue one pair, and a crash leaves either nothing or a completed order with its certificates.
 * The answer carries W once, for the phone to encrypt d1 with before it forgets W. The encryption
 * share's escrow envelope (the phone's d1 encrypted to the key-management key) is checked and
 * stored in the same transaction, so no encryption certificate exists without its escrow.
 */
export async function finishPhoneDownload({ userId, input, ip }: { userId: string; input: unknown; ip?: string }) {
  const { orderId, signKeyShareId, encryptKeyShareId, pin, escrow } = ZFinishDownloadSchema.parse(input);
  if (signKeyShareId === encryptKeyShareId) throw new AppError("validation_failed", { fields: { encryptKeyShareId: ["phone.errors.sameKey"] } });
  // Someone else's order is refused before the costly PIN hash; the status is checked under the lock.
  const found = await db.order.findFirst({ where: { id: orderId, userId }, select: { id: true, subjectType: true, draft: true, user: { select: { phone: true } } } });
  if (!found) throw new AppError("not_found");
  assertPinAllowed(pin, pinHolderOfOrder(found));
  // A retry of a download that already finished (its answer was lost) gets that download's answer.
  const finished = { userId, orderId, signKeyShareId, encryptKeyShareId, pin, ip };
  const before = await findFinishedDownload(finished);
  if (before) return before;

  const shareIds = [signKeyShareId, encryptKeyShareId];
  const wrapKey = newWrapKey();
  // argon2id before the transaction: it takes tens of milliseconds and needs no row.
  const secret = await makePinSecret(pin, wrapKey);
  const issuing = await loadIssuingCa();
  const issued = await db.$transaction(async (tx) => {
    await tx.$queryRaw`SELECT id FROM "Order" WHERE id = ${orderId} FOR UPDATE`;
    const order = await tx.order.findUniqueOrThrow({ where: { id: orderId }, include: { org: { select: { name: true, uscc: true, deletedAt: true } } } });
    if (order.status !== "APPROVED") throw new AppError("conflict", { userMessage: "phone.errors.notDownloadable" });
    const shares = await tx.keyShare.findMany({
      where: { id: { in: shareIds }, userId },
      select: { id: true, userId: true, publicKey: true, wrappedShare: true, status: true, createdAt: true, pinVerifier: true, _count: { select: { certificates: true } } },
    });
    if (shares.length !== 2) throw new AppError("not_found");
    // A share with a PIN or a certificate already belongs to a finished download: never rebind it.
    const isFresh = (s: (typeof shares)[number]) =>
      s.status === "ACTIVE" && !s.pinVerifier && s._count.certificates === 0 && Date.now() - s.createdAt.getTime() < SHARE_MAX_AGE_MS;
    if (!shares.every(isFresh)) throw new AppError("conflict", { userMessage: "phone.errors.staleKeys" });
    for (const id of shareIds) await tx.keyShare.update({ where: { id }, data: { pinVerifier: sealPinSecret(id, secret), pinFailures: 0 } });
    await writeAudit(tx, { actorId: userId, action: "key.pin_set", targetType: "Order", targetId: orderId, data: { group: shareIds }, ip });
    // The encryption share is escrowed before its certificate exists; the signing share never is.
    await storeEscrow(tx, { orderId, signKeyShareId, encrypt: shares.find((s) => s.id === encryptKeyShareId)!, envelope: escrow });

    const pair = await issueCertificates(
      { orderId, userId, keyShares: { sign: signKeyShareId, encrypt: encryptKeyShareId }, subject: certificateSubjectOfOrder(order), years: order.years ?? 1 },
      { tx, issuing },
    );
    // An enterprise certificate makes its holder the organization's administrator (the claim) or a member.
    if (order.subjectType === "UNIT") await onEnterpriseCertificateIssued(tx, { orderId, userId, orgId: pair.sign.orgId });
    // 证书变更: the old pair is superseded in this transaction, as the new one becomes the holder's.
    const superseded = order.kind === "CHANGE" ? await supersedeChangedCertificate(tx, { order, newSerials: [pair.sign.serialHex, pair.encrypt.serialHex], actorId: userId, ip }) : null;
    await transitionOrder(tx, { orderId, to: "COMPLETED", actorId: userId, type: "downloaded", ip, note: `${pair.sign.serialHex},${pair.encrypt.serialHex}` });
    // The 审核通过 message asked for this download: done, so it no longer counts on the 消息 badge.
    await tx.inboxMessage.updateMany({ where: { userId, link: `/m/download/${orderId}`, readAt: null }, data: { readAt: new Date() } });
    return { ...pair, ocspKeys: superseded?.ocspKeys ?? [] };
  }).catch(async (err: unknown) => {
    // Two racing calls with the same shares: the one that waited on the order's lock answers as the winner did.
    const won = err instanceof AppError && err.code === "conflict" ? await findFinishedDownload(finished) : undefined;
    if (won) return { won };
    throw err;
  });
  if ("won" in issued) return issued.won;
  for (const key of issued.ocspKeys) ocspAnswerMemo.forget(key);
  const view = (c: typeof issued.sign) => ({ id: c.id, usage: c.usage, serialHex: c.serialHex, keyShareId: c.keyShareId!, pem: c.pem, notAfter: c.notAfter });
  return { wrapKey, certificates: [view(issued.sign), view(issued.encrypt)] };
}
