import type { Metadata, Viewport } from "next";
import type { ReactNode } from "react";
import { ServiceWorkerRegister } from "@/components/phone/sw-register";
import { getT } from "@/lib/i18n/server";
import styles from "@/components/phone/phone.module.css";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getT();
  return {
    title: { default: t("phone.appName"), template: `%s · ${t("phone.appName")}` },
    description: t("phone.appDescription"),
    manifest: "/manifest.webmanifest",
    appleWebApp: { capable: true, title: t("phone.appName"), statusBarStyle: "default" },
    icons: { icon: [{ url: "/icons/icon-192.png", sizes: "192x192", type: "image/png" }], apple: [{ url: "/icons/apple-touch-icon.png", sizes: "180x180" }] },
    robots: { index: false, follow: false },
  };
}

// Phone-sized first: no zoom-out on inputs, the app fills the screen under the notch.
export const viewport: Viewport = { width: "device-width", initialScale: 1, viewportFit: "cover", themeColor: "#0b5cad" };

export default function PhoneLayout({ children }: { children: ReactNode }) {
  return (
    <div className={styles.app}>
      {children}
      <ServiceWorkerRegister />
    </div>
  );
}
