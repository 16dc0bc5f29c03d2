// Shared timing loop for bench modules: warm up, then count calls for a fixed wall-clock window.
export interface BenchResult {
  name: string;
  value: number;
  unit: string;
  note?: string;
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
