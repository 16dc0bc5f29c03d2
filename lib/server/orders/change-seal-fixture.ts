import { z } from "zod";
import { AppError } from "@/lib/errors";
import { env } from "@/lib/env";
import { db } from "@/lib/db/client";

export const ZChangeSealFixture = z.object({ certificateId: z.string().min(1).max(64), name: z.string().min(1).max(40).default("公章") });

/**
 * End-to-end test fixture (CERTDESK_E2E_FIXTURES=1 only, else NOT_FOUND as if there were no route): an
 * approved seal row of the caller's enterprise bound to their signing certificate, so the change spec can
 * watch 证书变更 void it. Seals are made by the seals flow (issue 14); this only puts a row in place.
 */
export async function changeSealFixture({ userId, input }: { userId: string; input: unknown }) {
  if (env().CERTDESK_E2E_FIXTURES !== "1") throw new AppError("not_found");
  const { certificateId, name } = ZChangeSealFixture.parse(input);
  const cert = await db.certificate.findFirst({ where: { id: certificateId, userId, usage: "SIGN" }, select: { id: true, orgId: true } });
  if (!cert) throw new AppError("not_found");
  const seal = await db.seal.create({ data: { orgId: cert.orgId, userId: cert.orgId ? null : userId, name, kind: cert.orgId ? "OFFICIAL" : "PERSONAL", status: "APPROVED", certificateId: cert.id } });
  return { sealId: seal.id };
}

/** The fixture seal's state, for the spec's assertion after the change (E2E only). */
export async function changeSealFixtureState({ userId, sealId }: { userId: string; sealId: string }) {
  if (env().CERTDESK_E2E_FIXTURES !== "1") throw new AppError("not_found");
  const seal = await db.seal.findFirst({ where: { id: sealId, OR: [{ userId }, { org: { members: { some: { userId, status: "ACTIVE" } } } }] }, select: { status: true, voidReason: true, needsReapply: true, orgId: true } });
  if (!seal) throw new AppError("not_found");
  return seal;
}
