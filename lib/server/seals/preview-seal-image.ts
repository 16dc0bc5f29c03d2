import { z } from "zod";
import { AppError } from "@/lib/errors";
import { parseInput } from "@/lib/server/http/parse-input";
import { processSealImage } from "./process-seal-image";
import { sealLook } from "./seal-rules";

const ZPreviewSchema = z.object({ kind: z.enum(["OFFICIAL", "LEGAL_REP", "LEGAL_REP_SIGNATURE", "CONTRACT", "PERSONAL", "HANDWRITTEN"]) });

/** 处理预览: the processed picture of an upload, shown next to the original before submitting; nothing is stored. */
export async function previewSealImage({ fields, file }: { fields: Record<string, string>; file: Uint8Array | null }) {
  const { kind } = parseInput(ZPreviewSchema, fields);
  if (!file) throw new AppError("validation_failed", { userMessage: "seals.errors.fileEmpty", fields: { file: ["seals.errors.fileEmpty"] } });
  const look = sealLook(kind);
  const out = await processSealImage({ bytes: file, ink: look.ink, shape: look.shape });
  return { processedPngBase64: Buffer.from(out.png).toString("base64"), widthPx: out.widthPx, heightPx: out.heightPx, coverage: out.coverage, sharpness: out.sharpness };
}
