import { describe, expect, it } from "vitest";
import { AppError } from "@/lib/errors";
import { db } from "@/lib/db/client";
import { addFreeSubject } from "@/lib/server/channels/add-free-subject";
import { listFreeSubjects } from "@/lib/server/channels/list-free-subjects";
import { quoteOrder } from "@/lib/server/channels/quote-order";
import { removeFreeSubject } from "@/lib/server/channels/remove-free-subject";
import { createUser } from "../support/factories";
import { createTestChannel } from "../support/provider-fixtures";

async function errorOf(p: Promise<unknown>) {
  const err = await p.then(() => null, (e: unknown) => e);
  expect(err).toBeInstanceOf(AppError);
  return err as AppError;
}

const USCC = "91350100M000100Y43";
const quote = (channelId: string, subjectKey: string, subjectType: "UNIT" | "INDIVIDUAL" = "UNIT") => quoteOrder(db, { channelId, subjectType, subjectKey, years: 1, withSeal: false, medium: "CLOUD" });

// Issue 18, 免费条件 managed in the console: the free list of a channel prices its subjects' orders at 0.
describe("免费条件 (a channel's free subjects)", () => {
  it("an admin adds a unit and a person, their quotes become 0, removing one brings the price back", async () => {
    const channel = await createTestChannel();
    await db.channelPrice.createMany({ data: [{ channelId: channel.id, product: "UNIT_CERT", years: 1, priceFen: 30_000 }, { channelId: channel.id, product: "INDIVIDUAL_CERT", years: 1, priceFen: 9_800 }] });
    const admin = await createUser({ role: "CA_ADMIN" });
    expect(await quote(channel.id, USCC)).toMatchObject({ totalFen: 30_000, isFree: false });

    const unit = await addFreeSubject({ staff: admin, channelId: channel.id, input: { subjectKey: " 91350100m000100y43 ", note: "交易中心协议 2026-01" } });
    expect(unit).toMatchObject({ kind: "UNIT", subjectKeyShown: USCC });
    const person = await addFreeSubject({ staff: admin, channelId: channel.id, input: { subjectKey: "11010519491231002X", note: "残疾人免费政策" } });
    expect(person).toMatchObject({ kind: "INDIVIDUAL", subjectKeyShown: "110105********002X" });
    expect(await quote(channel.id, USCC)).toMatchObject({ totalFen: 0, isFree: true });
    expect(await quote(channel.id, "11010519491231002X", "INDIVIDUAL")).toMatchObject({ totalFen: 0, isFree: true });
    expect((await listFreeSubjects({ staff: admin, channelId: channel.id })).map((s) => s.subjectKeyShown).sort()).toEqual(["110105********002X", USCC]);

    await removeFreeSubject({ staff: admin, channelId: channel.id, freeSubjectId: unit.id });
    expect(await quote(channel.id, USCC)).toMatchObject({ totalFen: 30_000, isFree: false });
    const audit = await db.auditLog.findMany({ where: { targetId: channel.id, action: { startsWith: "channel.free_subject" } }, orderBy: { id: "asc" } });
    expect(audit.map((a) => a.action)).toEqual(["channel.free_subject_added", "channel.free_subject_added", "channel.free_subject_removed"]);
    // The full ID number is not copied into the audit trail.
    expect(JSON.stringify(audit.map((a) => a.data))).not.toContain("11010519491231002X");
  });

  it("refuses a malformed key, a reviewer without channels.manage, and 19 of 20 parallel adds of one subject", async () => {
    const channel = await createTestChannel();
    const admin = await createUser({ role: "CA_ADMIN" });
    const reviewer = await createUser({ role: "CA_REVIEWER" });
    await expect(addFreeSubject({ staff: admin, channelId: channel.id, input: { subjectKey: "123456", note: "试试" } })).rejects.toThrow(/freeSubjects.errors.keyInvalid/);
    expect((await errorOf(addFreeSubject({ staff: reviewer, channelId: channel.id, input: { subjectKey: USCC, note: "越权" } }))).code).toBe("forbidden");
    const results = await Promise.allSettled(Array.from({ length: 20 }, () => addFreeSubject({ staff: admin, channelId: channel.id, input: { subjectKey: USCC, note: "并发添加" } })));
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    for (const r of results) if (r.status === "rejected") expect((r.reason as AppError).code).toBe("conflict");
    expect(await db.freeSubject.count({ where: { channelId: channel.id } })).toBe(1);
  });
});
