/** OCSPResponseStatus (RFC 6960 4.2.1); 4 is unused by the standard. */
export const OCSP_RESPONSE_STATUSES = {
  successful: 0,
  malformedRequest: 1,
  internalError: 2,
  tryLater: 3,
  sigRequired: 5,
  unauthorized: 6,
} as const;

export type OcspResponseStatus = keyof typeof OCSP_RESPONSE_STATUSES;
export type OcspErrorStatus = Exclude<OcspResponseStatus, "successful">;

export function ocspResponseStatusFromCode(code: number): OcspResponseStatus | undefined {
  return (Object.keys(OCSP_RESPONSE_STATUSES) as OcspResponseStatus[]).find((s) => OCSP_RESPONSE_STATUSES[s] === code);
}
