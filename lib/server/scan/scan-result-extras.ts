import { derToPem } from "@/lib/pki/pem";
import { db } from "@/lib/db/client";
import type { ScanType } from "@/lib/generated/prisma/enums";
import { subjectLibrary } from "./subject-library";

/**
 * What a platform gets beyond the lead's base result. login / sync_subject: the holder's
 * encryption certificate (the one issued with the signing certificate), so the platform can
 * encrypt bids to it; sync_subject also the subject library (subjectLibrary). sign: the session
 * the holder opened (会话签章), only when it is a real open session of this certificate, so a
 * phone cannot slip an arbitrary id into the result.
 */
type SigningCertificate = { id: string; userId: string | null; orderId: string | null; subjectDn: string; subjectName: string; orgId: string | null };

export async function scanResultExtras({
  type,
  serialHex,
  result,
  certificate,
}: {
  type: ScanType;
  serialHex: string;
  result: Record<string, unknown>;
  /** The signing certificate's row when the caller has read it already (saves reading it again). */
  certificate?: SigningCertificate;
}) {
  const signing =
    certificate ?? (await db.certificate.findUnique({ where: { serialHex }, select: { id: true, userId: true, orderId: true, subjectDn: true, subjectName: true, orgId: true } }));
  if (!signing) return {};
  if (type === "LOGIN" || type === "SYNC_SUBJECT") {
    const enc = await db.certificate.findFirst({
      where: { userId: signing.userId, usage: "ENCRYPT", status: "VALID", ...(signing.orderId ? { orderId: signing.orderId } : { subjectDn: signing.subjectDn }) },
      orderBy: { createdAt: "desc" },
      select: { der: true },
    });
    const encryptionCertificate = enc ? derToPem(enc.der, "CERTIFICATE") : null;
    if (type === "LOGIN") return { encryptionCertificate };
    return { encryptionCertificate, subjectLibrary: await subjectLibrary({ userId: signing.userId, orgId: signing.orgId, orderId: signing.orderId, subjectName: signing.subjectName }) };
  }
  if (type === "SIGN" && typeof result.sessionId === "string") {
    const session = await db.scanSession.findFirst({ where: { id: result.sessionId, certificateId: signing.id, endedAt: null, expiresAt: { gt: new Date() } }, select: { id: true } });
    return session ? { sessionId: session.id } : {};
  }
  return {};
}
