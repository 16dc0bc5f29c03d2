"use client";
import { useCallback, useEffect, useState, type MouseEvent } from "react";
import { Button } from "@/components/ui/button";
import { FileButton } from "@/components/ui/file-button";
import { useT } from "@/lib/i18n/client";
import type { MessageKey } from "@/lib/i18n/catalogue";
import { hasMessage } from "@/lib/i18n/translate";
import { QrPanel, type DemoPoll, type DemoScan } from "./qr-panel";
import { subjectName } from "./subject-name";
import styles from "./demo-tender.module.css";

export type DemoPdf = {
  fileName: string;
  pages: Array<{ width: number; height: number }>;
  pending?: { requestId: string; sealName: string; digest?: string };
  signatures: Array<{ requestId: string; sealName: string; valid: boolean; subject?: string; reasons: string[] }>;
} | null;
type Seal = { id: string; name: string; kind: string; picture: string };

async function step(name: string, body: FormData) {
  const res = await fetch(`/demo/tender/api/steps/${name}`, { method: "POST", body });
  const data = (await res.json()) as { scan: DemoScan | null; state: { pdf: DemoPdf }; error?: { message: string } };
  if (!res.ok) throw new Error(data.error?.message ?? res.statusText);
  return data;
}

/**
 * PDF 签章: upload the bid PDF, pick one of the holder's seals (from the platform API), click the
 * spot on the page rendered by the platform's server, scan to sign; repeat for another seal.
 */
export function PdfSealCard({ isLoggedIn, initialPdf }: { isLoggedIn: boolean; initialPdf: DemoPdf }) {
  const t = useT();
  const reason = (r: string) => (hasMessage(`sealsUse.verify.reasons.${r}`) ? t(`sealsUse.verify.reasons.${r}` as MessageKey) : r);
  const [pdf, setPdf] = useState<DemoPdf>(initialPdf);
  const [seals, setSeals] = useState<Seal[] | null>(null);
  const [sealId, setSealId] = useState("");
  const [page, setPage] = useState(0);
  const [spot, setSpot] = useState<{ x: number; y: number } | null>(null);
  const [isAcross, setAcross] = useState(false);
  const [scan, setScan] = useState<DemoScan | null>(null);
  const [error, setError] = useState("");
  const [busy, setBusy] = useState("");
  const version = pdf?.signatures.length ?? 0;
  const hasPdf = pdf !== null;

  useEffect(() => {
    if (!isLoggedIn || !hasPdf) return;
    void fetch("/demo/tender/api/pdf/seals", { cache: "no-store" })
      .then((r) => r.json() as Promise<{ seals?: Seal[]; error?: { message: string } }>)
      .then((d) => {
        setSeals(d.seals ?? []);
        if (d.error) setError(d.error.message);
        setSealId((current) => current || d.seals?.[0]?.id || "");
      });
  }, [isLoggedIn, hasPdf]);

  const onUpdate = useCallback((poll: DemoPoll) => {
    const next = (poll.state as { pdf?: DemoPdf }).pdf;
    if (next === undefined) return;
    // A finished stamp: the page image now shows the seal, so the click marker goes.
    setPdf((before) => {
      if ((next?.signatures.length ?? 0) > (before?.signatures.length ?? 0)) setSpot(null);
      return next;
    });
  }, []);

  async function run(name: string, body: FormData) {
    setError("");
    setBusy(name);
    try {
      const data = await step(name, body);
      setPdf(data.state.pdf);
      setScan(data.scan);
      if (name === "pdf_upload") {
        setPage(0);
        setSpot(null);
      }
    } catch (err) {
      setError((err as Error).message);
    } finally {
      setBusy("");
    }
  }

  function onPageClick(e: MouseEvent<HTMLDivElement>) {
    const box = e.currentTarget.getBoundingClientRect();
    setSpot({ x: Math.min(Math.max((e.clientX - box.left) / box.width, 0), 1), y: Math.min(Math.max((e.clientY - box.top) / box.height, 0), 1) });
  }

  function onStamp() {
    if (!sealId || !spot) return setError(t("sealsUse.demo.needPlacement"));
    const body = new FormData();
    body.set("sealId", sealId);
    body.set("page", String(page));
    body.set("x", spot.x.toFixed(4));
    body.set("y", spot.y.toFixed(4));
    if (isAcross) body.set("acrossEdges", "1");
    void run("pdf_stamp", body);
  }

  const pages = pdf?.pages.length ?? 0;
  return (
    <section className={`${styles.card} ${styles.wide}`} aria-labelledby="demo-pdf">
      <h2 id="demo-pdf">{t("sealsUse.demo.pdfTitle")}</h2>
      <p className={styles.muted}>{t("sealsUse.demo.pdfLead")}</p>
      {!isLoggedIn && <p className={styles.muted}>{t("scanner.demo.needLogin")}</p>}
      {isLoggedIn && (
        <form
          className={styles.form}
          onSubmit={(e) => {
            e.preventDefault();
            void run("pdf_upload", new FormData(e.currentTarget));
          }}
        >
          <FileButton caption={t("scanner.demo.file")} name="file" accept="application/pdf" required data-testid="demo-pdf-file" />
          <Button type="submit" variant="secondary" isLoading={busy === "pdf_upload"} data-testid="demo-pdf-upload">{t("scanner.demo.upload")}</Button>
        </form>
      )}
      {isLoggedIn && pdf && (
        <>
          {seals && seals.length === 0 && <p className={styles.bad} data-testid="demo-pdf-no-seals">{t("sealsUse.demo.noSeals")}</p>}
          {seals && seals.length > 0 && (
            <fieldset className={styles.seals}>
              <legend>{t("sealsUse.demo.chooseSeal")}</legend>
              {seals.map((s) => (
                <label key={s.id} data-testid="demo-pdf-seal">
                  <input type="radio" name="demo-seal" value={s.id} checked={s.id === sealId} onChange={() => setSealId(s.id)} />
                  <img src={s.picture} alt="" />
                  <span>{s.name}</span>
                </label>
              ))}
            </fieldset>
          )}
          {pages > 1 && (
            <label data-testid="demo-pdf-across">
              <input type="checkbox" checked={isAcross} onChange={(e) => setAcross(e.target.checked)} /> {t("sealsUse.demo.across")}
            </label>
          )}
          <div className={styles.pager}>
            <Button size="sm" variant="ghost" disabled={page === 0} onClick={() => { setPage(page - 1); setSpot(null); }}>{t("sealsUse.demo.prev")}</Button>
            <span data-testid="demo-pdf-page">{t("sealsUse.demo.pageOf", { page: page + 1, pages })}</span>
            <Button size="sm" variant="ghost" disabled={page >= pages - 1} onClick={() => { setPage(page + 1); setSpot(null); }} data-testid="demo-pdf-next">{t("sealsUse.demo.next")}</Button>
          </div>
          <p className={styles.muted}>{spot ? t("sealsUse.demo.placed", { page: page + 1, x: Math.round(spot.x * 100), y: Math.round(spot.y * 100) }) : t("sealsUse.demo.clickPage")}</p>
          <div className={styles.pageBox} onClick={onPageClick} data-testid="demo-pdf-canvas">
            <img src={`/demo/tender/api/pdf/page/${page}?v=${version}`} alt={t("sealsUse.demo.pageOf", { page: page + 1, pages })} />
            {spot && <span className={styles.marker} style={{ left: `${spot.x * 100}%`, top: `${spot.y * 100}%` }} />}
          </div>
          <Button onClick={onStamp} isLoading={busy === "pdf_stamp"} disabled={!sealId || !spot || Boolean(pdf.pending)} data-testid="demo-pdf-stamp">{t("sealsUse.demo.stamp")}</Button>
          {scan && pdf.pending?.requestId === scan.id && <QrPanel key={scan.id} scan={scan} label={t("scanner.demo.signQr", { title: pdf.pending.sealName })} fingerprint={pdf.pending.digest} onUpdate={onUpdate} />}
          {pdf.signatures.length > 0 && (
            <>
              <ul className={styles.extras}>
                {pdf.signatures.map((s, i) => (
                  <li key={s.requestId} data-testid="demo-pdf-signature" data-valid={String(s.valid)}>
                    #{i + 1} {s.sealName} {s.valid ? `✓ ${subjectName(s.subject)}` : `✕ ${s.reasons.map(reason).join("；")}`}
                  </li>
                ))}
              </ul>
              <a href="/demo/tender/api/pdf/file" className={styles.muted} data-testid="demo-pdf-download">{t("sealsUse.demo.download")}</a>
            </>
          )}
        </>
      )}
      {error && <p className={styles.bad} data-testid="demo-pdf-error">{error}</p>}
    </section>
  );
}
