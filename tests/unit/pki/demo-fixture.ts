import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { createDemoCa, type DemoCa } from "@/lib/pki/demo/create-demo-ca";

export interface DemoFixture {
  dir: string;
  demo: DemoCa;
  file: (name: string) => string;
  cleanup: () => void;
}

/** A fresh demo CA written to a temp dir: what `npm run pki -- demo --out DIR` produces. */
export async function writeDemoCa(): Promise<DemoFixture> {
  const dir = mkdtempSync(path.join(tmpdir(), "certdesk-pki-"));
  const demo = await createDemoCa();
  for (const [name, contents] of Object.entries(demo.files)) writeFileSync(path.join(dir, name), contents);
  return {
    dir,
    demo,
    file: (name) => path.join(dir, name),
    cleanup: () => rmSync(dir, { recursive: true, force: true }),
  };
}
