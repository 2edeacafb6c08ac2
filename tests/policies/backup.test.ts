import * as assert from "node:assert/strict";
import * as aws from "@pulumi/aws";
import * as cloudflare from "@pulumi/cloudflare";
import * as backup from "../../policies/backup";
import {
    ACCOUNT,
    analyzeResource,
    analyzeStack,
    awsProvider,
    cloudflareEdge,
    deps,
    DR_REGION,
    FakeResource,
    messages,
    Outcome,
    REGION,
    resource,
    UNKNOWN,
} from "./harness";

/** The stack as the engine sends it: the AWS resources under test with the Cloudflare edge of the real plan. */
function mixed(...resources: FakeResource[]): FakeResource[] {
    return [...resources, ...cloudflareEdge()];
}

function clean(o: Outcome): void {
    assert.deepEqual(o.violations, []);
    assert.deepEqual(o.previewNotes, []);
}

const DR_VAULT_ARN = `arn:aws:backup:${DR_REGION}:${ACCOUNT}:backup-vault:hms-production-dr`;

function dailyRule(extra: Record<string, unknown> = {}) {
    return {
        ruleName: "daily-full",
        targetVaultName: UNKNOWN,
        schedule: "cron(0 5 ? * * *)",
        startWindow: 60,
        completionWindow: 360,
        lifecycle: { deleteAfter: 30 },
        copyActions: [{ destinationVaultArn: UNKNOWN, lifecycle: { deleteAfter: 30 } }],
        ...extra,
    };
}

function hourlyRule(extra: Record<string, unknown> = {}) {
    return {
        ruleName: "hourly",
        targetVaultName: UNKNOWN,
        schedule: "cron(0 * ? * * *)",
        enableContinuousBackup: true,
        lifecycle: { deleteAfter: 30 },
        ...extra,
    };
}

describe("policies/backup", () => {
    describe("backup-plan-retention", () => {
        const policy = backup.backupPlanRetention;
        const plan = (rules: unknown) => resource(aws.backup.Plan, "plan", { name: "hms-production", rules });

        it("accepts daily and continuous hourly rules kept 30 days, with a 30-day copy", async () => {
            clean(await analyzeResource(policy, plan([dailyRule(), hourlyRule()])));
        });

        it("accepts a rule without lifecycle (kept until deleted)", async () => {
            clean(
                await analyzeResource(
                    policy,
                    plan([dailyRule({ lifecycle: undefined, copyActions: [{ destinationVaultArn: DR_VAULT_ARN }] })]),
                ),
            );
        });

        it("flags short retention of a rule and of a copy action", async () => {
            const o = await analyzeResource(
                policy,
                plan([
                    dailyRule({
                        lifecycle: { deleteAfter: 7 },
                        copyActions: [{ destinationVaultArn: DR_VAULT_ARN, lifecycle: { deleteAfter: 14 } }],
                    }),
                ]),
            );
            assert.deepEqual(messages(o), [
                'rule "daily-full" deletes recovery points after 7 days; keep them at least 30 days.',
                `rule "daily-full" copy action 0 (to ${DR_VAULT_ARN}) deletes recovery points after 14 days; keep them at least 30 days.`,
            ]);
        });

        it("flags less than 90 days in cold storage", async () => {
            const o = await analyzeResource(
                policy,
                plan([dailyRule({ lifecycle: { coldStorageAfter: 30, deleteAfter: 100 } })]),
            );
            assert.match(messages(o)[0], /at least 90 days in cold storage/);
        });

        it("caps the requirement of continuous rules at AWS's 35 days, with the minimum from config", async () => {
            const config = { [policy.name]: { minimumRetentionDays: 60 } };
            clean(await analyzeResource(policy, plan([hourlyRule({ lifecycle: { deleteAfter: 35 } })]), config));
            const o = await analyzeResource(
                policy,
                plan([dailyRule({ lifecycle: { deleteAfter: 35 }, copyActions: [] })]),
                config,
            );
            assert.deepEqual(messages(o), [
                'rule "daily-full" deletes recovery points after 35 days; keep them at least 60 days.',
            ]);
        });

        it("uses the 30-day default without any Configure call", async () => {
            assert.equal(
                (await analyzeResource(policy, plan([dailyRule({ lifecycle: { deleteAfter: 29 } })]), "bare"))
                    .violations.length,
                1,
            );
        });

        it("skips unknown rules and lifecycles", async () => {
            clean(await analyzeResource(policy, plan(UNKNOWN)));
            clean(await analyzeResource(policy, plan([dailyRule({ lifecycle: UNKNOWN, copyActions: UNKNOWN })])));
        });
    });

    describe("database-backup-retention", () => {
        const policy = backup.databaseBackupRetention;
        const cluster = (backupRetentionPeriod: unknown) =>
            resource(aws.rds.Cluster, "db", {
                engine: "aurora-mysql",
                backupRetentionPeriod,
                preferredBackupWindow: "03:00-04:00",
            });

        it("accepts 30 days", async () => {
            clean(await analyzeResource(policy, cluster(30)));
        });

        it("flags a short or missing retention", async () => {
            assert.deepEqual(messages(await analyzeResource(policy, cluster(7))), [
                "backupRetentionPeriod is 7 days; it must be at least 30.",
            ]);
            assert.match(
                messages(await analyzeResource(policy, cluster(undefined)))[0],
                /not set \(AWS keeps automated backups 1 day\)/,
            );
            const instance = resource(aws.rds.Instance, "mysql", {
                engine: "mysql",
                instanceClass: "db.t4g.medium",
                backupRetentionPeriod: 1,
            });
            assert.equal((await analyzeResource(policy, instance)).violations.length, 1);
        });

        it("requires min(minimum, 35) days", async () => {
            clean(await analyzeResource(policy, cluster(35), { [policy.name]: { minimumRetentionDays: 90 } }));
            assert.equal(
                (await analyzeResource(policy, cluster(34), { [policy.name]: { minimumRetentionDays: 90 } })).violations
                    .length,
                1,
            );
        });

        it("leaves read replicas to their source and skips unknown values", async () => {
            const replica = resource(aws.rds.Instance, "replica", {
                instanceClass: "db.r6g.large",
                replicateSourceDb: "hms-db",
            });
            const o = await analyzeResource(policy, replica);
            clean(o);
            assert.equal(o.notApplicable[0].policy, policy.name);
            clean(await analyzeResource(policy, cluster(UNKNOWN)));
        });
    });

    describe("backup-coverage", () => {
        const policy = backup.backupCoverage;
        const cluster = () =>
            resource(aws.rds.Cluster, "db", {
                engine: "aurora-mysql",
                clusterIdentifier: "hms-production-db",
                arn: UNKNOWN,
            });
        const instance = (name: string, tags: Record<string, string> = {}) =>
            resource(aws.ec2.Instance, name, {
                instanceType: "m6i.2xlarge",
                ami: "ami-0abc",
                arn: UNKNOWN,
                tags: { Name: name, OperatingSystem: "Ubuntu 24.04 LTS", ...tags },
            });
        const bucket = (name: string, tags: Record<string, string> = {}) =>
            resource(aws.s3.Bucket, name, { bucket: `hms-production-${name}-1f2e`, arn: UNKNOWN, tags });
        const selection = (props: Record<string, unknown>, targets: FakeResource[] = []) =>
            resource(
                aws.backup.Selection,
                `selection-${Object.keys(props).join("-")}`,
                { iamRoleArn: UNKNOWN, planId: UNKNOWN, name: "hms", ...props },
                {
                    propertyDependencies: targets.length ? deps({ resources: targets }) : undefined,
                },
            );

        it("accepts a stack whose data stores are listed by ARN (linked while ARNs are unknown)", async () => {
            const db = cluster();
            const app = [instance("app-1"), instance("app-2")];
            const media = bucket("media");
            const sel = selection({ resources: [UNKNOWN, UNKNOWN, UNKNOWN, UNKNOWN] }, [db, ...app, media]);
            clean(await analyzeStack(policy, [db, ...app, media, sel]));
        });

        it("flags a database, an instance and a data bucket left out", async () => {
            const db = cluster();
            const app = instance("app-1");
            const ws = instance("websocket");
            const media = bucket("media");
            const sel = selection({ resources: [UNKNOWN] }, [app]);
            const o = await analyzeStack(policy, [db, app, ws, media, sel]);
            assert.deepEqual(messages(o).sort(), [
                "EC2 instance websocket is not selected by any AWS Backup selection.",
                "data bucket media is not selected by any AWS Backup selection.",
                "database db is not selected by any AWS Backup selection.",
            ]);
            const none = await analyzeStack(policy, [db]);
            assert.match(messages(none)[0], /the stack has no aws.backup.Selection/);
        });

        it("does not require backups of access-log, CloudTrail, replica and exempt buckets", async () => {
            const media = bucket("media");
            const logs = bucket("access-logs");
            const trailBucket = bucket("trail");
            const replica = resource(
                aws.s3.Bucket,
                "replica",
                { bucket: "hms-production-replica-77aa", arn: UNKNOWN },
                { provider: awsProvider(DR_REGION) },
            );
            const scratch = bucket("scratch", { BackupExempt: "build artefacts, reproducible from CI" });
            const logging = resource(
                aws.s3.BucketLogging,
                "media-logging",
                { bucket: UNKNOWN, targetBucket: UNKNOWN, targetPrefix: "media/" },
                { propertyDependencies: deps({ bucket: media, targetBucket: logs }) },
            );
            const trail = resource(aws.cloudtrail.Trail, "trail", {
                s3BucketName: "hms-production-trail-1f2e",
                isMultiRegionTrail: true,
            });
            const replication = resource(
                aws.s3.BucketReplicationConfig,
                "replication",
                {
                    bucket: UNKNOWN,
                    role: UNKNOWN,
                    rules: [
                        { id: "dr", status: "Enabled", destination: { bucket: UNKNOWN, storageClass: "STANDARD_IA" } },
                    ],
                },
                { propertyDependencies: deps({ bucket: media, rules: replica }) },
            );
            const sel = selection({ resources: [UNKNOWN] }, [media]);
            clean(
                await analyzeStack(policy, [
                    media,
                    logs,
                    trailBucket,
                    replica,
                    scratch,
                    logging,
                    trail,
                    replication,
                    sel,
                ]),
            );
            // An empty BackupExempt value is not a reason.
            const rdsOnly = selection({ resources: ["arn:aws:rds:*:*:cluster:*"] });
            assert.equal(
                (await analyzeStack(policy, [bucket("scratch", { BackupExempt: " " }), rdsOnly])).violations.length,
                1,
            );
        });

        it("counts tag-based selections, including the provider's default tags", async () => {
            const tagged = instance("app-1", { Backup: "daily" });
            const untagged = instance("app-2");
            const byTag = selection({ selectionTags: [{ type: "STRINGEQUALS", key: "Backup", value: "daily" }] });
            const o = await analyzeStack(policy, [tagged, untagged, byTag]);
            assert.deepEqual(messages(o), ["EC2 instance app-2 is not selected by any AWS Backup selection."]);

            const production = selection({
                resources: ["*"],
                conditions: [{ stringEquals: [{ key: "aws:ResourceTag/Environment", value: "production" }] }],
            });
            clean(await analyzeStack(policy, [tagged, untagged, production]));
            const staging = selection({
                resources: ["*"],
                conditions: [{ stringEquals: [{ key: "aws:ResourceTag/Environment", value: "staging" }] }],
            });
            assert.equal((await analyzeStack(policy, [tagged, staging])).violations.length, 1);
        });

        it("matches ARN patterns against resources whose ARN is not known yet", async () => {
            const db = cluster();
            const app = instance("app-1");
            const rdsOnly = selection({ resources: ["arn:aws:rds:*:*:cluster:*"] });
            const o = await analyzeStack(policy, [db, app, rdsOnly]);
            assert.deepEqual(messages(o), ["EC2 instance app-1 is not selected by any AWS Backup selection."]);
        });

        it("matches known ARNs when the engine reports no dependency, and honours notResources", async () => {
            const arn = `arn:aws:rds:${REGION}:${ACCOUNT}:cluster:hms-production-db`;
            const db = resource(aws.rds.Cluster, "db", { engine: "aurora-mysql", arn });
            clean(await analyzeStack(policy, [db, selection({ resources: [arn] })]));
            const excluded = selection({ resources: ["*"], notResources: [arn] });
            assert.equal((await analyzeStack(policy, [db, excluded])).violations.length, 1);
        });

        it("without property dependencies (older hosts), counts a dependency as listed but never as excluded", async () => {
            const db = cluster();
            const sel = resource(
                aws.backup.Selection,
                "selection",
                { iamRoleArn: UNKNOWN, planId: UNKNOWN, name: "db", resources: [UNKNOWN] },
                { dependencies: [db.urn] },
            );
            clean(await analyzeStack(policy, [db, sel]));
            const known = resource(aws.rds.Cluster, "db", {
                engine: "aurora-mysql",
                arn: `arn:aws:rds:${REGION}:${ACCOUNT}:cluster:hms-production-db`,
            });
            const byArn = resource(
                aws.backup.Selection,
                "selection",
                { iamRoleArn: UNKNOWN, planId: UNKNOWN, name: "db", resources: [known.props.arn] },
                { dependencies: [known.urn] },
            );
            clean(await analyzeStack(policy, [known, byArn]));
        });

        it("skips while a selection's resources are unknown and unlinked, or a resource's tags are unknown", async () => {
            clean(await analyzeStack(policy, [cluster(), selection({ resources: UNKNOWN })]));
            const unknownTags = resource(aws.ec2.Instance, "app-1", {
                instanceType: "m6i.large",
                tags: UNKNOWN,
                tagsAll: UNKNOWN,
            });
            clean(
                await analyzeStack(policy, [
                    unknownTags,
                    selection({ selectionTags: [{ type: "STRINGEQUALS", key: "Backup", value: "daily" }] }),
                ]),
            );
        });

        it("does not require read replicas to be selected", async () => {
            const replica = resource(aws.rds.Instance, "replica", {
                instanceClass: "db.r6g.large",
                replicateSourceDb: "hms-db",
            });
            const o = await analyzeStack(policy, [replica]);
            clean(o);
            assert.equal(o.notApplicable[0].policy, policy.name);
        });
    });

    describe("backup-cross-region-copy", () => {
        const policy = backup.backupCrossRegionCopy;
        const primary = () =>
            resource(aws.backup.Vault, "vault", { name: "hms-production", kmsKeyArn: UNKNOWN, region: REGION });
        const dr = (viaProvider = false) =>
            viaProvider
                ? resource(
                      aws.backup.Vault,
                      "dr-vault",
                      { name: "hms-production-dr", kmsKeyArn: UNKNOWN },
                      { provider: awsProvider(DR_REGION) },
                  )
                : resource(aws.backup.Vault, "dr-vault", {
                      name: "hms-production-dr",
                      kmsKeyArn: UNKNOWN,
                      region: DR_REGION,
                  });
        const plan = (rules: unknown, ruleDeps: FakeResource[] = []) =>
            resource(
                aws.backup.Plan,
                "plan",
                { name: "hms-production", rules },
                { propertyDependencies: ruleDeps.length ? deps({ rules: ruleDeps }) : undefined },
            );

        it("accepts a copy to a vault ARN in another region", async () => {
            clean(
                await analyzeStack(policy, [
                    plan([
                        dailyRule({
                            copyActions: [{ destinationVaultArn: DR_VAULT_ARN, lifecycle: { deleteAfter: 30 } }],
                        }),
                    ]),
                ]),
            );
        });

        it("accepts an unknown destination ARN linked to a vault in another region (region argument or provider)", async () => {
            const p = primary();
            for (const v of [dr(false), dr(true)]) {
                clean(await analyzeStack(policy, [p, v, plan([dailyRule(), hourlyRule()], [p, v])]));
            }
        });

        it("flags a plan without copy actions", async () => {
            const o = await analyzeStack(policy, [plan([dailyRule({ copyActions: [] }), hourlyRule()])]);
            assert.deepEqual(messages(o), [
                "backup plan plan has no copy action: keep a copy of every recovery point in another region.",
            ]);
        });

        it("flags copies that stay in the plan's region", async () => {
            const same = `arn:aws:backup:${REGION}:${ACCOUNT}:backup-vault:hms-production-copy`;
            assert.match(
                messages(
                    await analyzeStack(policy, [plan([dailyRule({ copyActions: [{ destinationVaultArn: same }] })])]),
                )[0],
                /copies only to vaults in its own region sa-east-1/,
            );
            const p = primary();
            const local = resource(aws.backup.Vault, "copy-vault", { name: "copy", region: REGION });
            assert.equal(
                (await analyzeStack(policy, [p, local, plan([dailyRule()], [p, local])])).violations.length,
                1,
            );
        });

        it("skips when the destination is unknown and not linked", async () => {
            clean(await analyzeStack(policy, [plan([dailyRule()])]));
        });
    });

    describe("backup-plan-retention: each side of every condition", () => {
        const policy = backup.backupPlanRetention;
        const plan = (rules: unknown) => resource(aws.backup.Plan, "plan", { name: "hms-production", rules });

        it("requires 90 days in cold storage: exactly 90 is enough, 89 is not, and the message gives both days", async () => {
            clean(
                await analyzeResource(
                    policy,
                    plan([dailyRule({ lifecycle: { coldStorageAfter: 30, deleteAfter: 120 } })]),
                ),
            );
            assert.deepEqual(
                messages(
                    await analyzeResource(
                        policy,
                        plan([dailyRule({ lifecycle: { coldStorageAfter: 30, deleteAfter: 119 } })]),
                    ),
                ),
                [
                    'rule "daily-full" moves recovery points to cold storage after 30 days and deletes them after 119: ' +
                        "AWS Backup requires at least 90 days in cold storage.",
                ],
            );
        });

        it("keeps exactly the minimum: 30 days pass, 29 do not", async () => {
            clean(await analyzeResource(policy, plan([dailyRule({ lifecycle: { deleteAfter: 30 } })])));
            assert.equal(
                (await analyzeResource(policy, plan([dailyRule({ lifecycle: { deleteAfter: 29 } })]))).violations
                    .length,
                1,
            );
        });

        it("still checks the known rules and copies when others are null or unknown, naming unnamed rules by index", async () => {
            const o = await analyzeResource(
                policy,
                plan([
                    null,
                    UNKNOWN,
                    {
                        ...dailyRule({
                            lifecycle: null,
                            copyActions: [null, UNKNOWN, { lifecycle: { deleteAfter: 3 } }],
                        }),
                    },
                    { ...dailyRule({ lifecycle: { deleteAfter: 5 }, copyActions: [] }), ruleName: undefined },
                ]),
            );
            assert.deepEqual(o.previewNotes, []);
            assert.deepEqual(messages(o), [
                'rule "daily-full" copy action 2 (to its destination vault) deletes recovery points after 3 days; keep them at least 30 days.',
                "rules[3] deletes recovery points after 5 days; keep them at least 30 days.",
            ]);
        });

        it("holds copies of continuous rules to the full minimum (only the continuous rule itself is capped at 35)", async () => {
            const config = { [policy.name]: { minimumRetentionDays: 60 } };
            const o = await analyzeResource(
                policy,
                plan([
                    hourlyRule({
                        lifecycle: { deleteAfter: 35 },
                        copyActions: [{ destinationVaultArn: DR_VAULT_ARN, lifecycle: { deleteAfter: 35 } }],
                    }),
                ]),
                config,
            );
            assert.deepEqual(messages(o), [
                `rule "hourly" copy action 0 (to ${DR_VAULT_ARN}) deletes recovery points after 35 days; keep them at least 60 days.`,
            ]);
        });
    });

    describe("database-backup-retention: each side of every condition", () => {
        const policy = backup.databaseBackupRetention;

        it("checks a standalone RDS instance like a cluster, and says why a read replica is not applicable", async () => {
            const instance = (backupRetentionPeriod: unknown) =>
                resource(aws.rds.Instance, "mysql", {
                    engine: "mysql",
                    instanceClass: "db.t4g.medium",
                    backupRetentionPeriod,
                });
            clean(await analyzeResource(policy, instance(30)));
            assert.deepEqual(messages(await analyzeResource(policy, instance(29))), [
                "backupRetentionPeriod is 29 days; it must be at least 30.",
            ]);
            const replica = resource(aws.rds.Instance, "replica", {
                instanceClass: "db.r6g.large",
                replicateSourceDb: "hms-db",
            });
            const o = await analyzeResource(policy, replica);
            assert.match(o.notApplicable[0].reason, /read replica/);
        });

        it("does not apply to other resources of the stack (a bucket, the Cloudflare zone)", async () => {
            for (const r of [resource(aws.s3.Bucket, "media", { bucket: "m" }), cloudflareEdge()[0]]) {
                const o = await analyzeResource(policy, r);
                clean(o);
                assert.equal(o.notApplicable[0]?.policy, policy.name);
            }
        });
    });

    describe("backup-coverage: each side of every condition (mixed stacks)", () => {
        const policy = backup.backupCoverage;
        const cluster = (props: Record<string, unknown> = {}) =>
            resource(aws.rds.Cluster, "db", {
                engine: "aurora-mysql",
                clusterIdentifier: "hms-production-db",
                arn: UNKNOWN,
                ...props,
            });
        const instance = (name: string, props: Record<string, unknown> = {}) =>
            resource(aws.ec2.Instance, name, {
                instanceType: "m6i.2xlarge",
                ami: "ami-0abc",
                arn: UNKNOWN,
                tags: { Name: name },
                ...props,
            });
        const bucket = (name: string, props: Record<string, unknown> = {}) =>
            resource(aws.s3.Bucket, name, { bucket: `hms-production-${name}-1f2e`, arn: UNKNOWN, ...props });
        const selection = (props: Record<string, unknown>, opts: Parameters<typeof resource>[3] = {}) =>
            resource(
                aws.backup.Selection,
                "selection",
                { iamRoleArn: UNKNOWN, planId: UNKNOWN, name: "hms", ...props },
                opts,
            );
        const flagged = async (...stack: FakeResource[]) => messages(await analyzeStack(policy, mixed(...stack)));

        it("requires a standalone RDS instance (not a read replica) to be selected", async () => {
            const db = resource(aws.rds.Instance, "mysql", {
                engine: "mysql",
                instanceClass: "db.t4g.medium",
                arn: UNKNOWN,
            });
            assert.deepEqual(await flagged(db), [
                "database mysql is not selected by any AWS Backup selection (the stack has no aws.backup.Selection).",
            ]);
            clean(
                await analyzeStack(
                    policy,
                    mixed(db, selection({ resources: [UNKNOWN] }, { propertyDependencies: deps({ resources: db }) })),
                ),
            );
        });

        it("selects a standalone RDS instance by its ARN (arn:aws:rds:REGION:ACCOUNT:db:NAME) or a db:* pattern, not by a cluster pattern", async () => {
            const db = resource(aws.rds.Instance, "mysql", {
                engine: "mysql",
                instanceClass: "db.t4g.medium",
                arn: UNKNOWN,
            });
            clean(await analyzeStack(policy, mixed(db, selection({ resources: ["arn:aws:rds:*:*:db:*"] }))));
            clean(await analyzeStack(policy, mixed(db, selection({ resources: [`arn:aws:rds:${REGION}:*:db:*`] }))));
            assert.equal((await flagged(db, selection({ resources: ["arn:aws:rds:*:*:cluster:*"] }))).length, 1);
            assert.equal((await flagged(db, selection({ resources: ["arn:aws:ec2:*:*:*"] }))).length, 1);
            const arn = `arn:aws:rds:${REGION}:${ACCOUNT}:db:hms-production-mysql`;
            const known = resource(aws.rds.Instance, "mysql", { engine: "mysql", instanceClass: "db.t4g.medium", arn });
            clean(await analyzeStack(policy, mixed(known, selection({ resources: [arn] }))));
            const other = `arn:aws:rds:${REGION}:${ACCOUNT}:db:hms-staging-mysql`;
            assert.equal((await flagged(known, selection({ resources: [other] }))).length, 1);
        });

        it("cannot rule out a bucket whose ARN is not known yet by a name pattern (S3 ARNs have no resource type)", async () => {
            const media = bucket("media");
            clean(await analyzeStack(policy, mixed(media, selection({ resources: ["arn:aws:s3:::hms-*"] }))));
            assert.equal((await flagged(media, selection({ resources: ["arn:aws:rds:::hms-*"] }))).length, 1);
        });

        it("is not applicable to a stack without databases, instances or data buckets, and says so", async () => {
            const o = await analyzeStack(policy, mixed());
            clean(o);
            assert.match(o.notApplicable[0].reason, /no databases, instances or data buckets/);
        });

        it("escapes the ARN's dots: a bucket listed by its exact ARN is selected, a look-alike is not", async () => {
            const arn = "arn:aws:s3:::hms.production.media";
            const media = bucket("media", { bucket: "hms.production.media", arn });
            clean(await analyzeStack(policy, mixed(media, selection({ resources: [arn] }))));
            const lookalike = bucket("other", {
                bucket: "hmsXproduction.media",
                arn: "arn:aws:s3:::hmsXproduction.media",
            });
            assert.equal((await flagged(lookalike, selection({ resources: [arn] }))).length, 1);
        });

        it("matches patterns by service, region, account and resource type while ARNs are unknown", async () => {
            const db = cluster();
            const app = instance("app-1");
            const media = bucket("media");
            // S3 ARNs have an empty region and account.
            clean(await analyzeStack(policy, mixed(media, selection({ resources: ["arn:aws:s3:::*"] }))));
            // Same region, any account: selected; another region: not.
            clean(
                await analyzeStack(policy, mixed(db, selection({ resources: [`arn:aws:rds:${REGION}:*:cluster:*`] }))),
            );
            assert.equal(
                (await flagged(db, selection({ resources: [`arn:aws:rds:${DR_REGION}:*:cluster:*`] }))).length,
                1,
            );
            // A resource type wildcard of the service.
            clean(await analyzeStack(policy, mixed(app, selection({ resources: ["arn:aws:ec2:*:*:*"] }))));
            // Another resource type of the same service: DB instances are not clusters, volumes are not instances.
            assert.equal((await flagged(db, selection({ resources: ["arn:aws:rds:*:*:db:*"] }))).length, 1);
            assert.equal((await flagged(app, selection({ resources: ["arn:aws:ec2:*:*:volume/*"] }))).length, 1);
            // A pattern of six parts without the resource id cannot match a cluster ARN.
            assert.equal((await flagged(db, selection({ resources: ["arn:aws:rds:*:*:cluster"] }))).length, 1);
            // A named account cannot be compared yet, nor can a resource name pattern or a malformed pattern: no verdict.
            clean(
                await analyzeStack(policy, mixed(db, selection({ resources: [`arn:aws:rds:*:${ACCOUNT}:cluster:*`] }))),
            );
            clean(await analyzeStack(policy, mixed(db, selection({ resources: ["arn:aws:rds:*:*:cluster:hms-*"] }))));
            clean(await analyzeStack(policy, mixed(db, selection({ resources: ["arn:aws:rds:*:*:*hms*"] }))));
            clean(await analyzeStack(policy, mixed(db, selection({ resources: ["arn:aws:rds"] }))));
            // An instance whose region is not known yet matches a regional pattern.
            const unknownRegion = instance("app-2", { region: UNKNOWN });
            clean(
                await analyzeStack(
                    policy,
                    mixed(
                        resource(aws.ec2.Instance, "app-2", unknownRegion.props, { provider: awsProvider(UNKNOWN) }),
                        selection({ resources: [`arn:aws:ec2:${DR_REGION}:*:instance/*`] }),
                    ),
                ),
            );
        });

        it("applies notResources: '*', a type pattern or a linked exclusion excludes; an unknown account does not", async () => {
            const db = cluster();
            const app = instance("app-1");
            assert.equal((await flagged(db, selection({ resources: ["*"], notResources: ["*"] }))).length, 1);
            assert.equal(
                (await flagged(db, selection({ resources: ["*"], notResources: ["arn:aws:rds:*:*:*"] }))).length,
                1,
            );
            const media = bucket("media");
            assert.equal(
                (await flagged(media, selection({ resources: ["*"], notResources: ["arn:aws:s3:::*"] }))).length,
                1,
            );
            assert.deepEqual(
                await flagged(db, app, selection({ resources: ["*"], notResources: ["arn:aws:rds:*:*:cluster:*"] })),
                ["database db is not selected by any AWS Backup selection."],
            );
            clean(
                await analyzeStack(
                    policy,
                    mixed(db, selection({ resources: ["*"], notResources: [`arn:aws:rds:*:${ACCOUNT}:cluster:*`] })),
                ),
            );
            const linked = selection(
                { resources: ["*"], notResources: [UNKNOWN] },
                { propertyDependencies: deps({ notResources: db }) },
            );
            assert.deepEqual(await flagged(db, app, linked), [
                "database db is not selected by any AWS Backup selection.",
            ]);
        });

        it("treats unknown entries of `resources` as unknown unless the list's dependencies account for them", async () => {
            const db = cluster();
            const app = instance("app-1");
            // No dependency reported for `resources`, other properties linked: cannot tell.
            const role = resource(aws.iam.Role, "backup-role", { assumeRolePolicy: "{}", arn: UNKNOWN });
            const unlinked = selection({ resources: [UNKNOWN] }, { propertyDependencies: deps({ iamRoleArn: role }) });
            clean(await analyzeStack(policy, mixed(db, role, unlinked)));
            const nothing = selection({ resources: [UNKNOWN] });
            clean(await analyzeStack(policy, mixed(db, nothing)));
            // A host without property dependencies: the selection depends on the instance only.
            const older = selection({ resources: [UNKNOWN] }, { dependencies: [app.urn] });
            assert.deepEqual(await flagged(db, app, older), [
                "database db is not selected by any AWS Backup selection.",
            ]);
            // The list depends on the instance only: the unknown entry is the instance's ARN, not the database's.
            const onlyApp = selection({ resources: [UNKNOWN] }, { propertyDependencies: deps({ resources: app }) });
            assert.deepEqual(await flagged(db, app, onlyApp), [
                "database db is not selected by any AWS Backup selection.",
            ]);
        });

        it("selects every resource when a selection has neither resources nor tags (absent, null or empty)", async () => {
            const db = cluster();
            for (const none of [{}, { resources: null, selectionTags: null }, { resources: [], selectionTags: [] }]) {
                clean(await analyzeStack(policy, mixed(db, selection(none))));
                // ...and its conditions still apply.
                const staging = {
                    ...none,
                    conditions: [{ stringEquals: [{ key: "aws:ResourceTag/Environment", value: "staging" }] }],
                };
                assert.equal((await flagged(db, selection(staging))).length, 1, JSON.stringify(none));
            }
            // Tags only: an empty resources list does not select everything.
            const byTag = selection({
                resources: [],
                selectionTags: [{ type: "STRINGEQUALS", key: "Backup", value: "daily" }],
            });
            assert.equal((await flagged(db, byTag)).length, 1);
        });

        it("reads selection tags: null, unknown or unsupported entries cannot tell, a known mismatch does not select", async () => {
            const tagged = instance("app-1", { tags: { Backup: "daily" } });
            const untagged = instance("app-2");
            const tag = (t: unknown) => selection({ selectionTags: [t] });
            for (const t of [
                null,
                UNKNOWN,
                { type: "STRINGEQUALS", key: UNKNOWN, value: "daily" },
                { type: "STRINGEQUALS", key: "Backup", value: UNKNOWN },
                { type: "STRINGLIKE", key: "Backup", value: "dai*" },
            ]) {
                clean(await analyzeStack(policy, mixed(untagged, tag(t))));
            }
            clean(
                await analyzeStack(policy, mixed(tagged, tag({ type: "stringequals", key: "Backup", value: "daily" }))),
            );
            assert.equal(
                (await flagged(tagged, tag({ type: "STRINGEQUALS", key: "Backup", value: "weekly" }))).length,
                1,
            );
        });

        it("evaluates every condition operator from both sides, a missing tag included (not in the provider's default tags)", async () => {
            const prod = instance("app-1", { tags: { BackupTier: "production" } });
            const none = instance("app-2", { tags: {} });
            const cond = (op: string, value: string) =>
                selection({
                    resources: ["*"],
                    conditions: [{ [op]: [{ key: "aws:ResourceTag/BackupTier", value }] }],
                });
            const cases: Array<[string, string, FakeResource, boolean]> = [
                ["stringEquals", "production", prod, true],
                ["stringEquals", "production", none, false],
                ["stringLikes", "prod*", prod, true],
                ["stringLikes", "stag*", prod, false],
                ["stringLikes", "*", none, false],
                ["stringNotEquals", "staging", prod, true],
                ["stringNotEquals", "production", prod, false],
                ["stringNotEquals", "production", none, true],
                ["stringNotLikes", "stag*", prod, true],
                ["stringNotLikes", "prod*", prod, false],
                ["stringNotLikes", "prod*", none, true],
                ["stringNotLikes", "n*", none, true],
            ];
            for (const [op, value, target, selected] of cases) {
                const found = await flagged(target, cond(op, value));
                assert.equal(found.length, selected ? 0 : 1, `${op} ${value} on ${target.name}`);
            }
        });

        it("cannot tell from a condition that is null, unknown, incomplete or not on a resource tag", async () => {
            const app = instance("app-1", { tags: { Environment: "production" } });
            for (const conditions of [
                [null],
                UNKNOWN,
                [{ stringEquals: UNKNOWN }],
                [{ stringEquals: [{ key: UNKNOWN, value: "staging" }] }],
                [{ stringEquals: [{ key: "aws:ResourceTag/Environment", value: UNKNOWN }] }],
                [{ stringEquals: [{ key: "aws:ResourceTag/Environment" }] }],
                [{ stringEquals: [{ value: "staging" }] }],
                [{ stringEquals: [{ key: "aws:RequestTag/Environment", value: "staging" }] }],
            ]) {
                clean(await analyzeStack(policy, mixed(app, selection({ resources: ["*"], conditions }))));
            }
        });

        it("cannot tell whether a bucket whose tags are unknown is exempt", async () => {
            const unknownTags = bucket("media", { tags: UNKNOWN, tagsAll: UNKNOWN });
            clean(await analyzeStack(policy, mixed(unknownTags)));
            // Known tags without BackupExempt: a data bucket.
            assert.equal((await flagged(bucket("media", { tags: { Name: "media" } }))).length, 1);
        });

        it("exempts a replication destination by its known name or linked rules, never the source bucket", async () => {
            const media = bucket("media");
            const replica = bucket("replica", { bucket: "hms-production-replica-77aa" });
            const key = resource(aws.kms.Key, "dr-key", { arn: UNKNOWN });
            const sel = selection({ resources: [UNKNOWN] }, { propertyDependencies: deps({ resources: media }) });
            // Linked while the names are unknown; the rules also depend on the replica's KMS key.
            const linked = resource(
                aws.s3.BucketReplicationConfig,
                "replication",
                {
                    bucket: UNKNOWN,
                    role: UNKNOWN,
                    rules: [
                        {
                            id: "dr",
                            status: "Enabled",
                            destination: { bucket: UNKNOWN, encryptionConfiguration: { replicaKmsKeyId: UNKNOWN } },
                        },
                    ],
                },
                { propertyDependencies: deps({ bucket: media, rules: [key, replica] }) },
            );
            clean(await analyzeStack(policy, mixed(media, replica, key, linked, sel)));
            // Only a replication configuration makes a destination: a Cloudflare rule that points at the bucket does not.
            const redirect = resource(
                cloudflare.Ruleset,
                "redirect",
                {
                    zoneId: UNKNOWN,
                    kind: "zone",
                    phase: "http_request_dynamic_redirect",
                    rules: [{ action: "redirect", expression: "true" }],
                },
                { propertyDependencies: deps({ rules: replica }) },
            );
            assert.equal((await flagged(replica, redirect)).length, 1);
            // The source bucket is not exempt because the replication exists.
            assert.deepEqual(await flagged(media, replica, key, linked), [
                "data bucket media is not selected by any AWS Backup selection (the stack has no aws.backup.Selection).",
            ]);
            // By known value (the destination's ARN), without dependencies; null rules are skipped.
            const byName = resource(aws.s3.BucketReplicationConfig, "replication", {
                bucket: "hms-production-media-1f2e",
                role: "arn:aws:iam::123456789012:role/replication",
                rules: [
                    null,
                    {
                        id: "dr",
                        status: "Enabled",
                        destination: { bucket: "arn:aws:s3:::hms-production-replica-77aa" },
                    },
                ],
            });
            clean(await analyzeStack(policy, mixed(media, replica, byName, sel)));
            // A rule without a destination bucket names no bucket.
            const noDestination = resource(aws.s3.BucketReplicationConfig, "replication", {
                bucket: "hms-production-media-1f2e",
                rules: [{ id: "dr", status: "Enabled" }],
            });
            assert.equal((await flagged(replica, noDestination)).length, 1);
        });

        it("with unknown replication rules, exempts nothing the rules do not depend on, and cannot tell without dependencies", async () => {
            const replica = bucket("replica");
            const key = resource(aws.kms.Key, "dr-key", { arn: UNKNOWN });
            const config = (rules: unknown, ruleDeps: FakeResource[]) =>
                resource(
                    aws.s3.BucketReplicationConfig,
                    "replication",
                    { bucket: UNKNOWN, role: UNKNOWN, rules },
                    { propertyDependencies: ruleDeps.length ? deps({ rules: ruleDeps }) : undefined },
                );
            const unknownDestination = [{ id: "dr", status: "Enabled", destination: { bucket: UNKNOWN } }];
            for (const rules of [UNKNOWN, unknownDestination]) {
                assert.equal((await flagged(replica, key, config(rules, [key]))).length, 1, JSON.stringify(rules));
                clean(await analyzeStack(policy, mixed(replica, config(rules, []))));
            }
        });
    });

    describe("backup-cross-region-copy: each side of every condition (mixed stacks)", () => {
        const policy = backup.backupCrossRegionCopy;
        const vault = (name: string, region: string) =>
            resource(aws.backup.Vault, name, { name: `hms-${name}`, kmsKeyArn: UNKNOWN, region });
        const plan = (
            rules: unknown,
            ruleDeps: FakeResource[] = [],
            opts: { provider?: ReturnType<typeof awsProvider> } = {},
        ) =>
            resource(
                aws.backup.Plan,
                "plan",
                { name: "hms-production", rules },
                { propertyDependencies: ruleDeps.length ? deps({ rules: ruleDeps }) : undefined, ...opts },
            );
        const flagged = async (...stack: FakeResource[]) => messages(await analyzeStack(policy, mixed(...stack)));

        it("flags a plan without copy actions even when its region is not known yet", async () => {
            assert.deepEqual(
                await flagged(plan([dailyRule({ copyActions: undefined })], [], { provider: awsProvider(UNKNOWN) })),
                ["backup plan plan has no copy action: keep a copy of every recovery point in another region."],
            );
            // ...but cannot compare a copy's region with it.
            const same = `arn:aws:backup:${REGION}:${ACCOUNT}:backup-vault:hms-production-copy`;
            clean(
                await analyzeStack(
                    policy,
                    mixed(
                        plan([dailyRule({ copyActions: [{ destinationVaultArn: same }] })], [], {
                            provider: awsProvider(UNKNOWN),
                        }),
                    ),
                ),
            );
        });

        it("cannot tell while rules or copy actions are unknown or null", async () => {
            const local = vault("local", REGION);
            for (const rules of [
                UNKNOWN,
                [UNKNOWN],
                [null],
                [dailyRule({ copyActions: UNKNOWN })],
                [dailyRule({ copyActions: [UNKNOWN] })],
                [dailyRule({ copyActions: [null] })],
            ]) {
                clean(await analyzeStack(policy, mixed(local, plan(rules, [local]))));
            }
        });

        it("cannot compare regions when neither the plan's nor its vault's region is known", async () => {
            const unknown = awsProvider(UNKNOWN);
            const v = resource(aws.backup.Vault, "vault", { name: "hms", kmsKeyArn: UNKNOWN }, { provider: unknown });
            clean(await analyzeStack(policy, mixed(v, plan([dailyRule()], [v], { provider: unknown }))));
        });

        it("cannot tell when the rules depend on something besides same-region vaults", async () => {
            const local = vault("local", REGION);
            const key = resource(aws.kms.Key, "key", { arn: UNKNOWN, region: REGION });
            clean(await analyzeStack(policy, mixed(local, key, plan([dailyRule()], [local, key]))));
            // A vault in another region among the dependencies: not a same-region-only plan.
            const dr = vault("dr", DR_REGION);
            clean(await analyzeStack(policy, mixed(local, dr, plan([dailyRule()], [local, dr]))));
        });

        it("reads the region of a vault ARN, and nothing from a string that is not one", () => {
            assert.equal(backup.regionOfArn(`arn:aws:backup:${DR_REGION}:${ACCOUNT}:backup-vault:dr`), DR_REGION);
            assert.equal(backup.regionOfArn(`arn:aws:backup:${DR_REGION}:${ACCOUNT}:dr`), DR_REGION);
            assert.equal(backup.regionOfArn(`arn:aws:backup:${DR_REGION}:${ACCOUNT}`), undefined);
            assert.equal(backup.regionOfArn(`urn:aws:backup:${DR_REGION}:${ACCOUNT}:backup-vault:dr`), undefined);
            assert.equal(backup.regionOfArn(`arn:aws:backup::${ACCOUNT}:backup-vault:dr`), undefined);
        });
    });
});
