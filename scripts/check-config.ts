// `npm start` runs this before migrating and building: the same start-up check as instrumentation.ts,
// so a misconfigured desk stops in a second rather than after a build.
import { assertProductionConfig } from "@/lib/server/assert-production-config";

try {
  assertProductionConfig();
} catch (err) {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
}
