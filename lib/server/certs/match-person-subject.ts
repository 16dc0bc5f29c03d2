import { AppError } from "@/lib/errors";
import { db } from "@/lib/db/client";
import { writeAudit } from "@/lib/server/audit/write-audit";
import { findPersonSubject } from "@/lib/server/certs/person-subject-id";
import { parseInput } from "@/lib/server/http/parse-input";
import { consumeRateLimit } from "@/lib/server/security/rate-limit";
import { SUBJECT_MATCH_LIMITS, ZMatchPersonSubjectSchema, type TMatchPersonSubject } from "./match-person-subject.types";

/**
 * How a platform matches its account (keyed by the ID number it holds) to certificates, whose DN
 * serialNumber is the person's random subject identifier: it sends the number and gets the identifier
 * back. Only for people who have identified to this platform with a CertDesk certificate of theirs (a
 * completed scan request), so the call cannot tell a platform who else holds a certificate; anything
 * else is not_found. Rate-limited per platform before the lookup (one atomic hit in the database) and
 * audited, hit or miss, without the number.
 */
export async function matchPersonSubject(input: TMatchPersonSubject & { platformId: string }): Promise<{ subjectId: string }> {
  const { idNumber } = parseInput(ZMatchPersonSubjectSchema, input);
  const { platformId } = input;
  await consumeRateLimit(db, `subjects-match:${platformId}`, SUBJECT_MATCH_LIMITS);
  return db.$transaction(async (tx) => {
    const person = await findPersonSubject(tx, idNumber);
    const certificates = person ? await tx.certificate.findMany({ where: { personSubjectId: person.id }, select: { id: true } }) : [];
    const met = certificates.length
      ? await tx.scanRequest.count({ where: { platformId, status: "COMPLETED", certificateId: { in: certificates.map((c) => c.id) } } })
      : 0;
    const matched = Boolean(person && met > 0);
    await writeAudit(tx, { action: "certificate.subject_matched", targetType: "TradingPlatform", targetId: platformId, data: { platformId, matched } });
    if (!matched) return null;
    return { subjectId: person!.subjectId };
  }).then((result) => {
    if (!result) throw new AppError("not_found", { userMessage: "errors.not_found" });
    return result;
  });
}
