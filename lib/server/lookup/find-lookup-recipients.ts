import type { Db, Tx } from "@/lib/db/client";
import type { SubjectType } from "@/lib/generated/prisma/enums";
import { readDraft } from "@/lib/server/orders/order-draft.types";

/**
 * Who may receive a lookup code for a subject in a channel: the accounts that applied for it and the
 * persons named in its orders (the applicant for a person, the 经办人 for a unit). Never shown to
 * the caller: it only decides whether a code is really sent.
 */
export async function findLookupRecipients(client: Db | Tx, { subjectType, subjectKey, channelId }: { subjectType: SubjectType; subjectKey: string; channelId: string }) {
  const orders = await client.order.findMany({
    where: { subjectType, subjectKey, channelId },
    select: { draft: true, user: { select: { phone: true } } },
    take: 200,
  });
  const phones = new Set<string>();
  for (const o of orders) {
    phones.add(o.user.phone);
    const draft = readDraft(o.draft);
    const named = subjectType === "UNIT" ? draft.handler?.phone : draft.person?.phone;
    if (named) phones.add(named);
  }
  return phones;
}
