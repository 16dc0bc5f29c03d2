import { describe, expect, it } from "vitest";
import { defaultOrderTab, toOrderTab } from "@/lib/server/orders/order-tabs";

const none = { unfinished: 0, awaiting_payment: 0, in_review: 0, rejected: 0, completed: 0, cancelled: 0 };

describe("订单管理 tabs", () => {
  it("opens on the orders that wait for the applicant: a rejected order before one in review", () => {
    expect(defaultOrderTab({ ...none, in_review: 2, rejected: 1 })).toBe("rejected");
    expect(defaultOrderTab({ ...none, awaiting_payment: 1, rejected: 1 })).toBe("awaiting_payment");
    expect(defaultOrderTab({ ...none, completed: 3, cancelled: 1 })).toBe("completed");
  });

  it("opens on 未完成 for a new account", () => {
    expect(defaultOrderTab(none)).toBe("unfinished");
  });

  it("keeps a tab from the address and ignores unknown ones", () => {
    expect(toOrderTab("cancelled")).toBe("cancelled");
    expect(toOrderTab("constructor")).toBeNull();
    expect(toOrderTab(undefined)).toBeNull();
  });
});
