import type { ReactNode } from "react";
import { loadConfirmStep } from "@/lib/server/orders/load-confirm-step";
import { loadGoodsStep } from "@/lib/server/orders/load-goods-step";
import { loadHandlerStep } from "@/lib/server/orders/load-handler-step";
import { loadMaterialsStep } from "@/lib/server/orders/load-materials-step";
import { loadMethodStep } from "@/lib/server/orders/load-method-step";
import { loadPayStep } from "@/lib/server/orders/load-pay-step";
import { loadSignStep } from "@/lib/server/orders/load-sign-step";
import { loadSubjectStep } from "@/lib/server/orders/load-subject-step";
import { loadRenewInfoStep } from "@/lib/server/orders/renew-load-info-step";
import { revokeLoadStep } from "@/lib/server/orders/revoke-load-step";
import { loadChangeInfoStep } from "@/lib/server/orders/change-load-info-step";
import { loadChangeConfirmStep } from "@/lib/server/orders/change-load-confirm-step";
import type { WizardStepContext } from "@/lib/server/orders/wizard-order.types";
import type { WizardStep } from "@/lib/server/orders/wizard-steps";
import { ConfirmStep } from "./confirm-step";
import { GoodsStep } from "./goods-step";
import { HandlerStep } from "./handler-step";
import { MaterialsStepPage } from "./materials-step-page";
import { MethodStep } from "./method-step";
import { PayStep } from "./pay-step";
import { RevokeStep } from "./revoke-step";
import { SignStep } from "./sign-step";
import { SubjectStep } from "./subject-step";
import { RenewInfoStep } from "./renew-info-step";
import { ChangeInfoStep } from "./change-info-step";
import { ChangeConfirmStep } from "./change-confirm-step";

/**
 * The page of each step slug the wizard registry (lib/server/orders/wizard-steps.ts) uses: the
 * server loader that reads what the step needs, and the view that renders its form (each form
 * calls its step's save action from lib/actions/orders). A wizard for another order kind reuses
 * these by slug; a new slug adds one entry.
 */
export type WizardStepPage = { render: (ctx: WizardStepContext) => Promise<ReactNode> };

function stepPage<P extends object>(load: (ctx: WizardStepContext) => Promise<P>, View: (props: P) => ReactNode | Promise<ReactNode>): WizardStepPage {
  return {
    render: async (ctx) => {
      const props = await load(ctx);
      return <View {...props} />;
    },
  };
}

export const WIZARD_STEP_PAGES: Record<WizardStep, WizardStepPage> = {
  method: stepPage(loadMethodStep, MethodStep),
  enterprise: stepPage(loadSubjectStep, SubjectStep),
  person: stepPage(loadSubjectStep, SubjectStep),
  handler: stepPage(loadHandlerStep, HandlerStep),
  goods: stepPage(loadGoodsStep, GoodsStep),
  confirm: stepPage(loadConfirmStep, ConfirmStep),
  materials: stepPage(loadMaterialsStep, MaterialsStepPage),
  sign: stepPage(loadSignStep, SignStep),
  pay: stepPage(loadPayStep, PayStep),
  "renew-info": stepPage(loadRenewInfoStep, RenewInfoStep),
  revoke: stepPage(revokeLoadStep, RevokeStep),
  "change-info": stepPage(loadChangeInfoStep, ChangeInfoStep),
  "change-confirm": stepPage(loadChangeConfirmStep, ChangeConfirmStep),
};
