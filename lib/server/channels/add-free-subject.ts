import type { Role } from "@/lib/generated/prisma/enums";
import { AppError } from "@/lib/errors";
import { db } from "@/lib/db/client";
import { writeAudit } from "@/lib/server/audit/write-audit";
import { assertPermission } from "@/lib/server/auth/permissions";
import { toFreeSubjectView } from "./free-subject-view";
import { ZAddFreeSubjectSchema, type FreeSubjectView } from "./free-subjects.types";

type Staff = { id: string; role: Role };

/** Adds a free subject; the same subject twice on one channel is a conflict (unique), so racing adds give one row. */
export async function addFreeSubject({ staff, channelId, input }: { staff: Staff; channelId: string; input: unknown }): Promise<FreeSubjectView> {
  assertPermission(staff, "channels.manage");
  const { subjectKey, note } = ZAddFreeSubjectSchema.parse(input);
  return db.$transaction(async (tx) => {
    const channel = await tx.channel.findUnique({ where: { id: channelId }, select: { id: true } });
    if (!channel) throw new AppError("not_found");
    const row = await tx.freeSubject.create({ data: { channelId, subjectKey, note } }).catch((err: unknown) => {
      if ((err as { code?: string }).code === "P2002") throw new AppError("conflict", { userMessage: "freeSubjects.errors.duplicate", fields: { subjectKey: ["freeSubjects.errors.duplicate"] } });
      throw err;
    });
    const shown = toFreeSubjectView(row);
    await writeAudit(tx, { actorId: staff.id, action: "channel.free_subject_added", targetType: "Channel", targetId: channelId, data: { subject: shown.subjectKeyShown, note } });
    return shown;
  });
}
