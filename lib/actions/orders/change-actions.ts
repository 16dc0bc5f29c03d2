"use server";
import { z } from "zod";
import { userAction } from "@/lib/server/http/user-action";
import { confirmChangeInfo } from "@/lib/server/orders/change-confirm-info";
import { createChangeOrder } from "@/lib/server/orders/change-create-order";
import { changeSubmitOrder } from "@/lib/server/orders/change-submit-order";
import { ZId } from "@/lib/validators/id";

// 证书变更 (docs/lifecycle.md): open the CHANGE wizard from a certificate, its first step's button, and
// its confirmation (submitted to the CA review).

export const startChangeAction = userAction({ args: z.tuple([ZId]) }, async ({ user, args: [certificateId], ip }) => {
  return createChangeOrder({ userId: user.id, certificateId, ip });
});

export const confirmChangeInfoAction = userAction({ args: z.tuple([ZId]) }, async ({ user, args: [orderId] }) => {
  return confirmChangeInfo({ userId: user.id, orderId });
});

export const submitChangeAction = userAction({ args: z.tuple([ZId, z.boolean()]) }, async ({ user, args: [orderId, acknowledged], ip }) => {
  return changeSubmitOrder({ userId: user.id, orderId, acknowledged, ip });
});
