import { AppError } from "@/lib/errors";
import { assertPermission } from "@/lib/server/auth/permissions";
import type { SessionUser } from "@/lib/server/auth/session-user";
import { writeAudit } from "@/lib/server/audit/write-audit";
import { db } from "@/lib/db/client";
import { ZUpdateChannelSchema } from "@/lib/server/channels/channel.types";

/**
 * Saves a channel's settings and its whole price list (the form shows every price; a removed row
 * is deleted). Orders already quoted keep their price: Order.priceFen was fixed at submission.
 * With `version` (the updatedAt the form loaded) the write is conditional on it: a stale form (another
 * operator saved in between) is refused with `conflict` and nothing is written.
 */
export async function updateChannel({ user, input, ip }: { user: Pick<SessionUser, "id" | "role">; input: unknown; ip?: string }) {
  assertPermission(user, "channels.manage");
  const { channelId, version, prices, changePrice, changeMaterialsUnit, changeMaterialsIndividual, ...fields } = ZUpdateChannelSchema.parse(input);
  // The 证书变更 settings; a caller that leaves one out keeps it (duplicates in a list are dropped).
  const change = {
    ...(changePrice === undefined ? {} : { changePriceFen: changePrice }),
    ...(changeMaterialsUnit === undefined ? {} : { changeMaterialsUnit: [...new Set(changeMaterialsUnit)] }),
    ...(changeMaterialsIndividual === undefined ? {} : { changeMaterialsIndividual: [...new Set(changeMaterialsIndividual)] }),
  };
  const keys = prices.map((p) => `${p.product}:${p.years}`);
  if (new Set(keys).size !== keys.length) {
    throw new AppError("validation_failed", { fields: { prices: ["review.errors.duplicatePrice"] } });
  }
  return db.$transaction(async (tx) => {
    const before = await tx.channel.findUnique({ where: { id: channelId }, include: { prices: true } });
    if (!before) throw new AppError("not_found");
    if (version) {
      // One conditional write: of two saves from forms loaded at the same version, one wins.
      const { count } = await tx.channel.updateMany({ where: { id: channelId, updatedAt: new Date(version) }, data: { ...fields, ...change } });
      if (count === 0) throw new AppError("conflict", { userMessage: "review.channels.staleForm" });
    }
    const channel = version
      ? await tx.channel.findUniqueOrThrow({ where: { id: channelId } })
      : await tx.channel.update({ where: { id: channelId }, data: { ...fields, ...change } });
    await tx.channelPrice.deleteMany({ where: { channelId } });
    await tx.channelPrice.createMany({ data: prices.map((p) => ({ channelId, product: p.product, years: p.years, priceFen: p.price })) });
    await writeAudit(tx, {
      actorId: user.id,
      action: "channel.updated",
      targetType: "Channel",
      targetId: channelId,
      data: {
        ...fields,
        prices: Object.fromEntries(prices.map((p) => [`${p.product}:${p.years}`, p.price])),
        previousPrices: Object.fromEntries(before.prices.map((p) => [`${p.product}:${p.years}`, p.priceFen])),
        // The review switches as they were and as they are now (each a change of who decides).
        switches: { reviewDeskRevocations: channel.reviewDeskRevocations, renewalNeedsMaterials: channel.renewalNeedsMaterials, reissueNeedsForm: channel.reissueNeedsForm, requireTwoReviewers: channel.requireTwoReviewers },
        previousSwitches: { reviewDeskRevocations: before.reviewDeskRevocations, renewalNeedsMaterials: before.renewalNeedsMaterials, reissueNeedsForm: before.reissueNeedsForm, requireTwoReviewers: before.requireTwoReviewers },
        change: { priceFen: channel.changePriceFen, materialsUnit: channel.changeMaterialsUnit, materialsIndividual: channel.changeMaterialsIndividual },
        previousChange: { priceFen: before.changePriceFen, materialsUnit: before.changeMaterialsUnit, materialsIndividual: before.changeMaterialsIndividual },
      },
      ip,
    });
    return channel;
  });
}
