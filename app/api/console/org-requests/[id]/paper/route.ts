import { userRoute } from "@/lib/server/http/user-route";
import { materialResponse } from "@/lib/server/materials/material-response";
import { consoleReadOrgPaper } from "@/lib/server/org/console-read-org-paper";

export const dynamic = "force-dynamic";

// GET /api/console/org-requests/[id]/paper — the stamped administrator transfer form (orgs.review, second
// factor): JPEG/PNG inline as an image, everything else a download, sandboxed and nosniff either way.
export const GET = userRoute(
  async ({ user, params }) => {
    const paper = await consoleReadOrgPaper({ user, requestId: params.id });
    return materialResponse({ bytes: paper.bytes, mime: paper.mime, name: paper.fileName, sha256: paper.sha256 ?? paper.fileName, inline: paper.inline });
  },
  { permission: "orgs.review" },
);
