import { randomBytes } from "node:crypto";
import { buildSesSeal } from "@/lib/pki/ses-seal";
import { loadIssuingCa, type IssuingCa } from "@/lib/server/ca/load-issuing-ca";
import { getFileStorage } from "@/lib/storage/get-file-storage";

/**
 * The seal's SES_Seal (lib/pki/ses-seal.ts), signed by the issuing CA's key through its custody (the
 * seal-making key: docs/seals.md): the bound certificate in certList, the processed PNG as the picture,
 * valid from now until the certificate's notAfter. Called before the approving update: a loser of a
 * parallel approval signed a structure nobody stores. `grantedCertificates` (授权用章: the members'
 * certificates granted the use of an enterprise seal) follow the bound one in certList; `keep` re-issues an
 * approved seal's structure (reissueSealStructure): same esID and validity, a new createDate.
 */
export async function signSealStructure({
  seal,
  certificate,
  grantedCertificates = [],
  keep,
  issuing: loaded,
  now = new Date(),
}: {
  seal: { name: string; orgId: string | null; processedKey: string; widthMm: number; heightMm: number };
  certificate: { der: Uint8Array; notAfter: Date };
  grantedCertificates?: Uint8Array[];
  keep?: { esId: string; validFrom: Date; validTo: Date };
  /** Inside a transaction, the CA loaded through it (loadIssuingCaWithin). */
  issuing?: IssuingCa;
  now?: Date;
}) {
  const issuing = loaded ?? (await loadIssuingCa());
  const png = await getFileStorage().get(seal.processedKey);
  const esId = keep?.esId ?? `ES${now.toISOString().slice(0, 10).replace(/-/g, "")}${randomBytes(8).toString("hex").toUpperCase()}`;
  const createDate = new Date(Math.floor(now.getTime() / 1000) * 1000);
  const validFrom = keep?.validFrom ?? createDate;
  const validTo = keep?.validTo ?? new Date(Math.floor(certificate.notAfter.getTime() / 1000) * 1000);
  const der = await buildSesSeal({
    info: {
      vid: "CertDesk",
      esId,
      type: seal.orgId ? 1 : 2,
      name: seal.name,
      certs: [Uint8Array.from(certificate.der), ...grantedCertificates.map((der) => Uint8Array.from(der))],
      createDate,
      validStart: validFrom,
      validEnd: validTo,
      picture: { type: "PNG", data: png, widthMm: seal.widthMm, heightMm: seal.heightMm },
    },
    makerCertDer: Uint8Array.from(issuing.ca.certDer),
    signer: issuing.signer,
  });
  // A copy over a plain ArrayBuffer: the Bytes column's type (Uint8Array<ArrayBuffer>), whatever buildSesSeal's buffer is.
  const sesDer: Uint8Array<ArrayBuffer> = new Uint8Array(der.length);
  sesDer.set(der);
  return { esId, sesDer, validFrom, validTo };
}
