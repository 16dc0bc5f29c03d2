import { randomUUID } from "node:crypto";
import type { OrderStatus } from "@/lib/generated/prisma/enums";
import { db } from "@/lib/db/client";
import { createUser } from "./factories";

// Orders for the provider tests (identity, materials, payments), made directly with Prisma so the
// tests do not depend on the wizard.
export async function createTestChannel() {
  const code = `t-${randomUUID().slice(0, 8)}`;
  return db.channel.create({ data: { code, name: `测试渠道 ${code}`, allowedMethods: ["PHONE3", "BANK4", "FACE", "CORP_DEPOSIT", "PERSONAL_DEPOSIT"] } });
}

export async function createTestOrder({
  userId,
  status = "DRAFT",
  priceFen = 30_000,
  draft = {},
  subjectType = "UNIT",
}: { userId?: string; status?: OrderStatus; priceFen?: number; draft?: object; subjectType?: "UNIT" | "INDIVIDUAL" } = {}) {
  const user = userId ? await db.user.findUniqueOrThrow({ where: { id: userId } }) : await createUser();
  const channel = await createTestChannel();
  const order = await db.order.create({
    data: {
      no: `T${Date.now()}${randomUUID().slice(0, 6)}`,
      userId: user.id,
      channelId: channel.id,
      subjectType,
      subjectName: "沙箱测试科技有限公司",
      status,
      priceFen,
      years: 1,
      draft,
    },
  });
  return { order, user, channel };
}

export const UNIT_INVOICE_DRAFT = {
  invoice: { type: "normal", title: "沙箱测试科技有限公司", taxNumber: "91350100M000100Y43", address: "北京市海淀区测试路 1 号", phone: "010-12345678", email: "finance@example.com" },
};
