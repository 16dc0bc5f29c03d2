/** The hotline shown in the footer, help pages and error pages. */
export function supportPhone(): string {
  return process.env.SUPPORT_PHONE || "400-000-0000";
}
