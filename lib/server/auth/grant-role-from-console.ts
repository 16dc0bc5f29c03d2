import { z } from "zod";
import { writeAudit } from "@/lib/server/audit/write-audit";
import { db } from "@/lib/db/client";
import { parseInput } from "@/lib/server/http/parse-input";

const ZGrantRoleSchema = z.object({
  phone: z.string().regex(/^1[3-9]\d{9}$/, "a mainland mobile number"),
  role: z.enum(["CA_REVIEWER", "CA_ADMIN"]),
  operator: z.string().min(1).max(80),
});

/**
 * The first CA admin of a desk that is not a demo (no seeded staff there): run by an operator with
 * shell access to the server (`npm run admin:grant -- <phone> [CA_ADMIN|CA_REVIEWER]`). The account is
 * created if it does not exist; it logs in by SMS code and must enrol its second factor (passkey or
 * TOTP) before the console opens. Audited with the operator's OS user name.
 */
export async function grantRoleFromConsole(input: z.input<typeof ZGrantRoleSchema>) {
  const { phone, role, operator } = parseInput(ZGrantRoleSchema, input);
  return db.$transaction(async (tx) => {
    const before = await tx.user.findUnique({ where: { phone }, select: { id: true, role: true } });
    const user = await tx.user.upsert({ where: { phone }, update: { role, disabledAt: null }, create: { phone, role }, select: { id: true, phone: true, role: true } });
    await writeAudit(tx, { action: "user.role_granted_cli", targetType: "User", targetId: user.id, data: { from: before?.role ?? null, to: role, operator } });
    return user;
  });
}
