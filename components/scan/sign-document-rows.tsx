"use client";
import { useT } from "@/lib/i18n/client";
import { signDocumentFacts } from "@/lib/phone/sign-document-facts";
import styles from "./scan.module.css";

/**
 * The document a sign request is about, as rows of the confirmation's facts (issue 18, friction 3): the file
 * name with its extension, size and page count where the platform sent `document`, a quiet note where it did
 * not, and always the SM3 digest's short fingerprint (the whole digest on a long press / hover).
 */
export function SignDocumentRows({ payload, isLetter = false }: { payload: Record<string, unknown>; isLetter?: boolean }) {
  const t = useT();
  const facts = signDocumentFacts(payload);
  const details = [facts.size && t(`scanner.document.sizeUnits.${facts.size.unit}`, { value: facts.size.value }), facts.pages && t("scanner.document.pages", { pages: facts.pages })].filter(Boolean);
  return (
    <>
      {/* The desk's own letter is shown in full below: no file to describe. */}
      {(facts.fileName || !isLetter) && (
        <div>
          <dt>{t("scanner.document.file")}</dt>
          {facts.fileName ? (
            <dd>
              <span data-testid="scan-document-file">{facts.fileName}</span>
              {details.length > 0 && <small className={styles.factDetail} data-testid="scan-document-details">{details.join(" · ")}</small>}
            </dd>
          ) : (
            <dd className={styles.factMuted} data-testid="scan-document-file">{t("scanner.document.notGiven")}</dd>
          )}
        </div>
      )}
      {facts.fingerprint && (
        <div>
          <dt>{t("scanner.document.fingerprint")}</dt>
          <dd className={styles.fingerprint} title={facts.digest ?? undefined} data-testid="scan-fingerprint">{facts.fingerprint}</dd>
        </div>
      )}
    </>
  );
}
