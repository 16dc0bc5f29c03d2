"use server";
import { z } from "zod";
import { publicAction } from "@/lib/server/http/public-action";
import { sendAuthorizationCode } from "@/lib/server/orders/send-authorization-code";
import { signAuthorization } from "@/lib/server/orders/sign-authorization";
import { ZId } from "@/lib/validators/id";

// No session here on purpose: the legal representative has no account. The link's token and an
// SMS code to the phone the letter was sent to are the credentials (checked in the domain).

export const sendAuthorizationCodeAction = publicAction({ args: z.tuple([ZId]) }, ({ args: [token], ip, locale }) => sendAuthorizationCode({ token, ip, locale }));

export const signAuthorizationAction = publicAction({ args: z.tuple([ZId, z.unknown()]) }, async ({ args: [token, input], ip }) => {
  const { status } = await signAuthorization({ token, input, ip });
  return { status };
});
