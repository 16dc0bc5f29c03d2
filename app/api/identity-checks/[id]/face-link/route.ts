import { userRoute } from "@/lib/server/http/user-route";
import { sendFaceLink, ZSendFaceLinkSchema } from "@/lib/server/identity/send-face-link";

// POST /api/identity-checks/[id]/face-link — text the face-check link to the legal representative
export const POST = userRoute(({ user, params, input }) => sendFaceLink({ userId: user.id, checkId: params.id, phone: input.phone }), {
  body: ZSendFaceLinkSchema,
});
