import { hostname, userInfo } from "node:os";

/** Who ran an `npm run ca` command, for its audit row (there is no desk user at a CLI). */
export function cliActor(): { via: string; osUser: string; host: string } {
  let osUser = "unknown";
  try {
    osUser = userInfo().username;
  } catch {
    // no passwd entry (containers): keep "unknown"
  }
  return { via: "npm run ca", osUser, host: hostname() };
}
