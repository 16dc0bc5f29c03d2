import { NextResponse } from "next/server";
import { getSessionUser } from "@/lib/server/auth/get-session-user";
import { revokeSession } from "@/lib/server/auth/revoke-session";
import { SESSION_COOKIES } from "@/lib/server/auth/session-cookie";

// POST /api/auth/logout — end this session server-side and clear the cookie
export async function POST(req: Request) {
  const user = await getSessionUser();
  if (user) await revokeSession({ sessionId: user.sessionId });
  const res = NextResponse.redirect(new URL("/", req.url), 303);
  for (const name of SESSION_COOKIES) res.cookies.delete(name);
  return res;
}
