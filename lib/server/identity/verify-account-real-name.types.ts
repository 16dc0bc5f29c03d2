import { z } from "zod";
import { ZIdNumber, ZIdType, ZPersonName } from "@/lib/server/orders/order-fields.types";

// 实名认证 of the account holder: who they are. The phone is not asked: it is the account's own
// number, which the three-element check ties to this person (shared by the desk and phone forms).
export const ZVerifyAccountRealNameSchema = z.object({ name: ZPersonName, idType: ZIdType, idNumber: ZIdNumber });
export type TVerifyAccountRealName = z.infer<typeof ZVerifyAccountRealNameSchema>;

/** The account's real-name status as the desk and phone show it: never the full ID number. */
export type AccountRealName = {
  isVerified: boolean;
  realName: string | null;
  idNumberMasked: string | null;
  verifiedAt: string | null;
};

export type VerifyAccountRealNameResult = {
  status: "PASSED" | "FAILED";
  checkId: string;
  /** identity.failReason.* when FAILED. */
  failReason?: string;
  account: AccountRealName;
};
