import * as assert from "assert";
import { randomInt } from "crypto";
import {
    AUTH_TOKEN_PASSWORD,
    AUTH_TOKEN_SPECIALS_ALLOWED,
    Cache,
    CacheArgs,
    cacheParameterFamily,
    isValidAuthToken,
} from "../components/cache";
import { isAwsIdentifier } from "../components/identifiers";
import { cacheArgs } from "../components/tier-args";
import { isSecret, RecordedResource } from "../tools/mocks";
import { Overrides, readStackConfig, runStack, StackRun } from "../tools/stack";
import { buildComponent, builtAlone, DATA_SUBNETS, handedOver } from "./support/components";
import { byId, configProblems, keyArn, ofType } from "./support/resources";
import { one as oneOf, Resources, under } from "./support/assert";
/** The only resource of `type` directly under the Cache component. */
const one = (run: Resources, type: string): RecordedResource => oneOf(run, type, under(run, "hms:cache:Cache"));

/**
 * The Cache of `stack` with `overrides`, built alone: its arguments are
 * components/tier-args.ts's cacheArgs of the parsed configuration (what
 * hospital.ts's createCache passes), with stand-ins for what the network, the
 * keys and the monitoring tier hand over.
 */
function cacheBuiltAlone(stack: string, overrides: Overrides): Promise<Resources> {
    return builtAlone(stack, overrides, (c) => {
        assert.ok(c.cache, `${stack} has no cache tier`);
        new Cache(`hms-${c.environment}-cache`, cacheArgs(c, handedOver(c)));
    });
}

const RG = "aws:elasticache/replicationGroup:ReplicationGroup";

/** The cache's secret value {host, port, token, tls}, read from inside its secret envelope. */
function secretValue(run: StackRun): { host: string; port: number; token: string; tls: boolean } {
    const version = one(run, "aws:secretsmanager/secretVersion:SecretVersion");
    const raw = version.rawInputs.secretString;
    assert.ok(isSecret(raw), "the secret string is not a Pulumi secret");
    return JSON.parse(String(raw.value));
}

/**
 * Every place a string occurs in `value` outside secret envelopes (the plain
 * text a state file, a diff or a log would show).
 */
function plainStrings(value: unknown, path: string, out: Array<{ path: string; text: string }>): void {
    if (isSecret(value)) {
        return;
    }
    if (typeof value === "string") {
        out.push({ path, text: value });
    } else if (Array.isArray(value)) {
        value.forEach((v, i) => plainStrings(v, `${path}[${i}]`, out));
    } else if (typeof value === "object" && value !== null) {
        Object.entries(value).forEach(([k, v]) => plainStrings(v, `${path}.${k}`, out));
    }
}

/** Every string inside secret envelopes (to show the scan has something to find). */
function secretStrings(value: unknown, inSecret = false): string[] {
    if (isSecret(value)) {
        return secretStrings(value.value, true);
    }
    if (typeof value === "string") {
        return inSecret ? [value] : [];
    }
    if (Array.isArray(value)) {
        return value.flatMap((v) => secretStrings(v, inSecret));
    }
    if (typeof value === "object" && value !== null) {
        return Object.values(value).flatMap((v) => secretStrings(v, inSecret));
    }
    return [];
}

/**
 * Generates a password the way the random provider does for these arguments
 * (terraform-provider-random's string generation): the minimum count of each
 * class is drawn from that class, the rest from the union of the enabled
 * classes (specials replaced by overrideSpecial), then the result is shuffled.
 */
function generateLikeRandomProvider(a: typeof AUTH_TOKEN_PASSWORD): string {
    const numeric = "0123456789";
    const lower = "abcdefghijklmnopqrstuvwxyz";
    const upper = "ABCDEFGHIJKLMNOPQRSTUVWXYZ";
    const special = a.overrideSpecial ? String(a.overrideSpecial) : "!@#$%&*()-_=+[]{}<>:?";
    let chars = "";
    if (a.upper !== false) chars += upper;
    if (a.lower !== false) chars += lower;
    if (a.numeric !== false) chars += numeric;
    if (a.special !== false) chars += special;
    const pick = (set: string, n: number) => Array.from({ length: n }, () => set[randomInt(set.length)]);
    const result = [
        ...pick(numeric, Number(a.minNumeric ?? 0)),
        ...pick(lower, Number(a.minLower ?? 0)),
        ...pick(upper, Number(a.minUpper ?? 0)),
        ...pick(special, Number(a.minSpecial ?? 0)),
    ];
    result.push(...pick(chars, Number(a.length) - result.length));
    for (let i = result.length - 1; i > 0; i--) {
        const j = randomInt(i + 1);
        [result[i], result[j]] = [result[j], result[i]];
    }
    return result.join("");
}

describe("Cache (ElastiCache)", () => {
    const runs: Record<string, StackRun> = {};
    before(async function () {
        // Two whole stacks: a few seconds normally, much longer on a loaded CI machine.
        this.timeout(180_000);
        runs.production = await runStack("production");
        runs.staging = await runStack("staging");
    });

    it("production: 3 nodes (1 primary + 2 replicas) in 3 AZs with automatic failover and Multi-AZ", () => {
        const rg = one(runs.production, RG);
        assert.strictEqual(rg.inputs.numCacheClusters, 3);
        assert.strictEqual(rg.inputs.automaticFailoverEnabled, true);
        assert.strictEqual(rg.inputs.multiAzEnabled, true);
        const zones = rg.inputs.preferredCacheClusterAzs as string[];
        assert.strictEqual(new Set(zones).size, 3, `AZs ${zones}`);
        zones.forEach((z) => assert.match(z, /^sa-east-1[abc]$/));
        assert.strictEqual(rg.inputs.nodeType, "cache.r7g.large");
    });

    it("staging: 1 node, failover and Multi-AZ off (they need 2 or more nodes)", () => {
        const rg = one(runs.staging, RG);
        assert.strictEqual(rg.inputs.numCacheClusters, 1);
        assert.strictEqual(rg.inputs.automaticFailoverEnabled, false);
        assert.strictEqual(rg.inputs.multiAzEnabled, false);
        assert.strictEqual(rg.inputs.nodeType, "cache.t4g.medium");
    });

    for (const stack of ["production", "staging"]) {
        describe(stack, () => {
            it("requires TLS in transit, encrypts at rest with the data key and requires the AUTH token", () => {
                const run = runs[stack];
                const rg = one(run, RG);
                assert.strictEqual(rg.inputs.engine, "redis");
                assert.strictEqual(rg.inputs.engineVersion, "7.1");
                assert.strictEqual(rg.inputs.clusterMode, "disabled");
                assert.strictEqual(rg.inputs.transitEncryptionEnabled, true);
                assert.strictEqual(rg.inputs.transitEncryptionMode, "required");
                assert.strictEqual(rg.inputs.atRestEncryptionEnabled, true);
                assert.strictEqual(rg.inputs.kmsKeyId, keyArn(run, "data"));
                assert.ok(isSecret(rg.rawInputs.authToken), "authToken is not a Pulumi secret");
                assert.strictEqual((rg.rawInputs.authToken as { value: unknown }).value, secretValue(run).token);
            });

            it("uses a redis7 parameter group for a WordPress object cache (allkeys-lru)", () => {
                const run = runs[stack];
                const rg = one(run, RG);
                const group = one(run, "aws:elasticache/parameterGroup:ParameterGroup");
                assert.strictEqual(rg.inputs.parameterGroupName, group.inputs.name);
                assert.strictEqual(group.inputs.family, "redis7");
                const params = new Map(
                    (group.inputs.parameters as Array<{ name: string; value: string }>).map((p) => [p.name, p.value]),
                );
                assert.strictEqual(params.get("maxmemory-policy"), "allkeys-lru");
                assert.strictEqual(params.get("cluster-enabled"), undefined);
            });

            it("keeps the AUTH token and endpoint in a Secrets Manager secret under the data key", () => {
                const run = runs[stack];
                const rg = one(run, RG);
                const secret = one(run, "aws:secretsmanager/secret:Secret");
                const version = one(run, "aws:secretsmanager/secretVersion:SecretVersion");
                assert.strictEqual(secret.inputs.kmsKeyId, keyArn(run, "data"));
                assert.strictEqual(version.inputs.secretId, secret.id);
                const value = secretValue(run);
                assert.strictEqual(value.host, rg.outputs.primaryEndpointAddress);
                assert.strictEqual(value.port, 6379);
                assert.strictEqual(value.tls, true);
                assert.ok(isValidAuthToken(value.token), "the token breaks ElastiCache's rules");
                assert.strictEqual(run.outputs.cacheAuthSecretArn, secret.outputs.arn);
            });

            it("no password or token appears in plain text in any resource input or stack output", () => {
                const run = runs[stack];
                const token = secretValue(run).token;
                assert.ok(token.length >= 16);
                // The scan has something to find: the token is inside these secret envelopes.
                const holders = run.resources.filter((r) => secretStrings(r.rawInputs).some((s) => s.includes(token)));
                for (const type of [RG, "aws:secretsmanager/secretVersion:SecretVersion"]) {
                    assert.ok(
                        holders.some((r) => r.type === type),
                        `the token is not inside a secret of ${type}`,
                    );
                }
                for (const r of run.resources) {
                    const found: Array<{ path: string; text: string }> = [];
                    plainStrings(r.rawInputs, r.name, found);
                    const leaks = found.filter((f) => f.text.includes(token));
                    assert.deepStrictEqual(
                        leaks.map((l) => l.path),
                        [],
                        `${r.type} ${r.name} carries the AUTH token in plain text`,
                    );
                }
                assert.ok(!JSON.stringify(run.outputs).includes(token), "a stack output carries the AUTH token");
            });

            it("delivers slow and engine logs to KMS-encrypted log groups", () => {
                const run = runs[stack];
                const rg = one(run, RG);
                const deliveries = rg.inputs.logDeliveryConfigurations as Array<Record<string, string>>;
                assert.deepStrictEqual(deliveries.map((d) => d.logType).sort(), ["engine-log", "slow-log"]);
                for (const d of deliveries) {
                    assert.strictEqual(d.destinationType, "cloudwatch-logs");
                    const group = run.resources.find(
                        (r) => r.type === "aws:cloudwatch/logGroup:LogGroup" && r.outputs.name === d.destination,
                    );
                    assert.ok(group, `no log group ${d.destination}`);
                    assert.strictEqual(group.inputs.kmsKeyId, keyArn(run, "logs"));
                    assert.strictEqual(
                        group.inputs.retentionInDays,
                        Number(readStackConfig(stack)["hms:logRetentionDays"]),
                    );
                }
            });

            it("takes daily snapshots, lives in the data subnets behind its own security group, and is protected", () => {
                const run = runs[stack];
                const rg = one(run, RG);
                assert.strictEqual(rg.inputs.snapshotRetentionLimit, 7);
                assert.strictEqual(rg.inputs.snapshotWindow, "02:00-03:00");
                assert.strictEqual(rg.inputs.maintenanceWindow, "sun:06:00-sun:07:00");
                assert.ok(
                    isAwsIdentifier(String(rg.inputs.replicationGroupId), 40),
                    String(rg.inputs.replicationGroupId),
                );
                assert.strictEqual(rg.protect, true);
                assert.ok(isAwsIdentifier(String(rg.inputs.finalSnapshotIdentifier), 255));
                const subnetGroup = one(run, "aws:elasticache/subnetGroup:SubnetGroup");
                assert.strictEqual(rg.inputs.subnetGroupName, subnetGroup.inputs.name);
                (subnetGroup.inputs.subnetIds as string[]).forEach((id) =>
                    assert.strictEqual((byId(run, id).inputs.tags as Record<string, string>).Tier, "data"),
                );
                const sgIds = rg.inputs.securityGroupIds as string[];
                assert.strictEqual(sgIds.length, 1);
                const sg = byId(run, sgIds[0]);
                assert.ok(sg.name.includes("cache"), sg.name);
                assert.strictEqual(sg.inputs.ingress, undefined);
                assert.strictEqual(sg.inputs.egress, undefined);
                for (const rule of ofType(run, "aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule")) {
                    if (rule.inputs.securityGroupId === sg.id) {
                        assert.strictEqual(rule.inputs.fromPort, 6379);
                        assert.ok(rule.inputs.referencedSecurityGroupId, `${rule.name} is not from a security group`);
                    }
                }
            });

            it("alarms notify the monitoring tier's topic", () => {
                const run = runs[stack];
                const component = run.resources.find((r) => r.type === "hms:cache:Cache");
                const alarms = ofType(run, "aws:cloudwatch/metricAlarm:MetricAlarm").filter(
                    (a) => a.parent === component?.urn,
                );
                const nodes = Number(one(run, RG).inputs.numCacheClusters);
                assert.strictEqual(alarms.length, nodes * (nodes > 1 ? 5 : 4));
                const topic = run.resources.find(
                    (r) => r.type === "aws:sns/topic:Topic" && r.name.endsWith("-monitoring-alarms"),
                );
                assert.ok(topic, "no monitoring topic");
                alarms.forEach((a) => assert.deepStrictEqual(a.inputs.alarmActions, [topic.outputs.arn]));
            });

            it("exports the endpoints and port", () => {
                const rg = one(runs[stack], RG);
                assert.strictEqual(runs[stack].outputs.cacheEndpoint, rg.outputs.primaryEndpointAddress);
                assert.strictEqual(runs[stack].outputs.cacheReaderEndpoint, rg.outputs.readerEndpointAddress);
                assert.strictEqual(runs[stack].outputs.cachePort, 6379);
            });
        });
    }

    it("valkey is selectable (staging's config with hms:cacheEngine valkey 8.0, Cache built alone); its parameter group family follows the major version", async () => {
        const run = await cacheBuiltAlone("staging", { cacheEngine: "valkey", cacheEngineVersion: "8.0" });
        const rg = one(run, RG);
        assert.strictEqual(rg.inputs.engine, "valkey");
        assert.strictEqual(rg.inputs.engineVersion, "8.0");
        const group = one(run, "aws:elasticache/parameterGroup:ParameterGroup");
        assert.strictEqual(group.inputs.family, "valkey8");
        assert.strictEqual(rg.inputs.parameterGroupName, group.inputs.name);
        assert.strictEqual(cacheParameterFamily("valkey", "7.2"), "valkey7");
        assert.strictEqual(cacheParameterFamily("redis", "7.0"), "redis7");
        assert.throws(
            () => cacheParameterFamily("redis", "8.0"),
            /engine version "8.0": redis on ElastiCache supports major versions 7/,
        );
    });

    it("without protectData (staging's config, Cache built alone): no final snapshot and no `protect`", async () => {
        const run = await cacheBuiltAlone("staging", { protectData: false });
        const rg = one(run, RG);
        assert.strictEqual(rg.protect, false);
        assert.strictEqual(rg.inputs.finalSnapshotIdentifier, undefined);
    });

    describe("alarms", () => {
        const TOPIC = "arn:aws:sns:sa-east-1:123456789012:hms-test-alarms";
        const args: CacheArgs = {
            ...DATA_SUBNETS,
            engine: "redis",
            engineVersion: "7.1",
            nodeType: "cache.r7g.large",
            nodes: 3,
            snapshotRetentionDays: 7,
            snapshotWindow: "02:00-03:00",
            maintenanceWindow: "sun:06:00-sun:07:00",
            logRetentionDays: 365,
            dataKeyArn: "arn:aws:kms:sa-east-1:123456789012:key/data",
            logsKeyArn: "arn:aws:kms:sa-east-1:123456789012:key/logs",
            protect: true,
        };
        const alarmsOf = (resources: RecordedResource[]) =>
            resources.filter((r) => r.type === "aws:cloudwatch/metricAlarm:MetricAlarm");

        it("with an alarm topic: engine CPU, swap, connections, evictions and replication lag on every node, notifying the topic", async () => {
            const alarms = alarmsOf(
                await buildComponent(() => new Cache("hms-test-cache", { ...args, alarmTopicArn: TOPIC })),
            );
            const nodes = new Set(alarms.map((a) => (a.inputs.dimensions as Record<string, string>).CacheClusterId));
            assert.deepStrictEqual([...nodes].sort(), [
                "hms-test-cache-001",
                "hms-test-cache-002",
                "hms-test-cache-003",
            ]);
            for (const node of nodes) {
                const metrics = alarms
                    .filter((a) => (a.inputs.dimensions as Record<string, string>).CacheClusterId === node)
                    .map((a) => a.inputs.metricName);
                assert.deepStrictEqual(metrics.sort(), [
                    "CurrConnections",
                    "EngineCPUUtilization",
                    "Evictions",
                    "ReplicationLag",
                    "SwapUsage",
                ]);
            }
            for (const a of alarms) {
                assert.strictEqual(a.inputs.namespace, "AWS/ElastiCache");
                assert.deepStrictEqual(a.inputs.alarmActions, [TOPIC]);
            }
        });

        it("a single node has no replication lag alarm; without a topic there are no alarms", async () => {
            const single = alarmsOf(
                await buildComponent(() => new Cache("hms-test-cache", { ...args, nodes: 1, alarmTopicArn: TOPIC })),
            );
            assert.deepStrictEqual(single.map((a) => a.inputs.metricName).sort(), [
                "CurrConnections",
                "EngineCPUUtilization",
                "Evictions",
                "SwapUsage",
            ]);
            assert.deepStrictEqual(alarmsOf(await buildComponent(() => new Cache("hms-test-cache", args))), []);
        });
    });

    describe("AUTH token", () => {
        it("the stack passes exactly the tested generator arguments", () => {
            for (const stack of ["production", "staging"]) {
                const password = one(runs[stack], "random:index/randomPassword:RandomPassword");
                assert.deepStrictEqual(password.inputs, { ...AUTH_TOKEN_PASSWORD });
            }
        });

        it("the arguments can only produce tokens ElastiCache accepts", () => {
            const a = AUTH_TOKEN_PASSWORD;
            const length = Number(a.length);
            assert.ok(length >= 16 && length <= 128, `length ${length}`);
            // The provider draws the minimums from each class even when the class is off.
            const minimums = [a.minUpper, a.minLower, a.minNumeric, a.minSpecial].reduce<number>(
                (s, n) => s + Number(n ?? 0),
                0,
            );
            assert.ok(minimums <= length);
            if (a.special !== false || Number(a.minSpecial ?? 0) > 0) {
                assert.ok(
                    a.overrideSpecial,
                    "without overrideSpecial the provider uses specials ElastiCache refuses (@ / etc.)",
                );
                for (const c of String(a.overrideSpecial)) {
                    assert.ok(
                        AUTH_TOKEN_SPECIALS_ALLOWED.includes(c),
                        `special character ${c} is not allowed in AUTH tokens`,
                    );
                }
            }
            // At least three character types, as AWS recommends for tokens.
            const types = [a.upper !== false, a.lower !== false, a.numeric !== false].filter(Boolean).length;
            assert.ok(types >= 3);
            for (let i = 0; i < 20000; i++) {
                const token = generateLikeRandomProvider(a);
                assert.strictEqual(token.length, length);
                assert.ok(isValidAuthToken(token), `generated token ${token} breaks the rules`);
                assert.ok(/[A-Z]/.test(token) && /[a-z]/.test(token) && /\d/.test(token), token);
            }
        });

        it("the rule check accepts what ElastiCache accepts and refuses the rest", () => {
            assert.ok(isValidAuthToken("A".repeat(16)));
            assert.ok(isValidAuthToken(`aB3!&#$^<>-${"x".repeat(117)}`)); // 128, every allowed special
            assert.ok(!isValidAuthToken("A".repeat(15)));
            assert.ok(!isValidAuthToken("A".repeat(129)));
            for (const c of ["@", "/", '"', " ", "%", "*", "_", "é", "\n"]) {
                assert.ok(!isValidAuthToken(`${"A".repeat(20)}${c}`), JSON.stringify(c));
            }
        });
    });

    describe("configuration", () => {
        const problemsOf = (overrides: Record<string, unknown>): string[] => configProblems("production", overrides);

        it("refuses a snapshot window that overlaps the maintenance window", () => {
            const problems = problemsOf({ cacheSnapshotWindow: "05:30-06:30" });
            assert.ok(
                problems.some((p) =>
                    /^hms:cacheSnapshotWindow = "05:30-06:30" overlaps hms:cacheMaintenanceWindow/.test(p),
                ),
                problems.join("\n"),
            );
        });

        it("refuses windows shorter than ElastiCache's 60 minutes", () => {
            assert.ok(
                problemsOf({ cacheSnapshotWindow: "02:00-02:30" }).some((p) =>
                    /^hms:cacheSnapshotWindow = .*at least 60 minutes/.test(p),
                ),
            );
            assert.ok(
                problemsOf({ cacheMaintenanceWindow: "sun:06:00-sun:06:59" }).some((p) =>
                    /^hms:cacheMaintenanceWindow = .*at least 60 minutes/.test(p),
                ),
            );
            assert.deepStrictEqual(problemsOf({ cacheSnapshotWindow: "23:30-00:30" }), []);
        });
    });
});
