import { getT } from "@/lib/i18n/server";
import type { loadSubjectStep } from "@/lib/server/orders/load-subject-step";
import { Card } from "@/components/ui/card";
import { EnterpriseForm } from "../enterprise-form";
import { PersonForm } from "../person-form";

/** Step 2: the enterprise (unit) or the person (individual), and its identity check. */
export async function SubjectStep({ isUnit, enterprise, person, ...common }: Awaited<ReturnType<typeof loadSubjectStep>>) {
  const t = await getT();
  return (
    <Card title={t(isUnit ? "wizard.enterprise.title" : "wizard.person.title")}>
      {isUnit ? <EnterpriseForm {...common} defaults={enterprise} /> : <PersonForm {...common} defaults={person} />}
    </Card>
  );
}
