"use server";
import { z } from "zod";
import { userAction } from "@/lib/server/http/user-action";
import { consoleRefuseRevocation } from "@/lib/server/certs/console-refuse-revocation";
import { consoleRevokeCertificate } from "@/lib/server/certs/console-revoke-certificate";
import { ZHolderRevokeReasonSchema } from "@/lib/server/certs/revoke-holder.types";
import { revokeWithPin } from "@/lib/server/certs/revoke-with-pin";
import { revokeCompleteOrder } from "@/lib/server/orders/revoke-complete-order";
import { revokeStartOrder } from "@/lib/server/orders/revoke-start-order";
import { ZId } from "@/lib/validators/id";

// Server actions of revocation: the desk's REVOKE wizard (start, confirm), the phone's 证书注销 with
// the PIN, the console's 吊销. The domain functions check who may revoke what.

export const startRevokeOrderAction = userAction({ args: z.tuple([ZId]) }, ({ user, args: [certificateId], ip }) => revokeStartOrder({ userId: user.id, certificateId, ip }));

// Revoked at once ({ status: "revoked", serials }), or, where the channel reviews desk revocations, { status: "pending" }.
export const completeRevokeOrderAction = userAction({ args: z.tuple([ZId, ZHolderRevokeReasonSchema]) }, ({ user, args: [orderId, reason], ip }) => revokeCompleteOrder({ userId: user.id, orderId, reason, ip }));

export const revokeWithPinAction = userAction({ args: z.tuple([ZId, z.unknown()]) }, async ({ user, args: [certificateId, input], ip }) => {
  const pair = await revokeWithPin({ userId: user.id, certificateId, input, ip });
  return { serials: pair.serials };
});

export const consoleRevokeAction = userAction({ args: z.tuple([ZId, z.unknown()]), permission: "certs.revoke" }, ({ user, args: [certificateId, input], ip }) =>
  consoleRevokeCertificate({ operator: user, certificateId, input, ip }),
);

// 驳回 of a holder's desk revocation request, with the reason the holder reads.
export const consoleRefuseRevocationAction = userAction({ args: z.tuple([ZId, z.unknown()]), permission: "certs.revoke" }, ({ user, args: [certificateId, input], ip }) =>
  consoleRefuseRevocation({ operator: user, certificateId, input, ip }),
);
