// Shared timing loop for bench modules: warm up, then count calls for a fixed wall-clock window.
export interface BenchResult {
  name: string;
  value: number;
  unit: string;
  note?: string;
  /** A target of issue 15: run.ts prints every one with its figure and PASS/FAIL at the end. */
  target?: { op: ">=" | "<"; value: number; label: string };
}

export async function opsPerSecond(fn: () => unknown | Promise<unknown>, ms = 2000): Promise<number> {
  const warmUntil = performance.now() + Math.min(300, ms / 4);
  while (performance.now() < warmUntil) await fn();
  let count = 0;
  const start = performance.now();
  let now = start;
  while (now - start < ms) {
    await fn();
    count++;
    now = performance.now();
  }
  return (count * 1000) / (now - start);
}
