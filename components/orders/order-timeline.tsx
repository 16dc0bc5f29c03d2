import type { OrderEvent } from "@/lib/generated/prisma/client";
import type { T } from "@/lib/i18n/translate";
import { orderEventLabel } from "./order-event-label";
import styles from "./orders.module.css";

export function formatTime(d: Date, locale: string) {
  return d.toLocaleString(locale === "en" ? "en-GB" : "zh-CN", { timeZone: "Asia/Shanghai", year: "numeric", month: "2-digit", day: "2-digit", hour: "2-digit", minute: "2-digit" });
}

/** The order's events, oldest first. */
export function OrderTimeline({ events, t, locale }: { events: OrderEvent[]; t: T; locale: string }) {
  return (
    <ol className={styles.timeline} data-testid="timeline">
      {events.map((e) => {
        return (
          <li key={e.id} className={styles.event}>
            <span className={styles.eventDot} aria-hidden="true" />
            <span className={styles.eventText}>{orderEventLabel(t, e.type)}</span>
            <time className={styles.eventTime} dateTime={e.at.toISOString()}>{formatTime(e.at, locale)}</time>
          </li>
        );
      })}
    </ol>
  );
}
