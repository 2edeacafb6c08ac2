// Mutation testing of the policy pack (`npm run test:mutation`, issue #18):
// StrykerJS mutates every source of policies/ and runs the policy tests
// against each mutant; a mutant no test notices is a requirement no test states.
// https://stryker-mutator.io/docs/stryker-js/configuration/
// tests/policies/pack.test.ts skips its checks of the committed build
// (policies/bin) inside a Stryker worker, where the sources are instrumented.
// Reports (html, json) go to reports/mutation/, which git ignores.

/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
    packageManager: "npm",
    testRunner: "mocha",
    mochaOptions: {
        config: ".mocharc.js",
        spec: ["tests/policies/*.test.ts"],
    },
    // Each mutant runs only the tests that reach it.
    coverageAnalysis: "perTest",
    mutate: ["policies/*.ts", "policies/lib/*.ts"],
    // Policy text (descriptions, remediation, compliance metadata) decides nothing:
    // tools/stryker-policy-text.mjs ignores its mutants with the reason (policies/README.md).
    plugins: ["@stryker-mutator/mocha-runner", "./tools/stryker-policy-text.mjs"],
    ignorers: ["policy-text"],
    // The sandbox needs the policies, their tests and what those import (tools/analyzer for pack.test.ts).
    ignorePatterns: ["/reports", "/.scratch*", "/plan-*", "/dev", "/bootstrap", "/templates"],
    concurrency: 2,
    timeoutMS: 10000,
    // `npm run test:mutation -- --incremental` reuses the results of unchanged code and tests.
    incrementalFile: "reports/mutation/stryker-incremental.json",
    reporters: ["clear-text", "progress", "html", "json"],
    htmlReporter: { fileName: "reports/mutation/index.html" },
    jsonReporter: { fileName: "reports/mutation/mutation.json" },
    clearTextReporter: { allowColor: false, logTests: false },
    // Issue #18: at least 90 % for every file of policies/ (Stryker's break applies to the total).
    thresholds: { high: 95, low: 90, break: 90 },
    tempDirName: ".stryker-tmp",
};
