// The issuing CA is cached in process memory (load-issuing-ca.ts, re-read at most once a minute).
// A cache must be keyed by what it was read from: a retired CA must not be issued under within
// that minute, and a process that opens another database (each bench module does) must not issue
// under the previous database's CA (the FK violation on Certificate_caId_fkey `npm run bench` hit).
import { afterAll, describe, expect, it } from "vitest";
import { resetEnvCache } from "@/lib/env";
import { derToPem } from "@/lib/pki/pem";
import { buildOcspRequest } from "@/lib/pki/ocsp/build-ocsp-request";
import { parseOcspResponse } from "@/lib/pki/ocsp/parse-ocsp-response";
import { closeDb, db, dbAdapter } from "@/lib/db/client";
import { applyMigrations } from "@/lib/db/apply-migrations";
import { ensureCaHierarchy } from "@/lib/server/ca/ensure-ca-hierarchy";
import { loadIssuingCa } from "@/lib/server/ca/load-issuing-ca";
import { respondOcsp } from "@/lib/server/ca/ocsp-respond";
import { createScratchDatabase } from "../support/test-database";
import { DIST_ID, openssl } from "../unit/pki/openssl-helpers";
import { issuedUnit, scratchDir } from "./certs-support";
import { useOwnDatabase } from "./own-database";

// Retiring the issuing CA must not reach other test files on a shared PostgreSQL.
await useOwnDatabase("certs_stale_ca");

const scratch = scratchDir();
afterAll(() => scratch.cleanup());

/** OpenSSL verifies the certificate against this CA certificate (and only that one). */
function chainsTo(leafPem: string, caDer: Uint8Array): boolean {
  const ca = scratch.write(`ca-${Math.random().toString(36).slice(2)}.pem`, derToPem(caDer, "CERTIFICATE"));
  const leaf = scratch.write(`leaf-${Math.random().toString(36).slice(2)}.pem`, leafPem);
  return openssl(["verify", "-vfyopt", `distid:${DIST_ID}`, "-partial_chain", "-CAfile", ca, leaf]).stdout.trim() === `${leaf}: OK`;
}

async function retire(caId: string) {
  await db.certificateAuthority.update({ where: { id: caId }, data: { active: false } });
}

describe("the cached issuing CA", () => {
  it("is not issued under once retired: the next certificate chains to the new active CA", async () => {
    const { issuing: retired } = await ensureCaHierarchy();
    const before = await issuedUnit();
    expect(before.issued.sign.caId).toBe(retired.id);
    expect((await loadIssuingCa()).ca.id).toBe(retired.id);

    // A rotation: the old issuing CA retired, a new one under the same root.
    await retire(retired.id);
    const { issuing: successor } = await ensureCaHierarchy();
    expect(successor.id).not.toBe(retired.id);
    const certsUnderRetired = await db.certificate.count({ where: { caId: retired.id } });

    const after = await issuedUnit();
    for (const cert of [after.issued.sign, after.issued.encrypt]) {
      expect(cert.caId).toBe(successor.id);
      expect(chainsTo(cert.pem, successor.certDer)).toBe(true);
      expect(chainsTo(cert.pem, retired.certDer)).toBe(false);
    }
    expect(await db.certificate.count({ where: { caId: retired.id } })).toBe(certsUnderRetired);
    // The stale entry is gone: the next load is the successor.
    expect((await loadIssuingCa()).ca.id).toBe(successor.id);
  });

  it("retired with no successor yet: issuance has the hierarchy completed and issues under the new CA", async () => {
    const { issuing: retired } = await ensureCaHierarchy();
    await issuedUnit();
    await retire(retired.id);

    const after = await issuedUnit();
    const active = await db.certificateAuthority.findMany({ where: { kind: "ISSUING", active: true } });
    expect(active).toHaveLength(1);
    expect(active[0]!.id).not.toBe(retired.id);
    expect(after.issued.sign.caId).toBe(active[0]!.id);
    expect(chainsTo(after.issued.encrypt.pem, active[0]!.certDer)).toBe(true);
  });

  it("under 8 parallel issuances racing a rotation: no error, each certificate signed by the CA it references, later ones under the new CA", async () => {
    const { issuing: old } = await ensureCaHierarchy();
    await issuedUnit();
    const rotation = (async () => {
      await retire(old.id);
      return (await ensureCaHierarchy()).issuing;
    })();
    const results = await Promise.allSettled(Array.from({ length: 8 }, () => issuedUnit()));
    const successor = await rotation;
    expect(results.map((r) => r.status)).toEqual(Array(8).fill("fulfilled"));
    const cas = new Map((await db.certificateAuthority.findMany({ where: { id: { in: [old.id, successor.id] } } })).map((c) => [c.id, c]));
    for (const r of results) {
      const { issued } = (r as PromiseFulfilledResult<Awaited<ReturnType<typeof issuedUnit>>>).value;
      for (const cert of [issued.sign, issued.encrypt]) {
        expect([old.id, successor.id]).toContain(cert.caId);
        expect(chainsTo(cert.pem, cas.get(cert.caId)!.certDer)).toBe(true);
      }
    }
    expect((await issuedUnit()).issued.sign.caId).toBe(successor.id);
  });

  it("is not carried into another database this process opens (each bench module makes its own)", async () => {
    const first = await issuedUnit();
    const firstCa = (await loadIssuingCa()).ca;
    expect(first.issued.sign.caId).toBe(firstCa.id);
    await closeDb();
    const sharedUrl = process.env.DATABASE_URL;
    const other = sharedUrl ? await createScratchDatabase(sharedUrl, "certs_stale_other") : undefined;
    try {
      // PGlite in memory: closing the client dropped the database; the next use opens an empty one.
      if (other) {
        process.env.DATABASE_URL = other.url;
        resetEnvCache();
      }
      await applyMigrations({ adapterFactory: dbAdapter().factory });
      expect(await db.certificateAuthority.count()).toBe(0);

      const second = await issuedUnit();
      const { issuing } = await ensureCaHierarchy();
      expect(issuing.id).not.toBe(firstCa.id);
      expect(second.issued.sign.caId).toBe(issuing.id);
      expect(chainsTo(second.issued.sign.pem, issuing.certDer)).toBe(true);
      // The OCSP responder context and its answer memo are per database too: "good", not "unauthorized".
      const request = buildOcspRequest({ certificate: second.issued.sign.der, issuer: issuing.certDer }).der;
      for (let i = 0; i < 2; i++) {
        const answer = await respondOcsp({ request: { der: request } });
        expect(answer.source).not.toBe("error");
        expect(parseOcspResponse(answer.der).responses[0]?.status).toBe("good");
      }
    } finally {
      if (other) {
        await closeDb();
        await other.drop();
        process.env.DATABASE_URL = sharedUrl;
        resetEnvCache();
      }
    }
  });
});
