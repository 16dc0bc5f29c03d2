// Demo data for a fresh desk: CA staff, applicants, a channel with prices, two trading platforms.
// Idempotent: running it again keeps existing rows (and the data people created).
import { randomBytes } from "node:crypto";
import { db, closeDb } from "@/lib/server/db/client";
import { hashPassword } from "@/lib/server/auth/password-hash";
import { keyedHash } from "@/lib/server/security/keyed-hash";
import { sealSecret } from "@/lib/server/security/seal";
import { env } from "@/lib/env";
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from "./demo-accounts";

const PRICES: Array<[string, number, number]> = [
  ["UNIT_CERT", 1, 38000],
  ["UNIT_CERT", 2, 68000],
  ["UNIT_CERT", 3, 98000],
  ["INDIVIDUAL_CERT", 1, 9800],
  ["INDIVIDUAL_CERT", 2, 17800],
  ["INDIVIDUAL_CERT", 3, 24800],
  ["SEAL", 1, 20000],
  ["USB_KEY", 1, 8000],
];

export async function seed() {
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  for (const a of DEMO_ACCOUNTS) {
    await db.user.upsert({
      where: { phone: a.phone },
      update: {},
      create: { phone: a.phone, role: a.role, name: a.name, passwordHash },
    });
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
  for (const p of platforms) {
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

if (import.meta.url === `file://${process.argv[1]}`) {
  await seed();
  console.log("seeded demo data");
  await closeDb();
  process.exit(0);
}
