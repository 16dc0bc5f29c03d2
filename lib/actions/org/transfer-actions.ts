"use server";
import { z } from "zod";
import { userAction } from "@/lib/server/http/user-action";
import type { TStartAdminTransfer } from "@/lib/server/org/org-requests.types";
import { startAdminTransfer } from "@/lib/server/org/start-admin-transfer";

export const startAdminTransferAction = userAction({ args: z.tuple([z.unknown()]) }, ({ user, args: [input] }) =>
  startAdminTransfer({ userId: user.id, input: input as TStartAdminTransfer }),
);
