import { env } from "@/lib/env";
import { OPENSSL_RECIPES, SM2_USER_ID } from "@/lib/platform/openssl-recipes";

// The public PKI endpoints (app/(pki)/pki, lib/server/ca/pki-urls.ts) in the platform API's OpenAPI
// document: they live under /pki, not /api/v1, so each path names its own server. No credentials.

const noAuth: Array<Record<string, string[]>> = [];
const notFound = { description: "No such CA (JSON error body)", content: { "application/json": { schema: { $ref: "#/components/schemas/Error" } } } };

export const pkiCaSchema = {
  type: "object",
  required: ["id", "kind", "subjectDn", "serialHex", "notBefore", "notAfter", "active", "certificateUrl"],
  properties: {
    id: { type: "string", description: "Stable CA id: names its certificate and CRL URLs forever." },
    kind: { type: "string", enum: ["ROOT", "ISSUING", "OCSP"], description: "ROOT: the trust anchor (pin its SHA-256 fingerprint). ISSUING: signs holders' certificates and its CRL. OCSP: the responder certificate (ocsp-nocheck, 30 days, replaced automatically)." },
    subjectDn: { type: "string" },
    serialHex: { type: "string" },
    notBefore: { type: "string", format: "date-time" },
    notAfter: { type: "string", format: "date-time" },
    active: { type: "boolean", description: "false: retired (still listed while certificates it issued may be checked)." },
    certificateUrl: { type: "string", format: "uri", description: "DER (.cer); the same path with .pem gives PEM." },
    crlUrl: { type: "string", format: "uri", description: "ROOT and ISSUING only." },
  },
};

export function pkiPaths() {
  const servers = [{ url: env().APP_URL }];
  return {
    "/pki/ca": {
      servers,
      get: {
        summary: "The CA repository: every CA certificate with its URLs (JSON)",
        security: noAuth,
        responses: { "200": { description: "The CAs", content: { "application/json": { schema: { type: "object", required: ["cas"], properties: { cas: { type: "array", items: { $ref: "#/components/schemas/PkiCa" } } } } } } } },
      },
    },
    "/pki/ca/{file}": {
      servers,
      get: {
        summary: "A CA certificate: <caId>.cer (DER, application/pkix-cert; the AIA caIssuers form) or <caId>.pem",
        security: noAuth,
        parameters: [{ name: "file", in: "path", required: true, schema: { type: "string", pattern: "^[a-z0-9]{1,64}\\.(cer|crt|pem)$" } }],
        responses: {
          "200": { description: "The certificate; immutable (a CA id names one certificate)", content: { "application/pkix-cert": { schema: { type: "string", format: "binary" } }, "application/x-pem-file": { schema: { type: "string" } } } },
          "404": notFound,
        },
      },
    },
    "/pki/crl/{file}": {
      servers,
      get: {
        summary: "The CA's latest CRL: <caId>.crl (DER, application/pkix-crl); a revocation publishes a new one at once",
        description: `Signed with SM2/SM3 and the user ID ${SM2_USER_ID} (see x-openssl-recipes, crl). Cache-Control max-age is at most 600 s; Expires is the CRL's nextUpdate.`,
        security: noAuth,
        parameters: [{ name: "file", in: "path", required: true, schema: { type: "string", pattern: "^[a-z0-9]{1,64}\\.crl$" } }],
        responses: { "200": { description: "The CRL", content: { "application/pkix-crl": { schema: { type: "string", format: "binary" } } } }, "404": notFound },
      },
    },
    "/pki/ocsp": {
      servers,
      post: {
        summary: "OCSP (RFC 6960): application/ocsp-request in, application/ocsp-response out",
        description: `The response is signed by the responder certificate (GET /pki/ca, kind OCSP) with SM2/SM3 and the user ID ${SM2_USER_ID}; a nonce in the request is echoed. See x-openssl-recipes, ocsp.`,
        security: noAuth,
        requestBody: { required: true, content: { "application/ocsp-request": { schema: { type: "string", format: "binary" } } } },
        responses: { "200": { description: "An OCSPResponse (also for malformed requests, as RFC 6960 says)", content: { "application/ocsp-response": { schema: { type: "string", format: "binary" } } } } },
      },
    },
    "/pki/ocsp/{request}": {
      servers,
      get: {
        summary: "OCSP over GET (RFC 6960 A.1, RFC 5019): the URL-encoded base64 DER request in the path; cacheable",
        security: noAuth,
        parameters: [{ name: "request", in: "path", required: true, schema: { type: "string" } }],
        responses: { "200": { description: "An OCSPResponse", content: { "application/ocsp-response": { schema: { type: "string", format: "binary" } } } } },
      },
    },
  };
}

/** The recipes as the document's x-openssl-recipes extension (and rendered on /developers). */
export const opensslRecipesExtension = OPENSSL_RECIPES.map((r) => ({ id: r.id, title: r.title, inputs: r.inputs, script: r.script }));
