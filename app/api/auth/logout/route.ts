import { seeOther } from "@/lib/server/http/see-other";
import { publicRoute } from "@/lib/server/http/public-route";
import { getSessionUser } from "@/lib/server/auth/get-session-user";
import { revokeSession } from "@/lib/server/auth/revoke-session";
import { SESSION_COOKIES } from "@/lib/server/auth/session-cookie";

// POST /api/auth/logout — end this session server-side and clear the cookie. A plain form post from
// our own pages (works without JavaScript); a form on another site is refused by the origin check.
export const POST = publicRoute(
  async () => {
    const user = await getSessionUser();
    if (user) await revokeSession({ sessionId: user.sessionId });
    const res = seeOther("/");
    for (const name of SESSION_COOKIES) res.headers.append("Set-Cookie", `${name}=; Path=/; Max-Age=0; HttpOnly; SameSite=Lax${name.startsWith("__Secure-") ? "; Secure" : ""}`);
    return res;
  },
  { accepts: "form" },
);
