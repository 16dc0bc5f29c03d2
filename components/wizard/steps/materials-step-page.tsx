import type { loadMaterialsStep } from "@/lib/server/orders/load-materials-step";
import { MaterialsStep } from "../materials-step";

export function MaterialsStepPage({ kinds, ...props }: Awaited<ReturnType<typeof loadMaterialsStep>>) {
  return <MaterialsStep {...props} kinds={[...kinds]} />;
}
