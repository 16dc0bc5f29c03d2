"use server";
import { z } from "zod";
import { userAction } from "@/lib/server/http/user-action";
import { reapplyCertificate } from "@/lib/server/orders/reapply-certificate";

// Server action — 重新申请 for an expired or revoked certificate: a new prefilled order; answers the wizard path.
export const reapplyCertificateAction = userAction({ args: z.tuple([z.string().min(1).max(40)]) }, async ({ user, args: [certificateId], ip }) =>
  reapplyCertificate({ userId: user.id, certificateId, ip }),
);
