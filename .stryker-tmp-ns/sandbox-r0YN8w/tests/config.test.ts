// @ts-nocheck
import * as assert from "assert";
import * as fs from "fs";
import * as path from "path";
import * as pulumi from "@pulumi/pulumi";
import { parse } from "yaml";
import { ConfigError, parseConfig } from "../config";
import { useMocks } from "../tools/mocks";
import { applyOverrides, listStacks, readStackConfig, ROOT, settle } from "../tools/stack";
import { configProblems, parseStack, stackValues } from "./support/resources";

/** Asserts that the overrides make the stack's config invalid, with a message naming `key` and matching `accepted`. */
function rejects(stack: string, overrides: Record<string, unknown>, key: string, accepted: RegExp): ConfigError {
    try {
        parseStack(stack, overrides);
    } catch (e) {
        assert.ok(e instanceof ConfigError, `expected a ConfigError, got ${e}`);
        const line = e.problems.find((p) => p.startsWith(`${key} `) || p.includes(` ${key} `));
        assert.ok(line, `no problem names ${key}: ${e.message}`);
        assert.match(line, accepted);
        return e;
    }
    assert.fail(`config with ${JSON.stringify(overrides)} was accepted`);
}

describe("stack configuration", () => {
    for (const stack of ["production", "staging", "development"]) {
        it(`${stack}: the stack file is valid`, () => {
            const c = parseStack(stack);
            assert.strictEqual(c.environment, stack);
            assert.strictEqual(c.region, "sa-east-1");
            assert.notStrictEqual(c.drRegion, c.region);
        });
    }

    it("production sizing is the specification's", () => {
        const c = parseStack("production");
        assert.deepStrictEqual([c.app?.count, c.app?.vcpus, c.app?.memoryGiB, c.app?.volumeGiB], [2, 8, 32, 500]);
        assert.deepStrictEqual([c.database?.instances, c.database?.vcpus, c.database?.memoryGiB], [3, 8, 64]);
        assert.strictEqual(c.cache?.nodes, 3);
        assert.deepStrictEqual([c.websocket?.vcpus, c.websocket?.memoryGiB, c.websocket?.volumeGiB], [4, 16, 100]);
        assert.deepStrictEqual([c.network.azCount, c.network.natGateways], [3, 3]);
        assert.strictEqual(c.backup.retentionDays, 30);
        assert.strictEqual(c.protectData, true);
    });

    it("staging sizing is the specification's", () => {
        const c = parseStack("staging");
        assert.deepStrictEqual([c.app?.count, c.app?.vcpus, c.app?.memoryGiB, c.app?.volumeGiB], [1, 4, 16, 250]);
        assert.strictEqual(c.database?.instances, 1);
        assert.strictEqual(c.cache?.nodes, 1);
        assert.deepStrictEqual([c.network.azCount, c.network.natGateways], [2, 1]);
    });

    it("development holds only its bucket (and that bucket's backup) in the cloud", () => {
        const c = parseStack("development");
        const on = Object.entries(c.tiers)
            .filter(([, v]) => v)
            .map(([t]) => t);
        assert.deepStrictEqual(on.sort(), ["backup", "storage"]);
    });

    describe("rejects bad input with the key, the value and what is accepted", () => {
        it("a non-positive server count", () => {
            rejects("production", { appCount: 0 }, "hms:appCount", /= "0": must be a whole number from 1 to 20/);
            rejects("production", { appCount: -2 }, "hms:appCount", /"-2".*whole number from 1/);
            rejects("staging", { appCount: "two" }, "hms:appCount", /"two".*whole number/);
            rejects("production", { databaseInstances: 0 }, "hms:databaseInstances", /1 writer plus readers/);
            rejects("production", { cacheNodes: 0 }, "hms:cacheNodes", /1 primary plus replicas/);
            // 0 is the key's declared default, "not set": one Nginx server per AZ.
            rejects(
                "production",
                { loadBalancerNginxCount: -1 },
                "hms:loadBalancerNginxCount",
                /"-1": must be a whole number from 1 to 12/,
            );
            assert.strictEqual(parseStack("production", { loadBalancerNginxCount: 0 }).loadBalancer?.nginxCount, 3);
        });

        it("an unknown region", () => {
            rejects(
                "production",
                { "aws:region": "sa-east-9" },
                "aws:region",
                /"sa-east-9": must be an AWS region, one of .*sa-east-1/,
            );
            rejects("production", { "aws:region": undefined }, "aws:region", /\(not set\): must be an AWS region/);
            rejects("production", { drRegion: "mars-1" }, "hms:drRegion", /"mars-1": must be an AWS region/);
        });

        it("an instance type whose vCPU / memory do not match the declared sizing", () => {
            rejects(
                "production",
                { appInstanceType: "m6i.xlarge" },
                "hms:appInstanceType",
                /"m6i.xlarge": has 4 vCPU \/ 16 GiB but hms:appVcpus \/ hms:appMemoryGiB declare 8 vCPU \/ 32 GiB; pick a type of that size \(for example .*m6i.2xlarge/,
            );
            rejects(
                "production",
                { databaseInstanceClass: "db.r6g.xlarge" },
                "hms:databaseInstanceClass",
                /has 4 vCPU \/ 32 GiB.*declare 8 vCPU \/ 64 GiB/,
            );
            rejects("production", { appVcpus: 16 }, "hms:appInstanceType", /declare 16 vCPU \/ 32 GiB/);
            rejects(
                "production",
                { websocketInstanceType: "m6i.huge" },
                "hms:websocketInstanceType",
                /not a known instance type; accepted types include m6i.large/,
            );
        });

        it("a missing or malformed domain", () => {
            rejects(
                "production",
                { domain: undefined },
                "hms:domain",
                /\(not set\): is required; the DNS name of the Cloudflare zone/,
            );
            rejects("production", { domain: "HMS Example" }, "hms:domain", /must be the DNS name/);
            rejects("development", { domain: "https://hms.example.org/" }, "hms:domain", /must be the DNS name/);
        });

        it("a disaster-recovery region equal to the primary", () => {
            rejects(
                "production",
                { drRegion: "sa-east-1" },
                "hms:drRegion",
                /"sa-east-1": must differ from aws:region \(sa-east-1\): backups must be stored in a geographically separate region/,
            );
            rejects("production", { drRegion: undefined }, "hms:drRegion", /is required/);
        });

        it("an unknown environment", () => {
            rejects(
                "staging",
                { environment: "prod" },
                "hms:environment",
                /"prod": must be one of "production", "staging", "development"/,
            );
        });

        it("unknown or incomplete tier lists", () => {
            rejects(
                "production",
                { tiers: ["network", "databse"] },
                "hms:tiers",
                /"databse" is not a tier; tiers are network, edge/,
            );
            rejects(
                "production",
                { tiers: ["app"] },
                "hms:tiers",
                /the app tier needs network, database, cache, storage in the list as well/,
            );
            rejects("production", { tiers: "network" }, "hms:tiers", /must be a list of tier names/);
        });

        it("network sizing", () => {
            rejects("production", { networkCidr: "10.20.0.0/8" }, "hms:networkCidr", /from \/16 to \/20/);
            rejects("production", { networkCidr: "10.20.1.0/16" }, "hms:networkCidr", /aligned to its prefix/);
            rejects("production", { networkAzCount: 4 }, "hms:networkAzCount", /from 2 to 3/);
            rejects(
                "staging",
                { networkNatGateways: 3 },
                "hms:networkNatGateways",
                /from 1 to hms:networkAzCount \(2\)/,
            );
        });

        it("a flow log retention CloudWatch Logs does not offer", () => {
            rejects(
                "production",
                { networkFlowLogRetentionDays: 100 },
                "hms:networkFlowLogRetentionDays",
                /= 100: must be a CloudWatch Logs retention, one of 1, 3, 5, .*3653/,
            );
            assert.deepStrictEqual(configProblems("production", { networkFlowLogRetentionDays: 400 }), []);
        });

        it("a region that does not offer a service an enabled tier needs (AWS SDK endpoint model)", () => {
            // OpenSearch Ingestion (the monitoring tier's log pipeline) has no endpoint in eu-west-3.
            rejects(
                "production",
                { "aws:region": "eu-west-3" },
                "aws:region",
                /"eu-west-3": does not offer osis \(needed by the monitoring tiers; source: botocore/,
            );
            const tiers = (JSON.parse(readStackConfig("production")["hms:tiers"]) as string[]).filter(
                (t) => t !== "monitoring",
            );
            assert.deepStrictEqual(configProblems("production", { "aws:region": "eu-west-3", tiers }), []);
        });

        it("instance types that do not exist", () => {
            // c5 has 9xlarge and 18xlarge, no 8xlarge or 16xlarge.
            rejects(
                "production",
                { appInstanceType: "c5.8xlarge", appVcpus: 32, appMemoryGiB: 64 },
                "hms:appInstanceType",
                /c5\.8xlarge/,
            );
            rejects(
                "production",
                { appInstanceType: "c5.16xlarge", appVcpus: 64, appMemoryGiB: 128 },
                "hms:appInstanceType",
                /c5\.16xlarge/,
            );
            assert.deepStrictEqual(
                configProblems("production", { appInstanceType: "c5.9xlarge", appVcpus: 36, appMemoryGiB: 72 }),
                [],
            );
        });

        it("backup retention below the hospital's minimum of 30 days", () => {
            rejects(
                "production",
                { backupRetentionDays: 7 },
                "hms:backupRetentionDays",
                /"7": must be a whole number of days, at least 30/,
            );
            rejects("development", { backupRetentionDays: 29 }, "hms:backupRetentionDays", /at least 30/);
        });

        it("unprotected data in production", () => {
            rejects("production", { protectData: false }, "hms:protectData", /must be true in production/);
            rejects("production", { protectData: "yes" }, "hms:protectData", /must be true or false/);
        });

        it("an operating system past its standard support", () => {
            rejects(
                "production",
                { ubuntuRelease: "20.04" },
                "hms:ubuntuRelease",
                /Ubuntu 20.04 LTS is past its standard support.*22.04, 24.04/,
            );
            rejects("production", { ubuntuRelease: "23.10" }, "hms:ubuntuRelease", /must be one of "22.04", "24.04"/);
        });

        it("a typo in a key", () => {
            rejects(
                "production",
                { appInstancetype: "m6i.2xlarge" },
                "hms:appInstancetype",
                /is not a key this program reads; did you mean .*hms:appInstanceType/,
            );
        });

        it("overlapping database windows", () => {
            rejects(
                "production",
                { databaseBackupWindow: "05:30-06:30" },
                "hms:databaseBackupWindow",
                /overlaps hms:databaseMaintenanceWindow/,
            );
        });

        it("malformed versions, windows, addresses and schedules", () => {
            rejects("production", { appWordpressSha1: "abc" }, "hms:appWordpressSha1", /40 hex digits/);
            rejects(
                "production",
                { databaseEngineVersion: "5.7.mysql_aurora.2.11.2" },
                "hms:databaseEngineVersion",
                /Aurora MySQL 3/,
            );
            rejects("production", { cacheEngineVersion: "6.2" }, "hms:cacheEngineVersion", /7.x/);
            rejects("production", { cacheNodeType: "cache.t2.micro" }, "hms:cacheNodeType", /must be one of cache\./);
            rejects(
                "production",
                { databaseMaintenanceWindow: "sunday 5am" },
                "hms:databaseMaintenanceWindow",
                /ddd:hh24:mi/,
            );
            rejects("production", { backupDailySchedule: "daily" }, "hms:backupDailySchedule", /AWS cron expression/);
            rejects(
                "production",
                { securityVpnClientCidr: "10.20.0.0/22" },
                "hms:securityVpnClientCidr",
                /must not overlap the VPC/,
            );
            rejects("production", { monitoringAlarmEmail: "ops" }, "hms:monitoringAlarmEmail", /e-mail address/);
            rejects("production", { logRetentionDays: 100 }, "hms:logRetentionDays", /one of 1, 3, 5/);
            rejects("staging", { websocketNodeMajor: 23 }, "hms:websocketNodeMajor", /even \(LTS\)/);
        });

        it("reports every problem at once", () => {
            const e = rejects(
                "production",
                { appCount: 0, drRegion: "sa-east-1", domain: undefined },
                "hms:appCount",
                /whole number/,
            );
            assert.ok(e.problems.length >= 3, e.message);
            assert.match(e.message, /^Invalid stack configuration \(3 problems\):\n {2}- /);
        });

        it("keys of a tier that is switched off are not validated", () => {
            const c = parseStack("development", { appCount: 0 });
            assert.strictEqual(c.app, undefined);
        });
    });

    describe("in the program", () => {
        it("bad config fails before any resource is registered, as a RunError (no stack trace)", async () => {
            // Runs index.ts under the shared mocks like runStack, but keeps the
            // monitor of this run: runStack throws the error without it.
            const monitor = useMocks("hms", "production");
            pulumi.runtime.setAllConfig(applyOverrides(readStackConfig("production"), { appCount: 0 }), []);
            const entry = require.resolve(path.join(ROOT, "index"));
            delete require.cache[entry];
            let error: unknown;
            try {
                // eslint-disable-next-line @typescript-eslint/no-require-imports
                require(entry);
            } catch (e) {
                error = e;
            }
            await settle(monitor);
            assert.ok(error instanceof ConfigError, `expected ConfigError, got ${error}`);
            assert.ok(pulumi.RunError.isInstance(error), "a RunError is printed by the CLI without a stack trace");
            assert.match((error as Error).message, /hms:appCount = "0"/);
            assert.deepStrictEqual(
                monitor.recorded.map((r) => r.name),
                [],
                "resources registered before the config was validated",
            );
        });
    });
});

describe("Pulumi.yaml", () => {
    const project = parse(fs.readFileSync(path.join(ROOT, "Pulumi.yaml"), "utf8")) as {
        name: string;
        runtime: { name: string };
        config: Record<string, { type: string; description: string; items?: { type: string } }>;
    };

    it("is the nodejs project hms", () => {
        assert.strictEqual(project.name, "hms");
        assert.strictEqual(project.runtime.name, "nodejs");
    });

    it("declares exactly the keys the program reads, each with a type and a description", () => {
        const read = new Set<string>();
        for (const stack of listStacks()) {
            const { values, region } = stackValues(stack);
            // Recording which keys are read: parse with a Proxy that notes every lookup.
            const seen = new Proxy(values, {
                get(target, key: string) {
                    read.add(key);
                    return target[key];
                },
            });
            parseConfig("hms", seen, region);
        }
        // Tiers switched off in some stack are read in another (production has all of them).
        const declared = Object.keys(project.config).sort();
        const readKeys = [...read].filter((k) => !k.includes(":") && /^[a-z]/.test(k)).sort();
        assert.deepStrictEqual(declared, readKeys);
        for (const [key, spec] of Object.entries(project.config)) {
            assert.ok(["string", "integer", "boolean", "array"].includes(spec.type), `${key}: type ${spec.type}`);
            assert.ok(spec.description && spec.description.length > 10, `${key}: description`);
            if (spec.type === "array") {
                assert.ok(spec.items?.type, `${key}: arrays need items`);
            }
        }
    });

    it("stack values have the declared types", () => {
        for (const stack of listStacks()) {
            const doc = parse(fs.readFileSync(path.join(ROOT, `Pulumi.${stack}.yaml`), "utf8")) as {
                config: Record<string, unknown>;
            };
            for (const [key, value] of Object.entries(doc.config)) {
                if (!key.startsWith("hms:")) {
                    continue;
                }
                const spec = project.config[key.slice(4)];
                assert.ok(spec, `${stack}: ${key} is not declared in Pulumi.yaml`);
                const actual = Array.isArray(value) ? "array" : typeof value === "number" ? "integer" : typeof value;
                assert.strictEqual(
                    actual,
                    spec.type,
                    `${stack}: ${key} = ${JSON.stringify(value)} should be ${spec.type}`,
                );
            }
        }
    });

    it("the README's configuration reference lists every key", () => {
        const readme = fs.readFileSync(path.join(ROOT, "README.md"), "utf8");
        const missing = Object.keys(project.config).filter((k) => !readme.includes(`\`hms:${k}\``));
        assert.deepStrictEqual(missing, []);
    });

    it("every stack tags every resource through aws:defaultTags", () => {
        for (const stack of listStacks()) {
            const tags = JSON.parse(readStackConfig(stack)["aws:defaultTags"]).tags as Record<string, string>;
            assert.deepStrictEqual(Object.keys(tags).sort(), ["DataClassification", "Environment", "Owner", "Project"]);
            assert.strictEqual(tags.Environment, stack);
            assert.strictEqual(tags.Project, "hms");
        }
    });
});
