// Calling a server action over HTTP the way React's client does (no page, no browser):
//   POST <a page whose bundle has the action>
//   Next-Action: <id>, Accept: text/x-component
//   body: the arguments as React's encodeReply makes them — a JSON array (text/plain) for plain
//         values, or multipart form data for a FormData argument ("0" = '["$K1"]', fields "_1_<name>").
// The answer is an RSC payload: row 0 `{"a":"$@1",…}` points at the row holding the returned value
// (`1:{"ok":false,…}`, or `1:E{"digest":…}` when the action threw). A redirect() comes back as the
// `x-action-redirect: <url>;<push|replace>` header (fetch actions) or a 303 (no-JS form posts).
import type { APIRequestContext } from "@playwright/test";
import type { ActionEntry } from "../../support/route-table";

/** A `<form action>` argument: the fields of the FormData the form would submit. */
export type FormArg = { form: Record<string, string> };

export type ActionCall = {
  status: number;
  /** Where a redirect() sent the caller (x-action-redirect or a 3xx Location), if anywhere. */
  redirect: string | null;
  /** The returned value, decoded from the RSC row; undefined when there is none. */
  result: unknown;
  /** The thrown error's row (`E{…}`), when the action threw. */
  thrown: string | null;
  text: string;
};

/** React's encodeReply escapes strings that start with "$" (they would be references otherwise). */
function escapeReply(value: unknown): unknown {
  if (typeof value === "string") return value.startsWith("$") ? `$${value}` : value;
  if (Array.isArray(value)) return value.map(escapeReply);
  if (value && typeof value === "object") {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) Object.defineProperty(out, k, { value: escapeReply(v), enumerable: true, writable: true, configurable: true });
    return out;
  }
  return value;
}

export function encodeArgs(args: unknown[]): string {
  return JSON.stringify(escapeReply(args));
}

export function parseRsc(text: string): { result: unknown; thrown: string | null } {
  const rows = new Map<string, string>();
  for (const line of text.split("\n")) {
    const m = /^([0-9a-f]+):(.*)$/.exec(line);
    if (m) rows.set(m[1]!, m[2]!);
  }
  let ref = "1";
  try {
    const head = JSON.parse(rows.get("0") ?? "null") as { a?: string } | null;
    if (typeof head?.a === "string" && head.a.startsWith("$@")) ref = head.a.slice(2);
  } catch {
    // no head row: fall back to row 1
  }
  const row = rows.get(ref);
  if (row === undefined) return { result: undefined, thrown: null };
  if (row.startsWith("E")) return { result: undefined, thrown: row.slice(1) };
  try {
    return { result: JSON.parse(row), thrown: null };
  } catch {
    return { result: row, thrown: null };
  }
}

export type CallOptions = {
  /** Send the body with this content type instead of the one React uses (fuzzing). */
  contentType?: string | null;
  /** A raw body instead of the encoded arguments (fuzzing). */
  rawBody?: string;
  headers?: Record<string, string>;
  timeout?: number;
};

export async function callAction(request: APIRequestContext, action: Pick<ActionEntry, "id" | "pagePath">, args: unknown[] | FormArg, opts: CallOptions = {}): Promise<ActionCall> {
  const headers: Record<string, string> = { "Next-Action": action.id, Accept: "text/x-component", ...opts.headers };
  const common = { headers, maxRedirects: 0, failOnStatusCode: false, timeout: opts.timeout ?? 20_000 } as const;
  const res =
    !Array.isArray(args) && opts.rawBody === undefined
      ? await request.post(action.pagePath, {
          ...common,
          multipart: { "0": '["$K1"]', ...Object.fromEntries(Object.entries(args.form).map(([k, v]) => [`_1_${k}`, v])) },
        })
      : await request.post(action.pagePath, {
          ...common,
          headers: opts.contentType === null ? headers : { ...headers, "Content-Type": opts.contentType ?? "text/plain;charset=UTF-8" },
          data: opts.rawBody ?? encodeArgs(args as unknown[]),
        });
  const text = await res.text();
  const h = res.headers();
  const redirect = h["x-action-redirect"]?.split(";")[0] ?? (res.status() >= 300 && res.status() < 400 ? (h["location"] ?? null) : null);
  const { result, thrown } = h["content-type"]?.includes("text/x-component") ? parseRsc(text) : { result: undefined, thrown: null };
  return { status: res.status(), redirect, result, thrown, text };
}

export type ActionOutcome = { ok: true; data: unknown } | { ok: false; error: { code: string; message?: string } };

export function isActionResult(v: unknown): v is ActionOutcome {
  return Boolean(v && typeof v === "object" && "ok" in v && typeof (v as { ok: unknown }).ok === "boolean");
}

/** The error code an action answered with: its `{ ok: false, error }`, else the HTTP status it chose. */
export function errorCodeOf(call: ActionCall): string | null {
  if (isActionResult(call.result) && !call.result.ok) return call.result.error?.code ?? null;
  return null;
}

export function goesToLogin(target: string | null): boolean {
  if (!target) return false;
  try {
    return new URL(target, "http://x").pathname === "/login";
  } catch {
    return false;
  }
}
