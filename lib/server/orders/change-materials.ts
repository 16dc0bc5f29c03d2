import type { MaterialKind } from "@/lib/generated/prisma/enums";
import type { Db, Tx } from "@/lib/db/client";

/** The materials a channel asks a change for (Channel.changeMaterialsUnit / changeMaterialsIndividual). */
export function changeMaterialKinds(
  channel: { changeMaterialsUnit: MaterialKind[]; changeMaterialsIndividual: MaterialKind[] },
  subjectType: "UNIT" | "INDIVIDUAL",
): MaterialKind[] {
  return subjectType === "UNIT" ? channel.changeMaterialsUnit : channel.changeMaterialsIndividual;
}

/** The materials a CHANGE order's channel asks for. */
export async function changeMaterialsOfOrder(client: Db | Tx, orderId: string): Promise<MaterialKind[]> {
  const order = await client.order.findUniqueOrThrow({ where: { id: orderId }, select: { subjectType: true, channel: { select: { changeMaterialsUnit: true, changeMaterialsIndividual: true } } } });
  return changeMaterialKinds(order.channel, order.subjectType);
}
