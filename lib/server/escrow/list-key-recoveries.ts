import { z } from "zod";
import type { Role } from "@/lib/generated/prisma/enums";
import { assertPermission } from "@/lib/server/auth/permissions";
import { db } from "@/lib/db/client";

const ZListKeyRecoveriesSchema = z.object({
  status: z.enum(["REQUESTED", "APPROVED", "REJECTED", "DELIVERED", "INSTALLED", "CANCELLED", "all"]).default("REQUESTED"),
});

/** The console's list of key recoveries (keys.recover), oldest open request first. */
export async function listKeyRecoveries({ user, filter, take = 100 }: { user: { role: Role }; filter: unknown; take?: number }) {
  assertPermission(user, "keys.recover");
  const f = ZListKeyRecoveriesSchema.parse(filter ?? {});
  const where = f.status === "all" ? {} : { status: f.status };
  const [rows, total] = await Promise.all([
    db.keyRecovery.findMany({
      where,
      orderBy: { createdAt: f.status === "REQUESTED" ? "asc" : "desc" },
      take,
      select: {
        id: true,
        status: true,
        reason: true,
        createdAt: true,
        decidedAt: true,
        decidedById: true,
        userId: true,
        user: { select: { phone: true, name: true } },
        keyShare: { select: { certificates: { where: { usage: "ENCRYPT" }, select: { serialHex: true, subjectDn: true }, take: 1 } } },
      },
    }),
    db.keyRecovery.count({ where }),
  ]);
  const deciderIds = [...new Set(rows.map((r) => r.decidedById).filter((v): v is string => Boolean(v)))];
  const deciders = new Map((await db.user.findMany({ where: { id: { in: deciderIds } }, select: { id: true, name: true, phone: true } })).map((u) => [u.id, u.name ?? u.phone]));
  return {
    filter: f,
    total,
    recoveries: rows.map((r) => ({
      id: r.id,
      status: r.status,
      reason: r.reason,
      createdAt: r.createdAt,
      decidedAt: r.decidedAt,
      decidedBy: r.decidedById ? (deciders.get(r.decidedById) ?? "—") : null,
      userId: r.userId,
      holder: r.user.name ? `${r.user.name} ${r.user.phone}` : r.user.phone,
      certificate: r.keyShare.certificates[0] ?? null,
    })),
  };
}
