import { defineMessages } from "../define-messages";

// 审核通过后支付: a channel whose new applications are paid once the CA approved them.
export const payAfterApproval = defineMessages({
  "zh-CN": {
    switch: "审核通过后支付",
    switchHint: "开启后，新申请先提交 CA 审核，审核通过后再支付并下载证书；关闭则先支付、后审核。免费主体无需支付。已提交的订单按提交时的规则办理。",
    notify: {
      title: "申请已通过审核，请支付",
      body: "您的证书申请（订单 {no}，{subject}）已通过审核，请在服务台“订单管理”中支付 {amount}，支付后即可在手机上下载证书。",
    },
    order: {
      reviewFirst: "本渠道审核通过后再支付：CA 审核通过后会短信通知您，届时请在订单管理中支付 {amount}。",
      approvedToPay: "审核已通过，请支付 {amount}，支付后即可在手机上下载证书。",
    },
  },
  en: {
    switch: "Pay after approval",
    switchHint: "On: a new application goes to CA review first and is paid once approved, then downloaded; off: paid first, reviewed after. Free subjects pay nothing. Submitted orders keep the rule they were submitted under.",
    notify: {
      title: "Application approved: please pay",
      body: "Your certificate application (order {no}, {subject}) was approved. Pay {amount} under Orders on the desk, then download the certificate on your phone.",
    },
    order: {
      reviewFirst: "This channel is paid after approval: you will get a text once the CA approves; then pay {amount} under Orders.",
      approvedToPay: "Approved: pay {amount} and download the certificate on your phone.",
    },
  },
});
