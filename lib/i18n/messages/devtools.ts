import { defineMessages } from "../define-messages";

export const devtools = defineMessages({
  "zh-CN": {
    outbox: {
      title: "开发发件箱",
      intro: "未配置真实短信/邮件网关时，系统发出的所有短信和邮件都显示在这里（最新在前）。配置网关后此页面关闭。",
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
      intro: "While no real SMS or email gateway is configured, every message the desk sends shows here (newest first). The page closes once a gateway is set.",
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
