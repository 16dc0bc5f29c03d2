// Spawned by secrets-file.test.ts: prints the id of the KEK this process would seal with.
import { keyring } from "@/lib/db/secrets";

console.log(keyring().current.kid);
