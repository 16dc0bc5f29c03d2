"use server";
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { userAction } from "@/lib/server/http/user-action";
import { addMember } from "@/lib/server/org/add-member";
import { changeMemberRole } from "@/lib/server/org/change-member-role";
import { removeMember } from "@/lib/server/org/remove-member";
import { revokeMemberCertificate } from "@/lib/server/org/revoke-member-certificate";
import { ZId } from "@/lib/validators/id";

const refresh = (orgId: string) => {
  revalidatePath(`/org/${orgId}`, "layout");
  revalidatePath(`/m/org/${orgId}`, "layout");
};

export const addMemberAction = userAction({ args: z.tuple([ZId, z.unknown()]) }, async ({ user, args: [orgId, input] }) => {
  const out = await addMember({ userId: user.id, orgId, input });
  refresh(orgId);
  return out;
});

export const removeMemberAction = userAction({ args: z.tuple([ZId, ZId]) }, async ({ user, args: [orgId, memberId], ip }) => {
  const out = await removeMember({ userId: user.id, orgId, memberId, ip });
  refresh(orgId);
  return out;
});

export const changeMemberRoleAction = userAction({ args: z.tuple([ZId, ZId, z.unknown()]) }, async ({ user, args: [orgId, memberId, role], ip }) => {
  const out = await changeMemberRole({ userId: user.id, orgId, memberId, role, ip });
  refresh(orgId);
  return out;
});

export const revokeMemberCertificateAction = userAction({ args: z.tuple([ZId, ZId]) }, async ({ user, args: [orgId, certificateId], ip }) => {
  const out = await revokeMemberCertificate({ userId: user.id, orgId, certificateId, ip });
  refresh(orgId);
  return out;
});
