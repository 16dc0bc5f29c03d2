import NextAuth from "next-auth";
import { authOptions } from "@/lib/server/auth/auth-options";

// GET|POST /api/auth/* — next-auth: csrf, credentials callbacks (sms, password), session
async function handler(req: Request, ctx: { params: Promise<{ nextauth: string[] }> }) {
  return NextAuth(authOptions())(req, ctx);
}

export { handler as GET, handler as POST };
