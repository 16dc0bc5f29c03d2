import { env } from "@/lib/env";

type Trust = { roots: Uint8Array[]; intermediates: Uint8Array[]; at: number };
let cached: Trust | null = null;

/**
 * The CA certificates a relying party trusts, fetched from the desk's public repository
 * (/pki/ca, then each /pki/ca/<id>.cer): roots are the anchors, issuing CAs help build the path.
 * Kept for five minutes, as a platform would cache them.
 */
export async function fetchCaTrust(): Promise<Trust> {
  if (cached && Date.now() - cached.at < 300_000) return cached;
  const index = (await (await fetch(`${env().APP_URL}/pki/ca`, { cache: "no-store" })).json()) as { cas: Array<{ kind: string; certificateUrl: string }> };
  const load = async (url: string) => new Uint8Array(await (await fetch(url, { cache: "no-store" })).arrayBuffer());
  const roots = await Promise.all(index.cas.filter((c) => c.kind === "ROOT").map((c) => load(c.certificateUrl)));
  const intermediates = await Promise.all(index.cas.filter((c) => c.kind === "ISSUING").map((c) => load(c.certificateUrl)));
  cached = { roots, intermediates, at: Date.now() };
  return cached;
}
