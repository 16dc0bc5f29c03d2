import { AppError } from "@/lib/errors";
import { publicRoute } from "@/lib/server/http/public-route";

export const dynamic = "force-dynamic";

// Any /api path no route serves: the JSON error body (404 not_found), never the HTML 404 page.
// Every route that exists is more specific than this catch-all, so it only sees unknown paths.
const notFound = async () => {
  throw new AppError("not_found");
};
const options = { crossOrigin: true, passBody: true, accepts: "none" } as const;

export const GET = publicRoute(notFound, options);
export const POST = publicRoute(notFound, options);
export const PUT = publicRoute(notFound, options);
export const PATCH = publicRoute(notFound, options);
export const DELETE = publicRoute(notFound, options);
