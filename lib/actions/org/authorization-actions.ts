"use server";
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { userAction } from "@/lib/server/http/user-action";
import { grantAuthorization } from "@/lib/server/org/grant-authorization";
import type { TGrantAuthorization, TRevokeAuthorization } from "@/lib/server/org/org-requests.types";
import { revokeAuthorization } from "@/lib/server/org/revoke-authorization";

export const grantAuthorizationAction = userAction({ args: z.tuple([z.unknown()]) }, ({ user, args: [input] }) =>
  grantAuthorization({ userId: user.id, input: input as TGrantAuthorization }),
);

export const revokeAuthorizationAction = userAction({ args: z.tuple([z.unknown()]) }, async ({ user, args: [input] }) => {
  const { orgId } = input as TRevokeAuthorization;
  const out = await revokeAuthorization({ userId: user.id, input: input as TRevokeAuthorization });
  revalidatePath(`/org/${orgId}/authorizations`);
  revalidatePath(`/m/org/${orgId}/authorizations`);
  return out;
});
