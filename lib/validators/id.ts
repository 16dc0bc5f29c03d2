import { z } from "zod";

/** A record id (cuid) or link token as it arrives from a client: bounded, no control characters. */
export const ZId = z.string().min(1).max(64).regex(/^[A-Za-z0-9_-]+$/, "errors.not_found");
