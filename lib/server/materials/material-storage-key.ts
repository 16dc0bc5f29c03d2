import { randomBytes } from "node:crypto";

// Images stored since uploads are re-encoded carry ".clean" before their extension; files stored
// before that (and every PDF) do not, and are only ever served as downloads.
const CLEAN = /\.clean\.(jpg|png)$/;

export function materialStorageKey({ orderId, kind, ext, reencoded }: { orderId: string; kind: string; ext: string; reencoded: boolean }): string {
  return `orders/${orderId}/${kind.toLowerCase()}-${Date.now().toString(36)}-${randomBytes(6).toString("hex")}${reencoded ? ".clean" : ""}.${ext}`;
}

export function isReencodedImageKey(storageKey: string): boolean {
  return CLEAN.test(storageKey);
}
