import { AppError } from "@/lib/errors";
import { db } from "@/lib/db/client";
import { writeAudit } from "@/lib/server/audit/write-audit";
import { parseInput } from "@/lib/server/http/parse-input";
import { findBindableCertificate } from "./find-bindable-certificate";
import { renderNameSeal } from "./render-name-seal";
import { MAX_PERSONAL_SEALS, SLOT_STATUSES } from "./seal-rules";
import { ZCreatePersonalSealSchema } from "./seals.types";
import { signSealStructure } from "./sign-seal-structure";
import { storeSealPicture } from "./store-seal-picture";

/**
 * 新增个人印章: a private seal from a stamp photo (UPLOAD, red ink), a handwritten signature from the signature
 * pad (HANDWRITTEN, the pad's PNG through the same processing for dark ink), or one generated from the
 * holder's real name (GENERATED). Bound to one of the holder's own VALID signing certificates. At most
 * MAX_PERSONAL_SEALS per person: counted under a lock of the user's row, so parallel creations cannot pass
 * the cap. A generated seal is approved at once (SES_Seal signed) where the certificate's channel allows
 * it (autoApproveGeneratedSeals); everything else goes to the CA's review.
 */
export async function createPersonalSeal({ userId, input, file, ip }: { userId: string; input: unknown; file: Uint8Array | null; ip?: string }) {
  const { source, certificateId, style } = parseInput(ZCreatePersonalSealSchema, input);
  const certificate = await findBindableCertificate({ certificateId, userId });
  const user = await db.user.findUniqueOrThrow({ where: { id: userId }, select: { realName: true, name: true } });
  const holder = (user.realName ?? user.name ?? "").trim();
  const kind = source === "HANDWRITTEN" ? "HANDWRITTEN" : "PERSONAL";
  let bytes = file;
  if (source === "GENERATED") bytes = await renderNameSeal({ name: holder, style: style ?? "square" });
  if (!bytes) throw new AppError("validation_failed", { userMessage: "seals.errors.fileEmpty", fields: { file: ["seals.errors.fileEmpty"] } });
  // Early answer before any work is stored (checked again under the lock below).
  await assertSlotFree(userId);
  const picture = await storeSealPicture({ kind, bytes });
  const channel = certificate.orderId ? await db.order.findUnique({ where: { id: certificate.orderId }, select: { channel: { select: { autoApproveGeneratedSeals: true } } } }) : null;
  const automatic = source === "GENERATED" && (channel?.channel.autoApproveGeneratedSeals ?? false);
  const name = `${holder || "个人"} ${kind === "HANDWRITTEN" ? "手写签名" : "个人印章"}`;
  const signed = automatic ? await signSealStructure({ seal: { name, orgId: null, processedKey: picture.processedKey, widthMm: picture.widthMm, heightMm: picture.heightMm }, certificate }) : null;
  return db.$transaction(async (tx) => {
    // NO KEY UPDATE: serialises these calls per user without blocking inserts that reference the user
    // (their foreign-key check takes KEY SHARE; the audit append must never wait for this lock).
    await tx.$queryRaw`SELECT id FROM "User" WHERE id = ${userId} FOR NO KEY UPDATE`;
    const live = await tx.seal.count({ where: { userId, orgId: null, status: { in: [...SLOT_STATUSES] } } });
    if (live >= MAX_PERSONAL_SEALS) throw new AppError("conflict", { userMessage: "seals.errors.maxPersonal", params: { max: MAX_PERSONAL_SEALS } });
    await findBindableCertificate({ certificateId, userId }, tx);
    const now = new Date();
    const seal = await tx.seal.create({
      data: {
        userId,
        kind,
        source,
        name,
        certificateId,
        ...picture,
        submittedAt: now,
        createdById: userId,
        ...(signed ? { status: "APPROVED" as const, esId: signed.esId, sesDer: new Uint8Array(signed.sesDer), validFrom: signed.validFrom, validTo: signed.validTo, reviewedAt: now } : { status: "PENDING_REVIEW" as const }),
      },
      select: { id: true, status: true },
    });
    await writeAudit(tx, { actorId: userId, ip, action: "seal.created", targetType: "Seal", targetId: seal.id, data: { kind, source, orgId: null, certificateId, orderId: null, status: seal.status } });
    if (signed) {
      await writeAudit(tx, { actorId: userId, ip, action: "seal.approved", targetType: "Seal", targetId: seal.id, data: { esId: signed.esId, certificateId, validTo: signed.validTo.toISOString(), automatic: true } });
    }
    return seal;
  });
}

async function assertSlotFree(userId: string) {
  const live = await db.seal.count({ where: { userId, orgId: null, status: { in: [...SLOT_STATUSES] } } });
  if (live >= MAX_PERSONAL_SEALS) throw new AppError("conflict", { userMessage: "seals.errors.maxPersonal", params: { max: MAX_PERSONAL_SEALS } });
}
