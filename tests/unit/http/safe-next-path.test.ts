import { describe, expect, it } from "vitest";
import { safeNextPath } from "@/lib/server/http/safe-next-path";

describe("safeNextPath (where a login may send the browser)", () => {
  it("keeps paths on this site, with query and hash", () => {
    expect(safeNextPath("/orders")).toBe("/orders");
    expect(safeNextPath("/orders/abc/resume?x=1#top")).toBe("/orders/abc/resume?x=1#top");
    expect(safeNextPath("/m/scan")).toBe("/m/scan");
  });

  it.each([
    "//evil.example",
    "/\t/evil.example",
    "/%09/evil.example".replace("%09", "\t"),
    "/\n/x",
    "/\r\nLocation: https://evil.example",
    "/\\evil.example",
    "\\\\evil.example",
    "https://evil.example/",
    "javascript:alert(1)",
    " /orders",
    "",
    "/\u0000",
    "/" + "a".repeat(3000),
  ])("refuses %j", (next) => {
    expect(safeNextPath(next, "/fallback")).toBe("/fallback");
  });

  it("refuses what is not one string (a repeated ?next= arrives as an array)", () => {
    expect(safeNextPath(["/a", "//evil.example"], "/f")).toBe("/f");
    expect(safeNextPath(undefined, "/f")).toBe("/f");
    expect(safeNextPath(42, "/f")).toBe("/f");
  });

  it("normalises dot segments without leaving the site", () => {
    expect(safeNextPath("/a/../../b")).toBe("/b");
    expect(safeNextPath("/./orders")).toBe("/orders");
  });
});
