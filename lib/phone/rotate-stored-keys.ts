// Phone side of a W rotation (PIN change, reset, unlock). Phase one: the server answered with the
// current W, the next W' and one ρ per key share; each share on this phone is opened with W,
// refreshed (d1' = d1·ρ) and wrapped under W' as the record's `next`, both kept in one IndexedDB
// transaction. Phase two: the confirm route makes the pending PIN, W' and d2' current; the phone
// then drops its old encryptions. A lost confirm answer costs nothing: the next W released opens
// `next` (open-stored-share.ts), and a confirm that never arrived is retried at the next use.
import { refreshPhoneShare } from "@/lib/pki/two-party/refresh-share";
import { loadKey, saveKeys, type StoredKey } from "./key-store";
import { openWith, promoted } from "./open-stored-share";
import { phoneApi } from "./phone-api";
import { wrapShare } from "./wrap-share";

export type KeyRotation = { wrapKey: string; nextWrapKey: string; refresh: Array<{ keyShareId: string; rho: string }> };

/** Phase one: stores d1·ρ under W' next to each current record. Returns how many keys it staged. */
export async function stageRotation(rotation: KeyRotation): Promise<number> {
  const now = new Date().toISOString();
  const records: StoredKey[] = [];
  for (const { keyShareId, rho } of rotation.refresh) {
    const stored = await loadKey(keyShareId);
    if (!stored) continue;
    // A record left from an earlier rotation keeps whichever encryption the current W opens.
    const { d1, record } = await openWith(stored, rotation.wrapKey);
    const { next: _earlier, ...current } = record;
    void _earlier;
    let next: Uint8Array | null = null;
    try {
      next = refreshPhoneShare(d1, rho);
      records.push({ ...current, next: { wrapped: await wrapShare({ d1: next, wrapKey: rotation.nextWrapKey, keyShareId }), createdAt: now } });
    } finally {
      d1.fill(0);
      next?.fill(0);
    }
  }
  if (records.length > 0) {
    await saveKeys(records).catch(() => {
      throw { code: "storage", message: "" };
    });
  }
  return records.length;
}

/**
 * Phase two: the PIN of the pending rotation makes it current on the server; the group's records
 * on this phone then keep only their refreshed share. `rotated: false` means nothing was pending
 * for this PIN (already confirmed, or the current PIN): the records stay as they are.
 */
export async function confirmRotation({ keyShareId, pin }: { keyShareId: string; pin: string }): Promise<{ rotated: boolean }> {
  const { rotated, group } = await phoneApi<{ rotated: boolean; group: string[] }>(`/api/m/keys/${keyShareId}/pin/confirm`, { pin });
  if (rotated) {
    const records: StoredKey[] = [];
    for (const id of group) {
      const stored = await loadKey(id);
      if (stored?.next) records.push(promoted(stored));
    }
    if (records.length > 0) await saveKeys(records).catch(() => undefined);
  }
  return { rotated };
}

/**
 * Before a PIN-gated use: a rotation this phone staged but whose confirm never reached the server
 * (an unlock confirms here, with the PIN typed at the next use) is confirmed with this PIN first.
 */
export async function settlePendingRotation({ keyShareId, pin }: { keyShareId: string; pin: string }): Promise<void> {
  const stored = await loadKey(keyShareId);
  if (stored?.next) await confirmRotation({ keyShareId, pin });
}
