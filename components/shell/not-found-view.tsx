import { ButtonLink } from "@/components/ui/button";
import { getT } from "@/lib/i18n/server";
import { StatusView } from "./status-view";

/** 404 body; the not-found files decide whether a frame goes around it. */
export async function NotFoundView() {
  const t = await getT();
  return (
    <StatusView
      code={t("shell.notFound.code")}
      title={t("shell.notFound.title")}
      body={t("shell.notFound.body")}
      actions={
        <>
          <ButtonLink href="/">{t("shell.notFound.home")}</ButtonLink>
          <ButtonLink href="/help" variant="outline">
            {t("shell.notFound.help")}
          </ButtonLink>
        </>
      }
    />
  );
}
