import type { Metadata } from "next";
import { EmptyState } from "@/components/ui/empty-state";
import { ButtonLink } from "@/components/ui/button";
import styles from "@/components/phone/phone.module.css";

export const metadata: Metadata = { title: "离线 / Offline" };

// The service worker caches this page as the offline shell, so it must hold no user data (the
// cached copy is shared by whoever opens the app next on this phone): it reads nothing of the
// caller. Rendered per request all the same: a prerendered page has no CSP nonce on its scripts, and
// the cached copy keeps the nonce and the policy it was served with.
export const dynamic = "force-dynamic";

export default function OfflinePage() {
  return (
    <main className={styles.main}>
      <EmptyState
        title="网络不可用 · You are offline"
        description="签名、下载证书等操作需要联网。请检查网络后重试。Signing and downloads need a connection."
        action={<ButtonLink href="/m">重试 / Retry</ButtonLink>}
      />
    </main>
  );
}
