import { nonceTimeMs } from "@/lib/pki/two-party";
import { AppError } from "@/lib/errors";

/**
 * How far a two-party nonce's time may be from the server's clock, either way. Phones set their
 * clock from the network and are rarely more than a minute or two off; ten minutes leaves room for
 * one that is a few minutes wrong while keeping the set of nonces to remember small.
 */
export const NONCE_WINDOW_MS = 10 * 60_000;

/**
 * How long a recorded nonce is kept. A nonce accepted at server time T has a time ≥ T − window, so
 * it is refused as stale from T + 2·window on; the extra margin covers clocks differing between
 * instances and the database.
 */
export const NONCE_KEEP_MS = 2 * NONCE_WINDOW_MS + 10 * 60_000;

/**
 * Refuses a message whose nonce was not made within the window around `now`: an old message
 * replayed after its UsedNonce row was pruned, or one from a phone whose clock is wrong (the
 * message tells the user to check it).
 */
export function assertFreshNonce(nonce: string, now: Date = new Date()): void {
  let madeAt: number;
  try {
    madeAt = nonceTimeMs(nonce);
  } catch {
    throw new AppError("validation_failed", { fields: { nonce: ["expected a 16-byte nonce in hex"] } });
  }
  if (Math.abs(madeAt - now.getTime()) > NONCE_WINDOW_MS) {
    throw new AppError("validation_failed", {
      userMessage: "errors.phoneClockOff",
      params: { minutes: NONCE_WINDOW_MS / 60_000 },
      fields: { nonce: ["errors.phoneClockOff"] },
    });
  }
}
