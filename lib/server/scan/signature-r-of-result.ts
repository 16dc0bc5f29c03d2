import { AppError } from "@/lib/errors";
import { parseCmsSignedData } from "@/lib/pki/cms/parse-cms-signed-data";
import { readDetachedCms } from "@/lib/pki/cms/read-detached-cms";
import { decodeSignatureDer } from "@/lib/pki/sm2";

/** The r of the SM2 signature the phone sends back (a bare DER signature, or inside the CMS), hex. */
export function signatureROfResult({ type, result }: { type: "LOGIN" | "SIGN"; result: { signature?: string; cms?: string } }): string {
  try {
    let der: Uint8Array;
    if (type === "LOGIN") der = new Uint8Array(Buffer.from(result.signature ?? "", "base64"));
    else {
      const cms = new Uint8Array(Buffer.from(result.cms ?? "", "base64"));
      // The phone's shape is read from its DER; anything else by the full parser (its first signer).
      der = readDetachedCms(cms)?.signer.signature ?? new Uint8Array(parseCmsSignedData(cms).signerInfos[0]!.signature.valueBlock.valueHexView);
    }
    return decodeSignatureDer(der).r.toString(16).padStart(64, "0");
  } catch {
    throw new AppError("validation_failed", { userMessage: "scan.errors.badSignature" });
  }
}
