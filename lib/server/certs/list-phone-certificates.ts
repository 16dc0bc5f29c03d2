import { db } from "@/lib/db/client";

export const EXPIRING_SOON_DAYS = 90;

export type PhoneCertificateTab = "active" | "pending" | "expired";

/**
 * 我的证书: the caller's certificates by order (the signing certificate stands for its pair), split
 * into 生效中 (with "expiring soon" inside 90 days), 已失效 (revoked or past notAfter), and the
 * orders still 待审核. APPROVED orders not yet downloaded are listed for the home page.
 */
export async function listPhoneCertificates({ userId, now = new Date() }: { userId: string; now?: Date }) {
  const [certs, pendingOrders, downloadable] = await Promise.all([
    db.certificate.findMany({
      where: { userId, usage: "SIGN" },
      orderBy: { notBefore: "desc" },
      select: {
        id: true,
        serialHex: true,
        subjectName: true,
        subjectType: true,
        status: true,
        notBefore: true,
        notAfter: true,
        keyShare: { select: { id: true, status: true } },
        order: { select: { id: true, no: true } },
        // A renewed certificate that then expired was replaced, not lost: no 重新申请 for it.
        renewals: { where: { status: "COMPLETED" }, select: { id: true }, take: 1 },
      },
    }),
    db.order.findMany({
      where: { userId, status: "IN_REVIEW" },
      orderBy: { submittedAt: "desc" },
      select: { id: true, no: true, subjectName: true, subjectType: true, submittedAt: true },
    }),
    db.order.findMany({
      where: { userId, status: "APPROVED" },
      orderBy: { approvedAt: "desc" },
      select: { id: true, no: true, kind: true, subjectName: true, subjectType: true, approvedAt: true },
    }),
  ]);
  const soon = now.getTime() + EXPIRING_SOON_DAYS * 86_400_000;
  const rows = certs.map(({ renewals, ...c }) => {
    const isExpired = c.status !== "VALID" || c.notAfter.getTime() <= now.getTime();
    return {
      ...c,
      isExpired,
      isExpiringSoon: !isExpired && c.notAfter.getTime() <= soon,
      daysLeft: Math.max(0, Math.ceil((c.notAfter.getTime() - now.getTime()) / 86_400_000)),
      isLocked: c.keyShare?.status === "LOCKED",
      // 重新申请 (reapplyCertificate) from 已失效: expired or revoked, and not replaced by a finished renewal.
      canReapply: isExpired && renewals.length === 0,
    };
  });
  return {
    active: rows.filter((r) => !r.isExpired),
    expired: rows.filter((r) => r.isExpired),
    pending: pendingOrders,
    downloadable,
  };
}
