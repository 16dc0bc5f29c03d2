import { defineMessages } from "../define-messages";

// Issue 12, the enterprise area on the desk and the phone: home, members, certificates, deletion.
export const orgMembers = defineMessages({
  "zh-CN": {
    title: "企业",
  },
  en: {
    title: "Enterprise",
  },
});
