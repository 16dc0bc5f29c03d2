import type { CaKind, CertificateAuthority } from "@/lib/generated/prisma/client";
import type { IssuedCertificate } from "@/lib/pki/x509/issued-certificate";
import { buildRootCaCertificate } from "@/lib/pki/x509/build-root-ca-certificate";
import { buildIssuingCaCertificate } from "@/lib/pki/x509/build-issuing-ca-certificate";
import { buildOcspResponderCertificate } from "@/lib/pki/x509/build-ocsp-responder-certificate";
import { parseCertificate } from "@/lib/pki/x509/certificate-input";
import { nameToString } from "@/lib/pki/x509/name";
import type { Sm2Signer } from "@/lib/pki/signer";
import type { Tx } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { writeAudit } from "@/lib/server/audit/write-audit";
import { CA_PROFILE, addMs, addYears } from "@/lib/server/ca/ca-profile";
import { keyCustody } from "@/lib/server/ca/key-custody";
import { pkiUrls } from "@/lib/server/ca/pki-urls";
import { isOfflineKeyRef, offlineKeyRef } from "@/lib/server/ca/offline-root/offline-key-ref";

export type CaRow = Omit<CertificateAuthority, "wrappedKey">;

/**
 * Creates one CA of the hierarchy in the caller's transaction: a key in custody, its certificate
 * (self-signed for ROOT, signed by `parent` otherwise) and the row, with an audit entry.
 *
 * An offline root (`npm run ca`) passes the key it opened from its file as `offlineSigner`: for
 * ROOT, the root's own key (the row then has no wrappedKey, only an `offline:` keyRef); for a child
 * of an offline root, the parent's key. The desk never holds such a key, so without it a child of an
 * offline root cannot be created.
 */
export async function createCa(tx: Tx, input: { kind: CaKind; parent?: CaRow; now: Date; offlineSigner?: Sm2Signer }): Promise<CaRow> {
  const { kind, parent, now, offlineSigner } = input;
  const custody = keyCustody();
  const notBefore = addMs(now, -CA_PROFILE.backdateMs);
  const subject = (commonName: string) => ({ organizationName: CA_PROFILE.organizationName, commonName });

  let issued: IssuedCertificate;
  if (kind === "ROOT") {
    const key = offlineSigner
      ? { keyRef: offlineKeyRef(offlineSigner.publicKey), publicKey: offlineSigner.publicKey, wrappedKey: null }
      : await custody.createKey(kind.toLowerCase());
    // The custody already holds an online key, so the root signs itself through the same interface.
    const rootRow = await insertCa(tx, { kind, key, now });
    const signer = offlineSigner ?? (await custody.signer(key.keyRef, tx));
    issued = await buildRootCaCertificate(
      { subject: subject(CA_PROFILE.root.commonName), validity: { notBefore, notAfter: addYears(now, CA_PROFILE.root.years) } },
      { signer },
    );
    return finishCa(tx, rootRow.id, issued);
  }
  if (!parent) throw new Error(`a ${kind} CA needs a parent`);
  if (isOfflineKeyRef(parent.keyRef) && !offlineSigner) {
    throw new AppError("conflict", {
      userMessage: `the ${parent.kind} CA's key is offline: create the ${kind} CA with npm run ca -- issuing create --root-key FILE`,
    });
  }
  const key = await custody.createKey(kind.toLowerCase());
  // The builders check that the signer's key is the one in the parent's certificate.
  const issuer = { certificate: parent.certDer, signer: offlineSigner ?? (await custody.signer(parent.keyRef, tx)) };
  if (kind === "ISSUING") {
    const urls = pkiUrls();
    issued = await buildIssuingCaCertificate(
      {
        subject: subject(CA_PROFILE.issuing.commonName),
        publicKey: key.publicKey,
        validity: { notBefore, notAfter: addYears(now, CA_PROFILE.issuing.years) },
        urls: { crlDistributionPoints: [urls.crl(parent.id)], ocsp: [], caIssuers: [urls.caCertificate(parent.id)] },
        // Every policy its end-entity certificates name, so RFC 5280 policy processing accepts them.
        policies: [CA_PROFILE.policies.individual, CA_PROFILE.policies.unit].map((oid) => ({ oid, cpsUri: urls.cps() })),
      },
      issuer,
    );
  } else {
    issued = await buildOcspResponderCertificate(
      {
        subject: subject(CA_PROFILE.ocspResponder.commonName),
        publicKey: key.publicKey,
        validity: { notBefore, notAfter: addMs(now, CA_PROFILE.ocspResponder.days * 24 * 3600 * 1000) },
      },
      issuer,
    );
  }
  const row = await insertCa(tx, { kind, key, now, parentId: parent.id });
  return finishCa(tx, row.id, issued);
}

// The row exists before the certificate so that the root's key can be found by the custody
// (it signs its own certificate); the placeholder values never commit without the real ones.
async function insertCa(
  tx: Tx,
  input: { kind: CaKind; key: { keyRef: string; wrappedKey: string | null }; now: Date; parentId?: string },
) {
  return tx.certificateAuthority.create({
    data: {
      kind: input.kind,
      name: "",
      subjectDn: "",
      certDer: new Uint8Array(0),
      serialHex: `pending-${input.key.keyRef}`,
      keyRef: input.key.keyRef,
      wrappedKey: input.key.wrappedKey,
      parentId: input.parentId ?? null,
      notBefore: input.now,
      notAfter: input.now,
    },
    select: { id: true },
  });
}

async function finishCa(tx: Tx, id: string, issued: IssuedCertificate): Promise<CaRow> {
  const subjectDn = nameToString(parseCertificate(issued.der).subject);
  const row = await tx.certificateAuthority.update({
    where: { id },
    data: {
      name: subjectDn.replace(/^.*CN=/, ""),
      subjectDn,
      certDer: new Uint8Array(issued.der),
      serialHex: issued.serialHex,
      notBefore: issued.notBefore,
      notAfter: issued.notAfter,
    },
  });
  await writeAudit(tx, {
    action: "ca.created",
    targetType: "CertificateAuthority",
    targetId: id,
    data: { kind: row.kind, keyOffline: isOfflineKeyRef(row.keyRef), serialHex: row.serialHex, subjectDn, notAfter: row.notAfter.toISOString(), fingerprintSha256: issued.fingerprintSha256 },
  });
  return row;
}
