// `npm run kek:rotate`: re-wrap every sealed value under the current CERTDESK_KEK. Set the new key in
// CERTDESK_KEK and the old one in CERTDESK_KEK_PREVIOUS, restart the desk, run this; when it reports
// 0 remaining everywhere, remove the old key from CERTDESK_KEK_PREVIOUS. Exit 1 while any remain.
import { closeDb } from "@/lib/db/client";
import { rotateKek } from "@/lib/server/security/rotate-kek";

const { kid, report } = await rotateKek();
console.log(`current KEK ${kid}`);
for (const r of report) console.log(`  ${r.column.padEnd(38)} re-wrapped ${String(r.rewrapped).padStart(6)}   still under another key ${r.remaining}`);
const remaining = report.reduce((n, r) => n + r.remaining, 0);
console.log(remaining === 0 ? "done: the previous KEK can be removed" : `${remaining} value(s) still need a previous KEK`);
await closeDb();
process.exit(remaining === 0 ? 0 : 1);
