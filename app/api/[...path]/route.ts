import { AppError } from "@/lib/errors";
import { publicRoute } from "@/lib/server/http/public-route";

export const dynamic = "force-dynamic";

// Any /api path no route serves: the JSON error body (404 not_found), never the HTML 404 page.
// Every route that exists is more specific than this catch-all, so it only sees unknown paths.
const notFound = () =>
  publicRoute(
    async () => {
      throw new AppError("not_found");
    },
    { crossOrigin: true, passBody: true, accepts: "none" },
  );

export const GET = notFound();
export const POST = notFound();
export const PUT = notFound();
export const PATCH = notFound();
export const DELETE = notFound();
