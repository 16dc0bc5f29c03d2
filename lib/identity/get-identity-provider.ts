import { env } from "@/lib/env";
import type { IdentityProvider } from "./identity-provider";
import { sandboxIdentityProvider } from "./sandbox-identity-provider";

export function getIdentityProvider(): IdentityProvider {
  switch (env().IDENTITY_PROVIDER) {
    case "sandbox":
      return sandboxIdentityProvider;
  }
}

/** Sandbox-only pages (/sandbox/bank, /help/sandbox) exist only while the sandbox answers. */
export function isIdentitySandbox(): boolean {
  return env().IDENTITY_PROVIDER === "sandbox";
}
