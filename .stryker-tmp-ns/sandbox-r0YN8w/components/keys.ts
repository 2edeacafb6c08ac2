// @ts-nocheck
import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";

export interface KeysArgs {
    /** Primary region (where the data lives). */
    region: string;
    /** When set, a key in that region for the disaster-recovery copies (backup vault, bucket replica). */
    drRegion?: string;
    /** Protect the keys from `pulumi destroy` and keep them on delete (a deleted key loses every backup it encrypts). */
    protect: boolean;
    /** Days AWS waits before deleting a key scheduled for deletion, 7-30. */
    deletionWindowInDays?: number;
}

/**
 * Customer managed KMS keys, with yearly rotation, for the data tiers:
 * - `dataKey`: databases, caches, buckets, EBS volumes, Secrets Manager secrets;
 * - `logsKey`: CloudWatch Logs, CloudTrail and the SNS topics of alarms and backup notifications;
 * - `backupKey`: AWS Backup vaults in the primary region;
 * - `drKey`: the DR region's backup vault and bucket replica (when `drRegion` is set).
 * Key policies give the account's IAM policies control (so roles need explicit
 * grants) and let the AWS services that encrypt on their own behalf use the key.
 */
export class Keys extends pulumi.ComponentResource {
    public readonly dataKey: aws.kms.Key;
    public readonly logsKey: aws.kms.Key;
    public readonly backupKey: aws.kms.Key;
    public readonly drKey?: aws.kms.Key;
    public readonly dataKeyArn: pulumi.Output<string>;
    public readonly logsKeyArn: pulumi.Output<string>;
    public readonly backupKeyArn: pulumi.Output<string>;
    public readonly drKeyArn?: pulumi.Output<string>;

    constructor(name: string, args: KeysArgs, opts?: pulumi.ComponentResourceOptions) {
        super("hms:security:Keys", name, {}, opts);
        const account = aws.getCallerIdentityOutput({}, { parent: this }).accountId;
        const keyOpts: pulumi.CustomResourceOptions = {
            parent: this,
            protect: args.protect,
            retainOnDelete: args.protect,
        };
        const deletionWindowInDays = args.deletionWindowInDays ?? 30;

        const makeKey = (suffix: string, description: string, region: string, services: pulumi.Input<object>[]) =>
            new aws.kms.Key(
                `${name}-${suffix}`,
                {
                    description,
                    region,
                    enableKeyRotation: true,
                    rotationPeriodInDays: 365,
                    deletionWindowInDays,
                    keyUsage: "ENCRYPT_DECRYPT",
                    customerMasterKeySpec: "SYMMETRIC_DEFAULT",
                    policy: pulumi.jsonStringify({
                        Version: "2012-10-17",
                        Statement: [
                            {
                                Sid: "AccountAdministersKeyThroughIam",
                                Effect: "Allow",
                                Principal: { AWS: pulumi.interpolate`arn:aws:iam::${account}:root` },
                                Action: "kms:*",
                                Resource: "*",
                            },
                            ...services,
                        ],
                    }),
                },
                keyOpts,
            );

        const alias = (key: aws.kms.Key, suffix: string, region: string) =>
            new aws.kms.Alias(
                `${name}-${suffix}`,
                { name: `alias/${name}-${suffix}`, targetKeyId: key.keyId, region },
                { parent: this },
            );

        this.dataKey = makeKey("data", `${name}: databases, caches, buckets, volumes and secrets`, args.region, []);
        alias(this.dataKey, "data", args.region);

        this.logsKey = makeKey("logs", `${name}: logs, audit trail and notifications`, args.region, [
            {
                Sid: "CloudWatchLogsEncryptsLogGroups",
                Effect: "Allow",
                Principal: { Service: `logs.${args.region}.amazonaws.com` },
                Action: ["kms:Encrypt*", "kms:Decrypt*", "kms:ReEncrypt*", "kms:GenerateDataKey*", "kms:Describe*"],
                Resource: "*",
                Condition: {
                    ArnLike: {
                        "kms:EncryptionContext:aws:logs:arn": pulumi.interpolate`arn:aws:logs:${args.region}:${account}:*`,
                    },
                },
            },
            {
                Sid: "CloudTrailEncryptsLogs",
                Effect: "Allow",
                Principal: { Service: "cloudtrail.amazonaws.com" },
                Action: "kms:GenerateDataKey*",
                Resource: "*",
                Condition: {
                    StringLike: {
                        "kms:EncryptionContext:aws:cloudtrail:arn": pulumi.interpolate`arn:aws:cloudtrail:*:${account}:trail/*`,
                    },
                    StringEquals: { "aws:SourceAccount": account },
                },
            },
            {
                Sid: "CloudTrailDescribesKey",
                Effect: "Allow",
                Principal: { Service: "cloudtrail.amazonaws.com" },
                Action: "kms:DescribeKey",
                Resource: "*",
            },
            {
                Sid: "ServicesPublishToEncryptedTopics",
                Effect: "Allow",
                Principal: {
                    Service: [
                        "cloudwatch.amazonaws.com",
                        "backup.amazonaws.com",
                        "events.amazonaws.com",
                        "aps.amazonaws.com",
                    ],
                },
                Action: ["kms:Decrypt", "kms:GenerateDataKey*"],
                Resource: "*",
                Condition: { StringEquals: { "aws:SourceAccount": account } },
            },
        ]);
        alias(this.logsKey, "logs", args.region);

        this.backupKey = makeKey("backup", `${name}: AWS Backup recovery points`, args.region, []);
        alias(this.backupKey, "backup", args.region);

        if (args.drRegion) {
            this.drKey = makeKey("dr", `${name}: disaster-recovery copies in ${args.drRegion}`, args.drRegion, []);
            alias(this.drKey, "dr", args.drRegion);
            this.drKeyArn = this.drKey.arn;
        }

        this.dataKeyArn = this.dataKey.arn;
        this.logsKeyArn = this.logsKey.arn;
        this.backupKeyArn = this.backupKey.arn;
        this.registerOutputs({
            dataKeyArn: this.dataKeyArn,
            logsKeyArn: this.logsKeyArn,
            backupKeyArn: this.backupKeyArn,
            drKeyArn: this.drKeyArn,
        });
    }
}
