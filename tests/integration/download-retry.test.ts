import { describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { finishPhoneDownload } from "@/lib/server/certs/finish-phone-download";
import { downloadAsPhone } from "../support/phone-download";
import { createUser } from "../support/factories";
import { createSubmittedOrder } from "../support/review-fixtures";
import { expectAppError } from "../support/expect-app-error";

const PIN = "285714";

// A phone whose download answer was lost (the instance died after the commit, a timeout) sends the
// same download again: tests/faults/cluster-faults.test.ts does it across a SIGKILL through nginx.
describe("a retried certificate download", () => {
  it("gets the first download's certificates and W after the PIN verifies; a wrong PIN gets nothing and counts", async () => {
    const user = await createUser();
    const order = await createSubmittedOrder({ userId: user.id, status: "APPROVED" });
    const first = await downloadAsPhone(user.id, order.id, PIN);
    const input = { orderId: order.id, signKeyShareId: first.sign.keyShareId, encryptKeyShareId: first.enc.keyShareId, pin: PIN, escrow: first.escrow };
    const again = await finishPhoneDownload({ userId: user.id, input });
    expect(again).toEqual(first.issued);
    expect(await db.certificate.count({ where: { orderId: order.id } })).toBe(2);
    expect(await db.orderEvent.count({ where: { orderId: order.id, type: "downloaded" } })).toBe(1);

    await expectAppError(finishPhoneDownload({ userId: user.id, input: { ...input, pin: "396041" } }), "code_invalid");
    expect((await db.keyShare.findUniqueOrThrow({ where: { id: first.sign.keyShareId } })).pinFailures).toBe(1);
    // Another user's session names the order: not found, as before.
    const other = await createUser();
    await expectAppError(finishPhoneDownload({ userId: other.id, input }), "not_found");
  });
});
