import type { Metadata } from "next";
import { notFound } from "next/navigation";
import type { MessageKey } from "@/lib/i18n/catalogue";
import { getT } from "@/lib/i18n/server";
import { loadWizardOrder } from "@/lib/server/orders/load-wizard-order";
import { wizardByUrlKind } from "@/lib/server/orders/wizard-steps";
import { WizardFrame } from "@/components/wizard/wizard-frame";
import { WIZARD_STEP_PAGES } from "@/components/wizard/steps/wizard-step-pages";

type Params = Promise<{ kind: string; orderId: string; step: string }>;

/** The wizard and step a URL names, from the registry; null for an unknown URL (404 before any login). */
function resolveStep({ kind, step }: { kind: string; step: string }) {
  const wizard = wizardByUrlKind(kind);
  const definition = wizard?.steps.find((s) => s.slug === step);
  return wizard && definition ? { wizard, step: definition.slug } : null;
}

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const resolved = resolveStep(await params);
  return resolved ? { title: (await getT())(`wizard.steps.${resolved.step}` as MessageKey) } : {};
}

// /apply/<kind>/<orderId>/<step> — every wizard step of every order kind: the caller's order, guarded
// by loadWizardOrder (login, ownership, kind, status, resume point), then the step's loader and form.
export default async function Page({ params }: { params: Params }) {
  const { orderId, ...rest } = await params;
  const resolved = resolveStep(rest);
  if (!resolved) notFound();
  const ctx = await loadWizardOrder({ orderId, wizard: resolved.wizard, step: resolved.step });
  return (
    <WizardFrame order={ctx.order} step={resolved.step}>
      {await WIZARD_STEP_PAGES[resolved.step].render(ctx)}
    </WizardFrame>
  );
}
