import type { Metadata } from "next";
import Link from "next/link";
import { Card } from "@/components/ui/card";
import { RealNameForm } from "@/components/identity/real-name-form";
import styles from "@/components/phone/phone.module.css";
import { getT } from "@/lib/i18n/server";
import { maskPhone } from "@/lib/server/auth/session-user";
import { requirePhoneUser } from "@/lib/server/auth/require-phone-user";
import { getAccountRealName } from "@/lib/server/identity/get-account-real-name";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getT())("identity.realName.title") };
}

// 实名认证 in the app: the account's status and the same form as the desk's /account.
export default async function PhoneRealNamePage() {
  const user = await requirePhoneUser({ next: "/m/me/real-name" });
  const t = await getT();
  const account = await getAccountRealName({ userId: user.id });
  return (
    <>
      <header className={styles.header}>
        <Link href="/m/me" className={styles.back} aria-label={t("identity.realName.back")}>‹</Link>
        <h1>{t("identity.realName.title")}</h1>
      </header>
      <Card>
        <RealNameForm account={account} phoneMasked={maskPhone(user.phone)} orgHref="/m/org" variant="phone" />
      </Card>
    </>
  );
}
