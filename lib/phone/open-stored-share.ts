// Opens the phone's share d1 with the W the server just released. During a rotation the record
// holds two encryptions (the current one and `next`, the refreshed share under W'): exactly one
// opens under the released W (AES-GCM fails on the other). When `next` opens, the server has
// promoted the rotation (perhaps its confirm answer was lost): it becomes the record and the old
// encryption is dropped.
import { saveKeys, type StoredKey } from "./key-store";
import { unwrapShare } from "./wrap-share";

/** d1 and the record as it should now be kept, without writing anything. */
export async function openWith(stored: StoredKey, wrapKey: string): Promise<{ d1: Uint8Array; record: StoredKey; isChanged: boolean }> {
  const { keyShareId } = stored;
  if (stored.next) {
    const d1 = await unwrapShare({ wrapped: stored.next.wrapped, wrapKey, keyShareId }).catch(() => null);
    if (d1) return { d1, record: promoted(stored), isChanged: true };
  }
  const d1 = await unwrapShare({ wrapped: stored.wrapped, wrapKey, keyShareId });
  return { d1, record: stored, isChanged: false };
}

export async function openStoredShare({ stored, wrapKey }: { stored: StoredKey; wrapKey: string }): Promise<Uint8Array> {
  const { d1, record, isChanged } = await openWith(stored, wrapKey);
  if (isChanged) await saveKeys([record]).catch(() => undefined);
  return d1;
}

/** The record with its `next` encryption as the current one. */
export function promoted(stored: StoredKey): StoredKey {
  if (!stored.next) return stored;
  const { next, ...rest } = stored;
  return { ...rest, wrapped: next.wrapped, createdAt: next.createdAt };
}
