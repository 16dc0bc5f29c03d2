import { userRoute } from "@/lib/server/http/user-route";
import { getOrgSignature } from "@/lib/server/org/get-org-signature";

export const dynamic = "force-dynamic";

// GET /api/org/signatures/[signatureId] — a letter's state (PENDING, APPLIED, FAILED, EXPIRED) for the desk's QR; its signer only
export const GET = userRoute(async ({ user, params }) => {
  const { letterText: _text, ...state } = await getOrgSignature({ userId: user.id, signatureId: params.signatureId });
  return { signature: state };
});
