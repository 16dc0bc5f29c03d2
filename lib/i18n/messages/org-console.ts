import { defineMessages } from "../define-messages";

// Issue 12, the console's enterprise pages: list, search, detail, paper transfer reviews.
export const orgConsole = defineMessages({
  "zh-CN": {
    title: "企业",
  },
  en: {
    title: "Enterprise",
  },
});
