// `npm run ca -- <command>`: the offline root CA's ceremonies (root init, issuing create, root crl,
// root export-offline, status). The logic is in lib/server/ca/offline-root/.
import { closeDb } from "@/lib/db/client";
import { runCaCommand } from "@/lib/server/ca/offline-root/run-ca-command";

let code: number;
try {
  code = await runCaCommand(process.argv.slice(2), { out: (line) => console.log(line), err: (line) => console.error(line) });
} catch (error) {
  console.error(error instanceof Error ? `${error.name}: ${error.message}` : error);
  code = 1;
}
await closeDb();
process.exit(code);
