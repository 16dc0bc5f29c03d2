// The layers of ARCHITECTURE.md, kept honest: the test reads every runtime import of the source and
// fails naming the file and the import that crosses a line.
import { describe, expect, it } from "vitest";
import { findCycles, readSourceFiles } from "./support/import-graph";

const files = readSourceFiles();
const crossing = (from: (f: string) => boolean, to: (target: string) => boolean) =>
  files.filter((f) => from(f.file)).flatMap((f) => f.imports.filter(to).map((t) => `${f.file} → ${t}`));

describe("architecture", () => {
  it("lib/pki imports only lib/pki and npm packages (it runs in the phone's browser too)", () => {
    expect(crossing((f) => f.startsWith("lib/pki/"), (t) => !t.startsWith("lib/pki/"))).toEqual([]);
  });

  it("components/ never imports app/", () => {
    expect(crossing((f) => f.startsWith("components/"), (t) => t.startsWith("app/"))).toEqual([]);
  });

  it("providers and the bottom layer (lib/db, sms, email, identity, storage, payments) never import lib/server", () => {
    const lower = /^lib\/(db|sms|email|identity|storage|payments)\//;
    expect(crossing((f) => lower.test(f), (t) => t.startsWith("lib/server/"))).toEqual([]);
  });

  it("a client component imports from lib/server only .types files (and nothing from lib/db)", () => {
    const bad = files
      .filter((f) => f.isClient)
      .flatMap((f) => f.imports.filter((t) => (t.startsWith("lib/server/") && !/\.types\.tsx?$/.test(t)) || t.startsWith("lib/db/")).map((t) => `${f.file} → ${t}`));
    expect(bad).toEqual([]);
  });

  it("no import cycles", () => {
    expect(findCycles(files)).toEqual([]);
  });
});
