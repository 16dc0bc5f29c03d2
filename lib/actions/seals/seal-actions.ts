"use server";
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { userAction } from "@/lib/server/http/user-action";
import { cancelSeal } from "@/lib/server/seals/cancel-seal";
import { deletePersonalSeal } from "@/lib/server/seals/delete-personal-seal";
import { downloadSeal } from "@/lib/server/seals/download-seal";

const ZId = z.string().min(1).max(64);

// 撤回审核 (the maker: an enterprise's seals.manage or the personal owner)
export const cancelSealAction = userAction({ args: z.tuple([ZId]) }, async ({ user, ip, args: [sealId] }) => {
  const out = await cancelSeal({ userId: user.id, sealId, ip });
  revalidatePath("/seals");
  return out;
});

// 删除个人印章
export const deletePersonalSealAction = userAction({ args: z.tuple([ZId]) }, async ({ user, ip, args: [sealId] }) => {
  const out = await deletePersonalSeal({ userId: user.id, sealId, ip });
  revalidatePath("/seals");
  revalidatePath("/m/seals");
  return out;
});

// 下载印章 on the phone: the bound certificate's PIN
export const downloadSealAction = userAction({ args: z.tuple([ZId, z.unknown()]) }, ({ user, ip, args: [sealId, input] }) =>
  downloadSeal({ userId: user.id, sealId, input, ip }),
);
