// @ts-nocheck
// 
import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";

export interface BackupArgs {
    /** Primary region: vault, plan, selections, notifications. */
    region: string;
    /** Encrypts the primary vault. */
    backupKeyArn: pulumi.Input<string>;
    /** Encrypts the notification topic. */
    logsKeyArn: pulumi.Input<string>;
    /** Days every recovery point and every copy is kept (the vault lock's minimum). */
    retentionDays: number;
    /** AWS cron expression of the daily full backup (UTC). */
    dailySchedule: string;
    /** AWS cron expression of the hourly backup (UTC). */
    hourlySchedule: string;
    /**
     * The hourly rule keeps continuous backups (point-in-time restore) of the
     * resource types that support them (Aurora, S3); EC2 gets hourly snapshots.
     * Continuous backups are kept at most 35 days.
     */
    continuous: boolean;
    /** Copies every recovery point to a vault in another region, encrypted with a key of that region. */
    dr?: { region: string; kmsKeyArn: pulumi.Input<string> };
    /**
     * Vault lock on both vaults: recovery points cannot be deleted or shortened below
     * `retentionDays`; after `changeableForDays` the lock itself becomes immutable.
     */
    vaultLock?: { changeableForDays: number };

    /** Aurora / RDS cluster ARNs to back up (continuous + snapshots). */
    databaseClusterArns?: pulumi.Input<pulumi.Input<string>[]>;
    /** S3 bucket ARNs to back up (continuous + snapshots; versioning required). */
    bucketArns?: pulumi.Input<pulumi.Input<string>[]>;
    /** EC2 instance ARNs to back up (AMIs with all their EBS volumes). */
    instanceArns?: pulumi.Input<pulumi.Input<string>[]>;

    /**
     * A weekly AWS Backup restore test of the database and buckets: recovery
     * points are restored, checked, and deleted. Databases are restored into
     * `databaseNetwork` (isolated, no ingress); buckets into a new bucket
     * encrypted with `bucketKmsKeyArn`.
     */
    restoreTesting?: {
        bucketKmsKeyArn: pulumi.Input<string>;
        databaseNetwork?: { vpcId: pulumi.Input<string>; subnetIds: pulumi.Input<string>[] };
        /** Default: Mondays 06:00 UTC. */
        scheduleExpression?: string;
    };

    /** Receives failed backup, copy and restore jobs by e-mail (after confirming the subscription). */
    notificationEmail?: string;
    /** When set, CloudWatch alarms on failed backup, copy and restore jobs notify this topic. */
    alarmTopicArn?: pulumi.Input<string>;
    /** Protect the vaults from `pulumi destroy` and keep their recovery points. */
    protect: boolean;
}

/** Vault events sent to the notification topic (the deprecated *_FAILED job events never fire). */
export const VAULT_EVENTS = [
    "BACKUP_JOB_COMPLETED",
    "COPY_JOB_FAILED",
    "RESTORE_JOB_COMPLETED",
    "S3_BACKUP_OBJECT_FAILED",
    "S3_RESTORE_OBJECT_FAILED",
];

/** AWS managed policies of the backup role: back up and restore EC2/EBS, Aurora/RDS and S3. */
export const BACKUP_ROLE_POLICIES = [
    "arn:aws:iam::aws:policy/service-role/AWSBackupServiceRolePolicyForBackup",
    "arn:aws:iam::aws:policy/service-role/AWSBackupServiceRolePolicyForRestores",
    "arn:aws:iam::aws:policy/AWSBackupServiceRolePolicyForS3Backup",
    "arn:aws:iam::aws:policy/AWSBackupServiceRolePolicyForS3Restore",
];

/**
 * AWS Backup for one environment. A plan with two rules, both keeping every
 * recovery point `retentionDays` and copying it to the DR vault for as long:
 * - `daily-full`: a daily snapshot of every selected resource;
 * - `hourly`: continuous backup (point-in-time restore) of Aurora and S3, and
 *   an hourly snapshot of EC2 instances (which have no continuous backup).
 * The primary vault (backup key) and the DR vault (DR key, DR region) are
 * locked when `vaultLock` is set. Failed jobs are published to an SNS topic
 * (logs key) and optionally e-mailed; a restore testing plan regularly proves
 * that the database and buckets can be restored.
 */
export class Backup extends pulumi.ComponentResource {
    public readonly vault: aws.backup.Vault;
    public readonly vaultArn: pulumi.Output<string>;
    public readonly drVaultArn?: pulumi.Output<string>;
    public readonly plan: aws.backup.Plan;
    public readonly planId: pulumi.Output<string>;
    public readonly roleArn: pulumi.Output<string>;
    public readonly notificationTopicArn: pulumi.Output<string>;

    constructor(name: string, args: BackupArgs, opts?: pulumi.ComponentResourceOptions) {
        super("hms:backup:Backup", name, {}, opts);
        const parent = { parent: this };
        const region = args.region;
        const account = aws.getCallerIdentityOutput({}, parent).accountId;
        const vaultOpts: pulumi.CustomResourceOptions = { parent: this, protect: args.protect };

        // --- vaults ----------------------------------------------------------------------
        this.vault = new aws.backup.Vault(
            `${name}-vault`,
            { region, kmsKeyArn: args.backupKeyArn, forceDestroy: !args.protect },
            vaultOpts,
        );
        this.vaultArn = this.vault.arn;
        let drVault: aws.backup.Vault | undefined;
        if (args.dr) {
            drVault = new aws.backup.Vault(
                `${name}-dr-vault`,
                { region: args.dr.region, kmsKeyArn: args.dr.kmsKeyArn, forceDestroy: !args.protect },
                vaultOpts,
            );
            this.drVaultArn = drVault.arn;
        }
        if (args.vaultLock) {
            for (const [suffix, vault, vaultRegion] of [
                ["vault-lock", this.vault, region],
                ...(drVault && args.dr ? [["dr-vault-lock", drVault, args.dr.region] as const] : []),
            ] as const) {
                new aws.backup.VaultLockConfiguration(
                    `${name}-${suffix}`,
                    {
                        backupVaultName: vault.name,
                        region: vaultRegion,
                        minRetentionDays: args.retentionDays,
                        changeableForDays: args.vaultLock.changeableForDays,
                    },
                    vaultOpts,
                );
            }
        }

        // --- plan --------------------------------------------------------------------------
        const lifecycle = { deleteAfter: args.retentionDays };
        const copyActions = drVault ? [{ destinationVaultArn: drVault.arn, lifecycle }] : undefined;
        this.plan = new aws.backup.Plan(
            `${name}-plan`,
            {
                region,
                rules: [
                    {
                        ruleName: "daily-full",
                        targetVaultName: this.vault.name,
                        schedule: args.dailySchedule,
                        // Short windows keep the daily job from shadowing hourly points
                        // (overlapping rules are merged over their whole start window).
                        startWindow: 60,
                        completionWindow: 24 * 60,
                        enableContinuousBackup: false,
                        lifecycle,
                        copyActions,
                        recoveryPointTags: { BackupRule: "daily-full" },
                    },
                    {
                        ruleName: "hourly",
                        targetVaultName: this.vault.name,
                        schedule: args.hourlySchedule,
                        startWindow: 60,
                        completionWindow: 24 * 60,
                        enableContinuousBackup: args.continuous,
                        lifecycle,
                        // No copy from the hourly rule: AWS Backup would snapshot and copy every
                        // hour (Aurora copies are always full, at most 5 run at once per region
                        // pair), about 720 full copies held in a locked vault and a queue that never
                        // drains. The DR region gets the daily copy; point-in-time recovery in the
                        // primary region needs none.
                        // https://docs.aws.amazon.com/aws-backup/latest/devguide/cross-region-backup.html
                        recoveryPointTags: { BackupRule: "hourly" },
                    },
                ],
            },
            parent,
        );
        this.planId = this.plan.id;

        // --- role ----------------------------------------------------------------------------
        const role = new aws.iam.Role(
            `${name}-role`,
            {
                description: `AWS Backup: back up and restore the ${name} resources`,
                assumeRolePolicy: JSON.stringify({
                    Version: "2012-10-17",
                    Statement: [
                        { Effect: "Allow", Principal: { Service: "backup.amazonaws.com" }, Action: "sts:AssumeRole" },
                    ],
                }),
            },
            parent,
        );
        const attachments = BACKUP_ROLE_POLICIES.map(
            (policyArn) =>
                new aws.iam.RolePolicyAttachment(
                    `${name}-role-${policyArn.split("/").pop()}`,
                    { role: role.name, policyArn },
                    parent,
                ),
        );
        this.roleArn = role.arn;

        // --- selections (explicit ARNs) ------------------------------------------------------------
        const select = (kind: string, resources: pulumi.Input<pulumi.Input<string>[]> | undefined) =>
            resources === undefined || (Array.isArray(resources) && resources.length === 0)
                ? undefined
                : new aws.backup.Selection(
                      `${name}-${kind}`,
                      { region, planId: this.plan.id, iamRoleArn: role.arn, resources },
                      { parent: this, dependsOn: attachments },
                  );
        select("database", args.databaseClusterArns);
        select("buckets", args.bucketArns);
        select("servers", args.instanceArns);

        // --- notifications ---------------------------------------------------------------------
        const topic = new aws.sns.Topic(`${name}-notifications`, { region, kmsMasterKeyId: args.logsKeyArn }, parent);
        const topicPolicy = new aws.sns.TopicPolicy(
            `${name}-notifications`,
            {
                arn: topic.arn,
                region,
                policy: pulumi.jsonStringify({
                    Version: "2012-10-17",
                    Statement: [
                        {
                            Sid: "AwsBackupPublishesVaultEvents",
                            Effect: "Allow",
                            Principal: { Service: "backup.amazonaws.com" },
                            Action: "SNS:Publish",
                            Resource: topic.arn,
                            Condition: {
                                StringEquals: { "aws:SourceAccount": account },
                                ArnLike: { "aws:SourceArn": this.vault.arn },
                            },
                        },
                    ],
                }),
            },
            parent,
        );
        new aws.backup.VaultNotifications(
            `${name}-vault-notifications`,
            { region, backupVaultName: this.vault.name, snsTopicArn: topic.arn, backupVaultEvents: VAULT_EVENTS },
            { parent: this, dependsOn: [topicPolicy] },
        );
        if (args.notificationEmail) {
            new aws.sns.TopicSubscription(
                `${name}-notifications-email`,
                {
                    region,
                    topic: topic.arn,
                    protocol: "email",
                    endpoint: args.notificationEmail,
                    // Only jobs that did not complete (failed, aborted, expired, partial).
                    filterPolicyScope: "MessageAttributes",
                    filterPolicy: JSON.stringify({ State: [{ "anything-but": "COMPLETED" }] }),
                },
                parent,
            );
        }
        this.notificationTopicArn = topic.arn;

        if (args.alarmTopicArn) {
            for (const [metric, what] of [
                ["NumberOfBackupJobsFailed", "backup"],
                ["NumberOfCopyJobsFailed", "cross-region copy"],
                ["NumberOfRestoreJobsFailed", "restore"],
            ] as const) {
                new aws.cloudwatch.MetricAlarm(
                    `${name}-${what.replace(/\W+/g, "-")}-jobs-failed`,
                    {
                        region,
                        alarmDescription: `AWS Backup ${what} jobs failed in ${region} (see the ${name} notification topic for the job)`,
                        namespace: "AWS/Backup",
                        metricName: metric,
                        statistic: "Sum",
                        period: 3600,
                        evaluationPeriods: 1,
                        threshold: 0,
                        comparisonOperator: "GreaterThanThreshold",
                        treatMissingData: "notBreaching",
                        alarmActions: [args.alarmTopicArn],
                    },
                    parent,
                );
            }
        }

        // --- restore testing ------------------------------------------------------------------------
        if (args.restoreTesting && (args.databaseClusterArns !== undefined || args.bucketArns !== undefined)) {
            const rt = args.restoreTesting;
            const planName = restoreTestingName(name);
            const testPlan = new aws.backup.RestoreTestingPlan(
                `${name}-restore-tests`,
                {
                    name: planName,
                    region,
                    scheduleExpression: rt.scheduleExpression ?? "cron(0 6 ? * MON *)",
                    scheduleExpressionTimezone: "Etc/UTC",
                    startWindowHours: 24,
                    recoveryPointSelection: {
                        // Any point of the retention period must restore, not only the newest.
                        algorithm: "RANDOM_WITHIN_WINDOW",
                        includeVaults: [this.vault.arn],
                        recoveryPointTypes: args.continuous ? ["CONTINUOUS", "SNAPSHOT"] : ["SNAPSHOT"],
                        selectionWindowDays: Math.min(args.retentionDays, 365),
                    },
                },
                parent,
            );
            if (args.databaseClusterArns !== undefined) {
                let overrides: pulumi.Input<Record<string, pulumi.Input<string>>> | undefined;
                if (rt.databaseNetwork) {
                    // Restored clusters land in the data subnets behind a group that admits nothing.
                    const sg = new aws.ec2.SecurityGroup(
                        `${name}-restore-test-sg`,
                        {
                            region,
                            vpcId: rt.databaseNetwork.vpcId,
                            description: "Databases restored by AWS Backup restore tests: no ingress, no egress",
                            ingress: [],
                            egress: [],
                            tags: { Name: `${name}-restore-test` },
                        },
                        parent,
                    );
                    const subnets = new aws.rds.SubnetGroup(
                        `${name}-restore-test`,
                        {
                            region,
                            subnetIds: rt.databaseNetwork.subnetIds,
                            description: "Databases restored by AWS Backup restore tests",
                        },
                        parent,
                    );
                    overrides = {
                        dbSubnetGroupName: subnets.name,
                        vpcSecurityGroupIds: pulumi.jsonStringify([sg.id]),
                    };
                }
                new aws.backup.RestoreTestingSelection(
                    `${name}-restore-test-database`,
                    {
                        name: "database",
                        region,
                        restoreTestingPlanName: testPlan.name,
                        protectedResourceType: "Aurora",
                        protectedResourceArns: args.databaseClusterArns,
                        iamRoleArn: role.arn,
                        restoreMetadataOverrides: overrides,
                        validationWindowHours: 1,
                    },
                    { parent: this, dependsOn: attachments },
                );
            }
            if (args.bucketArns !== undefined) {
                new aws.backup.RestoreTestingSelection(
                    `${name}-restore-test-buckets`,
                    {
                        name: "buckets",
                        region,
                        restoreTestingPlanName: testPlan.name,
                        protectedResourceType: "S3",
                        protectedResourceArns: args.bucketArns,
                        iamRoleArn: role.arn,
                        // The scratch bucket of a restore test holds patient files too: encrypt them with the data key.
                        restoreMetadataOverrides: { EncryptionType: "SSE_KMS", KmsKey: rt.bucketKmsKeyArn },
                        validationWindowHours: 1,
                    },
                    { parent: this, dependsOn: attachments },
                );
            }
        }

        this.registerOutputs({
            vaultArn: this.vaultArn,
            drVaultArn: this.drVaultArn,
            planId: this.planId,
            notificationTopicArn: this.notificationTopicArn,
        });
    }
}

/** Restore testing plan names: 1-50 letters, digits and underscores. */
export function restoreTestingName(name: string): string {
    const n = `${name.replace(/[^A-Za-z0-9]+/g, "_")}_restore_tests`;
    return n.length <= 50 ? n : n.slice(n.length - 50).replace(/^_+/, "");
}
