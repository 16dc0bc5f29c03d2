import { defineConfig } from "vitest/config";
import path from "node:path";
import { platformContractPlugin } from "./tests/support/contract-plugin.ts";

const alias = { "@": path.resolve(import.meta.dirname) };

export default defineConfig({
  resolve: { alias },
  test: {
    projects: [
      {
        resolve: { alias },
        test: {
          name: "unit",
          include: ["tests/unit/**/*.test.ts", "tests/architecture.test.ts"],
          environment: "node",
          testTimeout: 30_000,
        },
      },
      {
        resolve: { alias },
        // Every platform-API answer the integration tests get is checked against the OpenAPI document.
        plugins: [platformContractPlugin(path.resolve(import.meta.dirname))],
        test: {
          name: "integration",
          include: ["tests/integration/**/*.test.ts"],
          environment: "node",
          globalSetup: ["tests/integration/global-setup.ts"],
          setupFiles: ["tests/integration/setup.ts"],
          testTimeout: 60_000,
          hookTimeout: 120_000,
        },
      },
      {
        // Cluster fault tests (tests/faults): real instances on the production build, run by
        // scripts/test.mjs after `next build`, with CERTDESK_FAULT_TESTS=1 (skipped otherwise).
        resolve: { alias },
        test: {
          name: "faults",
          include: ["tests/faults/**/*.test.ts"],
          environment: "node",
          fileParallelism: false,
          testTimeout: 180_000,
          hookTimeout: 240_000,
        },
      },
    ],
  },
});
