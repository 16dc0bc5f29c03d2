import { forbidden, notFound } from "next/navigation";
import { isAppError } from "@/lib/errors";

/** A page of the enterprise area: the domain's NOT_FOUND is the 404 page, FORBIDDEN the 403 page. */
export async function orgPage<T>(load: Promise<T>): Promise<T> {
  try {
    return await load;
  } catch (err) {
    if (isAppError(err) && err.code === "not_found") notFound();
    if (isAppError(err) && err.code === "forbidden") forbidden();
    throw err;
  }
}
