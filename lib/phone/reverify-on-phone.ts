// 证书解锁 / 忘记PIN on the phone: after the fresh real-name check the server unlocks the group and
// stages a rotation (the current W, which this phone cannot get otherwise, W' and each ρ). The
// refreshed shares are stored under W' next to the current ones; a reset confirms at once with the
// new PIN, an unlock (PIN unchanged, not typed here) at the next PIN-gated use.
import { phoneApi } from "./phone-api";
import { confirmRotation, stageRotation, type KeyRotation } from "./rotate-stored-keys";

export async function reverifyOnPhone({ keyShareId, input }: { keyShareId: string; input: { code: string; idNumber: string; pin?: string; confirm?: string } }) {
  const result = await phoneApi<KeyRotation & { isPinReset: boolean }>(`/api/m/keys/${keyShareId}/reverify`, input);
  const staged = await stageRotation(result);
  if (staged > 0 && input.pin) await confirmRotation({ keyShareId, pin: input.pin });
  return { isPinReset: result.isPinReset };
}
