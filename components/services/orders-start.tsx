import { ButtonLink } from "@/components/ui/button";
import { getT } from "@/lib/i18n/server";

/** Start panel of the services that act on an existing certificate: they begin under Orders. */
export async function OrdersStart() {
  const t = await getT();
  return (
    <>
      <p>{t("services.fromOrdersNote")}</p>
      <ButtonLink href="/orders" block size="lg">
        {t("services.toOrders")}
      </ButtonLink>
    </>
  );
}
