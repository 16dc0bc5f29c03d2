import { z } from "zod";
import { userRoute } from "@/lib/server/http/user-route";
import { startIdentityCheck, ZStartIdentityCheckSchema } from "@/lib/server/identity/start-identity-check";

const ZBody = ZStartIdentityCheckSchema.extend({ orderId: z.string().max(40).optional(), subject: z.record(z.string(), z.string().max(200)) });

// POST /api/identity-checks — start a check (for an order of the caller's, or for the account itself)
export const POST = userRoute(({ user, input }) => startIdentityCheck({ userId: user.id, ...input }), { body: ZBody, status: 201 });
