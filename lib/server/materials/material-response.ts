import type { StoredMaterial } from "./read-material";

// RFC 6266/8187: a quoted ASCII fallback and the UTF-8 name; ' ( ) * are escaped as well.
function contentDisposition(type: "inline" | "attachment", name: string): string {
  const fallback = name.replace(/[^\x20-\x7e]|["\\]/g, "_");
  const encoded = encodeURIComponent(name).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `${type}; filename="${fallback}"; filename*=UTF-8''${encoded}`;
}

/**
 * The HTTP answer for a stored material. Only images this server re-encoded open in the browser
 * (as an image, nothing else may load); everything else, PDFs included, is a download: a PDF
 * opened from this origin would run in the browser's viewer with this site's cookies, and
 * Chromium refuses to show PDFs in a sandboxed document, so a PDF is never shown inline. The type
 * is the one sniffed at upload; nosniff stops the browser guessing another.
 */
export function materialResponse(m: StoredMaterial): Response {
  return new Response(Buffer.from(m.bytes), {
    headers: {
      "Content-Type": m.mime,
      "Content-Disposition": contentDisposition(m.inline ? "inline" : "attachment", m.name),
      "X-Content-Type-Options": "nosniff",
      "Content-Security-Policy": m.inline
        ? "default-src 'none'; img-src 'self'; style-src 'unsafe-inline'; frame-ancestors 'none'; sandbox"
        : "default-src 'none'; frame-ancestors 'none'; sandbox",
      "Cross-Origin-Resource-Policy": "same-origin",
      "Cache-Control": "private, no-store",
      ETag: `"${m.sha256}"`,
    },
  });
}
