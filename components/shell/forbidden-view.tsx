import { ButtonLink } from "@/components/ui/button";
import { getT } from "@/lib/i18n/server";
import { StatusView } from "./status-view";

/** 403 body; the forbidden files decide whether a frame goes around it. */
export async function ForbiddenView() {
  const t = await getT();
  return (
    <>
      <title>{t("shell.forbidden.metaTitle")}</title>
      <StatusView
        code={t("shell.forbidden.code")}
        title={t("shell.forbidden.title")}
        body={t("shell.forbidden.body")}
        actions={
          <>
            <ButtonLink href="/">{t("shell.forbidden.home")}</ButtonLink>
            <ButtonLink href="/account" variant="outline">
              {t("shell.forbidden.account")}
            </ButtonLink>
          </>
        }
      />
    </>
  );
}
