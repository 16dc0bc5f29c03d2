import type { Prisma } from "@/lib/generated/prisma/client";
import { assertPermission } from "@/lib/server/auth/permissions";
import type { SessionUser } from "@/lib/server/auth/session-user";
import { db } from "@/lib/db/client";
import { ZAuditFilterSchema } from "@/lib/server/audit/audit.types";

const PAGE = 50;

/** Audit rows newest first, filtered by target and actor (id or phone); `before` pages backwards by id. */
export async function listAuditLog({ user, filter }: { user: Pick<SessionUser, "role">; filter: unknown }) {
  assertPermission(user, "audit.read");
  const f = ZAuditFilterSchema.parse(filter ?? {});
  const where: Prisma.AuditLogWhereInput = {
    ...(f.targetType ? { targetType: f.targetType } : {}),
    ...(f.targetId ? { targetId: f.targetId } : {}),
    ...(f.actor ? { OR: [{ actorId: f.actor }, { actor: { phone: f.actor } }] } : {}),
    ...(f.before ? { id: { lt: f.before } } : {}),
  };
  const rows = await db.auditLog.findMany({
    where,
    orderBy: { id: "desc" },
    take: PAGE + 1,
    include: { actor: { select: { phone: true, name: true } } },
  });
  const page = rows.slice(0, PAGE);
  return { rows: page, nextBefore: rows.length > PAGE ? page[page.length - 1]!.id.toString() : null, filter: f };
}
