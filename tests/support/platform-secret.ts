/** The client secret inside a Basic authorization header (what the platform itself holds). */
export async function platformSecretFor(authorization: string): Promise<string> {
  const decoded = Buffer.from(authorization.replace(/^Basic /, ""), "base64").toString("utf8");
  return decoded.slice(decoded.indexOf(":") + 1);
}
