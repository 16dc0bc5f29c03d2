import type { OrderStatus } from "@/lib/generated/prisma/enums";
import { Badge, type BadgeTone } from "@/components/ui/badge";
import type { T } from "@/lib/i18n/translate";
import type { MessageKey } from "@/lib/i18n/catalogue";

const TONE: Record<OrderStatus, BadgeTone> = {
  DRAFT: "neutral",
  AWAITING_PAYMENT: "warning",
  AWAITING_PAPER: "warning",
  IN_REVIEW: "info",
  REJECTED: "danger",
  APPROVED: "success",
  COMPLETED: "success",
  CANCELLED: "neutral",
};

export function StatusBadge({ status, t }: { status: OrderStatus; t: T }) {
  return <Badge tone={TONE[status]}>{t(`orders.status.${status}` as MessageKey)}</Badge>;
}
