"use server";
import { z } from "zod";
import { parseInput } from "@/lib/server/http/parse-input";
import { userAction } from "@/lib/server/http/user-action";
import { decidePaperTransfer } from "@/lib/server/org/decide-paper-transfer";
import { ZPaperTransferDecisionSchema } from "@/lib/server/org/console-org.types";

// 企业申请审核: the CA's decision on a paper administrator transfer (approve, or reject with a reason the
// administrator can act on: the same discipline as order reviews).
export const decidePaperTransferAction = userAction({ args: z.tuple([z.unknown()]), permission: "orgs.review" }, async ({ user, args: [raw] }) => {
  const input = parseInput(ZPaperTransferDecisionSchema, raw);
  return decidePaperTransfer({ reviewerId: user.id, requestId: input.requestId, decision: input.decision, reason: input.decision === "reject" ? input.reason : undefined });
});
