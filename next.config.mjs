/** @type {import('next').NextConfig} */
const nextConfig = {
  reactStrictMode: true,
  // Separate build folders let several servers (tests, a second developer) run from one checkout.
  distDir: process.env.NEXT_DIST_DIR || ".next",
  poweredByHeader: false,
  // Tests reach dev servers at 127.0.0.1; Next 16 otherwise refuses dev assets to that origin.
  allowedDevOrigins: ["127.0.0.1"],
  // Native / wasm packages are loaded by Node at run time rather than bundled.
  serverExternalPackages: [
    "@electric-sql/pglite",
    "pglite-prisma-adapter",
    "@prisma/schema-engine-wasm",
    "@node-rs/argon2",
    "pg",
  ],
  typedRoutes: false,
  // forbidden() (403 pages for signed-in users without a permission) is still behind this flag in Next 16.
  experimental: { authInterrupts: true },
  // Pages get their headers from proxy.ts (CSP with a per-request nonce, Permissions-Policy, HSTS,
  // X-Frame-Options: DENY). Here: what every response carries, build assets and files included, and
  // a policy for route handlers that lets their answers load nothing and be framed nowhere.
  // A header set here REPLACES the same header a route handler sets (Next.js keeps the first value),
  // so routes that choose their own CSP are left out: stored files (/api/materials/…, framed by the
  // review console's PDF viewer).
  async headers() {
    const apiHeaders = [{ key: "Content-Security-Policy", value: "default-src 'none'; frame-ancestors 'none'" }];
    return [
      {
        source: "/:path*",
        headers: [
          { key: "X-Content-Type-Options", value: "nosniff" },
          { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
        ],
      },
      { source: "/api/:path((?!materials/).*)", headers: apiHeaders },
      { source: "/pki/:path*", headers: apiHeaders },
    ];
  },
};

export default nextConfig;
