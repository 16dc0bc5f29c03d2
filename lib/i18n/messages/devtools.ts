import { defineMessages } from "../define-messages";

export const devtools = defineMessages({
  "zh-CN": {
    outbox: {
      title: "开发发件箱",
      intro: "演示环境：系统发出的所有短信和邮件都显示在这里（最新在前），任何人都能看到。正式环境请配置短信网关。",
      introStaff: "未配置 SMTP 邮件服务时，系统发出的邮件显示在这里（最新在前），仅管理员可见。",
      filter: "按手机号或邮箱筛选",
      apply: "筛选",
      empty: "暂无消息",
      sms: "短信",
      email: "邮件",
      to: "收件人",
      at: "时间",
      content: "内容",
      refresh: "刷新",
    },
  },
  en: {
    outbox: {
      title: "Development outbox",
      intro: "Demo desk: every SMS and email the desk sends shows here (newest first), visible to anyone. A production desk needs an SMS gateway.",
      introStaff: "With no SMTP server configured, the emails the desk sends show here (newest first), for administrators only.",
      filter: "Filter by number or email",
      apply: "Filter",
      empty: "No messages yet",
      sms: "SMS",
      email: "Email",
      to: "To",
      at: "Time",
      content: "Content",
      refresh: "Refresh",
    },
  },
});
