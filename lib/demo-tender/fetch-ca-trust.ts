import { getDemoCaCertificate, getDemoCaIndex } from "./platform-api";

type Trust = { roots: Uint8Array[]; intermediates: Uint8Array[]; at: number };
let cached: Trust | null = null;

/**
 * The CA certificates a relying party trusts, fetched from the desk's public repository with the
 * typed client (GET /pki/ca, then each /pki/ca/{file}): roots are the anchors, issuing CAs help build
 * the path. Kept for five minutes, as a platform would cache them.
 */
export async function fetchCaTrust(): Promise<Trust> {
  if (cached && Date.now() - cached.at < 300_000) return cached;
  const { cas } = await getDemoCaIndex();
  // certificateUrl is <desk>/pki/ca/<file>: the file names the certificate.
  const load = (url: string) => getDemoCaCertificate(new URL(url).pathname.split("/").pop()!);
  const roots = await Promise.all(cas.filter((c) => c.kind === "ROOT").map((c) => load(c.certificateUrl)));
  const intermediates = await Promise.all(cas.filter((c) => c.kind === "ISSUING").map((c) => load(c.certificateUrl)));
  cached = { roots, intermediates, at: Date.now() };
  return cached;
}
