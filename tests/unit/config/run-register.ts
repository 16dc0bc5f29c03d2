// Spawned by assert-production-config.test.ts: runs what `next start` runs first, instrumentation's register().
import { register } from "../../../instrumentation";

await register();
console.log("STARTED");
process.exit(0);
