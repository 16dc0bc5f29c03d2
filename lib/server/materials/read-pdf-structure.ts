import { Worker } from "node:worker_threads";
import { takeTurns } from "./take-turns";

export type PdfStructure =
  | { ok: true; names: string[]; openActions: number; openAtPage: number }
  | { ok: false; reason: "encrypted" | "broken" | "limits" };

const TIMEOUT_MS = 15_000;
/** pdf-lib's heap for one file: a 3000-page document parses in far less; an attack runs out of it. */
const WORKER_HEAP_MB = 128;
/** Workers at once per process; more uploads wait their turn (each worker costs up to its heap). */
const MAX_WORKERS = 2;

const inTurn = takeTurns(MAX_WORKERS);

// Runs in a worker thread: pdf-lib keeps every PDF name it ever parsed in a module-wide pool that
// never shrinks, so parsing uploads in the server process would let each upload grow it. A worker
// is thrown away after one file, with its own memory cap and a time limit.
const WORKER_SOURCE = `
const { parentPort, workerData } = require("node:worker_threads");
const { PDFDocument, PDFDict, PDFArray, PDFName, PDFRawStream, PDFStream, PDFRef } = require("pdf-lib");
(async () => {
  let doc;
  try {
    doc = await PDFDocument.load(workerData, { updateMetadata: false, ignoreEncryption: false, throwOnInvalidObject: false });
    // pdf-lib makes up an empty catalog when there is none: a document must have its own, with pages.
    if (!doc.context.trailerInfo.Root || doc.getPageCount() < 1) throw new Error("no pages");
  } catch (err) {
    parentPort.postMessage({ ok: false, reason: err && err.constructor && err.constructor.name === "EncryptedPDFError" ? "encrypted" : "broken" });
    return;
  }
  const names = new Set();
  let openActions = 0, openAtPage = 0;
  const todo = [...doc.context.enumerateIndirectObjects().map(([, o]) => o), ...Object.values(doc.context.trailerInfo)];
  const seen = new Set();
  while (todo.length) {
    const o = todo.pop();
    if (!o || typeof o !== "object" || seen.has(o)) continue;
    seen.add(o);
    if (o instanceof PDFName) names.add(o.decodeText());
    else if (o instanceof PDFArray) todo.push(...o.asArray());
    else if (o instanceof PDFStream || o instanceof PDFRawStream) todo.push(o.dict);
    else if (o instanceof PDFDict) {
      for (const [k, v] of o.entries()) {
        names.add(k.decodeText());
        if (k.decodeText() === "OpenAction") {
          openActions++;
          const target = v instanceof PDFRef ? doc.context.lookup(v) : v;
          const isGoTo = target instanceof PDFDict && target.get(PDFName.of("S")) === PDFName.of("GoTo") && !target.has(PDFName.of("Next"));
          if (target instanceof PDFArray || isGoTo) openAtPage++;
        }
        todo.push(v);
      }
    }
  }
  parentPort.postMessage({ ok: true, names: [...names], openActions, openAtPage });
})();
`;

/**
 * Parses the PDF with pdf-lib (object streams included) and lists the names its objects hold,
 * decoded, and how its /OpenAction entries look. Encrypted files, files that do not parse and
 * files without a catalog or pages say so.
 */
export function readPdfStructure(bytes: Uint8Array): Promise<PdfStructure> {
  return inTurn(() => runWorker(bytes));
}

function runWorker(bytes: Uint8Array): Promise<PdfStructure> {
  return new Promise((resolve) => {
    const worker = new Worker(WORKER_SOURCE, {
      eval: true,
      workerData: bytes,
      resourceLimits: { maxOldGenerationSizeMb: WORKER_HEAP_MB, maxYoungGenerationSizeMb: 32 },
    });
    const done = (result: PdfStructure) => {
      clearTimeout(timer);
      resolve(result);
      void worker.terminate();
    };
    const timer = setTimeout(() => done({ ok: false, reason: "limits" }), TIMEOUT_MS);
    worker.once("message", (m: PdfStructure) => done(m));
    worker.once("error", (err: Error & { code?: string }) => done({ ok: false, reason: err.code === "ERR_WORKER_OUT_OF_MEMORY" ? "limits" : "broken" }));
    worker.once("exit", () => done({ ok: false, reason: "broken" }));
  });
}
