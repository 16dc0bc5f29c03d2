import { defineMessages } from "../define-messages";

// 免费条件 of a channel (console): the subjects it serves free of charge.
export const freeSubjects = defineMessages({
  "zh-CN": {
    title: "免费条件",
    lead: "名单内的单位（统一社会信用代码）或个人（身份证号）在本渠道申请证书免费：报价为 0，无需支付。已报价的订单不受影响。",
    empty: "本渠道暂无免费主体",
    key: "统一社会信用代码或身份证号",
    note: "免费依据",
    notePlaceholder: "如：公共资源交易中心协议 2026-01",
    add: "添加",
    remove: "移除",
    kinds: { UNIT: "单位", INDIVIDUAL: "个人" },
    added: "已添加 {key}",
    removed: "已移除 {key}",
    errors: {
      keyInvalid: "请填写正确的统一社会信用代码或 18 位身份证号",
      noteRequired: "请填写免费依据（2–100 字）",
      duplicate: "该主体已在免费名单中",
    },
  },
  en: {
    title: "Free of charge",
    lead: "Units (credit code) or people (ID number) on this list get certificates from this channel free: the quote is 0 and nothing is paid. Orders already quoted keep their price.",
    empty: "No free subjects on this channel",
    key: "Credit code or ID number",
    note: "Reason",
    notePlaceholder: "e.g. agreement with the trading centre 2026-01",
    add: "Add",
    remove: "Remove",
    kinds: { UNIT: "Unit", INDIVIDUAL: "Person" },
    added: "Added {key}",
    removed: "Removed {key}",
    errors: {
      keyInvalid: "Enter a valid unified social credit code or 18-character ID number",
      noteRequired: "Give the reason (2–100 characters)",
      duplicate: "This subject is already on the free list",
    },
  },
});
