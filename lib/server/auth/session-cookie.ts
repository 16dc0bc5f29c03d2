export const SESSION_COOKIES = ["__Secure-next-auth.session-token", "next-auth.session-token"] as const;
