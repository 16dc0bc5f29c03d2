import { createHash, randomBytes } from "node:crypto";
import { AppError } from "@/lib/errors";
import { db } from "@/lib/db/client";
import { isUniqueViolation } from "@/lib/db/is-unique-violation";
import { writeAudit } from "@/lib/server/audit/write-audit";
import { wakeWorker } from "@/lib/server/jobs/start-worker";
import { assertSafePdf } from "@/lib/server/materials/assert-safe-pdf";
import { reencodeImage } from "@/lib/server/materials/reencode-image";
import { MATERIAL_MAX_BYTES } from "@/lib/server/materials/save-material";
import { sniffContent } from "@/lib/server/materials/sniff-content";
import { consumeRateLimit } from "@/lib/server/security/rate-limit";
import { getFileStorage } from "@/lib/storage/get-file-storage";
import { parseInput } from "@/lib/server/http/parse-input";
import { assertTransferTarget } from "./assert-transfer-target";
import { ZStartAdminTransfer } from "./org-requests.types";

/**
 * 转授管理员 without a certificate: the administrator uploads the stamped transfer form (a photo or a PDF,
 * judged by its content as every upload is: images decoded under limits and stored re-encoded, PDFs without
 * active content, 10 MB at most). The request goes to the CA (PENDING_CA, decidePaperTransfer); the roles
 * swap only when the CA approves. An open transfer with a certificate for this admin is replaced.
 */
export async function submitPaperTransfer({ userId, form }: { userId: string; form: FormData | null }) {
  const file = form?.get("file");
  if (!form || !(file instanceof File)) throw new AppError("validation_failed", { fields: { file: ["materials.errors.fileMissing"] } });
  const { orgId, toUserId } = parseInput(ZStartAdminTransfer, { orgId: form.get("orgId"), toUserId: form.get("toUserId") });
  await db.$transaction((tx) => assertTransferTarget(tx, { userId, orgId, toUserId }));
  const bytes = new Uint8Array(await file.arrayBuffer());
  if (bytes.length === 0) throw new AppError("validation_failed", { fields: { file: ["materials.errors.empty"] } });
  if (bytes.length > MATERIAL_MAX_BYTES) throw new AppError("validation_failed", { userMessage: "materials.errors.tooLarge", fields: { file: ["materials.errors.tooLarge"] } });
  const type = sniffContent(bytes);
  if (!type) throw new AppError("validation_failed", { userMessage: "materials.errors.badType", fields: { file: ["materials.errors.badType"] } });
  await consumeRateLimit(db, `materials:user:${userId}`, [{ seconds: 3600, max: 120 }]);
  const stored = type.mime === "application/pdf" ? (await assertSafePdf(bytes), bytes) : (await reencodeImage({ bytes, mime: type.mime })).bytes;
  const sha256 = createHash("sha256").update(stored).digest("hex");
  const key = `org/${orgId}/transfer-${randomBytes(12).toString("hex")}.${type.ext}`;
  await getFileStorage().put(key, stored, type.mime);
  try {
    const request = await db.$transaction(async (tx) => {
      await assertTransferTarget(tx, { userId, orgId, toUserId });
      const open = await tx.orgRequest.findFirst({ where: { orgId, requesterId: userId, kind: "TRANSFER_ADMIN", status: { in: ["PENDING_ADMIN", "PENDING_CA"] } } });
      if (open?.status === "PENDING_CA") throw new AppError("conflict", { userMessage: "orgRequests.errors.duplicate" });
      if (open) {
        await tx.orgRequest.update({ where: { id: open.id }, data: { status: "CANCELLED", decidedAt: new Date() } });
        await writeAudit(tx, { actorId: userId, action: "org.request_cancelled", targetType: "organization", targetId: orgId, data: { requestId: open.id, kind: "TRANSFER_ADMIN" } });
      }
      const row = await tx.orgRequest.create({
        data: { orgId, kind: "TRANSFER_ADMIN", status: "PENDING_CA", requesterId: userId, targetUserId: toUserId, paperKey: key, paperSha256: sha256, paperMime: type.mime },
      });
      await writeAudit(tx, { actorId: userId, action: "org.request_created", targetType: "organization", targetId: orgId, data: { requestId: row.id, kind: "TRANSFER_ADMIN", platformIds: [] } });
      return row;
    });
    wakeWorker();
    return { requestId: request.id, status: request.status };
  } catch (e) {
    if (isUniqueViolation(e)) throw new AppError("conflict", { userMessage: "orgRequests.errors.duplicate", cause: e });
    throw e;
  }
}
