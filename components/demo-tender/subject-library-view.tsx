"use client";
import { useT } from "@/lib/i18n/client";
import styles from "./demo-tender.module.css";

export type DemoSync = { requestId: string; subject?: string; library?: Record<string, unknown>; failReason?: string } | null;

type Platform = { code: string; name: string };
type Seal = { id: string; name: string; kind: string; imageUrl?: string };

/** What the platform received from 同步主体库, shown as the bidding tool would fill its subject library. */
export function SubjectLibraryView({ library }: { library: Record<string, unknown> }) {
  const t = useT();
  const text = (v: unknown) => (typeof v === "string" && v ? v : t("scanner.demo.subject.none"));
  const isOrg = library.kind === "organization";
  const platforms = (Array.isArray(library.platforms) ? library.platforms : []) as Platform[];
  const seals = (Array.isArray(library.seals) ? library.seals : []) as Seal[];
  const rows: Array<[string, string, string]> = isOrg
    ? [
        ["kind", t("scanner.demo.subject.kind"), t("scanner.demo.subject.organization")],
        ["name", t("scanner.demo.subject.name"), text(library.name)],
        ["uscc", t("scanner.demo.subject.uscc"), text(library.uscc)],
        ["legalRep", t("scanner.demo.subject.legalRep"), text(library.legalRepName)],
        ["address", t("scanner.demo.subject.address"), text(library.address)],
        ["platforms", t("scanner.demo.subject.platforms"), platforms.length ? platforms.map((p) => p.name).join("、") : t("scanner.demo.subject.none")],
        ["seals", t("scanner.demo.subject.seals"), seals.length ? seals.map((s) => s.name).join("、") : t("scanner.demo.subject.none")],
      ]
    : [
        ["kind", t("scanner.demo.subject.kind"), t("scanner.demo.subject.person")],
        ["name", t("scanner.demo.subject.name"), text(library.name)],
        ["idNumber", t("scanner.demo.subject.idNumber"), text(library.idNumberMasked)],
      ];
  return (
    <dl className={styles.library} data-testid="demo-subject-library" data-kind={String(library.kind)}>
      {rows.map(([key, label, value]) => (
        <div key={key}>
          <dt>{label}</dt>
          <dd data-testid={`demo-subject-${key}`}>{value}</dd>
        </div>
      ))}
    </dl>
  );
}
