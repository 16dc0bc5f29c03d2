import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { Card } from "@/components/ui/card";
import { LoginForm } from "@/components/auth/login-form";
import styles from "@/components/auth/auth-form.module.css";
import { getT } from "@/lib/i18n/server";
import { getSessionUser } from "@/lib/server/auth/get-session-user";
import { safeNextPath } from "@/lib/server/http/safe-next-path";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getT())("auth.login.title") };
}

export default async function LoginPage({ searchParams }: { searchParams: Promise<{ next?: string }> }) {
  const next = safeNextPath((await searchParams).next);
  if (await getSessionUser()) redirect(next);
  const t = await getT();
  return (
    <div className={styles.wrap}>
      <Card title={t("auth.login.title")} description={t("auth.login.subtitle")} padding="lg">
        <LoginForm next={next} />
      </Card>
    </div>
  );
}
