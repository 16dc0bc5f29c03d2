// `npm run admin:grant -- <phone> [CA_ADMIN|CA_REVIEWER]`: makes a phone number's account a CA admin
// (default) or reviewer, from a shell on the server. How a desk that is not a demo gets its first admin.
import { userInfo } from "node:os";
import { closeDb } from "@/lib/db/client";
import { grantRoleFromConsole } from "@/lib/server/auth/grant-role-from-console";

const [phone, role = "CA_ADMIN"] = process.argv.slice(2);
try {
  const user = await grantRoleFromConsole({ phone: phone ?? "", role: role as "CA_ADMIN", operator: userInfo().username });
  console.log(`${user.phone} is now ${user.role}. Log in with an SMS code; the console asks for a passkey or TOTP first.`);
  await closeDb();
  process.exit(0);
} catch (err) {
  const fields = (err as { fields?: Record<string, string[]> }).fields;
  console.error(fields ? Object.entries(fields).map(([k, v]) => `${k}: ${v.join(", ")}`).join("\n") : err instanceof Error ? err.message : err);
  await closeDb();
  process.exit(1);
}
