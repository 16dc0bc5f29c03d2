import { db } from "@/lib/db/client";

/**
 * The caller's certificates whose key is locked (5 wrong PINs): what the desk's 证书解锁 page
 * hands over to the phone, where the unlock itself runs (lib/server/keys/reverify-key.ts).
 */
export async function listLockedCertificates({ userId }: { userId: string }) {
  return db.certificate.findMany({
    where: { userId, usage: "SIGN", status: "VALID", keyShare: { status: "LOCKED" } },
    orderBy: { notBefore: "desc" },
    take: 20,
    select: { id: true, serialHex: true, subjectName: true, notAfter: true, keyShare: { select: { lockedAt: true } } },
  });
}
