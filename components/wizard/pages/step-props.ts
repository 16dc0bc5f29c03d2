import type { WizardKind } from "../load-wizard-order";

/** What every wizard page route hands to its shared page component. */
export type StepPageProps = { params: Promise<{ orderId: string }>; kind: WizardKind };
