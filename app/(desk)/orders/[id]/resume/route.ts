import { isAppError } from "@/lib/errors";
import { seeOther } from "@/lib/server/http/see-other";
import { userRoute } from "@/lib/server/http/user-route";
import { resumeOrder } from "@/lib/server/orders/resume-order";

// GET /orders/[id]/resume — 继续办理: to the stored wizard step (or payment, or the order page)
export const GET = userRoute(
  async ({ user, params }) => {
    try {
      const { path } = await resumeOrder({ userId: user.id, orderId: params.id });
      return seeOther(path);
    } catch (err) {
      if (isAppError(err) && err.code === "not_found") return seeOther("/orders");
      throw err;
    }
  },
  { loginRedirect: true },
);
