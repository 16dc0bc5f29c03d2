"use client";
import QRCode from "qrcode";
import { useEffect, useState } from "react";

/** A QR code of a phone page's address, to open it in the CertDesk app / the phone's browser. */
export function PhoneLinkQr({ url, label }: { url: string; label: string }) {
  const [qr, setQr] = useState<string | null>(null);
  useEffect(() => {
    void QRCode.toDataURL(url, { margin: 1, width: 320, errorCorrectionLevel: "M" }).then(setQr);
  }, [url]);
  return qr ? <img src={qr} alt={label} width={160} height={160} data-testid="phone-link-qr" /> : <div style={{ width: 160, height: 160 }} aria-hidden />;
}
