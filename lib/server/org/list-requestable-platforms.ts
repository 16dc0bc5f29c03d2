import { db, type Db, type Tx } from "@/lib/db/client";

/** The trading platforms a join, certificate request or authorization may name: active, never the desk's own row. */
export async function listRequestablePlatforms(client: Db | Tx = db) {
  return client.tradingPlatform.findMany({ where: { active: true, isDesk: false }, orderBy: { name: "asc" }, select: { id: true, name: true, nameEn: true } });
}
