import type { Role } from "@/lib/generated/prisma/enums";
import { db } from "@/lib/db/client";
import { assertPermission } from "@/lib/server/auth/permissions";
import { toFreeSubjectView } from "./free-subject-view";
import type { FreeSubjectView } from "./free-subjects.types";

type Staff = { id: string; role: Role };

/** The channel's free subjects (quoteOrder prices their orders at 0), newest first. */
export async function listFreeSubjects({ staff, channelId }: { staff: Pick<Staff, "role">; channelId: string }): Promise<FreeSubjectView[]> {
  assertPermission(staff, "channels.manage");
  const rows = await db.freeSubject.findMany({ where: { channelId }, orderBy: { id: "desc" } });
  return rows.map(toFreeSubjectView);
}
