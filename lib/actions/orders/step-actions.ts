"use server";
import { z } from "zod";
import { userAction } from "@/lib/server/http/user-action";
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
import { ZId } from "@/lib/validators/id";

// Server actions of the wizard steps. userAction checks origin and session and parses the
// arguments; the domain functions check that the order is the caller's (NOT_FOUND otherwise) and
// validate the step's input with its zod schema.

const ZOrderOnly = z.tuple([ZId]);
const ZOrderInput = z.tuple([ZId, z.unknown()]);

export const saveMethodAction = userAction({ args: ZOrderInput }, async ({ user, args: [orderId, input] }) => {
  const order = await saveMethodStep({ userId: user.id, orderId, input });
  return { nextPath: wizardPath(order, order.subjectType === "UNIT" ? "enterprise" : "person") };
});

export type SubjectStepResult = ({ kind: "saved" } & StepCheckOutcome) | { kind: "busy"; blocking: BlockingOrder };

/** Step 2 (unit or individual). A subject that already has an unfinished order comes back as `busy`. */
export const saveSubjectAction = userAction(
  { args: z.tuple([ZId, z.enum(["unit", "individual"]), z.unknown()]) },
  async ({ user, args: [orderId, kind, input] }): Promise<SubjectStepResult> => {
    try {
      const save = kind === "unit" ? saveEnterpriseStep : savePersonStep;
      return { kind: "saved", ...(await save({ userId: user.id, orderId, input })) };
    } catch (err) {
      if (err instanceof SubjectBusyError) return { kind: "busy", blocking: err.blocking };
      throw err;
    }
  },
);

export const saveHandlerAction = userAction({ args: ZOrderInput }, ({ user, args: [orderId, input] }) => saveHandlerStep({ userId: user.id, orderId, input }));

export const completeCheckAction = userAction({ args: z.tuple([ZId, z.enum(["subject", "handler"])]) }, ({ user, args: [orderId, which] }) =>
  completeStepCheck({ userId: user.id, orderId, which }),
);

export const saveGoodsAction = userAction({ args: ZOrderInput }, async ({ user, args: [orderId, input] }) => {
  const { nextPath } = await saveGoodsStep({ userId: user.id, orderId, input });
  return { nextPath };
});

export const confirmOrderAction = userAction({ args: ZOrderOnly }, ({ user, args: [orderId], ip }) => confirmOrder({ userId: user.id, orderId, ip }));

export const completeMaterialsAction = userAction({ args: ZOrderOnly }, ({ user, args: [orderId] }) => completeMaterialsStep({ userId: user.id, orderId }));

export const switchOfflineAction = userAction({ args: ZOrderOnly }, ({ user, args: [orderId], ip }) => switchToOffline({ userId: user.id, orderId, ip }));
