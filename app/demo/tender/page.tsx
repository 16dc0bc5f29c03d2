import type { Metadata } from "next";
import { DemoTenderApp } from "@/components/demo-tender/demo-tender-app";
import styles from "@/components/demo-tender/demo-tender.module.css";
import { getT } from "@/lib/i18n/server";
import { readDemoState } from "@/lib/demo-tender/demo-state";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getT())("scanner.demo.name"), robots: { index: false } };
}

// The demo tender platform: an outside platform that reaches CertDesk only through /api/v1 over
// HTTP; its visitor is identified by its own signed cookie, not by a desk account.
export default async function DemoTenderPage() {
  const t = await getT();
  const state = await readDemoState();
  const user = state.user ? { subject: state.user.subject, serial: state.user.serial, issuer: state.user.issuer, encryptionCertificate: state.user.encryptionCertificate } : null;
  return (
    <div className={styles.shell}>
      <header className={styles.top}>
        <strong>{t("scanner.demo.name")}</strong>
        <span>{t("scanner.demo.tagline")}</span>
      </header>
      <main className={styles.main}>
        <DemoTenderApp initialUser={user} initialBid={state.bid ?? null} initialSync={state.sync ?? null} initialPdf={state.pdf ?? null} />
      </main>
    </div>
  );
}
