import { db } from "@/lib/db/client";
import { writeAudit } from "@/lib/server/audit/write-audit";
import { maskSubject } from "./identity-subject.types";
import { idNumberHash } from "./id-number-hash";

type Person = { name: string; idType: string; idNumber: string; phone?: string };

/**
 * 实名认证 once: an order's applicant check (PHONE3) of the account's verified person on the account's own number
 * is the account's verification again, so it is not sent to the provider (nor billed, nor limited) a second time.
 * The exact person: the same name and the same full ID number (its keyed hash), the account's phone. Returns the
 * id of a PASSED check row of the order (provider "account", so the reviewer sees where it came from), or null
 * when anything differs or the account was verified before the hash was kept (then the wizard checks as before).
 */
export async function reuseAccountRealName({ userId, orderId, person }: { userId: string; orderId: string; person: Person }): Promise<string | null> {
  const account = await db.user.findUnique({ where: { id: userId }, select: { phone: true, realName: true, idNumberHash: true, realNameVerifiedAt: true } });
  if (!account?.realNameVerifiedAt || !account.idNumberHash) return null;
  const isSame = (account.realName ?? "").trim() === person.name.trim() && account.idNumberHash === idNumberHash(person.idNumber) && person.phone === account.phone;
  if (!isSame) return null;
  return db.$transaction(async (tx) => {
    const now = new Date();
    const row = await tx.identityCheck.create({
      data: {
        userId,
        orderId,
        method: "PHONE3",
        role: "APPLICANT",
        status: "PASSED",
        subject: maskSubject({ name: person.name, idType: person.idType, idNumber: person.idNumber, phone: person.phone }),
        provider: "account",
        providerRef: `real-name:${account.realNameVerifiedAt!.toISOString()}`,
        completedAt: now,
      },
    });
    await writeAudit(tx, { actorId: userId, action: "identity.check_started", targetType: "IdentityCheck", targetId: row.id, data: { method: "PHONE3", role: "APPLICANT", orderId } });
    await writeAudit(tx, { actorId: userId, action: "identity.check_passed", targetType: "IdentityCheck", targetId: row.id, data: {} });
    return row.id;
  });
}
