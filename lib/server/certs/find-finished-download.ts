import { db } from "@/lib/db/client";
import { derToPem } from "@/lib/pki/pem";
import { verifyPin } from "@/lib/server/keys/verify-pin";

/**
 * The answer of a download that already finished with these two key shares, for a phone whose
 * first answer was lost (the instance died after the commit, a timeout, a double tap): the same
 * two certificates, and W after the PIN verifies (counted as every PIN check is). Undefined when
 * the order's certificates were not issued for exactly these shares.
 */
export async function findFinishedDownload({ userId, orderId, signKeyShareId, encryptKeyShareId, pin, ip }: { userId: string; orderId: string; signKeyShareId: string; encryptKeyShareId: string; pin: string; ip?: string }) {
  const certs = await db.certificate.findMany({
    where: { orderId, userId, keyShareId: { in: [signKeyShareId, encryptKeyShareId] } },
    select: { id: true, usage: true, serialHex: true, keyShareId: true, der: true, notAfter: true },
  });
  const sign = certs.find((c) => c.usage === "SIGN" && c.keyShareId === signKeyShareId);
  const encrypt = certs.find((c) => c.usage === "ENCRYPT" && c.keyShareId === encryptKeyShareId);
  if (certs.length !== 2 || !sign || !encrypt) return undefined;
  const { wrapKey } = await verifyPin({ userId, keyShareId: signKeyShareId, pin, ip });
  const view = (c: typeof sign) => ({ id: c.id, usage: c.usage, serialHex: c.serialHex, keyShareId: c.keyShareId!, pem: derToPem(c.der, "CERTIFICATE"), notAfter: c.notAfter });
  return { wrapKey, certificates: [view(sign), view(encrypt)] };
}
