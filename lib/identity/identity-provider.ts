// A real-name verification service (公安/银联 data through a licensed aggregator such as a bank's
// or a cloud vendor's identity API). To plug one in: implement this interface in
// lib/identity/<name>-identity-provider.ts, add its name to IDENTITY_PROVIDER in lib/env.ts and
// return it from getIdentityProvider(). Inputs arrive already format-checked (lib/validators).

export type IdentityMethod = "CORP_DEPOSIT" | "PERSONAL_DEPOSIT" | "PHONE3" | "BANK4" | "FACE";

/** Why a provider said no. Stable codes: the desk translates them (identity.failReason.*). */
export type IdentityFailReason =
  | "name_id_mismatch" // 姓名与身份证号不一致
  | "phone_mismatch" // 手机号不是本人实名登记的号码
  | "card_mismatch" // 银行卡与姓名、身份证号或预留手机号不一致
  | "account_rejected" // 打款失败：账户不存在、户名不符或已销户
  | "face_mismatch" // 人脸与身份证照片不是同一人
  | "code_attempts_exceeded" // 打款验证码错误次数过多
  | "expired"; // 未在有效期内完成

export type VerifyResult = { ok: true; providerRef?: string } | { ok: false; reason: IdentityFailReason; providerRef?: string };

export type Person = { name: string; idNumber: string };

export interface IdentityProvider {
  readonly name: string;
  /** 手机号三要素: the number is registered with the carrier to this person. */
  verifyPhone3(input: Person & { phone: string }): Promise<VerifyResult>;
  /** 银行卡四要素: the card belongs to this person and the bank has this phone on file. */
  verifyBank4(input: Person & { bankCard: string; phone: string }): Promise<VerifyResult>;
  /**
   * 小额打款: transfers 0.01 yuan with `memo` (which carries our 6-digit code) to the account; the
   * holder proves control by reading the memo back to us. `noticePhone` is only used by the sandbox
   * bank, which texts the incoming-transfer notice a real bank would.
   */
  sendMicroDeposit(input: {
    kind: "corporate" | "personal";
    accountName: string;
    accountNo: string;
    bankName: string;
    memo: string;
    noticePhone?: string;
  }): Promise<VerifyResult>;
  /**
   * 人脸识别: opens a liveness session for this person. Real providers return their own H5 URL
   * (faceUrl) and keep the session on their side; without one the desk serves /m/face/[token].
   */
  startFace(input: Person): Promise<{ providerRef: string; faceUrl?: string }>;
  /** The result of a face session once the person has done it on their phone. */
  getFaceResult(input: { providerRef: string }): Promise<VerifyResult>;
}
