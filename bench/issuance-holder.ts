// A bench holder with its two key shares, and one dual-pair issuance for it (the unit subject every
// issuance figure uses). Imported lazily by the benches: the environment is set before the app loads.
import { db } from "@/lib/db/client";
import { issueCertificates } from "@/lib/server/certs/issue-certificates";
import { createKeyShare } from "@/lib/server/keys/create-key-share";
import { finishKeygen, startKeygen } from "@/lib/pki/two-party";

export async function issuanceHolder({ phone }: { phone: string }) {
  const user = await db.user.create({ data: { phone } });
  const keyShare = async () => {
    const { d1, request } = startKeygen();
    const created = await createKeyShare({ userId: user.id, request });
    finishKeygen({ d1, request, response: created.response });
    return created.keyShareId;
  };
  const shares = { sign: await keyShare(), encrypt: await keyShare() };
  return () => issueCertificates({ userId: user.id, keyShares: shares, subject: { type: "UNIT", orgName: "基准测试有限公司", uscc: "91330106MA2GL3QX1J" }, years: 1 });
}
