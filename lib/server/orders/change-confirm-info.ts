import { AppError } from "@/lib/errors";
import { db } from "@/lib/db/client";
import { advanceStep } from "./advance-step";
import { getDraftOrder } from "./get-draft-order";

/** The change's first step (what changes and what it means) is read: on to the subject step. */
export async function confirmChangeInfo({ userId, orderId }: { userId: string; orderId: string }) {
  return db.$transaction(async (tx) => {
    const order = await getDraftOrder(tx, { userId, orderId });
    if (order.kind !== "CHANGE") throw new AppError("not_found");
    return { nextPath: await advanceStep({ orderId, step: "change-info" }, tx) };
  });
}
