import type { ErrorBody } from "./describe-error";

export type ActionResult<T = undefined> = { ok: true; data: T } | { ok: false; error: ErrorBody };
