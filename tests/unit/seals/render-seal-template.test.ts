import { spawnSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { renderSealTemplate } from "@/lib/server/seals/render-seal-template";

describe("renderSealTemplate", () => {
  it("is a one-page A4 PDF whose Chinese instructions and box labels poppler extracts as text", async () => {
    const pdf = await renderSealTemplate();
    const dir = mkdtempSync(path.join(tmpdir(), "seal-template-"));
    writeFileSync(path.join(dir, "t.pdf"), pdf);
    const info = spawnSync("pdfinfo", [path.join(dir, "t.pdf")], { encoding: "utf8" });
    expect(info.stdout).toMatch(/Pages:\s+1/);
    expect(info.stdout).toMatch(/Page size:\s+595\.28 x 841\.89/);
    const text = spawnSync("pdftotext", [path.join(dir, "t.pdf"), "-"], { encoding: "utf8" }).stdout;
    expect(text).toContain("电子印章盖章模板");
    expect(text).toContain("盖章区（60 × 60 mm）");
    expect(text).toContain("签字区（90 × 40 mm）");
  });
});
