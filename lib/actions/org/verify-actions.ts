"use server";
import { z } from "zod";
import { userAction } from "@/lib/server/http/user-action";
import { startEnterpriseVerification } from "@/lib/server/org/start-enterprise-verification";

// The form's input is validated by the domain function (parseInput), so field errors carry the field's name.

/** 仅认证企业（对公打款）: starts the micro-deposit to the enterprise's corporate account (no purchase). */
export const startEnterpriseVerificationAction = userAction({ args: z.tuple([z.unknown()]) }, async ({ user, args: [input] }) => startEnterpriseVerification({ userId: user.id, input }));
