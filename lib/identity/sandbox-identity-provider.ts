import { randomBytes } from "node:crypto";
import { db } from "@/lib/db/client";
import { maskAccount } from "@/lib/validators/mask";
import type { IdentityProvider, VerifyResult } from "./identity-provider";
import {
  SANDBOX_FACE_FAIL_ID_NUMBER,
  SANDBOX_FAIL_BANK_CARD,
  SANDBOX_FAIL_CORP_ACCOUNT,
  SANDBOX_FAIL_ID_NUMBER,
  SANDBOX_FAIL_PHONE,
} from "./sandbox-identities";

export const SANDBOX_BANK_NOTICE_TEMPLATE = "sandbox_bank_notice";

const ref = (kind: string) => `sandbox_${kind}_${randomBytes(9).toString("base64url")}`;
const pass = (kind: string): VerifyResult => ({ ok: true, providerRef: ref(kind) });

/**
 * The offline default. It answers like a real provider for the documented test identities
 * (lib/identity/sandbox-identities.ts) and passes every other well-formed input, so the whole
 * wizard can be walked through without contracts or network.
 */
export const sandboxIdentityProvider: IdentityProvider = {
  name: "sandbox",

  async verifyPhone3({ idNumber, phone }) {
    if (idNumber === SANDBOX_FAIL_ID_NUMBER) return { ok: false, reason: "name_id_mismatch", providerRef: ref("p3") };
    if (phone === SANDBOX_FAIL_PHONE) return { ok: false, reason: "phone_mismatch", providerRef: ref("p3") };
    return pass("p3");
  },

  async verifyBank4({ idNumber, bankCard, phone }) {
    if (idNumber === SANDBOX_FAIL_ID_NUMBER) return { ok: false, reason: "name_id_mismatch", providerRef: ref("b4") };
    if (bankCard === SANDBOX_FAIL_BANK_CARD || phone === SANDBOX_FAIL_PHONE) return { ok: false, reason: "card_mismatch", providerRef: ref("b4") };
    return pass("b4");
  },

  // The sandbox bank "transfers" by texting the account holder the notice their bank would send;
  // the row's providerRef ties it to the transfer so /sandbox/bank/[checkId] can show it too.
  async sendMicroDeposit({ kind, accountNo, memo, noticePhone }) {
    const providerRef = ref("dep");
    if (accountNo === SANDBOX_FAIL_CORP_ACCOUNT || accountNo === SANDBOX_FAIL_BANK_CARD) {
      return { ok: false, reason: "account_rejected", providerRef };
    }
    const tail = maskAccount(accountNo).slice(-4);
    const body =
      `【沙箱银行】您尾号${tail}的${kind === "corporate" ? "对公" : ""}账户收到转账人民币0.01元，` +
      `付款方：云证书服务台，附言：${memo}。`;
    await db.outboxMessage.create({
      data: { channel: "SMS", to: noticePhone ?? "sandbox-bank", body, template: SANDBOX_BANK_NOTICE_TEMPLATE, provider: "sandbox-bank", providerRef },
    });
    return { ok: true, providerRef };
  },

  // A real provider keeps the session (and so the expected person) on its side. The sandbox has no
  // storage of its own, so its reference carries the outcome it will report: p(ass) or f(ail).
  async startFace({ idNumber }) {
    return { providerRef: `${ref("face")}.${idNumber === SANDBOX_FACE_FAIL_ID_NUMBER || idNumber === SANDBOX_FAIL_ID_NUMBER ? "f" : "p"}` };
  },

  async getFaceResult({ providerRef }) {
    return providerRef.endsWith(".f") ? { ok: false, reason: "face_mismatch", providerRef } : { ok: true, providerRef };
  },
};
