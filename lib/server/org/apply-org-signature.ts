/**
 * Job org.apply_signature: the letter an administrator signed on the phone (OrgSignature of this scan
 * request) takes effect once. Placeholder until the requests/authorizations work lands.
 */
export async function applyOrgSignature({ scanRequestId }: { scanRequestId: string }): Promise<void> {
  void scanRequestId;
}
