"use server";
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { userAction } from "@/lib/server/http/user-action";
import { decideSeal } from "@/lib/server/seals/decide-seal";

// 印章审核: approve (the CA signs the SES_Seal) or reject with a reason.
export const decideSealAction = userAction({ args: z.tuple([z.unknown()]), permission: "seals.review" }, async ({ user, ip, args: [input] }) => {
  const out = await decideSeal({ reviewerId: user.id, input, ip });
  revalidatePath("/console/seals");
  return out;
});
