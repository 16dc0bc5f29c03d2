import { randomInt } from "node:crypto";
import { z } from "zod";
import { AppError } from "@/lib/errors";
import { getIdentityProvider } from "@/lib/identity/get-identity-provider";
import type { IdentityProvider, VerifyResult } from "@/lib/identity/identity-provider";
import { db } from "@/lib/db/client";
import { writeAudit } from "@/lib/server/audit/write-audit";
import { consumeRateLimit } from "@/lib/server/security/rate-limit";
import { depositCodeHash, faceToken, faceTokenHash } from "./face-link";
import { finishIdentityCheck } from "./finish-identity-check";
import { toIdentityCheckView, type IdentityNext } from "./identity-check-view";
import { recordAccountRealName } from "./record-account-real-name";
import { recordBankCard } from "./record-bank-card";
import { maskSubject, ZIdentitySubjectSchemas } from "./identity-subject.types";

export const ZStartIdentityCheckSchema = z.object({
  method: z.enum(["CORP_DEPOSIT", "PERSONAL_DEPOSIT", "PHONE3", "BANK4", "FACE"]),
  role: z.enum(["ENTERPRISE", "LEGAL_REP", "HANDLER", "APPLICANT"]),
});

const FACE_TTL_MS = 30 * 60_000;
// A transfer can take a business day to arrive; the code stays valid for two days.
const DEPOSIT_TTL_MS = 48 * 3600_000;
// Real checks are billed per call: a script must not run up the bill or probe identities.
const LIMITS = [{ seconds: 3600, max: 30 }, { seconds: 86_400, max: 100 }];

export type StartIdentityCheckResult = { checkId: string; status: "PENDING" | "PASSED" | "FAILED"; failReason?: string; next?: IdentityNext };

/**
 * Starts a real-name check. PHONE3 and BANK4 answer at once; a micro-deposit waits for the code from
 * the memo (confirmDepositCode), a face check for the person on their phone (/m/face/[token]).
 */
export async function startIdentityCheck(input: {
  userId: string;
  orderId?: string | null;
  method: "CORP_DEPOSIT" | "PERSONAL_DEPOSIT" | "PHONE3" | "BANK4" | "FACE";
  role: "ENTERPRISE" | "LEGAL_REP" | "HANDLER" | "APPLICANT";
  subject: Record<string, string>;
}): Promise<StartIdentityCheckResult> {
  const { method, role } = ZStartIdentityCheckSchema.parse(input);
  const subject = ZIdentitySubjectSchemas[method].parse(input.subject) as Record<string, string>;
  const user = await db.user.findUnique({ where: { id: input.userId }, select: { id: true, phone: true } });
  if (!user) throw new AppError("unauthenticated");
  if (input.orderId) {
    const order = await db.order.findFirst({ where: { id: input.orderId, userId: user.id }, select: { status: true } });
    if (!order) throw new AppError("not_found");
    if (order.status !== "DRAFT") throw new AppError("conflict", { userMessage: "identity.errors.orderNotDraft" });
  }
  await consumeRateLimit(db, `identity:user:${user.id}`, LIMITS);

  const provider = getIdentityProvider();
  const isDeposit = method === "CORP_DEPOSIT" || method === "PERSONAL_DEPOSIT";
  const expiresAt = method === "FACE" ? new Date(Date.now() + FACE_TTL_MS) : isDeposit ? new Date(Date.now() + DEPOSIT_TTL_MS) : null;
  const faceSession = method === "FACE" ? await callProvider(() => provider.startFace({ name: subject.name!, idNumber: subject.idNumber! })) : undefined;

  const check = await db.$transaction(async (tx) => {
    const row = await tx.identityCheck.create({
      data: {
        userId: user.id,
        orderId: input.orderId ?? null,
        method,
        role,
        subject: maskSubject(subject),
        provider: provider.name,
        providerRef: faceSession?.providerRef,
        expiresAt,
      },
    });
    await writeAudit(tx, { actorId: user.id, action: "identity.check_started", targetType: "IdentityCheck", targetId: row.id, data: { method, role, orderId: input.orderId ?? null } });
    if (method === "FACE") await tx.identityCheck.update({ where: { id: row.id }, data: { secretHash: faceTokenHash(faceToken(row.id)) } });
    // 银行卡管理: the holder's own card (an applicant's check) or the enterprise's 对公账户; a legal
    // representative's card checked by a handler is theirs, not this account's.
    const card = bankCardOf(method, role, subject);
    if (card) await recordBankCard(tx, { userId: user.id, ...card, checkId: row.id });
    return row;
  });

  if (method === "PHONE3" || method === "BANK4") {
    const result = await callProvider(() => verifyNow(provider, method, subject));
    await db.$transaction(async (tx) => {
      const isFinished = await finishIdentityCheck(tx, { checkId: check.id, ok: result.ok, reason: result.ok ? undefined : result.reason, providerRef: result.providerRef, actorId: user.id });
      // The account holder themselves (their own number): the account's 实名认证, recorded with the pass.
      if (isFinished && result.ok && method === "PHONE3" && role === "APPLICANT" && subject.phone === user.phone) {
        await recordAccountRealName(tx, { userId: user.id, checkId: check.id, name: subject.name!, idNumber: subject.idNumber!, refresh: !input.orderId });
      }
    });
  } else if (isDeposit) {
    // The code goes out only inside the memo; the database keeps an HMAC bound to this check.
    const code = String(randomInt(0, 1_000_000)).padStart(6, "0");
    await db.identityCheck.update({ where: { id: check.id }, data: { secretHash: depositCodeHash(check.id, code) } });
    const result = await callProvider(() =>
      provider.sendMicroDeposit({
        kind: method === "CORP_DEPOSIT" ? "corporate" : "personal",
        accountName: subject.name!,
        accountNo: (method === "CORP_DEPOSIT" ? subject.bankAccount : subject.bankCard)!,
        bankName: subject.bankName!,
        memo: `云证书验证码${code}`,
        noticePhone: user.phone,
      }),
    ).catch(async (err: unknown) => {
      await db.identityCheck.update({ where: { id: check.id }, data: { status: "FAILED", failReason: "provider_failed", completedAt: new Date() } });
      throw err;
    });
    if (result.ok) await db.identityCheck.update({ where: { id: check.id }, data: { providerRef: result.providerRef } });
    else await db.$transaction((tx) => finishIdentityCheck(tx, { checkId: check.id, ok: false, reason: result.reason, providerRef: result.providerRef, actorId: user.id }));
  }

  const view = toIdentityCheckView(await db.identityCheck.findUniqueOrThrow({ where: { id: check.id } }));
  return { checkId: view.checkId, status: view.status as StartIdentityCheckResult["status"], failReason: view.failReason, next: view.next };
}

function bankCardOf(method: string, role: string, s: Record<string, string>) {
  if (method === "CORP_DEPOSIT" && role === "ENTERPRISE") return { kind: "CORPORATE" as const, holderName: s.name!, bankName: s.bankName, number: s.bankAccount! };
  if ((method === "BANK4" || method === "PERSONAL_DEPOSIT") && role === "APPLICANT") return { kind: "PERSONAL" as const, holderName: s.name!, bankName: s.bankName, number: s.bankCard! };
  return null;
}

function verifyNow(provider: IdentityProvider, method: "PHONE3" | "BANK4", s: Record<string, string>): Promise<VerifyResult> {
  return method === "PHONE3"
    ? provider.verifyPhone3({ name: s.name!, idNumber: s.idNumber!, phone: s.phone! })
    : provider.verifyBank4({ name: s.name!, idNumber: s.idNumber!, bankCard: s.bankCard!, phone: s.phone! });
}

// A provider outage is the provider's fault, not the user's input: 502 with a retry message.
async function callProvider<T>(fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (err) {
    // The name only: a provider's message may echo the card or ID number.
    console.error("[identity] provider call failed:", err instanceof Error ? err.name : "unknown");
    throw new AppError("provider_failed", { cause: err });
  }
}
