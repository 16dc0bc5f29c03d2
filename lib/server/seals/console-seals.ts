import { AppError } from "@/lib/errors";
import { db } from "@/lib/db/client";

/** 印章审核 queue: seals waiting for the CA (oldest first), then the latest decided ones. */
export async function consoleListSeals({ status }: { status?: "PENDING_REVIEW" | "APPROVED" | "REJECTED" }) {
  return db.seal.findMany({
    where: { status: status ?? "PENDING_REVIEW" },
    select: { id: true, name: true, kind: true, source: true, status: true, submittedAt: true, reviewedAt: true, org: { select: { name: true, uscc: true } }, user: { select: { realName: true, name: true } } },
    orderBy: status && status !== "PENDING_REVIEW" ? { reviewedAt: "desc" } : { submittedAt: "asc" },
    take: 200,
  });
}

/** One seal for the reviewer: owner, bound certificate, pictures (by URL), decision. */
export async function consoleGetSeal({ sealId }: { sealId: string }) {
  const seal = await db.seal.findUnique({
    where: { id: sealId },
    select: {
      id: true, name: true, kind: true, source: true, status: true, esId: true, validFrom: true, validTo: true, rejectReason: true, voidReason: true,
      submittedAt: true, reviewedAt: true, reviewedById: true, createdById: true, replacesSealId: true, orderId: true, widthMm: true, heightMm: true, imageKey: true,
      org: { select: { id: true, name: true, uscc: true } },
      user: { select: { realName: true, name: true } },
      certificate: { select: { serialHex: true, subjectName: true, notAfter: true, status: true } },
    },
  });
  if (!seal) throw new AppError("not_found");
  return seal;
}
