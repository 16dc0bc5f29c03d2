import { NextResponse } from "next/server";
import { publicRoute } from "@/lib/server/http/public-route";
import { readDemoState, updateDemoState } from "@/lib/demo-tender/demo-state";
import { refreshDemoRequest } from "@/lib/demo-tender/refresh-demo-request";
import { demoError } from "@/lib/demo-tender/demo-error";
import { ZDemoRequestIdSchema } from "@/lib/demo-tender/demo.types";

export const dynamic = "force-dynamic";

// GET /demo/tender/api/requests/:id — status of one of the visitor's own requests (others are 404), verified on completion
export const GET = publicRoute<undefined, undefined, { id: string }>(async ({ params }) => {
  try {
    const id = ZDemoRequestIdSchema.parse(params.id);
    const seen = await readDemoState();
    const mine = [seen.login?.requestId, seen.bid?.signRequestId, seen.bid?.openRequestId, ...seen.extraSigns.map((e) => e.requestId), seen.sync?.requestId, seen.pdf?.pending?.requestId, ...(seen.pdf?.signatures.map((s) => s.requestId) ?? [])];
    if (!mine.includes(id)) return demoError(new Error("scan.errors.notFound"), 404);
    const { state, value: view } = await updateDemoState(async (state) => (await refreshDemoRequest({ state, id })).view);
    return NextResponse.json({ request: view, state: { user: state.user ?? null, bid: state.bid ?? null, extraSigns: state.extraSigns, sync: state.sync ?? null, pdf: state.pdf ?? null } }, { headers: { "Cache-Control": "no-store" } });
  } catch (err) {
    return demoError(err);
  }
});
