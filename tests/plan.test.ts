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
import * as analyzerpb from "@pulumi/pulumi/proto/analyzer_pb";
import {
    AnalyzerStackResource,
    durationSeconds,
    PolicyAnalyzer,
    PolicyPackError,
    prepareStack,
} from "../tools/analyzer";
import { PolicyConfigError, reconcilePolicyConfig } from "../tools/analyzer-config";
import { architecture } from "../tools/diagram";
import { PlanResource, stackProperties } from "../tools/plan-resources";
import { isSecretValue, secret, secretValues, SIG_KEY, UNKNOWN } from "../tools/plan-values";
import {
    main,
    parseArgs,
    parsePhaseLine,
    phaseLine,
    planDiagram,
    planJson,
    PlanPhase,
    PlanResult,
    runPlan,
    launchAnalyzer,
    startAnalyzer,
    UsageError,
} from "../tools/plan";
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
        // They start while the programs run (one after another: the mocks are the process's), as the command
        // line starts its pack: their processes are spawned first (LaunchedPack.spawned), since a program keeps
        // this process busy for seconds. Every start settles before this hook ends, so that `after` stops them all.
        const launched = STACKS.map((s) => launchAnalyzer(s));
        const starting = launched.map((l) => l.ready);
        const started = Promise.allSettled(starting);
        try {
            await Promise.all(launched.map((l) => l.spawned));
            for (const [i, stack] of STACKS.entries()) {
                plans[stack] = await runPlan({ stack, analyzer: starting[i] });
            }
        } finally {
            (await started).forEach((p, i) => {
                if (p.status === "fulfilled") {
                    analyzers[STACKS[i]] = p.value;
                }
            });
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
        // Each weakening changes resources of the unmodified production plan and names the policy that must then
        // fail, and on which resources. The pack answers an AnalyzeStack for the whole stack (some 450
        // resources) in about a third of a second of CPU whatever changed, so the weakenings are analysed in
        // batches: one plan per batch, in which no two weakenings share a policy, a changed resource or a
        // changed resource type. A weakening therefore cannot owe its violation to another's change of the same
        // resource or kind of resource, and a batch must fail exactly the policies of its weakenings (the
        // "only its policies" test below), so no weakening can trip a policy it does not name unnoticed.
        type Inputs = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any -- nested provider shapes, changed field by field
        interface Weakening {
            what: string;
            policy: string;
            /** Policies the change fails as well, by design. */
            alsoFails?: string[];
            /** The resource changed (every tier exists in production: a missing one is a failure). */
            type: string;
            where?: (r: PlanResource) => boolean;
            change: (r: PlanResource, all: PlanResource[]) => void;
            /** The resources of which one must carry the violation (default: the changed one). */
            on?: (target: PlanResource, result: PlanResult) => string[] | undefined;
            /** What the violation's message must say, where the policy reports on more than one ground. */
            says?: RegExp;
        }
        const setting = (id: string) => (r: PlanResource) => r.inputs.settingId === id;
        const inputs = (f: (i: Inputs) => void) => (r: PlanResource) => f(r.inputs as Inputs);
        const remove = (r: PlanResource, all: PlanResource[]) => void all.splice(all.indexOf(r), 1);
        /** Stack policies that may report on any resource: only that the policy fails is checked. */
        const anywhere = () => undefined;
        const weakenings: Weakening[] = [
            {
                what: "a backup rule that keeps recovery points 7 days",
                policy: "backup-plan-retention",
                type: "aws:backup/plan:Plan",
                change: inputs((i) => {
                    assert.ok(Array.isArray(i.rules) && i.rules.length > 0, "the backup plan has no rules");
                    i.rules[0].lifecycle = { deleteAfter: 7 };
                }),
            },
            {
                what: "ElastiCache without in-transit encryption",
                policy: "elasticache-transit-encryption-required",
                type: "aws:elasticache/replicationGroup:ReplicationGroup",
                change: inputs((i) => {
                    i.transitEncryptionEnabled = false;
                    delete i.transitEncryptionMode;
                }),
            },
            {
                what: "a security group rule opening 443 to 0.0.0.0/0",
                policy: "no-public-web-ports",
                type: "aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule",
                change: inputs((i) => {
                    delete i.referencedSecurityGroupId;
                    delete i.cidrIpv6;
                    delete i.prefixListId;
                    Object.assign(i, { cidrIpv4: "0.0.0.0/0", ipProtocol: "tcp", fromPort: 443, toPort: 443 });
                }),
            },
            {
                what: "the Cloudflare managed WAF ruleset removed",
                policy: "cloudflare-managed-waf",
                type: "cloudflare:index/ruleset:Ruleset",
                where: (r) => r.inputs.phase === "http_request_firewall_managed",
                change: remove,
                on: (_t, result) => [
                    ...result.resources.filter((r) => r.type.startsWith("cloudflare:")).map((r) => r.urn),
                    result.resources[0].urn,
                ],
            },
            {
                what: "a bucket without the TLS-only bucket policy",
                policy: "s3-deny-insecure-transport",
                type: "aws:s3/bucketPolicy:BucketPolicy",
                where: (r) => !/-trail-policy$/.test(r.name),
                change: inputs((i) => {
                    const doc = JSON.parse(String(i.policy)) as { Statement: Array<Record<string, unknown>> };
                    const before = doc.Statement.length;
                    doc.Statement = doc.Statement.filter(
                        (s) => !JSON.stringify(s.Condition ?? {}).includes("aws:SecureTransport"),
                    );
                    assert.ok(doc.Statement.length < before, "no aws:SecureTransport statement to remove");
                    i.policy = JSON.stringify(doc);
                }),
                on: (t) => {
                    const buckets = t.propertyDependencies.bucket ?? [];
                    assert.ok(buckets.length > 0, `${t.name} names no bucket resource`);
                    return [t.urn, ...buckets];
                },
            },
            {
                what: "an instance that allows IMDSv1",
                policy: "ec2-imdsv2-required",
                type: "aws:ec2/instance:Instance",
                change: inputs((i) => (i.metadataOptions = { ...(i.metadataOptions ?? {}), httpTokens: "optional" })),
            },
            {
                what: "the audit trail bucket's Object Lock removed",
                policy: "audit-evidence-locked",
                type: "aws:s3/bucketObjectLockConfiguration:BucketObjectLockConfiguration",
                where: (r) => /-trail-lock$/.test(r.name),
                change: remove,
                on: (t) => t.propertyDependencies.bucket ?? [],
            },
            {
                what: "the audit trail bucket's deny on deletes dropped",
                policy: "audit-evidence-locked",
                type: "aws:s3/bucketPolicy:BucketPolicy",
                where: (r) => /-trail-policy$/.test(r.name),
                change: inputs((i) => {
                    const doc = JSON.parse(String(i.policy)) as { Statement: Array<Record<string, unknown>> };
                    doc.Statement = doc.Statement.filter(
                        (s) => !JSON.stringify(s.Action).includes("s3:DeleteObjectVersion"),
                    );
                    i.policy = JSON.stringify(doc);
                }),
                on: (t) => t.propertyDependencies.bucket ?? [],
            },
            {
                what: "every database instance in one availability zone",
                policy: "high-availability",
                type: "aws:rds/clusterInstance:ClusterInstance",
                change: (t, all) =>
                    all.filter((x) => x.type === t.type).forEach((x) => (x.inputs.availabilityZone = "sa-east-1a")),
                on: anywhere,
                says: /all in one availability zone/,
            },
            {
                what: "the Client VPN endpoint removed",
                policy: "admin-access-through-vpn",
                type: "aws:ec2clientvpn/endpoint:Endpoint",
                change: remove,
                on: anywhere,
            },
            {
                what: "a cache rule after the bypass that caches everything",
                policy: "clinical-files-not-cached-at-edge",
                type: "cloudflare:index/ruleset:Ruleset",
                where: (r) => r.inputs.phase === "http_request_cache_settings",
                change: inputs((i) =>
                    (i.rules as Inputs[]).push({
                        ref: "cache_everything",
                        action: "set_cache_settings",
                        expression: "true",
                        actionParameters: { cache: true },
                        enabled: true,
                    }),
                ),
            },
            {
                what: "Cloudflare SSL flexible",
                policy: "cloudflare-zone-tls",
                type: "cloudflare:index/zoneSetting:ZoneSetting",
                where: setting("ssl"),
                change: inputs((i) => (i.value = "flexible")),
            },
            {
                what: "Cloudflare minimum TLS 1.0",
                policy: "cloudflare-zone-tls",
                type: "cloudflare:index/zoneSetting:ZoneSetting",
                where: setting("min_tls_version"),
                change: inputs((i) => (i.value = "1.0")),
            },
            {
                what: "Always Use HTTPS off",
                policy: "cloudflare-zone-tls",
                type: "cloudflare:index/zoneSetting:ZoneSetting",
                where: setting("always_use_https"),
                change: inputs((i) => (i.value = "off")),
            },
            {
                what: "Aurora without require_secure_transport",
                policy: "rds-parameter-group-requires-tls",
                type: "aws:rds/clusterParameterGroup:ClusterParameterGroup",
                change: inputs((i) =>
                    (i.parameters as Inputs[])
                        .filter((p) => p.name === "require_secure_transport")
                        .forEach((p) => (p.value = "OFF")),
                ),
            },
            {
                what: "Aurora storage unencrypted",
                policy: "rds-encryption-at-rest",
                type: "aws:rds/cluster:Cluster",
                change: inputs((i) => (i.storageEncrypted = false)),
            },
            {
                what: "Aurora without deletion protection",
                policy: "data-store-deletion-protection",
                type: "aws:rds/cluster:Cluster",
                change: inputs((i) => (i.deletionProtection = false)),
            },
            {
                what: "Aurora keeping backups 7 days",
                policy: "database-backup-retention",
                type: "aws:rds/cluster:Cluster",
                change: inputs((i) => (i.backupRetentionPeriod = 7)),
            },
            {
                what: "Aurora publicly accessible",
                policy: "database-not-publicly-accessible",
                type: "aws:rds/clusterInstance:ClusterInstance",
                change: inputs((i) => (i.publiclyAccessible = true)),
            },
            {
                what: "ElastiCache transit encryption preferred",
                policy: "elasticache-transit-encryption-required",
                type: "aws:elasticache/replicationGroup:ReplicationGroup",
                change: inputs((i) => (i.transitEncryptionMode = "preferred")),
            },
            {
                what: "OpenSearch without enforced HTTPS",
                policy: "opensearch-https-tls12",
                type: "aws:opensearch/domain:Domain",
                change: inputs((i) => (i.domainEndpointOptions.enforceHttps = false)),
            },
            {
                what: "OpenSearch accepting TLS 1.0",
                policy: "opensearch-https-tls12",
                type: "aws:opensearch/domain:Domain",
                change: inputs((i) => (i.domainEndpointOptions.tlsSecurityPolicy = "Policy-Min-TLS-1-0-2019-07")),
            },
            {
                what: "a copy kept 7 days",
                policy: "backup-plan-retention",
                type: "aws:backup/plan:Plan",
                change: inputs((i) => (i.rules[0].copyActions[0].lifecycle.deleteAfter = 7)),
            },
            {
                what: "the hourly backup rule made daily (no continuous backup)",
                policy: "backup-recovery-point",
                type: "aws:backup/plan:Plan",
                change: inputs((i) =>
                    (i.rules as Inputs[]).forEach((rule) =>
                        Object.assign(rule, { enableContinuousBackup: false, schedule: "cron(0 5 * * ? *)" }),
                    ),
                ),
            },
            {
                what: "no copy to another region",
                policy: "backup-cross-region-copy",
                // The recovery point objective counts the copy in the other region as a recovery point too.
                alsoFails: ["backup-recovery-point"],
                type: "aws:backup/plan:Plan",
                change: inputs((i) => (i.rules as Inputs[]).forEach((rule) => delete rule.copyActions)),
            },
            {
                what: "a backup vault without a customer managed key",
                policy: "backup-vault-encryption",
                type: "aws:backup/vault:Vault",
                change: inputs((i) => delete i.kmsKeyArn),
            },
            {
                what: "the cache without failover",
                policy: "high-availability",
                type: "aws:elasticache/replicationGroup:ReplicationGroup",
                change: inputs((i) =>
                    Object.assign(i, { automaticFailoverEnabled: false, multiAzEnabled: false, numCacheClusters: 1 }),
                ),
                // A stack policy: it reports on the stack.
                on: (t, result) => [t.urn, result.resources[0].urn],
            },
            {
                what: "MySQL open to the internet",
                policy: "no-public-data-ports",
                type: "aws:ec2/securityGroup:SecurityGroup",
                change: inputs(
                    (i) => (i.ingress = [{ protocol: "tcp", fromPort: 3306, toPort: 3306, cidrBlocks: ["0.0.0.0/0"] }]),
                ),
            },
            {
                what: "SSH open to the internet",
                policy: "no-public-admin-ports",
                type: "aws:ec2/securityGroup:SecurityGroup",
                change: inputs(
                    (i) => (i.ingress = [{ protocol: "tcp", fromPort: 22, toPort: 22, cidrBlocks: ["0.0.0.0/0"] }]),
                ),
            },
            {
                what: "an unencrypted root volume",
                policy: "ebs-encryption-at-rest",
                type: "aws:ec2/instance:Instance",
                change: inputs((i) => (i.rootBlockDevice.encrypted = false)),
            },
            {
                what: "a bucket that may be made public",
                policy: "s3-public-access-block",
                type: "aws:s3/bucketPublicAccessBlock:BucketPublicAccessBlock",
                change: inputs((i) => (i.blockPublicAcls = false)),
                // Reported on the bucket the block belongs to.
                on: (t) => [t.urn, ...(t.propertyDependencies.bucket ?? [])],
            },
            {
                what: "a KMS key without rotation",
                policy: "kms-key-rotation",
                type: "aws:kms/key:Key",
                change: inputs((i) => (i.enableKeyRotation = false)),
            },
            {
                what: "CloudTrail without log file validation",
                policy: "cloudtrail-integrity",
                type: "aws:cloudtrail/trail:Trail",
                change: inputs((i) => (i.enableLogFileValidation = false)),
            },
            {
                what: "an unencrypted log group",
                policy: "cloudwatch-log-group-encryption",
                type: "aws:cloudwatch/logGroup:LogGroup",
                change: inputs((i) => delete i.kmsKeyId),
            },
        ];

        /** The changed resource of a weakening, in the unmodified plan. */
        function targetOf(w: Weakening): PlanResource {
            const r = plans.production.resources.find((x) => x.type === w.type && (w.where ?? (() => true))(x));
            assert.ok(r, `production has no ${w.type} to weaken (${w.what})`);
            return r;
        }

        const policiesOf = (w: Weakening) => [w.policy, ...(w.alsoFails ?? [])];

        /** Greedy batches: a weakening joins the first batch with none of its policies, resource or resource type. */
        function batches(all: Weakening[]): Weakening[][] {
            const out: Weakening[][] = [];
            for (const w of all) {
                const fits = (b: Weakening[]) =>
                    b.every((o) => o.type !== w.type && !policiesOf(o).some((p) => policiesOf(w).includes(p)));
                const batch = out.find(fits);
                if (batch) {
                    batch.push(w);
                } else {
                    out.push([w]);
                }
            }
            return out;
        }

        /** Each batch with its plan, and the batch of each weakening. */
        const analysed: Array<{ batch: Weakening[]; result: PlanResult }> = [];
        const results = new Map<Weakening, { batch: Weakening[]; result: PlanResult }>();

        before(async function () {
            for (const batch of batches(weakenings)) {
                const targets = batch.map(targetOf);
                const result = await runPlan({
                    stack: "production",
                    analyzer: analyzers.production,
                    // The same run of the program as the unmodified plan: only the policies run again.
                    recording: plans.production.recording,
                    mutate: (all) =>
                        batch.forEach((w, i) => {
                            const r = all.find((x) => x.urn === targets[i].urn);
                            assert.ok(r, `${targets[i].urn} disappeared (${w.what})`);
                            w.change(r, all);
                        }),
                });
                const entry = { batch, result };
                analysed.push(entry);
                batch.forEach((w) => results.set(w, entry));
            }
        });

        it("batches weakenings that share no policy and no resource type, several to a plan", () => {
            const all = analysed.map((a) => a.batch);
            assert.strictEqual(all.flat().length, weakenings.length, "every weakening in one batch");
            assert.ok(all.length < weakenings.length / 3, `${all.length} plans for ${weakenings.length} weakenings`);
            for (const batch of all) {
                const policies = batch.flatMap(policiesOf);
                assert.strictEqual(new Set(policies).size, policies.length);
                assert.strictEqual(new Set(batch.map((w) => w.type)).size, batch.length);
            }
        });

        it("a batch fails only its weakenings' policies", () => {
            for (const { batch, result } of analysed) {
                const named = new Set(batch.flatMap(policiesOf));
                const others = mandatory(result).filter((v) => !named.has(v.policy));
                assert.deepStrictEqual(
                    others.map((v) => `${v.policy} ${v.urn}`),
                    [],
                    `batch of ${batch.map((w) => w.what).join("; ")}`,
                );
            }
        });

        for (const w of weakenings) {
            it(`${w.what}: ${w.policy}`, () => {
                const got = results.get(w);
                assert.ok(got, "analysed in a batch");
                const { result } = got;
                const target = targetOf(w);
                const urns = (w.on ?? ((t: PlanResource) => [t.urn]))(target, result);
                const hits = mandatory(result).filter((v) => v.policy === w.policy);
                assert.ok(hits.length > 0, `${w.policy} did not fire; violations:\n${describeViolations(result)}`);
                if (urns !== undefined) {
                    assert.ok(urns.length > 0, `${w.what}: no resource to expect the violation on`);
                    assert.ok(
                        hits.some((v) => urns.includes(v.urn)),
                        `${w.policy} fired on ${hits.map((h) => h.urn)} instead of ${urns}`,
                    );
                }
                if (w.says) {
                    assert.ok(
                        hits.some((v) => w.says!.test(v.message)),
                        `${w.policy}: no violation says ${w.says}:\n${describeViolations(result)}`,
                    );
                }
                for (const policy of policiesOf(w)) {
                    assert.ok(
                        !mandatory(plans.production).some((v) => v.policy === policy),
                        `${policy} already fails on the unmodified plan`,
                    );
                }
                for (const policy of w.alsoFails ?? []) {
                    assert.ok(
                        mandatory(result).some((v) => v.policy === policy),
                        `${w.what}: ${policy} did not fire as well`,
                    );
                }
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
                // A line per phase as it ends: the configuration first (before the SDKs load), the output last.
                const lines = r.stdout.split("\n").filter((l) => !/^> |^$/.test(l));
                const phases = lines.map((l) => parsePhaseLine(l)).filter((p) => p !== undefined);
                assert.strictEqual(parsePhaseLine(lines[0])?.phase, "configuration", r.stdout);
                assert.deepStrictEqual(
                    phases.map((p) => p.phase).sort(),
                    ["analysis", "configuration", "output", "policy pack", "program"],
                    r.stdout,
                );
                assert.strictEqual(phases.at(-1)?.phase, "output", r.stdout);
                assert.ok(
                    phases.every((p, i) => i === 0 || p.at >= phases[i - 1].at),
                    `phases out of order:\n${r.stdout}`,
                );
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
                // In this process, with the development pack the plans above use (the command line above starts its own).
                const code = await main(
                    ["--stack", "development", "--policy-config", file],
                    { out: { write: (t: string) => (out += t) }, err: { write: (t: string) => (err += t) } },
                    { analyzer: analyzers.development },
                );
                assert.strictEqual(code, 1, `${out}\n${err}`);
                assert.match(out, /^ {2}\[mandatory\] backup-plan-retention$/m);
                assert.match(out, /^ {2}[1-9]\d* mandatory violations?, \d+ advisory$/m);
                // The pack it was handed is left running, configured again by the next plan.
                const again = await runPlan({ stack: "development", analyzer: analyzers.development });
                assert.deepStrictEqual(mandatory(again), [], describeViolations(again));
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

describe("the plan's phase lines", () => {
    it("read back as they were printed", () => {
        const p: PlanPhase = { phase: "policy pack", ms: 1234, at: 2500, detail: "hms-policies 0.1.0 started (a, b)" };
        const line = phaseLine(p);
        assert.strictEqual(line, "[2.50 s] policy pack: hms-policies 0.1.0 started (a, b) (1.23 s)");
        assert.deepStrictEqual(parsePhaseLine(line), { ...p, ms: 1230 });
        assert.strictEqual(parsePhaseLine("Plan for hms/production"), undefined);
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

    it("the AnalyzeStack request built ahead is, byte for byte, the SDK's own encoding of the stack", async () => {
        const options = {
            protect: true,
            ignoreChanges: ["tags"],
            additionalSecretOutputs: [],
            aliases: [],
            customTimeouts: { create: 600, update: 0, delete: 0 },
            parent: "urn:pulumi:production::hms::pulumi:pulumi:Stack::hms-production",
        };
        const provider = {
            urn: "urn:pulumi:production::hms::pulumi:providers:aws::default_7_48_0",
            type: "pulumi:providers:aws",
            name: "default_7_48_0",
            properties: { region: "sa-east-1", version: "7.48.0" },
        };
        // More resources than are encoded per turn of the event loop, with and without a provider and dependencies.
        const resources = Array.from({ length: 60 }, (_, i): AnalyzerStackResource => ({
            urn: `urn:pulumi:production::hms::aws:s3/bucket:Bucket::b${i}`,
            type: "aws:s3/bucket:Bucket",
            name: `b${i}`,
            properties: { bucket: `hms-b${i}`, tags: { Index: String(i) }, versioning: [{ enabled: i % 2 === 0 }] },
            options,
            provider: i % 3 === 0 ? undefined : provider,
            parent: options.parent,
            dependencies: i > 0 ? [`urn:pulumi:production::hms::aws:s3/bucket:Bucket::b${i - 1}`] : [],
            propertyDependencies:
                i > 0 ? { bucket: [`urn:pulumi:production::hms::aws:s3/bucket:Bucket::b${i - 1}`] } : {},
        }));
        const prepared = await prepareStack(resources);
        const decoded = analyzerpb.AnalyzeStackRequest.deserializeBinary(prepared.bytes);
        assert.deepStrictEqual(
            decoded.getResourcesList().map((r) => r.getUrn()),
            resources.map((r) => r.urn),
        );
        // Encoded again by the generated class, from what was decoded: the same bytes.
        assert.deepStrictEqual(Buffer.from(decoded.serializeBinary()), Buffer.from(prepared.bytes));
        const third = decoded.getResourcesList()[1];
        assert.deepStrictEqual(third.getProperties()?.toJavaScript(), resources[1].properties);
        assert.strictEqual(third.getProvider()?.getUrn(), provider.urn);
        assert.deepStrictEqual(third.getPropertydependenciesMap().get("bucket")?.getUrnsList(), [resources[0].urn]);
        assert.deepStrictEqual(prepared.urns, new Set(resources.map((r) => r.urn)));
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

    it("a pack no longer wanted is ended while it starts (a refused configuration does not wait for it)", async () => {
        // Stopped at once: the process is never spawned.
        const early = launchAnalyzer("development");
        await early.stop();
        await assert.rejects(early.ready, (e: unknown) => e instanceof PolicyPackError && /cancelled/.test(e.message));
        // Stopped once spawned: the process is ended before it serves anything.
        const spawned = launchAnalyzer("development");
        await spawned.spawned;
        await spawned.stop();
        await assert.rejects(
            spawned.ready,
            (e: unknown) => e instanceof PolicyPackError && /failed to start \(signal SIGTERM\)/.test(e.message),
        );
    });

    it("asks the pack once per distinct Analyze request under one configuration; AnalyzeStack every time", async () => {
        const keys = result.resources.filter((r) => r.type === "aws:kms/key:Key");
        const policyConfig = {
            "probe-resource": { type: "aws:kms/key:Key", threshold: 31 },
            "probe-stack": { type: "aws:kms/key:Key" },
        };
        const phases: PlanPhase[] = [];
        const plan = (description: string) =>
            runPlan({
                stack: "development",
                analyzer,
                recording: result.recording,
                policyConfig,
                mutate: (all) => (all.find((r) => r.urn === keys[0].urn)!.inputs.description = description),
                onPhase: (p) => phases.push(p),
            });
        const before = { ...analyzer.analyzeCalls };
        // A new configuration: every resource goes to the pack.
        const first = await plan("first");
        assert.strictEqual(analyzer.analyzeCalls.sent - before.sent, result.resources.length);
        // The same configuration, one resource changed: only that one goes to the pack.
        const second = await plan("second");
        assert.strictEqual(analyzer.analyzeCalls.sent - before.sent, result.resources.length + 1);
        assert.strictEqual(analyzer.analyzeCalls.reused - before.reused, result.resources.length - 1);
        const report = (r: PlanResult, urn: string) =>
            JSON.parse(
                r.policies.diagnostics
                    .find((d) => d.policy === "probe-resource" && d.urn === urn)!
                    .message.split("\n")
                    .slice(1)
                    .join("\n"),
            ) as Seen;
        assert.strictEqual(report(second, keys[0].urn).props.description, "second");
        assert.deepStrictEqual(report(second, keys[1].urn), report(first, keys[1].urn));
        assert.deepStrictEqual(report(second, keys[1].urn).config, { type: "aws:kms/key:Key", threshold: 31 });
        // The stack policy saw each plan's own stack.
        assert.strictEqual(second.policies.violations.filter((v) => v.policy === "probe-stack").length, 1);
        // A recording analyzed again has no program phase.
        assert.deepStrictEqual(
            phases.map((p) => p.phase),
            ["analysis", "analysis"],
        );
    });

    it("a disabled policy reports nothing; a mandatory report is a mandatory violation", () => {
        assert.ok(!result.policies.violations.some((v) => v.policy === "probe-disabled"));
        assert.strictEqual(result.policies.config["probe-disabled"].enforcementLevel, "disabled");
        assert.ok(mandatory(result).length > 0);
    });
});
