import { randomBytes, randomUUID } from "node:crypto";
import type { CertStatus, OrderStatus, SubjectType } from "@/lib/generated/prisma/enums";
import type { Prisma } from "@/lib/generated/prisma/client";
import { db } from "@/lib/db/client";
import { generateOrderNo } from "@/lib/server/orders/generate-order-no";
import { createUser, uniquePhone } from "../support/factories";
import { uniqueIdNumber, uniqueUscc } from "./orders-fixtures";

// Shared by lifecycle-lookup / lifecycle-reapply: a subject with a completed order and its
// certificate rows, put straight into the state the test needs.

/** An inactive CA row certificates can point at (inactive: no other test signs with it). */
async function fixtureCa() {
  return db.certificateAuthority.create({
    data: {
      kind: "ISSUING",
      name: "fixture",
      subjectDn: "CN=fixture",
      certDer: Buffer.from([0]),
      serialHex: randomBytes(8).toString("hex"),
      keyRef: "none",
      notBefore: new Date(Date.now() - 86400_000),
      notAfter: new Date(Date.now() + 86400_000 * 3650),
      active: false,
    },
  });
}

export async function subjectWithCertificate({
  subjectType = "UNIT",
  channelId,
  status = "VALID",
  notAfter = new Date(Date.now() + 86400_000 * 300),
  orderStatus = "COMPLETED",
}: { subjectType?: SubjectType; channelId: string; status?: CertStatus; notAfter?: Date; orderStatus?: OrderStatus }) {
  const applicant = await createUser();
  const handlerPhone = uniquePhone();
  const subjectKey = subjectType === "UNIT" ? uniqueUscc() : uniqueIdNumber();
  const subjectName = subjectType === "UNIT" ? `查询测试单位${randomUUID().slice(0, 4)}有限公司` : "张三";
  const legalRep = { legalRepName: "李四", legalRepIdType: "RESIDENT_ID" as const, legalRepIdNumber: uniqueIdNumber(), legalRepPhone: uniquePhone() };
  const draft =
    subjectType === "UNIT"
      ? {
          enterprise: { name: subjectName, uscc: subjectKey, ...legalRep },
          handler: { isLegalRep: false, name: "王五", idType: "RESIDENT_ID", idNumber: uniqueIdNumber(), phone: handlerPhone, email: "h@example.com", method: "PHONE3" },
          goods: { years: 1 },
        }
      : { person: { name: subjectName, idType: "RESIDENT_ID", idNumber: subjectKey, phone: handlerPhone, email: "p@example.com" }, goods: { years: 1 } };
  const order = await db.order.create({
    data: {
      no: generateOrderNo(),
      userId: applicant.id,
      channelId,
      subjectType,
      subjectKey,
      subjectName,
      status: orderStatus,
      step: "pay",
      verificationMethod: "PHONE3",
      draft: draft as Prisma.InputJsonValue,
      years: 1,
      priceFen: 38000,
      completedAt: orderStatus === "COMPLETED" ? new Date() : null,
    },
  });
  const ca = await fixtureCa();
  const certs = await Promise.all(
    (["SIGN", "ENCRYPT"] as const).map((usage) =>
      db.certificate.create({
        data: {
          serialHex: randomBytes(10).toString("hex"),
          caId: ca.id,
          usage,
          subjectType,
          subjectDn: `CN=${subjectName}`,
          subjectName,
          der: Buffer.from([0]),
          fingerprint: randomBytes(16).toString("hex"),
          notBefore: new Date(notAfter.getTime() - 86400_000 * 365),
          notAfter,
          status,
          revokedAt: status === "REVOKED" ? new Date() : null,
          orderId: order.id,
          userId: applicant.id,
        },
      }),
    ),
  );
  return { applicant, handlerPhone, subjectKey, subjectName, legalRep, order, sign: certs[0]!, encrypt: certs[1]! };
}
