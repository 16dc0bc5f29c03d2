import { Ajv2020, type ValidateFunction } from "ajv/dist/2020";
import { expect } from "vitest";
import { openApiDocument } from "@/lib/server/scan/openapi-document";

// The contract test's check: a response the platform API gave, against what /api/v1/openapi.json
// says that operation answers with that status. An undocumented path, method or status, a content
// type the operation does not list, or a body that does not match the documented schema (components
// resolved, objects closed: a field the document does not name fails too) is a violation.
//
// Every route module of the platform API is wrapped with contractWrap in the integration project
// (tests/support/contract-plugin.ts), so every answer the suite gets is checked, not a sample.

type Json = unknown;
type Op = { responses: Record<string, { content?: Record<string, unknown> }> };
type Doc = { paths: Record<string, Record<string, Op | unknown>>; components: { schemas: Record<string, unknown> } };

const HTTP = ["get", "post", "put", "patch", "delete"] as const;

/**
 * The document as one JSON Schema resource ("doc"): local $refs made absolute, $schema keys dropped,
 * and every object that lists its properties closed (additionalProperties: false). The published
 * document leaves objects open, as a client must accept fields added within /api/v1; our own answers
 * must carry no field it does not name.
 */
function asResource(value: Json, inSchema = false): Json {
  if (Array.isArray(value)) return value.map((v) => asResource(v, inSchema));
  if (value && typeof value === "object") {
    const entries = Object.entries(value as Record<string, Json>)
      .filter(([k]) => k !== "$schema")
      .map(([k, v]) => [k, k === "$ref" && typeof v === "string" && v.startsWith("#/") ? `doc${v}` : asResource(v, inSchema || k === "schema" || k === "schemas")]);
    const out = Object.fromEntries(entries) as Record<string, Json>;
    if (inSchema && out.type === "object" && out.properties && out.additionalProperties === undefined) out.additionalProperties = false;
    return out;
  }
  return value;
}

let ajv: Ajv2020 | null = null;
const compiled = new Map<string, ValidateFunction>();

function validator(pointer: string): ValidateFunction {
  if (!ajv) {
    ajv = new Ajv2020({ strict: false, allErrors: true });
    ajv.addFormat("date-time", { type: "string", validate: (s: string) => /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?(Z|[+-]\d\d:\d\d)$/.test(s) && !Number.isNaN(Date.parse(s)) });
    ajv.addFormat("uri", {
      type: "string",
      validate: (s: string) => {
        try {
          return Boolean(new URL(s).protocol);
        } catch {
          return false;
        }
      },
    });
    ajv.addSchema({ $id: "doc", ...(asResource(openApiDocument()) as object) });
  }
  let v = compiled.get(pointer);
  if (!v) {
    v = ajv.compile({ $ref: `doc#${pointer}` });
    compiled.set(pointer, v);
  }
  return v;
}

const escape = (s: string) => s.replace(/~/g, "~0").replace(/\//g, "~1");
const doc = () => openApiDocument() as unknown as Doc;

/** Checks a JSON value against a JSON pointer into the document; the error text, or null. */
function check(pointer: string, value: Json, what: string): string | null {
  const validate = validator(pointer);
  return validate(value) ? null : `${what} does not match the document: ${JSON.stringify(validate.errors?.slice(0, 5))}`;
}

/** Asserts `body` is what the document promises for `method path` (the document's path template) with `status`. */
export function expectDocumented(method: string, path: string, status: number, body: Json) {
  const op = doc().paths[path]?.[method.toLowerCase()] as Op | undefined;
  expect(op, `${method} ${path} is in the document`).toBeTruthy();
  const response = op!.responses[String(status)];
  expect(response, `${method} ${path} documents status ${status}`).toBeTruthy();
  if (!response!.content?.["application/json"]) return;
  const error = check(`/paths/${escape(path)}/${method.toLowerCase()}/responses/${status}/content/${escape("application/json")}/schema`, body, `${method} ${path} ${status}`);
  expect(error === null, `${method} ${path} ${status} matches the document: ${error}`).toBe(true);
}

/** Asserts `value` matches components.schemas[name] (webhook bodies, event data). */
export function expectSchema(name: string, value: Json) {
  const error = check(`/components/schemas/${escape(name)}`, value, name);
  expect(error === null, `${name} matches the document: ${error}`).toBe(true);
}

/** "METHOD template status" of every answer a wrapped handler gave that the document describes (this test file's), for coverage. */
export const contractSeen = new Set<string>();
/** Violations found after a handler returned (an event stream read in the background). */
export const lateViolations: string[] = [];

/** The path templates' methods as the document has them ("GET, HEAD, OPTIONS" style, as methodsNotAllowed answers). */
function allowedMethods(template: string): string[] {
  const item = doc().paths[template] ?? {};
  const methods = HTTP.filter((m) => m in item).map((m) => m.toUpperCase());
  return [...methods, ...(methods.includes("GET") ? ["HEAD"] : []), "OPTIONS"];
}

/** Reads an event stream's copy and checks each event's data as a ScanRequest (errors into lateViolations). */
async function checkEventStream(label: string, body: ReadableStream<Uint8Array>) {
  const reader = body.getReader();
  const decoder = new TextDecoder();
  let buffer = "";
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      buffer += decoder.decode(value, { stream: true });
      let end: number;
      while ((end = buffer.indexOf("\n\n")) >= 0) {
        const block = buffer.slice(0, end);
        buffer = buffer.slice(end + 2);
        const lines = block.split("\n").filter((l) => !l.startsWith(":") && l.length > 0);
        if (lines.length === 0) continue;
        const field = (name: string) => lines.find((l) => l.startsWith(`${name}: `))?.slice(name.length + 2);
        if (field("event") !== "status" || !/^[0-2]$/.test(field("id") ?? "")) lateViolations.push(`${label}: an event the document does not describe: ${block}`);
        const data = field("data");
        const error = data === undefined ? `${label}: an event without data` : check("/components/schemas/ScanRequest", JSON.parse(data), `${label} event data`);
        if (error) lateViolations.push(error);
      }
    }
  } catch {
    // The test cancelled the stream (aborted the request): what arrived was checked.
  }
}

/** The violation of one answer (null when the document describes it). The body is read from a clone. */
export async function contractViolation(method: string, template: string, res: Response): Promise<string | null> {
  const label = `${method} ${template} → ${res.status}`;
  const type = (res.headers.get("content-type") ?? "").split(";")[0]!.trim();
  const readJson = async () => (await res.clone().json().catch(() => Symbol("not JSON"))) as Json;
  if (template === "*") {
    // /api/[...path]: an unknown path is the JSON 404 (the document's Errors section).
    if (res.status !== 404 || type !== "application/json") return `${label}: an unknown path must be the JSON 404`;
    return check("/components/schemas/Error", await readJson(), label);
  }
  const item = doc().paths[template];
  if (!item) return `${label}: the path ${template} is not in the document`;
  const op = item[method.toLowerCase()] as Op | undefined;
  if (!op) {
    // A method the path does not serve: the JSON 405 with Allow naming the documented methods.
    if (res.status !== 405) return `${label}: ${method} is not in the document for ${template}, so it must answer 405`;
    const allow = (res.headers.get("allow") ?? "").split(", ").sort();
    if (allow.join() !== allowedMethods(template).sort().join()) return `${label}: Allow ${allow.join(", ")} is not the document's ${allowedMethods(template).join(", ")}`;
    const body = await readJson();
    const error = check("/components/schemas/Error", body, label);
    if (error) return error;
    return (body as { error: { code: string } }).error.code === "method_not_allowed" ? null : `${label}: the 405 body's code is not method_not_allowed`;
  }
  const response = op.responses[String(res.status)];
  if (!response) return `${label}: status ${res.status} is not in the document (${Object.keys(op.responses).join(", ")})`;
  const content = response.content ?? {};
  if (Object.keys(content).length === 0) return null;
  if (!(type in content)) return `${label}: Content-Type ${type || "(none)"} is not one the document gives (${Object.keys(content).join(", ")})`;
  if (type === "application/json") {
    return check(`/paths/${escape(template)}/${method.toLowerCase()}/responses/${res.status}/content/${escape("application/json")}/schema`, await readJson(), label);
  }
  if (type === "text/event-stream" && res.body) {
    void checkEventStream(label, res.clone().body!);
  }
  return null;
}

type Handler = (req: Request, ctx?: unknown) => Promise<Response>;

/** A route handler whose every answer is checked against the document; a violation fails the call. */
export function contractWrap<H extends Handler>(method: string, template: string, handler: H): H {
  const wrapped = async (req: Request, ctx?: unknown) => {
    const res = await handler(req, ctx);
    const violation = await contractViolation(method, template, res);
    if (violation) throw new Error(`API contract: ${violation}`);
    contractSeen.add(`${method} ${template} ${res.status}`);
    return res;
  };
  return Object.assign(wrapped, handler, { contractChecked: true }) as unknown as H;
}
