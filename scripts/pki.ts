// `npm run pki -- <command>`: demo CA for development and the OpenSSL interop tests.
//   demo --out DIR                 write a fresh demo CA (see lib/pki/demo/create-demo-ca.ts)
//   demo-decrypt --dir DIR --in F  jointly decrypt an SM2 ciphertext made for DIR/enc.pem
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import { createDemoCa } from "@/lib/pki/demo/create-demo-ca";
import { demoDecrypt } from "@/lib/pki/demo/demo-decrypt";

const USAGE = "usage: npm run pki -- demo --out DIR | demo-decrypt --dir DIR --in CT.der";

async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  const { values } = parseArgs({ args: rest, options: { out: { type: "string" }, dir: { type: "string" }, in: { type: "string" } } });
  if (command === "demo" && values.out) {
    mkdirSync(values.out, { recursive: true });
    const demo = await createDemoCa();
    for (const [name, contents] of Object.entries(demo.files)) writeFileSync(path.join(values.out, name), contents);
    console.error(`demo CA written to ${values.out}`);
    return 0;
  }
  if (command === "demo-decrypt" && values.dir && values.in) {
    const shares = readFileSync(path.join(values.dir, "shares.json"), "utf8");
    process.stdout.write(demoDecrypt(shares, new Uint8Array(readFileSync(values.in))));
    return 0;
  }
  console.error(USAGE);
  return 2;
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error instanceof Error ? `${error.name}: ${error.message}` : error);
    process.exit(1);
  },
);
