import { db } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { getIdentityProvider } from "@/lib/identity/get-identity-provider";
import { resolveChannel } from "@/lib/server/channels/resolve-channel";
import { createLookupGrant } from "./create-lookup-grant";
import { takeLookupHit } from "./take-lookup-hit";
import { ZLookupRealName, type TLookupRealName } from "./lookup.types";

/**
 * Personal fallback when no applicant's phone is at hand: the person proves they are the holder of
 * the ID number with 手机号三要素 or 银行卡四要素. A pass opens the lookup of that ID number (which may
 * hold nothing); a refusal says only that the check failed, whether or not the subject exists.
 */
export async function verifyLookupRealName(input: TLookupRealName & { ip: string; now?: Date }) {
  const args = ZLookupRealName.parse(input);
  const now = input.now ?? new Date();
  await takeLookupHit({ subjectKey: args.idNumber, ip: input.ip, now });
  const provider = getIdentityProvider();
  const person = { name: args.name, idNumber: args.idNumber };
  const result =
    args.method === "PHONE3"
      ? await provider.verifyPhone3({ ...person, phone: args.phone })
      : await provider.verifyBank4({ ...person, phone: args.phone, bankCard: args.bankCard });
  if (!result.ok) throw new AppError("forbidden", { userMessage: "lifecycleLookup.errors.realNameFailed" });
  const ch = await resolveChannel(db, { code: args.channel });
  return db.$transaction((tx) =>
    createLookupGrant(tx, { subjectType: "INDIVIDUAL", subjectKey: args.idNumber, channelId: ch.id, method: args.method === "PHONE3" ? "phone3" : "bank4", ip: input.ip, now }),
  );
}
