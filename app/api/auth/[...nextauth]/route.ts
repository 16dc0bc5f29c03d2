import NextAuth from "next-auth";
import { AppError } from "@/lib/errors";
import { authOptions } from "@/lib/server/auth/auth-options";
import { publicRoute } from "@/lib/server/http/public-route";
import { isNavigationSignal } from "@/lib/server/http/navigation-signal";

type Params = { nextauth: string[] };

// GET|POST /api/auth/* — next-auth: csrf, credentials callbacks (sms, password, passkey), session.
// next-auth reads the form body itself; it checks its own CSRF token, the wrapper the origin.
// A request next-auth cannot make sense of (an empty body, GET on a callback) is a 400, not a 500.
const handler = publicRoute<undefined, undefined, Params>(
  async ({ req, params }) => {
    // Credentials callbacks (sms, password, passkey) are form posts; next-auth answers a GET with a 500.
    if (req.method !== "POST" && params.nextauth[0] === "callback") throw new AppError("method_not_allowed");
    try {
      const res = (await NextAuth(authOptions())(req, { params: Promise.resolve(params) })) as Response;
      if (res.status >= 500) throw new AppError("bad_request");
      return res;
    } catch (err) {
      if (isNavigationSignal(err)) throw err;
      throw new AppError("bad_request", { cause: err });
    }
  },
  { accepts: "form", passBody: true },
);

export { handler as GET, handler as POST };
