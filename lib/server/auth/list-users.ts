import type { Prisma } from "@/lib/generated/prisma/client";
import { assertPermission } from "@/lib/server/auth/permissions";
import type { SessionUser } from "@/lib/server/auth/session-user";
import { db } from "@/lib/db/client";
import { ZListUsersSchema } from "@/lib/server/auth/users.types";

/** People, CA staff first, searchable by phone or name. */
export async function listUsers({ user, filter, take = 100 }: { user: Pick<SessionUser, "role">; filter: unknown; take?: number }) {
  assertPermission(user, "users.manage");
  const f = ZListUsersSchema.parse(filter ?? {});
  const where: Prisma.UserWhereInput = {
    ...(f.role ? { role: f.role } : {}),
    ...(f.q ? { OR: [{ phone: { contains: f.q } }, { name: { contains: f.q } }] } : {}),
  };
  const [users, total] = await Promise.all([
    db.user.findMany({
      where,
      orderBy: [{ role: "desc" }, { createdAt: "desc" }],
      take,
      select: { id: true, phone: true, name: true, role: true, createdAt: true, lastLoginAt: true, disabledAt: true },
    }),
    db.user.count({ where }),
  ]);
  return { users, total, filter: f };
}
