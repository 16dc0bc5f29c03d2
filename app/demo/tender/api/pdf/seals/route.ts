import { NextResponse } from "next/server";
import { publicRoute } from "@/lib/server/http/public-route";
import { readDemoState } from "@/lib/demo-tender/demo-state";
import { demoError } from "@/lib/demo-tender/demo-error";
import { demoSeals } from "@/lib/demo-tender/pdf-seal";

export const dynamic = "force-dynamic";

// GET /demo/tender/api/pdf/seals — the logged-in visitor's seals, as the platform got them from GET /api/v1/seals (pictures for the picker)
export const GET = publicRoute(async () => {
  try {
    const seals = await demoSeals(await readDemoState());
    return NextResponse.json({ seals: seals.map((s) => ({ id: s.id, name: s.name, kind: s.kind, picture: `data:image/png;base64,${s.picture}` })) }, { headers: { "Cache-Control": "no-store" } });
  } catch (err) {
    return demoError(err);
  }
});
