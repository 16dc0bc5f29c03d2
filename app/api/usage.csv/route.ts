import { getT } from "@/lib/i18n/server";
import type { MessageKey } from "@/lib/i18n/catalogue";
import { userRoute } from "@/lib/server/http/user-route";
import { listUsageRecords } from "@/lib/server/scan/list-usage-records";
import { usageRecordsCsv } from "@/lib/server/scan/usage-records-csv";

export const dynamic = "force-dynamic";

// GET /api/usage.csv — the caller's own 使用记录 as CSV
export const GET = userRoute(async ({ user }) => {
  const t = await getT();
  const records = await listUsageRecords({ userId: user.id, take: 5000 });
  const csv = usageRecordsCsv({
    records,
    labels: {
      header: (["at", "type", "platform", "title", "serial", "result"] as const).map((k) => t(`scanner.usageCols.${k}`)),
      type: (v) => t(`scanner.opShort.${v}` as MessageKey),
      result: (v) => t(`scanner.usageResult.${v}` as MessageKey),
    },
  });
  return new Response(csv, {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="usage-${new Date().toISOString().slice(0, 10)}.csv"`,
      "Cache-Control": "no-store",
    },
  });
});
