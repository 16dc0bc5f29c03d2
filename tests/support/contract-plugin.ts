import path from "node:path";
import type { Plugin } from "vite";

// The integration project's contract hook: every route module of the platform API (app/api/v1/**,
// the public PKI under app/(pki)/pki/**, and the /api catch-all) is loaded with each exported method
// wrapped by contractWrap (tests/support/openapi-contract.ts), so every answer any integration test
// gets from those handlers is checked against /api/v1/openapi.json. A route added later is covered
// without anyone listing it; an answer the document does not describe fails the test that got it.

const METHODS = ["GET", "POST", "PUT", "PATCH", "DELETE"] as const;

/** "app/api/v1/scan-requests/[id]/route.ts" → "/scan-requests/{id}"; the PKI paths keep /pki; the catch-all is "*". */
export function contractTemplate(file: string): string | null {
  if (file === "app/api/[...path]/route.ts") return "*";
  const v1 = /^app\/api\/v1\/(.+)\/route\.ts$/.exec(file);
  const pki = /^app\/\(pki\)\/(pki(?:\/.+)?)\/route\.ts$/.exec(file);
  const rest = v1?.[1] ?? pki?.[1];
  if (!rest) return null;
  const template = `/${rest}`.replace(/\[(?:\.\.\.)?([^\]]+)\]/g, "{$1}");
  return template;
}

/** The route source with its method exports renamed and re-exported through contractWrap. */
export function wrapRouteSource(code: string, template: string, hookPath: string): string {
  const found = new Set<string>();
  let out = code.replace(new RegExp(`export\\s+const\\s+(${METHODS.join("|")})\\b`, "g"), (_m, name: string) => {
    found.add(name);
    return `const __contract_${name}`;
  });
  out = out.replace(new RegExp(`export\\s+(async\\s+)?function\\s+(${METHODS.join("|")})\\b`, "g"), (_m, isAsync: string | undefined, name: string) => {
    found.add(name);
    return `${isAsync ?? ""}function __contract_${name}`;
  });
  out = out.replace(/export\s+const\s*\{([^}]*)\}\s*=/g, (m, names: string) => {
    const list = names.split(",").map((n) => n.trim()).filter(Boolean);
    if (!list.every((n) => (METHODS as readonly string[]).includes(n))) return m;
    for (const n of list) found.add(n);
    return `const { ${list.map((n) => `${n}: __contract_${n}`).join(", ")} } =`;
  });
  if (found.size === 0) return code;
  const exports = [...found].map((n) => `export const ${n} = __contractWrap(${JSON.stringify(n)}, ${JSON.stringify(template)}, __contract_${n});`).join("\n");
  return `import { contractWrap as __contractWrap } from ${JSON.stringify(hookPath)};\n${out}\n${exports}\n`;
}

export function platformContractPlugin(root: string): Plugin {
  const hookPath = path.join(root, "tests/support/openapi-contract.ts");
  return {
    name: "certdesk-platform-api-contract",
    enforce: "pre",
    transform(code, id) {
      const file = path.relative(root, id.split("?")[0]!).split(path.sep).join("/");
      const template = contractTemplate(file);
      if (!template) return null;
      return { code: wrapRouteSource(code, template, hookPath), map: null };
    },
  };
}
