// The glossary: one name per thing across the desk, the console, the phone, SMS and e-mail (issue 18,
// friction 6). Each entry names the thing, the catalogue key that holds its name (pages take the name
// from there, never from a copy of their own) and the words a newcomer saw for the same thing, which the
// Chinese catalogue and the SMS texts must not use (tests/unit/i18n/glossary.test.ts).
//
// Words that look alike but are other things stay allowed: 核验未通过 is an identity check that failed,
// not a reviewer's 驳回; 拒绝 is an enterprise's answer (legal representative or administrator) to a member's
// request, paired with 同意, not the CA's 驳回; 身份验证器 is the authenticator app; 打款验证码 is the code in a deposit's remark.

export type GlossaryEntry = {
  /** What the word means here. */
  thing: string;
  /** The Chinese name, as the catalogue writes it. */
  zh: string;
  /** The catalogue key (or the map of keys, one per enum value) that holds the name. */
  key?: string;
  /** Other catalogue maps keyed by the same enum that are not names (descriptions, hints): allowed. */
  otherMaps?: readonly string[];
  /** The enum whose values `key` names (checked: only `key` and `otherMaps` may be keyed by all of them). */
  enumName?: string;
  /** Synonyms and old names that must not appear in the Chinese texts. */
  notThis: readonly RegExp[];
};

export const GLOSSARY: readonly GlossaryEntry[] = [
  {
    thing: "a CA reviewer's or operator's refusal of an application or request, with a reason the applicant reads",
    zh: "驳回",
    key: "terms.reject",
    notThis: [/退回/, /审核驳回/, /审核不通过/, /审核未通过/],
  },
  {
    thing: "the reason given with a 驳回",
    zh: "驳回原因",
    key: "terms.rejectReason",
    notThis: [/退回原因/],
  },
  {
    thing: "an order's status (desk, console, phone, notices)",
    zh: "未完成 / 待支付 / 待收纸质材料 / 审核中 / 已驳回 / 已通过 / 已完成 / 已取消",
    key: "orders.status",
    enumName: "OrderStatus",
    // The queue filter of the console keys its options by status but takes the labels from orders.status.
    notThis: [/已退回/, /被退回/],
  },
  {
    thing: "how a subject's identity is verified (the method a wizard offers, the console shows, the home page lists)",
    zh: "对公账户打款 / 个人账户打款 / 手机号三要素 / 银行卡四要素 / 人脸识别",
    key: "identity.method",
    enumName: "VerificationMethod",
    otherMaps: ["wizard.method.unitNeeds", "wizard.method.personNeeds"],
    notThis: [/对公打款/, /个人银行账户打款/, /手机号实名核验/, /银行卡核验/, /三要素验证/, /四要素验证/],
  },
  {
    thing: "the choice among those methods",
    zh: "核验方式",
    key: "terms.method",
    notThis: [/认证方式/, /验证方式/],
  },
  {
    thing: "an identity check on a deposit into an account",
    zh: "打款核验",
    notThis: [/打款验证(?!码)/],
  },
  {
    thing: "the branch of the bank that holds an account",
    zh: "开户支行",
    key: "terms.bankBranch",
    notThis: [/开户网点/],
  },
  {
    thing: "a kind of uploaded material",
    zh: "营业执照 / 法定代表人授权书 / 身份证人像面 …",
    key: "materials.kind",
    enumName: "MaterialKind",
    notThis: [/授权委托书/],
  },
  {
    thing: "whom an identity check is about",
    zh: "单位 / 法定代表人 / 经办人 / 申请人",
    key: "identity.role",
    enumName: "CheckRole",
    otherMaps: ["wizard.verify.which"],
    notThis: [],
  },
  {
    thing: "an identity check's outcome",
    zh: "进行中 / 已通过 / 未通过 / 已过期",
    key: "identity.status",
    enumName: "CheckStatus",
    notThis: [],
  },
  {
    thing: "a certificate's medium",
    zh: "云证书 / USB Key",
    key: "orders.medium",
    enumName: "CertMedium",
    notThis: [],
  },
  {
    thing: "the user agreement every account accepts",
    zh: "云证书用户服务协议",
    key: "help.articles.agreement.title",
    notThis: [/云证书服务台用户服务协议/, /《用户服务协议》/],
  },
  {
    thing: "the privacy policy",
    zh: "云证书隐私政策",
    key: "help.articles.privacy.title",
    notThis: [/《隐私政策》/],
  },
];
