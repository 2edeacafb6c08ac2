// CONTRIBUTING.md stays true: every file it names exists, every npm script it runs
// is in package.json, and the names it tells contributors to use are in the code.

import * as assert from "node:assert/strict";
import * as fs from "node:fs";
import * as path from "node:path";

const ROOT = path.resolve(__dirname, "..");
const text = fs.readFileSync(path.join(ROOT, "CONTRIBUTING.md"), "utf8");
const read = (file: string) => fs.readFileSync(path.join(ROOT, file), "utf8");

/** Code spans of the guide. */
const spans = [...text.matchAll(/`([^`\n]+)`/g)].map((m) => m[1]);

describe("CONTRIBUTING.md", () => {
    it("every file and directory it names exists (placeholders like <tier> aside)", () => {
        const paths = spans
            .flatMap((s) => s.split(/\s+/))
            .filter((s) =>
                /^(\.ci|\.github|config|components|templates|tools|tests|policies|bootstrap|dev)\/|\.(md|ts|yaml|json)$/.test(
                    s,
                ),
            )
            .filter((s) => !/[<>*]/.test(s));
        assert.ok(paths.length >= 15, paths.join(", "));
        for (const p of paths) {
            assert.ok(fs.existsSync(path.join(ROOT, p)), `${p} does not exist`);
        }
    });

    it("every npm script it runs is in package.json", () => {
        const scripts = Object.keys((JSON.parse(read("package.json")) as { scripts: object }).scripts);
        const used = [...text.matchAll(/npm run ([\w:-]+)/g)].map((m) => m[1]);
        assert.ok(used.length >= 5, used.join(", "));
        for (const s of used) {
            assert.ok(scripts.includes(s), `npm run ${s}: no such script`);
        }
    });

    it("the names it tells contributors to use are the code's", () => {
        const expect: Array<[string, string, RegExp]> = [
            ["TIERS", "config/stack.ts", /export const TIERS\b/],
            ["TIER_REQUIRES", "config/stack.ts", /export const TIER_REQUIRES\b/],
            ["TIER_SERVICES", "config/regions.ts", /export const TIER_SERVICES\b/],
            ["when(", "config/index.ts", /const when = /],
            ["formerTypes", "components/identifiers.ts", /export function formerTypes\b/],
            ["allow(", "components/hospital.ts", /protected allow\(/],
            ["runStack", "tools/stack.ts", /export async function runStack\b/],
            ["stringSetting", "config/setting.ts", /export function stringSetting\b/],
            ["--forbid-pending", ".ci/run", /--forbid-pending --forbid-only/],
            ["max-lines-per-function", "eslint.config.mjs", /"max-lines-per-function": \["error", \{ max: 150/],
        ];
        for (const [name, file, pattern] of expect) {
            assert.ok(text.includes(name), `the guide no longer mentions ${name}: drop it here`);
            assert.match(read(file), pattern, `${file} has no ${name}`);
        }
    });
});
