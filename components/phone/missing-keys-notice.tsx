"use client";
import { useEffect, useState } from "react";
import { ButtonLink } from "@/components/ui/button";
import { useT } from "@/lib/i18n/client";
import { loadKey } from "@/lib/phone/key-store";
import styles from "./phone.module.css";

type ActiveCertificate = { id: string; subjectName: string; keyShareId: string | null };

/**
 * 系统检测到您有未找回证书: the account's valid certificates whose signing key this phone does not
 * hold (a new phone, or cleared app data) — known only here, in IndexedDB — each with 找回
 * (/m/reissue/<id>).
 */
export function MissingKeysNotice({ certificates }: { certificates: ActiveCertificate[] }) {
  const t = useT();
  const [missing, setMissing] = useState<ActiveCertificate[]>([]);
  useEffect(() => {
    let live = true;
    Promise.all(certificates.map(async (c) => ((c.keyShareId ? await loadKey(c.keyShareId).catch(() => undefined) : undefined) ? null : c))).then((rows) => {
      if (live) setMissing(rows.filter((c): c is ActiveCertificate => c !== null));
    });
    return () => {
      live = false;
    };
  }, [certificates]);
  if (missing.length === 0) return null;
  return (
    <section className={styles.section} data-testid="missing-keys">
      <div className={styles.card}>
        <p className={styles.cardTitle}>{t("lifecycleReissue.notice.title")}</p>
        <p className={styles.cardMeta}>{t("lifecycleReissue.notice.body")}</p>
        <ul className={styles.list}>
          {missing.map((c) => (
            <li key={c.id} className={styles.cardTop}>
              <span>{c.subjectName}</span>
              <ButtonLink href={`/m/reissue/${c.id}`} variant="outline" size="sm" data-testid={`reissue-link-${c.id}`}>{t("lifecycleReissue.notice.recover")}</ButtonLink>
            </li>
          ))}
        </ul>
      </div>
    </section>
  );
}
