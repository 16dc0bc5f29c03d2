import { execFileSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { renderApplicationForm } from "@/lib/server/orders/render-application-form";
import { createUser } from "../support/factories";
import { createSubmittedOrder } from "../support/review-fixtures";

/** The PDF's text as poppler reads it (what anyone opening the file sees). */
function pdfText(bytes: Uint8Array): string {
  const file = path.join(mkdtempSync(path.join(tmpdir(), "form-")), "form.pdf");
  writeFileSync(file, bytes);
  return execFileSync("pdftotext", ["-enc", "UTF-8", file, "-"], { encoding: "utf8" }).replace(/\s+/g, "");
}

describe("application form PDF", () => {
  it("masks the holder's ID number once the order is submitted (a stolen session must not read it)", async () => {
    const user = await createUser();
    const order = await createSubmittedOrder({ userId: user.id, status: "COMPLETED" });
    const idNumber = (order.draft as { person: { idNumber: string } }).person.idNumber;
    const text = pdfText((await renderApplicationForm({ userId: user.id, orderId: order.id })).bytes);
    expect(text).toContain(`${idNumber.slice(0, 6)}********${idNumber.slice(-4)}`);
    expect(text).not.toContain(idNumber);
    expect(text).not.toContain(idNumber.slice(6, 14)); // the birth date

    // While drafting, the applicant sees what they typed.
    await db.order.update({ where: { id: order.id }, data: { status: "DRAFT" } });
    expect(pdfText((await renderApplicationForm({ userId: user.id, orderId: order.id })).bytes)).toContain(idNumber);
  });
});
