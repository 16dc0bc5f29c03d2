"use client";
import { Fragment, useState, type ReactNode } from "react";
import { ArticleBody } from "@/components/help/article-body";
import { Dialog } from "@/components/ui/dialog";
import { useSupportPhone } from "@/components/shell/support-phone-context";
import { useT } from "@/lib/i18n/client";
import { AGREEMENTS, type AgreementId } from "./agreements";
import styles from "./agreement-text.module.css";

/**
 * A sentence that names agreements (a checkbox's label, the login page's notice): each agreement's title in
 * it becomes a link-styled button that opens the agreement's versioned text in a dialog, with its page to
 * open in full. Buttons inside a <label> do not tick its checkbox.
 */
export function AgreementText({ text }: { text: string }) {
  const t = useT();
  const phone = useSupportPhone();
  const [open, setOpen] = useState<AgreementId | null>(null);
  const titles = (Object.keys(AGREEMENTS) as AgreementId[]).map((id) => ({ id, title: t(AGREEMENTS[id].titleKey) }));
  const parts: ReactNode[] = [];
  let rest = text;
  for (;;) {
    const next = titles
      .map((a) => ({ ...a, at: rest.indexOf(a.title) }))
      .filter((a) => a.at >= 0)
      .sort((a, b) => a.at - b.at || b.title.length - a.title.length)[0];
    if (!next) break;
    // The title's 《》 go with it, so a line never breaks between a bracket and its name.
    const isBracketed = rest[next.at - 1] === "《" && rest[next.at + next.title.length] === "》";
    const start = isBracketed ? next.at - 1 : next.at;
    const end = next.at + next.title.length + (isBracketed ? 1 : 0);
    const label = rest.slice(start, end);
    parts.push(rest.slice(0, start));
    const agreement: { href?: string; bodyKey?: string } = AGREEMENTS[next.id];
    parts.push(
      agreement.bodyKey ? (
        <button key={parts.length} type="button" className={isBracketed ? `${styles.link} ${styles.whole}` : styles.link} onClick={() => setOpen(next.id)} aria-haspopup="dialog" data-testid={`agreement-${next.id}`}>
          {label}
        </button>
      ) : (
        <a key={parts.length} href={agreement.href} target="_blank" rel="noreferrer" className={isBracketed ? `${styles.link} ${styles.whole}` : styles.link} data-testid={`agreement-${next.id}`}>
          {label}
        </a>
      ),
    );
    rest = rest.slice(end);
  }
  parts.push(rest);
  const shown = open ? AGREEMENTS[open] : null;
  const version = shown && "version" in shown ? shown.version : null;
  return (
    <>
      {parts.map((p, i) => (
        <Fragment key={i}>{p}</Fragment>
      ))}
      {shown && "bodyKey" in shown && (
        <Dialog
          isOpen
          onClose={() => setOpen(null)}
          title={t(shown.titleKey)}
          subtitle={version ? t("terms.agreementVersion", { version }) : undefined}
          isWide
          data-testid="agreement-dialog"
          footer={"href" in shown && shown.href ? <a href={shown.href} target="_blank" rel="noreferrer">{t("terms.openAgreementPage")}</a> : undefined}
        >
          <ArticleBody text={t(shown.bodyKey, { phone })} />
        </Dialog>
      )}
    </>
  );
}
