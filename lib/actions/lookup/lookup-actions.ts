"use server";
import { cookies } from "next/headers";
import { z } from "zod";
import { env } from "@/lib/env";
import { publicAction } from "@/lib/server/http/public-action";
import { createLookupCaptcha } from "@/lib/server/lookup/create-lookup-captcha";
import { LOOKUP_COOKIE, LOOKUP_GRANT_SECONDS } from "@/lib/server/lookup/lookup-policy";
import { sendLegalRepLookupCode } from "@/lib/server/lookup/send-legal-rep-lookup-code";
import { sendLookupCode } from "@/lib/server/lookup/send-lookup-code";
import { verifyLookupCode } from "@/lib/server/lookup/verify-lookup-code";
import { verifyLookupRealName } from "@/lib/server/lookup/verify-lookup-real-name";
import { ZLookupRealName, ZSendLegalRepLookupCode, ZSendLookupCode, ZVerifyLookupCode } from "@/lib/server/lookup/lookup.types";

// The grant's token lives only in this HttpOnly cookie (the database keeps its keyed hash).
async function setLookupCookie(token: string) {
  (await cookies()).set(LOOKUP_COOKIE, token, {
    httpOnly: true,
    sameSite: "lax",
    secure: env().APP_URL.startsWith("https://"),
    path: "/",
    maxAge: LOOKUP_GRANT_SECONDS,
  });
}

// Server action — 证书查询: send a code to one of the subject's applicants / handlers (same answer for anyone).
export const sendLookupCodeAction = publicAction({ args: z.tuple([ZSendLookupCode]) }, async ({ args: [input], ip, locale }) =>
  sendLookupCode({ ...input, ip, locale }),
);

// Server action — enter the lookup code; a pass sets the lookup cookie.
export const verifyLookupCodeAction = publicAction({ args: z.tuple([ZVerifyLookupCode]) }, async ({ args: [input], ip }) => {
  const { token } = await verifyLookupCode({ ...input, ip });
  await setLookupCookie(token);
});

// Server action — personal fallback: 手机号三要素 / 银行卡四要素.
export const verifyLookupRealNameAction = publicAction({ args: z.tuple([ZLookupRealName]) }, async ({ args: [input], ip }) => {
  const { token } = await verifyLookupRealName({ ...input, ip });
  await setLookupCookie(token);
});

// Server action — a new arithmetic captcha for the legal representative's check.
export const newLookupCaptchaAction = publicAction({ args: z.tuple([]) }, async () => createLookupCaptcha());

// Server action — unit fallback: legal representative's ID + phone + captcha → SMS code.
export const sendLegalRepLookupCodeAction = publicAction({ args: z.tuple([ZSendLegalRepLookupCode]) }, async ({ args: [input], ip, locale }) =>
  sendLegalRepLookupCode({ ...input, ip, locale }),
);

// Server action — end the lookup now (the cookie goes; the row expires by itself).
export const endLookupAction = publicAction({ args: z.tuple([]) }, async () => {
  (await cookies()).delete(LOOKUP_COOKIE);
});
