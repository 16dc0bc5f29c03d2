import { holderOfOrder } from "@/lib/server/orders/holder-of-order";

/** The numbers a chosen PIN must not be made of: the certificate holder's ID and phone, and the account's phone. */
export function pinHolderOfOrder(order: { subjectType: "UNIT" | "INDIVIDUAL"; draft: unknown; user: { phone: string } }) {
  try {
    const holder = holderOfOrder(order);
    return { idNumber: holder.idNumber, phone: `${holder.phone} ${order.user.phone}` };
  } catch {
    return { phone: order.user.phone };
  }
}
