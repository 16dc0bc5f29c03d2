// `npm run kmc -- <command>`: the key-management centre's commands (init, deliver, status).
// The logic is in lib/server/escrow/.
import { closeDb } from "@/lib/db/client";
import { runKmcCommand } from "@/lib/server/escrow/run-kmc-command";

let code: number;
try {
  code = await runKmcCommand(process.argv.slice(2), { out: (line) => console.log(line), err: (line) => console.error(line) });
} catch (error) {
  console.error(error instanceof Error ? `${error.name}: ${error.message}` : error);
  code = 1;
}
await closeDb();
process.exit(code);
