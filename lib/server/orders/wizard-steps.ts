import type { Order } from "@/lib/generated/prisma/client";
import type { OrderKind, SubjectType } from "@/lib/generated/prisma/enums";
import type { TOrderDraft } from "./order-draft.types";
import { isReviewedRenewal } from "./renew-draft";

// The wizard registry: which steps an order of a kind and subject type goes through, in which
// order, under which URL, and when each one is done. The one wizard route
// (app/(desk)/apply/[kind]/[orderId]/[step]) and the domain functions that move the resume point
// read it; a renewal, change, reissue or revocation wizard is a new entry here (plus a page per new
// step slug in components/wizard/steps/wizard-step-pages.ts), not new routes.

export type WizardStep = "method" | "enterprise" | "person" | "handler" | "goods" | "confirm" | "materials" | "sign" | "pay" | "revoke" | "renew-info" | "change-info" | "change-confirm";

/** What a completion check reads: the order, its draft, and whether an identity check of it passed. */
export type StepCheckContext = {
  order: Pick<Order, "id" | "subjectType" | "offline" | "verificationMethod" | "years" | "priceFen">;
  draft: TOrderDraft;
  isCheckPassed: (checkId: string | undefined) => Promise<boolean>;
};

export type WizardStepDefinition = {
  slug: WizardStep;
  /** Also a step of the mail-in path (the paper form replaces uploads and the SMS signature). */
  isOnPaperPath: boolean;
  /**
   * Whether the step's data is there and its identity check passed; checked for every step before
   * confirmation (the resume point alone is not trusted: a user may edit step 2 after step 4).
   * Steps without one are done by their own action (confirm, materials, sign, pay).
   */
  isComplete?: (ctx: StepCheckContext) => Promise<boolean> | boolean;
  /** Only for the orders it names (a renewal's materials, where its channel reviews renewals); every order otherwise. */
  isIncluded?: (order: WizardOrder) => boolean;
};

export type WizardDefinition = {
  orderKind: OrderKind;
  subjectType: SubjectType;
  /** The `[kind]` segment of the wizard's URLs: /apply/<urlKind>/<orderId>/<step>. */
  urlKind: string;
  steps: readonly WizardStepDefinition[];
};

export type WizardKey = `${OrderKind}:${SubjectType}`;

const method: WizardStepDefinition = {
  slug: "method",
  isOnPaperPath: true,
  isComplete: ({ order, draft }) => Boolean(order.verificationMethod && draft.agreedUserAgreementAt),
};

const subject = (slug: "enterprise" | "person"): WizardStepDefinition => ({
  slug,
  isOnPaperPath: true,
  isComplete: async ({ order, draft, isCheckPassed }) => {
    if (!(slug === "enterprise" ? draft.enterprise : draft.person)) return false;
    return order.offline || isCheckPassed(draft.checks?.subject);
  },
});

const handler: WizardStepDefinition = {
  slug: "handler",
  isOnPaperPath: true,
  isComplete: async ({ order, draft, isCheckPassed }) => {
    if (!draft.handler) return false;
    // A legal representative handling it was already verified with the enterprise, except by deposit.
    const legalRepCovers = draft.handler.isLegalRep && order.verificationMethod !== "CORP_DEPOSIT";
    return order.offline || legalRepCovers || isCheckPassed(draft.checks?.handler);
  },
};

const goods: WizardStepDefinition = {
  slug: "goods",
  isOnPaperPath: true,
  isComplete: ({ order, draft }) => Boolean(draft.goods && order.years !== null && order.priceFen !== null),
};

const confirm: WizardStepDefinition = { slug: "confirm", isOnPaperPath: true };
const materials: WizardStepDefinition = { slug: "materials", isOnPaperPath: false };
// A renewal asks for materials only where its channel said so when it was opened (renew-draft.ts).
const renewMaterials: WizardStepDefinition = { ...materials, isIncluded: isReviewedRenewal };
const sign: WizardStepDefinition = { slug: "sign", isOnPaperPath: false };
const pay: WizardStepDefinition = { slug: "pay", isOnPaperPath: true };
// Revocation's last step: the warning, the reason, revoked at once (lib/server/orders/revoke-*.ts).
const revoke: WizardStepDefinition = { slug: "revoke", isOnPaperPath: false };

// Renewal (docs/lifecycle.md): the certificate's information, copied from the order it was issued for, read-only.
const renewInfo: WizardStepDefinition = {
  slug: "renew-info",
  isOnPaperPath: false,
  isComplete: ({ order, draft }) => Boolean(order.subjectType === "UNIT" ? draft.enterprise : draft.person),
};

// Information change (docs/lifecycle.md): what changes and what it means (new keys, seals voided); the
// subject step runs the application's check on the new details, whose USCC / ID number must stay.
const changeInfo: WizardStepDefinition = { slug: "change-info", isOnPaperPath: false, isComplete: ({ draft }) => Boolean(draft.change) };
const changeSubject = (slug: "enterprise" | "person"): WizardStepDefinition => ({
  slug,
  isOnPaperPath: false,
  isComplete: async (ctx) => {
    const { draft } = ctx;
    const before = draft.change?.before;
    const key = slug === "enterprise" ? draft.enterprise?.uscc : draft.person?.idNumber;
    const kept = before?.type === "UNIT" ? before.uscc : before?.idNumber;
    return Boolean(key && key === kept) && (await subject(slug).isComplete!(ctx));
  },
});
// Its confirmation submits the change to the CA review; payment follows the approval.
const changeConfirm: WizardStepDefinition = { slug: "change-confirm", isOnPaperPath: false };

export const WIZARDS: Partial<Record<WizardKey, WizardDefinition>> = {
  "NEW:UNIT": { orderKind: "NEW", subjectType: "UNIT", urlKind: "unit", steps: [method, subject("enterprise"), handler, goods, confirm, materials, sign, pay] },
  "NEW:INDIVIDUAL": { orderKind: "NEW", subjectType: "INDIVIDUAL", urlKind: "individual", steps: [method, subject("person"), goods, confirm, materials, sign, pay] },
  "REVOKE:UNIT": { orderKind: "REVOKE", subjectType: "UNIT", urlKind: "revoke-unit", steps: [subject("enterprise"), handler, materials, revoke] },
  "REVOKE:INDIVIDUAL": { orderKind: "REVOKE", subjectType: "INDIVIDUAL", urlKind: "revoke-individual", steps: [subject("person"), materials, revoke] },
  "CHANGE:UNIT": { orderKind: "CHANGE", subjectType: "UNIT", urlKind: "change-unit", steps: [changeInfo, changeSubject("enterprise"), materials, changeConfirm, pay] },
  "CHANGE:INDIVIDUAL": { orderKind: "CHANGE", subjectType: "INDIVIDUAL", urlKind: "change-individual", steps: [changeInfo, changeSubject("person"), materials, changeConfirm, pay] },
  // The unit's SMS signature goes to the enterprise's certificate administrator (signerPhone).
  "RENEW:UNIT": { orderKind: "RENEW", subjectType: "UNIT", urlKind: "renew-unit", steps: [renewInfo, handler, goods, confirm, renewMaterials, sign, pay] },
  // The person's own real-name check (the NEW:INDIVIDUAL one); name and ID must be the certificate's (savePersonStep).
  "RENEW:INDIVIDUAL": { orderKind: "RENEW", subjectType: "INDIVIDUAL", urlKind: "renew-individual", steps: [renewInfo, subject("person"), goods, confirm, renewMaterials, sign, pay] },
};

/**
 * An order as the registry sees it; `kind` is NEW for callers that select only the subject type. The
 * draft decides the steps that are not on every order of a kind (isIncluded): pass it past the first step.
 */
type WizardOrder = { kind?: OrderKind; subjectType: SubjectType; draft?: unknown };

/** The order's wizard, or null for a kind without one yet. */
export function findWizard(order: WizardOrder): WizardDefinition | null {
  return WIZARDS[`${order.kind ?? "NEW"}:${order.subjectType}`] ?? null;
}

/** The order's wizard (every order the desk creates has one). */
export function wizardFor(order: WizardOrder): WizardDefinition {
  const wizard = findWizard(order);
  if (!wizard) throw new Error(`no wizard for ${order.kind ?? "NEW"} ${order.subjectType} orders`);
  return wizard;
}

/** The wizard a URL's `[kind]` segment names, or null (an unknown URL). */
export function wizardByUrlKind(urlKind: string): WizardDefinition | null {
  return Object.values(WIZARDS).find((w) => w.urlKind === urlKind) ?? null;
}

/** The steps an order goes through: all of them online, the paper ones on the mail-in path. */
export function wizardStepDefinitions(order: WizardOrder & { offline: boolean }): readonly WizardStepDefinition[] {
  const { steps } = wizardFor(order);
  return steps.filter((s) => (!order.offline || s.isOnPaperPath) && (!s.isIncluded || s.isIncluded(order)));
}

export function wizardSteps(order: WizardOrder & { offline: boolean }): readonly WizardStep[] {
  return wizardStepDefinitions(order).map((s) => s.slug);
}

/** The step after `step`, for the stored resume point (which never moves backwards). */
export function stepAfter(order: WizardOrder & { offline: boolean }, step: WizardStep): WizardStep {
  const steps = wizardSteps(order);
  const i = steps.indexOf(step);
  return steps[Math.min(i + 1, steps.length - 1)]!;
}

/** The later of two steps: going back to correct step 2 must not forget that step 4 was reached. */
export function furthestStep(order: WizardOrder & { offline: boolean }, a: string, b: WizardStep): WizardStep {
  const steps = wizardSteps(order);
  const ia = steps.indexOf(a as WizardStep);
  return ia >= steps.indexOf(b) ? (a as WizardStep) : b;
}

/** The step before `step` in the order's wizard (a step's 上一步), or the step itself when it is the first. */
export function stepBefore(order: WizardOrder & { offline: boolean }, step: WizardStep): WizardStep {
  const steps = wizardSteps(order);
  return steps[Math.max(steps.indexOf(step) - 1, 0)]!;
}

export function wizardPath(order: WizardOrder & { id: string }, step: string): string {
  return `/apply/${wizardFor(order).urlKind}/${order.id}/${step}`;
}
