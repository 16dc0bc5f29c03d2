import { z } from "zod";

// The browser's JSON (from @simplewebauthn/browser); @simplewebauthn/server checks every field's meaning.
const b64url = z.string().max(8192).regex(/^[A-Za-z0-9_-]*$/, "passkeys.errors.invalidResponse");

export const ZAuthenticationResponseSchema = z.object({
  id: b64url.min(1),
  rawId: b64url.min(1),
  type: z.literal("public-key"),
  response: z.object({
    clientDataJSON: b64url.min(1),
    authenticatorData: b64url.min(1),
    signature: b64url.min(1),
    userHandle: b64url.optional(),
  }),
  clientExtensionResults: z.record(z.string(), z.unknown()).default({}),
  authenticatorAttachment: z.enum(["platform", "cross-platform"]).optional(),
});
export type TAuthenticationResponse = z.infer<typeof ZAuthenticationResponseSchema>;

export const ZRegistrationResponseSchema = z.object({
  id: b64url.min(1),
  rawId: b64url.min(1),
  type: z.literal("public-key"),
  response: z.object({
    clientDataJSON: b64url.min(1),
    attestationObject: b64url.min(1),
    authenticatorData: b64url.optional(),
    transports: z.array(z.string().max(32)).max(10).optional(),
    publicKeyAlgorithm: z.number().int().optional(),
    publicKey: b64url.optional(),
  }),
  clientExtensionResults: z.record(z.string(), z.unknown()).default({}),
  authenticatorAttachment: z.enum(["platform", "cross-platform"]).optional(),
});
export type TRegistrationResponse = z.infer<typeof ZRegistrationResponseSchema>;

export const ZPasskeyNameSchema = z.string().trim().min(1, "passkeys.errors.nameRequired").max(40, "passkeys.errors.nameTooLong");

export const ZFinishRegistrationSchema = z.object({ response: ZRegistrationResponseSchema, name: ZPasskeyNameSchema.optional() });
export const ZVerifyAssertionSchema = z.object({ response: ZAuthenticationResponseSchema });
export const ZRenamePasskeySchema = z.object({ name: ZPasskeyNameSchema });
export const ZAuthenticationOptionsSchema = z.object({ purpose: z.enum(["login", "second-factor"]) });

/** next-auth's credentials provider carries the assertion as one JSON string. */
export const ZPasskeyLoginSchema = z.object({ response: z.string().max(20_000) });
