// @ts-nocheck
// The offline plan (tools/plan.ts): the real program under mocks, the real
// policy pack (policies/) started as the CLI starts it and spoken to over the
// analyzer gRPC protocol, the JSON and Mermaid files, the CLI entry.

import * as assert from "assert";
import { spawnSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import * as grpc from "@grpc/grpc-js";
import { EngineClient } from "@pulumi/pulumi/proto/engine_grpc_pb";
import * as enginepb from "@pulumi/pulumi/proto/engine_pb";
import { durationSeconds, PolicyAnalyzer, PolicyPackError } from "../tools/analyzer";
import { PolicyConfigError, reconcilePolicyConfig } from "../tools/analyzer-config";
import { architecture } from "../tools/diagram";
import { PlanResource, stackProperties } from "../tools/plan-resources";
import { isSecretValue, secret, secretValues, SIG_KEY, UNKNOWN } from "../tools/plan-values";
import { main, parseArgs, planDiagram, planJson, PlanResult, runPlan, startAnalyzer, UsageError } from "../tools/plan";
import { listStacks, ROOT } from "../tools/stack";

const STACKS = ["production", "staging", "development"];

type JsonResource = {
    urn: string;
    type: string;
    name: string;
    parent: string | null;
    custom: boolean;
    protect: boolean;
    dependencies: string[];
    inputs: Record<string, unknown>;
    ignoreChanges: string[];
    deleteBeforeReplace: boolean;
    replaceOnChanges: string[];
    retainOnDelete: boolean;
    customTimeouts: Record<string, string> | null;
    aliases: string[];
    provider: string | null;
};
type JsonPlan = {
    project: string;
    stack: string;
    resources: JsonResource[];
    policies: { pack: string; violations: Array<{ policy: string; level: string; urn: string; message: string }> };
};

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\/]/g, "\\$&");
const mandatory = (r: PlanResult) => r.policies.violations.filter((v) => v.level === "mandatory");
const describeViolations = (r: PlanResult) =>
    r.policies.violations.map((v) => `[${v.level}] ${v.policy} ${v.urn}: ${v.message}`).join("\n") || "(none)";

/** Runs `npm run plan -- <args>` from the repository root. */
function cli(args: string[]) {
    return spawnSync("npm", ["run", "plan", "--", ...args], { cwd: ROOT, encoding: "utf8", timeout: 240_000 });
}

describe("offline plan (npm run plan)", function () {
    // Starting the pack (ts-node + the provider SDKs) takes seconds on a busy machine.
    this.timeout(300_000);

    const analyzers: Record<string, PolicyAnalyzer> = {};
    const plans: Record<string, PlanResult> = {};

    before(async function () {
        // One pack process per stack (the CLI gives the pack the stack's environment), reused by every plan of it.
        const started = await Promise.allSettled(STACKS.map((s) => startAnalyzer(s)));
        started.forEach((p, i) => {
            if (p.status === "fulfilled") {
                analyzers[STACKS[i]] = p.value;
            }
        });
        const failed = started.find((p): p is PromiseRejectedResult => p.status === "rejected");
        if (failed) {
            throw failed.reason;
        }
        for (const stack of STACKS) {
            plans[stack] = await runPlan({ stack, analyzer: analyzers[stack] });
        }
    });

    after(async () => {
        await Promise.all(Object.values(analyzers).map((a) => a.stop()));
    });

    it("covers every stack file", () => {
        assert.deepStrictEqual([...STACKS].sort(), listStacks());
    });

    for (const stack of STACKS) {
        describe(stack, () => {
            it("has no mandatory policy violation", () => {
                const r = plans[stack];
                assert.ok(r.policies.policies.length > 0, "the pack reported no policies");
                assert.deepStrictEqual(mandatory(r), [], describeViolations(r));
            });

            it("writes JSON that follows the contract: types, inputs, dependencies, protect; parents and dependencies resolve", () => {
                const json = JSON.parse(JSON.stringify(planJson(plans[stack]))) as JsonPlan;
                assert.deepStrictEqual(Object.keys(json).sort(), ["policies", "project", "resources", "stack"]);
                assert.strictEqual(json.project, "hms");
                assert.strictEqual(json.stack, stack);
                assert.strictEqual(json.policies.pack, "hms-policies");
                assert.ok(Array.isArray(json.policies.violations));
                for (const v of json.policies.violations) {
                    assert.deepStrictEqual(Object.keys(v).sort(), ["level", "message", "policy", "urn"]);
                    assert.ok(v.level === "mandatory" || v.level === "advisory", v.level);
                }
                const urns = new Set(json.resources.map((r) => r.urn));
                assert.strictEqual(urns.size, json.resources.length, "URNs are not unique");
                assert.ok(json.resources.filter((r) => r.custom).length > 5, "suspiciously few resources");
                for (const r of json.resources) {
                    assert.deepStrictEqual(
                        Object.keys(r).sort(),
                        [
                            "aliases",
                            "custom",
                            "customTimeouts",
                            "deleteBeforeReplace",
                            "dependencies",
                            "ignoreChanges",
                            "inputs",
                            "name",
                            "parent",
                            "protect",
                            "provider",
                            "replaceOnChanges",
                            "retainOnDelete",
                            "type",
                            "urn",
                        ],
                        r.urn,
                    );
                    // Every custom resource but a provider names the provider that manages it, which is in the plan.
                    if (r.custom && !r.type.startsWith("pulumi:providers:")) {
                        assert.ok(r.provider !== null && urns.has(r.provider), `${r.urn}: provider ${r.provider}`);
                    } else {
                        assert.strictEqual(r.provider, null, r.urn);
                    }
                    assert.match(
                        r.urn,
                        new RegExp(
                            `^urn:pulumi:${stack}::hms::([^:]+:[^:]+:[^:]+\\$)?${escape(r.type)}::${escape(r.name)}$`,
                        ),
                    );
                    assert.strictEqual(typeof r.custom, "boolean", r.urn);
                    assert.strictEqual(typeof r.protect, "boolean", r.urn);
                    assert.strictEqual(typeof r.inputs, "object", r.urn);
                    assert.ok(r.inputs !== null && !Array.isArray(r.inputs), r.urn);
                    assert.ok(
                        r.parent === null || urns.has(r.parent),
                        `${r.urn}: parent ${r.parent} is not in the plan`,
                    );
                    for (const d of r.dependencies) {
                        assert.ok(urns.has(d), `${r.urn}: dependency ${d} is not in the plan`);
                    }
                }
                // Only the engine's resources (root stack, default providers) have no parent.
                const orphans = json.resources.filter((r) => r.parent === null).map((r) => r.type);
                assert.deepStrictEqual(
                    orphans.filter((t) => t !== "pulumi:pulumi:Stack" && !t.startsWith("pulumi:providers:")),
                    [],
                );
                assert.strictEqual(orphans.filter((t) => t === "pulumi:pulumi:Stack").length, 1);
            });

            it("masks secrets in the JSON: no secret value appears, secret inputs read [secret]", () => {
                const r = plans[stack];
                const text = JSON.stringify(planJson(r));
                const json = JSON.parse(text) as JsonPlan;
                const byUrn = new Map(json.resources.map((x) => [x.urn, x]));
                let secretInputs = 0;
                for (const res of r.resources) {
                    for (const [k, v] of Object.entries(res.inputs)) {
                        if (isSecretValue(v)) {
                            secretInputs++;
                            assert.strictEqual(byUrn.get(res.urn)?.inputs[k], "[secret]", `${res.urn}.${k}`);
                        }
                    }
                    for (const value of secretValues(res.inputs)) {
                        if (value.length >= 8) {
                            assert.ok(!text.includes(value), `${res.urn}: a secret input value appears in the JSON`);
                        }
                    }
                }
                assert.ok(!text.includes(SIG_KEY), "a signature envelope leaked into the JSON");
                assert.ok(!text.includes(UNKNOWN), "the unknown sentinel leaked into the JSON");
                if (stack === "production") {
                    // Production has generated credentials (Redis AUTH token, VPN keys): the check above is not vacuous.
                    assert.ok(secretInputs > 0, "production has no secret inputs at all");
                }
            });
        });
    }

    it("shows the policies each resource's outputs as the engine keeps them: additionalSecretOutputs are secrets", () => {
        const checked = plans.production.resources.flatMap((r) =>
            r.options.additionalSecretOutputs.filter((k) => k in r.computed || k in r.inputs).map((k) => ({ r, k })),
        );
        assert.ok(checked.length > 0, "production has no additionalSecretOutputs to check");
        for (const { r, k } of checked) {
            assert.ok(isSecretValue(stackProperties(r)[k]), `${r.urn}: ${k} is not a secret in the stack view`);
        }
    });

    describe("diagram", () => {
        let text: string;
        let resources: PlanResource[];
        before(() => {
            text = planDiagram(plans.production);
            resources = plans.production.resources;
        });

        it("is a Mermaid flowchart whose edges join declared nodes", () => {
            const lines = text.trimEnd().split("\n");
            assert.strictEqual(lines[0], "flowchart LR");
            const declared = new Set<string>();
            const edges: Array<[string, string]> = [];
            let depth = 0;
            for (const line of lines.slice(1)) {
                let m: RegExpMatchArray | null;
                if (/^\s*%%/.test(line)) {
                    continue;
                } else if (/^\s*subgraph ([A-Za-z0-9_]+)\["[^"]+"\]$/.test(line)) {
                    depth++;
                } else if (/^\s*end$/.test(line)) {
                    depth--;
                } else if ((m = line.match(/^\s*([A-Za-z0-9_]+)(\["[^"]+"\]|\(\("[^"]+"\)\))$/))) {
                    assert.ok(!declared.has(m[1]), `node ${m[1]} declared twice`);
                    declared.add(m[1]);
                } else if ((m = line.match(/^\s*([A-Za-z0-9_]+) (-->|-\.->)(\|[^|"]+\|)? ([A-Za-z0-9_]+)$/))) {
                    edges.push([m[1], m[4]]);
                } else {
                    assert.fail(`not a Mermaid flowchart line: ${JSON.stringify(line)}`);
                }
                assert.ok(depth >= 0, "unbalanced subgraph/end");
            }
            assert.strictEqual(depth, 0, "unbalanced subgraph/end");
            assert.ok(edges.length > 0, "no connections");
            for (const [a, b] of edges) {
                assert.ok(declared.has(a) && declared.has(b), `edge ${a} -> ${b} joins undeclared nodes`);
                assert.notStrictEqual(a, b);
            }
        });

        it("names every tier the composition creates", () => {
            const tiers = architecture(resources).tiers;
            assert.ok(tiers.length >= 5, `tiers: ${tiers.map((t) => t.type)}`);
            for (const t of tiers) {
                assert.ok(
                    text.includes(`["${t.label}<br/>${t.name}<br/>`),
                    `${t.type} ${t.name} is not in the diagram`,
                );
            }
            for (const label of ["Keys", "Network", "Storage", "Backup"]) {
                assert.ok(
                    tiers.some((t) => t.label === label),
                    `no ${label} tier in production`,
                );
            }
        });

        it("draws who talks to whom from the cross-tier security group rules, with the port", () => {
            const arch = architecture(resources);
            const tierOfSg = new Map<string, string>();
            for (const t of arch.tiers) {
                for (const r of t.resources) {
                    if (r.type === "aws:ec2/securityGroup:SecurityGroup") {
                        tierOfSg.set(r.urn, t.label);
                    }
                }
            }
            const rules = resources.filter(
                (r) =>
                    r.type === "aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule" &&
                    r.propertyDependencies.referencedSecurityGroupId,
            );
            let crossTier = 0;
            for (const rule of rules) {
                const from = tierOfSg.get(rule.propertyDependencies.referencedSecurityGroupId?.[0] ?? "");
                const to = tierOfSg.get(rule.propertyDependencies.securityGroupId?.[0] ?? "");
                if (!from || !to || from === to) {
                    continue;
                }
                crossTier++;
                const edge = new RegExp(
                    `^  ${from.toLowerCase()} -->\\|[^|]*tcp ${rule.inputs.fromPort}[^|]*\\| ${to.toLowerCase()}$`,
                    "m",
                );
                assert.match(text, edge, `${rule.name}: ${from} -> ${to} on ${rule.inputs.fromPort}`);
            }
            assert.ok(crossTier > 0, "production has no cross-tier security group rule");
        });
    });

    describe("weakened production resources fail the policies", () => {
        /** The first resource of `type` in production (every tier exists there: a missing type is a failure). */
        function first(type: string, where: (r: PlanResource) => boolean = () => true): PlanResource {
            const r = plans.production.resources.find((x) => x.type === type && where(x));
            assert.ok(r, `production has no ${type} to weaken`);
            return r;
        }

        async function weakened(
            target: PlanResource,
            change: (r: PlanResource, all: PlanResource[]) => void,
        ): Promise<PlanResult> {
            return runPlan({
                stack: "production",
                analyzer: analyzers.production,
                // The same run of the program as the unmodified plan: only the policies run again.
                recording: plans.production.recording,
                mutate: (all) => {
                    const r = all.find((x) => x.urn === target.urn);
                    assert.ok(r, `${target.urn} disappeared`);
                    change(r, all);
                },
            });
        }

        function assertFires(result: PlanResult, policy: string, urns: string[]): void {
            const hits = mandatory(result).filter((v) => v.policy === policy);
            assert.ok(hits.length > 0, `${policy} did not fire; violations:\n${describeViolations(result)}`);
            assert.ok(
                hits.some((v) => urns.includes(v.urn)),
                `${policy} fired on ${hits.map((h) => h.urn)} instead of ${urns}`,
            );
            assert.ok(
                !mandatory(plans.production).some((v) => v.policy === policy),
                `${policy} already fails on the unmodified plan`,
            );
        }

        it("a backup rule that keeps recovery points 7 days: backup-plan-retention", async () => {
            const plan = first("aws:backup/plan:Plan");
            const result = await weakened(plan, (r) => {
                const rules = r.inputs.rules as Array<Record<string, unknown>>;
                assert.ok(Array.isArray(rules) && rules.length > 0, "the backup plan has no rules");
                rules[0].lifecycle = { deleteAfter: 7 };
            });
            assertFires(result, "backup-plan-retention", [plan.urn]);
        });

        it("ElastiCache without in-transit encryption: elasticache-transit-encryption-required", async () => {
            const group = first("aws:elasticache/replicationGroup:ReplicationGroup");
            const result = await weakened(group, (r) => {
                r.inputs.transitEncryptionEnabled = false;
                delete r.inputs.transitEncryptionMode;
            });
            assertFires(result, "elasticache-transit-encryption-required", [group.urn]);
        });

        it("a security group rule opening 443 to 0.0.0.0/0: no-public-web-ports", async () => {
            const rule = first("aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule");
            const result = await weakened(rule, (r) => {
                delete r.inputs.referencedSecurityGroupId;
                delete r.inputs.cidrIpv6;
                delete r.inputs.prefixListId;
                Object.assign(r.inputs, { cidrIpv4: "0.0.0.0/0", ipProtocol: "tcp", fromPort: 443, toPort: 443 });
            });
            assertFires(result, "no-public-web-ports", [rule.urn]);
        });

        it("the Cloudflare managed WAF ruleset removed: cloudflare-managed-waf", async () => {
            const ruleset = first(
                "cloudflare:index/ruleset:Ruleset",
                (r) => r.inputs.phase === "http_request_firewall_managed",
            );
            const result = await weakened(ruleset, (r, all) => {
                all.splice(all.indexOf(r), 1);
            });
            const zoneScoped = result.resources.filter((r) => r.type.startsWith("cloudflare:")).map((r) => r.urn);
            assertFires(result, "cloudflare-managed-waf", [...zoneScoped, result.resources[0].urn]);
        });

        it("a bucket without the TLS-only bucket policy: s3-deny-insecure-transport", async () => {
            const policy = first("aws:s3/bucketPolicy:BucketPolicy");
            const bucketUrns = policy.propertyDependencies.bucket ?? [];
            assert.ok(bucketUrns.length > 0, `${policy.name} names no bucket resource`);
            const result = await weakened(policy, (r) => {
                const doc = JSON.parse(String(r.inputs.policy)) as { Statement: Array<Record<string, unknown>> };
                const before = doc.Statement.length;
                doc.Statement = doc.Statement.filter(
                    (s) => !JSON.stringify(s.Condition ?? {}).includes("aws:SecureTransport"),
                );
                assert.ok(doc.Statement.length < before, `${r.name} has no aws:SecureTransport statement to remove`);
                r.inputs.policy = JSON.stringify(doc);
            });
            assertFires(result, "s3-deny-insecure-transport", [policy.urn, ...bucketUrns]);
        });

        it("an instance that allows IMDSv1: ec2-imdsv2-required", async () => {
            const instance = first("aws:ec2/instance:Instance");
            const result = await weakened(instance, (r) => {
                r.inputs.metadataOptions = { ...((r.inputs.metadataOptions as object) ?? {}), httpTokens: "optional" };
            });
            assertFires(result, "ec2-imdsv2-required", [instance.urn]);
        });

        it("the audit trail bucket's Object Lock removed: audit-evidence-locked", async () => {
            const lock = first("aws:s3/bucketObjectLockConfiguration:BucketObjectLockConfiguration", (r) =>
                /-trail-lock$/.test(r.name),
            );
            const bucketUrns = lock.propertyDependencies.bucket ?? [];
            const result = await weakened(lock, (r, all) => {
                all.splice(all.indexOf(r), 1);
            });
            assertFires(result, "audit-evidence-locked", bucketUrns);
        });

        it("the audit trail bucket's deny on deletes dropped: audit-evidence-locked", async () => {
            const policy = first("aws:s3/bucketPolicy:BucketPolicy", (r) => /-trail-policy$/.test(r.name));
            const bucketUrns = policy.propertyDependencies.bucket ?? [];
            const result = await weakened(policy, (r) => {
                const doc = JSON.parse(String(r.inputs.policy)) as { Statement: Array<Record<string, unknown>> };
                doc.Statement = doc.Statement.filter(
                    (s) => !JSON.stringify(s.Action).includes("s3:DeleteObjectVersion"),
                );
                r.inputs.policy = JSON.stringify(doc);
            });
            assertFires(result, "audit-evidence-locked", bucketUrns);
        });

        it("every database instance in one availability zone: high-availability", async () => {
            const instance = first("aws:rds/clusterInstance:ClusterInstance");
            const result = await weakened(instance, (_r, all) => {
                all.filter((x) => x.type === instance.type).forEach((x) => (x.inputs.availabilityZone = "sa-east-1a"));
            });
            const hits = mandatory(result).filter((v) => v.policy === "high-availability");
            assert.ok(
                hits.some((v) => /all in one availability zone/.test(v.message)),
                `high-availability did not fire; violations:\n${describeViolations(result)}`,
            );
        });

        it("the Client VPN endpoint removed: admin-access-through-vpn", async () => {
            const vpn = first("aws:ec2clientvpn/endpoint:Endpoint");
            const result = await weakened(vpn, (r, all) => {
                all.splice(all.indexOf(r), 1);
            });
            const hits = mandatory(result).filter((v) => v.policy === "admin-access-through-vpn");
            assert.ok(
                hits.length > 0,
                `admin-access-through-vpn did not fire; violations:\n${describeViolations(result)}`,
            );
            assert.ok(!mandatory(plans.production).some((v) => v.policy === "admin-access-through-vpn"));
        });

        it("a cache rule after the bypass that caches everything: clinical-files-not-cached-at-edge", async () => {
            const ruleset = first(
                "cloudflare:index/ruleset:Ruleset",
                (r) => r.inputs.phase === "http_request_cache_settings",
            );
            const result = await weakened(ruleset, (r) => {
                const rules = r.inputs.rules as Array<Record<string, unknown>>;
                rules.push({
                    ref: "cache_everything",
                    action: "set_cache_settings",
                    expression: "true",
                    actionParameters: { cache: true },
                    enabled: true,
                });
            });
            assertFires(result, "clinical-files-not-cached-at-edge", [ruleset.urn]);
        });

        // More weakened variants, one per control: [what, resource type, which one, change, policy that must fire].
        type Inputs = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any -- nested provider shapes, changed field by field
        const setting = (id: string) => (r: PlanResource) => r.inputs.settingId === id;
        const variants: Array<[string, string, (r: PlanResource) => boolean, (i: Inputs) => void, string]> = [
            [
                "Cloudflare SSL flexible",
                "cloudflare:index/zoneSetting:ZoneSetting",
                setting("ssl"),
                (i) => (i.value = "flexible"),
                "cloudflare-zone-tls",
            ],
            [
                "Cloudflare minimum TLS 1.0",
                "cloudflare:index/zoneSetting:ZoneSetting",
                setting("min_tls_version"),
                (i) => (i.value = "1.0"),
                "cloudflare-zone-tls",
            ],
            [
                "Always Use HTTPS off",
                "cloudflare:index/zoneSetting:ZoneSetting",
                setting("always_use_https"),
                (i) => (i.value = "off"),
                "cloudflare-zone-tls",
            ],
            [
                "Aurora without require_secure_transport",
                "aws:rds/clusterParameterGroup:ClusterParameterGroup",
                () => true,
                (i) =>
                    (i.parameters as Inputs[])
                        .filter((p) => p.name === "require_secure_transport")
                        .forEach((p) => (p.value = "OFF")),
                "rds-parameter-group-requires-tls",
            ],
            [
                "Aurora storage unencrypted",
                "aws:rds/cluster:Cluster",
                () => true,
                (i) => (i.storageEncrypted = false),
                "rds-encryption-at-rest",
            ],
            [
                "Aurora without deletion protection",
                "aws:rds/cluster:Cluster",
                () => true,
                (i) => (i.deletionProtection = false),
                "data-store-deletion-protection",
            ],
            [
                "Aurora keeping backups 7 days",
                "aws:rds/cluster:Cluster",
                () => true,
                (i) => (i.backupRetentionPeriod = 7),
                "database-backup-retention",
            ],
            [
                "Aurora publicly accessible",
                "aws:rds/clusterInstance:ClusterInstance",
                () => true,
                (i) => (i.publiclyAccessible = true),
                "database-not-publicly-accessible",
            ],
            [
                "ElastiCache transit encryption preferred",
                "aws:elasticache/replicationGroup:ReplicationGroup",
                () => true,
                (i) => (i.transitEncryptionMode = "preferred"),
                "elasticache-transit-encryption-required",
            ],
            [
                "OpenSearch without enforced HTTPS",
                "aws:opensearch/domain:Domain",
                () => true,
                (i) => (i.domainEndpointOptions.enforceHttps = false),
                "opensearch-https-tls12",
            ],
            [
                "OpenSearch accepting TLS 1.0",
                "aws:opensearch/domain:Domain",
                () => true,
                (i) => (i.domainEndpointOptions.tlsSecurityPolicy = "Policy-Min-TLS-1-0-2019-07"),
                "opensearch-https-tls12",
            ],
            [
                "a copy kept 7 days",
                "aws:backup/plan:Plan",
                () => true,
                (i) => (i.rules[0].copyActions[0].lifecycle.deleteAfter = 7),
                "backup-plan-retention",
            ],
            [
                "the hourly backup rule made daily (no continuous backup)",
                "aws:backup/plan:Plan",
                () => true,
                (i) =>
                    (i.rules as Inputs[]).forEach((rule) =>
                        Object.assign(rule, { enableContinuousBackup: false, schedule: "cron(0 5 * * ? *)" }),
                    ),
                "backup-recovery-point",
            ],
            [
                "no copy to another region",
                "aws:backup/plan:Plan",
                () => true,
                (i) => (i.rules as Inputs[]).forEach((rule) => delete rule.copyActions),
                "backup-cross-region-copy",
            ],
            [
                "a backup vault without a customer managed key",
                "aws:backup/vault:Vault",
                () => true,
                (i) => delete i.kmsKeyArn,
                "backup-vault-encryption",
            ],
            [
                "the cache without failover",
                "aws:elasticache/replicationGroup:ReplicationGroup",
                () => true,
                (i) =>
                    Object.assign(i, { automaticFailoverEnabled: false, multiAzEnabled: false, numCacheClusters: 1 }),
                "high-availability",
            ],
            [
                "MySQL open to the internet",
                "aws:ec2/securityGroup:SecurityGroup",
                () => true,
                (i) => (i.ingress = [{ protocol: "tcp", fromPort: 3306, toPort: 3306, cidrBlocks: ["0.0.0.0/0"] }]),
                "no-public-data-ports",
            ],
            [
                "SSH open to the internet",
                "aws:ec2/securityGroup:SecurityGroup",
                () => true,
                (i) => (i.ingress = [{ protocol: "tcp", fromPort: 22, toPort: 22, cidrBlocks: ["0.0.0.0/0"] }]),
                "no-public-admin-ports",
            ],
            [
                "an unencrypted root volume",
                "aws:ec2/instance:Instance",
                () => true,
                (i) => (i.rootBlockDevice.encrypted = false),
                "ebs-encryption-at-rest",
            ],
            [
                "a bucket that may be made public",
                "aws:s3/bucketPublicAccessBlock:BucketPublicAccessBlock",
                () => true,
                (i) => (i.blockPublicAcls = false),
                "s3-public-access-block",
            ],
            [
                "a KMS key without rotation",
                "aws:kms/key:Key",
                () => true,
                (i) => (i.enableKeyRotation = false),
                "kms-key-rotation",
            ],
            [
                "CloudTrail without log file validation",
                "aws:cloudtrail/trail:Trail",
                () => true,
                (i) => (i.enableLogFileValidation = false),
                "cloudtrail-integrity",
            ],
            [
                "an unencrypted log group",
                "aws:cloudwatch/logGroup:LogGroup",
                () => true,
                (i) => delete i.kmsKeyId,
                "cloudwatch-log-group-encryption",
            ],
        ];
        for (const [what, type, where, change, policy] of variants) {
            it(`${what}: ${policy}`, async () => {
                const target = first(type, where);
                const result = await weakened(target, (r) => change(r.inputs as Inputs));
                const hits = mandatory(result).filter((v) => v.policy === policy);
                assert.ok(hits.length > 0, `${policy} did not fire; violations:\n${describeViolations(result)}`);
                assert.ok(
                    !mandatory(plans.production).some((v) => v.policy === policy),
                    `${policy} already fails on the unmodified plan`,
                );
            });
        }

        it("weakening a plan's resources leaves the recorded run intact for the next plan", async () => {
            const again = await runPlan({
                stack: "production",
                analyzer: analyzers.production,
                recording: plans.production.recording,
            });
            assert.deepStrictEqual(mandatory(again), [], describeViolations(again));
            assert.deepStrictEqual(
                again.resources.map((r) => [r.urn, JSON.stringify(r.inputs)]),
                plans.production.resources.map((r) => [r.urn, JSON.stringify(r.inputs)]),
            );
        });
    });

    describe("command line", () => {
        it("npm run plan -- --stack development --json FILE --diagram FILE: exit 0, summary, both files", () => {
            const dir = fs.mkdtempSync(path.join(os.tmpdir(), "hms-plan-"));
            try {
                const jsonFile = path.join(dir, "plan.json");
                const diagramFile = path.join(dir, "plan.mmd");
                const r = cli(["--stack", "development", "--json", jsonFile, "--diagram", diagramFile]);
                assert.strictEqual(r.status, 0, `exit ${r.status}\n${r.stdout}\n${r.stderr}`);
                assert.match(r.stdout, /Plan for hms\/development/);
                assert.match(r.stdout, /Policies: hms-policies .*\n(.*\n)*\s+0 mandatory violations/);
                const json = JSON.parse(fs.readFileSync(jsonFile, "utf8")) as JsonPlan;
                assert.strictEqual(json.stack, "development");
                // The same resources as the in-process plan of the same stack.
                assert.deepStrictEqual(
                    json.resources.map((x) => x.urn),
                    plans.development.resources.map((x) => x.urn),
                );
                assert.match(fs.readFileSync(diagramFile, "utf8"), /^flowchart LR\n/);
            } finally {
                fs.rmSync(dir, { recursive: true, force: true });
            }
        });

        it("exits 1 on a mandatory violation: --policy-config asking for 365 days of backups fails development", async () => {
            const dir = fs.mkdtempSync(path.join(os.tmpdir(), "hms-plan-"));
            try {
                const file = path.join(dir, "policy-config.json");
                fs.writeFileSync(file, JSON.stringify({ "backup-plan-retention": { minimumRetentionDays: 365 } }));
                let out = "";
                let err = "";
                const code = await main(["--stack", "development", "--policy-config", file], {
                    out: { write: (t: string) => (out += t) },
                    err: { write: (t: string) => (err += t) },
                });
                assert.strictEqual(code, 1, `${out}\n${err}`);
                assert.match(out, /^ {2}\[mandatory\] backup-plan-retention$/m);
                assert.match(out, /^ {2}[1-9]\d* mandatory violations?, \d+ advisory$/m);
            } finally {
                fs.rmSync(dir, { recursive: true, force: true });
            }
        });

        it("an unknown stack: non-zero exit, one line naming the stacks, no stack trace", () => {
            const r = cli(["--stack", "prod"]);
            assert.notStrictEqual(r.status, 0);
            const lines = r.stderr.trim().split("\n");
            assert.deepStrictEqual(
                lines,
                ['error: unknown stack "prod"; stacks: development, production, staging'],
                r.stderr,
            );
            assert.doesNotMatch(r.stderr + r.stdout, /^\s+at /m);
        });

        it("bad configuration: non-zero exit, one line naming the key, no stack trace", () => {
            const r = cli(["--stack", "development", "--config", "hms:logRetentionDays=8"]);
            assert.notStrictEqual(r.status, 0);
            const lines = r.stderr.trim().split("\n");
            assert.strictEqual(lines.length, 1, r.stderr);
            assert.match(
                lines[0],
                /^error: invalid configuration of stack development .*hms:logRetentionDays = "?8"?: must be one of 1, 3, 5, 7, 14, 30/,
            );
            assert.doesNotMatch(r.stderr + r.stdout, /^\s+at /m);
        });

        it("reads its arguments like the contract says and refuses anything else with the usage", () => {
            assert.deepStrictEqual(
                parseArgs(["--stack", "staging", "--json", "p.json", "--diagram=p.mmd", "--config", "hms:appCount=3"]),
                {
                    stack: "staging",
                    json: "p.json",
                    diagram: "p.mmd",
                    config: { "hms:appCount": "3" },
                },
            );
            const refused = (args: string[], message: RegExp) =>
                assert.throws(
                    () => parseArgs(args),
                    (e: unknown) => e instanceof UsageError && message.test(e.message),
                );
            refused(
                ["--stack", "development", "--jsn", "x.json"],
                /^unknown argument "--jsn"; usage: npm run plan -- --stack <stack>/,
            );
            refused(["--json", "x.json"], /^--stack is required \(stacks: development, production, staging\)/);
            refused(["--stack", "development", "--json"], /^--json needs a value/);
            refused(["--stack", "development", "--config", "appCount"], /^--config needs KEY=VALUE/);
        });
    });
});

describe("resource options for the analyzer", () => {
    it("converts custom timeouts from Go durations to seconds, as the engine does", () => {
        assert.strictEqual(durationSeconds(""), 0);
        assert.strictEqual(durationSeconds("10m"), 600);
        assert.strictEqual(durationSeconds("1h30m15s"), 5415);
        assert.strictEqual(durationSeconds("1.5h"), 5400);
        assert.throws(() => durationSeconds("10 minutes"), /invalid duration/);
    });
});

describe("policy pack configuration (as --policy-pack-config)", () => {
    const policies = [
        {
            name: "retention",
            enforcementLevel: "mandatory" as const,
            configSchema: {
                properties: { minimumDays: { type: "integer", default: 30, minimum: 1 }, label: { type: "string" } },
                required: ["minimumDays"],
            },
        },
        { name: "tls", enforcementLevel: "advisory" as const },
    ];

    it("starts from the schema defaults and the policies' own levels", () => {
        assert.deepStrictEqual(reconcilePolicyConfig(policies), {
            retention: { enforcementLevel: "mandatory", properties: { minimumDays: 30 } },
            tls: { enforcementLevel: "advisory", properties: {} },
        });
    });

    it('applies "all", then each policy\'s level and properties, layer after layer', () => {
        const c = reconcilePolicyConfig(policies, [
            { all: "advisory" },
            { retention: { enforcementLevel: "mandatory", minimumDays: 90 }, tls: "disabled" },
        ]);
        assert.deepStrictEqual(c.retention, { enforcementLevel: "mandatory", properties: { minimumDays: 90 } });
        assert.strictEqual(c.tls.enforcementLevel, "disabled");
    });

    it("refuses values the schema refuses, unknown policies and unknown levels, listing every problem", () => {
        assert.throws(
            () =>
                reconcilePolicyConfig(policies, [
                    { retention: { minimumDays: 0, label: 5 }, tsl: "mandatory", all: "strict" as never },
                ]),
            (e: unknown) => {
                assert.ok(e instanceof PolicyConfigError);
                const text = e.problems.join("\n");
                assert.match(text, /retention\.minimumDays: 0 is less than the minimum 1/);
                assert.match(text, /retention\.label: 5 is not of type string/);
                assert.match(text, /unknown policy "tsl"/);
                assert.match(
                    text,
                    /"all": enforcement level "strict" is not one of advisory, mandatory, remediate, disabled/,
                );
                return true;
            },
        );
    });
});

describe("analyzer protocol (a probe pack started the way the CLI starts packs)", function () {
    this.timeout(300_000);
    let dir: string;
    let analyzer: PolicyAnalyzer;
    let result: PlanResult;
    type Seen = {
        urn: string;
        name: string;
        type: string;
        props: Record<string, unknown>;
        opts: Record<string, unknown>;
        provider?: { urn: string; type: string; name: string; props: Record<string, unknown> };
        config: Record<string, unknown>;
        stackTags: Record<string, string>;
        env: Record<string, string | undefined>;
    };
    type StackSeen = {
        count: number;
        types: string[];
        resource: {
            urn: string;
            parent?: string;
            dependencies: string[];
            propertyDependencies: Record<string, string[]>;
            props: Record<string, unknown>;
        };
    };

    // A pack that reports what it receives, as violations whose message is JSON.
    const PROBE = `
const { PolicyPack } = require("@pulumi/policy");
console.error("probe pack loading in " + process.cwd());
new PolicyPack("probe", {
    policies: [
        {
            name: "probe-resource",
            description: "reports what Analyze receives for resources of the configured type",
            enforcementLevel: "advisory",
            configSchema: { properties: { type: { type: "string" }, threshold: { type: "integer", default: 30 } }, required: ["type"] },
            validateResource: (args, report) => {
                const config = args.getConfig();
                if (args.type !== config.type) return;
                const p = args.provider;
                report(JSON.stringify({
                    urn: args.urn, name: args.name, type: args.type, props: args.props, opts: args.opts,
                    provider: p && { urn: p.urn, type: p.type, name: p.name, props: p.props },
                    config, stackTags: Object.fromEntries(args.stackTags),
                    env: { stack: process.env.PULUMI_NODEJS_STACK, project: process.env.PULUMI_NODEJS_PROJECT,
                           dryRun: process.env.PULUMI_NODEJS_DRY_RUN, region: JSON.parse(process.env.PULUMI_CONFIG || "{}")["aws:region"] },
                }));
            },
        },
        {
            name: "probe-stack",
            description: "reports what AnalyzeStack receives",
            enforcementLevel: "mandatory",
            configSchema: { properties: { type: { type: "string" } }, required: ["type"] },
            validateStack: (args, report) => {
                const r = args.resources.find((x) => x.type === args.getConfig().type);
                report(JSON.stringify({
                    count: args.resources.length,
                    types: args.resources.map((x) => x.type),
                    resource: r && {
                        urn: r.urn, parent: r.parent && r.parent.urn, dependencies: r.dependencies.map((d) => d.urn),
                        propertyDependencies: Object.fromEntries(Object.entries(r.propertyDependencies).map(([k, v]) => [k, v.map((d) => d.urn)])),
                        props: r.props,
                    },
                }));
            },
        },
        { name: "probe-disabled", description: "fires everywhere unless disabled", enforcementLevel: "mandatory",
          validateResource: (args, report) => report("should have been disabled") },
    ],
});
`;

    before(async () => {
        dir = fs.mkdtempSync(path.join(os.tmpdir(), "hms-probe-pack-"));
        fs.writeFileSync(path.join(dir, "PulumiPolicy.yaml"), "runtime: nodejs\ndescription: probe\n");
        fs.writeFileSync(
            path.join(dir, "package.json"),
            JSON.stringify({ name: "probe", version: "1.2.3", main: "index.js" }),
        );
        fs.writeFileSync(path.join(dir, "index.js"), PROBE);
        fs.symlinkSync(path.join(ROOT, "node_modules"), path.join(dir, "node_modules"));
        analyzer = await startAnalyzer("development", { policyPack: dir });
        result = await runPlan({
            stack: "development",
            analyzer,
            policyConfig: {
                "probe-resource": { type: "aws:kms/key:Key" },
                "probe-stack": { type: "aws:kms/key:Key" },
                "probe-disabled": "disabled",
            },
        });
    });

    after(async () => {
        await analyzer?.stop();
        if (dir) {
            fs.rmSync(dir, { recursive: true, force: true });
        }
    });

    it("reads the pack's name, version and policies with their config schemas", () => {
        assert.strictEqual(analyzer.info.name, "probe");
        assert.strictEqual(analyzer.info.version, "1.2.3");
        assert.deepStrictEqual(
            analyzer.info.policies.map((p) => [p.name, p.type, p.enforcementLevel]),
            [
                ["probe-disabled", "resource", "mandatory"],
                ["probe-resource", "resource", "advisory"],
                ["probe-stack", "stack", "mandatory"],
            ],
        );
        assert.deepStrictEqual(analyzer.info.policies[1].configSchema?.required, ["type"]);
        assert.ok(
            analyzer.logs.some(
                (l) => l.source === "stderr" && l.message === `probe pack loading in ${fs.realpathSync(dir)}`,
            ),
        );
    });

    it("Analyze: every resource with its inputs, options, provider, the configuration and the stack", () => {
        const keys = result.resources.filter((r) => r.type === "aws:kms/key:Key");
        const seen = result.policies.violations.filter((v) => v.policy === "probe-resource");
        assert.strictEqual(seen.length, keys.length, "one report per KMS key");
        const key = keys[0];
        const report = JSON.parse(
            seen
                .find((v) => v.urn === key.urn)!
                .message.split("\n")
                .slice(1)
                .join("\n"),
        ) as Seen;
        assert.strictEqual(report.urn, key.urn);
        assert.strictEqual(report.name, key.name);
        assert.strictEqual(report.props.enableKeyRotation, key.inputs.enableKeyRotation);
        assert.strictEqual(report.props.policy, key.inputs.policy);
        assert.strictEqual(report.opts.protect, key.protect);
        assert.strictEqual(report.opts.parent, key.parent);
        const awsVersion = (
            JSON.parse(fs.readFileSync(path.join(ROOT, "node_modules/@pulumi/aws/package.json"), "utf8")) as {
                version: string;
            }
        ).version;
        assert.deepStrictEqual(
            report.provider && [report.provider.type, report.provider.name, report.provider.props.version],
            ["pulumi:providers:aws", `default_${awsVersion.replace(/\./g, "_")}`, awsVersion],
        );
        assert.strictEqual(report.provider?.props.region, "sa-east-1");
        assert.deepStrictEqual(report.config, { type: "aws:kms/key:Key", threshold: 30 });
        assert.strictEqual(report.stackTags["pulumi:project"], "hms");
        assert.deepStrictEqual(report.env, {
            stack: "development",
            project: "hms",
            dryRun: "true",
            region: "sa-east-1",
        });
    });

    it("AnalyzeStack: every resource with its outputs, parent, dependencies and property dependencies", () => {
        const stackReports = result.policies.violations.filter((v) => v.policy === "probe-stack");
        assert.strictEqual(stackReports.length, 1);
        assert.strictEqual(stackReports[0].level, "mandatory");
        const report = JSON.parse(stackReports[0].message.split("\n").slice(1).join("\n")) as StackSeen;
        assert.strictEqual(report.count, result.resources.length);
        assert.deepStrictEqual(
            report.types,
            result.resources.map((r) => r.type),
        );
        const key = result.resources.find((r) => r.urn === report.resource.urn)!;
        assert.strictEqual(key.type, "aws:kms/key:Key");
        assert.strictEqual(report.resource.parent, key.parent);
        assert.deepStrictEqual(report.resource.dependencies, key.dependencies);
        const nonEmpty = Object.fromEntries(Object.entries(key.propertyDependencies).filter(([, v]) => v.length > 0));
        assert.deepStrictEqual(report.resource.propertyDependencies, nonEmpty);
        // Outputs: the inputs plus what the provider computed (the key's ARN).
        assert.strictEqual(report.resource.props.enableKeyRotation, true);
        assert.match(String(report.resource.props.arn), /^arn:aws:kms:sa-east-1:\d{12}:key\//);
        // A component's outputs are the ones it registers.
        const keys = result.resources.find((r) => r.type === "hms:security:Keys")!;
        const keyArns = result.resources.filter((r) => r.type === "aws:kms/key:Key").map((r) => r.computed.arn);
        assert.ok(
            keyArns.includes(stackProperties(keys).dataKeyArn),
            `Keys outputs: ${JSON.stringify(stackProperties(keys))}`,
        );
    });

    it("marshals secrets and unknowns as the engine does: the SDK unwraps the secret and refuses to read the unknown", async () => {
        const keys = result.resources.filter((r) => r.type === "aws:kms/key:Key");
        assert.ok(keys.length >= 2, "development has fewer than two KMS keys");
        const again = await runPlan({
            stack: "development",
            analyzer,
            recording: result.recording,
            policyConfig: { "probe-resource": { type: "aws:kms/key:Key" }, "probe-stack": { type: "aws:kms/key:Key" } },
            mutate: (all) => {
                all.find((r) => r.urn === keys[0].urn)!.inputs.description = secret("a secret description");
                all.find((r) => r.urn === keys[1].urn)!.inputs.description = UNKNOWN;
            },
        });
        const of = (urn: string) =>
            again.policies.diagnostics.find((d) => d.policy === "probe-resource" && d.urn === urn);
        const withSecret = JSON.parse(of(keys[0].urn)!.message.split("\n").slice(1).join("\n")) as Seen;
        assert.strictEqual(withSecret.props.description, "a secret description");
        const withUnknown = of(keys[1].urn);
        assert.strictEqual(withUnknown?.level, "advisory");
        assert.match(
            withUnknown.message,
            /can't run policy 'probe-resource' from policy pack 'probe@v1\.2\.3' during preview/,
        );
    });

    it("serves the pack an Engine service that records what the pack logs to it", async () => {
        const client = new EngineClient(analyzer.engineAddress, grpc.credentials.createInsecure());
        try {
            const req = new enginepb.LogRequest()
                .setSeverity(enginepb.LogSeverity.WARNING)
                .setMessage("from the pack")
                .setUrn("urn:x");
            await new Promise<void>((resolve, reject) => client.log(req, (e) => (e ? reject(e) : resolve())));
            const root = await new Promise<string>((resolve, reject) =>
                client.getRootResource(new enginepb.GetRootResourceRequest(), (e, r) =>
                    e ? reject(e) : resolve(r.getUrn()),
                ),
            );
            assert.strictEqual(root, result.resources[0].urn);
        } finally {
            client.close();
        }
        assert.deepStrictEqual(analyzer.logs.at(-1), {
            source: "engine",
            severity: "warning",
            message: "urn:x: from the pack",
        });
    });

    it("a pack that fails to load is reported with what it printed", async () => {
        const bad = fs.mkdtempSync(path.join(os.tmpdir(), "hms-broken-pack-"));
        try {
            fs.writeFileSync(path.join(bad, "PulumiPolicy.yaml"), "runtime: nodejs\n");
            fs.writeFileSync(
                path.join(bad, "package.json"),
                JSON.stringify({ name: "broken", version: "0.0.1", main: "index.js" }),
            );
            fs.writeFileSync(path.join(bad, "index.js"), 'throw new Error("this pack is broken");\n');
            fs.symlinkSync(path.join(ROOT, "node_modules"), path.join(bad, "node_modules"));
            await assert.rejects(startAnalyzer("development", { policyPack: bad }), (e: unknown) => {
                assert.ok(e instanceof PolicyPackError, String(e));
                assert.match(e.message, /failed to start \(exit code [1-9]\d*\)/);
                assert.match(e.message, /this pack is broken/);
                return true;
            });
        } finally {
            fs.rmSync(bad, { recursive: true, force: true });
        }
    });

    it("a disabled policy reports nothing; a mandatory report is a mandatory violation", () => {
        assert.ok(!result.policies.violations.some((v) => v.policy === "probe-disabled"));
        assert.strictEqual(result.policies.config["probe-disabled"].enforcementLevel, "disabled");
        assert.ok(mandatory(result).length > 0);
    });
});
