import { env } from "@/lib/env";

/** The hotline shown in the footer, help pages and error pages. */
export function supportPhone(): string {
  return env().SUPPORT_PHONE || "400-000-0000";
}
