import type { Role } from "@/lib/generated/prisma/enums";
import { AppError } from "@/lib/errors";
import { db } from "@/lib/db/client";
import { writeAudit } from "@/lib/server/audit/write-audit";
import { assertPermission } from "@/lib/server/auth/permissions";
import { toFreeSubjectView } from "./free-subject-view";
import type { FreeSubjectView } from "./free-subjects.types";

type Staff = { id: string; role: Role };

/** Removes one: orders already quoted keep their price (Order.priceFen was fixed when quoted). */
export async function removeFreeSubject({ staff, channelId, freeSubjectId }: { staff: Staff; channelId: string; freeSubjectId: string }) {
  assertPermission(staff, "channels.manage");
  return db.$transaction(async (tx) => {
    const row = await tx.freeSubject.findFirst({ where: { id: freeSubjectId, channelId } });
    if (!row) throw new AppError("not_found");
    const { count } = await tx.freeSubject.deleteMany({ where: { id: row.id } });
    if (count !== 1) throw new AppError("not_found");
    await writeAudit(tx, { actorId: staff.id, action: "channel.free_subject_removed", targetType: "Channel", targetId: channelId, data: { subject: toFreeSubjectView(row).subjectKeyShown } });
    return { ok: true };
  });
}
