import { defineMessages } from "../define-messages";

export const common = defineMessages({
  "zh-CN": {
    appName: "云证书服务台",
    appNameShort: "CertDesk",
    submit: "提交",
    cancel: "取消",
    back: "返回",
    next: "下一步",
    save: "保存",
    close: "关闭",
    chooseFile: "选择文件",
    noFileChosen: "未选择文件",
    loading: "加载中…",
    language: "语言",
    switchLanguage: "English",
  },
  en: {
    appName: "CertDesk Cloud Certificates",
    appNameShort: "CertDesk",
    submit: "Submit",
    cancel: "Cancel",
    back: "Back",
    next: "Next",
    save: "Save",
    close: "Close",
    chooseFile: "Choose file",
    noFileChosen: "No file chosen",
    loading: "Loading…",
    language: "Language",
    switchLanguage: "中文",
  },
});
