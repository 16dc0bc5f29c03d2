import { AppError } from "@/lib/errors";
import type { OrderStatus } from "@/lib/generated/prisma/enums";

export type BlockingOrder = { id: string; no: string; status: OrderStatus; isMine: boolean };

/** The subject already has an unfinished order; the desk offers to cancel it or continue it. */
export class SubjectBusyError extends AppError {
  readonly blocking: BlockingOrder;
  constructor(blocking: BlockingOrder) {
    super("conflict", {
      userMessage: blocking.isMine ? "orders.errors.subjectBusyMine" : "orders.errors.subjectBusyOther",
      params: { no: blocking.isMine ? blocking.no : "" },
    });
    this.blocking = blocking;
  }
}
