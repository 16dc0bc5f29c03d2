import { defineMessages } from "../define-messages";

// The desk's "now go to your phone" card (components/handoff/phone-handoff.tsx): QR, /m link, no-app help.
export const handoff = defineMessages({
  "zh-CN": {
    scan: "用手机扫码，直接打开云证书 App 的这一步",
    orOpen: "或在手机浏览器中打开：",
    openHere: "在本机打开",
    noAppTitle: "手机上还没有云证书 App？",
    noApp: "云证书 App 无需到应用商店下载：用手机浏览器扫码或打开上面的地址，用本账号的手机号登录。\niPhone（Safari）：点底部的分享按钮 →「添加到主屏幕」。\n安卓（Chrome、华为、小米等浏览器）：点菜单 →「添加到主屏幕」或「安装应用」。\n以后从主屏幕上的「云证书」图标打开即可。",
    download: {
      title: "下一步：在手机上下载证书",
      lead: "扫码后在手机上设置 6 位证书 PIN 码并下载证书，下载完成即可扫码登录交易平台、签章和解密。",
    },
    unlock: {
      title: "在手机上解锁证书",
    },
  },
  en: {
    scan: "Scan with your phone to open this step in the CertDesk app",
    orOpen: "Or open in your phone's browser:",
    openHere: "Open on this device",
    noAppTitle: "No CertDesk app on your phone yet?",
    noApp: "The CertDesk app needs no app store: scan the code or open the address above in your phone's browser and log in with this account's phone number.\niPhone (Safari): tap the Share button → Add to Home Screen.\nAndroid (Chrome and other browsers): open the menu → Add to Home screen or Install app.\nFrom then on, open it from the CertDesk icon on your home screen.",
    download: {
      title: "Next: download the certificate on your phone",
      lead: "After scanning, set a 6-digit certificate PIN on the phone and download the certificate; then you can scan to log in to trading platforms, sign and decrypt.",
    },
    unlock: {
      title: "Unlock the certificate on your phone",
    },
  },
});
