import { AppError } from "@/lib/errors";
import type { ScanType } from "@/lib/generated/prisma/enums";
import { listUsableSeals } from "@/lib/server/seals/list-usable-seals";
import { sealPolicyOf } from "./seal-policy";

/**
 * The seal the phone names for a sign request, checked against the request and the certificate:
 * none where the platform did not offer seals, one where it requires one, exactly the platform's
 * where it named it, and always an APPROVED seal bound to this certificate that the holder may use
 * (listUsableSeals). Returns the seal id to bind to the request (null for none).
 */
export async function checkChosenSeal({ userId, certificateId, type, payload, sealId }: { userId: string; certificateId: string; type: ScanType; payload: Record<string, unknown>; sealId?: string }) {
  const policy = type === "SIGN" ? sealPolicyOf(payload) : { offered: false, required: false, pinnedSealId: null };
  if (!sealId) {
    if (policy.required) throw new AppError("validation_failed", { userMessage: "scanner.errors.sealRequired", fields: { sealId: ["scanner.errors.sealRequired"] } });
    return null;
  }
  if (!policy.offered) throw new AppError("bad_request", { userMessage: "scanner.errors.sealNotAsked" });
  if (policy.pinnedSealId && policy.pinnedSealId !== sealId) throw new AppError("validation_failed", { userMessage: "scanner.errors.sealNotPlatforms", fields: { sealId: ["scanner.errors.sealNotPlatforms"] } });
  const usable = await listUsableSeals({ userId, certificateId });
  if (!usable.some((s) => s.id === sealId)) throw new AppError("not_found", { userMessage: "scanner.errors.noSeal" });
  return sealId;
}
