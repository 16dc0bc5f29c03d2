// Two-party (collaborative) SM2 after Su & Tian, "基于SM2的双方共同签名协议及其应用". The scheme is
// secure against honest-but-curious parties only: callers must authenticate every message and
// refuse replayed nonces (each server function returns the nonce to record).
export { startKeygen, serverKeygen, finishKeygen } from "./keygen";
export { startSign, serverSign, finishSign } from "./sign";
export { startDecrypt, serverDecrypt, finishDecrypt } from "./decrypt";
export { jointSigner, type SignRoundTrip } from "./joint-signer";
export { newNonce, nonceTimeMs } from "./two-party-math";
export * from "./keygen.types";
export * from "./sign.types";
export * from "./decrypt.types";
export { TWO_PARTY_VERSION, ZEnvelopeSchema, ZHexPointSchema, ZHexScalarSchema, ZKeyIdSchema, ZNonceSchema } from "./message.types";
