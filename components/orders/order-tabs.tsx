import Link from "next/link";
import type { T } from "@/lib/i18n/translate";
import { ORDER_TABS, tabStatus, type OrderTab } from "@/lib/server/orders/order-tabs";
import { ScrollRow } from "@/components/ui/scroll-row";
import styles from "./orders.module.css";

/**
 * The status tabs of 订单管理 as links (the tab lives in the URL, so it survives a reload); on a phone they
 * scroll sideways, with a › while more tabs are hidden.
 */
export function OrderTabs({ current, counts, t }: { current: OrderTab; counts: Record<OrderTab, number>; t: T }) {
  return (
    <ScrollRow moreLabel={t("orders.tabs.more")} testId="order-tabs">
      <nav aria-label={t("orders.tabs.label")} className={styles.tabs}>
        {(Object.keys(ORDER_TABS) as OrderTab[]).map((tab) => (
          <Link
            key={tab}
            href={`/orders?tab=${tab}`}
            className={tab === current ? styles.tabActive : styles.tab}
            aria-current={tab === current ? "page" : undefined}
            data-testid={`tab-${tab}`}
          >
            {t(`orders.status.${tabStatus(tab)}`)}
            {counts[tab] > 0 && <span className={styles.count}>{counts[tab]}</span>}
          </Link>
        ))}
      </nav>
    </ScrollRow>
  );
}
