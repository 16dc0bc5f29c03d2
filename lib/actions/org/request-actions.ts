"use server";
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { userAction } from "@/lib/server/http/user-action";
import { createCertRequest } from "@/lib/server/org/create-cert-request";
import { createJoinRequest } from "@/lib/server/org/create-join-request";
import { decideOrgRequest } from "@/lib/server/org/decide-org-request";
import { ZCreateCertRequest, ZCreateJoinRequest, ZDecision } from "@/lib/server/org/org-requests.types";
import { verifyLegalRep } from "@/lib/server/org/verify-legal-rep";
import { ZId } from "@/lib/validators/id";

const refresh = (orgId: string) => {
  revalidatePath(`/org/${orgId}`, "layout");
  revalidatePath(`/m/org/${orgId}`, "layout");
};

// The domain parses again (one schema per boundary): the tuple only keeps the shape out of the wrapper's way.
export const createJoinRequestAction = userAction({ args: z.tuple([z.unknown()]) }, ({ user, args: [input] }) =>
  createJoinRequest({ userId: user.id, input: input as z.input<typeof ZCreateJoinRequest> }),
);

export const createCertRequestAction = userAction({ args: z.tuple([z.unknown()]) }, async ({ user, args: [input] }) => {
  const out = await createCertRequest({ userId: user.id, input: input as z.input<typeof ZCreateCertRequest> });
  revalidatePath("/orders");
  return out;
});

export const decideOrgRequestAction = userAction({ args: z.tuple([ZId, z.unknown()]) }, async ({ user, args: [orgId, input] }) => {
  const out = await decideOrgRequest({ userId: user.id, input: input as z.input<typeof ZDecision> });
  refresh(orgId);
  return out;
});

export const verifyLegalRepAction = userAction({ args: z.tuple([ZId, z.string().max(32)]) }, async ({ user, args: [orgId, uscc] }) => {
  const out = await verifyLegalRep({ userId: user.id, orgId, uscc });
  refresh(orgId);
  return out;
});
