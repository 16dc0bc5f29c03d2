import { defineMessages } from "../define-messages";

// Issue 12, joins, certificate requests, authorizations, administrator transfer, legal-person approval, letters signed on the phone.
export const orgRequests = defineMessages({
  "zh-CN": {
    title: "企业",
  },
  en: {
    title: "Enterprise",
  },
});
