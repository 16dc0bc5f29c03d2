import { AppError } from "@/lib/errors";
import { db } from "@/lib/db/client";
import { advanceStep } from "./advance-step";
import { getDraftOrder } from "./get-draft-order";
import { missingMaterials } from "./missing-materials";

/** Step 5 done: every required material is uploaded (or the authorization signed); on to the signature. */
export async function completeMaterialsStep({ userId, orderId }: { userId: string; orderId: string }) {
  return db.$transaction(async (tx) => {
    const order = await getDraftOrder(tx, { userId, orderId });
    const missing = await missingMaterials(order, tx);
    if (missing.length > 0) {
      throw new AppError("validation_failed", {
        userMessage: "wizard.materials.missing",
        fields: Object.fromEntries(missing.map((k) => [k, ["wizard.materials.required"]])),
      });
    }
    return { nextPath: await advanceStep({ orderId, step: "materials" }, tx) };
  });
}
