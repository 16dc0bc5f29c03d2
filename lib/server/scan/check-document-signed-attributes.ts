import { AppError } from "@/lib/errors";
import { bytesToHex } from "@/lib/pki/encoding";
import { PkiError } from "@/lib/pki/errors";
import { OID } from "@/lib/pki/oids";
import { readSignedAttributes } from "@/lib/pki/cms/read-signed-attributes";

/** How far the phone's signingTime may be from the server's clock. */
export const SIGNING_TIME_SKEW_MS = 5 * 60_000;

/**
 * What a document sign request may sign: the CMS signed attributes (DER SET) exactly as the phone
 * builds them, whose messageDigest is the platform's digest for this request, content type id-data,
 * signing time within a few minutes of now. Anything else is refused.
 */
export function checkDocumentSignedAttributes({ der, digestHex, now = new Date() }: { der: Uint8Array; digestHex: string; now?: Date }) {
  const wrong = () => new AppError("validation_failed", { userMessage: "scanner.errors.wrongContent", fields: { signedAttributes: ["scanner.errors.wrongContent"] } });
  let read: ReturnType<typeof readSignedAttributes>;
  try {
    read = readSignedAttributes(der);
  } catch (error) {
    if (error instanceof PkiError) throw wrong();
    throw error;
  }
  if (read.contentType !== OID.cmsData) throw wrong();
  if (bytesToHex(read.messageDigest) !== digestHex.toLowerCase()) throw wrong();
  if (Math.abs(read.signingTime.getTime() - now.getTime()) > SIGNING_TIME_SKEW_MS) {
    throw new AppError("validation_failed", { userMessage: "scanner.errors.signingTime", fields: { signedAttributes: ["scanner.errors.signingTime"] } });
  }
  return read;
}
