import { defineMessages } from "../define-messages";

// 授权用章 (issue 14): an enterprise seal granted to members' enterprise signing certificates (企业印章 page).
export const sealGrants = defineMessages({
  "zh-CN": {
    column: "授权使用",
    grant: "授权使用",
    pick: "成员证书",
    pickPlaceholder: "选择成员的签名证书",
    submit: "授权",
    withdraw: "撤销授权",
    confirmWithdraw: "撤销后该证书不能再使用此印章。",
    back: "返回",
    bound: "{name}（绑定证书）",
    holder: "{name} · {serial}",
    noCandidates: "没有可授权的成员证书",
    memberHint: "企业印章由管理员或印章管理员办理和授权；授权给您的证书后，扫码签章时可选用。",
    errors: {
      notApproved: "印章生效后才能授权使用",
      noCertificate: "请选择本企业成员有效的签名证书",
      alreadyGranted: "该证书已可使用此印章",
      notGranted: "该证书没有此印章的使用授权",
    },
  },
  en: {
    column: "Who may use it",
    grant: "Grant use",
    pick: "Member's certificate",
    pickPlaceholder: "Choose a member's signing certificate",
    submit: "Grant",
    withdraw: "Withdraw",
    confirmWithdraw: "That certificate can no longer use this seal.",
    back: "Back",
    bound: "{name} (bound certificate)",
    holder: "{name} · {serial}",
    noCandidates: "No member certificate to grant",
    memberHint: "The administrator or a seal administrator makes the enterprise's seals and grants their use; once granted to your certificate you can pick it when you sign by scan.",
    errors: {
      notApproved: "A seal can be granted once it is active",
      noCertificate: "Choose a valid signing certificate of a member of this enterprise",
      alreadyGranted: "That certificate can already use this seal",
      notGranted: "That certificate has no grant for this seal",
    },
  },
});
