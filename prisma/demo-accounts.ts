import type { Role } from "@/lib/generated/prisma/enums";
import data from "./demo-accounts.json";

/** Demo accounts (also in the README and printed by `npm start`). Log in by SMS code or this password. */
export const DEMO_PASSWORD: string = data.password;
export const DEMO_ACCOUNTS = data.accounts as Array<{ phone: string; role: Role; name: string; label: string }>;
