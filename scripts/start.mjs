// `npm start`: install what is missing, migrate and seed the database, build, and serve the desk.
import { spawn, spawnSync } from "node:child_process";
import { existsSync, readFileSync, readdirSync, statSync } from "node:fs";
import path from "node:path";
import { ensureDependencies, nextBin, root, run, tsx } from "./setup-lib.mjs";

// Demo mode when no SMS gateway is configured: messages go to the public outbox, every page
// carries a banner. CERTDESK_DEMO=0 (or a real SMS_PROVIDER) makes this a production start, which
// refuses the outbox (lib/server/assert-production-config.ts).
const noSmsGateway = !process.env.SMS_PROVIDER || process.env.SMS_PROVIDER === "outbox";
process.env.CERTDESK_DEMO ??= noSmsGateway ? "1" : "0";
const isDemo = process.env.CERTDESK_DEMO === "1";

ensureDependencies();
// The start-up check (the server repeats it): a refused configuration stops here, before a build.
const check = spawnSync(path.join(root, "node_modules", ".bin", "tsx"), ["scripts/check-config.ts"], { cwd: root, stdio: "inherit" });
if (check.status !== 0) process.exit(check.status ?? 1);
tsx("scripts/db-migrate.ts");
tsx("prisma/seed.ts");

const distDir = process.env.NEXT_DIST_DIR || ".next";
const buildId = path.join(root, distDir, "BUILD_ID");

function newestSource(dir) {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.name === "generated" || entry.name.startsWith(".")) continue;
    const p = path.join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestSource(p) : statSync(p).mtimeMs);
  }
  return newest;
}
const sources = ["app", "components", "lib", "public"].filter((d) => existsSync(path.join(root, d)));
const stale = !existsSync(buildId) || Math.max(...sources.map((d) => newestSource(path.join(root, d))), statSync(path.join(root, "package-lock.json")).mtimeMs) > statSync(buildId).mtimeMs;
if (stale) {
  console.log("› building the desk (next build)…");
  run(nextBin(), ["build"]);
}

const port = process.env.PORT || "3000";
const demo = JSON.parse(readFileSync(path.join(root, "prisma", "demo-accounts.json"), "utf8"));
console.log(
  isDemo
    ? `
  CertDesk 云证书服务台 is starting on http://localhost:${port}

  DEMO MODE (CERTDESK_DEMO=1${noSmsGateway ? ", no SMS gateway configured" : ""}): every SMS and email lands in the
  public outbox at http://localhost:${port}/dev/outbox, readable by anyone. Do not use it for real business.
  演示环境：短信与邮件显示在发件箱，请勿用于真实业务。For production set SMS_PROVIDER (see README).

  Demo accounts (log in with an SMS code from http://localhost:${port}/dev/outbox, or password ${demo.password}):
${demo.accounts.map((a) => `    ${a.phone}  ${a.label}`).join("\n")}
  Any other mainland mobile number creates a new applicant account on first login.
`
    : `
  CertDesk 云证书服务台 is starting on http://localhost:${port} (production: SMS through ${process.env.SMS_PROVIDER})
`,
);
// scripts/serve.mjs: `next start` plus the socket peer address for rate limits (see that file).
const child = spawn(process.execPath, [path.join(root, "scripts", "serve.mjs"), "-p", port], { cwd: root, stdio: "inherit" });
for (const sig of ["SIGINT", "SIGTERM"]) process.on(sig, () => child.kill(sig));
child.on("exit", (code) => process.exit(code ?? 0));
