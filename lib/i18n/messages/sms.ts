import { defineMessages } from "../define-messages";

// SMS texts. The signature 【云证书服务台】 is what a Chinese SMS gateway requires at the front.
export const sms = defineMessages({
  "zh-CN": {
    code_LOGIN: "【云证书服务台】您的登录验证码为{code}，5分钟内有效。如非本人操作，请忽略本短信。",
    code_RESET_PASSWORD: "【云证书服务台】您正在重置密码，验证码{code}，5分钟内有效。请勿告知他人。",
    code_CHANGE_PHONE_OLD: "【云证书服务台】您正在更换绑定手机号，验证码{code}，5分钟内有效。如非本人操作，请立即修改密码。",
    code_CHANGE_PHONE_NEW: "【云证书服务台】您正在将本号码绑定到云证书账户，验证码{code}，5分钟内有效。",
    code_SIGN_APPLICATION: "【云证书服务台】您正在签署数字证书申请，验证码{code}，5分钟内有效。请勿告知他人。",
    code_LEGAL_REP_AUTHORIZATION: "【云证书服务台】您正在签署授权书，验证码{code}，5分钟内有效。",
    code_REVERIFY: "【云证书服务台】您正在进行身份核验，验证码{code}，5分钟内有效。",
    // A notice (lib/server/notify/templates.ts): its catalogue text behind the gateway signature.
    notice: "【云证书服务台】{text}",
  },
  en: {
    code_LOGIN: "[CertDesk] Your login code is {code}, valid for 5 minutes. Ignore this message if you did not ask for it.",
    code_RESET_PASSWORD: "[CertDesk] Password reset code: {code}, valid for 5 minutes. Do not share it.",
    code_CHANGE_PHONE_OLD: "[CertDesk] Code to change your account's phone number: {code}, valid for 5 minutes. If this was not you, change your password now.",
    code_CHANGE_PHONE_NEW: "[CertDesk] Code to link this number to your CertDesk account: {code}, valid for 5 minutes.",
    code_SIGN_APPLICATION: "[CertDesk] Code to sign your certificate application: {code}, valid for 5 minutes. Do not share it.",
    code_LEGAL_REP_AUTHORIZATION: "[CertDesk] Code to sign the authorization letter: {code}, valid for 5 minutes.",
    code_REVERIFY: "[CertDesk] Identity check code: {code}, valid for 5 minutes.",
    notice: "[CertDesk] {text}",
  },
});
