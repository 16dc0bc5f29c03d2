// Property-based fuzzing of the whole HTTP surface (route handlers, pages, server actions, next-auth)
// generated from the source tree: bounded random inputs, seeded, anonymously and signed in as an
// applicant. The property: no input makes the server answer 5xx (a 500 is a handler that did not
// expect its input; every class of bad input must be a 4xx with the standard error body).
//   FUZZ_SEED=<n> replays a run; FUZZ_REQUESTS=<n> changes the budget (default 3000).
// Requests go through Node's fetch, not APIRequestContext: the fuzzer needs bodies without a
// content type, raw invalid UTF-8 and untouched %-escapes, which Playwright's client normalises.
import fc from "fast-check";
import { expect, test } from "@playwright/test";
import { actionTable, fillPattern, HTTP_METHODS, pageTable, routeTable, type ActionEntry, type HttpMethod, type RouteEntry } from "../support/route-table";
import { encodeArgs } from "./support-guard/call-action";
import { loginRequestAs } from "./support-guard/login";

test.setTimeout(240_000);

const baseURL = process.env.E2E_BASE_URL ?? `http://127.0.0.1:${process.env.E2E_PORT ?? 3200}`;
const SEED = Number(process.env.FUZZ_SEED ?? Date.now() % 2_147_483_647);
const BUDGET = Number(process.env.FUZZ_REQUESTS ?? 3000);
const CONCURRENCY = 4;

type Caller = "anonymous" | "applicant";
type FuzzRequest = { caller: Caller; method: string; path: string; headers?: Record<string, string>; body?: string | Uint8Array | FormData; kind: string };
type Outcome = { req: FuzzRequest; status: number | "no response" | "timeout"; text: string };

// ---------------------------------------------------------------- generators

let sampleIndex = 0;
/** `n` values of `arb`, reproducible from SEED (each call site draws from its own sub-seed). */
function sample<T>(arb: fc.Arbitrary<T>, n: number): T[] {
  if (n <= 0) return [];
  return fc.sample(arb, { seed: SEED + 7919 * ++sampleIndex, numRuns: n });
}

const hugeNumbers = fc.constantFrom(1e308, -1e308, Number.MAX_SAFE_INTEGER + 2, 2 ** 64, -0, 0.1 + 0.2, -1);
const oddStrings = fc.oneof(
  fc.string({ maxLength: 40 }),
  fc.string({ unit: "grapheme", maxLength: 40 }),
  fc.string({ unit: "binary", maxLength: 40 }),
  fc.string({ minLength: 2_000, maxLength: 12_000 }),
  fc.constantFrom("", " ", "\u0000", "null", "undefined", "__proto__", "constructor", "'; select 1; --", "<script>alert(1)</script>", "../../etc/passwd", "证书", "\uffff\ud800", "$K1", "$@1", "%ff"),
);
const anyValue: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 4, arbitrary: fc.jsonValue({ maxDepth: 3 }) },
  { weight: 2, arbitrary: oddStrings },
  { weight: 1, arbitrary: hugeNumbers },
  { weight: 1, arbitrary: fc.constantFrom(null, [], {}, true, false, 0) },
  { weight: 1, arbitrary: fc.array(fc.jsonValue({ maxDepth: 2 }), { maxLength: 30 }) },
);

/** Objects whose keys come from the handler's schemas (so validation goes deeper than "not an object"). */
function schemaShaped(fields: string[]): fc.Arbitrary<Record<string, unknown>> {
  const keys = fields.length ? fields : ["id", "orderId", "code", "phone"];
  return fc.dictionary(fc.constantFrom(...keys), anyValue, { maxKeys: Math.min(keys.length, 8) });
}

/** JSON texts JSON.stringify does not make: prototype keys, overflowing numbers, broken syntax. */
function rawJsonTexts(fields: string[]): string[] {
  const f = fields[0] ?? "id";
  return [
    `{"__proto__":{"isAdmin":true,"role":"ADMIN"},"constructor":{"prototype":{"polluted":1}}}`,
    `{"${f}":99999999999999999999999999999,"__proto__":{"${f}":"x"}}`,
    `{"${f}":1e999}`,
    `{"${f}":"\\u0000\\ud800"}`,
    "{",
    "[".repeat(5000),
    "\ufeff{}",
    "null",
    '"x"',
  ];
}

const INVALID_UTF8 = new Uint8Array([0x7b, 0x22, 0x61, 0x22, 0x3a, 0x22, 0xff, 0xfe, 0xc3, 0x28, 0x22, 0x7d]);

const BAD_SEGMENTS = ["%ff%fe", "%", "%00", "%0a", "a".repeat(300), "..%2f..%2fetc%2fpasswd", "%2e%2e", "证书", "%E8%AF%81%E4", "'", "%22%3E%3Cscript%3E", "__proto__", "constructor", "-1", "1e309", "null", "%20", "x%2Fy", "\u00e9".repeat(120)];
const BAD_QUERIES = [
  "?before=99999999999999999999",
  "?before=-1&after=%ff",
  "?next=/%0a/x",
  "?next=/%09/evil.example",
  "?next=%5C%5Cevil.example",
  "?next=%",
  "?which=%ff",
  "?to=%00",
  "?limit=1e999",
  "?limit=-1",
  "?tab=constructor&tab=__proto__",
  "?page=99999999999999999999&q=%ff%fe",
  "?__proto__[x]=1&constructor[prototype][y]=2",
];

const CONTENT_TYPES = ["text/plain", "application/x-www-form-urlencoded", "multipart/form-data", "application/json; charset=utf-16", "application/xml", "application/ocsp-request"];

const pick = <T,>(xs: readonly T[], n: number): T[] => sample(fc.shuffledSubarray([...xs], { minLength: Math.min(n, xs.length), maxLength: Math.min(n, xs.length) }), 1)[0] ?? [];

function paramValues(route: { params: RouteEntry["params"] }, value: string): Record<string, string | string[]> {
  return Object.fromEntries(route.params.map((p) => [p.name, p.catchAll ? [value, value] : value]));
}

const isStream = (pattern: string) => pattern.endsWith("/events");
/** Requests that would end the fuzzing applicant's session. */
const endsSession = (path: string) => /^\/api\/auth\/(logout|signout)/.test(path);

/** Alternates the caller over a list, starting from a seeded side: every item is sent once, by one of them. */
function alternate<T>(items: readonly T[], salt: number): Array<[T, Caller]> {
  const start = (SEED + salt) % 2;
  return items.map((item, i) => [item, (i + start) % 2 === 0 ? "anonymous" : "applicant"]);
}

/**
 * One route × method. The malformed classes (every bad query string, every bad path segment) are
 * sent exhaustively, each once by one of the two callers, so a run cannot miss them by chance; the
 * values inside bodies are the random part (per caller, `bodies` of each family).
 */
function routeRequests(route: RouteEntry, method: HttpMethod, salt: number, bodies: number): FuzzRequest[] {
  const out: FuzzRequest[] = [];
  const plain = paramValues(route, "cmfuzzunknown00000000000a");
  const url = (values = plain, query = "") => fillPattern(route.pattern, values) + query;
  const json = (body: unknown): Pick<FuzzRequest, "headers" | "body"> => ({ headers: { "Content-Type": "application/json" }, body: JSON.stringify(body) ?? "null" });
  const isWrite = method !== "GET";
  if (isWrite) {
    for (const caller of ["anonymous", "applicant"] as const) {
      for (const v of sample(anyValue, bodies)) out.push({ caller, method, path: url(), ...json(v), kind: "random JSON" });
      for (const v of sample(schemaShaped(route.fieldNames), bodies + 1)) out.push({ caller, method, path: url(), ...json(v), kind: "schema-shaped JSON" });
      out.push({ caller, method, path: url(), body: new Uint8Array(0), kind: "no body, no content type" });
      out.push({ caller, method, path: url(), body: new TextEncoder().encode(JSON.stringify(sample(schemaShaped(route.fieldNames), 1)[0])), kind: "JSON without a content type" });
    }
    const raw = [...rawJsonTexts(route.fieldNames).map((t) => ({ t, kind: "raw JSON" })), { t: INVALID_UTF8, kind: "invalid UTF-8" }];
    for (const [{ t, kind }, caller] of alternate(pick(raw, 4), salt)) out.push({ caller, method, path: url(), headers: { "Content-Type": "application/json" }, body: t, kind });
    for (const [ct, caller] of alternate(pick(CONTENT_TYPES, 3), salt + 1)) {
      const body = sample(schemaShaped(route.fieldNames), 1)[0]!;
      if (ct === "multipart/form-data") {
        const form = new FormData();
        for (const [k, v] of Object.entries(body)) form.append(k, typeof v === "string" ? v : JSON.stringify(v) ?? "");
        form.append("file", new Blob([new Uint8Array([0x25, 0x50, 0x44, 0x46, 0x2d, 0x00])]), "x.pdf");
        out.push({ caller, method, path: url(), body: form, kind: "multipart" });
      } else out.push({ caller, method, path: url(), headers: { "Content-Type": ct }, body: JSON.stringify(body), kind: `content type ${ct}` });
    }
  } else {
    for (const [q, caller] of alternate(BAD_QUERIES, salt)) out.push({ caller, method, path: url(plain, q), kind: "malformed query" });
  }
  if (route.params.length) for (const [seg, caller] of alternate(BAD_SEGMENTS, salt + 2)) out.push({ caller, method, path: url(paramValues(route, seg)), ...(isWrite ? json({}) : {}), kind: "malformed path parameter" });
  // The same path with a method it does not export.
  const other = HTTP_METHODS.filter((m) => !route.methods.includes(m));
  for (const [m, caller] of alternate(pick(other, 2), salt + 3)) out.push({ caller, method: m, path: url(), ...(m === "GET" ? {} : json({})), kind: "method it does not export" });
  return out.filter((r) => !(r.caller === "applicant" && endsSession(r.path)));
}

function pageRequests(pages: ReturnType<typeof pageTable>): FuzzRequest[] {
  return pages.flatMap((page, i) => {
    const out: FuzzRequest[] = [];
    const plain = paramValues(page, "cmfuzzunknown00000000000a");
    for (const [q, caller] of alternate(pick(BAD_QUERIES, 2), i)) out.push({ caller, method: "GET", path: fillPattern(page.pattern, plain) + q, kind: "page, malformed query" });
    if (page.params.length) for (const [seg, caller] of alternate(pick(BAD_SEGMENTS, 3), i + 1)) out.push({ caller, method: "GET", path: fillPattern(page.pattern, paramValues(page, seg)), kind: "page, malformed path parameter" });
    // A POST to a page that is no server action (Next decides what that is).
    out.push({ caller: i % 2 ? "anonymous" : "applicant", method: "POST", path: fillPattern(page.pattern, plain), headers: { "Content-Type": "text/plain" }, body: "x", kind: "page, POST" });
    return out;
  });
}

function actionRequests(action: ActionEntry, caller: Caller, n: number): FuzzRequest[] {
  const headers = { "Next-Action": action.id, Accept: "text/x-component" };
  const post = (body: FuzzRequest["body"], kind: string, extra: Record<string, string> = {}): FuzzRequest => ({
    caller,
    method: "POST",
    path: action.pagePath,
    headers: { ...headers, ...extra },
    body,
    kind: `action ${action.exportName}: ${kind}`,
  });
  const out: FuzzRequest[] = [];
  const args = fc.oneof(fc.array(anyValue, { maxLength: 4 }), fc.tuple(oddStrings), fc.tuple(oddStrings, anyValue), fc.tuple(fc.dictionary(fc.string({ maxLength: 12 }), anyValue)));
  const shaped = fc.oneof(fc.tuple(schemaShaped(action.fieldNames)), fc.tuple(oddStrings, schemaShaped(action.fieldNames)), fc.tuple(oddStrings, oddStrings, schemaShaped(action.fieldNames)));
  const count = Math.max(2, n - 4);
  for (const a of sample(args, Math.ceil(count / 2))) out.push(post(encodeArgs(a), "random arguments", { "Content-Type": "text/plain;charset=UTF-8" }));
  for (const a of sample(shaped, Math.floor(count / 2))) out.push(post(encodeArgs(a), "schema-shaped arguments", { "Content-Type": "text/plain;charset=UTF-8" }));
  // Form data to an action that takes plain arguments (and plain arguments to a form action, above).
  const form = new FormData();
  form.append("0", '["$K1"]');
  for (const [k, v] of Object.entries(sample(schemaShaped(["locale", "subjectType", "channel", "orderId", "code"]), 1)[0]!)) form.append(`_1_${k}`, typeof v === "string" ? v : JSON.stringify(v) ?? "");
  out.push(post(form, "a FormData argument"));
  out.push(post("[", "broken reply", { "Content-Type": "text/plain;charset=UTF-8" }));
  out.push(post("[]", "no arguments", { "Content-Type": "text/plain;charset=UTF-8" }));
  out.push(post(JSON.stringify(["x"]), "foreign Origin", { "Content-Type": "text/plain;charset=UTF-8", Origin: "http://evil.example" }));
  return out;
}

function unknownActionRequests(caller: Caller): FuzzRequest[] {
  return ["00", "7f" + "ab".repeat(20), "constructor", "x".repeat(300)].map((id) => ({
    caller,
    method: "POST",
    path: "/",
    headers: { "Next-Action": id, Accept: "text/x-component", "Content-Type": "text/plain;charset=UTF-8" },
    body: "[]",
    kind: "unknown action id",
  }));
}

function nextAuthRequests(caller: Caller): FuzzRequest[] {
  const form = (fields: Record<string, string>) => ({ headers: { "Content-Type": "application/x-www-form-urlencoded" }, body: new URLSearchParams(fields).toString() });
  const out: FuzzRequest[] = [];
  for (const provider of ["sms", "password", "passkey", "nope"]) {
    const p = `/api/auth/callback/${provider}`;
    out.push({ caller, method: "POST", path: p, kind: "next-auth, empty body", headers: { "Content-Type": "application/x-www-form-urlencoded" }, body: "" });
    out.push({ caller, method: "POST", path: p, kind: "next-auth, no content type", body: new Uint8Array(0) });
    out.push({ caller, method: "GET", path: p, kind: "next-auth, GET" });
    out.push({ caller, method: "GET", path: `${p}?code=%ff&phone=%00`, kind: "next-auth, GET with query" });
    out.push({ caller, method: "POST", path: p, kind: "next-auth, bad csrf", ...form({ phone: "13800000001", code: "123456", password: "x", csrfToken: "bad", json: "true" }) });
    out.push({ caller, method: "POST", path: p, kind: "next-auth, JSON body", headers: { "Content-Type": "application/json" }, body: JSON.stringify({ phone: null, code: [], csrfToken: {} }) });
    for (const v of sample(schemaShaped(["phone", "code", "password", "csrfToken", "json", "callbackUrl"]), 2)) {
      out.push({ caller, method: "POST", path: p, kind: "next-auth, random form", ...form(Object.fromEntries(Object.entries(v).map(([k, x]) => [k, typeof x === "string" ? x : JSON.stringify(x) ?? ""]))) });
    }
  }
  for (const p of ["/api/auth/signin", "/api/auth/signin/sms", "/api/auth/session", "/api/auth/csrf", "/api/auth/providers", "/api/auth/error?error=%ff", "/api/auth/_log", "/api/auth/%ff", "/api/auth/callback", "/api/auth/signout"]) {
    out.push({ caller, method: "GET", path: p, kind: "next-auth, GET" });
    out.push({ caller, method: "POST", path: p, kind: "next-auth, POST", headers: { "Content-Type": "application/json" }, body: "{}" });
  }
  return out.filter((r) => !(caller === "applicant" && endsSession(r.path)));
}

// ---------------------------------------------------------------- sending

async function send(req: FuzzRequest, cookie: string): Promise<Outcome> {
  const headers: Record<string, string> = { ...req.headers };
  if (req.caller === "applicant") headers["Cookie"] = cookie;
  try {
    const res = await fetch(baseURL + req.path, {
      method: req.method,
      headers,
      body: req.method === "GET" || req.method === "HEAD" ? undefined : (req.body as BodyInit | undefined),
      redirect: "manual",
      signal: AbortSignal.timeout(15_000),
    });
    // A stream that opened (SSE) is read no further.
    const text = res.headers.get("content-type")?.includes("text/event-stream") ? "(event stream)" : (await res.text().catch(() => "")).slice(0, 300);
    if (text === "(event stream)") await res.body?.cancel().catch(() => {});
    return { req, status: res.status, text };
  } catch (err) {
    const timedOut = err instanceof Error && (err.name === "TimeoutError" || err.name === "AbortError");
    return { req, status: timedOut ? "timeout" : "no response", text: String(err).slice(0, 200) };
  }
}

async function runPool(requests: FuzzRequest[], cookie: string): Promise<Outcome[]> {
  const outcomes: Outcome[] = [];
  let next = 0;
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      while (next < requests.length) outcomes.push(await send(requests[next++]!, cookie));
    }),
  );
  return outcomes;
}

function describeBody(body: FuzzRequest["body"]): string {
  if (body === undefined) return "";
  if (typeof body === "string") return body.slice(0, 160);
  if (body instanceof FormData) return `FormData(${[...body.keys()].join(",")})`;
  return `bytes(${body.byteLength})`;
}

test("fuzz: no input makes the server answer 5xx (routes, pages, actions, next-auth; anonymous and signed in)", async ({ playwright }) => {
  console.log(`fuzz: seed ${SEED} (replay with FUZZ_SEED=${SEED}), budget ${BUDGET} requests`);
  const actions = actionTable();
  expect(actions, "no server-reference-manifest.json: run `next build` first").not.toBeNull();
  const applicant = await playwright.request.newContext({ baseURL });
  await loginRequestAs(applicant);
  const cookie = (await applicant.storageState()).cookies.map((c) => `${c.name}=${c.value}`).join("; ");

  const routes = routeTable().flatMap((route) => route.methods.map((method) => ({ route, method })));
  const pages = pageTable();
  // The query strings the issue names go to the pages that read them, whatever the sampling picks.
  const named: FuzzRequest[] = (["anonymous", "applicant"] as const).flatMap((caller) =>
    ["/console/audit?before=99999999999999999999", "/login?next=/%0a/x", "/login?next=/%09/evil.example", "/orders?tab=constructor"].map((path) => ({ caller, method: "GET", path, kind: "named query" })),
  );
  const requests = [
    ...named,
    ...nextAuthRequests("anonymous"),
    ...nextAuthRequests("applicant"),
    ...unknownActionRequests("anonymous"),
    ...pageRequests(pages),
    ...routes.flatMap(({ route, method }, i) => routeRequests(route, method, i, 2)),
    ...actions!.flatMap((a) => [...actionRequests(a, "anonymous", 4), ...actionRequests(a, "applicant", 6)]),
  ];
  if (requests.length > BUDGET) console.log(`fuzz: ${requests.length} requests generated, ${requests.length - BUDGET} beyond the budget left out (seeded)`);
  // Shuffled (seeded) so no family runs alone against a cold or rate-limited server.
  const order = sample(fc.shuffledSubarray(requests.map((_, i) => i), { minLength: requests.length, maxLength: requests.length }), 1)[0]!;
  const batch = order.slice(0, BUDGET).map((i) => requests[i]!);

  const started = Date.now();
  const outcomes = await runPool(batch, cookie);
  const seconds = ((Date.now() - started) / 1000).toFixed(1);

  const serverErrors = outcomes.filter((o) => typeof o.status === "number" && o.status >= 500);
  const noAnswer = outcomes.filter((o) => o.status === "no response" || (o.status === "timeout" && !isStream(o.req.path.split("?")[0]!)));
  const byStatus = new Map<string, number>();
  for (const o of outcomes) byStatus.set(String(o.status), (byStatus.get(String(o.status)) ?? 0) + 1);
  console.log(`fuzz: ${outcomes.length} requests sent, 500s = ${serverErrors.length}`);
  console.log(`fuzz: ${seconds}s, no answer = ${noAnswer.length}, statuses ${[...byStatus].sort().map(([s, n]) => `${s}×${n}`).join(" ")}`);
  const failures = [...serverErrors, ...noAnswer];
  // Grouped by handler and input class, listed round-robin over the classes, so one bug (say, every
  // action's answer to a broken body) does not hide the others behind its twenty lines.
  const kindOf = (f: Outcome) => f.req.kind.replace(/^action [^:]+: /, "action: ");
  const groups = new Map<string, Outcome[]>();
  for (const f of failures) {
    const where = f.req.kind.startsWith("action") ? f.req.kind.split(":")[0]! : f.req.path.split("?")[0]!.replace(/\/[^/]*%[^/]*/g, "/…");
    const key = `${kindOf(f)} | ${f.req.method} ${where}`;
    groups.set(key, [...(groups.get(key) ?? []), f]);
  }
  const byKind = new Map<string, Array<[string, Outcome[]]>>();
  for (const [key, group] of groups) byKind.set(kindOf(group[0]!), [...(byKind.get(kindOf(group[0]!)) ?? []), [key, group]]);
  console.log(`fuzz: failing: ${groups.size} handler × input class; by class: ${[...byKind].map(([k, gs]) => `${k} (${gs.length})`).join(", ")}`);
  const listed: Array<[string, Outcome[]]> = [];
  for (let i = 0; listed.length < Math.min(20, groups.size); i++) for (const gs of byKind.values()) if (gs[i] && listed.length < 20) listed.push(gs[i]!);
  for (const [key, group] of listed) {
    const f = group[0]!;
    console.log(`  ${f.status} ×${group.length} ${key} [${f.req.caller}]\n    ${f.req.method} ${f.req.path.slice(0, 200)}  body: ${describeBody(f.req.body).replace(/\s+/g, " ")}  → ${f.text.replace(/\s+/g, " ").slice(0, 200)}`);
  }
  const health = await fetch(`${baseURL}/api/health`).then((r) => r.status).catch(() => 0);
  await applicant.dispose();
  expect(health, "the server is still healthy after the fuzzing").toBe(200);
  expect(failures.length, `responses 5xx or none (seed ${SEED}; first 20 handlers listed above)`).toBe(0);
});
