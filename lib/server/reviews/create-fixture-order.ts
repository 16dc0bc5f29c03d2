import { randomInt, randomUUID } from "node:crypto";
import { AppError } from "@/lib/errors";
import { env } from "@/lib/env";
import { db } from "@/lib/db/client";
import { writeAudit } from "@/lib/server/audit/write-audit";
import { maskSubject } from "@/lib/server/identity/identity-subject.types";
import { idNumberCheckChar } from "@/lib/validators/id-number";

/**
 * A spec's own channel (code `e2e-…`, named 测试渠道 <code>), made with the demo channel's methods on first use:
 * a spec that turns a channel switch on does it on its own channel, so specs running beside it on the demo
 * channel never see the switch (two specs once failed that way).
 */
async function fixtureChannel(code: string) {
  const demo = await db.channel.findUniqueOrThrow({ where: { code: "demo" }, select: { allowedMethods: true } });
  return db.channel.upsert({ where: { code }, update: {}, create: { code, name: `测试渠道 ${code}`, allowedMethods: demo.allowedMethods } });
}

/**
 * End-to-end test fixture: an individual's order as it stands after the wizard, signing and payment
 * (IN_REVIEW), for the calling account. It exists only on a server started with
 * CERTDESK_E2E_FIXTURES=1 (scripts/e2e-server.mjs does; never set it on a real desk: the start-up
 * log warns); otherwise NOT_FOUND, as if there were no such route.
 */
export async function createFixtureOrder({ userId, holderPhone, fourEyes, channel: channelCode }: { userId: string; holderPhone: string; fourEyes: boolean; channel?: string }) {
  if (env().CERTDESK_E2E_FIXTURES !== "1") throw new AppError("not_found");
  // A random birth date (1960–1999) and sequence: 13 million ID numbers, so the orders of one e2e run
  // (a few hundred, some left open) do not meet on one subject (one open order per ID number). One
  // February birthday and 1,000 sequences did: about one run in ten failed with 该主体已有其他账号正在办理的申请.
  const two = (n: number) => String(n).padStart(2, "0");
  const first17 = `110105${randomInt(1960, 2000)}${two(randomInt(1, 13))}${two(randomInt(1, 29))}${String(randomInt(0, 1000)).padStart(3, "0")}`;
  const idNumber = first17 + idNumberCheckChar(first17);
  const channel = fourEyes
    ? await db.channel.upsert({
        where: { code: "e2e-four-eyes" },
        update: { requireTwoReviewers: true },
        create: { code: "e2e-four-eyes", name: "双人审核测试渠道", allowedMethods: ["PHONE3"], requireTwoReviewers: true },
      })
    : channelCode
      ? await fixtureChannel(channelCode)
      : await db.channel.findUniqueOrThrow({ where: { code: "demo" } });
  const now = new Date();
  const person = { name: "张三", idType: "RESIDENT_ID", idNumber, phone: holderPhone, email: "e2e@example.test" };
  return db.$transaction(async (tx) => {
    const order = await tx.order.create({
      data: {
        no: `E${Date.now().toString(36)}${randomUUID().slice(0, 4)}`.toUpperCase(),
        userId,
        channelId: channel.id,
        subjectType: "INDIVIDUAL",
        subjectKey: idNumber,
        subjectName: "张三",
        status: "IN_REVIEW",
        step: "pay",
        verificationMethod: "PHONE3",
        draft: {
          agreedUserAgreementAt: now.toISOString(),
          person,
          goods: { years: 1, medium: "CLOUD", withSeal: false, invoice: { wanted: false } },
        },
        years: 1,
        priceFen: 9800,
        agreementVersion: "CD-CSA-2026.11",
        agreementHash: "e2e".padEnd(64, "0"),
        agreedAt: now,
        signedAt: now,
        submittedAt: now,
        paidAt: now,
        // The sandbox payment the order was paid with (账单管理 lists it; 申请发票 needs it).
        payments: { create: { provider: "sandbox", method: "wechat_pay", amountFen: 9800, status: "SUCCEEDED", paidAt: now } },
      },
    });
    // The applicant's real-name check as the wizard's PHONE3 step leaves it (sandbox, passed).
    const check = await tx.identityCheck.create({
      data: {
        userId,
        orderId: order.id,
        method: "PHONE3",
        role: "APPLICANT",
        status: "PASSED",
        subject: maskSubject({ name: person.name, idNumber, phone: holderPhone }),
        provider: "sandbox",
        providerRef: `e2e-${order.no}`,
        completedAt: now,
      },
    });
    await tx.order.update({ where: { id: order.id }, data: { draft: { ...(order.draft as object), checks: { subject: check.id } } } });
    await tx.orderEvent.create({ data: { orderId: order.id, type: "fixture", toStatus: "IN_REVIEW", actorId: userId } });
    await writeAudit(tx, { actorId: userId, action: "order.fixture_created", targetType: "Order", targetId: order.id, data: { no: order.no } });
    return { orderId: order.id, no: order.no, idNumber };
  });
}
