import { getLocale } from "@/lib/i18n/server";
import { requireUser } from "@/lib/server/auth/require-user";
import { toErrorResponse } from "@/lib/server/http/error-response";
import { readMaterial } from "@/lib/server/materials/read-material";

export const dynamic = "force-dynamic";

// GET /api/materials/[materialId] — the stored document for a preview (owner or staff)
export async function GET(_req: Request, { params }: { params: Promise<{ materialId: string }> }) {
  try {
    const user = await requireUser();
    const { materialId } = await params;
    const m = await readMaterial({ userId: user.id, materialId });
    return new Response(Buffer.from(m.bytes), {
      headers: {
        // The type sniffed at upload, never the uploader's claim; nosniff stops the browser guessing.
        "Content-Type": m.mime,
        "Content-Disposition": `inline; filename*=UTF-8''${encodeURIComponent(m.name)}`,
        "X-Content-Type-Options": "nosniff",
        "Cache-Control": "private, no-store",
        ETag: `"${m.sha256}"`,
        // Opened as a page, a stored file may load nothing and run no script. (No CSP "sandbox":
        // Chromium refuses to show PDFs in a sandboxed document.)
        "Content-Security-Policy": "default-src 'none'; img-src 'self'; style-src 'unsafe-inline'",
      },
    });
  } catch (err) {
    return toErrorResponse(err, await getLocale());
  }
}
