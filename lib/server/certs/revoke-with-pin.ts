import { AppError } from "@/lib/errors";
import { db } from "@/lib/db/client";
import { verifyPin } from "@/lib/server/keys/verify-pin";
import { revokePair } from "./revoke-pair";
import { ZRevokeWithPinSchema } from "./revoke-holder.types";

/**
 * 证书注销 on the phone: the holder proves possession with the PIN, checked by the server as for a
 * signature (a wrong PIN costs one of the key group's tries), then the certificate and its pair are
 * revoked (cessationOfOperation). Only the holder: someone else's certificate is NOT_FOUND. Of
 * parallel calls one revokes; the others get `conflict`.
 */
export async function revokeWithPin({ userId, certificateId, input, ip }: { userId: string; certificateId: string; input: unknown; ip?: string }) {
  const { pin } = ZRevokeWithPinSchema.parse(input);
  const certificate = await db.certificate.findFirst({ where: { id: certificateId, userId }, select: { id: true, status: true, keyShareId: true } });
  if (!certificate) throw new AppError("not_found");
  if (certificate.status !== "VALID" || !certificate.keyShareId) throw new AppError("conflict", { userMessage: "lifecycleRevoke.errors.notValid" });
  await verifyPin({ userId, keyShareId: certificate.keyShareId, pin, ip });
  return revokePair({ certificateId, reason: "cessationOfOperation", actorId: userId, ip });
}
