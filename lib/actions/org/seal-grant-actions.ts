"use server";
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { userAction } from "@/lib/server/http/user-action";
import { grantSealUse } from "@/lib/server/seals/grant-seal-use";
import { withdrawSealUse } from "@/lib/server/seals/withdraw-seal-use";

const ZId = z.string().min(1).max(64);

// 授权使用 on 企业印章 (seals.manage): a member's enterprise signing certificate may use the seal
export const grantSealUseAction = userAction({ args: z.tuple([ZId, ZId, ZId]) }, async ({ user, ip, args: [orgId, sealId, certificateId] }) => {
  const out = await grantSealUse({ userId: user.id, input: { orgId, sealId, certificateId }, ip });
  revalidatePath(`/org/${orgId}/seals`);
  return out;
});

// 撤销授权 (seals.manage)
export const withdrawSealUseAction = userAction({ args: z.tuple([ZId, ZId, ZId]) }, async ({ user, ip, args: [orgId, sealId, certificateId] }) => {
  const out = await withdrawSealUse({ userId: user.id, input: { orgId, sealId, certificateId }, ip });
  revalidatePath(`/org/${orgId}/seals`);
  return out;
});
