import { maskIdNumber } from "@/lib/validators/mask";

type Account = { realName: string | null; idNumberMasked: string | null; realNameVerifiedAt: Date | null };

/**
 * Whether `person` may be the account's real-name holder: any one while the account is not verified,
 * afterwards only the verified person. The account keeps the name and the masked ID number (the
 * full number is never stored), so "the same ID" is the same masked form: region, the last four
 * (the check character covers the hidden birth date too) and the same name.
 */
export function matchesVerifiedPerson(account: Account, person: { name: string; idNumber: string }): boolean {
  if (!account.realNameVerifiedAt) return true;
  const sameName = (account.realName ?? "").trim() === person.name.trim();
  const sameId = account.idNumberMasked === maskIdNumber(person.idNumber.trim().toUpperCase());
  return sameName && sameId;
}
