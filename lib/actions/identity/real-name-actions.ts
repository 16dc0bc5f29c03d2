"use server";
import { z } from "zod";
import { userAction } from "@/lib/server/http/user-action";
import { verifyAccountRealName } from "@/lib/server/identity/verify-account-real-name";
import { ZVerifyAccountRealNameSchema } from "@/lib/server/identity/verify-account-real-name.types";

// 实名认证 of the caller's own account (desk /account and phone /m/me/real-name).
export const verifyAccountRealNameAction = userAction({ args: z.tuple([ZVerifyAccountRealNameSchema]) }, ({ user, args: [input] }) =>
  verifyAccountRealName({ userId: user.id, input }),
);
