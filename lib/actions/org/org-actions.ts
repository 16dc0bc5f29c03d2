"use server";
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { userAction } from "@/lib/server/http/user-action";
import { deleteOrganization } from "@/lib/server/org/delete-organization";
import { findOrganization } from "@/lib/server/org/find-organization";
import { ZFindOrganization } from "@/lib/server/org/find-organization.types";
import { ZConfirmName } from "@/lib/server/org/org-members.types";
import { ZId } from "@/lib/validators/id";

/** 查找企业 (claim or join): registered or not, and its masked administrator. */
export const findOrganizationAction = userAction({ args: z.tuple([ZFindOrganization]) }, async ({ args: [input] }) => findOrganization(input));

/** 删除企业 with the organization's name typed to confirm. */
export const deleteOrganizationAction = userAction({ args: z.tuple([ZId, ZConfirmName]) }, async ({ user, args: [orgId, confirmName], ip }) => {
  const out = await deleteOrganization({ userId: user.id, orgId, confirmName, ip });
  revalidatePath("/org");
  return out;
});
