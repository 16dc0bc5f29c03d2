import { z } from "zod";

const ZClientRef = z.string().trim().min(1).max(128).optional();
const ZExpiresIn = z.number().int().min(30).max(600).default(120);

// POST /api/v1/scan-requests — one schema per request type, told apart by `type`.
export const ZCreateScanRequestSchema = z.discriminatedUnion("type", [
  z.object({
    type: z.literal("login"),
    // The platform's challenge; the phone signs it with the certificate's key.
    challenge: z.string().min(16).max(256).regex(/^[\x21-\x7e]+$/, "scan.errors.challengeFormat"),
    clientRef: ZClientRef,
    expiresIn: ZExpiresIn,
  }),
  z.object({
    type: z.literal("sign"),
    // SM3 digest of the document (hex); the result is a detached CMS over that digest.
    digest: z.string().regex(/^[0-9a-fA-F]{64}$/, "scan.errors.digestFormat").transform((s) => s.toLowerCase()),
    title: z.string().trim().min(1).max(200),
    // What the phone's confirmation shows besides the title, where the platform knows it.
    document: z
      .object({
        fileName: z.string().trim().min(1).max(200).describe("The document's file name with its extension, e.g. 投标文件.pdf"),
        sizeBytes: z.number().int().min(0).max(10_000_000_000).optional().describe("The document's size in bytes"),
        pages: z.number().int().min(1).max(100_000).optional().describe("The number of pages (PDF)"),
      })
      .optional()
      .describe("The signed document as the holder should recognise it: file name, size and page count, shown on the phone's confirmation with the digest's short fingerprint"),
    withSeal: z.boolean().default(false).describe("Offer the holder's seals usable with the chosen certificate; the holder may also sign without one"),
    sealRequired: z.boolean().default(false).describe("A seal is mandatory: the phone does not let the holder sign without one (implies withSeal)"),
    sealId: z.string().min(1).max(64).optional().describe("The seal the platform already placed on its document (an id from GET /api/v1/seals): the phone offers only this seal and the signature must be made with it (implies sealRequired)"),
    // 会话签章: the sessionId from an earlier sign result; while that session is open the request
    // reaches the holder's phone without a scan. Optional, so existing callers are unaffected.
    sessionId: z.string().min(1).max(64).optional().describe("An open signing session (result.sessionId of an earlier sign request): the request then reaches the holder's phone without a scan"),
    clientRef: ZClientRef,
    expiresIn: ZExpiresIn,
  }),
  z.object({
    type: z.literal("decrypt"),
    // SM2 ciphertext of a session key (OpenSSL DER or C1C3C2), base64.
    ciphertext: z.string().min(20).max(4096).regex(/^[A-Za-z0-9+/=_-]+$/, "scan.errors.base64"),
    title: z.string().trim().min(1).max(200),
    resultEncryptionKey: z
      .string()
      .regex(/^(04[0-9a-fA-F]{128}|0[23][0-9a-fA-F]{64})$/, "scan.errors.publicKeyFormat")
      .transform((s) => s.toLowerCase())
      .optional()
      .describe("The platform's SM2 public key (hex SEC1 point: 04||x||y, or compressed). The decrypted key is then returned SM2-encrypted to it in result.encryptedPlaintext (GM/T 0009 DER, base64) and result.plaintext is null"),
    clientRef: ZClientRef,
    expiresIn: ZExpiresIn,
  }),
  z.object({
    type: z.literal("sync_subject"),
    clientRef: ZClientRef,
    expiresIn: ZExpiresIn,
  }),
]).meta({ id: "CreateScanRequest", description: "One body per request type, told apart by `type`." });
export type TCreateScanRequest = z.infer<typeof ZCreateScanRequestSchema>;

export const SCAN_TYPE_TO_DB = { login: "LOGIN", sign: "SIGN", decrypt: "DECRYPT", sync_subject: "SYNC_SUBJECT" } as const;
export const SCAN_TYPE_FROM_DB = { LOGIN: "login", SIGN: "sign", DECRYPT: "decrypt", SYNC_SUBJECT: "sync_subject" } as const;
