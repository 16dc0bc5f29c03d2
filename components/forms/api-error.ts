export type ApiError = { code: string; message: string; fields?: Record<string, string[]>; retryAfter?: number };

/** POSTs JSON; returns the body, or throws the API's `{ error }` (already in the user's language). */
export async function postJson<T>(url: string, body: unknown): Promise<T> {
  const res = await fetch(url, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) });
  const data = (await res.json().catch(() => ({}))) as { error?: ApiError } & T;
  if (!res.ok) throw data.error ?? ({ code: "internal", message: res.statusText } satisfies ApiError);
  return data;
}

/** next-auth hands back our JSON-encoded error as a string. */
export function parseAuthError(error: string): ApiError {
  try {
    return JSON.parse(error) as ApiError;
  } catch {
    return { code: "unauthenticated", message: error };
  }
}
