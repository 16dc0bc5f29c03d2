import { randomInt, randomUUID } from "node:crypto";
import type { Role } from "@/lib/generated/prisma/enums";
import { db } from "@/lib/db/client";
import { hashPassword } from "@/lib/server/auth/password-hash";

/** A mobile number no other test uses (random, in the 199 range). */
export function uniquePhone(): string {
  return `199${String(randomInt(0, 100_000_000)).padStart(8, "0")}`;
}

export function uniqueIp(): string {
  return `10.${randomInt(0, 256)}.${randomInt(0, 256)}.${randomInt(1, 255)}`;
}

export async function createUser({ role = "APPLICANT", password, phone = uniquePhone() }: { role?: Role; password?: string; phone?: string } = {}) {
  return db.user.create({
    data: { phone, role, name: `测试用户${randomUUID().slice(0, 4)}`, passwordHash: password ? await hashPassword(password) : null },
  });
}
