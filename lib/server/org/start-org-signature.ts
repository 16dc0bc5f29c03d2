import { AppError } from "@/lib/errors";
import { db, type Tx } from "@/lib/db/client";
import type { OrgSignaturePurpose } from "@/lib/generated/prisma/enums";
import { bytesToHex, utf8ToBytes } from "@/lib/pki/encoding";
import { sm3 } from "@/lib/pki/sm3";
import { writeAudit } from "@/lib/server/audit/write-audit";
import { ensureDeskPlatform } from "@/lib/server/platforms/ensure-desk-platform";
import { newScanToken } from "@/lib/server/scan/scan-token";
import { orgSignaturePermission } from "./org-signature-permission";
import { ORG_SIGNATURE_TTL_SECONDS, ZOrgSignatureParams } from "./org-signature.types";
import { requireMember } from "./require-member";

/**
 * A letter the signer signs with their enterprise certificate on the phone: a SIGN scan request of the
 * desk's own platform whose payload carries the letter (data: base64 of its UTF-8 bytes; digest: its SM3,
 * which the phone's CMS signs), and the OrgSignature that applies it when the scan completes. The signer
 * must hold the purpose's permission now (and again when it is applied). Returns the QR the phone scans on
 * the desk (in the app the phone opens the same URL directly).
 */
export async function startOrgSignature(
  { orgId, signerId, purpose, params, letterText, title }: { orgId: string; signerId: string; purpose: OrgSignaturePurpose; params: Record<string, unknown>; letterText: string; title: string },
  tx?: Tx,
) {
  const run = async (tx: Tx) => {
    const parsed = ZOrgSignatureParams[purpose].safeParse(params);
    if (!parsed.success) throw new AppError("bad_request");
    const requestId = "requestId" in parsed.data ? parsed.data.requestId : null;
    const request = requestId ? await tx.orgRequest.findFirst({ where: { id: requestId, orgId }, select: { kind: true } }) : null;
    if (requestId && !request) throw new AppError("not_found");
    await requireMember({ userId: signerId, orgId, permission: orgSignaturePermission(purpose, request?.kind) }, tx);
    const desk = await ensureDeskPlatform(tx);
    const bytes = utf8ToBytes(letterText);
    const { tokenHash, qrContent } = newScanToken();
    const scan = await tx.scanRequest.create({
      data: {
        platformId: desk.id,
        type: "SIGN",
        tokenHash,
        clientRef: `org:${orgId}`,
        payload: { digest: bytesToHex(sm3(bytes)), title, withSeal: false, data: Buffer.from(bytes).toString("base64") },
        expiresAt: new Date(Date.now() + ORG_SIGNATURE_TTL_SECONDS * 1000),
      },
      select: { id: true, expiresAt: true },
    });
    const signature = await tx.orgSignature.create({
      data: { orgId, signerId, purpose, params: parsed.data, letterText, scanRequestId: scan.id },
      select: { id: true },
    });
    await writeAudit(tx, { actorId: signerId, action: "org.signature_requested", targetType: "organization", targetId: orgId, data: { signatureId: signature.id, purpose, scanRequestId: scan.id } });
    return { signatureId: signature.id, qrContent, expiresAt: scan.expiresAt.toISOString() };
  };
  return tx ? run(tx) : db.$transaction(run);
}
