import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { Card } from "@/components/ui/card";
import { SecondFactorPanel } from "@/components/auth/second-factor-panel";
import styles from "@/components/auth/auth-form.module.css";
import { getT } from "@/lib/i18n/server";
import { getSessionUser } from "@/lib/server/auth/get-session-user";
import { getSecondFactorStatus } from "@/lib/server/auth/second-factor/get-second-factor-status";
import { safeNextPath } from "@/lib/server/http/safe-next-path";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getT())("passkeys.secondFactor.title") };
}

// The second factor staff pass after the SMS/password step (or enrol first). Console pages send them here.
export default async function SecondFactorPage({ searchParams }: { searchParams: Promise<{ next?: string }> }) {
  const next = safeNextPath((await searchParams).next, "/console");
  const user = await getSessionUser();
  if (!user) redirect(`/login?next=${encodeURIComponent(`/login/second-factor?next=${encodeURIComponent(next)}`)}`);
  const status = await getSecondFactorStatus({ userId: user.id, sessionId: user.sessionId });
  if (!status.isRequired || status.passedAt) redirect(next);
  const t = await getT();
  const isEnrol = status.passkeyCount === 0 && !status.hasTotp;
  return (
    <div className={styles.wrap}>
      <Card title={isEnrol ? t("passkeys.secondFactor.enrolTitle") : t("passkeys.secondFactor.title")} description={t("passkeys.secondFactor.lead")} padding="lg">
        <SecondFactorPanel next={next} passkeyCount={status.passkeyCount} hasTotp={status.hasTotp} />
      </Card>
    </div>
  );
}
