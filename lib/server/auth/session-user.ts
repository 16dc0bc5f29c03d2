import type { Role } from "@/lib/generated/prisma/enums";

export type SessionUser = {
  id: string;
  phone: string;
  role: Role;
  name: string | null;
  hasPassword: boolean;
  sessionId: string;
  /** When this session passed a second factor (passkey or TOTP); console permissions need it. */
  secondFactorAt: Date | null;
};

export function maskPhone(phone: string): string {
  return phone.length === 11 ? `${phone.slice(0, 3)}****${phone.slice(7)}` : phone;
}
