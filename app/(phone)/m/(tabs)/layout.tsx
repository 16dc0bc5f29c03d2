import type { ReactNode } from "react";
import { PhoneTabBar } from "@/components/phone/phone-tab-bar";
import { getT } from "@/lib/i18n/server";
import { requirePhoneUser } from "@/lib/server/auth/require-phone-user";
import { listInbox } from "@/lib/server/notify/list-inbox";
import styles from "@/components/phone/phone.module.css";

// The signed-in phone app: the page and the bottom tab bar. Each page checks the session itself too.
export default async function PhoneTabsLayout({ children }: { children: ReactNode }) {
  const user = await requirePhoneUser({ next: "/m" });
  const t = await getT();
  const { unread } = await listInbox({ userId: user.id, take: 1 });
  return (
    <>
      <main className={styles.main}>{children}</main>
      <PhoneTabBar
        label={t("phone.tabs.label")}
        unread={unread}
        items={[
          { href: "/m", label: t("phone.tabs.home"), icon: "home" },
          { href: "/m/certs", label: t("phone.tabs.certs"), icon: "cert" },
          { href: "/m/messages", label: t("phone.tabs.messages"), icon: "message" },
          { href: "/m/me", label: t("phone.tabs.me"), icon: "me" },
        ]}
      />
    </>
  );
}
