import { AppError } from "@/lib/errors";
import { db } from "@/lib/db/client";
import { maskPhone } from "@/lib/server/auth/session-user";
import { authorizationTokenHash } from "./create-authorization-link";

/**
 * The legal representative's page has no login: the link's token is the credential, and the
 * SMS code to the legal rep's own phone is the second factor. An unknown token is NOT_FOUND.
 */
export async function findAuthorizationByToken({ token }: { token: string }) {
  const auth = await db.legalRepAuthorization.findUnique({
    where: { tokenHash: authorizationTokenHash(token) },
    include: { order: { select: { no: true, subjectName: true, status: true } } },
  });
  if (!auth) throw new AppError("not_found");
  const isExpired = auth.status === "SENT" && (auth.expiresAt <= new Date() || auth.order.status !== "DRAFT");
  return {
    id: auth.id,
    phone: auth.phone,
    maskedPhone: maskPhone(auth.phone),
    letterText: auth.letterText,
    status: isExpired ? ("EXPIRED" as const) : auth.status,
    signedAt: auth.signedAt,
    orderNo: auth.order.no,
    company: auth.order.subjectName,
  };
}
