import { NextResponse } from "next/server";
import { getSessionUser } from "@/lib/server/auth/get-session-user";
import { isAppError } from "@/lib/errors";
import { resumeOrder } from "@/lib/server/orders/resume-order";

// GET /orders/[id]/resume — 继续办理: to the stored wizard step (or payment, or the order page)
export async function GET(req: Request, { params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const user = await getSessionUser();
  if (!user) return NextResponse.redirect(new URL(`/login?next=${encodeURIComponent(`/orders/${id}/resume`)}`, req.url));
  try {
    const { path } = await resumeOrder({ userId: user.id, orderId: id });
    return NextResponse.redirect(new URL(path, req.url), 303);
  } catch (err) {
    if (isAppError(err) && err.code === "not_found") return NextResponse.redirect(new URL("/orders", req.url), 303);
    throw err;
  }
}
