// Where CA private keys live. A KeyDevice (key-device.types.ts) generates keys and signs digests;
// deviceKeyCustody turns it into the KeyCustody the CA code uses, checking every signature on the
// host. Nothing above this interface may assume the key bytes exist.
import { env } from "@/lib/env";
import { deviceKeyCustody } from "@/lib/server/ca/device-key-custody";
import type { DeviceKey, KeyCustody, KeyDevice } from "@/lib/server/ca/key-device.types";
import { localKeyCustody } from "@/lib/server/ca/local-key-custody";

export type { KeyCustody, KeyDevice } from "@/lib/server/ca/key-device.types";
/** What createKey returns (kept under its earlier name). */
export type CustodyKey = DeviceKey;

// CERTDESK_KEY_CUSTODY picks the device. "pkcs11" and "sdf" are the names reserved for HSM drivers
// (a PKCS#11 token, a GM/T 0018 SDF card); none is built into this desk, and lib/env.ts refuses
// them at start-up until one is added here.
const DEVICES: Record<string, () => KeyDevice> = {
  local: () => localKeyCustody,
};

let chosen: KeyCustody | undefined;

/** The custody in use, chosen by CERTDESK_KEY_CUSTODY (default "local"). */
export function keyCustody(): KeyCustody {
  if (!chosen) {
    const name = env().CERTDESK_KEY_CUSTODY;
    const device = DEVICES[name];
    if (!device) throw new Error(`CERTDESK_KEY_CUSTODY=${name}: no such key device in this build`);
    chosen = deviceKeyCustody(device());
  }
  return chosen;
}

/** Tests: put another device behind keyCustody() (undefined: back to the configured one). */
export function useKeyDevice(device?: KeyDevice): void {
  chosen = device ? deviceKeyCustody(device) : undefined;
}
