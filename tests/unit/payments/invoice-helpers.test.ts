import { describe, expect, it } from "vitest";
import { amountInWords, formatYuan } from "@/lib/server/payments/amount-in-words";
import { invoiceFieldsFromDraft } from "@/lib/server/payments/invoice-fields.types";

describe("amountInWords (人民币大写)", () => {
  it.each([
    [30_000, "叁佰元整"],
    [12_345, "壹佰贰拾叁元肆角伍分"],
    [100, "壹元整"],
    [5, "伍分"],
    [10_050, "壹佰元伍角"],
    [1_000_100, "壹万零壹元整"],
    [10_001_000, "壹拾万零壹拾元整"],
    [100_000_000, "壹佰万元整"],
    [200_000_000_007, "贰拾亿元零柒分"],
    [0, "零元整"],
  ])("%i fen → %s", (fen, words) => expect(amountInWords(fen)).toBe(words));

  it("formats yuan with two decimals", () => expect(formatYuan(30_000)).toBe("300.00"));
});

describe("invoiceFieldsFromDraft", () => {
  it("reads the agreed draft.invoice shape", () => {
    expect(invoiceFieldsFromDraft({ invoice: { type: "normal", title: "某公司", taxNumber: "91350100M000100Y43", email: "a@b.cn", address: "" } })).toEqual({
      title: "某公司",
      taxNumber: "91350100M000100Y43",
      email: "a@b.cn",
      address: undefined,
      phone: undefined,
      bank: undefined,
      account: undefined,
    });
    expect(invoiceFieldsFromDraft({ invoice: { type: "none" } })).toBeNull();
  });

  it("falls back to the goods step, with the subject as title and tax number", () => {
    const fields = invoiceFieldsFromDraft({
      enterprise: { name: "向导公司", uscc: "91310110666007217T" },
      person: undefined,
      handler: { email: "h@b.cn" },
      goods: { invoice: { wanted: true, email: "" } },
    });
    expect(fields).toMatchObject({ title: "向导公司", taxNumber: "91310110666007217T", email: "h@b.cn" });
    expect(invoiceFieldsFromDraft({ goods: { invoice: { wanted: false } } })).toBeNull();
    expect(invoiceFieldsFromDraft({ person: { name: "张三", email: "z@b.cn" }, goods: { invoice: { wanted: true } } })).toMatchObject({ title: "张三", taxNumber: undefined });
  });
});
