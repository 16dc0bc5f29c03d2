import { createPdfDocument } from "@/lib/pdf/create-document";
import { translator } from "@/lib/i18n/translate";
import { authorizationLetter } from "./authorization-letter";
import { getOrderForUser } from "./get-order-for-user";

/** The authorization letter pre-filled for this order, to print, sign, stamp and upload. */
export async function renderAuthorizationTemplate({ userId, orderId }: { userId: string; orderId: string }) {
  const order = await getOrderForUser({ userId, orderId });
  const letter = authorizationLetter(order);
  const t = translator("zh-CN");
  const bytes = await createPdfDocument({
    title: letter.title,
    sections: [{ lines: letter.text.split("\n") }, { lines: [t("wizard.authorization.stampLine"), t("wizard.authorization.signLine"), t("wizard.form.date")] }],
  });
  return { bytes, filename: `${order.no}-authorization.pdf` };
}
