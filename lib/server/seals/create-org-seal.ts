import { AppError } from "@/lib/errors";
import { db } from "@/lib/db/client";
import { writeAudit } from "@/lib/server/audit/write-audit";
import { parseInput } from "@/lib/server/http/parse-input";
import { requireMember } from "@/lib/server/org/require-member";
import { findBindableCertificate } from "./find-bindable-certificate";
import { ZCreateOrgSealSchema } from "./seals.types";
import { storeSealPicture } from "./store-seal-picture";

const KIND_NAMES = { OFFICIAL: "公章", LEGAL_REP: "法人章", LEGAL_REP_SIGNATURE: "法人签字", CONTRACT: "合同专用章" } as const;

/**
 * 新增企业印章 (seals.manage: the administrator or a seal administrator): the photo of the stamp is processed
 * (refused if empty or blurred) and stored, the seal is bound to one of the enterprise's VALID signing
 * certificates and goes to the CA's review (PENDING_REVIEW), with seal.created in the same transaction.
 */
export async function createOrgSeal({ userId, orgId, input, file, ip }: { userId: string; orgId: string; input: unknown; file: Uint8Array | null; ip?: string }) {
  // Membership first: an outsider learns nothing (NOT_FOUND) and a member without the permission is FORBIDDEN, whatever they sent.
  await requireMember({ userId, orgId, permission: "seals.manage" });
  const { kind, certificateId, name } = parseInput(ZCreateOrgSealSchema, input);
  await findBindableCertificate({ certificateId, orgId });
  if (!file) throw new AppError("validation_failed", { userMessage: "seals.errors.fileEmpty", fields: { file: ["seals.errors.fileEmpty"] } });
  const picture = await storeSealPicture({ kind, bytes: file });
  return db.$transaction(async (tx) => {
    await requireMember({ userId, orgId, permission: "seals.manage" }, tx);
    await findBindableCertificate({ certificateId, orgId }, tx);
    const org = await tx.organization.findUniqueOrThrow({ where: { id: orgId }, select: { name: true } });
    const seal = await tx.seal.create({
      data: { orgId, kind, source: "UPLOAD", status: "PENDING_REVIEW", name: name || `${org.name} ${KIND_NAMES[kind]}`, certificateId, ...picture, submittedAt: new Date(), createdById: userId },
      select: { id: true, status: true },
    });
    await writeAudit(tx, { actorId: userId, ip, action: "seal.created", targetType: "Seal", targetId: seal.id, data: { kind, source: "UPLOAD", orgId, certificateId, orderId: null, status: seal.status } });
    return seal;
  });
}
