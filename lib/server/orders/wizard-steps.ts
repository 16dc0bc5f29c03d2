import type { SubjectType } from "@/lib/generated/prisma/enums";

export const UNIT_STEPS = ["method", "enterprise", "handler", "goods", "confirm", "materials", "sign", "pay"] as const;
export const INDIVIDUAL_STEPS = ["method", "person", "goods", "confirm", "materials", "sign", "pay"] as const;
// The mail-in path: the paper form replaces uploads and the SMS signature.
export const UNIT_OFFLINE_STEPS = ["method", "enterprise", "handler", "goods", "confirm", "pay"] as const;
export const INDIVIDUAL_OFFLINE_STEPS = ["method", "person", "goods", "confirm", "pay"] as const;

export type WizardStep = (typeof UNIT_STEPS)[number] | (typeof INDIVIDUAL_STEPS)[number];

export function wizardSteps({ subjectType, offline }: { subjectType: SubjectType; offline: boolean }): readonly WizardStep[] {
  if (subjectType === "UNIT") return offline ? UNIT_OFFLINE_STEPS : UNIT_STEPS;
  return offline ? INDIVIDUAL_OFFLINE_STEPS : INDIVIDUAL_STEPS;
}

/** The step after `step`, for the stored resume point (which never moves backwards). */
export function stepAfter(order: { subjectType: SubjectType; offline: boolean }, step: WizardStep): WizardStep {
  const steps = wizardSteps(order);
  const i = steps.indexOf(step);
  return steps[Math.min(i + 1, steps.length - 1)]!;
}

/** The later of two steps: going back to correct step 2 must not forget that step 4 was reached. */
export function furthestStep(order: { subjectType: SubjectType; offline: boolean }, a: string, b: WizardStep): WizardStep {
  const steps = wizardSteps(order);
  const ia = steps.indexOf(a as WizardStep);
  return ia >= steps.indexOf(b) ? (a as WizardStep) : b;
}

export function wizardPath(order: { id: string; subjectType: SubjectType }, step: string): string {
  return `/apply/${order.subjectType === "UNIT" ? "unit" : "individual"}/${order.id}/${step}`;
}
