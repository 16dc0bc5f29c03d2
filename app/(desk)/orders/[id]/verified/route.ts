import { z } from "zod";
import { isAppError } from "@/lib/errors";
import { seeOther } from "@/lib/server/http/see-other";
import { userRoute } from "@/lib/server/http/user-route";
import { completeStepCheck } from "@/lib/server/orders/complete-step-check";
import { resumeOrder } from "@/lib/server/orders/resume-order";

const ZQuery = z.object({ which: z.string().optional() });

// GET /orders/[id]/verified?which=subject|handler — the identity panel's "continue" link: the server
// reads the check itself (a passed check moves the wizard on), then goes to where the order stands.
export const GET = userRoute(
  async ({ user, params, query }) => {
    const which = query.which === "handler" ? "handler" : "subject";
    try {
      const { nextPath } = await completeStepCheck({ userId: user.id, orderId: params.id, which });
      return seeOther(nextPath);
    } catch (err) {
      if (!isAppError(err)) throw err;
      // Not passed (or not a draft any more): back to wherever the order stands.
      const target = await resumeOrder({ userId: user.id, orderId: params.id }).catch(() => ({ path: "/orders" }));
      return seeOther(target.path);
    }
  },
  { query: ZQuery, loginRedirect: true },
);
