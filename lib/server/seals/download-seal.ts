import { AppError } from "@/lib/errors";
import { db } from "@/lib/db/client";
import { writeAudit } from "@/lib/server/audit/write-audit";
import { parseInput } from "@/lib/server/http/parse-input";
import { verifyPin } from "@/lib/server/keys/verify-pin";
import { getFileStorage } from "@/lib/storage/get-file-storage";
import { listUsableSeals } from "./list-usable-seals";
import { ZSealDownloadSchema } from "./seals.types";

/**
 * 下载印章 (the phone's 我的印章): the seal's picture and its signed SES_Seal, only to the holder of the bound
 * certificate and only with that certificate's PIN — the same verifyPin the signature uses (five wrong PINs
 * lock the key group; each failure is on record as key.pin_failed). The seal must be usable now
 * (listUsableSeals: approved, certificate VALID, the caller's own or their enterprise's).
 */
export async function downloadSeal({ userId, sealId, input, ip }: { userId: string; sealId: string; input: unknown; ip?: string }) {
  const { pin } = parseInput(ZSealDownloadSchema, input);
  const seal = await db.seal.findFirst({ where: { id: sealId, status: "APPROVED" }, select: { certificateId: true } });
  if (!seal?.certificateId) throw new AppError("not_found");
  const usable = (await listUsableSeals({ userId, certificateId: seal.certificateId })).find((s) => s.id === sealId);
  if (!usable) throw new AppError("not_found");
  const certificate = await db.certificate.findUniqueOrThrow({ where: { id: seal.certificateId }, select: { keyShareId: true } });
  if (!certificate.keyShareId) throw new AppError("conflict", { userMessage: "seals.errors.noKey" });
  await verifyPin({ userId, keyShareId: certificate.keyShareId, pin, ip });
  const row = await db.seal.findUniqueOrThrow({ where: { id: sealId }, select: { sesDer: true, processedKey: true, esId: true, name: true, kind: true, widthMm: true, heightMm: true } });
  const png = await getFileStorage().get(row.processedKey!);
  await db.$transaction((tx) => writeAudit(tx, { actorId: userId, ip, action: "seal.downloaded", targetType: "Seal", targetId: sealId, data: { certificateId: seal.certificateId!, what: "picture+structure" } }));
  return {
    id: sealId,
    esId: row.esId,
    name: row.name,
    kind: row.kind,
    widthMm: row.widthMm,
    heightMm: row.heightMm,
    pngBase64: Buffer.from(png).toString("base64"),
    sesSealBase64: Buffer.from(row.sesDer!).toString("base64"),
  };
}
