import { Prisma } from "@/lib/generated/prisma/client";
import { db } from "@/lib/db/client";
import { keyShareAad } from "@/lib/server/keys/key-share-aad";
import { totpSecretAad } from "@/lib/server/auth/totp/totp-secret-aad";
import { keyring } from "@/lib/db/secrets";
import { rewrapSealed } from "@/lib/db/seal";

type Row = Record<string, string | null>;

// Every column that holds a sealed value, with the purpose (associated data) its value was sealed
// for. A v2 value only needs its data key re-wrapped; a v1 value (before key ids) is re-sealed
// whole, which is why the purpose is needed here.
const SEALED_COLUMNS: Array<{ table: string; column: string; extra: string[]; aad: (r: Row) => string; json?: string }> = [
  { table: "KeyShare", column: "wrappedShare", extra: ["userId", "publicKey"], aad: (r) => keyShareAad({ userId: r.userId!, publicKeyHex: r.publicKey! }) },
  { table: "KeyShare", column: "pinVerifier", extra: [], aad: (r) => `keyshare-pin:${r.id}` },
  { table: "CertificateAuthority", column: "wrappedKey", extra: ["keyRef"], aad: (r) => `ca-key:${r.keyRef}` },
  { table: "TradingPlatform", column: "clientSecretEnc", extra: ["code"], aad: (r) => `platform-secret:${r.code}` },
  { table: "User", column: "totpSecret", extra: [], aad: (r) => totpSecretAad(r.id!) },
  { table: "User", column: "totpPendingSecret", extra: [], aad: (r) => totpSecretAad(r.id!) },
  { table: "ScanRequest", column: "result", json: "plaintextSealed", extra: [], aad: (r) => `scan-plaintext:${r.id}` },
  { table: "ScanRequest", column: "tokenSealed", extra: ["tokenHash"], aad: (r) => `scan-token:${r.tokenHash}` },
  { table: "Job", column: "payload", json: "sealedParams", extra: [], aad: () => "job:notify.sms" },
];

const q = (name: string) => Prisma.raw(`"${name}"`);

/**
 * `npm run kek:rotate`: after CERTDESK_KEK is set to a new key and the old one moved to
 * CERTDESK_KEK_PREVIOUS, re-wraps every sealed value under the new key, in batches, each row updated
 * only if it did not change meanwhile (safe while the desk runs). Returns per column how many values
 * were re-wrapped and how many still depend on another key (0 everywhere: the old key may go).
 */
export async function rotateKek({ batch = 200 }: { batch?: number } = {}) {
  const { current } = keyring();
  const report: Array<{ column: string; rewrapped: number; remaining: number }> = [];
  for (const spec of SEALED_COLUMNS) {
    const value = spec.json ? Prisma.sql`(${q(spec.column)} ->> ${spec.json})` : q(spec.column);
    const extra = spec.extra.length ? Prisma.raw(`, ${spec.extra.map((c) => `"${c}"`).join(", ")}`) : Prisma.empty;
    let rewrapped = 0;
    let cursor = "";
    for (;;) {
      const rows = await db.$queryRaw<Row[]>`
        SELECT id, ${value} AS sealed ${extra} FROM ${q(spec.table)}
        WHERE id > ${cursor} AND ${value} IS NOT NULL AND ${value} <> '' AND ${value} NOT LIKE ${`v2.${current.kid}.%`}
        ORDER BY id LIMIT ${batch}`;
      if (rows.length === 0) break;
      for (const row of rows) {
        // A value under a KEK that is not configured stays as it is and is counted as remaining.
        let next: string | null = null;
        try {
          next = rewrapSealed(row.sealed!, spec.aad(row));
        } catch {
          next = null;
        }
        if (!next) continue;
        const set = spec.json ? Prisma.sql`jsonb_set(${q(spec.column)}, ${`{${spec.json}}`}::text[], to_jsonb(${next}::text))` : Prisma.sql`${next}`;
        rewrapped += await db.$executeRaw`UPDATE ${q(spec.table)} SET ${q(spec.column)} = ${set} WHERE id = ${row.id} AND ${value} = ${row.sealed}`;
      }
      cursor = rows[rows.length - 1]!.id!;
    }
    const left = await db.$queryRaw<Array<{ n: bigint }>>`
      SELECT count(*) AS n FROM ${q(spec.table)} WHERE ${value} IS NOT NULL AND ${value} <> '' AND ${value} NOT LIKE ${`v2.${current.kid}.%`}`;
    report.push({ column: `${spec.table}.${spec.column}${spec.json ? `.${spec.json}` : ""}`, rewrapped, remaining: Number(left[0]!.n) });
  }
  return { kid: current.kid, report };
}

