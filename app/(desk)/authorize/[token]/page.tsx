import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getT } from "@/lib/i18n/server";
import { isAppError } from "@/lib/errors";
import { findAuthorizationByToken } from "@/lib/server/orders/find-authorization-by-token";
import { Alert } from "@/components/ui/alert";
import { Card } from "@/components/ui/card";
import { AuthorizeSignForm } from "@/components/wizard/authorize-sign-form";
import styles from "@/components/wizard/wizard.module.css";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getT())("wizard.authorization.pageTitle"), robots: { index: false } };
}

// The legal representative's phone page from the SMS link: read the letter, confirm by SMS code, sign.
export default async function AuthorizePage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const t = await getT();
  const auth = await findAuthorizationByToken({ token }).catch((err: unknown) => {
    if (isAppError(err) && err.code === "not_found") notFound();
    throw err;
  });
  return (
    <div className={styles.page} style={{ maxWidth: 640 }}>
      <Card title={t("wizard.authorization.pageTitle")} description={t("wizard.authorization.pageLead", { company: auth.company ?? "" })}>
        <div className={styles.form}>
          <p className={styles.agreement} tabIndex={0} data-testid="letter" style={{ maxHeight: "none" }}>
            {auth.letterText}
          </p>
          {auth.status === "SENT" ? (
            <AuthorizeSignForm token={token} maskedPhone={auth.maskedPhone} />
          ) : auth.status === "SIGNED" ? (
            <Alert tone="success" title={t("wizard.authorization.signedTitle")} isLive={false} data-testid="auth-signed">
              {t("wizard.authorization.signedBody")}
            </Alert>
          ) : (
            <Alert tone="warning" title={t("wizard.authorization.closedTitle")} isLive={false} data-testid="auth-closed">
              {t("wizard.authorization.closedBody")}
            </Alert>
          )}
        </div>
      </Card>
    </div>
  );
}
