import type { MessageKey } from "@/lib/i18n/catalogue";
import type { ChangeRow } from "@/lib/server/orders/change-diff";
import type { getT } from "@/lib/i18n/server";
import { Badge } from "@/components/ui/badge";
import { Table } from "@/components/ui/table";

type T = Awaited<ReturnType<typeof getT>>;
type Row = ChangeRow & { changed: boolean };

/** 变更前 / 变更后 of a CHANGE order (the wizard's confirmation and the console review). */
export function ChangeRowsTable({ rows, t }: { rows: readonly Row[]; t: T }) {
  return (
    <div data-testid="change-rows">
      <Table<Row>
        caption={t("lifecycleChange.confirm.title")}
        isCaptionHidden
        rows={rows}
        rowKey={(r) => r.field}
        columns={[
          { key: "field", header: t("lifecycleChange.confirm.field"), cell: (r) => t(`lifecycleChange.confirm.fields.${r.field}` as MessageKey) },
          { key: "before", header: t("lifecycleChange.confirm.before"), cell: (r) => r.before ?? "—" },
          {
            key: "after",
            header: t("lifecycleChange.confirm.after"),
            cell: (r) => (
              <span data-testid={`change-after-${r.field}`}>
                {r.after ?? "—"} {r.changed && <Badge tone="warning">{t("lifecycleChange.review.changed")}</Badge>}
              </span>
            ),
          },
        ]}
      />
    </div>
  );
}
