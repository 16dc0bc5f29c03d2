import { ORDER_TRANSITION_TYPES } from "@/lib/server/audit/audit-actions";

/**
 * Every OrderEvent type the desk writes: transitionOrder's (each also an audit action) and the events that
 * change no status. The timelines name each one (components/orders/order-event-label.ts), never the code.
 */
export const ORDER_EVENT_TYPES = [...ORDER_TRANSITION_TYPES, "created", "authorization_sent", "authorization_signed", "offline", "fixture"] as const;
export type OrderEventType = (typeof ORDER_EVENT_TYPES)[number];

export function isOrderEventType(type: string): type is OrderEventType {
  return (ORDER_EVENT_TYPES as readonly string[]).includes(type);
}
