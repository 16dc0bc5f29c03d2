import { redirect } from "next/navigation";
import { db } from "@/lib/db/client";
import { firstIncompleteStep } from "./first-incomplete-step";
import { wizardPath } from "./wizard-steps";
import type { WizardStepContext } from "./wizard-order.types";

/** The confirm step: data edited after the fact (or a check that never passed) sends the user back there first. */
export async function loadConfirmStep({ order }: WizardStepContext) {
  const missing = await firstIncompleteStep(order);
  if (missing) redirect(wizardPath(order, missing));
  const platform = order.platformId ? await db.tradingPlatform.findUnique({ where: { id: order.platformId }, select: { name: true } }) : null;
  return {
    order,
    platformName: platform?.name ?? null,
    isOffline: order.offline,
    mailingAddress: order.channel.mailingAddress ?? "",
    backHref: wizardPath(order, "goods"),
  };
}
