"use client";
import { startAuthentication, startRegistration, WebAuthnError } from "@simplewebauthn/browser";
import type { PublicKeyCredentialCreationOptionsJSON, PublicKeyCredentialRequestOptionsJSON } from "@simplewebauthn/browser";
import type { ApiError } from "@/components/forms/api-error";
import type { T } from "@/lib/i18n/translate";

/** JSON request to our API; throws its `{ error }` (already in the user's language). */
export async function callJson<R>(method: "POST" | "PATCH" | "DELETE", url: string, body?: unknown): Promise<R> {
  const res = await fetch(url, {
    method,
    headers: body === undefined ? {} : { "content-type": "application/json" },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const data = (await res.json().catch(() => ({}))) as { error?: ApiError } & R;
  if (!res.ok) throw data.error ?? ({ code: "internal", message: res.statusText } satisfies ApiError);
  return data;
}

/** A browser refusal (cancelled dialog, timeout, no support) as an ApiError-like message. */
export function toApiError(err: unknown, t: T): ApiError {
  if (err && typeof err === "object" && "message" in err && "code" in err && !(err instanceof Error)) return err as ApiError;
  if (err instanceof WebAuthnError || (err instanceof Error && (err.name === "NotAllowedError" || err.name === "AbortError"))) {
    return { code: "cancelled", message: t("passkeys.errors.cancelled") };
  }
  if (err instanceof Error && /not support/i.test(err.message)) return { code: "unsupported", message: t("passkeys.errors.notSupported") };
  return { code: "internal", message: t("errors.internal") };
}

/** Creates a passkey on this device and stores it on the server. */
export async function registerPasskey(name?: string) {
  const optionsJSON = await callJson<PublicKeyCredentialCreationOptionsJSON>("POST", "/api/auth/passkeys/registration/options");
  const response = await startRegistration({ optionsJSON });
  return callJson<{ id: string; name: string }>("POST", "/api/auth/passkeys/registration/verify", { response, ...(name ? { name } : {}) });
}

/** Asks the authenticator for an assertion over a fresh server challenge. */
export async function getAssertion(purpose: "login" | "second-factor") {
  const optionsJSON = await callJson<PublicKeyCredentialRequestOptionsJSON>("POST", "/api/auth/passkeys/authentication/options", { purpose });
  return startAuthentication({ optionsJSON });
}
