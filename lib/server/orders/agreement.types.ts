/** The version of 数字证书申请及服务协议 the applicant signs; bump it with the text in wizard.sign.agreementText. */
export const AGREEMENT_VERSION = "CD-CSA-2026.11";
