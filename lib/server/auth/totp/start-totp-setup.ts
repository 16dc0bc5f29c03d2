import { randomBytes } from "node:crypto";
import QRCode from "qrcode";
import { db } from "@/lib/db/client";
import { sealSecret } from "@/lib/db/seal";
import { assertMayManageFactors } from "../second-factor/assert-may-manage-factors";
import { maskPhone } from "../session-user";
import { base32Encode, otpauthUri } from "./totp";
import { totpSecretAad } from "./totp-secret-aad";

/**
 * A new 160-bit TOTP secret, kept sealed as pending until the holder types a first code from the
 * app (confirmTotpSetup); an enabled one keeps working meanwhile. Returns what the app needs: the
 * otpauth URI as a QR (SVG) and the secret for typing in.
 */
export async function startTotpSetup({ userId, sessionId }: { userId: string; sessionId: string }) {
  await assertMayManageFactors({ userId, sessionId });
  const secret = new Uint8Array(randomBytes(20));
  const user = await db.user.update({
    where: { id: userId },
    data: { totpPendingSecret: sealSecret(secret, totpSecretAad(userId)) },
    select: { phone: true },
  });
  const uri = otpauthUri({ secret, account: maskPhone(user.phone), issuer: "CertDesk" });
  const qrSvg = await QRCode.toString(uri, { type: "svg", margin: 1, errorCorrectionLevel: "M" });
  return { uri, qrSvg, secret: base32Encode(secret) };
}
