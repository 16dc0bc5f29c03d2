import { createHash } from "node:crypto";
import { AppError } from "@/lib/errors";
import { db } from "@/lib/db/client";
import { writeAudit } from "@/lib/server/audit/write-audit";
import { checkVerificationCode } from "@/lib/server/auth/check-verification-code";
import { findAuthorizationByToken } from "./find-authorization-by-token";
import { ZSignAuthorizationSchema } from "./sign-authorization.types";

/**
 * The legal representative signs: a valid code to their phone, then the letter is marked SIGNED
 * with a hash binding the letter text, the phone and the time (evidence for the reviewer).
 */
export async function signAuthorization({ token, input, ip }: { token: string; input: unknown; ip?: string }) {
  const { code } = ZSignAuthorizationSchema.parse(input);
  const auth = await findAuthorizationByToken({ token });
  if (auth.status !== "SENT") throw new AppError("gone", { userMessage: "wizard.authorization.linkClosed" });
  try {
    await checkVerificationCode({ phone: auth.phone, purpose: "LEGAL_REP_AUTHORIZATION", code, context: auth.id });
  } catch (err) {
    if (err instanceof AppError) throw new AppError(err.code, { userMessage: err.userMessage, params: err.params, fields: { code: [err.userMessage] } });
    throw err;
  }
  const signedAt = new Date();
  const signatureHash = createHash("sha256").update([auth.letterText, auth.phone, signedAt.toISOString()].join("\n")).digest("hex");
  return db.$transaction(async (tx) => {
    const updated = await tx.legalRepAuthorization.updateMany({ where: { id: auth.id, status: "SENT" }, data: { status: "SIGNED", signedAt, signatureHash } });
    if (updated.count === 0) throw new AppError("gone", { userMessage: "wizard.authorization.linkClosed" });
    const row = await tx.legalRepAuthorization.findUniqueOrThrow({ where: { id: auth.id }, select: { orderId: true } });
    await tx.orderEvent.create({ data: { orderId: row.orderId, type: "authorization_signed" } });
    await writeAudit(tx, { action: "order.authorization_signed", targetType: "LegalRepAuthorization", targetId: auth.id, data: { orderId: row.orderId, signatureHash }, ip });
    return { status: "SIGNED" as const, signedAt };
  });
}
