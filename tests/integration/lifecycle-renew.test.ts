import { describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { sendCertificateReminders } from "@/lib/server/certs/certificate-reminders-send";
import { runCertMaintenance } from "@/lib/server/ca/run-cert-maintenance";
import { jobHandlers } from "@/lib/server/jobs/job-handlers";
import { createRenewOrder } from "@/lib/server/orders/renew-create-order";
import { renewByMember } from "@/lib/server/orders/renew-by-member";
import { listRenewableCertificates } from "@/lib/server/orders/renew-list-certificates";
import { advanceStep } from "@/lib/server/orders/advance-step";
import { saveGoodsStep } from "@/lib/server/orders/save-goods-step";
import { savePersonStep } from "@/lib/server/orders/save-person-step";
import { confirmOrder } from "@/lib/server/orders/confirm-order";
import { sendSignCode } from "@/lib/server/orders/send-sign-code";
import { signApplication } from "@/lib/server/orders/sign-application";
import { onOrderPaid } from "@/lib/server/orders/on-order-paid";
import { generateOrderNo } from "@/lib/server/orders/generate-order-no";
import { firstIncompleteStep } from "@/lib/server/orders/first-incomplete-step";
import { listPhoneCertificates } from "@/lib/server/certs/list-phone-certificates";
import { maskPhone } from "@/lib/server/auth/session-user";
import { createUser, uniqueIp, uniquePhone } from "../support/factories";
import { expectAppError } from "../support/expect-app-error";
import { latestSmsCode } from "../support/outbox";
import { downloadAsPhone } from "../support/phone-download";
import { createChannel, goodsInput, uniqueIdNumber } from "./orders-fixtures";
import { enterpriseWithMembers, PIN } from "./org-fixtures";
import { createPlatform } from "./org-support";
import { useOwnDatabase } from "./own-database";

// A database of its own on PostgreSQL: its reminders move the clock over every certificate in the database, which other files must not see.
await useOwnDatabase("lifecycle_renew");

const DAY = 86_400_000;
const before = (notAfter: Date, days: number) => new Date(notAfter.getTime() - days * DAY);

/** A person holding an individual certificate downloaded on their phone (1 year). */
async function individualHolder({ email }: { email?: string } = {}) {
  const channel = await createChannel();
  const user = await createUser();
  if (email) await db.user.update({ where: { id: user.id }, data: { email } });
  const person = { name: "王续期", idType: "RESIDENT_ID", idNumber: uniqueIdNumber(), phone: uniquePhone(), email: "p@example.test" };
  const now = new Date();
  const order = await db.order.create({
    data: {
      no: generateOrderNo(),
      userId: user.id,
      channelId: channel.id,
      subjectType: "INDIVIDUAL",
      subjectKey: person.idNumber,
      subjectName: person.name,
      status: "APPROVED",
      step: "pay",
      verificationMethod: "PHONE3",
      draft: { person },
      years: 1,
      priceFen: 9800,
      submittedAt: now,
      paidAt: now,
      approvedAt: now,
    },
  });
  const download = await downloadAsPhone(user.id, order.id, PIN);
  const cert = await db.certificate.findFirstOrThrow({ where: { orderId: order.id, usage: "SIGN" } });
  return { user, channel, order, person, cert, download };
}

const remindersOf = (certificateId: string) => db.certificateReminder.findMany({ where: { certificateId }, orderBy: { daysBefore: "desc" } });
const inboxOf = (userId: string) => db.inboxMessage.findMany({ where: { userId, link: "/renew" } });

/** Runs every queued job of a type once (as workers would). */
async function runQueued(type: "certs.remind") {
  const jobs = await db.job.findMany({ where: { type, status: "PENDING" } });
  await db.job.updateMany({ where: { id: { in: jobs.map((j) => j.id) } }, data: { status: "DONE" } });
  await Promise.all(jobs.map((j) => jobHandlers[type](j.payload as { at: string })));
  return jobs.length;
}

describe("到期提醒: SMS + e-mail + inbox at 90, 30 and 7 days, once each", () => {
  it("a moved clock reaches each threshold; each is sent once however often the job runs", async () => {
    const { user, cert } = await individualHolder({ email: "holder@example.test" });
    const notAfter = cert.notAfter;
    const smsJobs = () => db.job.count({ where: { type: "notify.sms", createdAt: { gte: cert.createdAt } } });

    // 91 days before: nothing.
    await sendCertificateReminders({ now: before(notAfter, 91) });
    expect(await remindersOf(cert.id)).toHaveLength(0);

    // 89 days before: the 90-day reminder; again at 85 days: nothing new.
    const sms0 = await smsJobs();
    expect(await sendCertificateReminders({ now: before(notAfter, 89) })).toBeGreaterThanOrEqual(1);
    await sendCertificateReminders({ now: before(notAfter, 85) });
    expect((await remindersOf(cert.id)).map((r) => r.daysBefore)).toEqual([90]);
    expect(await smsJobs()).toBe(sms0 + 1);
    const inbox = await inboxOf(user.id);
    expect(inbox).toHaveLength(1);
    expect(inbox[0]!.title).toContain("89");
    expect(inbox[0]!.body).toContain(cert.serialHex);
    const email = await db.job.findFirstOrThrow({ where: { type: "notify.email", createdAt: { gte: cert.createdAt } }, orderBy: { createdAt: "desc" } });
    expect(email.payload).toMatchObject({ to: "holder@example.test", template: "cert_expiring" });

    // 30 and 7 days, each once.
    await sendCertificateReminders({ now: before(notAfter, 29) });
    await sendCertificateReminders({ now: before(notAfter, 28) });
    await sendCertificateReminders({ now: before(notAfter, 6) });
    await sendCertificateReminders({ now: before(notAfter, 1) });
    expect((await remindersOf(cert.id)).map((r) => r.daysBefore)).toEqual([90, 30, 7]);
    expect(await inboxOf(user.id)).toHaveLength(3);
    expect(await smsJobs()).toBe(sms0 + 3);

    // After expiry: nothing more.
    await sendCertificateReminders({ now: new Date(notAfter.getTime() + DAY) });
    expect(await inboxOf(user.id)).toHaveLength(3);

    // The SMS text names the certificate and the days left.
    await latestSmsCode(uniquePhone()).catch(() => undefined); // runs the queued jobs
    const sms = await db.outboxMessage.findFirstOrThrow({ where: { to: user.phone, channel: "SMS" }, orderBy: { createdAt: "desc" } });
    expect(sms.body).toContain("王续期");
    expect(sms.body).toContain("续期");
  });

  it("a certificate entering the window late gets only the nearest reminder", async () => {
    const { cert } = await individualHolder();
    await sendCertificateReminders({ now: before(cert.notAfter, 20) });
    await sendCertificateReminders({ now: before(cert.notAfter, 19) });
    expect((await remindersOf(cert.id)).map((r) => r.daysBefore)).toEqual([30]);
  });

  it("parallel maintenance runs queue certs.remind jobs that send once", async () => {
    const { user, cert } = await individualHolder();
    const now = before(cert.notAfter, 60);
    await Promise.all(Array.from({ length: 5 }, () => runCertMaintenance({ now })));
    expect(await db.job.count({ where: { type: "certs.remind", status: "PENDING" } })).toBeGreaterThanOrEqual(5);
    // 5 queued jobs run at once, plus 10 direct parallel calls: one reminder.
    await Promise.all([runQueued("certs.remind"), ...Array.from({ length: 10 }, () => sendCertificateReminders({ now }))]);
    expect((await remindersOf(cert.id)).map((r) => r.daysBefore)).toEqual([90]);
    expect(await inboxOf(user.id)).toHaveLength(1);
  });

  it("a certificate with a renewal under way gets no more reminders", async () => {
    const { user, cert } = await individualHolder();
    await createRenewOrder({ userId: user.id, certificateId: cert.id, now: before(cert.notAfter, 80) });
    await sendCertificateReminders({ now: before(cert.notAfter, 29) });
    expect(await remindersOf(cert.id)).toHaveLength(0);
  });
});

describe("续期: the RENEW wizard from a certificate", () => {
  it("opens only within 90 days, prefilled; once under 20 parallel clicks", async () => {
    const { user, cert, person } = await individualHolder();
    await expectAppError(createRenewOrder({ userId: user.id, certificateId: cert.id, now: before(cert.notAfter, 120) }), "conflict", "lifecycleRenew.errors.notRenewable");
    const other = await createUser();
    await expectAppError(createRenewOrder({ userId: other.id, certificateId: cert.id, now: before(cert.notAfter, 30) }), "not_found");

    const listedEarly = await listRenewableCertificates({ userId: user.id, now: before(cert.notAfter, 120) });
    expect(listedEarly.find((c) => c.id === cert.id)?.block).toBe("notYet");

    const now = before(cert.notAfter, 30);
    const results = await Promise.allSettled(Array.from({ length: 20 }, () => createRenewOrder({ userId: user.id, certificateId: cert.id, now })));
    const ok = results.filter((r) => r.status === "fulfilled");
    expect(ok).toHaveLength(1);
    for (const r of results) if (r.status === "rejected") expect((r.reason as { code: string }).code).toBe("conflict");
    const { orderId, nextPath } = (ok[0] as PromiseFulfilledResult<{ orderId: string; nextPath: string }>).value;
    expect(nextPath).toBe(`/apply/renew-individual/${orderId}/renew-info`);
    const order = await db.order.findUniqueOrThrow({ where: { id: orderId } });
    expect(order).toMatchObject({ kind: "RENEW", subjectType: "INDIVIDUAL", status: "DRAFT", renewsCertificateId: cert.id, subjectKey: person.idNumber });
    expect((order.draft as { person: { name: string } }).person.name).toBe("王续期");
    const listed = await listRenewableCertificates({ userId: user.id, now });
    expect(listed.find((c) => c.id === cert.id)).toMatchObject({ block: "inProgress", resumePath: `/apply/renew-individual/${orderId}/renew-info` });
  });

  it("individual: info → the holder's own real-name check → goods (channel price) → confirm → SMS signature → paid → APPROVED at once → the phone downloads the new pair, the old one stays valid", async () => {
    const { user, cert, person } = await individualHolder();
    const now = before(cert.notAfter, 10);
    const { orderId } = await createRenewOrder({ userId: user.id, certificateId: cert.id, now });
    expect(await advanceStep({ orderId, step: "renew-info" })).toBe(`/apply/renew-individual/${orderId}/person`);
    // The prefilled person is not checked yet: the old order's check is not copied.
    expect(await firstIncompleteStep(await db.order.findUniqueOrThrow({ where: { id: orderId } }))).toBe("person");
    // Someone else's name or ID number is refused before any check runs.
    await expectAppError(savePersonStep({ userId: user.id, orderId, input: { ...person, idNumber: uniqueIdNumber() } }), "validation_failed", "lifecycleRenew.errors.subjectMismatch");
    await expectAppError(savePersonStep({ userId: user.id, orderId, input: { ...person, name: "李别人" } }), "validation_failed", "lifecycleRenew.errors.subjectMismatch");
    expect(await db.identityCheck.count({ where: { orderId } })).toBe(0);
    const checked = await savePersonStep({ userId: user.id, orderId, input: person });
    expect(checked).toMatchObject({ status: "PASSED", nextPath: `/apply/renew-individual/${orderId}/goods` });
    expect(await db.identityCheck.findFirstOrThrow({ where: { orderId } })).toMatchObject({ role: "APPLICANT", status: "PASSED", method: "PHONE3" });
    await saveGoodsStep({ userId: user.id, orderId, input: goodsInput() });
    const priced = await db.order.findUniqueOrThrow({ where: { id: orderId } });
    expect(priced.priceFen).toBe(9800);
    expect(await firstIncompleteStep(priced)).toBeNull();
    expect((await confirmOrder({ userId: user.id, orderId })).nextPath).toBe(`/apply/renew-individual/${orderId}/sign`);
    await sendSignCode({ userId: user.id, orderId, ip: uniqueIp(), locale: "zh-CN" });
    await signApplication({ userId: user.id, orderId, input: { code: await latestSmsCode(person.phone), agreed: true } });
    expect((await db.order.findUniqueOrThrow({ where: { id: orderId } })).status).toBe("AWAITING_PAYMENT");
    await db.$transaction((tx) => onOrderPaid(tx, { orderId, paymentId: "test-payment" }));
    expect((await db.order.findUniqueOrThrow({ where: { id: orderId } })).status).toBe("APPROVED");

    // 登录后自动更新: the phone lists the approved renewal to download.
    const phone = await listPhoneCertificates({ userId: user.id, now });
    expect(phone.downloadable.map((o) => o.id)).toContain(orderId);
    expect(phone.active.find((c) => c.id === cert.id)?.isExpiringSoon).toBe(true);
    const renewed = await downloadAsPhone(user.id, orderId, PIN);
    expect(renewed.issued.certificates).toHaveLength(2);
    const [oldCert, newSign] = await Promise.all([
      db.certificate.findUniqueOrThrow({ where: { id: cert.id } }),
      db.certificate.findFirstOrThrow({ where: { orderId, usage: "SIGN" } }),
    ]);
    expect(oldCert.status).toBe("VALID");
    expect(newSign.subjectDn).toBe(oldCert.subjectDn);
    expect(newSign.keyShareId).not.toBe(oldCert.keyShareId);
    // Renewed once: not offered again.
    await expectAppError(createRenewOrder({ userId: user.id, certificateId: cert.id, now }), "conflict", "lifecycleRenew.errors.alreadyRenewed");
    const listed = await listRenewableCertificates({ userId: user.id, now });
    expect(listed.find((c) => c.id === cert.id)?.block).toBe("renewed");
  });

  it("enterprise: the certificate administrator's SMS code signs; a member goes through the enterprise's request", async () => {
    const { admin, alice, org } = await enterpriseWithMembers();
    const cert = await db.certificate.findFirstOrThrow({ where: { userId: admin.user.id, usage: "SIGN", orgId: org.id } });
    const now = before(cert.notAfter, 45);
    const { orderId, nextPath } = await createRenewOrder({ userId: admin.user.id, certificateId: cert.id, now });
    expect(nextPath).toBe(`/apply/renew-unit/${orderId}/renew-info`);
    const order = await db.order.findUniqueOrThrow({ where: { id: orderId } });
    expect(order).toMatchObject({ orgId: org.id, subjectKey: org.uscc, kind: "RENEW" });
    // The handler's identity check is not copied: the handler step is the first incomplete one.
    expect(await firstIncompleteStep(order)).toBe("handler");
    // The signing code goes to the certificate administrator's phone, not the handler's.
    const sent = await sendSignCode({ userId: admin.user.id, orderId, ip: uniqueIp(), locale: "zh-CN" });
    expect(sent.phone).toBe(maskPhone(admin.user.phone));
    expect(await latestSmsCode(admin.user.phone)).toMatch(/^\d{6}$/);

    // A MEMBER may not open the renewal wizard: their renewal is an enterprise certificate request.
    const aliceCert = await db.certificate.findFirstOrThrow({ where: { userId: alice.user.id, usage: "SIGN", orgId: org.id } });
    await expectAppError(createRenewOrder({ userId: alice.user.id, certificateId: aliceCert.id, now }), "forbidden");
    const listed = await listRenewableCertificates({ userId: alice.user.id, now });
    expect(listed.find((c) => c.id === aliceCert.id)?.isMemberRequest).toBe(true);
    const p = await createPlatform();
    const request = await renewByMember({ userId: alice.user.id, certificateId: aliceCert.id, years: 1, platformIds: [p.id], now });
    expect(request.status).toBe("PENDING_ADMIN");
    expect(await db.orgRequest.findUniqueOrThrow({ where: { id: request.requestId } })).toMatchObject({ kind: "CERT", requesterId: alice.user.id, orgId: org.id });
    // Not someone else's certificate, not outside the window.
    await expectAppError(renewByMember({ userId: alice.user.id, certificateId: cert.id, years: 1, platformIds: [p.id], now }), "not_found");
    await expectAppError(renewByMember({ userId: alice.user.id, certificateId: aliceCert.id, years: 1, platformIds: [p.id], now: before(aliceCert.notAfter, 200) }), "conflict");
  });
});
