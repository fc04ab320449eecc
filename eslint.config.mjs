import { defineConfig, globalIgnores } from "eslint/config";
import nextVitals from "eslint-config-next/core-web-vitals";
import nextTs from "eslint-config-next/typescript";

export default defineConfig([
  ...nextVitals,
  ...nextTs,
  {
    // Prettier wraps code at 120 columns but leaves strings and class lists whole: this catches those.
    files: ["app/**", "components/**", "db/**", "lib/**", "proxy.ts", "instrumentation.ts", "next.config.ts"],
    ignores: ["**/*.test.ts", "**/*.test.tsx", "db/migrations/**"],
    rules: { "max-len": ["error", { code: 120, tabWidth: 2 }] },
  },
  globalIgnores([
    ".next/**",
    ".data/**",
    "node_modules/**",
    "test-results/**",
    "playwright-report/**",
    "next-env.d.ts",
  ]),
]);
