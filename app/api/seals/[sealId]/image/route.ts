import { z } from "zod";
import { userRoute } from "@/lib/server/http/user-route";
import { readSealFile } from "@/lib/server/seals/read-seal-file";
import { readSealForm, SEAL_FORM_MAX_BYTES } from "@/lib/server/seals/seal-upload-form";
import { submitSealImage } from "@/lib/server/seals/submit-seal-image";

export const dynamic = "force-dynamic";

// GET /api/seals/[sealId]/image?which=original|processed — a seal's picture (its maker, the enterprise's members, CA reviewers)
export const GET = userRoute(
  async ({ user, params, query }) => {
    const file = await readSealFile({ user, sealId: params.sealId, which: query.which });
    return new Response(Buffer.from(file.bytes), {
      headers: {
        "Content-Type": file.mime,
        "Content-Disposition": "inline",
        "X-Content-Type-Options": "nosniff",
        "Content-Security-Policy": "default-src 'none'; frame-ancestors 'none'; sandbox",
        "Cross-Origin-Resource-Policy": "same-origin",
        "Cache-Control": "private, no-store",
      },
    });
  },
  { query: z.object({ which: z.enum(["original", "processed"]).default("processed") }) },
);

// POST /api/seals/[sealId]/image — a new picture: 上传印模 / 补章 / 签章变更 (multipart: file)
export const POST = userRoute<undefined, undefined, { sealId: string }>(
  async ({ user, params, form, ip }) => {
    const { file } = await readSealForm(form);
    return submitSealImage({ userId: user.id, input: { sealId: params.sealId }, file, ip });
  },
  { accepts: "multipart", maxBody: SEAL_FORM_MAX_BYTES, tooLargeMessage: "seals.errors.fileTooLarge" },
);
