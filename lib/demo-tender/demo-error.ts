import { NextResponse } from "next/server";
import { z } from "zod";
import { translator } from "@/lib/i18n/translate";
import type { MessageKey } from "@/lib/i18n/catalogue";

/** The demo's error answer: a catalogue key or the API's message, as text the page shows. */
export function demoError(err: unknown, status = 400) {
  const t = translator("zh-CN");
  const raw = err instanceof z.ZodError ? "scanner.errors.badQr" : err instanceof Error ? err.message : String(err);
  const message = /^[a-z]+\.[\w.]+$/.test(raw) ? t(raw as MessageKey) : raw;
  return NextResponse.json({ error: { message } }, { status });
}
