import type { Metadata } from "next";
import { EmptyState } from "@/components/ui/empty-state";
import { ButtonLink } from "@/components/ui/button";
import styles from "@/components/phone/phone.module.css";

export const metadata: Metadata = { title: "离线 / Offline" };

// Static on purpose: the service worker caches this page as the offline shell, and it must hold no
// user data (the cached copy is shared by whoever opens the app next on this phone).
export const dynamic = "force-static";

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
