"use server";
import { z } from "zod";
import { userAction } from "@/lib/server/http/user-action";
import { decideKeyRecovery } from "@/lib/server/escrow/decide-key-recovery";

export const decideKeyRecoveryAction = userAction({ args: z.tuple([z.string().min(1).max(64), z.unknown()]), permission: "keys.recover" }, async ({ user, args: [recoveryId, input], ip }) =>
  decideKeyRecovery({ operator: user, recoveryId, input, ip }),
);
