import type { ReactNode } from "react";
import { getT } from "@/lib/i18n/server";
import { getSessionUser } from "@/lib/server/auth/get-session-user";
import { SiteFooter } from "./site-footer";
import { SiteHeader } from "./site-header";
import styles from "./desk-shell.module.css";

/** Header, main and footer of the applicant desk; also used by the 404/403 pages. */
export async function DeskShell({ children }: { children: ReactNode }) {
  const [t, user] = await Promise.all([getT(), getSessionUser()]);
  return (
    <div className={styles.shell}>
      <a href="#main" className="skip-link">
        {t("shell.skipToContent")}
      </a>
      <SiteHeader user={user} />
      <main id="main" tabIndex={-1} className={styles.main}>
        {children}
      </main>
      <SiteFooter />
    </div>
  );
}
