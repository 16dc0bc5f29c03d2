import { env } from "@/lib/env";
import { db, type Db, type Tx } from "@/lib/server/db/client";
import { CA_PROFILE } from "./ca-profile";
import { createCa, type CaRow } from "./create-ca";
import { generateCrl } from "./generate-crl";
import { forgetOcspResponder } from "./load-ocsp-responder";

// Any constant, distinct from the other advisory locks (audit 727_001): only one instance
// creates the hierarchy, the others wait and then find it.
const HIERARCHY_LOCK = 727_101;

export interface CaHierarchy {
  root: CaRow;
  issuing: CaRow;
  ocsp: CaRow;
}

async function readHierarchy(client: Db | Tx): Promise<Partial<CaHierarchy>> {
  const rows = await client.certificateAuthority.findMany({ where: { active: true }, orderBy: { createdAt: "desc" } });
  const root = rows.find((r) => r.kind === "ROOT");
  const issuing = rows.find((r) => r.kind === "ISSUING" && r.parentId === root?.id);
  const ocsp = rows.find((r) => r.kind === "OCSP" && r.parentId === issuing?.id);
  return { root, issuing, ocsp };
}

function isComplete(h: Partial<CaHierarchy>, now: Date): h is CaHierarchy {
  const renewAt = now.getTime() + CA_PROFILE.ocspResponder.renewBeforeDays * 24 * 3600 * 1000;
  return Boolean(h.root && h.issuing && h.ocsp && h.ocsp.notAfter.getTime() > renewAt);
}

let warnedAboutKek = false;

/**
 * Makes sure the root CA, the issuing CA and a current delegated OCSP responder exist, creating
 * whatever is missing (on the first start: all three, plus the first CRLs) and renewing the
 * responder before it expires. Idempotent; safe when several instances start at once: the common
 * case is one read, and creation happens under a transaction-scoped advisory lock with a re-read.
 */
export async function ensureCaHierarchy(input: { now?: Date } = {}): Promise<CaHierarchy> {
  const now = input.now ?? new Date();
  if (!env().CERTDESK_KEK && env().NODE_ENV !== "test" && !warnedAboutKek) {
    warnedAboutKek = true;
    console.warn("[certs] demo desk: CA keys are sealed with a KEK generated into DATA_DIR/secrets.json, next to the data it protects (a copy of that folder opens every key). A real desk refuses to start without CERTDESK_KEK.");
  }
  const current = await readHierarchy(db);
  if (isComplete(current, now)) return current;

  const hierarchy = await db.$transaction(
    async (tx) => {
      await tx.$executeRaw`SELECT pg_advisory_xact_lock(${HIERARCHY_LOCK})`;
      const found = await readHierarchy(tx);
      if (isComplete(found, now)) return found;
      const root = found.root ?? (await createCa(tx, { kind: "ROOT", now }));
      const issuing = found.issuing ?? (await createCa(tx, { kind: "ISSUING", parent: root, now }));
      if (!found.root) await generateCrl({ caId: root.id, now, tx });
      if (!found.issuing) await generateCrl({ caId: issuing.id, now, tx });
      if (found.ocsp) await tx.certificateAuthority.update({ where: { id: found.ocsp.id }, data: { active: false } });
      const ocsp = await createCa(tx, { kind: "OCSP", parent: issuing, now });
      console.info(`[certs] CA hierarchy ready: root ${root.id}, issuing ${issuing.id}, OCSP responder ${ocsp.serialHex}`);
      return { root, issuing, ocsp };
    },
    // Creation signs a few structures; waiting instances may queue behind it on the lock.
    { timeout: 120_000, maxWait: 60_000 },
  );
  forgetOcspResponder();
  return hierarchy;
}
