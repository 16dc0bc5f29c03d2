import { z } from "zod";
import type { ZodOpenApiPathsObject } from "zod-openapi";
import { env } from "@/lib/env";
import { OPENSSL_RECIPES, SM2_USER_ID } from "@/lib/platform/openssl-recipes";
import { ZApiErrorSchema } from "@/lib/server/http/api-error.types";
import { ZPkiCaIndexSchema } from "./pki.types";

// The public PKI endpoints (app/(pki)/pki, lib/server/ca/pki-urls.ts) in the platform API's OpenAPI
// document: they live under /pki, not /api/v1, so each path names its own server. No credentials.

const noAuth: Array<Record<string, string[]>> = [];
const notFound = { description: "No such CA (JSON error body)", content: { "application/json": { schema: ZApiErrorSchema } } };
const binary = { type: "string", contentMediaType: "application/octet-stream" } as const;

export function pkiPaths(): ZodOpenApiPathsObject {
  const servers = [{ url: env().APP_URL }];
  return {
    "/pki/ca": {
      servers,
      get: {
        operationId: "getPkiCas",
        summary: "The CA repository: every CA certificate with its URLs (JSON)",
        security: noAuth,
        responses: { "200": { description: "The CAs", content: { "application/json": { schema: ZPkiCaIndexSchema } } } },
      },
    },
    "/pki/ca/{file}": {
      servers,
      get: {
        operationId: "getPkiCaCertificate",
        summary: "A CA certificate: <caId>.cer (DER, application/pkix-cert; the AIA caIssuers form) or <caId>.pem",
        security: noAuth,
        requestParams: { path: z.object({ file: z.string().regex(/^[a-z0-9]{1,64}\.(cer|crt|pem)$/) }) },
        responses: {
          "200": {
            description: "The certificate; immutable (a CA id names one certificate)",
            content: { "application/pkix-cert": { schema: binary }, "application/x-pem-file": { schema: { type: "string" } } },
          },
          "404": notFound,
        },
      },
    },
    "/pki/crl/{file}": {
      servers,
      get: {
        operationId: "getPkiCrl",
        summary: "The CA's latest CRL: <caId>.crl (DER, application/pkix-crl); a revocation publishes a new one at once",
        description: `Signed with SM2/SM3 and the user ID ${SM2_USER_ID} (see x-openssl-recipes, crl). Cache-Control max-age is at most 600 s; Expires is the CRL's nextUpdate.`,
        security: noAuth,
        requestParams: { path: z.object({ file: z.string().regex(/^[a-z0-9]{1,64}\.crl$/) }) },
        responses: { "200": { description: "The CRL", content: { "application/pkix-crl": { schema: binary } } }, "404": notFound },
      },
    },
    "/pki/ocsp": {
      servers,
      post: {
        operationId: "postPkiOcsp",
        summary: "OCSP (RFC 6960): application/ocsp-request in, application/ocsp-response out",
        description: `The response is signed by the responder certificate (GET /pki/ca, kind OCSP) with SM2/SM3 and the user ID ${SM2_USER_ID}; a nonce in the request is echoed. See x-openssl-recipes, ocsp.`,
        security: noAuth,
        requestBody: { required: true, content: { "application/ocsp-request": { schema: binary } } },
        responses: {
          "200": { description: "An OCSPResponse (also for malformed requests, as RFC 6960 says)", content: { "application/ocsp-response": { schema: binary } } },
          "413": { description: "A body over 16 KiB (JSON error body)", content: { "application/json": { schema: ZApiErrorSchema } } },
          "415": { description: "Content-Type not application/ocsp-request (JSON error body)", content: { "application/json": { schema: ZApiErrorSchema } } },
        },
      },
    },
    "/pki/ocsp/{request}": {
      servers,
      get: {
        operationId: "getPkiOcsp",
        summary: "OCSP over GET (RFC 6960 A.1, RFC 5019): the URL-encoded base64 DER request in the path; cacheable",
        security: noAuth,
        requestParams: { path: z.object({ request: z.string() }) },
        responses: {
          "200": { description: "An OCSPResponse", content: { "application/ocsp-response": { schema: binary } } },
          "414": { description: "The encoded request is over 24 KiB: POST it instead (no body)." },
        },
      },
    },
  };
}

/** The recipes as the document's x-openssl-recipes extension (and rendered on /developers). */
export const opensslRecipesExtension = OPENSSL_RECIPES.map((r) => ({ id: r.id, title: r.title, inputs: r.inputs, script: r.script }));
