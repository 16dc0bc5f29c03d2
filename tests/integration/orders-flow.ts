import { confirmDepositCode } from "@/lib/server/identity/confirm-deposit-code";
import { createOrder } from "@/lib/server/orders/create-order";
import { saveMethodStep } from "@/lib/server/orders/save-method-step";
import { saveEnterpriseStep } from "@/lib/server/orders/save-enterprise-step";
import { savePersonStep } from "@/lib/server/orders/save-person-step";
import { saveHandlerStep } from "@/lib/server/orders/save-handler-step";
import { saveGoodsStep } from "@/lib/server/orders/save-goods-step";
import { completeStepCheck } from "@/lib/server/orders/complete-step-check";
import { confirmOrder } from "@/lib/server/orders/confirm-order";
import { sendSignCode } from "@/lib/server/orders/send-sign-code";
import { signApplication } from "@/lib/server/orders/sign-application";
import { latestSmsCode } from "../support/outbox";
import { createUser, uniqueIp, uniquePhone } from "../support/factories";
import { addMaterials, depositCode, enterpriseInput, goodsInput, handlerInput, uniqueIdNumber } from "./orders-fixtures";

/** Walks the unit wizard (micro-deposit) up to and including confirmation. */
export async function unitOrderAtMaterials({ channelCode, handler = {}, goods = {} }: { channelCode: string; handler?: Record<string, unknown>; goods?: Record<string, unknown> }) {
  const user = await createUser();
  const order = await createOrder({ userId: user.id, subjectType: "UNIT", channelCode });
  await saveMethodStep({ userId: user.id, orderId: order.id, input: { method: "CORP_DEPOSIT", agreed: true } });
  const started = await saveEnterpriseStep({ userId: user.id, orderId: order.id, input: enterpriseInput() });
  await confirmDepositCode({ userId: user.id, checkId: started.checkId!, code: await depositCode(user.phone) });
  await completeStepCheck({ userId: user.id, orderId: order.id, which: "subject" });
  const h = handlerInput(handler);
  await saveHandlerStep({ userId: user.id, orderId: order.id, input: h });
  const { quote } = await saveGoodsStep({ userId: user.id, orderId: order.id, input: goodsInput(goods) });
  await confirmOrder({ userId: user.id, orderId: order.id });
  return { user, order, handler: h, quote };
}

/** Signs a unit order whose materials are in, returning the signed order. */
export async function signUnitOrder({ userId, orderId, handlerPhone }: { userId: string; orderId: string; handlerPhone: string }) {
  await addMaterials(orderId, ["BUSINESS_LICENSE", "HANDLER_ID_FRONT", "HANDLER_ID_BACK", "AUTHORIZATION_LETTER"]);
  await sendSignCode({ userId, orderId, ip: uniqueIp(), locale: "zh-CN" });
  return signApplication({ userId, orderId, input: { code: await latestSmsCode(handlerPhone), agreed: true } });
}

/** An individual order (phone real-name check) signed and awaiting payment. */
/** Walks the individual wizard (PHONE3) up to the goods step, confirmation left to the caller. */
async function individualOrderAtConfirm({ channelCode, goods = {} }: { channelCode: string; goods?: Record<string, unknown> }) {
  const user = await createUser();
  const phone = uniquePhone();
  const order = await createOrder({ userId: user.id, subjectType: "INDIVIDUAL", channelCode });
  await saveMethodStep({ userId: user.id, orderId: order.id, input: { method: "PHONE3", agreed: true } });
  const person = { name: "王个人", idType: "RESIDENT_ID", idNumber: uniqueIdNumber(), phone, email: "p@example.com" };
  await savePersonStep({ userId: user.id, orderId: order.id, input: person });
  await saveGoodsStep({ userId: user.id, orderId: order.id, input: goodsInput(goods) });
  return { user, order, phone };
}

/** An individual order confirmed online, at the materials step with nothing uploaded. */
export async function individualOrderAtMaterials({ channelCode }: { channelCode: string }) {
  const { user, order } = await individualOrderAtConfirm({ channelCode });
  await confirmOrder({ userId: user.id, orderId: order.id });
  return { user, order };
}

export async function signedIndividualOrder({ channelCode, offline = false, goods = {} }: { channelCode: string; offline?: boolean; goods?: Record<string, unknown> }) {
  const { user, order, phone } = await individualOrderAtConfirm({ channelCode, goods });
  if (offline) {
    const { switchToOffline } = await import("@/lib/server/orders/switch-to-offline");
    await switchToOffline({ userId: user.id, orderId: order.id });
    await confirmOrder({ userId: user.id, orderId: order.id });
    return { user, order };
  }
  await confirmOrder({ userId: user.id, orderId: order.id });
  await addMaterials(order.id, ["ID_FRONT", "ID_BACK"]);
  await sendSignCode({ userId: user.id, orderId: order.id, ip: uniqueIp(), locale: "zh-CN" });
  await signApplication({ userId: user.id, orderId: order.id, input: { code: await latestSmsCode(phone), agreed: true } });
  return { user, order };
}
