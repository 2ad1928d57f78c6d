import { defineConfig } from "vitest/config";

/** The kernel test (kernel/): root, network namespaces and real netfilter; `npm run test:kernel`. */
export default defineConfig({
  test: {
    include: ["kernel/**/*.kernel.test.ts"],
    environment: "node",
    testTimeout: 60_000,
    hookTimeout: 30_000,
    // One lab at a time: the samples share nothing, but two CPUs share every engineer's work.
    fileParallelism: false,
  },
});
