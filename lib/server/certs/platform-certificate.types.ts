import { z } from "zod";

/** GET /api/v1/certificates/:serial — the serial as result.serial gives it (hex, any case). */
export const ZPlatformCertificateParams = z.object({ serial: z.string().regex(/^[0-9a-fA-F]{2,64}$/, "scan.errors.serialFormat") });
