import { z } from "zod";
import { userRoute } from "@/lib/server/http/user-route";
import { createSandboxTestOrder } from "@/lib/server/payments/create-sandbox-test-order";

const ZBody = z.object({ priceFen: z.number().int().min(1).max(10_000_000).optional(), invoiceEmail: z.email().optional() }).default({});

// POST /api/dev/sandbox-order — a priced order awaiting payment, for trying payments (full sandbox mode only)
export const POST = userRoute(({ user, input }) => createSandboxTestOrder({ userId: user.id, ...input }), { body: ZBody, status: 201 });
