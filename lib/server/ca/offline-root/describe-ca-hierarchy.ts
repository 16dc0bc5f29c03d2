import { db } from "@/lib/db/client";
import { writeAudit } from "@/lib/server/audit/write-audit";
import { CA_PROFILE, crlDueAt } from "@/lib/server/ca/ca-profile";
import { cliActor } from "@/lib/server/ca/offline-root/cli-actor";
import { isOfflineKeyRef } from "@/lib/server/ca/offline-root/offline-key-ref";

export interface CaStatus {
  id: string;
  kind: "ROOT" | "ISSUING" | "OCSP";
  name: string;
  serialHex: string;
  parentId: string | null;
  active: boolean;
  notAfter: Date;
  /** "offline" (key file, `npm run ca`), or "desk" (the desk's key custody). */
  key: "offline" | "desk";
  /** ROOT and ISSUING: the newest CRL and when the next is due (a quarter of its lifetime left). */
  crl?: { number: bigint; nextUpdate: Date; dueAt: Date } | null;
}

export interface HierarchyStatus {
  cas: CaStatus[];
  /** The active offline root's CRL: due within CA_PROFILE.crl.offlineRootWarnMs (or past due). */
  rootCrl: { dueAt: Date; nextUpdate: Date; isDueSoon: boolean; isExpired: boolean } | null;
}

/** `npm run ca -- status`: every CA, where its key lives, and when the CRLs are due. */
export async function describeCaHierarchy(input: { now?: Date } = {}): Promise<HierarchyStatus> {
  const now = input.now ?? new Date();
  const rows = await db.certificateAuthority.findMany({
    orderBy: { createdAt: "asc" },
    select: {
      id: true, kind: true, name: true, serialHex: true, parentId: true, active: true, notAfter: true, keyRef: true,
      crls: { orderBy: { number: "desc" }, take: 1, select: { number: true, nextUpdate: true } },
    },
  });
  const cas: CaStatus[] = rows.map((row) => {
    const latest = row.crls[0];
    const crlKind = row.kind === "OCSP" ? undefined : row.kind;
    return {
      id: row.id, kind: row.kind, name: row.name, serialHex: row.serialHex, parentId: row.parentId, active: row.active, notAfter: row.notAfter,
      key: isOfflineKeyRef(row.keyRef) ? "offline" : "desk",
      ...(crlKind ? { crl: latest ? { number: latest.number, nextUpdate: latest.nextUpdate, dueAt: crlDueAt(crlKind, latest.nextUpdate) } : null } : {}),
    };
  });
  const root = [...cas].reverse().find((ca) => ca.kind === "ROOT" && ca.active && ca.key === "offline");
  const rootCrl = root?.crl
    ? {
        dueAt: root.crl.dueAt,
        nextUpdate: root.crl.nextUpdate,
        isDueSoon: root.crl.dueAt.getTime() - now.getTime() <= CA_PROFILE.crl.offlineRootWarnMs,
        isExpired: root.crl.nextUpdate.getTime() <= now.getTime(),
      }
    : null;
  await db.$transaction((tx) =>
    writeAudit(tx, { action: "ca.status_viewed", targetType: "CertificateAuthority", targetId: root?.id ?? "-", data: { cas: cas.length, ...cliActor() } }),
  );
  return { cas, rootCrl };
}
