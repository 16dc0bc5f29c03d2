import type { MaterialKind } from "@/lib/generated/prisma/client";
import { AppError } from "@/lib/errors";

/**
 * The refusal of a materials step that lacks something: one field per missing material (the step marks
 * those cards and names them), and a summary that mentions the authorization only when it is what is
 * missing (an individual, or a legal representative handling it, has none to sign).
 */
export function missingMaterialsError(missing: readonly MaterialKind[]): AppError {
  const isLetterMissing = missing.includes("AUTHORIZATION_LETTER");
  const isUploadMissing = missing.some((k) => k !== "AUTHORIZATION_LETTER");
  return new AppError("validation_failed", {
    userMessage: isLetterMissing ? (isUploadMissing ? "wizard.materials.missing" : "wizard.materials.missingAuthorization") : "wizard.materials.missingUploads",
    fields: Object.fromEntries(missing.map((k) => [k, [k === "AUTHORIZATION_LETTER" ? "wizard.materials.authorizationRequired" : "wizard.materials.required"]])),
  });
}
