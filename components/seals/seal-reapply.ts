/** The kinds the enterprise maker offers (its select) and the personal maker's sources. */
export const ORG_SEAL_KINDS = ["OFFICIAL", "LEGAL_REP", "LEGAL_REP_SIGNATURE", "CONTRACT"] as const;
export const PERSONAL_SEAL_SOURCES = ["UPLOAD", "HANDWRITTEN", "GENERATED"] as const;

type ReapplySeal = { status: string; needsReapply: boolean; orgId: string | null; kind: string; source: string };

/**
 * 重新申请 for a seal voided because its certificate changed (「绑定的证书已变更，请重新申请」, needsReapply): the
 * maker of the same kind, opened with it chosen — the enterprise's 新增印章 (kind) or the personal one (source), on
 * the desk or in the app. Null for any other seal.
 */
export function sealReapplyHref(seal: ReapplySeal, { isPhone }: { isPhone: boolean }) {
  if (seal.status !== "VOIDED" || !seal.needsReapply) return null;
  if (seal.orgId) {
    const kind = (ORG_SEAL_KINDS as readonly string[]).includes(seal.kind) ? seal.kind : "OFFICIAL";
    return `${isPhone ? "/m" : ""}/org/${seal.orgId}/seals?kind=${kind}#seal-maker`;
  }
  const source = seal.kind === "HANDWRITTEN" ? "HANDWRITTEN" : (PERSONAL_SEAL_SOURCES as readonly string[]).includes(seal.source) ? seal.source : "UPLOAD";
  return `${isPhone ? "/m/seals/new" : "/seals"}?source=${source}#seal-maker`;
}

/** The maker's preselection from the page's query (?kind= / ?source=), only a value the maker offers. */
export function makerInitial(mode: "org" | "personal", query: { kind?: string | string[]; source?: string | string[] }) {
  const value = mode === "org" ? query.kind : query.source;
  const allowed: readonly string[] = mode === "org" ? ORG_SEAL_KINDS : PERSONAL_SEAL_SOURCES;
  return typeof value === "string" && allowed.includes(value) ? value : undefined;
}
