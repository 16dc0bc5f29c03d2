import { NextResponse } from "next/server";
import { z } from "zod";
import { publicRoute, type PublicRouteContext } from "@/lib/server/http/public-route";
import { updateDemoState } from "@/lib/demo-tender/demo-state";
import { startDemoRequest } from "@/lib/demo-tender/start-demo-request";
import { demoError } from "@/lib/demo-tender/demo-error";
import { stampDemoPdf, uploadDemoPdf } from "@/lib/demo-tender/pdf-seal";

export const dynamic = "force-dynamic";

const ZStep = z.enum(["login", "sign", "encrypt", "open", "session_sign", "sync", "pdf_upload", "pdf_stamp"]);
const MAX_BYTES = 10 * 1024 * 1024;

type Params = { step: string };

async function runStep({ params, form }: PublicRouteContext<Params>) {
  try {
    const step = ZStep.parse(params.step);
    let file: { name: string; bytes: Uint8Array } | undefined;
    if (step === "sign" || step === "pdf_upload") {
      const upload = form?.get("file");
      if (!(upload instanceof File) || upload.size === 0 || upload.size > MAX_BYTES) return demoError(new Error("scanner.demo.badFile"), 422);
      const bytes = new Uint8Array(await upload.arrayBuffer());
      // A PDF starts with %PDF-; anything else is refused before it is stored.
      if (new TextDecoder().decode(bytes.subarray(0, 5)) !== "%PDF-") return demoError(new Error("scanner.demo.badFile"), 422);
      file = { name: upload.name, bytes };
    }
    const { state, value: scan } = await updateDemoState((state) =>
      step === "pdf_upload" ? uploadDemoPdf({ state, file: file! }) : step === "pdf_stamp" ? stampDemoPdf({ state, form }) : startDemoRequest({ state, step, file }),
    );
    return NextResponse.json({ scan, state: { user: state.user ?? null, bid: state.bid ?? null, extraSigns: state.extraSigns, sync: state.sync ?? null, pdf: state.pdf ?? null } }, { headers: { "Cache-Control": "no-store" } });
  } catch (err) {
    return demoError(err);
  }
}

// POST /demo/tender/api/steps/:step — the visitor (signed cookie) starts a step. The demo page's own
// browser calls: same-origin only. `sign` uploads the PDF as multipart (the stream is cut at the file
// limit plus the form's overhead); `pdf_upload` the PDF to stamp, `pdf_stamp` the seal and the spot
// (sealId, page, x, y as form fields); the other steps carry no body.
export const POST = publicRoute<undefined, undefined, Params>(runStep, { accepts: "multipart", maxBody: MAX_BYTES + 64 * 1024 });
