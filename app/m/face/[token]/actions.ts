"use server";
import { runAction } from "@/lib/server/http/run-action";
import { completeFaceCheck } from "@/lib/server/identity/complete-face-check";

// The face page has no login: the token in its URL is the credential, checked by completeFaceCheck.
export async function completeFaceAction(token: string) {
  return runAction(() => completeFaceCheck({ token: String(token) }));
}
