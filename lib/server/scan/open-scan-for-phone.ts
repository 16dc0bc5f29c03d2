import { derToPem } from "@/lib/pki/pem";
import { openScanRequest } from "./open-scan-request";
import { listUsableSeals } from "@/lib/server/seals/list-usable-seals";
import { sealPolicyOf } from "./seal-policy";

/**
 * The confirmation screen's data: the lead's openScanRequest (which binds the request to this
 * user) plus, per eligible certificate, the key share and PEM the phone needs to sign, and the
 * seals the holder may stamp with when the platform asks for one. A refused request carries no key
 * material: the phone shows the refusal only.
 */
export async function openScanForPhone({ userId, token }: { userId: string; token: string }) {
  const { keys, isDesk, ...opened } = await openScanRequest({ userId, token });
  const usable = new Set(opened.refused ? [] : opened.certificates.filter((c) => c.authorized).map((c) => c.id));
  const rows = [...keys].filter(([id]) => usable.has(id)).map(([id, k]) => ({ id, ...k }));
  const certificates = opened.certificates.map((c) => {
    const row = rows.find((r) => r.id === c.id);
    return { ...c, notAfter: c.notAfter.toISOString(), keyShareId: row?.keyShareId ?? null, pem: row ? derToPem(row.der, "CERTIFICATE") : "" };
  });
  const policy = opened.type === "sign" && !opened.refused ? sealPolicyOf(opened.payload) : { offered: false, required: false, pinnedSealId: null };
  const withSeal = policy.offered;
  // Per certificate: the seals usable with it (bound to it, or an enterprise seal granted to it: 企业授权 with
  // the enterprise's name, as 我的印章 lists it); where the platform named the seal already on its document,
  // that one only.
  const seals = withSeal
    ? (
        await Promise.all(
          rows.map(async (r) =>
            (await listUsableSeals({ userId, certificateId: r.id })).map((s) => ({ id: s.id, name: s.name, kind: s.kind, certificateId: r.id, grantedBy: s.certificateId !== r.id ? (s.org?.name ?? "") : null })),
          ),
        )
      )
        .flat()
        .filter((s) => !policy.pinnedSealId || s.id === policy.pinnedSealId)
    : [];
  // A letter of the desk itself (an enterprise's authorization, approval or transfer): the holder reads
  // what they sign. Platforms' documents are shown by title only (their bytes are theirs).
  const letterText = opened.type === "sign" && isDesk ? deskLetterText(opened.payload) : null;
  return { ...opened, certificates, withSeal, sealRequired: policy.required, sealPinned: policy.pinnedSealId !== null, seals, letterText };
}

function deskLetterText(payload: Record<string, unknown>): string | null {
  if (typeof payload.data !== "string") return null;
  return Buffer.from(payload.data, "base64").toString("utf8").slice(0, 20_000);
}

export type TPhoneScan = Awaited<ReturnType<typeof openScanForPhone>>;
