// @ts-nocheck
// The stack files as the Pulumi CLI sees them, and the generated files.
//
// The CLI applies Pulumi.yaml to a stack before the program runs
// (pulumi/pulumi pkg/workspace/config.go `mergeConfig`, commit 1b5949891b3c):
// a declared key with neither a stack value nor a `default:` is required; a
// stack value must have the declared type (scalars are compared as the
// strings the stack file holds, so `2` is an integer and `"true"` a boolean;
// list items keep their YAML types); a `secret: true` key needs a `secure:`
// value; a default is handed to the program as if the stack had set it
// (`createConfigValue`: primitives formatted with %v, lists as JSON).

import * as assert from "assert";
import * as fs from "fs";
import * as path from "path";
import { parse } from "yaml";
import { ALL_SETTINGS, keyOf, parseConfig } from "../config";
import { listStacks, ROOT } from "../tools/stack";
import { projectFileProblems, PROJECT_FILE, README_FILE, renderProjectFile, renderReadme } from "../tools/gen-config";

interface Declaration {
    type: string;
    items?: { type: string };
    default?: unknown;
    secret?: boolean;
}

const projectText = fs.readFileSync(PROJECT_FILE, "utf8");
const project = parse(projectText) as { name: string; config: Record<string, Declaration> };

function stackFile(stack: string): Record<string, unknown> {
    return (
        parse(fs.readFileSync(path.join(ROOT, `Pulumi.${stack}.yaml`), "utf8")) as { config: Record<string, unknown> }
    ).config;
}

/** project.go ValidateConfigValue, for a stack value as the CLI holds it. */
function hasType(d: Declaration | { type: string; items?: Declaration["items"] }, v: unknown): boolean {
    if (d.type === "array") {
        return Array.isArray(v) && d.items !== undefined && v.every((i) => hasType(d.items!, i));
    }
    if (Array.isArray(v) || (typeof v === "object" && v !== null)) {
        return d.type === "object";
    }
    const text = String(v);
    switch (d.type) {
        case "string":
            return typeof v === "string";
        case "integer":
            return /^[+-]?\d+$/.test(text);
        case "boolean":
            return text === "true" || text === "false";
        default:
            return false;
    }
}

/** What the CLI refuses in a stack's config, in its wording. */
export function cliProblems(stack: string, config: Record<string, unknown>): string[] {
    const problems: string[] = [];
    const missing = Object.entries(project.config)
        .filter(([key, d]) => config[`${project.name}:${key}`] === undefined && d.default === undefined)
        .map(([key]) => key);
    if (missing.length > 0) {
        problems.push(`Stack '${stack}' is missing configuration values: ${missing.join(", ")}`);
    }
    for (const [key, d] of Object.entries(project.config)) {
        const v = config[`${project.name}:${key}`];
        if (v === undefined) {
            continue;
        }
        const secure = typeof v === "object" && v !== null && !Array.isArray(v) && "secure" in v;
        if (d.secret && !secure) {
            problems.push(`Stack '${stack}' with configuration key '${key}' must be encrypted as it's secret`);
        } else if (!secure && !hasType(d, v)) {
            problems.push(
                `Stack '${stack}' with configuration key '${key}' must be of type '${d.type === "array" ? `array<${d.items?.type}>` : d.type}'`,
            );
        }
    }
    return problems;
}

/** The `hms:` values the program receives from the CLI: the stack's, then the declared defaults it does not set. */
function cliValues(config: Record<string, unknown>, withDefaults: boolean): Record<string, string> {
    const values: Record<string, string> = {};
    if (withDefaults) {
        for (const [key, d] of Object.entries(project.config)) {
            if (d.default !== undefined) {
                values[key] = Array.isArray(d.default) ? JSON.stringify(d.default) : String(d.default);
            }
        }
    }
    for (const [k, v] of Object.entries(config)) {
        if (k.startsWith(`${project.name}:`)) {
            values[k.slice(project.name.length + 1)] = typeof v === "string" ? v : JSON.stringify(v);
        }
    }
    return values;
}

describe("stack files under the Pulumi CLI's rules", () => {
    for (const stack of listStacks()) {
        it(`${stack}: sets every required key, with the declared types`, () => {
            assert.deepStrictEqual(cliProblems(stack, stackFile(stack)), []);
        });

        it(`${stack}: the program reads the same configuration with and without the declared defaults applied`, () => {
            const config = stackFile(stack);
            const region = String(config["aws:region"]);
            const bare = parseConfig("hms", cliValues(config, false), region);
            const applied = parseConfig("hms", cliValues(config, true), region);
            assert.deepStrictEqual(applied, bare);
        });
    }

    it("a stack without a required key or with a value of the wrong type is refused", () => {
        const config = { ...stackFile("production") };
        delete config["hms:domain"];
        config["hms:appCount"] = "two";
        config["hms:tiers"] = [1, 2];
        assert.deepStrictEqual(cliProblems("production", config).sort(), [
            "Stack 'production' is missing configuration values: domain",
            "Stack 'production' with configuration key 'appCount' must be of type 'integer'",
            "Stack 'production' with configuration key 'tiers' must be of type 'array<string>'",
        ]);
    });

    it("only the stack's identity is required: development sets a handful of keys", () => {
        const required = Object.entries(project.config)
            .filter(([, d]) => d.default === undefined)
            .map(([k]) => k);
        assert.deepStrictEqual(required.sort(), ["domain", "drRegion", "environment", "owner"]);
    });

    it("a key's unset default ('' or 0) is never a value the key accepts", () => {
        for (const s of ALL_SETTINGS.filter((x) => x.unset)) {
            assert.ok(
                "problem" in s.parse(String(s.default)),
                `${keyOf(s)}: the unset marker ${JSON.stringify(s.default)} is accepted as a value`,
            );
        }
    });

    it("each key is declared once, as a literal, in config/", () => {
        const sources = ["config", "components", "templates", "tools", "index.ts"].flatMap((p) => {
            const full = path.join(ROOT, p);
            return fs.statSync(full).isDirectory()
                ? fs
                      .readdirSync(full)
                      .filter((f) => f.endsWith(".ts"))
                      .map((f) => path.join(full, f))
                : [full];
        });
        const text = sources.map((f) => [f, fs.readFileSync(f, "utf8")] as const);
        for (const s of ALL_SETTINGS) {
            const at = text.filter(([, t]) => t.includes(`"${s.key}"`)).map(([f]) => path.relative(ROOT, f));
            const inConfig = at.filter((f) => f.startsWith("config/"));
            assert.strictEqual(
                inConfig.length,
                1,
                `"${s.key}" appears in ${inConfig.join(", ") || "no file of config/"}`,
            );
            // Plain words (domain, owner, tiers) may be quoted elsewhere for other reasons; tier keys may not.
            if (/[A-Z]/.test(s.key)) {
                assert.deepStrictEqual(at, inConfig, `"${s.key}" is quoted outside config/`);
            }
        }
    });
});

describe("generated files", () => {
    it("Pulumi.yaml is what npm run gen:config generates from the declarations", () => {
        assert.strictEqual(projectText, renderProjectFile(projectText), "Pulumi.yaml is stale: run npm run gen:config");
    });

    it("the README's configuration reference is what npm run gen:config generates", () => {
        const readme = fs.readFileSync(README_FILE, "utf8");
        assert.strictEqual(readme, renderReadme(readme), "README.md is stale: run npm run gen:config");
        for (const s of ALL_SETTINGS) {
            assert.ok(readme.includes(`| \`${keyOf(s)}\` |`), `${keyOf(s)} is not in the README's reference`);
        }
    });

    it("Pulumi.yaml is a valid Pulumi project file (the CLI's JSON schema and default rules)", () => {
        assert.deepStrictEqual(projectFileProblems(projectText), []);
    });

    it("the project file check refuses what the CLI refuses", () => {
        const bad = projectText
            .replace(/(appCount:\n {4}type: integer\n(?: {4}.*\n)*? {4}default: )0/, '$1""')
            .replace(/(tiers:\n {4}type: array\n) {4}items:\n {6}type: string\n/, "$1")
            .replace(/^name: hms$/m, "name: 42");
        const problems = projectFileProblems(bad);
        assert.ok(
            problems.some((p) => p.includes("config.appCount") && p.includes("not of type integer")),
            problems.join("\n"),
        );
        assert.ok(
            problems.some((p) => p.includes("config.tiers") && p.includes("no items")),
            problems.join("\n"),
        );
        assert.ok(
            problems.some((p) => p.startsWith("Pulumi.yaml/name")),
            problems.join("\n"),
        );
    });
});
