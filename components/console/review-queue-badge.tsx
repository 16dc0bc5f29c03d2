import { getT } from "@/lib/i18n/server";
import { countReviewQueue } from "@/lib/server/reviews/count-review-queue";
import type { SessionUser } from "@/lib/server/auth/session-user";
import styles from "./console.module.css";

/** The number of orders waiting for review, next to 审核队列 in the console's side nav. */
export async function ReviewQueueBadge({ user }: { user: Pick<SessionUser, "role"> }) {
  const count = await countReviewQueue({ user });
  if (count === 0) return null;
  const t = await getT();
  return (
    <span className={styles.navCount} data-testid="review-queue-count" aria-label={t("review.queue.count", { count })}>
      {count > 99 ? "99+" : count}
    </span>
  );
}
