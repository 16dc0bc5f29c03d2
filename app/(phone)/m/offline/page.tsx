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
        // Cached without the caller's language, so it says both; the English marked as such.
        title={<>网络不可用 · <span lang="en">You are offline</span></>}
        description={<>签名、下载证书等操作需要联网。请检查网络后重试。<span lang="en">Signing and downloads need a connection.</span></>}
        action={<ButtonLink href="/m">重试 / <span lang="en">Retry</span></ButtonLink>}
      />
    </main>
  );
}
