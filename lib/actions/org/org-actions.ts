"use server";
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { userAction } from "@/lib/server/http/user-action";
import { deleteOrganization } from "@/lib/server/org/delete-organization";
import { findOrganization } from "@/lib/server/org/find-organization";
import type { TFindOrganization } from "@/lib/server/org/find-organization.types";
import { ZId } from "@/lib/validators/id";

// Inputs a form sends are validated by the domain function (parseInput), so field errors carry the field's name.

/** 查找企业 (claim or join): registered or not, and its masked administrator. */
export const findOrganizationAction = userAction({ args: z.tuple([z.unknown()]) }, async ({ args: [input] }) => findOrganization(input as TFindOrganization));

/** 删除企业 with the organization's name typed to confirm. */
export const deleteOrganizationAction = userAction({ args: z.tuple([ZId, z.unknown()]) }, async ({ user, args: [orgId, confirmName], ip }) => {
  const out = await deleteOrganization({ userId: user.id, orgId, confirmName, ip });
  revalidatePath("/org");
  return out;
});
