// asn1js and pkijs want ArrayBuffers; our code passes Uint8Arrays that may be views into a larger
// buffer (Node's Buffer pool, subarray). These copy exactly the viewed bytes so no neighbour
// bytes leak into a DER encoding.
export function toArrayBuffer(bytes: Uint8Array): ArrayBuffer {
  const copy = new Uint8Array(bytes.byteLength);
  copy.set(bytes);
  return copy.buffer;
}

export function toUint8Array(data: ArrayBuffer | ArrayBufferView): Uint8Array {
  if (data instanceof ArrayBuffer) return new Uint8Array(data.slice(0));
  return new Uint8Array(data.buffer.slice(data.byteOffset, data.byteOffset + data.byteLength));
}
