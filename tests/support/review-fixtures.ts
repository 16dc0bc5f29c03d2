import { randomInt, randomUUID } from "node:crypto";
import type { OrderStatus, SubjectType } from "@/lib/generated/prisma/enums";
import { idNumberCheckChar } from "@/lib/validators/id-number";
import { db } from "@/lib/db/client";
import { uniquePhone } from "./factories";

/** A well-formed resident ID number nobody else in the test run uses (born 1990, random sequence). */
export function uniqueIdNumber(): string {
  const first17 = `110105199001${String(randomInt(1, 29)).padStart(2, "0")}${String(randomInt(0, 1000)).padStart(3, "0")}`;
  return first17 + idNumberCheckChar(first17);
}

export async function createChannel({ requireTwoReviewers = false }: { requireTwoReviewers?: boolean } = {}) {
  return db.channel.create({
    data: {
      code: `rv-${randomUUID().slice(0, 8)}`,
      name: "测试渠道",
      allowedMethods: ["PHONE3", "BANK4"],
      requireTwoReviewers,
      mailingAddress: "测试地址",
    },
  });
}

/**
 * An order as the wizard leaves it after signing and payment (default: an individual's, IN_REVIEW),
 * written straight to the database: review and phone tests start where the orders domain stops.
 */
export async function createSubmittedOrder({
  userId,
  channelId,
  status = "IN_REVIEW",
  subjectType = "INDIVIDUAL",
  holderPhone = uniquePhone(),
}: {
  userId: string;
  channelId?: string;
  status?: OrderStatus;
  subjectType?: SubjectType;
  holderPhone?: string;
}) {
  const channel = channelId ?? (await createChannel()).id;
  const idNumber = uniqueIdNumber();
  const person = { name: "张三", idType: "RESIDENT_ID", idNumber, phone: holderPhone, email: "zhang@example.test" };
  const enterprise = { name: "沙箱测试科技有限公司", uscc: "91350100M000100Y43", legalRepName: "李四", legalRepIdType: "RESIDENT_ID", legalRepIdNumber: uniqueIdNumber(), legalRepPhone: uniquePhone() };
  const draft = subjectType === "UNIT" ? { enterprise, handler: { ...person, isLegalRep: false, method: "PHONE3" } } : { person };
  const now = new Date();
  return db.order.create({
    data: {
      no: `T${Date.now().toString(36)}${randomInt(0, 1e6)}`.toUpperCase(),
      userId,
      channelId: channel,
      subjectType,
      subjectKey: subjectType === "UNIT" ? enterprise.uscc : idNumber,
      subjectName: subjectType === "UNIT" ? enterprise.name : person.name,
      status,
      step: "pay",
      verificationMethod: "PHONE3",
      draft,
      years: 1,
      priceFen: 9800,
      agreementVersion: "CD-CSA-2026.11",
      agreementHash: "0".repeat(64),
      agreedAt: now,
      signedAt: now,
      submittedAt: now,
      paidAt: now,
      approvedAt: status === "APPROVED" ? now : null,
    },
  });
}
