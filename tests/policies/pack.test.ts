// The pack as the Pulumi CLI loads it: policies/index.ts registers every
// policy of every policy module exactly once, the package files are what the
// CLI needs, and every policy carries complete compliance metadata.

import * as assert from "node:assert/strict";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { Policy, PolicyPackArgs } from "@pulumi/policy";
import * as ts from "typescript";
import { parse } from "yaml";
import { compliance } from "../../policies/lib/compliance";
import { PolicyAnalyzer } from "../../tools/analyzer";

const ROOT = path.resolve(__dirname, "../..");
const POLICIES = path.join(ROOT, "policies");

interface Served {
    name: string;
    version: string;
    enforcementLevel: string;
    args: PolicyPackArgs;
}

/**
 * Loads the pack's entry (policies/index.ts, or the built `main`) with cwd =
 * the pack, as the CLI does, capturing what PolicyPack hands to the gRPC server.
 */
function loadPack(entryFile = path.join(POLICIES, "index.ts")): Served {
    // PolicyPack's constructor calls serve() of the SDK's server module, which
    // starts the gRPC server; the test records the call instead.
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const server = require("@pulumi/policy/server") as { serve: (...args: unknown[]) => void };
    const original = server.serve;
    const cwd = process.cwd();
    let served: Served | undefined;
    server.serve = (name, version, enforcementLevel, args) => {
        served = {
            name: name as string,
            version: version as string,
            enforcementLevel: enforcementLevel as string,
            args: args as PolicyPackArgs,
        };
    };
    try {
        process.chdir(POLICIES); // PolicyPack reads the version from ./package.json
        const entry = require.resolve(entryFile);
        delete require.cache[entry];
        // eslint-disable-next-line @typescript-eslint/no-require-imports -- the pack is loaded as the CLI's runner loads it: require() of its entry file, for its side effect
        require(entry);
    } finally {
        process.chdir(cwd);
        server.serve = original;
    }
    if (!served) {
        throw new Error(`${entryFile} did not build a PolicyPack`);
    }
    return served;
}

function isPolicy(v: unknown): v is Policy {
    return (
        typeof v === "object" &&
        v !== null &&
        typeof (v as Policy).name === "string" &&
        ("validateResource" in v || "validateStack" in v)
    );
}

/** Every policy object exported by each policy module (policies/*.ts except index.ts). */
function exportedPolicies(): Map<string, Policy[]> {
    const out = new Map<string, Policy[]>();
    for (const file of fs
        .readdirSync(POLICIES)
        .filter((f) => f.endsWith(".ts") && !f.endsWith(".d.ts") && f !== "index.ts")) {
        // eslint-disable-next-line @typescript-eslint/no-require-imports
        const mod = require(path.join(POLICIES, file)) as Record<string, unknown>;
        out.set(file, Object.values(mod).filter(isPolicy));
    }
    return out;
}

const readJson = (file: string) => JSON.parse(fs.readFileSync(file, "utf8")) as Record<string, unknown>;

describe("policies (pack)", () => {
    let served: Served;
    let registered: Policy[];
    // Loaded for each test, not once in a before() hook: Stryker's per-test coverage counts code run in a
    // before() hook towards the previous file's last test, so index.ts's mutants would run only that test.
    beforeEach(() => {
        served = loadPack();
        registered = served.args.policies as Policy[];
    });

    it("is named hms-policies and takes its version from policies/package.json", () => {
        assert.equal(served.name, "hms-policies");
        assert.equal(served.version, readJson(path.join(POLICIES, "package.json")).version);
        assert.equal(served.enforcementLevel, "mandatory");
    });

    it("describes and tags itself for the Pulumi console: its frameworks (HIPAA, LGPD) and clouds (AWS, Cloudflare)", () => {
        for (const word of ["HIPAA", "LGPD", "AWS", "Cloudflare"]) {
            assert.ok(served.args.description?.includes(word), `pack description names ${word}`);
        }
        // Every policy maps to HIPAA and LGPD art. 46; the stack deploys to AWS with Cloudflare in front.
        for (const tag of ["hipaa", "lgpd", "aws", "cloudflare"]) {
            assert.ok(served.args.tags?.includes(tag), `pack tag ${tag}`);
        }
    });

    it("registers every policy of every policy module exactly once", () => {
        const byFile = exportedPolicies();
        assert.ok(byFile.size >= 8, `policy modules found: ${[...byFile.keys()].join(", ")}`);
        for (const [file, policies] of byFile) {
            assert.ok(policies.length > 0, `${file} exports no policy`);
            for (const p of policies) {
                const count = registered.filter((r) => r === p).length;
                assert.equal(count, 1, `${file}: ${p.name} is registered ${count} times`);
            }
        }
        const exported = new Set([...byFile.values()].flat());
        const strays = registered.filter((p) => !exported.has(p)).map((p) => p.name);
        assert.deepEqual(strays, [], "registered policies that no policy module exports");
    });

    it("gives every policy a unique, valid name", () => {
        const names = registered.map((p) => p.name);
        assert.equal(
            new Set(names).size,
            names.length,
            `duplicate names: ${names.filter((n, i) => names.indexOf(n) !== i).join(", ")}`,
        );
        for (const n of names) {
            assert.match(n, /^[a-z0-9]+(-[a-z0-9]+)*$/);
            assert.notEqual(n, "all");
        }
    });

    it("describes every policy: level, severity, remediation, HIPAA framework, LGPD and topic tags", () => {
        for (const p of registered) {
            assert.ok(p.description.length > 40, `${p.name}: description`);
            assert.ok(["mandatory", "advisory"].includes(p.enforcementLevel ?? ""), `${p.name}: enforcementLevel`);
            assert.ok(["low", "medium", "high", "critical"].includes(p.severity ?? ""), `${p.name}: severity`);
            assert.ok((p.remediationSteps ?? "").length > 20, `${p.name}: remediationSteps`);
            assert.equal(p.framework?.name, "HIPAA Security Rule", p.name);
            assert.match(p.framework?.reference ?? "", /^164\.3(08|12)\(/, p.name);
            assert.match(p.framework?.specification ?? "", /LGPD art\. 46/, p.name);
            assert.ok(
                p.tags?.includes("lgpd-art-46") && p.tags.some((t) => t.startsWith("hipaa-164.")),
                `${p.name}: tags`,
            );
            assert.match(p.url ?? "", /^https:\/\/www\.ecfr\.gov\//, p.name);
        }
    });

    it("maps the required HIPAA sections", () => {
        const references = registered.map((p) => p.framework?.reference ?? "").join(" ");
        for (const section of ["164.312(e)(1)", "164.312(a)(2)(iv)", "164.308(a)(7)(ii)(A)", "164.312(b)"]) {
            assert.ok(references.includes(section), section);
        }
    });

    it("declares config schemas the CLI accepts, with defaults for optional thresholds", () => {
        for (const p of registered.filter((x) => x.configSchema)) {
            const properties = p.configSchema!.properties;
            assert.ok(!("enforcementLevel" in properties), `${p.name}: enforcementLevel is reserved`);
            for (const [key, schema] of Object.entries(properties)) {
                assert.ok(
                    typeof schema === "object" && schema.type && schema.description,
                    `${p.name}.${key}: type and description`,
                );
            }
        }
        const retention = registered.find((p) => p.name === "backup-plan-retention")!;
        assert.equal((retention.configSchema!.properties.minimumRetentionDays as { default: number }).default, 30);
    });

    it("has a development config that names real policies and properties", () => {
        const config = readJson(path.join(POLICIES, "config", "development.json")) as Record<
            string,
            Record<string, unknown>
        >;
        for (const [name, values] of Object.entries(config)) {
            const p = registered.find((x) => x.name === name);
            assert.ok(p, `unknown policy ${name}`);
            for (const [key, value] of Object.entries(values)) {
                const schema: NonNullable<Policy["configSchema"]>["properties"][string] | undefined =
                    p.configSchema?.properties[key];
                assert.ok(typeof schema === "object", `${name}.${key} is not in the schema`);
                assert.equal(typeof value, schema.type === "integer" ? "number" : schema.type);
            }
        }
    });

    describe("compliance metadata (policies/lib/compliance.ts)", () => {
        it("names the HIPAA Security Rule by its place in the CFR", () => {
            const c = compliance("164.312(b)", ["audit"]);
            assert.equal(c.framework.name, "HIPAA Security Rule");
            assert.match(c.framework.version ?? "", /^45 CFR Part 164 Subpart C$/);
        });

        it("references the primary section alone, or first and then the others, separated by semicolons", () => {
            assert.equal(compliance("164.312(b)", ["audit"]).framework.reference, "164.312(b)");
            assert.equal(
                compliance("164.312(e)(1)", ["tls"], ["164.312(a)(1)", "164.312(c)(1)"]).framework.reference,
                "164.312(e)(1); 164.312(a)(1); 164.312(c)(1)",
            );
        });

        it("specifies each section by number and standard, then LGPD art. 46", () => {
            const spec = compliance("164.312(b)", ["audit"], ["164.312(c)(1)"]).framework.specification ?? "";
            assert.match(
                spec,
                /^164\.312\(b\) Audit controls: .+\. 164\.312\(c\)\(1\) Integrity: .+\. Also LGPD art\. 46: /,
            );
            assert.match(
                compliance("164.308(a)(7)(ii)(A)", []).framework.specification ?? "",
                /^164\.308\(a\)\(7\)\(ii\)\(A\) Data backup plan: /,
            );
        });

        it("tags every section as hipaa-<section>, LGPD art. 46 and the topics, and nothing else", () => {
            assert.deepEqual(compliance("164.312(b)", ["audit", "rds"]).tags, [
                "hipaa-164.312(b)",
                "lgpd-art-46",
                "audit",
                "rds",
            ]);
            assert.deepEqual(compliance("164.312(e)(1)", ["tls"], ["164.312(a)(1)"]).tags, [
                "hipaa-164.312(e)(1)",
                "hipaa-164.312(a)(1)",
                "lgpd-art-46",
                "tls",
            ]);
        });

        it("links the primary section's part of 45 CFR on eCFR", () => {
            assert.equal(compliance("164.312(b)", []).url, "https://www.ecfr.gov/current/title-45/section-164.312");
            assert.equal(
                compliance("164.308(a)(7)(ii)(A)", [], ["164.312(c)(1)"]).url,
                "https://www.ecfr.gov/current/title-45/section-164.308",
            );
        });
    });

    describe("package", () => {
        const pkg = readJson(path.join(POLICIES, "package.json")) as {
            version?: string;
            dependencies: Record<string, string>;
            devDependencies: Record<string, string>;
        };
        const root = readJson(path.join(ROOT, "package.json")) as {
            dependencies: Record<string, string>;
            devDependencies: Record<string, string>;
        };
        const rootVersions = { ...root.dependencies, ...root.devDependencies };

        it("has PulumiPolicy.yaml with the nodejs runtime", () => {
            const doc = parse(fs.readFileSync(path.join(POLICIES, "PulumiPolicy.yaml"), "utf8")) as {
                runtime: string | { name: string };
            };
            const runtime = typeof doc.runtime === "string" ? doc.runtime : doc.runtime.name;
            assert.equal(runtime, "nodejs");
        });

        it("pins exactly the versions of the repository", () => {
            assert.match(pkg.version ?? "", /^\d+\.\d+\.\d+$/);
            const all = { ...pkg.dependencies, ...pkg.devDependencies };
            for (const name of [
                "@pulumi/policy",
                "@pulumi/pulumi",
                "@pulumi/aws",
                "@pulumi/cloudflare",
                "typescript",
                "@types/node",
            ]) {
                assert.equal(all[name], rootVersions[name], name);
                assert.match(all[name], /^\d+\.\d+\.\d+$/, `${name} is not an exact version`);
            }
        });

        it("has a lockfile matching package.json and the repository's lockfile", () => {
            const lock = readJson(path.join(POLICIES, "package-lock.json")) as {
                name: string;
                version: string;
                lockfileVersion: number;
                packages: Record<
                    string,
                    {
                        version?: string;
                        dependencies?: Record<string, string>;
                        devDependencies?: Record<string, string>;
                    }
                >;
            };
            const rootLock = readJson(path.join(ROOT, "package-lock.json")) as {
                packages: Record<string, { version?: string }>;
            };
            assert.equal(lock.version, pkg.version);
            assert.equal(lock.lockfileVersion, 3);
            assert.deepEqual(lock.packages[""].dependencies, pkg.dependencies);
            assert.deepEqual(lock.packages[""].devDependencies, pkg.devDependencies);
            for (const [key, entry] of Object.entries(lock.packages)) {
                if (key && rootLock.packages[key]) {
                    assert.equal(entry.version, rootLock.packages[key].version, key);
                }
            }
        });

        it("installs nothing inside policies/ (modules resolve from the repository's node_modules)", () => {
            assert.equal(fs.existsSync(path.join(POLICIES, "node_modules")), false);
        });
    });

    describe("built JavaScript (what the CLI's runner loads)", function () {
        // In a mutation testing worker (npm run test:mutation) the sources are
        // instrumented with every mutant, so they never match the committed build;
        // a difference there says nothing about the mutant under test.
        if (process.env.STRYKER_MUTATOR_WORKER !== undefined) {
            return;
        }
        const pkg = readJson(path.join(POLICIES, "package.json")) as {
            main?: string;
            scripts?: Record<string, string>;
        };
        const BIN = path.join(POLICIES, "bin");

        it("package.json's main is the built index, which `.` resolves to as the runner requires it", () => {
            assert.equal(pkg.main, "bin/index.js");
            assert.equal(require.resolve(POLICIES), path.join(BIN, "index.js"));
            assert.match(pkg.scripts?.build ?? "", /^tsc -p \.$/);
        });

        it("the committed build is current: every source compiles to exactly the committed file, and nothing else is there", () => {
            const parsed = ts.getParsedCommandLineOfConfigFile(
                path.join(POLICIES, "tsconfig.json"),
                {},
                {
                    ...ts.sys,
                    onUnRecoverableConfigFileDiagnostic: (d) => {
                        throw new Error(ts.flattenDiagnosticMessageText(d.messageText, "\n"));
                    },
                },
            )!;
            const expected = new Map<string, string>();
            for (const file of parsed.fileNames) {
                const out = ts.transpileModule(fs.readFileSync(file, "utf8"), {
                    compilerOptions: parsed.options,
                    fileName: file,
                });
                expected.set(path.join("bin", path.relative(POLICIES, file).replace(/\.ts$/, ".js")), out.outputText);
            }
            const committed = (fs.readdirSync(BIN, { recursive: true }) as string[])
                .filter((f) => fs.statSync(path.join(BIN, f)).isFile())
                .map((f) => path.join("bin", f));
            const stale = [...expected].filter(
                ([f, text]) =>
                    !fs.existsSync(path.join(POLICIES, f)) || fs.readFileSync(path.join(POLICIES, f), "utf8") !== text,
            );
            const hint = "run `npm run build:policies` and commit policies/bin";
            assert.deepEqual(
                stale.map(([f]) => f),
                [],
                `out of date: ${hint}`,
            );
            assert.deepEqual(committed.filter((f) => !expected.has(f)).sort(), [], `no source for these: ${hint}`);
        });

        it("serves the same policies, with the same metadata, as the sources", () => {
            const built = loadPack(path.join(BIN, "index.js"));
            const source = loadPack();
            const describe = (s: Served) => ({
                name: s.name,
                version: s.version,
                policies: (s.args.policies as Policy[]).map((p) => ({
                    ...p,
                    validateResource: undefined,
                    validateStack: undefined,
                })),
            });
            assert.deepEqual(JSON.parse(JSON.stringify(describe(built))), JSON.parse(JSON.stringify(describe(source))));
        });

        it("started exactly as the CLI starts it, the pack compiles no TypeScript", async function () {
            this.timeout(180_000);
            // An observer (not part of the start: it only records) logs every file
            // handed to the `.ts` loader that ts-node installs.
            const dir = fs.mkdtempSync(path.join(os.tmpdir(), "hms-pack-"));
            const log = path.join(dir, "ts-files.log");
            const observer = path.join(dir, "observe.js");
            fs.writeFileSync(log, "");
            fs.writeFileSync(
                observer,
                `const fs = require("fs");
let loader;
Object.defineProperty(require.extensions, ".ts", {
    configurable: true, enumerable: true,
    get() { return loader; },
    set(fn) { loader = function (m, file) { fs.appendFileSync(${JSON.stringify(log)}, file + "\\n"); return fn.call(this, m, file); }; },
});
`,
            );
            const saved = process.env.NODE_OPTIONS;
            process.env.NODE_OPTIONS = `${saved ?? ""} --require ${observer}`.trim();
            let analyzer: PolicyAnalyzer | undefined;
            try {
                analyzer = await PolicyAnalyzer.start({
                    packDir: POLICIES,
                    stack: {
                        project: "hms",
                        stack: "development",
                        organization: "",
                        dryRun: true,
                        config: {},
                        secretKeys: [],
                        tags: {},
                    },
                });
                assert.equal(analyzer.info.name, "hms-policies");
                assert.ok(analyzer.info.policies.length > 20);
                assert.deepEqual(
                    fs.readFileSync(log, "utf8").split("\n").filter(Boolean),
                    [],
                    "TypeScript compiled at start",
                );
            } finally {
                process.env.NODE_OPTIONS = saved;
                if (saved === undefined) {
                    delete process.env.NODE_OPTIONS;
                }
                await analyzer?.stop();
                fs.rmSync(dir, { recursive: true, force: true });
            }
        });
    });
});
