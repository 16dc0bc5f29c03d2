import { seeOther } from "@/lib/server/http/see-other";
import { getSessionUser } from "@/lib/server/auth/get-session-user";
import { isAppError } from "@/lib/errors";
import { resumeOrder } from "@/lib/server/orders/resume-order";

// GET /orders/[id]/resume — 继续办理: to the stored wizard step (or payment, or the order page)
export async function GET(req: Request, { params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const user = await getSessionUser();
  if (!user) return seeOther(`/login?next=${encodeURIComponent(`/orders/${id}/resume`)}`);
  try {
    const { path } = await resumeOrder({ userId: user.id, orderId: id });
    return seeOther(path);
  } catch (err) {
    if (isAppError(err) && err.code === "not_found") return seeOther("/orders");
    throw err;
  }
}
