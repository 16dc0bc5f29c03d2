import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { translator } from "@/lib/i18n/translate";
import { renderSms } from "@/lib/server/notify/templates";
import { ORDER_EVENT_TYPES } from "@/lib/server/orders/order-event-types";
import { orderEventLabel } from "@/components/orders/order-event-label";

// No raw codes on Chinese pages (issue 18, friction 10): 办理进度 showed `downloaded`, the console's
// timeline `authorization_sent` / `authorization_signed`, and a reason typed with its 。 gave 「。。」.

const root = path.resolve(import.meta.dirname, "../../..");
const files = (dir: string): string[] =>
  readdirSync(dir).flatMap((n) => (statSync(path.join(dir, n)).isDirectory() ? files(path.join(dir, n)) : /\.tsx?$/.test(n) ? [path.join(dir, n)] : []));

describe("order events", () => {
  it("every type the code writes is a known one with a Chinese and an English label", () => {
    const written = new Set<string>();
    for (const f of files(path.join(root, "lib/server"))) {
      const text = readFileSync(f, "utf8");
      for (const m of text.matchAll(/(?:orderEvent\.create\(\{\s*data:\s*\{[^}]*?|transitionOrder\(tx,\s*\{[^}]*?)\btype:\s*"([a-z_]+)"/g)) written.add(m[1]!);
    }
    expect(written.size).toBeGreaterThan(10);
    expect([...written].filter((type) => !(ORDER_EVENT_TYPES as readonly string[]).includes(type))).toEqual([]);
    for (const type of ORDER_EVENT_TYPES) {
      for (const locale of ["zh-CN", "en"] as const) {
        const label = orderEventLabel(translator(locale), type);
        expect(label, `${locale} ${type}`).not.toMatch(/[a-z]+_[a-z]+|^orders\./);
        if (locale === "zh-CN") expect(label, type).toMatch(/[\u4e00-\u9fff]/);
      }
    }
    expect(orderEventLabel(translator("zh-CN"), "downloaded")).toBe("证书已下载");
    expect(orderEventLabel(translator("zh-CN"), "authorization_sent")).toBe("向法定代表人发送授权签署短信");
    // A row written by an older version: a word, not its code.
    expect(orderEventLabel(translator("zh-CN"), "some_old_type")).toBe("订单更新");
  });
});

describe("sentence ends", () => {
  const t = translator("zh-CN");
  it("a reason typed with its own 。 does not double the template's", () => {
    const body = t("review.notify.rejectedBody", { no: "CD1", subject: "示范公司", reason: "营业执照照片模糊，请重新上传。" });
    expect(body).toContain("原因：营业执照照片模糊，请重新上传。请登录服务台");
    expect(body).not.toMatch(/。。|。\./);
    const sms = renderSms("review_rejected", { no: "CD1", subject: "示范公司", reason: "照片模糊！" }, "zh-CN");
    expect(sms).toContain("原因：照片模糊！请登录");
    expect(translator("en")("review.notify.rejectedBody", { no: "CD1", subject: "X", reason: "Blurred photo." })).toContain("Blurred photo. Sign in");
  });
  it("leaves a reason without an end, and other punctuation, alone", () => {
    expect(t("review.notify.rejectedBody", { no: "CD1", subject: "示范公司", reason: "照片模糊" })).toContain("原因：照片模糊。请登录");
    expect(t("orders.list.reason", { reason: "照片模糊。" })).toBe("驳回原因：照片模糊。");
  });
});
