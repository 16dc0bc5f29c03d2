/**
 * What a sign request asks of the seal (POST /api/v1/scan-requests): `withSeal` offers the holder's
 * seals (none is allowed), `sealRequired` makes one mandatory, `sealId` names the seal the platform
 * has already placed on its document (a PDF whose digest covers the picture): then only that one.
 */
export function sealPolicyOf(payload: Record<string, unknown>) {
  const pinnedSealId = typeof payload.sealId === "string" ? payload.sealId : null;
  const required = payload.sealRequired === true || pinnedSealId !== null;
  return { offered: payload.withSeal === true || required, required, pinnedSealId };
}
