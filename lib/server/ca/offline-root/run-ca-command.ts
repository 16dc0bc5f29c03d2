// The `npm run ca` commands (scripts/ca.ts is the process around this). Exit codes as
// scripts/pki.ts: 0 done, 1 refused or failed (the message says why), 2 usage.
import { parseArgs } from "node:util";
import { AppError } from "@/lib/errors";
import { createIssuingCa } from "@/lib/server/ca/offline-root/create-issuing-ca";
import { describeCaHierarchy, type HierarchyStatus } from "@/lib/server/ca/offline-root/describe-ca-hierarchy";
import { exportOfflineRoot } from "@/lib/server/ca/offline-root/export-offline-root";
import { initOfflineRoot } from "@/lib/server/ca/offline-root/init-offline-root";
import { readPassphrase } from "@/lib/server/ca/offline-root/read-passphrase";
import { signRootCrl } from "@/lib/server/ca/offline-root/sign-root-crl";

export const CA_USAGE = `usage: npm run ca -- <command> [--passphrase-env VAR]
  root init --key-out FILE            new offline root: encrypted key file (0600, never overwritten), root row, certificate, first CRL
  issuing create --root-key FILE      issuing CA (key in the desk's custody) signed by the root key file, plus a root CRL
  root crl --root-key FILE            sign the root's next CRL
  root export-offline --key-out FILE  move an online root key (older demo databases) to a key file; the desk then cannot sign as root
  status                              the CA hierarchy and when the root CRL is due
The passphrase is asked at the terminal, or read from the environment variable named by --passphrase-env.`;

export interface CaCommandIo {
  out: (line: string) => void;
  err: (line: string) => void;
  env?: NodeJS.ProcessEnv;
  now?: Date;
}

export async function runCaCommand(argv: string[], io: CaCommandIo): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: { "key-out": { type: "string" }, "root-key": { type: "string" }, "passphrase-env": { type: "string" } },
    });
  } catch (error) {
    io.err(`${(error as Error).message}\n${CA_USAGE}`);
    return 2;
  }
  const { values, positionals } = parsed;
  const command = positionals.join(" ");
  const passphrase = (isNew: boolean) => readPassphrase({ envVar: values["passphrase-env"], isNew, env: io.env });
  try {
    if (command === "root init" && values["key-out"]) {
      const { root, crl } = await initOfflineRoot({ keyOut: values["key-out"], passphrase: await passphrase(true), now: io.now });
      io.out(`root CA ${root.id} created: ${root.subjectDn}, serial ${root.serialHex}, key ${root.keyRef}`);
      io.out(`key file ${values["key-out"]} (mode 0600): keep it and its passphrase offline, apart from each other (README: production checklist)`);
      io.out(`root CRL #${crl.number} valid until ${crl.nextUpdate.toISOString()}. Next: npm run ca -- issuing create --root-key FILE`);
      return 0;
    }
    if (command === "issuing create" && values["root-key"]) {
      const h = await createIssuingCa({ rootKeyFile: values["root-key"], passphrase: await passphrase(false), now: io.now });
      io.out(`issuing CA ${h.issuing.id} created: ${h.issuing.subjectDn}, serial ${h.issuing.serialHex}, valid until ${h.issuing.notAfter.toISOString()}`);
      io.out(`OCSP responder ${h.ocsp.serialHex}; a new root CRL was signed`);
      return 0;
    }
    if (command === "root crl" && values["root-key"]) {
      const crl = await signRootCrl({ rootKeyFile: values["root-key"], passphrase: await passphrase(false), now: io.now });
      io.out(`root CRL #${crl.number} signed, valid until ${crl.nextUpdate.toISOString()}`);
      return 0;
    }
    if (command === "root export-offline" && values["key-out"]) {
      const root = await exportOfflineRoot({ keyOut: values["key-out"], passphrase: await passphrase(true) });
      io.out(`root CA ${root.id} is offline now (key ${root.keyRef}); its key is in ${values["key-out"]} only.`);
      io.out("Database backups made before now still hold the sealed key: retire them, or keep them as secret as the KEK.");
      return 0;
    }
    if (command === "status") {
      printStatus(await describeCaHierarchy({ now: io.now }), io.out);
      return 0;
    }
  } catch (error) {
    if (error instanceof AppError) {
      io.err(`refused: ${error.userMessage}`);
      return 1;
    }
    throw error;
  }
  io.err(CA_USAGE);
  return 2;
}

function printStatus(status: HierarchyStatus, out: (line: string) => void) {
  if (status.cas.length === 0) out("no CA yet: npm run ca -- root init --key-out FILE");
  for (const ca of status.cas) {
    const crl = ca.crl ? `, CRL #${ca.crl.number} due ${ca.crl.dueAt.toISOString()} (expires ${ca.crl.nextUpdate.toISOString()})` : ca.crl === null ? ", no CRL" : "";
    out(`${ca.kind.padEnd(7)} ${ca.active ? "active  " : "inactive"} ${ca.id} ${ca.name}, key ${ca.key}, valid until ${ca.notAfter.toISOString()}${crl}`);
  }
  if (status.rootCrl) {
    const { dueAt, nextUpdate, isDueSoon, isExpired } = status.rootCrl;
    const state = isExpired ? "EXPIRED" : isDueSoon ? "DUE SOON" : "ok";
    out(`root CRL: ${state}, sign the next one by ${dueAt.toISOString()} (the current one expires ${nextUpdate.toISOString()}): npm run ca -- root crl --root-key FILE`);
  }
}
