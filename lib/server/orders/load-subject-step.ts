import { getAccountRealName } from "@/lib/server/identity/get-account-real-name";
import { findAccountEmail } from "./find-account-email";
import { findOpenStepCheck } from "./find-open-step-check";
import { readDraft } from "./order-draft.types";
import { stepBefore, wizardPath } from "./wizard-steps";
import type { WizardStepContext } from "./wizard-order.types";

/** Step 2: the enterprise (unit) or the person (individual) entered so far, and its open identity check. */
export async function loadSubjectStep({ user, order }: WizardStepContext) {
  const draft = readDraft(order.draft);
  const isUnit = order.subjectType === "UNIT";
  // 实名认证 once: a new individual application starts with the account's verified name and its own number; the
  // same person on that number is not checked again (savePersonStep → reuseAccountRealName).
  const account = isUnit || draft.person ? null : await getAccountRealName({ userId: user.id });
  // A new person step starts from the account: its phone, the e-mail it last gave and its verified name (not typed again).
  const person =
    draft.person ??
    (isUnit
      ? undefined
      : { phone: user.phone, email: (await findAccountEmail({ userId: user.id })) ?? undefined, ...(account?.realName ? { name: account.realName } : {}) });
  return {
    orderId: order.id,
    isUnit,
    method: order.verificationMethod ?? (isUnit ? ("CORP_DEPOSIT" as const) : ("PHONE3" as const)),
    initialCheck: order.offline ? null : await findOpenStepCheck({ orderId: order.id, checkId: draft.checks?.subject }),
    // Only a new application may go on paper; a renewal or revocation is online throughout.
    canOffline: Boolean(order.channel.mailingAddress) && !order.offline && order.kind === "NEW",
    backHref: wizardPath(order, stepBefore(order, isUnit ? "enterprise" : "person")),
    enterprise: draft.enterprise,
    person,
    isChange: order.kind === "CHANGE",
  };
}
