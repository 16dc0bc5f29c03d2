import { defineMessages } from "../define-messages";

export const scan = defineMessages({
  "zh-CN": {
    errors: {
      invalidClient: "平台身份认证失败：client_id 或 client_secret 不正确",
      notFound: "扫码请求不存在",
      expired: "二维码已过期，请在平台页面刷新后重新扫码",
      used: "该二维码已被使用",
      noCertificate: "没有可用于此操作的有效证书",
      badSignature: "签名校验失败，请重试",
      sessionNotFound: "签章会话不存在或已结束",
    },
    docs: {
      title: "交易平台接入 API",
      base: "接口地址与认证",
      auth: "使用 HTTP Basic 认证：用户名为 client_id，密码为 client_secret（在CA管理控制台登记交易平台时生成，只显示一次）。",
      request: "请求体",
      responses: "响应",
      objects: "对象",
      errors: "错误格式",
    },
  },
  en: {
    errors: {
      invalidClient: "Platform authentication failed: wrong client_id or client_secret",
      notFound: "No such scan request",
      expired: "This QR code has expired: refresh it on the platform and scan again",
      used: "This QR code has already been used",
      noCertificate: "No valid certificate can do this",
      badSignature: "The signature did not verify: try again",
      sessionNotFound: "No such signing session, or it has ended",
    },
    docs: {
      title: "Trading-platform API",
      base: "Base URL and authentication",
      auth: "HTTP Basic authentication: the user name is the client_id and the password the client_secret (issued once when a CA admin registers the platform in the console).",
      request: "Request body",
      responses: "Responses",
      objects: "Objects",
      errors: "Error format",
    },
  },
});
