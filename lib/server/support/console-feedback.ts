import type { Role } from "@/lib/generated/prisma/enums";
import { AppError } from "@/lib/errors";
import { db } from "@/lib/db/client";
import { assertPermission } from "@/lib/server/auth/permissions";
import { maskPhone } from "@/lib/server/auth/session-user";
import { toFeedbackView } from "./list-feedback";

type Staff = { role: Role };
const SCREENSHOTS = "/api/console/feedback";

/** The console's feedback inbox: open feedback oldest first (who waits longest first), answered newest first. */
export async function consoleListFeedback({ staff, status }: { staff: Staff; status: "OPEN" | "ANSWERED" }) {
  assertPermission(staff, "feedback.answer");
  const rows = await db.feedback.findMany({
    where: { status },
    include: { user: { select: { phone: true, realName: true, name: true } } },
    orderBy: { createdAt: status === "OPEN" ? "asc" : "desc" },
    take: 100,
  });
  return rows.map((f) => ({ ...toFeedbackView(f, SCREENSHOTS), user: { name: f.user.realName ?? f.user.name, phoneMasked: maskPhone(f.user.phone) } }));
}

export async function consoleGetFeedback({ staff, feedbackId }: { staff: Staff; feedbackId: string }) {
  assertPermission(staff, "feedback.answer");
  const f = await db.feedback.findUnique({ where: { id: feedbackId }, include: { user: { select: { phone: true, realName: true, name: true } } } });
  if (!f) throw new AppError("not_found");
  return { ...toFeedbackView(f, SCREENSHOTS), user: { name: f.user.realName ?? f.user.name, phoneMasked: maskPhone(f.user.phone) } };
}
