"use server";
import { z } from "zod";
import { userAction } from "@/lib/server/http/user-action";
import { verifyAuditLog } from "@/lib/server/audit/verify-audit-log";

export const verifyAuditChainAction = userAction({ args: z.tuple([]), permission: "audit.read" }, ({ user }) => verifyAuditLog({ user }));
