// What the phone signs when the server, not the phone, decides the message: the server recomputes
// e = SM3(Z || message) from these and refuses a sign request whose e differs, so its half is
// never an oracle for a digest the phone chose. Pure: the phone and the server import the same text.

/** 测试签名 on the certificate page: proves the PIN and the key; bound to the request's one-time nonce. */
export function pinCheckMessage({ keyShareId, nonce }: { keyShareId: string; nonce: string }): Uint8Array {
  return new TextEncoder().encode(`CertDesk PIN check ${keyShareId} ${nonce}`);
}

/** A sync_subject scan: proves the key is on this phone and the PIN is right for this request. */
export function syncSubjectMessage({ scanRequestId }: { scanRequestId: string }): Uint8Array {
  return new TextEncoder().encode(`CertDesk sync_subject ${scanRequestId}`);
}
