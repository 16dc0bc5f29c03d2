import { describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { loginWithPassword } from "@/lib/server/auth/login-with-password";
import { grantRoleFromConsole } from "@/lib/server/auth/grant-role-from-console";
import { seed } from "@/prisma/seed";
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from "@/prisma/demo-accounts";
import { expectAppError } from "../support/expect-app-error";
import { uniqueIp, uniquePhone } from "../support/factories";

const admin = DEMO_ACCOUNTS.find((a) => a.role === "CA_ADMIN")!;

describe("seeded demo accounts", () => {
  it("exist with the published password in demo mode only; a later non-demo start disables them", async () => {
    await seed({ demo: true });
    expect((await loginWithPassword({ phone: admin.phone, password: DEMO_PASSWORD, ip: uniqueIp() })).userId).toBeTruthy();
    expect(await db.tradingPlatform.findUnique({ where: { code: "demo-tender" } })).not.toBeNull();

    await seed({ demo: false });
    const row = await db.user.findUniqueOrThrow({ where: { phone: admin.phone }, omit: { passwordHash: false } });
    expect(row).toMatchObject({ passwordHash: null, role: "APPLICANT" });
    expect(row.disabledAt).not.toBeNull();
    // The published password opens nothing any more, and the sessions it opened are over.
    await expectAppError(loginWithPassword({ phone: admin.phone, password: DEMO_PASSWORD, ip: uniqueIp() }), "unauthenticated");
    expect(await db.session.count({ where: { userId: row.id, revokedAt: null } })).toBe(0);
  });

  it("the first admin of a real desk comes from the server's shell, audited", async () => {
    const phone = uniquePhone();
    const user = await grantRoleFromConsole({ phone, role: "CA_ADMIN", operator: "ops" });
    expect(user.role).toBe("CA_ADMIN");
    const audit = await db.auditLog.findFirstOrThrow({ where: { targetId: user.id, action: "user.role_granted_cli" } });
    expect(audit.data).toMatchObject({ to: "CA_ADMIN", operator: "ops" });
    await expectAppError(grantRoleFromConsole({ phone: "12345", role: "CA_ADMIN", operator: "ops" }), "validation_failed");
  });
});
