import { keyedHash } from "@/lib/db/keyed-hash";

/** The account's verified ID number as a keyed hash (the number itself is never stored): exact matching without keeping it. */
export function idNumberHash(idNumber: string): string {
  return keyedHash("account-id-number", idNumber.trim().toUpperCase());
}
