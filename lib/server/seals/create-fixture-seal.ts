import sharp from "sharp";
import { AppError } from "@/lib/errors";
import { env } from "@/lib/env";
import { db } from "@/lib/db/client";
import { storeSealPicture } from "./store-seal-picture";
import { signSealStructure } from "./sign-seal-structure";
import { sealLook } from "./seal-rules";

/** A stamp (red square frame with a star) or a signature (dark strokes) on white paper, as a photo would show it. */
async function paperPicture(kind: "PERSONAL" | "HANDWRITTEN") {
  const mark =
    kind === "PERSONAL"
      ? `<rect x="60" y="60" width="280" height="280" fill="none" stroke="#d0101a" stroke-width="22"/><polygon points="200,100 225,175 305,175 240,220 265,295 200,250 135,295 160,220 95,175 175,175" fill="#d0101a"/>`
      : `<path d="M40 260 C 90 80, 140 80, 160 250 S 240 60, 280 240 S 340 120, 370 230" fill="none" stroke="#1b1b2a" stroke-width="14" stroke-linecap="round"/>`;
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="400" height="400"><rect width="400" height="400" fill="#fbfaf6"/>${mark}</svg>`;
  return new Uint8Array(await sharp(Buffer.from(svg)).png().toBuffer());
}

/**
 * E2E only (CERTDESK_E2E_FIXTURES=1): an APPROVED personal seal of the caller, bound to their newest
 * valid signing certificate, made through the real picture processing and the real SES_Seal signing,
 * so the seal-using flows (scan, PDF) can be tested on their own. The making flows have their own tests.
 */
export async function createFixtureSeal({ userId, kind }: { userId: string; kind: "PERSONAL" | "HANDWRITTEN" }) {
  if (env().CERTDESK_E2E_FIXTURES !== "1") throw new AppError("not_found");
  const certificate = await db.certificate.findFirst({
    where: { userId, usage: "SIGN", status: "VALID", notAfter: { gt: new Date() } },
    orderBy: { createdAt: "desc" },
    select: { id: true, der: true, notAfter: true },
  });
  if (!certificate) throw new AppError("not_found", { userMessage: "scan.errors.noCertificate" });
  const picture = await storeSealPicture({ kind, bytes: await paperPicture(kind) });
  const name = kind === "PERSONAL" ? "个人印章（测试）" : "手写签名（测试）";
  const look = sealLook(kind);
  const signed = await signSealStructure({ seal: { name, orgId: null, processedKey: picture.processedKey, widthMm: look.widthMm, heightMm: look.heightMm }, certificate });
  return db.seal.create({
    data: {
      userId,
      name,
      kind,
      source: kind === "PERSONAL" ? "GENERATED" : "HANDWRITTEN",
      status: "APPROVED",
      certificateId: certificate.id,
      ...picture,
      widthMm: look.widthMm,
      heightMm: look.heightMm,
      esId: signed.esId,
      sesDer: signed.sesDer,
      validFrom: signed.validFrom,
      validTo: signed.validTo,
      submittedAt: new Date(),
      reviewedAt: new Date(),
      createdById: userId,
    },
    select: { id: true, name: true, esId: true, certificateId: true },
  });
}
