import { PkiError } from "@/lib/pki/errors";
import { AppError } from "@/lib/errors";

/**
 * Runs one server step of the two-party protocol. A PkiError there means the phone sent a point
 * off the curve or a scalar out of range: the request is invalid (422), not a server fault.
 */
export function twoPartyCall<T>(step: () => T): T {
  try {
    return step();
  } catch (error) {
    if (error instanceof PkiError) throw new AppError("validation_failed", { fields: { request: [error.message] }, cause: error });
    throw error;
  }
}
