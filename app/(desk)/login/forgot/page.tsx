import type { Metadata } from "next";
import { Card } from "@/components/ui/card";
import { ResetPasswordForm } from "@/components/auth/reset-password-form";
import styles from "@/components/auth/auth-form.module.css";
import { getT } from "@/lib/i18n/server";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getT())("auth.forgot.title") };
}

export default async function ForgotPasswordPage() {
  const t = await getT();
  return (
    <div className={styles.wrap}>
      <Card title={t("auth.forgot.title")} description={t("auth.forgot.subtitle")} padding="lg">
        <ResetPasswordForm />
      </Card>
    </div>
  );
}
