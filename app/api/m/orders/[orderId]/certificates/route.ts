import { z } from "zod";
import { userRoute } from "@/lib/server/http/user-route";
import { finishPhoneDownload } from "@/lib/server/certs/finish-phone-download";

export const dynamic = "force-dynamic";

// POST /api/m/orders/:orderId/certificates — set the PIN, issue the dual certificates, complete the order
export const POST = userRoute(
  ({ user, params, input, ip }) => finishPhoneDownload({ userId: user.id, input: { ...input, orderId: params.orderId }, ip }),
  { body: z.looseObject({}) },
);
