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
    restoreTesting?: RestoreTestingArgs;

    /** Receives failed backup, copy and restore jobs by e-mail (after confirming the subscription). */
    notificationEmail?: string;
    /** When set, CloudWatch alarms on failed backup, copy and restore jobs notify this topic. */
    alarmTopicArn?: pulumi.Input<string>;
    /** Protect the vaults from `pulumi destroy` and keep their recovery points. */
    protect: boolean;
}

export interface RestoreTestingArgs {
    bucketKmsKeyArn: pulumi.Input<string>;
    databaseNetwork?: { vpcId: pulumi.Input<string>; subnetIds: pulumi.Input<string>[] };
    /** Default: Mondays 06:00 UTC. */
    scheduleExpression?: string;
}

/** The role AWS Backup assumes, and its policy attachments (selections wait for them). */
interface BackupRole {
    role: aws.iam.Role;
    attachments: aws.iam.RolePolicyAttachment[];
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
        this.vault = new aws.backup.Vault(
            `${name}-vault`,
            { region: args.region, kmsKeyArn: args.backupKeyArn, forceDestroy: !args.protect },
            { parent: this, protect: args.protect },
        );
        this.vaultArn = this.vault.arn;
        const drVault = args.dr ? this.createDrVault(name, args, args.dr) : undefined;
        this.drVaultArn = drVault?.arn;
        if (args.vaultLock) {
            this.lockVaults(name, args, args.vaultLock, drVault);
        }
        this.plan = this.createPlan(name, args, drVault);
        this.planId = this.plan.id;
        const { role, attachments } = this.createRole(name);
        this.roleArn = role.arn;
        // Selections by explicit ARNs.
        const select = (kind: string, resources: pulumi.Input<pulumi.Input<string>[]> | undefined) =>
            resources === undefined || (Array.isArray(resources) && resources.length === 0)
                ? undefined
                : new aws.backup.Selection(
                      `${name}-${kind}`,
                      { region: args.region, planId: this.plan.id, iamRoleArn: role.arn, resources },
                      { parent: this, dependsOn: attachments },
                  );
        select("database", args.databaseClusterArns);
        select("buckets", args.bucketArns);
        select("servers", args.instanceArns);
        this.notificationTopicArn = this.createNotifications(name, args);
        if (args.alarmTopicArn) {
            this.alarms(name, args.region, args.alarmTopicArn);
        }
        if (args.restoreTesting && (args.databaseClusterArns !== undefined || args.bucketArns !== undefined)) {
            this.restoreTests(name, args, args.restoreTesting, { role, attachments });
        }
        this.registerOutputs({
            vaultArn: this.vaultArn,
            drVaultArn: this.drVaultArn,
            planId: this.planId,
            notificationTopicArn: this.notificationTopicArn,
        });
    }

    private createDrVault(name: string, args: BackupArgs, dr: NonNullable<BackupArgs["dr"]>): aws.backup.Vault {
        return new aws.backup.Vault(
            `${name}-dr-vault`,
            { region: dr.region, kmsKeyArn: dr.kmsKeyArn, forceDestroy: !args.protect },
            { parent: this, protect: args.protect },
        );
    }

    /** Vault Lock on the primary vault and the DR vault: no point can be deleted before its retention ends. */
    private lockVaults(
        name: string,
        args: BackupArgs,
        lock: NonNullable<BackupArgs["vaultLock"]>,
        drVault: aws.backup.Vault | undefined,
    ): void {
        for (const [suffix, vault, vaultRegion] of [
            ["vault-lock", this.vault, args.region],
            ...(drVault && args.dr ? [["dr-vault-lock", drVault, args.dr.region] as const] : []),
        ] as const) {
            new aws.backup.VaultLockConfiguration(
                `${name}-${suffix}`,
                {
                    backupVaultName: vault.name,
                    region: vaultRegion,
                    minRetentionDays: args.retentionDays,
                    changeableForDays: lock.changeableForDays,
                },
                { parent: this, protect: args.protect },
            );
        }
    }

    private createPlan(name: string, args: BackupArgs, drVault: aws.backup.Vault | undefined): aws.backup.Plan {
        const region = args.region;
        const parent = { parent: this };
        const lifecycle = { deleteAfter: args.retentionDays };
        const copyActions = drVault ? [{ destinationVaultArn: drVault.arn, lifecycle }] : undefined;
        return new aws.backup.Plan(
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
    }

    /** The role AWS Backup assumes to back up and restore, with its managed policies. */
    private createRole(name: string): BackupRole {
        const parent = { parent: this };
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
        return { role, attachments };
    }

    /** The vault's event topic (failed jobs mailed to `notificationEmail`); returns its ARN. */
    private createNotifications(name: string, args: BackupArgs): pulumi.Output<string> {
        const region = args.region;
        const parent = { parent: this };
        const account = aws.getCallerIdentityOutput({}, parent).accountId;
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
        return topic.arn;
    }

    private alarms(name: string, region: string, alarmTopicArn: pulumi.Input<string>): void {
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
                    alarmActions: [alarmTopicArn],
                },
                { parent: this },
            );
        }
    }

    /** Restores of random recovery points, validated and then deleted by AWS Backup, every week. */
    private restoreTests(name: string, args: BackupArgs, rt: RestoreTestingArgs, backupRole: BackupRole): void {
        const region = args.region;
        const { role, attachments } = backupRole;
        const testPlan = new aws.backup.RestoreTestingPlan(
            `${name}-restore-tests`,
            {
                name: restoreTestingName(name),
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
            { parent: this },
        );
        const selection = (
            kind: string,
            type: string,
            arns: BackupArgs["bucketArns"],
            overrides: pulumi.Input<Record<string, pulumi.Input<string>>> | undefined,
        ) =>
            new aws.backup.RestoreTestingSelection(
                `${name}-restore-test-${kind}`,
                {
                    name: kind,
                    region,
                    restoreTestingPlanName: testPlan.name,
                    protectedResourceType: type,
                    protectedResourceArns: arns,
                    iamRoleArn: role.arn,
                    restoreMetadataOverrides: overrides,
                    validationWindowHours: 1,
                },
                { parent: this, dependsOn: attachments },
            );
        if (args.databaseClusterArns !== undefined) {
            const network = rt.databaseNetwork;
            selection(
                "database",
                "Aurora",
                args.databaseClusterArns,
                network && this.restoreNetwork(name, region, network),
            );
        }
        if (args.bucketArns !== undefined) {
            // The scratch bucket of a restore test holds patient files too: encrypt them with the data key.
            selection("buckets", "S3", args.bucketArns, { EncryptionType: "SSE_KMS", KmsKey: rt.bucketKmsKeyArn });
        }
    }

    /** Restored clusters land in the data subnets behind a group that admits nothing. */
    private restoreNetwork(
        name: string,
        region: string,
        network: NonNullable<RestoreTestingArgs["databaseNetwork"]>,
    ): Record<string, pulumi.Input<string>> {
        const sg = new aws.ec2.SecurityGroup(
            `${name}-restore-test-sg`,
            {
                region,
                vpcId: network.vpcId,
                description: "Databases restored by AWS Backup restore tests: no ingress, no egress",
                ingress: [],
                egress: [],
                tags: { Name: `${name}-restore-test` },
            },
            { parent: this },
        );
        const subnets = new aws.rds.SubnetGroup(
            `${name}-restore-test`,
            { region, subnetIds: network.subnetIds, description: "Databases restored by AWS Backup restore tests" },
            { parent: this },
        );
        return { dbSubnetGroupName: subnets.name, vpcSecurityGroupIds: pulumi.jsonStringify([sg.id]) };
    }
}

/** Restore testing plan names: 1-50 letters, digits and underscores. */
export function restoreTestingName(name: string): string {
    const n = `${name.replace(/[^A-Za-z0-9]+/g, "_")}_restore_tests`;
    return n.length <= 50 ? n : n.slice(n.length - 50).replace(/^_+/, "");
}
