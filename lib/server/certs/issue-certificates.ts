import type { CertUsage, Certificate } from "@/lib/generated/prisma/client";
import { hexToBytes } from "@/lib/pki/encoding";
import { buildEndEntityCertificate } from "@/lib/pki/x509/build-end-entity-certificate";
import { ZEndEntitySubjectSchema } from "@/lib/pki/x509/end-entity.types";
import { endEntitySubjectName } from "@/lib/pki/x509/end-entity-profile";
import { nameToString } from "@/lib/pki/x509/name";
import type { IssuedCertificate } from "@/lib/pki/x509/issued-certificate";
import type { z } from "zod";
import { AppError } from "@/lib/errors";
import { db, type Tx } from "@/lib/db/client";
import { writeAudit } from "@/lib/server/audit/write-audit";
import { CA_PROFILE, addMs, addYears } from "@/lib/server/ca/ca-profile";
import { confirmIssuingCa } from "@/lib/server/ca/confirm-issuing-ca";
import { loadIssuingCa, type IssuingCa } from "@/lib/server/ca/load-issuing-ca";
import { isUniqueViolation } from "@/lib/db/is-unique-violation";
import { parseInput } from "@/lib/server/http/parse-input";
import { pkiUrls } from "@/lib/server/ca/pki-urls";
import { personSubjectFor } from "@/lib/server/certs/person-subject-id";
import { ZCertSubjectSchema, ZIssueCertificatesSchema, type TIssueCertificates } from "./issue-certificates.types";

export interface IssuedPair {
  sign: Certificate & { pem: string };
  encrypt: Certificate & { pem: string };
}

// 126 random bits make a serial collision practically impossible; a unique index still guards
// it, and a collision only costs signing the pair again with new serials (in a transaction of
// our own; inside the caller's, the caller's retry decides).
const MAX_ATTEMPTS = 3;

/** The issuing CA was retired and none is active: the next loadIssuingCa makes one or says why not. */
class NoActiveIssuingCaError extends AppError {
  constructor() {
    super("internal", { userMessage: "[certs] no active issuing CA to issue under" });
    this.name = "NoActiveIssuingCaError";
  }
}

/**
 * Issues a subject's dual certificates (GM/T 0015: one signing, one encryption) for two joint
 * keys from two-party key generation, signed by the issuing CA, stored VALID with their links
 * (key share, order, user, organisation) and an audit row each, in one transaction — the caller's
 * when `within` is given, so that issuing and what it completes (an order) stand or fall together.
 */
export async function issueCertificates(
  input: TIssueCertificates,
  within?: { tx: Tx; issuing: IssuingCa },
): Promise<IssuedPair> {
  const parsed = parseInput(ZIssueCertificatesSchema, input);
  // Inside the caller's transaction the CA comes loaded (loadIssuingCa may query): on the
  // single-connection embedded database a query outside the open transaction would wait for it.
  if (within) return issueIn(within.tx, parsed, within.issuing);
  let issuing = await loadIssuingCa();
  for (let attempt = 1; ; attempt++) {
    try {
      return await db.$transaction((t) => issueIn(t, parsed, issuing));
    } catch (error) {
      if (error instanceof NoActiveIssuingCaError && attempt < MAX_ATTEMPTS) {
        issuing = await loadIssuingCa();
        continue;
      }
      if (!isUniqueViolation(error) || attempt >= MAX_ATTEMPTS) throw error;
    }
  }
}

async function issueIn(tx: Tx, parsed: z.output<typeof ZIssueCertificatesSchema>, loaded: IssuingCa): Promise<IssuedPair> {
  const [sign, encrypt] = await issueUsagesIn(tx, {
    ...parsed,
    keys: [
      { usage: "SIGN", keyShareId: parsed.keyShares.sign },
      { usage: "ENCRYPT", keyShareId: parsed.keyShares.encrypt },
    ],
    loaded,
  });
  return { sign: sign!, encrypt: encrypt! };
}

/**
 * 证书补办: a new signing certificate alone, for the new phone's fresh signing key, in the caller's
 * transaction. It joins the original order's pair (`orderId` is that order) and ends when the pair
 * ends (`notAfter` of the certificate it replaces): a reissue replaces a lost key, it is no renewal.
 * The encryption certificate is untouched (its key was recovered, not replaced).
 */
export async function issueSigningCertificateIn(
  tx: Tx,
  input: { orderId: string; userId: string; orgId: string | null; keyShareId: string; subject: TIssueCertificates["subject"]; notAfter: Date; actorId?: string | null },
  loaded: IssuingCa,
): Promise<Certificate & { pem: string }> {
  const subject = parseInput(ZCertSubjectSchema, input.subject);
  const [sign] = await issueUsagesIn(tx, {
    orderId: input.orderId,
    userId: input.userId,
    orgId: input.orgId ?? undefined,
    subject,
    years: 1,
    actorId: input.actorId,
    keys: [{ usage: "SIGN", keyShareId: input.keyShareId }],
    loaded,
    notAfter: input.notAfter,
  });
  return sign!;
}

async function issueUsagesIn(
  tx: Tx,
  parsed: Omit<z.output<typeof ZIssueCertificatesSchema>, "keyShares"> & {
    keys: Array<{ usage: CertUsage; keyShareId: string }>;
    loaded: IssuingCa;
    notAfter?: Date;
  },
): Promise<Array<Certificate & { pem: string }>> {
  const { loaded } = parsed;
  // The cached CA may have been retired (or belong to a database this process no longer uses):
  // confirmed, and locked against retirement, in this transaction.
  const confirmed = await confirmIssuingCa(tx, loaded);
  if (!confirmed) throw new NoActiveIssuingCaError();
  const { ca: issuing, certificate: issuingCertificate, signer } = confirmed;
  const shares = await tx.keyShare.findMany({
    where: { id: { in: parsed.keys.map((k) => k.keyShareId) }, userId: parsed.userId },
    select: { id: true, status: true, publicKey: true },
  });
  const share = (id: string) => {
    const found = shares.find((s) => s.id === id);
    if (!found) throw new AppError("not_found", { userMessage: "errors.not_found" });
    if (found.status !== "ACTIVE") throw new AppError("locked", { userMessage: "errors.locked" });
    return found;
  };
  const keys = parsed.keys.map((k) => ({ usage: k.usage, share: share(k.keyShareId) }));
  if (parsed.orderId) {
    const order = await tx.order.findFirst({ where: { id: parsed.orderId, userId: parsed.userId }, select: { id: true } });
    if (!order) throw new AppError("not_found", { userMessage: "errors.not_found" });
  }
  const s = parsed.subject;
  // A person's DN carries their kept subject identifier, never anything computed from the number alone.
  const person = s.type === "INDIVIDUAL" ? await personSubjectFor(tx, s.idNumber) : undefined;
  const subject = ZEndEntitySubjectSchema.parse(
    s.type === "UNIT"
      ? { type: "unit", organizationName: s.orgName, uscc: s.uscc }
      : { type: "individual", personName: s.name, idNumber: s.idNumber, subjectId: person!.subjectId, discloseIdNumber: s.discloseIdNumber },
  );
  const orgId =
    parsed.orgId ?? (s.type === "UNIT" ? (await tx.organization.findUnique({ where: { uscc: s.uscc }, select: { id: true } }))?.id : undefined);
  const subjectDn = nameToString(endEntitySubjectName(subject));
  const subjectName = s.type === "UNIT" ? s.orgName : s.name;

  const urls = pkiUrls();
  const issuer = { certificate: issuingCertificate, signer };
  const now = new Date();
  const validity = { notBefore: addMs(now, -CA_PROFILE.backdateMs), notAfter: parsed.notAfter ?? addYears(now, parsed.years) };
  const build = (usage: "signing" | "encryption", publicKeyHex: string) =>
    buildEndEntityCertificate(
      {
        subject,
        usage,
        publicKey: hexToBytes(publicKeyHex),
        validity,
        urls: { crlDistributionPoints: [urls.crl(issuing.id)], ocsp: [urls.ocsp()], caIssuers: [urls.caCertificate(issuing.id)] },
        policies: [{ oid: s.type === "UNIT" ? CA_PROFILE.policies.unit : CA_PROFILE.policies.individual, cpsUri: urls.cps() }],
      },
      issuer,
    );

  const built = [];
  for (const k of keys) built.push({ ...k, cert: await build(k.usage === "SIGN" ? "signing" : "encryption", k.share.publicKey) });
  const row = (cert: IssuedCertificate, usage: CertUsage, keyShareId: string) => ({
    serialHex: cert.serialHex,
    caId: issuing.id,
    usage,
    subjectType: s.type,
    subjectDn,
    subjectName,
    der: new Uint8Array(cert.der),
    fingerprint: cert.fingerprintSha256,
    notBefore: cert.notBefore,
    notAfter: cert.notAfter,
    keyShareId,
    orderId: parsed.orderId ?? null,
    userId: parsed.userId,
    orgId: orgId ?? null,
    personSubjectId: person?.id ?? null,
  });
  // One create per certificate, not createManyAndReturn: Prisma compiles a createMany's query plan
  // on every call (its plan cache skips createMany), which cost more CPU than the statement it saves.
  const issued: Array<Certificate & { pem: string }> = [];
  for (const b of built) issued.push({ ...(await tx.certificate.create({ data: row(b.cert, b.usage, b.share.id) })), pem: b.cert.pem });
  for (const stored of issued) {
    await writeAudit(tx, {
      actorId: parsed.actorId === undefined ? parsed.userId : parsed.actorId,
      action: "certificate.issued",
      targetType: "Certificate",
      targetId: stored.id,
      data: { serialHex: stored.serialHex, usage: stored.usage, caId: issuing.id, orderId: parsed.orderId ?? null, fingerprintSha256: stored.fingerprint },
    });
  }
  return issued;
}
