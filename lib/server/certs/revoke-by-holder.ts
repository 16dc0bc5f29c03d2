import { AppError } from "@/lib/errors";
import type { Tx } from "@/lib/db/client";
import { revocableCertificate } from "./revoke-access";
import { revokePair, type RevokedPair } from "./revoke-pair";
import { ZHolderRevokeReasonSchema, type THolderRevokeReason } from "./revoke-holder.types";

/**
 * The holder (or an enterprise's certs.manage member) revokes a VALID certificate and its pair, with
 * one of the reasons a subscriber may give. `extra` joins the revocation's transaction (the desk
 * order that carried the checks is completed in it).
 */
export async function revokeByHolder({
  userId,
  certificateId,
  reason,
  ip,
  extra,
}: {
  userId: string;
  certificateId: string;
  reason: THolderRevokeReason;
  ip?: string;
  extra?: (tx: Tx, pair: RevokedPair) => Promise<void>;
}) {
  const parsed = ZHolderRevokeReasonSchema.parse(reason);
  const certificate = await revocableCertificate({ userId, certificateId });
  if (certificate.status !== "VALID") throw new AppError("conflict", { userMessage: "lifecycleRevoke.errors.notValid" });
  return revokePair({ certificateId, reason: parsed, actorId: userId, ip, extra });
}
