import { db } from "@/lib/db/client";
import type { Prisma } from "@/lib/generated/prisma/client";
import { hasOrgPermission } from "./org-permissions";
import { requireMember } from "./require-member";
import { ZOrgUsageFilterSchema } from "./org-usage.types";
import { SCAN_TYPE_TO_DB } from "@/lib/server/scan/scan.types";
import { toUsageRecords } from "@/lib/server/scan/to-usage-records";

const DAY_MS = 24 * 60 * 60 * 1000;
// Days are the desk's days (Asia/Shanghai, UTC+8 all year).
const dayStart = (day: string) => new Date(`${day}T00:00:00+08:00`);

function resultWhere(result: string, now: Date): Prisma.ScanRequestWhereInput {
  const open: Prisma.ScanRequestWhereInput = { status: { in: ["PENDING", "SCANNED"] } };
  switch (result) {
    case "expired":
      return { OR: [{ status: "EXPIRED" }, { ...open, expiresAt: { lte: now } }] };
    case "pending":
      return { status: "PENDING", expiresAt: { gt: now } };
    case "scanned":
      return { status: "SCANNED", expiresAt: { gt: now } };
    default:
      return { status: result.toUpperCase() as "COMPLETED" | "REJECTED" | "FAILED" };
  }
}

/**
 * 企业使用记录: the scan operations made with the organization's certificates. A member with
 * usage.viewAll (administrator, certificate administrator) sees every member's records, including
 * removed members' and refused attempts; any other member sees only their own (scoped, not
 * refused); an outsider gets NOT_FOUND. Filters: member, type, platform, date range (desk days),
 * result; paged, newest first.
 */
export async function listOrgUsageRecords({ userId, orgId, filter }: { userId: string; orgId: string; filter?: unknown }) {
  const membership = await requireMember({ userId, orgId, permission: "org.view" });
  const f = ZOrgUsageFilterSchema.parse(filter ?? {});
  const canViewAll = hasOrgPermission(membership.role, "usage.viewAll");
  const now = new Date();
  const certificates = await db.certificate.findMany({ where: { orgId }, select: { id: true } });
  const and: Prisma.ScanRequestWhereInput[] = [{ certificateId: { in: certificates.map((c) => c.id) } }];
  if (!canViewAll) and.push({ userId });
  if (f.memberId) and.push({ userId: f.memberId });
  if (f.type) and.push({ type: SCAN_TYPE_TO_DB[f.type] });
  if (f.platformId) and.push({ platformId: f.platformId });
  if (f.from) and.push({ createdAt: { gte: dayStart(f.from) } });
  if (f.to) and.push({ createdAt: { lt: new Date(dayStart(f.to).getTime() + DAY_MS) } });
  if (f.result) and.push(resultWhere(f.result, now));
  const where: Prisma.ScanRequestWhereInput = { AND: and };

  const [total, rows] = await Promise.all([
    db.scanRequest.count({ where }),
    db.scanRequest.findMany({
      where,
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      skip: (f.page - 1) * f.pageSize,
      take: f.pageSize,
      include: { platform: { select: { name: true, nameEn: true } } },
    }),
  ]);
  const userIds = [...new Set(rows.map((r) => r.userId).filter((u): u is string => Boolean(u)))];
  const users = userIds.length ? await db.user.findMany({ where: { id: { in: userIds } }, select: { id: true, realName: true, name: true } }) : [];
  const nameOf = (id: string | null) => {
    const u = users.find((x) => x.id === id);
    return u?.realName ?? u?.name ?? "—";
  };
  const records = (await toUsageRecords(rows, now)).map((r, i) => ({ ...r, memberId: rows[i]!.userId, memberName: nameOf(rows[i]!.userId) }));

  // What the filters offer: the members (current and removed) for an administrator, the platforms seen.
  const members = canViewAll
    ? (
        await db.membership.findMany({
          where: { orgId },
          select: { userId: true, status: true, user: { select: { realName: true, name: true } } },
          orderBy: { createdAt: "asc" },
        })
      ).map((m) => ({ id: m.userId, name: m.user.realName ?? m.user.name ?? "—", isRemoved: m.status === "REMOVED" }))
    : [];
  const platforms = await db.tradingPlatform.findMany({ where: { isDesk: false }, select: { id: true, name: true, nameEn: true }, orderBy: { name: "asc" } });
  return { records, total, page: f.page, pageSize: f.pageSize, pages: Math.max(1, Math.ceil(total / f.pageSize)), canViewAll, members, platforms, filter: f };
}

export type TOrgUsage = Awaited<ReturnType<typeof listOrgUsageRecords>>;
