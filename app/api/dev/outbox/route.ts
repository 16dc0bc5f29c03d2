import { NextResponse } from "next/server";
import { z } from "zod";
import { listOutbox } from "@/lib/server/notify/list-outbox";
import { toErrorResponse } from "@/lib/server/http/error-response";

export const dynamic = "force-dynamic";

const ZQuery = z.object({ to: z.string().max(200).optional(), limit: z.coerce.number().int().optional() });

// GET /api/dev/outbox?to= — the outbox as JSON, anonymous, in demo mode only (404 otherwise)
export async function GET(req: Request) {
  try {
    const q = ZQuery.parse(Object.fromEntries(new URL(req.url).searchParams));
    return NextResponse.json({ messages: await listOutbox({ ...q, viewer: null }) });
  } catch (err) {
    return toErrorResponse(err);
  }
}
