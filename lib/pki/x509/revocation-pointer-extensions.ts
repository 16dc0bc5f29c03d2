import type * as pkijs from "pkijs";
import type { z } from "zod";
import type { ZRevocationUrlsSchema } from "@/lib/pki/x509/common.types";
import { authorityInfoAccessExtension, crlDistributionPointsExtension } from "@/lib/pki/x509/extensions";

/** CRL DP and AIA, each only when it has URLs (an empty extension is invalid DER-wise and useless). */
export function revocationPointerExtensions(urls: z.output<typeof ZRevocationUrlsSchema>): pkijs.Extension[] {
  const extensions: pkijs.Extension[] = [];
  if (urls.crlDistributionPoints.length > 0) extensions.push(crlDistributionPointsExtension(urls.crlDistributionPoints));
  if (urls.ocsp.length > 0 || urls.caIssuers.length > 0) {
    extensions.push(authorityInfoAccessExtension({ ocsp: urls.ocsp, caIssuers: urls.caIssuers }));
  }
  return extensions;
}
