import type { Channel, Order } from "@/lib/generated/prisma/client";
import type { SessionUser } from "@/lib/server/auth/session-user";

/** What the wizard route hands to a step's loader: the caller and their order (with its channel), already guarded. */
export type WizardStepContext = { user: SessionUser; order: Order & { channel: Channel } };
