import { db } from "@/lib/db/client";
import { advanceStep } from "./advance-step";
import { getDraftOrder } from "./get-draft-order";
import { missingMaterials } from "./missing-materials";
import { missingMaterialsError } from "./missing-materials-error";

/** Step 5 done: every required material is uploaded (or the authorization signed); on to the signature. */
export async function completeMaterialsStep({ userId, orderId }: { userId: string; orderId: string }) {
  return db.$transaction(async (tx) => {
    const order = await getDraftOrder(tx, { userId, orderId });
    const missing = await missingMaterials(order, tx);
    if (missing.length > 0) throw missingMaterialsError(missing);
    return { nextPath: await advanceStep({ orderId, step: "materials" }, tx) };
  });
}
