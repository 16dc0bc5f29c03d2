import { ButtonLink } from "@/components/ui/button";
import { getT } from "@/lib/i18n/server";
import { getSessionUser } from "@/lib/server/auth/get-session-user";
import styles from "./lookup.module.css";

/**
 * Start panel of a desk service that acts on an existing certificate (/change, /seals): the working
 * parts it leads to today — 订单管理 when signed in, 证书查询 without login, and the flow that does
 * the job until a dedicated one exists (a seal comes with a new unit certificate; a change is a
 * revocation then 重新申请).
 */
export async function ServiceStart({ service }: { service: "change" | "seals" }) {
  const t = await getT();
  const user = await getSessionUser();
  return (
    <div className={styles.form} data-testid={`service-start-${service}`}>
      {user ? (
        <>
          <p>{t("lifecycleLookup.start.loggedIn")}</p>
          <ButtonLink href="/orders?tab=completed" block size="lg">{t("lifecycleLookup.start.toOrders")}</ButtonLink>
        </>
      ) : (
        <>
          <p>{t("lifecycleLookup.start.anonymous")}</p>
          <ButtonLink href="/lookup" block size="lg">{t("lifecycleLookup.start.toLookup")}</ButtonLink>
        </>
      )}
      {service === "seals" ? (
        <>
          <p className={styles.muted}>{t("lifecycleLookup.start.sealsNow")}</p>
          <ButtonLink href="/apply" block variant="outline">{t("lifecycleLookup.start.toApply")}</ButtonLink>
        </>
      ) : (
        <>
          <p className={styles.muted}>{t("lifecycleLookup.start.changeNow")}</p>
          <ButtonLink href="/revoke" block variant="outline">{t("lifecycleLookup.start.toRevoke")}</ButtonLink>
        </>
      )}
      <p className={styles.muted}>{t("lifecycleLookup.start.unlockLead")}</p>
      <ButtonLink href="/unlock" block variant="ghost">{t("lifecycleLookup.start.toUnlock")}</ButtonLink>
    </div>
  );
}
