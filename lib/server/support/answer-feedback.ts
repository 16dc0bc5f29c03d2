import type { Role } from "@/lib/generated/prisma/enums";
import { AppError } from "@/lib/errors";
import { db } from "@/lib/db/client";
import { translator } from "@/lib/i18n/translate";
import { writeAudit } from "@/lib/server/audit/write-audit";
import { assertPermission } from "@/lib/server/auth/permissions";
import { ZFeedbackAnswerSchema } from "./feedback.types";

/**
 * The console answers a feedback once: OPEN → ANSWERED is one conditional update (two staff answering
 * at once: one answer lands, the other gets conflict), with the user's inbox message (the answer shows
 * in 我的反馈 and under 消息) and the audit row in the same transaction.
 */
export async function answerFeedback({ staff, feedbackId, input }: { staff: { id: string; role: Role }; feedbackId: string; input: unknown }) {
  assertPermission(staff, "feedback.answer");
  const { answer } = ZFeedbackAnswerSchema.parse(input);
  return db.$transaction(async (tx) => {
    const f = await tx.feedback.findUnique({ where: { id: feedbackId }, select: { id: true, userId: true, user: { select: { locale: true } } } });
    if (!f) throw new AppError("not_found");
    const { count } = await tx.feedback.updateMany({ where: { id: f.id, status: "OPEN" }, data: { status: "ANSWERED", answer, answeredById: staff.id, answeredAt: new Date() } });
    if (count !== 1) throw new AppError("conflict", { userMessage: "me.feedback.errors.alreadyAnswered" });
    const t = translator(f.user.locale === "en" ? "en" : "zh-CN");
    await tx.inboxMessage.create({ data: { userId: f.userId, title: t("me.feedback.inboxTitle"), body: t("me.feedback.inboxBody", { answer: answer.length > 120 ? `${answer.slice(0, 120)}…` : answer }), link: "/m/me/feedback" } });
    await writeAudit(tx, { actorId: staff.id, action: "feedback.answered", targetType: "Feedback", targetId: f.id, data: { userId: f.userId } });
    return { id: f.id };
  });
}
