import { Ajv2020, type ValidateFunction } from "ajv/dist/2020";
import { expect } from "vitest";
import { openApiDocument } from "@/lib/server/scan/openapi-document";

// The contract test's check: a response the platform API gave, against what /api/v1/openapi.json
// says that operation answers with that status. An undocumented status, or a body that does not
// match the documented schema (components resolved), fails the test that made the call.

type Json = unknown;

/** The document as one JSON Schema resource ("doc"), its local $refs made absolute, $schema keys dropped. */
function asResource(value: Json): Json {
  if (Array.isArray(value)) return value.map(asResource);
  if (value && typeof value === "object") {
    return Object.fromEntries(
      Object.entries(value as Record<string, Json>)
        .filter(([k]) => k !== "$schema")
        .map(([k, v]) => [k, k === "$ref" && typeof v === "string" && v.startsWith("#/") ? `doc${v}` : asResource(v)]),
    );
  }
  return value;
}

let ajv: Ajv2020 | null = null;
const compiled = new Map<string, ValidateFunction>();

function validator(pointer: string): ValidateFunction {
  if (!ajv) {
    ajv = new Ajv2020({ strict: false, validateFormats: false, allErrors: true });
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

/** Asserts `body` is what the document promises for `method path` (the document's path template) with `status`. */
export function expectDocumented(method: string, path: string, status: number, body: Json) {
  const doc = openApiDocument() as unknown as { paths: Record<string, Record<string, { responses: Record<string, { content?: Record<string, unknown> }> }>> };
  const op = doc.paths[path]?.[method.toLowerCase()];
  expect(op, `${method} ${path} is in the document`).toBeTruthy();
  const response = op!.responses[String(status)];
  expect(response, `${method} ${path} documents status ${status}`).toBeTruthy();
  if (!response!.content?.["application/json"]) return;
  const validate = validator(`/paths/${escape(path)}/${method.toLowerCase()}/responses/${status}/content/${escape("application/json")}/schema`);
  const ok = validate(body);
  expect(ok, `${method} ${path} ${status} matches the document: ${JSON.stringify(validate.errors?.slice(0, 5))}`).toBe(true);
}

/** Asserts `value` matches components.schemas[name] (webhook bodies, event data). */
export function expectSchema(name: string, value: Json) {
  const validate = validator(`/components/schemas/${escape(name)}`);
  const ok = validate(value);
  expect(ok, `${name} matches the document: ${JSON.stringify(validate.errors?.slice(0, 5))}`).toBe(true);
}
