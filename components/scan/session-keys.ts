// 会话签章 on the phone: while a session is open, d1 of its signing key stays unwrapped in this
// page's memory only (never stored, gone on reload or when the session ends), so the session's
// requests are signed without the PIN. After a reload the phone asks for the PIN again.
const keys = new Map<string, { d1: Uint8Array; expiresAt: number }>();

export function keepSessionKey(sessionId: string, d1: Uint8Array, expiresAt: string) {
  keys.set(sessionId, { d1: Uint8Array.from(d1), expiresAt: new Date(expiresAt).getTime() });
}

export function sessionKey(sessionId: string): Uint8Array | undefined {
  const k = keys.get(sessionId);
  if (!k) return undefined;
  if (k.expiresAt <= Date.now()) {
    forgetSessionKey(sessionId);
    return undefined;
  }
  return k.d1;
}

export function forgetSessionKey(sessionId: string) {
  keys.get(sessionId)?.d1.fill(0);
  keys.delete(sessionId);
}
