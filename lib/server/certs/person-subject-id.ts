import { randomBytes } from "node:crypto";
import { bytesToHex } from "@/lib/pki/encoding";
import { sm3 } from "@/lib/pki/sm3";
import type { Db, Tx } from "@/lib/db/client";

// The DN serialNumber of an individual's certificates (docs/certificate-profile.md). It must keep DNs
// unique per person and stay the same across renewals (platforms bind accounts by it), yet nothing in a
// public certificate may lead back to the ID number: the unsalted SM3 used before fell to enumeration
// in under a second. So it is random (128 bits, upper-case hex: PrintableString), made the first time a
// person is certified and kept in PersonSubject; a platform that holds the number asks the desk
// (matchPersonSubject, POST /api/v1/subjects/match).

/** How PersonSubject finds a person again: SM3 over a label and the upper-case number. */
export function idNumberDigest(idNumber: string): string {
  return bytesToHex(sm3(new TextEncoder().encode(`certdesk-person-subject\u0000${idNumber.trim().toUpperCase()}`)));
}

/**
 * The person's subject identifier, created on first use. Parallel first issuances for one person agree:
 * the insert skips on the unique digest and the row that won is read back.
 */
export async function personSubjectFor(tx: Tx, idNumber: string): Promise<{ id: string; subjectId: string }> {
  const digest = idNumberDigest(idNumber);
  const fresh = bytesToHex(randomBytes(16)).toUpperCase();
  await tx.$executeRaw`
    INSERT INTO "PersonSubject" (id, "idNumberDigest", "subjectId")
    VALUES (${`ps_${bytesToHex(randomBytes(12))}`}, ${digest}, ${fresh})
    ON CONFLICT ("idNumberDigest") DO NOTHING`;
  return tx.personSubject.findUniqueOrThrow({ where: { idNumberDigest: digest }, select: { id: true, subjectId: true } });
}

/** The identifier of a person already certified, or null. */
export async function findPersonSubject(client: Db | Tx, idNumber: string): Promise<{ id: string; subjectId: string } | null> {
  return client.personSubject.findUnique({ where: { idNumberDigest: idNumberDigest(idNumber) }, select: { id: true, subjectId: true } });
}
