import { z } from "zod";

// The demo platform's own state, kept under demo/sessions/<sid>.json in the file storage and found
// through a signed cookie. It is an outside platform: it has no tables in the desk's database.
export const ZDemoStateSchema = z.object({
  login: z.object({ requestId: z.string(), challenge: z.string() }).optional(),
  user: z
    .object({ subject: z.string(), serial: z.string(), certificate: z.string(), encryptionCertificate: z.string().nullable(), issuer: z.string() })
    .optional(),
  bid: z
    .object({
      id: z.string(),
      title: z.string(),
      fileName: z.string(),
      size: z.number(),
      pages: z.number().optional(),
      sm3: z.string(),
      signRequestId: z.string().optional(),
      signature: z.object({ valid: z.boolean(), subject: z.string().optional(), signingTime: z.string().optional(), reasons: z.array(z.string()) }).optional(),
      sessionId: z.string().optional(),
      encrypted: z.object({ serial: z.string(), keyCiphertext: z.string() }).optional(),
      openRequestId: z.string().optional(),
      opened: z.object({ matches: z.boolean(), sm3: z.string() }).optional(),
    })
    .optional(),
  extraSigns: z.array(z.object({ requestId: z.string(), valid: z.boolean().optional() })).default([]),
  // PDF 签章: the bid PDF (normalized), its pages' sizes, the stamp waiting for the phone, the signatures embedded.
  pdf: z
    .object({
      id: z.string(),
      fileName: z.string(),
      pages: z.array(z.object({ width: z.number(), height: z.number() })),
      pending: z
        .object({ requestId: z.string(), sealId: z.string(), sealName: z.string(), digest: z.string().optional(), byteRange: z.tuple([z.number(), z.number(), z.number(), z.number()]), page: z.number(), x: z.number(), y: z.number() })
        .optional(),
      signatures: z.array(z.object({ requestId: z.string(), sealName: z.string(), valid: z.boolean(), subject: z.string().optional(), reasons: z.array(z.string()) })),
    })
    .optional(),
  // 同步主体库: the sync_subject request and, once completed, the subject library it returned (or the refusal).
  sync: z
    .object({
      requestId: z.string(),
      subject: z.string().optional(),
      library: z.record(z.string(), z.unknown()).optional(),
      failReason: z.string().optional(),
    })
    .optional(),
});
export type TDemoState = z.infer<typeof ZDemoStateSchema>;

export const ZDemoRequestIdSchema = z.string().regex(/^[a-z0-9]{10,40}$/);
