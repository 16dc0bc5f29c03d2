import type { Metadata } from "next";
import { ServiceInfoPage } from "@/components/services/service-info-page";
import { RevokeStartButton } from "@/components/revoke/revoke-start-button";
import { Alert } from "@/components/ui/alert";
import { ButtonLink } from "@/components/ui/button";
import { formatDate } from "@/components/console/format";
import { getT } from "@/lib/i18n/server";
import { getSessionUser } from "@/lib/server/auth/get-session-user";
import { revokeListCertificates } from "@/lib/server/certs/revoke-list-certificates";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getT();
  return { title: t("services.revoke.title"), description: t("services.revoke.lead") };
}

// /revoke — 证书吊销: what it is, then (signed in) the VALID certificates the caller may revoke, each starting its REVOKE wizard.
export default async function RevokePage() {
  const t = await getT();
  const user = await getSessionUser();
  const certificates = user ? await revokeListCertificates({ userId: user.id }) : [];
  const start = !user ? (
    <ButtonLink href="/login?next=/revoke" block size="lg">{t("lifecycleRevoke.list.login")}</ButtonLink>
  ) : certificates.length === 0 ? (
    <p data-testid="revoke-empty">{t("lifecycleRevoke.list.empty")}</p>
  ) : (
    <ul data-testid="revoke-list" style={{ listStyle: "none", padding: 0, margin: 0, display: "grid", gap: "0.75rem" }}>
      {certificates.map((c) => (
        <li key={c.id} data-testid="revoke-row" data-serial={c.serialHex} style={{ display: "grid", gap: "0.25rem" }}>
          <strong>{c.subjectName}</strong>
          <span style={{ fontFamily: "monospace", fontSize: "0.85em", wordBreak: "break-all" }}>{c.serialHex}</span>
          <span>{t("lifecycleRevoke.list.notAfter")} {formatDate(c.notAfter, t.locale)} · {c.isMine ? t("lifecycleRevoke.list.mine") : t("lifecycleRevoke.list.enterprise")}</span>
          <div><RevokeStartButton certificateId={c.id} /></div>
        </li>
      ))}
    </ul>
  );
  return (
    <ServiceInfoPage
      service="revoke"
      start={<><p>{t("lifecycleRevoke.list.lead")}</p>{start}</>}
      notice={
        <Alert tone="warning" isLive={false} title={t("services.revoke.warningTitle")}>
          {t("services.revoke.warningBody")}
        </Alert>
      }
    />
  );
}
