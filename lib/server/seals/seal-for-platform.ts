import { db } from "@/lib/db/client";
import { getFileStorage } from "@/lib/storage/get-file-storage";
import type { TPlatformSeal } from "./seal-platform.types";
import { usableSealWhere } from "./list-usable-seals";

const SELECT = { id: true, esId: true, name: true, kind: true, status: true, processedKey: true, sesDer: true, widthMm: true, heightMm: true, validTo: true, certificate: { select: { serialHex: true } } } as const;

type Row = { id: string; esId: string | null; name: string; kind: string; status: string; processedKey: string | null; sesDer: Uint8Array | null; widthMm: number | null; heightMm: number | null; validTo: Date | null; certificate: { serialHex: string } | null };

async function toView(row: Row): Promise<TPlatformSeal> {
  const picture = row.processedKey ? await getFileStorage().get(row.processedKey) : null;
  return {
    id: row.id,
    esId: row.esId,
    name: row.name,
    kind: row.kind.toLowerCase() as TPlatformSeal["kind"],
    status: row.status.toLowerCase() as TPlatformSeal["status"],
    certificateSerial: row.certificate?.serialHex ?? null,
    widthMm: row.widthMm,
    heightMm: row.heightMm,
    validTo: row.validTo?.toISOString() ?? null,
    // The processed transparent PNG and the CA-signed SES_Seal (DER), base64: what a relying party draws and checks.
    picture: picture ? Buffer.from(picture).toString("base64") : null,
    sesSeal: row.sesDer ? Buffer.from(row.sesDer).toString("base64") : null,
  };
}

/** One seal as a trading platform receives it (with a signature, or listed for a certificate). */
export async function sealForPlatform({ sealId }: { sealId: string }) {
  const row = await db.seal.findUnique({ where: { id: sealId }, select: SELECT });
  return row ? toView(row) : null;
}

/**
 * GET /api/v1/seals?serial=: the seals the holder may stamp with a signing certificate (usableSealWhere: bound, or
 * granted, 授权用章, while an ACTIVE member), for a platform the
 * certificate's holder has already identified to (a completed scan request of that platform with
 * that certificate), so a platform cannot browse seals of holders it never met. Used before a PDF
 * is prepared: the picture must be drawn into the bytes the holder signs.
 */
export async function listCertificateSealsForPlatform({ platformId, serial }: { platformId: string; serial: string }) {
  const certificate = await db.certificate.findFirst({
    where: { serialHex: serial.toLowerCase(), usage: "SIGN", status: "VALID", notAfter: { gt: new Date() } },
    select: { id: true, userId: true },
  });
  if (!certificate?.userId) return [];
  const met = await db.scanRequest.count({ where: { platformId, certificateId: certificate.id, status: "COMPLETED" } });
  if (met === 0) return [];
  // What the holder could stamp with this certificate (the phone picker's rule): a granted enterprise seal only
  // while the holder is an ACTIVE member whose role may use seals, an enterprise's bound seal only while a member.
  const rows = await db.seal.findMany({
    where: usableSealWhere({ userId: certificate.userId, certificateId: certificate.id, now: new Date() }),
    select: SELECT,
    orderBy: { createdAt: "asc" },
  });
  return Promise.all(rows.map(toView));
}

export type { TPlatformSeal };
