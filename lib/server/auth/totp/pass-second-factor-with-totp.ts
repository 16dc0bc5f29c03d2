import { db } from "@/lib/db/client";
import { markSecondFactor } from "../second-factor/mark-second-factor";
import { checkTotpCode } from "./check-totp-code";

/** The second factor after an SMS or password login: a TOTP code from the enrolled app. */
export async function passSecondFactorWithTotp({ userId, sessionId, code, ip }: { userId: string; sessionId: string; code: string; ip: string }) {
  await checkTotpCode({ userId, code, ip, sessionId });
  await db.$transaction((tx) => markSecondFactor(tx, { userId, sessionId, method: "totp", ip }));
  return { ok: true as const };
}
