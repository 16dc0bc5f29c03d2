import { createServer, type IncomingHttpHeaders } from "node:http";
import type { AddressInfo } from "node:net";

export type StubRequest = { method: string; url: string; headers: IncomingHttpHeaders; body: string };
export type StubAnswer = { status?: number; headers?: Record<string, string>; body: unknown };

/**
 * A local HTTP stand-in for an SMS gateway's endpoint (127.0.0.1, random port): it records each
 * request exactly as the SDK sent it and answers with the next queued answer (JSON).
 */
export async function startGatewayStub() {
  const requests: StubRequest[] = [];
  const answers: StubAnswer[] = [];
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      requests.push({ method: req.method ?? "", url: req.url ?? "", headers: req.headers, body: Buffer.concat(chunks).toString("utf8") });
      const a = answers.shift() ?? { status: 500, body: { error: "no answer queued" } };
      res.writeHead(a.status ?? 200, { "content-type": "application/json;charset=utf-8", ...a.headers });
      res.end(JSON.stringify(a.body));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    port,
    url: `http://127.0.0.1:${port}`,
    requests,
    answer: (a: StubAnswer) => answers.push(a),
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
