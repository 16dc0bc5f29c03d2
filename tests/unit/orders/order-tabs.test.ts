import { describe, expect, it } from "vitest";
import { ORDER_TABS, defaultOrderTab, tabStatus, toOrderTab, type OrderTab } from "@/lib/server/orders/order-tabs";
import { translator } from "@/lib/i18n/translate";

const none = { unfinished: 0, awaiting_payment: 0, in_review: 0, rejected: 0, approved: 0, completed: 0, cancelled: 0 };

describe("订单管理 tabs", () => {
  it("opens on the orders that wait for the applicant: a rejected order before one in review", () => {
    expect(defaultOrderTab({ ...none, in_review: 2, rejected: 1 })).toBe("rejected");
    expect(defaultOrderTab({ ...none, awaiting_payment: 1, rejected: 1 })).toBe("awaiting_payment");
    expect(defaultOrderTab({ ...none, completed: 3, cancelled: 1 })).toBe("completed");
  });

  it("an approved order waiting for its download opens before the finished ones, under its own name", () => {
    expect(defaultOrderTab({ ...none, approved: 1, completed: 2, in_review: 1 })).toBe("approved");
    const t = translator("zh-CN");
    // Each tab carries the name of the status it shows first; 已通过 is not under 已完成.
    const tabOf = (status: string) => (Object.keys(ORDER_TABS) as OrderTab[]).find((tab) => (ORDER_TABS[tab] as readonly string[]).includes(status));
    expect(t(`orders.status.${tabStatus(tabOf("APPROVED")!)}`)).toBe("已通过");
    expect(t(`orders.status.${tabStatus(tabOf("COMPLETED")!)}`)).toBe("已完成");
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
