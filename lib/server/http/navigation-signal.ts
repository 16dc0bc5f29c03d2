/** redirect()/notFound()/forbidden() from next/navigation are thrown on purpose: let them through. */
export function isNavigationSignal(err: unknown): boolean {
  const digest = err && typeof err === "object" && "digest" in err ? (err as { digest: unknown }).digest : undefined;
  return typeof digest === "string" && /^NEXT_/.test(digest);
}
