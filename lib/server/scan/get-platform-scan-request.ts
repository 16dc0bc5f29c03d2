import { AppError } from "@/lib/errors";
import { db } from "@/lib/db/client";
import { platformScanView } from "./platform-scan-view";

/** A request belongs to the platform that created it; any other platform gets NOT_FOUND. */
export async function getPlatformScanRequest({ platformId, id }: { platformId: string; id: string }) {
  const row = await db.scanRequest.findFirst({ where: { id, platformId } });
  if (!row) throw new AppError("not_found", { userMessage: "scan.errors.notFound" });
  return platformScanView(row);
}
