// 证书解锁 / 忘记PIN on the phone: after the holder's face check and the fresh real-name check the
// server unlocks the group and stages a rotation (the current W, which this phone cannot get
// otherwise, W' and each ρ). The refreshed shares are stored under W' next to the current ones. An
// unlock (PIN unchanged, not typed here) confirms at the next PIN-gated use; so does a reset, whose
// new PIN the server accepts only after the cooling-off (`resetAtText`): until then the old PIN signs.
import { phoneApi } from "./phone-api";
import { stageRotation, type KeyRotation } from "./rotate-stored-keys";

export async function reverifyOnPhone({ keyShareId, input }: { keyShareId: string; input: { code: string; idNumber: string; faceCheckId: string; pin?: string; confirm?: string } }) {
  const result = await phoneApi<KeyRotation & { isPinReset: boolean; resetAtText?: string }>(`/api/m/keys/${keyShareId}/reverify`, input);
  await stageRotation(result);
  return { isPinReset: result.isPinReset, resetAtText: result.resetAtText };
}
