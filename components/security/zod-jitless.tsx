"use client";
import { config } from "zod/v4/core";

// Zod probes for eval (`new Function("")`) before compiling a fast object parser. The page CSP has
// no 'unsafe-eval', so the probe fails quietly but the browser reports a CSP violation on every page
// with a form. jitless skips the probe and the JIT; what runs is what ran under the CSP anyway.
// Runs when this module loads, before any form parses (rendered once by the root layout).
config({ jitless: true });

export function ZodJitless() {
  return null;
}
