import * as assert from "node:assert/strict";
import * as aws from "@pulumi/aws";
import * as backup from "../../policies/backup";
import {
    ACCOUNT,
    analyzeResource,
    analyzeStack,
    awsProvider,
    deps,
    DR_REGION,
    FakeResource,
    messages,
    Outcome,
    REGION,
    resource,
    UNKNOWN,
} from "./harness";

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
});
