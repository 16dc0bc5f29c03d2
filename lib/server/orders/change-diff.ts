import type { TChangeBefore, TOrderDraft } from "./order-draft.types";

export type ChangeField = "name" | "legalRepName" | "legalRepIdNumber" | "legalRepPhone" | "address";
export type ChangeRow = { field: ChangeField; before: string | null; after: string | null };

/**
 * Old against new for a CHANGE order: every field a change may touch (unit: name, legal representative,
 * address; person: the name), with `before` as certified and `after` as the draft holds it now. The
 * review, the confirmation and the history show these rows; `changed` marks the ones that differ.
 */
export function changeRows(before: TChangeBefore, draft: TOrderDraft): Array<ChangeRow & { changed: boolean }> {
  const rows: ChangeRow[] =
    before.type === "UNIT"
      ? [
          { field: "name", before: before.name, after: draft.enterprise?.name ?? null },
          { field: "legalRepName", before: before.legalRepName, after: draft.enterprise?.legalRepName ?? null },
          { field: "legalRepIdNumber", before: before.legalRepIdNumber, after: draft.enterprise?.legalRepIdNumber ?? null },
          { field: "legalRepPhone", before: before.legalRepPhone, after: draft.enterprise?.legalRepPhone ?? null },
          { field: "address", before: before.address, after: draft.enterprise?.address || before.address },
        ]
      : [{ field: "name", before: before.name, after: draft.person?.name ?? null }];
  return rows.map((r) => ({ ...r, changed: (r.before ?? "") !== (r.after ?? "") }));
}
