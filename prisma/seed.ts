// Data for a fresh desk: a channel with prices; in demo mode also the demo accounts (CA staff and
// applicants with the password printed in the README) and two demo trading platforms.
// Idempotent: running it again keeps existing rows (and the data people created).
// Outside demo mode the published demo accounts must not open anything: they are not created, and
// ones left from an earlier demo run are disabled with their password removed.
import { randomBytes } from "node:crypto";
import type { ChannelProduct } from "@/lib/generated/prisma/enums";
import { db, closeDb } from "@/lib/db/client";
import { hashPassword } from "@/lib/server/auth/password-hash";
import { keyedHash } from "@/lib/db/keyed-hash";
import { sealSecret } from "@/lib/db/seal";
import { env, isDemoMode } from "@/lib/env";
import { verifyPassword } from "@/lib/server/auth/password-hash";
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from "./demo-accounts";

const PRICES: Array<[ChannelProduct, number, number]> = [
  ["UNIT_CERT", 1, 38000],
  ["UNIT_CERT", 2, 68000],
  ["UNIT_CERT", 3, 98000],
  ["INDIVIDUAL_CERT", 1, 9800],
  ["INDIVIDUAL_CERT", 2, 17800],
  ["INDIVIDUAL_CERT", 3, 24800],
  ["SEAL", 1, 20000],
  ["USB_KEY", 1, 8000],
];

export async function seed({ demo = isDemoMode() }: { demo?: boolean } = {}) {
  if (demo) {
    const passwordHash = await hashPassword(DEMO_PASSWORD);
    for (const a of DEMO_ACCOUNTS) {
      await db.user.upsert({
        where: { phone: a.phone },
        update: {},
        create: { phone: a.phone, role: a.role, name: a.name, passwordHash },
      });
    }
  } else {
    await disableDemoAccounts();
  }
  const channel = await db.channel.upsert({
    where: { code: "demo" },
    update: {},
    create: {
      code: "demo",
      name: "演示渠道",
      nameEn: "Demo channel",
      allowedMethods: ["CORP_DEPOSIT", "PERSONAL_DEPOSIT", "PHONE3", "BANK4", "FACE"],
      autoApproveIndividual: true,
      allowNoInvoice: true,
      supportPhone: env().SUPPORT_PHONE,
      mailingAddress: "北京市海淀区演示路1号 云证书服务台 受理中心（收）100000",
      // 证书变更: 100 元 (the materials are the schema's defaults: 营业执照 + 变更通知书, or the ID card).
      changePriceFen: 10000,
      offerUsbKey: true,
    },
  });
  for (const [product, years, priceFen] of PRICES) {
    await db.channelPrice.upsert({
      where: { channelId_product_years: { channelId: channel.id, product, years } },
      update: {},
      create: { channelId: channel.id, product, years, priceFen },
    });
  }
  const platforms = [
    { code: "demo-tender", name: "演示招投标交易平台", nameEn: "Demo tender platform", path: "/demo/tender" },
    { code: "city-ggzy", name: "示范市公共资源交易中心", nameEn: "Model City Public Resource Trading Centre", path: "/demo/city" },
  ];
  for (const p of demo ? platforms : []) {
    // The demo tender platform (app/demo/tender) computes the same credentials from the server key,
    // so it can call the public API like an outside platform without a stored secret.
    const isDemo = p.code === "demo-tender";
    const demoWebhook = `${env().APP_URL}/demo/tender/api/webhook`;
    const exists = await db.tradingPlatform.findUnique({ where: { code: p.code } });
    if (exists) {
      if (isDemo && (exists.clientId !== "demo-tender" || exists.webhookUrl !== demoWebhook)) {
        const secret = keyedHash("demo-tender-client-secret");
        await db.tradingPlatform.update({
          where: { code: p.code },
          data: { clientId: "demo-tender", webhookUrl: demoWebhook, clientSecretHash: keyedHash("platform-secret", secret), clientSecretEnc: sealSecret(new TextEncoder().encode(secret), `platform-secret:${p.code}`) },
        });
      }
      continue;
    }
    const secret = isDemo ? keyedHash("demo-tender-client-secret") : randomBytes(24).toString("base64url");
    await db.tradingPlatform.create({
      data: {
        code: p.code,
        name: p.name,
        nameEn: p.nameEn,
        homepage: `${env().APP_URL}${p.path}`,
        clientId: isDemo ? "demo-tender" : `${p.code}-${randomBytes(4).toString("hex")}`,
        webhookUrl: isDemo ? demoWebhook : null,
        clientSecretHash: keyedHash("platform-secret", secret),
        clientSecretEnc: sealSecret(new TextEncoder().encode(secret), `platform-secret:${p.code}`),
        callbackUrls: [`${env().APP_URL}${p.path}`],
      },
    });
  }
}

/** Demo accounts still carrying the published password lose it and are disabled (sessions end). */
async function disableDemoAccounts() {
  const rows = await db.user.findMany({ where: { phone: { in: DEMO_ACCOUNTS.map((a) => a.phone) }, disabledAt: null }, omit: { passwordHash: false } });
  for (const row of rows) {
    if (!row.passwordHash || !(await verifyPassword(row.passwordHash, DEMO_PASSWORD))) continue;
    await db.$transaction([
      db.user.update({ where: { id: row.id }, data: { passwordHash: null, disabledAt: new Date(), role: "APPLICANT" } }),
      db.session.updateMany({ where: { userId: row.id, revokedAt: null }, data: { revokedAt: new Date() } }),
    ]);
    console.warn(`[seed] demo account ${row.phone} (published password) disabled: not a demo desk (CERTDESK_DEMO=0)`);
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  await seed();
  console.log(isDemoMode() ? "seeded demo data" : "seeded (no demo accounts: not a demo desk)");
  await closeDb();
  process.exit(0);
}
