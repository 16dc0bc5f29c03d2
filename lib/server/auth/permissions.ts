import type { Role } from "@/lib/generated/prisma/enums";
import { AppError } from "@/lib/errors";

export const PERMISSIONS = [
  "desk.use", // apply for certificates, manage own orders
  "console.access", // open the review console
  "orders.review", // approve or reject orders
  "orders.viewAll",
  "channels.manage",
  "platforms.manage",
  "users.manage",
  "ca.manage",
  "audit.read",
  "outbox.read", // the outbox page outside demo mode (where an outbox exists: email without SMTP)
  "keys.recover", // approve or reject the recovery of an escrowed encryption key to a new phone
  "orgs.view", // the console's enterprise list and details (members, certificates, requests, audit)
  "orgs.review", // decide enterprise requests that reach the CA (paper administrator transfers)
  "certs.revoke", // revoke a certificate from the console (four-eyes where the channel asks)
  "seals.review", // approve or reject electronic seals (the CA signs the seal structure)
  "invoices.manage", // the console's invoices: see every order's invoices, reverse and re-issue one
  "feedback.answer", // the console's feedback inbox: read users' feedback and answer it
  "shipments.manage", // 发货管理: ship the USB Keys orders bought (carrier, tracking number), mark them delivered
] as const;

export type Permission = (typeof PERMISSIONS)[number];

export const ROLE_PERMISSIONS = {
  APPLICANT: ["desk.use"],
  CA_REVIEWER: ["desk.use", "console.access", "orders.review", "orders.viewAll", "audit.read", "keys.recover", "orgs.view", "orgs.review", "certs.revoke", "seals.review", "invoices.manage", "feedback.answer", "shipments.manage"],
  CA_ADMIN: [
    "desk.use",
    "console.access",
    "orders.review",
    "orders.viewAll",
    "channels.manage",
    "platforms.manage",
    "users.manage",
    "ca.manage",
    "audit.read",
    "outbox.read",
    "keys.recover",
    "orgs.view",
    "orgs.review",
    "certs.revoke",
    "seals.review",
    "invoices.manage",
    "feedback.answer",
    "shipments.manage",
  ],
} as const satisfies Record<Role, readonly Permission[]>;

export function hasPermission(role: Role, permission: Permission): boolean {
  return (ROLE_PERMISSIONS[role] as readonly Permission[]).includes(permission);
}

/** Throws FORBIDDEN unless the role grants the permission. */
export function assertPermission(user: { role: Role }, permission: Permission): void {
  if (!hasPermission(user.role, permission)) throw new AppError("forbidden");
}
