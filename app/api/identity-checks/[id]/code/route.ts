import { userRoute } from "@/lib/server/http/user-route";
import { confirmDepositCode, ZConfirmDepositCodeSchema } from "@/lib/server/identity/confirm-deposit-code";

// POST /api/identity-checks/[id]/code — confirm the micro-deposit code from the transfer memo
export const POST = userRoute(({ user, params, input }) => confirmDepositCode({ userId: user.id, checkId: params.id, code: input.code }), {
  body: ZConfirmDepositCodeSchema,
});
