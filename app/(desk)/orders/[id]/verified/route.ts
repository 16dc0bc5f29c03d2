import { seeOther } from "@/lib/server/http/see-other";
import { getSessionUser } from "@/lib/server/auth/get-session-user";
import { isAppError } from "@/lib/errors";
import { completeStepCheck } from "@/lib/server/orders/complete-step-check";
import { resumeOrder } from "@/lib/server/orders/resume-order";

// GET /orders/[id]/verified?which=subject|handler — the identity panel's "continue" link: the server
// reads the check itself (a passed check moves the wizard on), then goes to where the order stands.
export async function GET(req: Request, { params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const user = await getSessionUser();
  if (!user) return seeOther(`/login?next=${encodeURIComponent(`/orders/${id}/resume`)}`);
  const which = new URL(req.url).searchParams.get("which") === "handler" ? "handler" : "subject";
  try {
    const { nextPath } = await completeStepCheck({ userId: user.id, orderId: id, which });
    return seeOther(nextPath);
  } catch (err) {
    if (!isAppError(err)) throw err;
    // Not passed (or not a draft any more): back to wherever the order stands.
    const target = await resumeOrder({ userId: user.id, orderId: id }).catch(() => ({ path: "/orders" }));
    return seeOther(target.path);
  }
}
