import { z } from "zod";
import { ZCorpAccount, ZIdNumber, ZIdType, ZPersonName, ZRequiredText, ZUscc } from "@/lib/server/orders/order-fields.types";

/** 仅认证企业（对公打款）: the enterprise, its legal representative and the corporate account the desk pays into. */
export const ZStartEnterpriseVerification = z.object({
  name: ZRequiredText(100),
  uscc: ZUscc.transform((v) => v.toUpperCase()),
  legalRepName: ZPersonName,
  legalRepIdType: ZIdType,
  legalRepIdNumber: ZIdNumber,
  bankAccount: ZCorpAccount,
  bankName: ZRequiredText(60),
  bankBranch: ZRequiredText(100),
});
export type TStartEnterpriseVerification = z.input<typeof ZStartEnterpriseVerification>;
