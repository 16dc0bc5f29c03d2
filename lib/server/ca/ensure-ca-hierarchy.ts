import { env, isDemoMode } from "@/lib/env";
import { db, type Db, type Tx } from "@/lib/db/client";
import { CaCeremonyNeededError } from "@/lib/server/ca/ca-ceremony-needed-error";
import { ocspResponderRenewAt } from "@/lib/server/ca/ca-profile";
import { createCa, type CaRow } from "@/lib/server/ca/create-ca";
import { generateCrl } from "@/lib/server/ca/generate-crl";
import { forgetOcspResponder } from "@/lib/server/ca/load-ocsp-responder";
import { lockCaHierarchy } from "@/lib/server/ca/lock-ca-hierarchy";
import { isOfflineKeyRef } from "@/lib/server/ca/offline-root/offline-key-ref";

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
  return Boolean(h.root && h.issuing && h.ocsp && ocspResponderRenewAt(h.ocsp.notAfter) > now);
}

/**
 * What the desk may not create by itself: a root outside demo mode (a real root is made by the
 * offline ceremony, its key never in the desk), and an issuing CA under an offline root (only the
 * root's key file can sign it). Throws with the commands to run.
 */
function assertDeskMayComplete(h: Partial<CaHierarchy>): void {
  if (!h.root && !isDemoMode()) {
    throw new CaCeremonyNeededError(
      "[certs] no root CA: outside demo mode the desk does not create one (its key must stay offline). " +
        "Run the ceremony (README: production checklist): npm run ca -- root init --key-out FILE, then npm run ca -- issuing create --root-key FILE",
    );
  }
  if (h.root && !h.issuing && isOfflineKeyRef(h.root.keyRef)) {
    throw new CaCeremonyNeededError(
      `[certs] no active issuing CA under the offline root ${h.root.id}: run npm run ca -- issuing create --root-key FILE (the root's key file and passphrase are needed)`,
    );
  }
}

let warnedAboutKek = false;
let warnedAboutOnlineRoot = false;

/**
 * Makes sure the root CA, the issuing CA and a current delegated OCSP responder exist, creating
 * whatever the desk may create and renewing the responder before it expires. In demo mode (and
 * tests) that is everything on the first start, plus the first CRLs; outside it the root comes
 * from `npm run ca -- root init` and an offline root's issuing CA from `npm run ca -- issuing
 * create`, and a missing one stops here with those commands. The responder is always the desk's
 * own work (the issuing CA signs it). Idempotent; safe when several instances start at once: the
 * common case is one read, and creation happens under a transaction-scoped advisory lock with a
 * re-read.
 */
export async function ensureCaHierarchy(input: { now?: Date } = {}): Promise<CaHierarchy> {
  const now = input.now ?? new Date();
  if (!env().CERTDESK_KEK && env().NODE_ENV !== "test" && !warnedAboutKek) {
    warnedAboutKek = true;
    console.warn("[certs] demo desk: CA keys are sealed with a KEK generated into DATA_DIR/secrets.json, next to the data it protects (a copy of that folder opens every key). A real desk refuses to start without CERTDESK_KEK.");
  }
  const current = await readHierarchy(db);
  warnIfRootOnline(current.root);
  if (isComplete(current, now)) return current;
  assertDeskMayComplete(current);

  const hierarchy = await db.$transaction(
    async (tx) => {
      await lockCaHierarchy(tx);
      const found = await readHierarchy(tx);
      if (isComplete(found, now)) return found;
      assertDeskMayComplete(found);
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

function warnIfRootOnline(root: CaRow | undefined): void {
  if (!root || isOfflineKeyRef(root.keyRef) || isDemoMode() || warnedAboutOnlineRoot) return;
  warnedAboutOnlineRoot = true;
  console.warn(`[certs] the root CA ${root.id} key is online (sealed under the KEK in the database): take it offline with npm run ca -- root export-offline --key-out FILE`);
}
