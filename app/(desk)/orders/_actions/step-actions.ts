"use server";
import { requireUser } from "@/lib/server/auth/require-user";
import { runAction } from "@/lib/server/http/run-action";
import { completeMaterialsStep } from "@/lib/server/orders/complete-materials-step";
import { completeStepCheck } from "@/lib/server/orders/complete-step-check";
import { confirmOrder } from "@/lib/server/orders/confirm-order";
import { saveEnterpriseStep } from "@/lib/server/orders/save-enterprise-step";
import { saveGoodsStep } from "@/lib/server/orders/save-goods-step";
import { saveHandlerStep } from "@/lib/server/orders/save-handler-step";
import { saveMethodStep } from "@/lib/server/orders/save-method-step";
import { savePersonStep } from "@/lib/server/orders/save-person-step";
import { SubjectBusyError, type BlockingOrder } from "@/lib/server/orders/subject-busy-error";
import { switchToOffline } from "@/lib/server/orders/switch-to-offline";
import type { StepCheckOutcome } from "@/lib/server/orders/run-step-check";
import { wizardPath } from "@/lib/server/orders/wizard-steps";

// Server actions of the wizard steps. Each checks the session itself; the domain functions check
// that the order is the caller's (NOT_FOUND otherwise) and validate with the step's zod schema.

export async function saveMethodAction(orderId: string, input: unknown) {
  return runAction(async () => {
    const user = await requireUser();
    const order = await saveMethodStep({ userId: user.id, orderId, input });
    return { nextPath: wizardPath(order, order.subjectType === "UNIT" ? "enterprise" : "person") };
  });
}

export type SubjectStepResult = ({ kind: "saved" } & StepCheckOutcome) | { kind: "busy"; blocking: BlockingOrder };

/** Step 2 (unit or individual). A subject that already has an unfinished order comes back as `busy`. */
export async function saveSubjectAction(orderId: string, kind: "unit" | "individual", input: unknown) {
  return runAction(async (): Promise<SubjectStepResult> => {
    const user = await requireUser();
    try {
      const save = kind === "unit" ? saveEnterpriseStep : savePersonStep;
      return { kind: "saved", ...(await save({ userId: user.id, orderId, input })) };
    } catch (err) {
      if (err instanceof SubjectBusyError) return { kind: "busy", blocking: err.blocking };
      throw err;
    }
  });
}

export async function saveHandlerAction(orderId: string, input: unknown) {
  return runAction(async () => {
    const user = await requireUser();
    return saveHandlerStep({ userId: user.id, orderId, input });
  });
}

export async function completeCheckAction(orderId: string, which: "subject" | "handler") {
  return runAction(async () => {
    const user = await requireUser();
    return completeStepCheck({ userId: user.id, orderId, which });
  });
}

export async function saveGoodsAction(orderId: string, input: unknown) {
  return runAction(async () => {
    const user = await requireUser();
    const { nextPath } = await saveGoodsStep({ userId: user.id, orderId, input });
    return { nextPath };
  });
}

export async function confirmOrderAction(orderId: string) {
  return runAction(async ({ ip }) => {
    const user = await requireUser();
    return confirmOrder({ userId: user.id, orderId, ip });
  });
}

export async function completeMaterialsAction(orderId: string) {
  return runAction(async () => {
    const user = await requireUser();
    return completeMaterialsStep({ userId: user.id, orderId });
  });
}

export async function switchOfflineAction(orderId: string) {
  return runAction(async ({ ip }) => {
    const user = await requireUser();
    return switchToOffline({ userId: user.id, orderId, ip });
  });
}
