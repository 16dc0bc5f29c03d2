import { AppError } from "@/lib/errors";
import { db } from "@/lib/db/client";
import { advanceStep } from "./advance-step";
import { getDraftOrder } from "./get-draft-order";

/** The renewal's first step (the certificate's information, read-only) is done: on to the next. */
export async function confirmRenewInfo({ userId, orderId }: { userId: string; orderId: string }) {
  return db.$transaction(async (tx) => {
    const order = await getDraftOrder(tx, { userId, orderId });
    if (order.kind !== "RENEW") throw new AppError("not_found");
    return { nextPath: await advanceStep({ orderId, step: "renew-info" }, tx) };
  });
}
