import type { Order } from "@/lib/generated/prisma/client";
import { methodName } from "@/components/identity/method-name";
import { Card } from "@/components/ui/card";
import { ButtonLink } from "@/components/ui/button";
import { formatFen } from "@/components/orders/format-fen";
import type { MessageKey } from "@/lib/i18n/catalogue";
import { getT } from "@/lib/i18n/server";
import { maskBankCard, maskIdNumber } from "@/lib/validators/mask";
import { readDraft } from "@/lib/server/orders/order-draft.types";
import { wizardPath } from "@/lib/server/orders/wizard-steps";
import styles from "./wizard.module.css";

type Row = [string, string | null | undefined];

/** The read-only summary of everything entered, with a link back to each step. */
export async function ConfirmView({ order, platformName }: { order: Order; platformName: string | null }) {
  const t = await getT();
  const { enterprise, person, handler, goods } = readDraft(order.draft);
  const edit = (step: string) => (
    <ButtonLink href={wizardPath(order, step)} variant="ghost" size="sm">
      {t("wizard.confirm.edit")}
    </ButtonLink>
  );
  const section = (title: string, step: string, rows: Row[]) => (
    <Card title={title} actions={edit(step)} headingLevel={2}>
      <dl className={styles.dl}>
        {rows.filter(([, v]) => v).map(([k, v]) => (
          <div key={k} style={{ display: "contents" }}>
            <dt>{k}</dt>
            <dd>{v}</dd>
          </div>
        ))}
      </dl>
    </Card>
  );
  return (
    <>
      {section(t("wizard.confirm.method"), "method", [[t("wizard.method.label"), order.verificationMethod ? methodName(t, order.verificationMethod, { isLegalRep: order.subjectType === "UNIT" }) : null]])}
      {enterprise &&
        section(t("wizard.confirm.enterprise"), "enterprise", [
          [t("wizard.enterprise.name"), enterprise.name],
          [t("wizard.enterprise.uscc"), enterprise.uscc],
          [t("wizard.enterprise.legalRepName"), enterprise.legalRepName],
          [t("wizard.enterprise.legalRepIdNumber"), maskIdNumber(enterprise.legalRepIdNumber)],
          [t("wizard.enterprise.legalRepPhone"), enterprise.legalRepPhone],
          [t("wizard.enterprise.bankAccount"), enterprise.bankAccount],
          [t("wizard.enterprise.bankName"), [enterprise.bankName, enterprise.bankBranch].filter(Boolean).join(" ")],
        ])}
      {person &&
        section(t("wizard.confirm.person"), "person", [
          [t("wizard.person.name"), person.name],
          [t("wizard.person.idNumber"), maskIdNumber(person.idNumber)],
          [t("wizard.person.phone"), person.phone],
          [t("wizard.person.email"), person.email],
          [t("wizard.person.bankCard"), person.bankCard ? maskBankCard(person.bankCard) : null],
        ])}
      {handler &&
        section(t("wizard.confirm.handler"), "handler", [
          [t("wizard.handler.name"), handler.isLegalRep ? `${handler.name}（${t("wizard.confirm.legalRepHandles")}）` : handler.name],
          [t("wizard.handler.idNumber"), maskIdNumber(handler.idNumber)],
          [t("wizard.handler.phone"), handler.phone],
          [t("wizard.handler.email"), handler.email],
          [t("wizard.handler.method"), methodName(t, handler.method)],
        ])}
      {goods &&
        section(t("wizard.confirm.goods"), "goods", [
          [t("wizard.goods.certName"), order.subjectType === "UNIT" ? t("wizard.goods.certUnit") : t("wizard.goods.certIndividual")],
          [t("wizard.goods.years"), t("orders.detail.years", { years: goods.years })],
          [t("wizard.goods.medium"), t(`orders.medium.${goods.medium}`)],
          [t("wizard.goods.shippingTitle"), goods.shipping ? `${goods.shipping.recipient} ${goods.shipping.phone} ${goods.shipping.address}` : null],
          [t("wizard.goods.platform"), platformName],
          [t("wizard.confirm.invoice"), goods.invoice.wanted ? (enterprise?.name ?? person?.name) : t("wizard.goods.invoiceNone")],
          [t("wizard.goods.total"), formatFen(order.priceFen ?? 0)],
        ])}
    </>
  );
}
