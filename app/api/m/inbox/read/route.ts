import { z } from "zod";
import { userRoute } from "@/lib/server/http/user-route";
import { markInboxRead } from "@/lib/server/notify/mark-inbox-read";

export const dynamic = "force-dynamic";

// One message by id, or (no id) all of them.
const ZBody = z.object({ messageId: z.string().min(1).max(64).optional() }).default({});

// POST /api/m/inbox/read — mark one or all of the caller's messages read
export const POST = userRoute(({ user, input }) => markInboxRead({ userId: user.id, messageId: input.messageId }), { body: ZBody });
