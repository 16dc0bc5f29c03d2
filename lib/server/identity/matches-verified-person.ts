import { maskIdNumber } from "@/lib/validators/mask";
import { idNumberHash } from "./id-number-hash";

type Account = { realName: string | null; idNumberMasked: string | null; idNumberHash?: string | null; realNameVerifiedAt: Date | null };

/**
 * Whether `person` may be the account's real-name holder: any one while the account is not verified,
 * afterwards only the verified person. The account keeps the name and the masked ID number (the
 * full number is never stored) and a keyed hash of the number, so "the same ID" is the same number (for
 * accounts verified before the hash was kept, the same masked form: region and the last four, whose check
 * character covers the hidden birth date too) and the same name.
 */
export function matchesVerifiedPerson(account: Account, person: { name: string; idNumber: string }): boolean {
  if (!account.realNameVerifiedAt) return true;
  const sameName = (account.realName ?? "").trim() === person.name.trim();
  // The exact number where the account keeps its hash; the masked form for accounts verified before it was kept.
  const sameId = account.idNumberHash ? account.idNumberHash === idNumberHash(person.idNumber) : account.idNumberMasked === maskIdNumber(person.idNumber.trim().toUpperCase());
  return sameName && sameId;
}
