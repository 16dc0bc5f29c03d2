import type { MessageKey } from "@/lib/i18n/catalogue";
import type { T } from "@/lib/i18n/translate";
import { isOrderEventType, type OrderEventType } from "@/lib/server/orders/order-event-types";

// One label per event type: a type without one does not compile (the timelines showed `downloaded` raw).
const LABEL = {
  created: "orders.events.created",
  submitted: "orders.events.submitted",
  paid: "orders.events.paid",
  paid_auto_approved: "orders.events.paid_auto_approved",
  approved: "orders.events.approved",
  rejected: "orders.events.rejected",
  cancelled: "orders.events.cancelled",
  reapplied: "orders.events.reapplied",
  paper_received: "orders.events.paper_received",
  sandbox_test_order: "orders.events.sandbox_test_order",
  downloaded: "orders.events.downloaded",
  revoked: "orders.events.revoked",
  authorization_sent: "orders.events.authorization_sent",
  authorization_signed: "orders.events.authorization_signed",
  offline: "orders.events.offline",
  fixture: "orders.events.fixture",
} as const satisfies Record<OrderEventType, MessageKey>;

/** What an order event is called on the desk's 办理进度 and the console's 订单时间线. */
export function orderEventLabel(t: T, type: string): string {
  return t(isOrderEventType(type) ? LABEL[type] : "orders.events.other");
}

/** Event notes the console shows: a 驳回's reason and the serials a download or revocation produced (the rest are internal). */
export function isNoteShown(type: string): boolean {
  return type === "rejected" || type === "downloaded" || type === "revoked";
}
