"use server";
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { userAction } from "@/lib/server/http/user-action";
import { answerFeedback } from "@/lib/server/support/answer-feedback";
import { ZFeedbackAnswerSchema } from "@/lib/server/support/feedback.types";
import { ZId } from "@/lib/validators/id";

// The console's feedback inbox: answer once; the user sees it in 我的反馈 and gets a message.
export const answerFeedbackAction = userAction({ args: z.tuple([ZId, ZFeedbackAnswerSchema]), permission: "feedback.answer" }, async ({ user, args: [feedbackId, input] }) => {
  const out = await answerFeedback({ staff: user, feedbackId, input });
  revalidatePath("/console/feedback");
  return out;
});
