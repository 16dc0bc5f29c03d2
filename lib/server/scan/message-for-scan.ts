import { AppError } from "@/lib/errors";
import type { ScanType } from "@/lib/generated/prisma/enums";
import { syncSubjectMessage } from "@/lib/phone/signed-messages";
import { checkDocumentSignedAttributes } from "./check-document-signed-attributes";

/**
 * The message a scan request's signature covers, as the server knows it: the platform's challenge
 * for a login, the request's own sync message for sync_subject, and for a document the signed
 * attributes the phone sent, once they are checked against the platform's digest. The server
 * half's e is SM3(Z || this).
 */
export function messageForScan({ type, id, payload, signedAttributes, now }: { type: ScanType; id: string; payload: Record<string, unknown>; signedAttributes?: string; now?: Date }): Uint8Array {
  if (type !== "SIGN" && signedAttributes !== undefined) throw new AppError("validation_failed", { fields: { signedAttributes: ["only for a sign request"] } });
  switch (type) {
    case "LOGIN":
      return new TextEncoder().encode(String(payload.challenge));
    case "SYNC_SUBJECT":
      return syncSubjectMessage({ scanRequestId: id });
    case "SIGN": {
      if (signedAttributes === undefined) throw new AppError("validation_failed", { userMessage: "scanner.errors.wrongContent", fields: { signedAttributes: ["required"] } });
      const der = new Uint8Array(Buffer.from(signedAttributes, "base64"));
      checkDocumentSignedAttributes({ der, digestHex: String(payload.digest), now });
      return der;
    }
    default:
      throw new AppError("bad_request", { userMessage: "scanner.errors.wrongOperation" });
  }
}
