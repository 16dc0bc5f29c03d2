import type { Prisma } from "@/lib/generated/prisma/client";
import type { Role } from "@/lib/generated/prisma/enums";
import { assertPermission } from "@/lib/server/auth/permissions";
import { db } from "@/lib/db/client";
import { ZConsoleOrgRequestFilterSchema } from "./console-org.types";

const person = { select: { id: true, name: true, realName: true, phone: true } } as const;

/**
 * 企业申请审核 (orgs.review): the enterprise requests the CA decides itself, i.e. administrator
 * transfers on paper (the stamped form uploaded), oldest open one first. Joins and certificate
 * requests reach the CA as orders and are reviewed in the order queue.
 */
export async function consoleListOrgRequests({ user, filter, take = 100 }: { user: { role: Role }; filter: unknown; take?: number }) {
  assertPermission(user, "orgs.review");
  const status = ZConsoleOrgRequestFilterSchema.parse(filter ?? {}).status ?? "PENDING_CA";
  const where: Prisma.OrgRequestWhereInput = { kind: "TRANSFER_ADMIN", paperKey: { not: null }, ...(status === "all" ? {} : { status }) };
  const [rows, total] = await Promise.all([
    db.orgRequest.findMany({
      where,
      orderBy: { createdAt: status === "PENDING_CA" ? "asc" : "desc" },
      take,
      select: {
        id: true,
        status: true,
        createdAt: true,
        decidedAt: true,
        reason: true,
        requesterId: true,
        targetUserId: true,
        paperMime: true,
        org: { select: { id: true, name: true, uscc: true, deletedAt: true } },
      },
    }),
    db.orgRequest.count({ where }),
  ]);
  const ids = [...new Set(rows.flatMap((r) => [r.requesterId, r.targetUserId]).filter((v): v is string => Boolean(v)))];
  const people = new Map((await db.user.findMany({ where: { id: { in: ids } }, ...person })).map((u) => [u.id, u]));
  const who = (id: string | null) => {
    const u = id ? people.get(id) : undefined;
    return u ? { name: u.realName ?? u.name, phone: u.phone } : null;
  };
  return {
    status,
    total,
    requests: rows.map((r) => ({
      id: r.id,
      status: r.status,
      createdAt: r.createdAt,
      decidedAt: r.decidedAt,
      reason: r.reason,
      org: r.org,
      from: who(r.requesterId),
      to: who(r.targetUserId),
      paperMime: r.paperMime,
    })),
  };
}
