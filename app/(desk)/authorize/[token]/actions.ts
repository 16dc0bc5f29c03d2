"use server";
import { getLocale } from "@/lib/i18n/server";
import { runAction } from "@/lib/server/http/run-action";
import { sendAuthorizationCode } from "@/lib/server/orders/send-authorization-code";
import { signAuthorization } from "@/lib/server/orders/sign-authorization";

// No session here on purpose: the legal representative has no account. The link's token and an
// SMS code to the phone the letter was sent to are the credentials (checked in the domain).

export async function sendAuthorizationCodeAction(token: string) {
  return runAction(async ({ ip }) => sendAuthorizationCode({ token, ip, locale: await getLocale() }));
}

export async function signAuthorizationAction(token: string, input: unknown) {
  return runAction(async ({ ip }) => {
    const { status } = await signAuthorization({ token, input, ip });
    return { status };
  });
}
