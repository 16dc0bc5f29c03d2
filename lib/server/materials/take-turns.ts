/**
 * At most `max` runs at once in this process; the others wait in order. For work whose memory is
 * bounded per run but not across runs (decoding an image, parsing a PDF in a worker): a burst of
 * uploads queues instead of multiplying the peak. Per process and stateless across instances.
 */
export function takeTurns(max: number): <T>(run: () => Promise<T>) => Promise<T> {
  let running = 0;
  const waiting: Array<() => void> = [];
  return async (run) => {
    if (running >= max) await new Promise<void>((resolve) => waiting.push(resolve));
    else running++;
    try {
      return await run();
    } finally {
      const next = waiting.shift();
      if (next) next(); // the slot passes straight to the next in line
      else running--;
    }
  };
}
