import { PaymentProvider } from "@/lib/generated/prisma/enums";
import { AppError } from "@/lib/errors";
import { findSandboxPayment } from "./find-sandbox-payment";
import { markPaymentSucceeded } from "./mark-payment-succeeded";

/** The sandbox "pay" button: the sandbox's stand-in for the acquirer's success notification. */
export async function confirmSandboxPayment({ paymentId }: { paymentId: string }) {
  const page = await findSandboxPayment({ paymentId });
  if (!page) throw new AppError("not_found");
  if (page.status !== "PENDING" && page.status !== "SUCCEEDED") throw new AppError("gone", { userMessage: "payments.sandboxPay.notPayable" });
  const result = await markPaymentSucceeded({ paymentId, provider: PaymentProvider.sandbox });
  return { ...result, page: (await findSandboxPayment({ paymentId }))! };
}
