import { AppError } from "@/lib/errors";
import { bytesToHex, hexToBytes } from "@/lib/pki/encoding";
import { sm2Digest } from "@/lib/pki/sm2-digest";
import type { TSignRequest } from "@/lib/pki/two-party";
import { db } from "@/lib/db/client";

/**
 * The server half signs only a digest it computed itself: e = SM3(Z || message), Z from the
 * default ID and the key's joint public key (the certificate's), for the message the request
 * says is signed. A request whose e differs is refused before the PIN is looked at, so the half
 * is never an oracle for a digest the phone chose.
 */
export async function assertSignsMessage({
  userId,
  keyShareId,
  request,
  message,
  publicKey,
}: {
  userId: string;
  keyShareId: string;
  request: TSignRequest;
  message: Uint8Array;
  /** The share's public key, when the caller has read this user's share already (findKeyGroup). */
  publicKey?: string;
}) {
  const share = publicKey !== undefined ? { publicKey } : await db.keyShare.findFirst({ where: { id: keyShareId, userId }, select: { publicKey: true } });
  if (!share) throw new AppError("not_found", { userMessage: "errors.not_found" });
  const e = bytesToHex(sm2Digest(message, hexToBytes(share.publicKey)));
  if (request.e !== e) throw new AppError("validation_failed", { userMessage: "phone.errors.digestMismatch", fields: { request: ["e is not the digest of what this request signs"] } });
}
