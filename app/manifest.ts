import type { MetadataRoute } from "next";

// The phone app's web manifest (/manifest.webmanifest): installable, starts at /m, scoped to /m so
// the desk and the console stay ordinary browser pages.
export default function manifest(): MetadataRoute.Manifest {
  return {
    id: "/m",
    name: "云证书 CertDesk",
    short_name: "云证书",
    description: "云证书服务台手机端：下载与管理数字证书 · CertDesk on your phone",
    lang: "zh-CN",
    start_url: "/m",
    scope: "/m",
    display: "standalone",
    orientation: "portrait",
    background_color: "#f3f5f8",
    theme_color: "#0b5cad",
    categories: ["business", "productivity"],
    icons: [
      { src: "/icons/icon-192.png", sizes: "192x192", type: "image/png", purpose: "any" },
      { src: "/icons/icon-512.png", sizes: "512x512", type: "image/png", purpose: "any" },
      { src: "/icons/maskable-512.png", sizes: "512x512", type: "image/png", purpose: "maskable" },
    ],
  };
}
