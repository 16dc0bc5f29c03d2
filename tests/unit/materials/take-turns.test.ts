import { describe, expect, it } from "vitest";
import { takeTurns } from "@/lib/server/materials/take-turns";

describe("takeTurns", () => {
  it("runs at most `max` at once, all of them in order, and survives failures", async () => {
    const inTurn = takeTurns(2);
    let running = 0;
    let peak = 0;
    const started: number[] = [];
    const results = await Promise.allSettled(
      Array.from({ length: 10 }, (_, i) =>
        inTurn(async () => {
          started.push(i);
          running++;
          peak = Math.max(peak, running);
          await new Promise((r) => setTimeout(r, 5 + (i % 3) * 5));
          running--;
          if (i === 3) throw new Error("boom");
          return i;
        }),
      ),
    );
    expect(peak).toBe(2);
    expect(started).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
    expect(results.filter((r) => r.status === "fulfilled").map((r) => (r as PromiseFulfilledResult<number>).value)).toEqual([0, 1, 2, 4, 5, 6, 7, 8, 9]);
    // Free again afterwards: two start at once.
    let together = 0;
    await Promise.all([1, 2].map(() => inTurn(async () => { together++; await new Promise((r) => setTimeout(r, 5)); expect(together).toBe(2); })));
  });
});
