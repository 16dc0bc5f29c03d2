import { NextResponse } from "next/server";
import { AppError } from "@/lib/errors";
import { toErrorResponse } from "./error-response";
import { requestLocale } from "./guarded-route";

const METHODS = ["GET", "POST", "PUT", "PATCH", "DELETE"] as const;
type Method = (typeof METHODS)[number];
type Handler = (req: Request) => Promise<NextResponse>;

/**
 * The platform API answers a method a path does not serve with the JSON error body and an Allow
 * header (Next.js alone answers an empty 405). A route file under /api/v1 spreads this over the
 * methods it does not export: `export const { PUT, PATCH, DELETE } = methodsNotAllowed(["GET", "POST"])`.
 * These are no handlers of their own (they never run domain code), so the route table does not list them.
 */
export function methodsNotAllowed(allowed: readonly Method[]): Record<Method, Handler> {
  const allow = [...allowed, ...(allowed.includes("GET") ? ["HEAD"] : []), "OPTIONS"].join(", ");
  const handler: Handler = async (req) => {
    const res = toErrorResponse(new AppError("method_not_allowed"), requestLocale(req));
    res.headers.set("Allow", allow);
    return res;
  };
  // Every method maps to the 405 handler; a route destructures only those it does not serve.
  return Object.fromEntries(METHODS.map((m) => [m, handler])) as Record<Method, Handler>;
}
