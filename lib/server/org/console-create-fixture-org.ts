import { createHash, randomBytes, randomInt } from "node:crypto";
import sharp from "sharp";
import { AppError } from "@/lib/errors";
import { env } from "@/lib/env";
import { db } from "@/lib/db/client";
import { writeAudit } from "@/lib/server/audit/write-audit";
import { idNumberCheckChar } from "@/lib/validators/id-number";
import { getFileStorage } from "@/lib/storage/get-file-storage";

/** A stand-in for a photographed, stamped transfer form (lines of "text" and a red seal). */
async function formImage(): Promise<Uint8Array> {
  const lines = Array.from({ length: 9 }, (_, i) => `<rect x="60" y="${130 + i * 42}" width="${i % 3 === 2 ? 300 : 480}" height="10" rx="5" fill="#9aa4b2"/>`).join("");
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="600" height="800"><rect width="600" height="800" fill="#fdfcf8"/><rect x="150" y="50" width="300" height="28" rx="6" fill="#334155"/>${lines}<circle cx="440" cy="640" r="80" fill="none" stroke="#d32f2f" stroke-width="8"/><circle cx="440" cy="640" r="14" fill="#d32f2f"/></svg>`;
  return new Uint8Array(await sharp(Buffer.from(svg)).png().toBuffer());
}

/**
 * End-to-end test fixture (CERTDESK_E2E_FIXTURES=1 only, else NOT_FOUND as if there were no route): an
 * enterprise whose administrator is the caller, with one more member, and the caller's paper transfer of
 * the administrator role to that member waiting for the CA (the stamped form in FileStorage). The claim,
 * join and transfer flows have their own specs; the console's pages start here.
 */
export async function consoleCreateFixtureOrg({ userId }: { userId: string }) {
  if (env().CERTDESK_E2E_FIXTURES !== "1") throw new AppError("not_found");
  const tag = randomBytes(3).toString("hex").toUpperCase();
  const first17 = `110105198807${String(randomInt(10, 29))}${String(randomInt(0, 1000)).padStart(3, "0")}`;
  const uscc = `91110108MA${randomBytes(4).toString("hex").toUpperCase().slice(0, 7)}X`;
  const bytes = await formImage();
  const paperKey = `org-paper/e2e/${tag}-${randomBytes(6).toString("hex")}.png`;
  await getFileStorage().put(paperKey, bytes, "image/png");
  return db.$transaction(async (tx) => {
    const org = await tx.organization.create({
      data: {
        name: `端到端测试${tag}科技有限公司`,
        uscc,
        legalRepName: "王法人",
        legalRepIdType: "RESIDENT_ID",
        legalRepIdNumber: first17 + idNumberCheckChar(first17),
        address: "北京市海淀区中关村大街 1 号",
        verifiedAt: new Date(),
      },
    });
    const colleague = await tx.user.create({ data: { phone: `199${String(randomInt(0, 100_000_000)).padStart(8, "0")}`, name: "李同事", realName: "李同事" } });
    await tx.membership.create({ data: { orgId: org.id, userId, role: "ADMIN" } });
    await tx.membership.create({ data: { orgId: org.id, userId: colleague.id, role: "MEMBER" } });
    await writeAudit(tx, { actorId: userId, action: "org.created", targetType: "organization", targetId: org.id, data: { uscc, name: org.name, orderId: null } });
    await writeAudit(tx, { actorId: userId, action: "org.member_added", targetType: "organization", targetId: org.id, data: { userId: colleague.id, role: "MEMBER", via: "admin" } });
    const request = await tx.orgRequest.create({
      data: { orgId: org.id, kind: "TRANSFER_ADMIN", status: "PENDING_CA", requesterId: userId, targetUserId: colleague.id, paperKey, paperMime: "image/png", paperSha256: createHash("sha256").update(bytes).digest("hex") },
    });
    await writeAudit(tx, { actorId: userId, action: "org.request_created", targetType: "organization", targetId: org.id, data: { requestId: request.id, kind: "TRANSFER_ADMIN", platformIds: [] } });
    return { orgId: org.id, name: org.name, uscc, requestId: request.id, colleagueId: colleague.id };
  });
}
