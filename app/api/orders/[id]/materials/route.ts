import { NextResponse } from "next/server";
import { AppError } from "@/lib/errors";
import { getLocale } from "@/lib/i18n/server";
import { requireUser } from "@/lib/server/auth/require-user";
import { toErrorResponse } from "@/lib/server/http/error-response";
import { listMaterials } from "@/lib/server/materials/list-materials";
import { MATERIAL_MAX_BYTES, saveMaterial } from "@/lib/server/materials/save-material";

export const dynamic = "force-dynamic";

// POST /api/orders/[id]/materials — upload one document (multipart: kind, file)
export async function POST(req: Request, { params }: { params: Promise<{ id: string }> }) {
  try {
    const user = await requireUser();
    const { id } = await params;
    // Refuse an oversized body before buffering it (the header can lie; saveMaterial checks again).
    if (Number(req.headers.get("content-length") ?? 0) > MATERIAL_MAX_BYTES + 64 * 1024) {
      throw new AppError("validation_failed", { userMessage: "materials.errors.tooLarge", fields: { file: ["materials.errors.tooLarge"] } });
    }
    const form = await req.formData().catch(() => null);
    const file = form?.get("file");
    if (!form || !(file instanceof File)) throw new AppError("validation_failed", { fields: { file: ["materials.errors.fileMissing"] } });
    const material = await saveMaterial({
      userId: user.id,
      orderId: id,
      kind: String(form.get("kind") ?? ""),
      file: { name: file.name, bytes: new Uint8Array(await file.arrayBuffer()) },
    });
    return NextResponse.json(material, { status: 201 });
  } catch (err) {
    return toErrorResponse(err, await getLocale());
  }
}

// GET /api/orders/[id]/materials — the order's current documents
export async function GET(_req: Request, { params }: { params: Promise<{ id: string }> }) {
  try {
    const user = await requireUser();
    const { id } = await params;
    return NextResponse.json({ materials: await listMaterials({ userId: user.id, orderId: id }) });
  } catch (err) {
    return toErrorResponse(err, await getLocale());
  }
}
