// The one message catalogue: each namespace file holds zh-CN (the default) and en side by side.
import { common } from "./messages/common";
import { auth } from "./messages/auth";
import { errors } from "./messages/errors";
import { sms } from "./messages/sms";
import { orders } from "./messages/orders";
import { wizard } from "./messages/wizard";
import { devtools } from "./messages/devtools";
import { scan } from "./messages/scan";
import { shell } from "./messages/shell";
import { landing } from "./messages/landing";
import { services } from "./messages/services";
import { help } from "./messages/help";
import { consoleMessages } from "./messages/console";
import { identity } from "./messages/identity";
import { review } from "./messages/review";
import { phone } from "./messages/phone";
import { materials } from "./messages/materials";
import { payments } from "./messages/payments";
import { scanner } from "./messages/scanner";
import { passkeys } from "./messages/passkeys";
import { orgMembers } from "./messages/org-members";
import { orgRequests } from "./messages/org-requests";
import { orgConsole } from "./messages/org-console";
import { lifecycleLookup } from "./messages/lifecycle-lookup";
import { lifecycleRenew } from "./messages/lifecycle-renew";
import { lifecycleRevoke } from "./messages/lifecycle-revoke";
import { lifecycleChange } from "./messages/lifecycle-change";
import { lifecycleReissue } from "./messages/lifecycle-reissue";
import { seals } from "./messages/seals";
import { sealsUse } from "./messages/seals-use";
import { sealGrants } from "./messages/seal-grants";
import { handoff } from "./messages/handoff";
import { cps } from "./messages/cps";
import { terms } from "./messages/terms";
import { invoices } from "./messages/invoices";
import { me } from "./messages/me";
import { freeSubjects } from "./messages/free-subjects";
import { payAfterApproval } from "./messages/pay-after-approval";
import { shipping } from "./messages/shipping";

const namespaces = { orders, wizard, identity, materials, payments, common, auth, errors, sms, devtools, scan, shell, landing, services, help, console: consoleMessages, review, phone, scanner, passkeys, orgMembers, orgRequests, orgConsole, lifecycleRenew, lifecycleLookup, lifecycleRevoke, lifecycleChange, lifecycleReissue, sealsUse, seals, sealGrants, handoff, cps, terms, invoices, me, freeSubjects, payAfterApproval, shipping };

type Ns = typeof namespaces;
type ZhTree = { [K in keyof Ns]: Ns[K]["zh-CN"] };

type Leaves<T, P extends string = ""> = {
  [K in keyof T & string]: T[K] extends string ? `${P}${K}` : Leaves<T[K], `${P}${K}.`>;
}[keyof T & string];

export type MessageKey = Leaves<ZhTree>;

function pick(locale: "zh-CN" | "en") {
  return Object.fromEntries(Object.entries(namespaces).map(([k, v]) => [k, v[locale]])) as Record<string, unknown>;
}

export const catalogue = { "zh-CN": pick("zh-CN"), en: pick("en") };
