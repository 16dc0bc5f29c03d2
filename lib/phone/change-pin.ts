// 修改PIN on the phone, in two phases: the server checks the old PIN and stages a new W' with
// refreshed shares; this phone stores d1·ρ under W' next to its current record; the new PIN then
// confirms, and the old encryption is dropped. After it, a copy of the old record together with
// any W released before is useless: the server's share it pairs with is gone.
import { loadKey } from "./key-store";
import { phoneApi } from "./phone-api";
import { confirmRotation, stageRotation, type KeyRotation } from "./rotate-stored-keys";

export async function changePinOnPhone({ keyShareId, oldPin, pin, confirm }: { keyShareId: string; oldPin: string; pin: string; confirm: string }) {
  if (!(await loadKey(keyShareId))) throw { code: "not_on_this_phone", message: "" };
  const rotation = await phoneApi<KeyRotation>(`/api/m/keys/${keyShareId}/pin`, { oldPin, pin, confirm });
  // Not on this phone: confirming would strand the phone that holds d1. The change stays pending
  // (the old PIN keeps working) and a change made on that phone replaces it.
  if ((await stageRotation(rotation)) === 0) throw { code: "not_on_this_phone", message: "" };
  await confirmRotation({ keyShareId, pin });
}
