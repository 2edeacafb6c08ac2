// Preloaded (`node --require`) into the policy pack process by
// tools/analyzer.ts unless the plan runs with --policy-typecheck.
//
// The CLI's runner (@pulumi/pulumi/cmd/run-policy-pack) registers ts-node with
// `typeCheck: true`, which type-checks the pack and every declaration it
// imports on each start (seconds for @pulumi/aws). `tsc --noEmit -p .` already
// type-checks policies/ in CI, so the offline plan lets the same runner
// transpile only: it patches the `register` of the very ts-node module the
// runner will pick (tsutils.typeScriptRequireStrings, the runner's own choice),
// forcing transpile-only. Everything else about the start is the runner's.
"use strict";

const path = require("path");

const runner = require.resolve("@pulumi/pulumi/cmd/run-policy-pack", { paths: [process.cwd()] });
const sdk = path.resolve(path.dirname(runner), "..", "..");
const { tsnodeRequire } = require(path.join(sdk, "tsutils")).typeScriptRequireStrings();
const tsnode = require(require.resolve(tsnodeRequire, { paths: [path.dirname(runner)] }));
const register = tsnode.register;
tsnode.register = (options) => register({ ...options, typeCheck: false, transpileOnly: true });
