// The phone's share d1 at rest: AES-256-GCM under the wrapping key W, which only the server keeps
// (released after a PIN check). WebCrypto, so it runs in the browser and in Node alike. The key
// share id is the associated data: a blob copied onto another key's record fails to open.

export type WrappedShare = { iv: string; ct: string };

function b64urlToBytes(s: string): Uint8Array {
  const b64 = s.replace(/-/g, "+").replace(/_/g, "/").padEnd(Math.ceil(s.length / 4) * 4, "=");
  const bin = atob(b64);
  return Uint8Array.from(bin, (c) => c.charCodeAt(0));
}

function bytesToB64url(bytes: Uint8Array): string {
  let bin = "";
  for (const b of bytes) bin += String.fromCharCode(b);
  return btoa(bin).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
}

// Non-extractable: even script running later in this page cannot read W back out of the key object.
function importWrapKey(wrapKey: string): Promise<CryptoKey> {
  return crypto.subtle.importKey("raw", b64urlToBytes(wrapKey) as BufferSource, "AES-GCM", false, ["encrypt", "decrypt"]);
}

export async function wrapShare({ d1, wrapKey, keyShareId }: { d1: Uint8Array; wrapKey: string; keyShareId: string }): Promise<WrappedShare> {
  const iv = crypto.getRandomValues(new Uint8Array(12));
  const key = await importWrapKey(wrapKey);
  const ct = await crypto.subtle.encrypt({ name: "AES-GCM", iv, additionalData: new TextEncoder().encode(keyShareId) }, key, d1 as BufferSource);
  return { iv: bytesToB64url(iv), ct: bytesToB64url(new Uint8Array(ct)) };
}

export async function unwrapShare({ wrapped, wrapKey, keyShareId }: { wrapped: WrappedShare; wrapKey: string; keyShareId: string }): Promise<Uint8Array> {
  const key = await importWrapKey(wrapKey);
  const plain = await crypto.subtle.decrypt(
    { name: "AES-GCM", iv: b64urlToBytes(wrapped.iv) as BufferSource, additionalData: new TextEncoder().encode(keyShareId) },
    key,
    b64urlToBytes(wrapped.ct) as BufferSource,
  );
  return new Uint8Array(plain);
}
