// The `npm run kmc` commands of the key-management centre (scripts/kmc.ts is the process around
// this). Exit codes as `npm run ca`: 0 done, 1 refused or failed (the message says why), 2 usage.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import { env } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { kmkIdOf } from "@/lib/pki/escrow";
import { hexToBytes } from "@/lib/pki/encoding";
import { getPublicKey } from "@/lib/pki/sm2";
import { readPassphrase } from "@/lib/server/ca/offline-root/read-passphrase";
import { db } from "@/lib/db/client";
import { createKmk } from "./create-kmk";
import { deliverKeyRecoveries } from "./deliver-key-recoveries";
import { demoKmkPrivateKey } from "./escrow-key";
import { openKmk } from "./open-kmk";

export const KMC_USAGE = `usage: npm run kmc -- <command>
  init --custodians N --threshold M --out DIR   new key-management key split M of N: one share file per custodian
                                                (DIR/kmk-share-<i>.json, 0600), each under its custodian's passphrase;
                                                prints CERTDESK_KMK_PUBLIC_KEY for the desk
  deliver --share FILE [--share FILE …]         put the key together from M custodians' shares and deliver every
                                                approved key recovery to its new phone (needs the desk's
                                                DATABASE_URL and CERTDESK_KEK)
  deliver --demo                                the same with a demo desk's generated key (demo mode only)
  status                                        key recoveries by status
Passphrases are asked at the terminal, one per custodian, or read from the environment variables
named by --passphrase-env VAR1,VAR2,… (in the order of the custodians / share files).`;

export interface KmcCommandIo {
  out: (line: string) => void;
  err: (line: string) => void;
  env?: NodeJS.ProcessEnv;
}

export async function runKmcCommand(argv: string[], io: KmcCommandIo): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        custodians: { type: "string" },
        threshold: { type: "string" },
        out: { type: "string" },
        share: { type: "string", multiple: true },
        demo: { type: "boolean" },
        "passphrase-env": { type: "string" },
      },
    });
  } catch (error) {
    io.err(`${(error as Error).message}\n${KMC_USAGE}`);
    return 2;
  }
  const { values, positionals } = parsed;
  const command = positionals.join(" ");
  const envVars = values["passphrase-env"]?.split(",").map((v) => v.trim()).filter(Boolean);
  const passphrases = async (count: number, isNew: boolean) => {
    if (envVars && envVars.length !== count) throw new AppError("bad_request", { userMessage: `--passphrase-env names ${envVars.length} variables for ${count} custodians` });
    const out: string[] = [];
    for (let i = 0; i < count; i++) {
      out.push(await readPassphrase({ envVar: envVars?.[i], isNew, env: io.env, label: `custodian ${i + 1}'s passphrase` }));
    }
    return out;
  };
  try {
    if (command === "init" && values.out && values.custodians && values.threshold) {
      const total = Number(values.custodians);
      const threshold = Number(values.threshold);
      if (!Number.isInteger(total) || !Number.isInteger(threshold) || total < 1 || total > 16 || threshold < 1 || threshold > total) {
        throw new AppError("bad_request", { userMessage: "--custodians must be 1–16 and --threshold between 1 and --custodians" });
      }
      const files = Array.from({ length: total }, (_, i) => path.join(values.out!, `kmk-share-${i + 1}.json`));
      const existing = files.find((f) => existsSync(f));
      if (existing) throw new AppError("conflict", { userMessage: `${existing} exists: a key-management key is never overwritten` });
      const kmk = createKmk({ threshold, passphrases: await passphrases(total, true) });
      mkdirSync(values.out, { recursive: true, mode: 0o700 });
      kmk.files.forEach((file, i) => writeFileSync(files[i], JSON.stringify(file, null, 2) + "\n", { mode: 0o600, flag: "wx" }));
      io.out(`key-management key ${kmk.id} created, ${threshold} of ${total} custodians needed to use it`);
      for (const f of files) io.out(`  ${f}`);
      io.out(`give each custodian their file; keep them apart. Set on every desk instance:`);
      io.out(`CERTDESK_KMK_PUBLIC_KEY=${kmk.publicKey}`);
      return 0;
    }
    if (command === "deliver" && (values.demo || values.share?.length)) {
      let kmk: { id: string; privateKey: Uint8Array };
      if (values.demo) {
        const privateKey = demoKmkPrivateKey();
        kmk = { id: kmkIdOf(getPublicKey(privateKey)), privateKey };
      } else {
        const shareFiles = values.share!.map((f) => JSON.parse(readFileSync(f, "utf8")) as unknown);
        kmk = openKmk({ files: shareFiles, passphrases: await passphrases(shareFiles.length, false) });
      }
      try {
        const outcomes = await deliverKeyRecoveries({ kmk });
        for (const o of outcomes) io.out(`${o.id}: ${o.outcome}${o.reason ? ` (${o.reason})` : ""}`);
        io.out(`${outcomes.filter((o) => o.outcome === "delivered").length} of ${outcomes.length} approved recoveries delivered with key-management key ${kmk.id}`);
        return outcomes.some((o) => o.outcome === "failed") ? 1 : 0;
      } finally {
        kmk.privateKey.fill(0);
      }
    }
    if (command === "status") {
      const groups = await db.keyRecovery.groupBy({ by: ["status"], _count: { _all: true } });
      if (groups.length === 0) io.out("no key recoveries");
      for (const g of groups) io.out(`${g.status}: ${g._count._all}`);
      const configured = io.env ? io.env.CERTDESK_KMK_PUBLIC_KEY : env().CERTDESK_KMK_PUBLIC_KEY;
      if (configured) io.out(`desk escrows to key-management key ${kmkIdOf(hexToBytes(configured.toLowerCase()))}`);
      return 0;
    }
  } catch (error) {
    io.err(error instanceof AppError ? error.userMessage : error instanceof Error ? `${error.name}: ${error.message}` : String(error));
    return 1;
  }
  io.err(KMC_USAGE);
  return 2;
}
