"use server";
import { z } from "zod";
import { userAction } from "@/lib/server/http/user-action";
import { confirmRenewInfo } from "@/lib/server/orders/renew-confirm-info";
import { createRenewOrder } from "@/lib/server/orders/renew-create-order";
import { ZId } from "@/lib/validators/id";

// 续期 (docs/lifecycle.md): open the RENEW wizard from a certificate, and its first step's button.

export const startRenewalAction = userAction({ args: z.tuple([ZId]) }, async ({ user, args: [certificateId], ip }) => {
  return createRenewOrder({ userId: user.id, certificateId, ip });
});

export const confirmRenewInfoAction = userAction({ args: z.tuple([ZId]) }, async ({ user, args: [orderId] }) => {
  return confirmRenewInfo({ userId: user.id, orderId });
});
