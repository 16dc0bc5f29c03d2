// The phone app's calls to /api/m/*. Errors arrive as { error: { code, message } } in the user's
// language and are thrown as they are, for the form to show.
export type PhoneApiError = { code: string; message: string; fields?: Record<string, string[]>; retryAfter?: number; params?: Record<string, string | number> };

export async function phoneApi<T>(path: string, body: unknown): Promise<T> {
  return call<T>(path, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body), cache: "no-store" });
}

/** A GET of /api/m/* (nothing cached), with the same error shape. */
export function phoneGet<T>(path: string): Promise<T> {
  return call<T>(path, { method: "GET", cache: "no-store" });
}

async function call<T>(path: string, init: RequestInit): Promise<T> {
  let res: Response;
  try {
    res = await fetch(path, init);
  } catch {
    throw { code: "network", message: "" } satisfies PhoneApiError;
  }
  const data = (await res.json().catch(() => ({}))) as { error?: PhoneApiError } & T;
  if (!res.ok) throw data.error ?? ({ code: "internal", message: res.statusText } satisfies PhoneApiError);
  return data;
}
