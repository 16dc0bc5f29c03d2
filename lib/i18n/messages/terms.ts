import { defineMessages } from "../define-messages";

// Names used on many pages (lib/i18n/glossary.ts says which key holds each thing's name).
export const terms = defineMessages({
  "zh-CN": {
    reject: "驳回",
    rejected: "已驳回",
    rejectReason: "驳回原因",
    method: "核验方式",
    bankBranch: "开户支行",
    // The legal representative's own check, as the home page and the unit wizard name it.
    legalRepMethod: "法定代表人{method}",
    agreement: {
      application: "数字证书申请及服务协议",
      cps: "电子认证业务规则",
    },
    agreementVersion: "版本 {version}",
    openAgreementPage: "在新页面打开全文",
  },
  en: {
    reject: "Reject",
    rejected: "Rejected",
    rejectReason: "Reason for rejection",
    method: "Verification method",
    bankBranch: "Branch",
    legalRepMethod: "Legal representative's {method}",
    agreement: {
      application: "Certificate Application and Service Agreement",
      cps: "Certification Practice Statement",
    },
    agreementVersion: "Version {version}",
    openAgreementPage: "Open the full text in a new page",
  },
});
