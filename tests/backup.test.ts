import * as assert from "assert";
import { ConfigError, parseConfig } from "../config";
import { Backup, restoreTestingName } from "../components/backup";
import { backupArgs } from "../components/tier-args";
import { MOCK_ACCOUNT_ID } from "../tools/mocks";
import { applyOverrides, Overrides, readStackConfig, runStack, StackRun } from "../tools/stack";
import { buildComponent, handedOver } from "./support/components";
import { keyArn, ofType, parseStack } from "./support/resources";
import { all, one, Resources } from "./support/assert";

type Lifecycle = { deleteAfter?: number; coldStorageAfter?: number };
type Rule = {
    ruleName: string;
    schedule: string;
    targetVaultName: string;
    enableContinuousBackup?: boolean;
    startWindow?: number;
    lifecycle?: Lifecycle;
    copyActions?: Array<{ destinationVaultArn: string; lifecycle?: Lifecycle }>;
};

const rulesOf = (run: Resources): Rule[] => one(run, "aws:backup/plan:Plan").inputs.rules as Rule[];
const vaults = (run: Resources) => all(run, "aws:backup/vault:Vault");
const primaryVault = (run: StackRun) => one(run, "aws:backup/vault:Vault", "-backup-vault");
const selections = (run: StackRun) => ofType(run, "aws:backup/selection:Selection");

/** ARNs a backup selection covers, and the resources it is linked to (as the policy pack sees them at preview). */
function selected(run: StackRun): { arns: Set<string>; urns: Set<string> } {
    const arns = new Set<string>();
    const urns = new Set<string>();
    for (const s of selections(run)) {
        (s.inputs.resources as string[]).forEach((a) => arns.add(a));
        (s.propertyDependencies.resources ?? []).forEach((u) => urns.add(u));
    }
    return { arns, urns };
}

function retention(stack: string): number {
    return Number(readStackConfig(stack)["hms:backupRetentionDays"]);
}

/**
 * The Backup tier of `stack` with `overrides`, built alone: its arguments are
 * components/tier-args.ts's backupArgs of the parsed configuration (what
 * hospital.ts's createBackup passes), with stand-ins for what the other tiers
 * hand over: the keys, and the ARNs of the database cluster, the media bucket
 * and one server of each server tier the stack has, which its selections and
 * restore tests name; each of the tiers the stack has, as in the program.
 */
async function backupBuiltAlone(
    stack: string,
    overrides: Overrides,
): Promise<{ run: Resources; protectedArns: { database: string; bucket: string; servers: string[] } }> {
    const c = parseStack(stack, overrides);
    const h = handedOver(c);
    const servers = [
        ...(c.app ? ["wordpress"] : []),
        ...(c.websocket ? ["websocket"] : []),
        ...(c.loadBalancer ? ["nginx"] : []),
        ...(c.monitoring?.grafana && c.security?.vpn ? ["grafana"] : []),
    ].map((server) => `arn:aws:ec2:${c.region}:${MOCK_ACCOUNT_ID}:instance/i-stand-in-${server}`);
    const resources = await buildComponent(
        () =>
            new Backup(
                `hms-${c.environment}-backup`,
                backupArgs(c, {
                    ...h,
                    network: c.tiers.network ? h.network : undefined,
                    database: c.database && c.tiers.network ? h.database : undefined,
                    storage: c.tiers.storage ? h.storage : undefined,
                    instanceArns: servers,
                }),
            ),
        c.region,
    );
    return {
        run: { resources },
        protectedArns: { database: h.database.clusterArn, bucket: h.storage.bucketArn, servers },
    };
}

describe("Backup (AWS Backup)", () => {
    const runs: Record<string, StackRun> = {};
    before(async function () {
        // Several full stacks run here; each takes a few seconds under mocks.
        this.timeout(180_000);
        runs.production = await runStack("production");
        runs.staging = await runStack("staging");
        runs.development = await runStack("development");
    });

    for (const stack of ["production", "staging", "development"]) {
        describe(stack, () => {
            it(`every rule and every copy keeps recovery points ${30} days (the configured retention)`, () => {
                const days = retention(stack);
                assert.strictEqual(days, 30);
                const rules = rulesOf(runs[stack]);
                assert.ok(rules.length >= 2);
                for (const r of rules) {
                    assert.strictEqual(r.lifecycle?.deleteAfter, days, `${r.ruleName}: deleteAfter`);
                    assert.strictEqual(
                        r.lifecycle?.coldStorageAfter,
                        undefined,
                        `${r.ruleName}: no cold storage (90-day minimum)`,
                    );
                    for (const c of r.copyActions ?? []) {
                        assert.strictEqual(c.lifecycle?.deleteAfter, days, `${r.ruleName}: copy deleteAfter`);
                    }
                }
            });

            it("only the daily rule copies to the DR vault: the hourly (continuous) rule never does", () => {
                const rules = rulesOf(runs[stack]);
                const daily = rules.find((r) => r.schedule === "cron(0 5 ? * * *)");
                const hourly = rules.find((r) => r.schedule === "cron(0 * ? * * *)");
                assert.ok(daily?.copyActions && daily.copyActions.length === 1, "the daily rule copies once a day");
                assert.ok(
                    hourly && (hourly.copyActions ?? []).length === 0,
                    "an hourly copy would queue ~720 full copies a month",
                );
            });

            it("daily full backups and hourly points: continuous for the database and bucket, hourly snapshots for servers", () => {
                const rules = rulesOf(runs[stack]);
                const daily = rules.find((r) => r.schedule === "cron(0 5 ? * * *)");
                const hourly = rules.find((r) => r.schedule === "cron(0 * ? * * *)");
                assert.ok(daily && hourly, rules.map((r) => `${r.ruleName} ${r.schedule}`).join("; "));
                assert.strictEqual(daily.enableContinuousBackup, false, "the daily rule takes full snapshots");
                assert.strictEqual(hourly.enableContinuousBackup, true);
                // A long start window would let the daily job absorb hourly points.
                rules.forEach((r) => assert.strictEqual(r.startWindow, 60, r.ruleName));
                const vaultName = primaryVault(runs[stack]).outputs.name;
                rules.forEach((r) => assert.strictEqual(r.targetVaultName, vaultName, r.ruleName));
            });

            it("copies land in a vault in another region, encrypted with that region's DR key", () => {
                const run = runs[stack];
                const plan = one(run, "aws:backup/plan:Plan");
                const destinations = new Set(
                    rulesOf(run).flatMap((r) => (r.copyActions ?? []).map((c) => c.destinationVaultArn)),
                );
                assert.strictEqual(destinations.size, 1);
                const [arn] = destinations;
                const dr = vaults(run).find((v) => v.outputs.arn === arn);
                assert.ok(dr, `no vault with ARN ${arn}`);
                assert.notStrictEqual(dr.inputs.region, plan.inputs.region);
                assert.strictEqual(dr.inputs.region, "us-east-1");
                assert.strictEqual(String(arn).split(":")[3], "us-east-1");
                assert.ok(plan.propertyDependencies.rules.includes(dr.urn), "the plan is linked to the DR vault");
                assert.strictEqual(dr.inputs.kmsKeyArn, keyArn(run, "dr"));
                assert.match(String(dr.inputs.kmsKeyArn), /^arn:aws:kms:us-east-1:/);
            });

            it("the primary vault is encrypted with the backup key, in the primary region", () => {
                const v = primaryVault(runs[stack]);
                assert.strictEqual(v.inputs.kmsKeyArn, keyArn(runs[stack], "backup"));
                assert.strictEqual(v.inputs.region, "sa-east-1");
            });

            it("the backup role has exactly the AWS managed backup and restore policies, for AWS Backup only", () => {
                const run = runs[stack];
                const role = one(run, "aws:iam/role:Role", "-backup-role");
                const trust = JSON.parse(String(role.inputs.assumeRolePolicy)).Statement;
                assert.deepStrictEqual(trust, [
                    { Effect: "Allow", Principal: { Service: "backup.amazonaws.com" }, Action: "sts:AssumeRole" },
                ]);
                const attached = ofType(run, "aws:iam/rolePolicyAttachment:RolePolicyAttachment")
                    .filter((a) => a.inputs.role === role.outputs.name)
                    .map((a) => a.inputs.policyArn)
                    .sort();
                // AWS managed policies for AWS Backup's service role: back up and restore EC2/EBS and
                // Aurora, and S3 (https://docs.aws.amazon.com/aws-backup/latest/devguide/security-iam-awsmanpol.html).
                assert.deepStrictEqual(attached, [
                    "arn:aws:iam::aws:policy/AWSBackupServiceRolePolicyForS3Backup",
                    "arn:aws:iam::aws:policy/AWSBackupServiceRolePolicyForS3Restore",
                    "arn:aws:iam::aws:policy/service-role/AWSBackupServiceRolePolicyForBackup",
                    "arn:aws:iam::aws:policy/service-role/AWSBackupServiceRolePolicyForRestores",
                ]);
                assert.ok(
                    !ofType(run, "aws:iam/rolePolicy:RolePolicy").some((p) => p.inputs.role === role.id),
                    "no inline policy",
                );
                selections(run).forEach((s) => assert.strictEqual(s.inputs.iamRoleArn, role.outputs.arn));
            });

            it("failed backup, copy and restore jobs are published to a topic encrypted with the logs key", () => {
                const run = runs[stack];
                const vault = primaryVault(run);
                const topic = one(run, "aws:sns/topic:Topic", "-backup-notifications");
                assert.strictEqual(topic.inputs.kmsMasterKeyId, keyArn(run, "logs"));
                const n = one(run, "aws:backup/vaultNotifications:VaultNotifications");
                assert.strictEqual(n.inputs.backupVaultName, vault.outputs.name);
                assert.strictEqual(n.inputs.snsTopicArn, topic.outputs.arn);
                // Failed backup and restore jobs are reported as *_COMPLETED with State FAILED/ABORTED/EXPIRED.
                for (const e of ["BACKUP_JOB_COMPLETED", "COPY_JOB_FAILED", "RESTORE_JOB_COMPLETED"]) {
                    assert.ok((n.inputs.backupVaultEvents as string[]).includes(e), e);
                }
                const policy = one(run, "aws:sns/topicPolicy:TopicPolicy", "-backup-notifications");
                assert.strictEqual(policy.inputs.arn, topic.outputs.arn);
                const [statement] = JSON.parse(String(policy.inputs.policy)).Statement;
                assert.deepStrictEqual(statement.Principal, { Service: "backup.amazonaws.com" });
                assert.strictEqual(statement.Action, "SNS:Publish");
                assert.strictEqual(statement.Condition.ArnLike["aws:SourceArn"], vault.outputs.arn);
                assert.ok(
                    n.dependencies.includes(policy.urn),
                    "notifications are set up once the topic admits AWS Backup",
                );
            });
        });
    }

    it("every database, EC2 instance and data bucket of production and staging is selected, by ARN and by dependency", () => {
        for (const stack of ["production", "staging"]) {
            const run = runs[stack];
            const { arns, urns } = selected(run);
            const databases = [...ofType(run, "aws:rds/cluster:Cluster"), ...ofType(run, "aws:rds/instance:Instance")];
            const servers = ofType(run, "aws:ec2/instance:Instance");
            const dataBuckets = ofType(run, "aws:s3/bucket:Bucket").filter(
                (b) => !(b.inputs.tags as Record<string, string> | undefined)?.BackupExempt,
            );
            assert.strictEqual(ofType(run, "aws:rds/cluster:Cluster").length, 1, `${stack}: one database cluster`);
            assert.ok(servers.length >= 4, `${stack}: WordPress, WebSocket and Nginx servers (${servers.length})`);
            assert.ok(
                dataBuckets.some((b) => b.name.endsWith("-storage-media")),
                `${stack}: the media bucket is a data bucket`,
            );
            for (const r of [...databases, ...servers, ...dataBuckets]) {
                assert.ok(
                    arns.has(String(r.outputs.arn)),
                    `${stack}: ${r.type} ${r.name} (${r.outputs.arn}) is in no backup selection`,
                );
                assert.ok(urns.has(r.urn), `${stack}: no selection depends on ${r.name}`);
            }
        }
    });

    it("development backs up its bucket (and has nothing else to back up)", () => {
        const run = runs.development;
        const media = one(run, "aws:s3/bucket:Bucket", "-storage-media");
        assert.deepStrictEqual([...selected(run).arns], [media.outputs.arn]);
        assert.strictEqual(selections(run).length, 1);
    });

    it("the vault lock keeps every recovery point at least the configured days, in both vaults", () => {
        for (const stack of ["production", "staging"]) {
            const run = runs[stack];
            const locks = ofType(run, "aws:backup/vaultLockConfiguration:VaultLockConfiguration");
            assert.deepStrictEqual(
                locks.map((l) => l.inputs.backupVaultName).sort(),
                vaults(run)
                    .map((v) => v.outputs.name)
                    .sort(),
                `${stack}: every vault is locked`,
            );
            for (const l of locks) {
                assert.strictEqual(l.inputs.minRetentionDays, retention(stack));
                assert.strictEqual(l.inputs.changeableForDays, 3);
                const vault = vaults(run).find((v) => v.outputs.name === l.inputs.backupVaultName);
                assert.strictEqual(l.inputs.region, vault?.inputs.region, "lock in its vault's region");
                assert.strictEqual(l.protect, true);
            }
        }
        assert.strictEqual(
            ofType(runs.development, "aws:backup/vaultLockConfiguration:VaultLockConfiguration").length,
            0,
        );
    });

    it("vaults are protected and keep their recovery points where data is protected", () => {
        for (const [stack, protect] of [
            ["production", true],
            ["staging", true],
            ["development", false],
        ] as const) {
            assert.strictEqual(vaults(runs[stack]).length, 2, stack);
            for (const v of vaults(runs[stack])) {
                assert.strictEqual(v.protect, protect, `${stack} ${v.name}`);
                assert.strictEqual(v.inputs.forceDestroy, !protect, `${stack} ${v.name}`);
            }
        }
    });

    it("the database's automated backups are kept as long as AWS Backup keeps its recovery points", () => {
        for (const stack of ["production", "staging"]) {
            const cluster = one(runs[stack], "aws:rds/cluster:Cluster");
            assert.strictEqual(cluster.inputs.backupRetentionPeriod, retention(stack));
        }
    });

    it("failures are e-mailed to the monitoring address (only jobs that did not complete)", () => {
        const sub = one(runs.production, "aws:sns/topicSubscription:TopicSubscription", "-backup-notifications-email");
        assert.strictEqual(sub.inputs.protocol, "email");
        assert.strictEqual(sub.inputs.endpoint, readStackConfig("production")["hms:monitoringAlarmEmail"]);
        assert.deepStrictEqual(JSON.parse(String(sub.inputs.filterPolicy)), {
            State: [{ "anything-but": "COMPLETED" }],
        });
        assert.strictEqual(
            ofType(runs.development, "aws:sns/topicSubscription:TopicSubscription").length,
            0,
            "development has no monitoring address",
        );
    });

    it("with monitoring, failed backup, copy and restore jobs raise alarms on the monitoring topic", () => {
        const run = runs.production;
        const topic = one(run, "aws:sns/topic:Topic", "-monitoring-alarms");
        const alarms = ofType(run, "aws:cloudwatch/metricAlarm:MetricAlarm").filter(
            (a) => a.inputs.namespace === "AWS/Backup",
        );
        assert.deepStrictEqual(alarms.map((a) => a.inputs.metricName).sort(), [
            "NumberOfBackupJobsFailed",
            "NumberOfCopyJobsFailed",
            "NumberOfRestoreJobsFailed",
        ]);
        for (const a of alarms) {
            assert.deepStrictEqual(a.inputs.alarmActions, [topic.outputs.arn]);
            assert.strictEqual(a.inputs.comparisonOperator, "GreaterThanThreshold");
            assert.strictEqual(a.inputs.threshold, 0);
        }
        assert.strictEqual(
            ofType(runs.development, "aws:cloudwatch/metricAlarm:MetricAlarm").length,
            0,
            "development has no monitoring tier",
        );
    });

    describe("restore testing", () => {
        it("production regularly restores a random recovery point of the database and of the bucket", () => {
            const run = runs.production;
            const plan = one(run, "aws:backup/restoreTestingPlan:RestoreTestingPlan");
            assert.match(String(plan.inputs.name), /^[A-Za-z0-9_]{1,50}$/);
            assert.match(String(plan.inputs.scheduleExpression), /^cron\(/);
            const sel = plan.inputs.recoveryPointSelection as Record<string, unknown>;
            assert.deepStrictEqual(sel.includeVaults, [primaryVault(run).outputs.arn]);
            assert.strictEqual(sel.selectionWindowDays, 30);
            assert.deepStrictEqual((sel.recoveryPointTypes as string[]).sort(), ["CONTINUOUS", "SNAPSHOT"]);

            const tests = ofType(run, "aws:backup/restoreTestingSelection:RestoreTestingSelection");
            assert.deepStrictEqual(tests.map((t) => t.inputs.protectedResourceType).sort(), ["Aurora", "S3"]);
            tests.forEach((t) => assert.strictEqual(t.inputs.restoreTestingPlanName, plan.outputs.name));
            const aurora = tests.find((t) => t.inputs.protectedResourceType === "Aurora");
            assert.deepStrictEqual(aurora?.inputs.protectedResourceArns, [
                one(run, "aws:rds/cluster:Cluster").outputs.arn,
            ]);
            const s3 = tests.find((t) => t.inputs.protectedResourceType === "S3");
            assert.deepStrictEqual(s3?.inputs.protectedResourceArns, [
                one(run, "aws:s3/bucket:Bucket", "-storage-media").outputs.arn,
            ]);
            // Restored patient files stay encrypted with the data key.
            assert.deepStrictEqual(s3?.inputs.restoreMetadataOverrides, {
                EncryptionType: "SSE_KMS",
                KmsKey: keyArn(run, "data"),
            });
        });

        it("restored databases land in the data subnets behind a security group that admits nothing", () => {
            const run = runs.production;
            const aurora = ofType(run, "aws:backup/restoreTestingSelection:RestoreTestingSelection").find(
                (t) => t.inputs.protectedResourceType === "Aurora",
            );
            const overrides = aurora?.inputs.restoreMetadataOverrides as Record<string, string>;
            const group = ofType(run, "aws:rds/subnetGroup:SubnetGroup").find(
                (g) => g.outputs.name === overrides.dbSubnetGroupName,
            );
            assert.ok(group, "restore subnet group");
            const dataSubnets = ofType(run, "aws:ec2/subnet:Subnet")
                .filter((s) => (s.inputs.tags as Record<string, string>).Tier === "data")
                .map((s) => s.id)
                .sort();
            assert.deepStrictEqual([...(group.inputs.subnetIds as string[])].sort(), dataSubnets);
            const [sgId] = JSON.parse(overrides.vpcSecurityGroupIds) as string[];
            const sg = ofType(run, "aws:ec2/securityGroup:SecurityGroup").find((g) => g.id === sgId);
            assert.ok(sg);
            assert.deepStrictEqual([sg.inputs.ingress, sg.inputs.egress], [[], []]);
            assert.ok(
                !ofType(run, "aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule").some(
                    (r) => r.inputs.securityGroupId === sgId,
                ),
            );
        });

        it("is off where configured off (development)", () => {
            assert.strictEqual(ofType(runs.development, "aws:backup/restoreTestingPlan:RestoreTestingPlan").length, 0);
        });

        it("plan names are valid for AWS Backup", () => {
            for (const n of ["hms-production-backup", "a".repeat(80), "x"]) {
                assert.match(restoreTestingName(n), /^[A-Za-z0-9_]{1,50}$/, n);
            }
        });
    });

    describe("configuration", () => {
        it("schedules, continuity, copies and locks follow the stack's config (staging's, Backup built alone)", async () => {
            const { run, protectedArns } = await backupBuiltAlone("staging", {
                backupContinuous: false,
                backupRetentionDays: 90,
                backupHourlySchedule: "cron(15 * ? * * *)",
                backupCopyToDr: false,
                backupVaultLock: false,
            });
            const rules = rulesOf(run);
            assert.ok(rules.length >= 2, "a daily and an hourly rule");
            assert.ok(rules.every((r) => r.enableContinuousBackup === false));
            assert.ok(rules.every((r) => r.lifecycle?.deleteAfter === 90));
            assert.ok(rules.some((r) => r.schedule === "cron(15 * ? * * *)"));
            assert.ok(rules.every((r) => r.copyActions === undefined));
            assert.strictEqual(vaults(run).length, 1);
            assert.strictEqual(all(run, "aws:backup/vaultLockConfiguration:VaultLockConfiguration").length, 0);
            // Snapshots only, and still of everything the stack hands over: the database, the bucket, the servers.
            const selected = all(run, "aws:backup/selection:Selection").flatMap((sel) => sel.inputs.resources);
            assert.ok(protectedArns.servers.length >= 3, "staging's WordPress, WebSocket and Nginx servers");
            assert.deepStrictEqual(
                selected.sort(),
                [protectedArns.database, protectedArns.bucket, ...protectedArns.servers].sort(),
            );
            const plan = one(run, "aws:backup/restoreTestingPlan:RestoreTestingPlan");
            assert.deepStrictEqual((plan.inputs.recoveryPointSelection as Record<string, unknown>).recoveryPointTypes, [
                "SNAPSHOT",
            ]);
        });

        it("continuous backups cannot be kept longer than 35 days: the error names the key", () => {
            const config = applyOverrides(readStackConfig("production"), { backupRetentionDays: 60 });
            const values = Object.fromEntries(
                Object.entries(config)
                    .filter(([k]) => k.startsWith("hms:"))
                    .map(([k, v]) => [k.slice(4), v]),
            );
            assert.throws(
                () => parseConfig("hms", values, config["aws:region"]),
                (e: unknown) =>
                    e instanceof ConfigError &&
                    e.problems.some((p) =>
                        p.startsWith(
                            "hms:backupRetentionDays = 60: must be at most 35 while hms:backupContinuous is true",
                        ),
                    ),
            );
        });
    });
});
