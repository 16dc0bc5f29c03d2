import { getT } from "@/lib/i18n/server";
import type { MessageKey } from "@/lib/i18n/catalogue";
import { userRoute } from "@/lib/server/http/user-route";
import { listOrgUsageRecords } from "@/lib/server/org/list-org-usage-records";
import { ZOrgUsageFilterSchema } from "@/lib/server/org/org-usage.types";
import { usageRecordsCsv } from "@/lib/server/scan/usage-records-csv";

export const dynamic = "force-dynamic";

// GET /api/org/:orgId/usage.csv — the organization's 使用记录 as CSV, with the page's filters (members without usage.viewAll get their own)
export const GET = userRoute<undefined, typeof ZOrgUsageFilterSchema, { orgId: string }>(
  async ({ user, params, query }) => {
    const t = await getT();
    const { records } = await listOrgUsageRecords({ userId: user.id, orgId: params.orgId, filter: { ...query, page: 1, pageSize: 5000 } });
    const csv = usageRecordsCsv({
      records,
      withMember: true,
      labels: {
        header: [t("scanner.usageCols.at"), t("scanner.orgUsage.member"), ...(["type", "platform", "title", "serial", "result"] as const).map((k) => t(`scanner.usageCols.${k}`))],
        type: (v) => t(`scanner.opShort.${v}` as MessageKey),
        result: (v) => t(`scanner.usageResult.${v}` as MessageKey),
      },
    });
    return new Response(csv, {
      headers: {
        "Content-Type": "text/csv; charset=utf-8",
        "Content-Disposition": `attachment; filename="org-usage-${new Date().toISOString().slice(0, 10)}.csv"`,
        "Cache-Control": "no-store",
      },
    });
  },
  { query: ZOrgUsageFilterSchema },
);
