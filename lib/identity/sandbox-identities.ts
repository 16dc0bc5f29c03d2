import type { IdentityFailReason, IdentityMethod } from "./identity-provider";

// The sandbox's documented test identities (also listed on /help/sandbox). The sandbox applies the
// real format checks (GB 11643 ID check digit, Luhn, GB 32100 USCC), then passes every well-formed
// input EXCEPT these failing values, so a tester can produce each failure on purpose.

/** Well-formed ID number (GB 11643 example, born 1880) the "police database" does not match to any name. */
export const SANDBOX_FAIL_ID_NUMBER = "440524188001010014";
/** Phone number that never belongs to the person (three-element check fails). */
export const SANDBOX_FAIL_PHONE = "17000000000";
/**
 * UnionPay-format card (Luhn-valid) that always fails: the four-element check reports a mismatch and
 * a personal micro-deposit to it bounces.
 */
export const SANDBOX_FAIL_BANK_CARD = "6200000000000047";
/** Corporate account number to which every micro-deposit bounces. */
export const SANDBOX_FAIL_CORP_ACCOUNT = "11111111111111111111";
/** A person whose live face never matches the ID photo (face check fails). */
export const SANDBOX_FACE_FAIL_ID_NUMBER = "110101199003070011";

export type SandboxIdentity = {
  method: IdentityMethod;
  expect: "PASSED" | "FAILED";
  reason?: IdentityFailReason;
  subject: Record<string, string>;
};

// A passing person: the GB 11643 example number, a mobile number, the UnionPay test card.
const ZHANG = { name: "张三", idNumber: "11010519491231002X", phone: "13800138000" };
const PASS_CARD = "6200000000000005";
const UNIT = { name: "沙箱测试科技有限公司", uscc: "91350100M000100Y43" };

export const SANDBOX_IDENTITIES: SandboxIdentity[] = [
  { method: "PHONE3", expect: "PASSED", subject: ZHANG },
  { method: "PHONE3", expect: "FAILED", reason: "phone_mismatch", subject: { ...ZHANG, phone: SANDBOX_FAIL_PHONE } },
  { method: "PHONE3", expect: "FAILED", reason: "name_id_mismatch", subject: { ...ZHANG, name: "李四", idNumber: SANDBOX_FAIL_ID_NUMBER } },
  { method: "BANK4", expect: "PASSED", subject: { ...ZHANG, bankCard: PASS_CARD } },
  { method: "BANK4", expect: "FAILED", reason: "card_mismatch", subject: { ...ZHANG, bankCard: SANDBOX_FAIL_BANK_CARD } },
  { method: "BANK4", expect: "FAILED", reason: "name_id_mismatch", subject: { ...ZHANG, idNumber: SANDBOX_FAIL_ID_NUMBER, bankCard: PASS_CARD } },
  { method: "FACE", expect: "PASSED", subject: { name: ZHANG.name, idNumber: ZHANG.idNumber } },
  { method: "FACE", expect: "FAILED", reason: "face_mismatch", subject: { name: "王五", idNumber: SANDBOX_FACE_FAIL_ID_NUMBER } },
  {
    method: "CORP_DEPOSIT",
    expect: "PASSED",
    subject: { ...UNIT, bankName: "中国工商银行", bankBranch: "北京分行营业部", bankAccount: "0200001009000012345" },
  },
  {
    method: "CORP_DEPOSIT",
    expect: "FAILED",
    reason: "account_rejected",
    subject: { ...UNIT, bankName: "中国工商银行", bankBranch: "北京分行营业部", bankAccount: SANDBOX_FAIL_CORP_ACCOUNT },
  },
  { method: "PERSONAL_DEPOSIT", expect: "PASSED", subject: { name: ZHANG.name, idNumber: ZHANG.idNumber, bankName: "中国银联测试银行", bankCard: PASS_CARD } },
  {
    method: "PERSONAL_DEPOSIT",
    expect: "FAILED",
    reason: "account_rejected",
    subject: { name: ZHANG.name, idNumber: ZHANG.idNumber, bankName: "中国银联测试银行", bankCard: SANDBOX_FAIL_BANK_CARD },
  },
];
