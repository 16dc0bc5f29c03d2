import type { Metadata } from "next";
import Link from "next/link";
import { BankCardList } from "@/components/phone/bank-card-list";
import styles from "@/components/phone/phone.module.css";
import { getT } from "@/lib/i18n/server";
import { requirePhoneUser } from "@/lib/server/auth/require-phone-user";
import { getAccountRealName } from "@/lib/server/identity/get-account-real-name";
import { listBankCards } from "@/lib/server/identity/list-bank-cards";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getT())("me.cards.metaTitle") };
}

// 银行卡管理: the cards and corporate accounts used for checks and deposits; add (四要素) and unbind.
export default async function PhoneBankCardsPage() {
  const user = await requirePhoneUser({ next: "/m/me/cards" });
  const t = await getT();
  const [cards, realName] = await Promise.all([listBankCards({ userId: user.id }), getAccountRealName({ userId: user.id })]);
  return (
    <>
      <header className={styles.header}>
        <Link href="/m/me" className={styles.back} aria-label={t("phone.me.title")}>‹</Link>
        <h1>{t("me.cards.title")}</h1>
      </header>
      <p className={styles.note}>{t("me.cards.lead")}</p>
      <BankCardList cards={cards} holderName={realName.isVerified ? realName.realName : null} phone={user.phone} />
    </>
  );
}
