import { publicRoute } from "@/lib/server/http/public-route";
import { clearDemoState } from "@/lib/demo-tender/demo-state";

export const dynamic = "force-dynamic";

// POST /demo/tender/api/logout — the visitor drops their demo session (cookie and stored state); same-origin only, no body
export const POST = publicRoute(
  async () => {
    await clearDemoState();
    return { ok: true };
  },
  { accepts: "none" },
);
