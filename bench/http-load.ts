// A small HTTP load generator: `concurrency` keep-alive connections, each sending the next
// request as soon as the previous answer arrived, for a fixed wall-clock window.
import http from "node:http";

export interface LoadResult {
  requests: number;
  perSecond: number;
  errors: number;
  p50Ms: number;
  p99Ms: number;
}

export async function hammer(input: {
  port: number;
  path: string;
  method: "GET" | "POST";
  body?: Uint8Array | (() => Uint8Array);
  headers?: Record<string, string>;
  concurrency: number;
  ms: number;
  check?: (status: number, body: Buffer) => boolean;
}): Promise<LoadResult> {
  const agent = new http.Agent({ keepAlive: true, maxSockets: input.concurrency });
  const latencies: number[] = [];
  let errors = 0;
  const deadline = performance.now() + input.ms;
  const once = () =>
    new Promise<void>((resolve) => {
      const body = typeof input.body === "function" ? input.body() : input.body;
      const started = performance.now();
      const req = http.request(
        { host: "127.0.0.1", port: input.port, path: input.path, method: input.method, agent, headers: { ...input.headers, ...(body ? { "Content-Length": body.length } : {}) } },
        (res) => {
          const chunks: Buffer[] = [];
          res.on("data", (c: Buffer) => chunks.push(c));
          res.on("end", () => {
            latencies.push(performance.now() - started);
            if (input.check && !input.check(res.statusCode ?? 0, Buffer.concat(chunks))) errors++;
            resolve();
          });
        },
      );
      req.on("error", () => {
        errors++;
        resolve();
      });
      req.end(body);
    });
  const start = performance.now();
  await Promise.all(
    Array.from({ length: input.concurrency }, async () => {
      while (performance.now() < deadline) await once();
    }),
  );
  const elapsed = performance.now() - start;
  agent.destroy();
  latencies.sort((a, b) => a - b);
  const at = (q: number) => latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))] ?? 0;
  return { requests: latencies.length, perSecond: (latencies.length * 1000) / elapsed, errors, p50Ms: at(0.5), p99Ms: at(0.99) };
}
