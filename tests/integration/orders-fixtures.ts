import { randomInt, randomUUID } from "node:crypto";
import { expect } from "vitest";
import type { OrderStatus, SubjectType } from "@/lib/generated/prisma/enums";
import { AppError } from "@/lib/errors";
import { db } from "@/lib/db/client";
import { idNumberCheckChar } from "@/lib/validators/id-number";
import { usccCheckChar } from "@/lib/validators/uscc";
import { SANDBOX_BANK_NOTICE_TEMPLATE } from "@/lib/identity/sandbox-identity-provider";
import { generateOrderNo } from "@/lib/server/orders/generate-order-no";
import { uniquePhone } from "../support/factories";

// Helpers for the orders-* integration tests: unique subjects so files and tests run in parallel.

/** A USCC no other test uses, with a correct GB 32100 check character. */
export function uniqueUscc(): string {
  const body = `91110000${String(randomInt(0, 1e9)).padStart(9, "0")}`;
  return body + usccCheckChar(body)!;
}

/** An ID number no other test uses, with a correct GB 11643 check character. */
export function uniqueIdNumber(): string {
  const body = `110105${1960 + randomInt(0, 40)}0${randomInt(1, 10)}1${randomInt(0, 10)}${String(randomInt(0, 1000)).padStart(3, "0")}`;
  return body + idNumberCheckChar(body);
}

/** A USCC whose check character is wrong. */
export function badUscc(): string {
  const good = uniqueUscc();
  const alphabet = "0123456789ABCDEFGHJKLMNPQRTUWXY";
  return good.slice(0, 17) + alphabet[(alphabet.indexOf(good[17]!) + 1) % 31];
}

export async function createChannel({ autoApproveIndividual = true, allowNoInvoice = true, offerUsbKey = true } = {}) {
  const channel = await db.channel.create({
    data: {
      code: `t-${randomUUID().slice(0, 8)}`,
      name: "测试渠道",
      allowedMethods: ["CORP_DEPOSIT", "PERSONAL_DEPOSIT", "PHONE3", "BANK4", "FACE"],
      autoApproveIndividual,
      allowNoInvoice,
      offerUsbKey,
      mailingAddress: "测试市测试路1号",
    },
  });
  await db.channelPrice.createMany({
    data: [
      { channelId: channel.id, product: "UNIT_CERT", years: 1, priceFen: 38000 },
      { channelId: channel.id, product: "UNIT_CERT", years: 2, priceFen: 68000 },
      { channelId: channel.id, product: "INDIVIDUAL_CERT", years: 1, priceFen: 9800 },
      { channelId: channel.id, product: "SEAL", years: 1, priceFen: 20000 },
      { channelId: channel.id, product: "USB_KEY", years: 1, priceFen: 8000 },
    ],
  });
  return channel;
}

/** An order row put straight into a status (for the state-machine table). */
export async function createOrderRow({ userId, channelId, status = "DRAFT", subjectType = "UNIT" }: { userId: string; channelId: string; status?: OrderStatus; subjectType?: SubjectType }) {
  return db.order.create({ data: { no: generateOrderNo(), userId, channelId, subjectType, status } });
}

export function enterpriseInput(over: Record<string, unknown> = {}) {
  return {
    name: "测试科技有限公司",
    uscc: uniqueUscc(),
    legalRepName: "张三",
    legalRepIdType: "RESIDENT_ID",
    legalRepIdNumber: uniqueIdNumber(),
    legalRepPhone: uniquePhone(),
    bankAccount: "0200001009000012345",
    bankName: "中国工商银行",
    bankBranch: "北京分行营业部",
    ...over,
  };
}

export function handlerInput(over: Record<string, unknown> = {}) {
  return { isLegalRep: false, name: "李经办", idType: "RESIDENT_ID", idNumber: uniqueIdNumber(), phone: uniquePhone(), email: "handler@example.com", method: "PHONE3", ...over };
}

export function goodsInput(over: Record<string, unknown> = {}) {
  return { years: 1, medium: "CLOUD", withSeal: false, platformId: "", invoice: { wanted: false }, ...over };
}

/** The 6-digit code in the sandbox bank's transfer memo for the user's micro-deposit. */
export async function depositCode(userPhone: string): Promise<string> {
  const msg = await db.outboxMessage.findFirst({ where: { to: userPhone, template: SANDBOX_BANK_NOTICE_TEMPLATE }, orderBy: { createdAt: "desc" } });
  const code = msg?.body.match(/\d{6}/)?.[0];
  if (!code) throw new Error("no sandbox deposit notice");
  return code;
}

export async function expectAppError(p: Promise<unknown>, code: string) {
  const err = await p.then(
    () => null,
    (e: unknown) => e,
  );
  expect(err, "expected an AppError").toBeInstanceOf(AppError);
  expect((err as AppError).code).toBe(code);
  return err as AppError;
}

/** Adds the materials rows the materials step requires (the uploads themselves are the materials domain's). */
export async function addMaterials(orderId: string, kinds: Array<"BUSINESS_LICENSE" | "HANDLER_ID_FRONT" | "HANDLER_ID_BACK" | "ID_FRONT" | "ID_BACK" | "AUTHORIZATION_LETTER">) {
  await db.material.createMany({
    data: kinds.map((kind) => ({ orderId, kind, storageKey: `test/${randomUUID()}`, mime: "image/png", size: 10, sha256: "0".repeat(64), originalName: `${kind}.png` })),
  });
}
