import { NextResponse } from "next/server";
import { clearDemoState } from "@/lib/demo-tender/demo-state";

export const dynamic = "force-dynamic";

// POST /demo/tender/api/logout — the visitor drops their demo session (cookie and stored state)
export async function POST() {
  await clearDemoState();
  return NextResponse.json({ ok: true });
}
