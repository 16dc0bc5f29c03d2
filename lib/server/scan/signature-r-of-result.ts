import { AppError } from "@/lib/errors";
import { parseCmsSignedData } from "@/lib/pki/cms/parse-cms-signed-data";
import { decodeSignatureDer } from "@/lib/pki/sm2";

/** The r of the SM2 signature the phone sends back (a bare DER signature, or inside the CMS), hex. */
export function signatureROfResult({ type, result }: { type: "LOGIN" | "SIGN"; result: { signature?: string; cms?: string } }): string {
  try {
    let der: Uint8Array;
    if (type === "LOGIN") der = new Uint8Array(Buffer.from(result.signature ?? "", "base64"));
    else {
      const signedData = parseCmsSignedData(new Uint8Array(Buffer.from(result.cms ?? "", "base64")));
      der = new Uint8Array(signedData.signerInfos[0]!.signature.valueBlock.valueHexView);
    }
    return decodeSignatureDer(der).r.toString(16).padStart(64, "0");
  } catch {
    throw new AppError("validation_failed", { userMessage: "scan.errors.badSignature" });
  }
}
