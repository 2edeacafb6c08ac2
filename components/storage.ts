import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { CLINICAL_OBJECT_PREFIX } from "../templates/clinical-files";

export interface ObjectLockArgs {
    /** Object Lock can only be switched on when a bucket is created. */
    enabled: boolean;
    mode: "GOVERNANCE" | "COMPLIANCE";
    /** Default retention of every new object version. */
    days: number;
}

export interface StorageArgs {
    /** Region of the media bucket. */
    region: string;
    /** KMS key that encrypts the media bucket (SSE-KMS with bucket keys). */
    dataKeyArn: pulumi.Input<string>;
    /** `DataClassification` tag of the media bucket, for example `phi-restricted`. */
    dataClassification: string;
    /** Days before a noncurrent object version moves to Glacier Instant Retrieval (30 or more). */
    noncurrentTransitionDays: number;
    /** Days before a noncurrent object version is deleted; more than `noncurrentTransitionDays`. */
    noncurrentExpirationDays: number;
    /** Days S3 server access logs are kept. */
    accessLogRetentionDays: number;
    /** WORM retention of medical images. */
    objectLock?: ObjectLockArgs;
    /**
     * Replicates every object version to a bucket in `region` (the DR region),
     * encrypted with `kmsKeyArn` (a key of that region).
     */
    replica?: { region: string; kmsKeyArn: pulumi.Input<string> };
    /** Protect the buckets from `pulumi destroy` and refuse to delete them while they hold objects. */
    protect: boolean;
}

/** Days after which S3 aborts an incomplete multipart upload (and stops charging for its parts). */
export const ABORT_MULTIPART_AFTER_DAYS = 7;

/** The tag that tells the backup policy why a bucket is deliberately not in a backup plan. */
export const BACKUP_EXEMPT_TAG = "BackupExempt";

/**
 * Files and medical images of one environment: a versioned S3 bucket encrypted
 * with the data key (SSE-KMS, bucket keys), public access blocked, ACLs off,
 * TLS 1.2+ only, uploads refused unless encrypted with the data key; server
 * access logs go to a log bucket; lifecycle rules move old versions to colder
 * storage and expire them. Optionally Object Lock for images that must be
 * retained, and replication to a bucket in the DR region encrypted with the DR
 * key, whose server access logs go to a log bucket of the DR region.
 * `accessPolicyArn` is the managed policy that lets this environment's
 * servers use this bucket and nothing else.
 */
export class Storage extends pulumi.ComponentResource {
    public readonly bucket: aws.s3.Bucket;
    public readonly bucketName: pulumi.Output<string>;
    public readonly bucketArn: pulumi.Output<string>;
    /** Managed IAM policy: read/write/delete/list in this bucket and use of the data key through S3. */
    public readonly accessPolicyArn: pulumi.Output<string>;
    public readonly logBucketName: pulumi.Output<string>;
    public readonly logBucketArn: pulumi.Output<string>;
    /** KMS key of clinical files (the bucket's `CLINICAL_OBJECT_PREFIX`): uploads there must name it. */
    public readonly clinicalKeyArn: pulumi.Output<string>;
    public readonly replicaBucketName?: pulumi.Output<string>;
    public readonly replicaBucketArn?: pulumi.Output<string>;
    /** The DR region's bucket of the replica's server access logs. */
    public readonly replicaLogBucketName?: pulumi.Output<string>;

    constructor(name: string, args: StorageArgs, opts?: pulumi.ComponentResourceOptions) {
        super("hms:storage:Storage", name, {}, opts);
        validate(name, args.replica !== undefined);
        const region = args.region;
        const account = aws.getCallerIdentityOutput({}, { parent: this }).accountId;
        const lock = args.objectLock?.enabled ? args.objectLock : undefined;

        this.bucket = new aws.s3.Bucket(
            `${name}-media`,
            {
                region,
                objectLockEnabled: lock ? true : undefined,
                forceDestroy: !args.protect,
                tags: { DataClassification: args.dataClassification, Purpose: "files-and-medical-images" },
            },
            { parent: this, protect: args.protect },
        );
        this.bucketName = this.bucket.bucket;
        this.bucketArn = this.bucket.arn;
        const logBucket = this.createAccessLogBucket(`${name}-access-logs`, args, {
            region,
            source: this.bucket,
            prefix: LOG_PREFIX,
            account,
            reason: "access-log bucket: logs are kept by lifecycle rules and not backed up",
        });
        const clinicalKey = this.createClinicalKey(name, region, args.protect);
        this.clinicalKeyArn = clinicalKey.arn;
        const media = this.configureMediaBucket(name, args, clinicalKey, logBucket, lock);

        if (args.replica) {
            const replica = this.createReplica(name, args, args.replica, account, clinicalKey, media, lock);
            this.replicaBucketName = replica.bucket.bucket;
            this.replicaBucketArn = replica.bucket.arn;
            this.replicaLogBucketName = replica.logBucket.bucket;
        }

        this.accessPolicyArn = this.createAccessPolicy(name, region, clinicalKey, args.dataKeyArn).arn;
        this.logBucketName = logBucket.bucket;
        this.logBucketArn = logBucket.arn;

        this.registerOutputs({
            bucketName: this.bucketName,
            bucketArn: this.bucketArn,
            accessPolicyArn: this.accessPolicyArn,
            logBucketName: this.logBucketName,
            replicaBucketArn: this.replicaBucketArn,
            replicaLogBucketName: this.replicaLogBucketName,
            clinicalKeyArn: this.clinicalKeyArn,
        });
    }

    /**
     * A bucket of S3 server access logs for `source` (in the same region:
     * S3 delivers access logs only to a bucket of the source's region and
     * account, https://docs.aws.amazon.com/AmazonS3/latest/userguide/enable-server-access-logging.html).
     * Encrypted with SSE-S3 (AES-256): server access logging cannot deliver to
     * a bucket whose default encryption is a KMS key. Private, TLS-only,
     * accepting log delivery for `source` only (bucket owner enforced: no ACL
     * grants), and lifecycle-managed: logs expire after `accessLogRetentionDays`.
     */
    private createAccessLogBucket(
        logName: string,
        args: StorageArgs,
        o: { region: string; source: aws.s3.Bucket; prefix: string; account: pulumi.Output<string>; reason: string },
    ): aws.s3.Bucket {
        const region = o.region;
        const logBucket = new aws.s3.Bucket(
            logName,
            {
                region,
                forceDestroy: !args.protect,
                tags: { Purpose: "s3-server-access-logs", [BACKUP_EXEMPT_TAG]: o.reason },
            },
            { parent: this, protect: args.protect },
        );
        const guards = baseline(logName, logBucket, region, this, { sseAlgorithm: "AES256" });
        new aws.s3.BucketLifecycleConfiguration(
            `${logName}-lifecycle`,
            {
                bucket: logBucket.bucket,
                region,
                rules: [
                    {
                        id: "expire-access-logs",
                        status: "Enabled",
                        filter: { prefix: "" },
                        expiration: { days: args.accessLogRetentionDays },
                        noncurrentVersionExpiration: { noncurrentDays: 1 },
                        abortIncompleteMultipartUpload: { daysAfterInitiation: 1 },
                    },
                ],
            },
            { parent: this, dependsOn: [guards.versioning] },
        );
        new aws.s3.BucketPolicy(
            `${logName}-policy`,
            {
                bucket: logBucket.bucket,
                region,
                policy: pulumi.jsonStringify({
                    Version: "2012-10-17",
                    Statement: [
                        ...tlsOnlyStatements(logBucket.arn),
                        {
                            Sid: "S3ServerAccessLogDelivery",
                            Effect: "Allow",
                            Principal: { Service: "logging.s3.amazonaws.com" },
                            Action: "s3:PutObject",
                            Resource: pulumi.interpolate`${logBucket.arn}/${o.prefix}*`,
                            Condition: {
                                ArnLike: { "aws:SourceArn": o.source.arn },
                                StringEquals: { "aws:SourceAccount": o.account },
                            },
                        },
                    ],
                }),
            },
            { parent: this, dependsOn: [guards.publicAccessBlock] },
        );
        return logBucket;
    }

    /** The media bucket's guards, policy, access logging, lifecycle and optional Object Lock. */
    private configureMediaBucket(
        name: string,
        args: StorageArgs,
        clinicalKey: aws.kms.Key,
        logBucket: aws.s3.Bucket,
        lock: ObjectLockArgs | undefined,
    ): Guards {
        const region = args.region;
        const media = baseline(`${name}-media`, this.bucket, region, this, {
            sseAlgorithm: "aws:kms",
            kmsKeyArn: args.dataKeyArn,
        });
        new aws.s3.BucketPolicy(
            `${name}-media-policy`,
            {
                bucket: this.bucket.bucket,
                region,
                policy: pulumi.jsonStringify({
                    Version: "2012-10-17",
                    Statement: [
                        ...tlsOnlyStatements(this.bucket.arn),
                        ...dataKeyOnlyStatements(this.bucket.arn, [args.dataKeyArn, clinicalKey.arn]),
                        ...clinicalKeyStatements(this.bucket.arn, clinicalKey.arn),
                    ],
                }),
            },
            { parent: this, dependsOn: [media.publicAccessBlock] },
        );
        accessLogging(`${name}-media-logging`, this.bucket, logBucket, region, LOG_PREFIX, this);
        new aws.s3.BucketLifecycleConfiguration(
            `${name}-media-lifecycle`,
            { bucket: this.bucket.bucket, region, rules: dataLifecycleRules(args) },
            { parent: this, dependsOn: [media.versioning] },
        );
        if (lock) {
            new aws.s3.BucketObjectLockConfiguration(
                `${name}-media-object-lock`,
                {
                    bucket: this.bucket.bucket,
                    region,
                    rule: { defaultRetention: { mode: lock.mode, days: lock.days } },
                },
                { parent: this, dependsOn: [media.versioning] },
            );
        }
        return media;
    }

    /**
     * The DR copy of the media bucket (another region, the DR key), with the
     * same guards and lifecycle, its own server access logs in a log bucket of
     * the DR region, and the replication that fills it.
     */
    private createReplica(
        name: string,
        args: StorageArgs,
        dr: { region: string; kmsKeyArn: pulumi.Input<string> },
        account: pulumi.Output<string>,
        clinicalKey: aws.kms.Key,
        media: Guards,
        lock: ObjectLockArgs | undefined,
    ): { bucket: aws.s3.Bucket; logBucket: aws.s3.Bucket } {
        const replica = new aws.s3.Bucket(
            `${name}-replica`,
            {
                region: dr.region,
                // Replicating Object Lock retention needs Object Lock on the destination.
                objectLockEnabled: lock ? true : undefined,
                forceDestroy: !args.protect,
                tags: {
                    DataClassification: args.dataClassification,
                    Purpose: "dr-replica-of-files-and-medical-images",
                    [BACKUP_EXEMPT_TAG]: "cross-region replica of the media bucket that AWS Backup protects",
                },
            },
            { parent: this, protect: args.protect },
        );
        const guards = baseline(`${name}-replica`, replica, dr.region, this, {
            sseAlgorithm: "aws:kms",
            kmsKeyArn: dr.kmsKeyArn,
        });
        new aws.s3.BucketPolicy(
            `${name}-replica-policy`,
            {
                bucket: replica.bucket,
                region: dr.region,
                policy: pulumi.jsonStringify({
                    Version: "2012-10-17",
                    Statement: [
                        ...tlsOnlyStatements(replica.arn),
                        ...dataKeyOnlyStatements(replica.arn, [dr.kmsKeyArn]),
                    ],
                }),
            },
            { parent: this, dependsOn: [guards.publicAccessBlock] },
        );
        new aws.s3.BucketLifecycleConfiguration(
            `${name}-replica-lifecycle`,
            { bucket: replica.bucket, region: dr.region, rules: dataLifecycleRules(args) },
            { parent: this, dependsOn: [guards.versioning] },
        );
        const logBucket = this.createAccessLogBucket(`${name}-replica-access-logs`, args, {
            region: dr.region,
            source: replica,
            prefix: REPLICA_LOG_PREFIX,
            account,
            reason: "access-log bucket of the DR replica: logs are kept by lifecycle rules and not backed up",
        });
        accessLogging(`${name}-replica-logging`, replica, logBucket, dr.region, REPLICA_LOG_PREFIX, this);

        const role = this.createReplicationRole(name, args, dr, account, clinicalKey, replica, lock);
        new aws.s3.BucketReplicationConfig(
            `${name}-media-replication`,
            {
                bucket: this.bucket.bucket,
                region: args.region,
                role: role.arn,
                rules: [
                    {
                        id: "dr-region",
                        status: "Enabled",
                        priority: 1,
                        filter: { prefix: "" },
                        deleteMarkerReplication: { status: "Enabled" },
                        sourceSelectionCriteria: { sseKmsEncryptedObjects: { status: "Enabled" } },
                        destination: {
                            bucket: replica.arn,
                            storageClass: "STANDARD_IA",
                            encryptionConfiguration: { replicaKmsKeyId: dr.kmsKeyArn },
                            // Replication metrics (pending bytes, latency, failed operations) in CloudWatch.
                            metrics: { status: "Enabled", eventThreshold: { minutes: 15 } },
                            replicationTime: { status: "Enabled", time: { minutes: 15 } },
                        },
                    },
                ],
            },
            { parent: this, dependsOn: [media.versioning, guards.versioning] },
        );
        return { bucket: replica, logBucket };
    }

    /** The role S3 replication assumes: read the media bucket's versions, write replicas, with both regions' keys. */
    private createReplicationRole(
        name: string,
        args: StorageArgs,
        dr: { region: string; kmsKeyArn: pulumi.Input<string> },
        account: pulumi.Output<string>,
        clinicalKey: aws.kms.Key,
        replica: aws.s3.Bucket,
        lock: ObjectLockArgs | undefined,
    ): aws.iam.Role {
        const region = args.region;
        const role = new aws.iam.Role(
            `${name}-replication`,
            {
                description: `S3 replication of ${name} media to ${dr.region}`,
                assumeRolePolicy: pulumi.jsonStringify({
                    Version: "2012-10-17",
                    Statement: [
                        {
                            Effect: "Allow",
                            Principal: { Service: "s3.amazonaws.com" },
                            Action: "sts:AssumeRole",
                            Condition: {
                                StringEquals: { "aws:SourceAccount": account },
                                ArnLike: { "aws:SourceArn": this.bucket.arn },
                            },
                        },
                    ],
                }),
            },
            { parent: this },
        );
        new aws.iam.RolePolicy(
            `${name}-replication`,
            {
                role: role.id,
                policy: pulumi.jsonStringify({
                    Version: "2012-10-17",
                    Statement: [
                        {
                            Sid: "ReadReplicationConfiguration",
                            Effect: "Allow",
                            Action: ["s3:GetReplicationConfiguration", "s3:ListBucket"],
                            Resource: this.bucket.arn,
                        },
                        {
                            Sid: "ReadSourceVersions",
                            Effect: "Allow",
                            Action: [
                                "s3:GetObjectVersionForReplication",
                                "s3:GetObjectVersionAcl",
                                "s3:GetObjectVersionTagging",
                                ...(lock ? ["s3:GetObjectRetention", "s3:GetObjectLegalHold"] : []),
                            ],
                            Resource: pulumi.interpolate`${this.bucket.arn}/*`,
                        },
                        {
                            Sid: "WriteReplicas",
                            Effect: "Allow",
                            Action: ["s3:ReplicateObject", "s3:ReplicateDelete", "s3:ReplicateTags"],
                            Resource: pulumi.interpolate`${replica.arn}/*`,
                        },
                        {
                            Sid: "DecryptSourceObjects",
                            Effect: "Allow",
                            Action: "kms:Decrypt",
                            Resource: [args.dataKeyArn, clinicalKey.arn],
                            Condition: {
                                StringEquals: { "kms:ViaService": `s3.${region}.amazonaws.com` },
                                StringLike: {
                                    "kms:EncryptionContext:aws:s3:arn": [
                                        this.bucket.arn,
                                        pulumi.interpolate`${this.bucket.arn}/*`,
                                    ],
                                },
                            },
                        },
                        {
                            Sid: "EncryptReplicas",
                            Effect: "Allow",
                            Action: ["kms:Encrypt", "kms:GenerateDataKey"],
                            Resource: dr.kmsKeyArn,
                            Condition: {
                                StringEquals: { "kms:ViaService": `s3.${dr.region}.amazonaws.com` },
                                StringLike: {
                                    "kms:EncryptionContext:aws:s3:arn": [
                                        replica.arn,
                                        pulumi.interpolate`${replica.arn}/*`,
                                    ],
                                },
                            },
                        },
                    ],
                }),
            },
            { parent: this },
        );
        return role;
    }

    /** The managed policy of this environment's servers: this bucket's objects and its keys through S3, nothing else. */
    private createAccessPolicy(
        name: string,
        region: string,
        clinicalKey: aws.kms.Key,
        dataKeyArn: pulumi.Input<string>,
    ): aws.iam.Policy {
        return new aws.iam.Policy(
            `${name}-media-access`,
            {
                description: `Read, write and delete objects in the ${name} media bucket, with its KMS key`,
                policy: pulumi.jsonStringify({
                    Version: "2012-10-17",
                    Statement: [
                        {
                            Sid: "ListTheBucket",
                            Effect: "Allow",
                            Action: ["s3:ListBucket", "s3:GetBucketLocation"],
                            Resource: this.bucket.arn,
                        },
                        {
                            Sid: "ReadWriteObjects",
                            Effect: "Allow",
                            Action: [
                                "s3:GetObject",
                                "s3:PutObject",
                                "s3:DeleteObject",
                                "s3:AbortMultipartUpload",
                                "s3:ListMultipartUploadParts",
                            ],
                            Resource: pulumi.interpolate`${this.bucket.arn}/*`,
                        },
                        {
                            Sid: "UseTheDataKeysThroughS3",
                            Effect: "Allow",
                            Action: ["kms:GenerateDataKey", "kms:Decrypt"],
                            Resource: [dataKeyArn, clinicalKey.arn],
                            Condition: {
                                StringEquals: { "kms:ViaService": `s3.${region}.amazonaws.com` },
                                StringLike: {
                                    "kms:EncryptionContext:aws:s3:arn": [
                                        this.bucket.arn,
                                        pulumi.interpolate`${this.bucket.arn}/*`,
                                    ],
                                },
                            },
                        },
                    ],
                }),
            },
            { parent: this },
        );
    }

    /** The key of clinical files: apart from the data key, so access to patients' files can be granted, audited and revoked on its own. */
    private createClinicalKey(name: string, region: string, protect: boolean): aws.kms.Key {
        return new aws.kms.Key(
            `${name}-clinical`,
            {
                region,
                description: `${name}: clinical files (medical images, patient documents) under s3://<media bucket>/${CLINICAL_OBJECT_PREFIX}`,
                enableKeyRotation: true,
                deletionWindowInDays: 30,
                tags: { Purpose: "clinical-files" },
            },
            { parent: this, protect },
        );
    }
}

/** S3 server access logging of `bucket` to `logBucket`, partitioned by event date. */
function accessLogging(
    resourceName: string,
    bucket: aws.s3.Bucket,
    logBucket: aws.s3.Bucket,
    region: string,
    prefix: string,
    parent: pulumi.Resource,
): aws.s3.BucketLogging {
    return new aws.s3.BucketLogging(
        resourceName,
        {
            bucket: bucket.bucket,
            region,
            targetBucket: logBucket.bucket,
            targetPrefix: prefix,
            targetObjectKeyFormat: { partitionedPrefix: { partitionDateSource: "EventTime" } },
        },
        { parent },
    );
}

/** Prefix of the media bucket's server access logs in the log bucket. */
const LOG_PREFIX = "media/";
/** Prefix of the DR replica's server access logs in the DR log bucket. */
const REPLICA_LOG_PREFIX = "media-replica/";

/** S3 bucket names: 3-63 lower-case letters, digits and hyphens; Pulumi appends `-` and 7 characters. */
function validate(name: string, replica: boolean): void {
    const suffix = replica ? "-replica-access-logs-xxxxxxx" : "-access-logs-xxxxxxx";
    if (!/^[a-z0-9][a-z0-9-]*$/.test(name) || `${name}${suffix}`.length > 63) {
        throw new pulumi.RunError(
            `Storage "${name}": the name must be lower-case letters, digits and hyphens and at most ${63 - suffix.length} characters, ` +
                "since bucket names derive from it",
        );
    }
}

export interface Guards {
    publicAccessBlock: aws.s3.BucketPublicAccessBlock;
    versioning: aws.s3.BucketVersioning;
    encryption: aws.s3.BucketServerSideEncryptionConfiguration;
}

/**
 * What every bucket of the program gets (here and the audit buckets of
 * Security): bucket-owner-enforced ownership (ACLs off), all four public
 * access blocks, versioning, default encryption.
 */
export function baseline(
    name: string,
    bucket: aws.s3.Bucket,
    region: string,
    parent: pulumi.Resource,
    encryption: { sseAlgorithm: "AES256" } | { sseAlgorithm: "aws:kms"; kmsKeyArn: pulumi.Input<string> },
): Guards {
    const opts = { parent };
    new aws.s3.BucketOwnershipControls(
        `${name}-ownership`,
        { bucket: bucket.bucket, region, rule: { objectOwnership: "BucketOwnerEnforced" } },
        opts,
    );
    const publicAccessBlock = new aws.s3.BucketPublicAccessBlock(
        `${name}-public-access`,
        {
            bucket: bucket.bucket,
            region,
            blockPublicAcls: true,
            blockPublicPolicy: true,
            ignorePublicAcls: true,
            restrictPublicBuckets: true,
        },
        opts,
    );
    const versioning = new aws.s3.BucketVersioning(
        `${name}-versioning`,
        { bucket: bucket.bucket, region, versioningConfiguration: { status: "Enabled" } },
        opts,
    );
    const encryptionConfiguration = new aws.s3.BucketServerSideEncryptionConfiguration(
        `${name}-encryption`,
        {
            bucket: bucket.bucket,
            region,
            rules: [
                encryption.sseAlgorithm === "aws:kms"
                    ? {
                          applyServerSideEncryptionByDefault: {
                              sseAlgorithm: "aws:kms",
                              kmsMasterKeyId: encryption.kmsKeyArn,
                          },
                          bucketKeyEnabled: true,
                      }
                    : { applyServerSideEncryptionByDefault: { sseAlgorithm: "AES256" } },
            ],
        },
        opts,
    );
    return { publicAccessBlock, versioning, encryption: encryptionConfiguration };
}

/** Denies any request that is not made over TLS 1.2 or later (every bucket policy of the program starts with these). */
export function tlsOnlyStatements(bucketArn: pulumi.Output<string>): object[] {
    const resources = [bucketArn, pulumi.interpolate`${bucketArn}/*`];
    return [
        {
            Sid: "DenyInsecureTransport",
            Effect: "Deny",
            Principal: "*",
            Action: "s3:*",
            Resource: resources,
            Condition: { Bool: { "aws:SecureTransport": "false" } },
        },
        {
            Sid: "DenyTlsBefore12",
            Effect: "Deny",
            Principal: "*",
            Action: "s3:*",
            Resource: resources,
            Condition: { NumericLessThan: { "s3:TlsVersion": "1.2" } },
        },
    ];
}

/**
 * Uploads that ask for another encryption than SSE-KMS, another KMS key, or
 * customer-provided keys (SSE-C) are refused; uploads without encryption
 * headers get the bucket default (the data key). Each statement tests that its
 * header is present (`Null: false`): a negated operator alone also matches a
 * request without the header and would refuse every default-encrypted upload.
 */
function dataKeyOnlyStatements(bucketArn: pulumi.Output<string>, keyArns: pulumi.Input<string>[]): object[] {
    const objects = pulumi.interpolate`${bucketArn}/*`;
    const keyNames = keyNamesOf(keyArns);
    return [
        {
            Sid: "DenyOtherEncryption",
            Effect: "Deny",
            Principal: "*",
            Action: "s3:PutObject",
            Resource: objects,
            Condition: {
                Null: { "s3:x-amz-server-side-encryption": "false" },
                StringNotEquals: { "s3:x-amz-server-side-encryption": "aws:kms" },
            },
        },
        {
            Sid: "DenyOtherKmsKeys",
            Effect: "Deny",
            Principal: "*",
            Action: "s3:PutObject",
            Resource: objects,
            Condition: {
                Null: { "s3:x-amz-server-side-encryption-aws-kms-key-id": "false" },
                StringNotEquals: { "s3:x-amz-server-side-encryption-aws-kms-key-id": keyNames },
            },
        },
        {
            Sid: "DenyCustomerProvidedKeys",
            Effect: "Deny",
            Principal: "*",
            Action: "s3:PutObject",
            Resource: objects,
            Condition: { Null: { "s3:x-amz-server-side-encryption-customer-algorithm": "false" } },
        },
    ];
}

/** Clients may name a key by ARN or by id (arn:aws:kms:<region>:<account>:key/<id>). */
function keyNamesOf(keyArns: pulumi.Input<string>[]): pulumi.Output<string[]> {
    return pulumi.all(keyArns).apply((arns) => arns.flatMap((arn) => [arn, arn.split("/").pop() ?? arn]));
}

/**
 * Clinical files: an upload under `CLINICAL_OBJECT_PREFIX` must name the
 * clinical key (the bucket default, the data key, does not apply to them).
 */
function clinicalKeyStatements(bucketArn: pulumi.Output<string>, clinicalKeyArn: pulumi.Input<string>): object[] {
    const clinical = pulumi.interpolate`${bucketArn}/${CLINICAL_OBJECT_PREFIX}*`;
    return [
        {
            Sid: "DenyClinicalFilesWithoutTheirKey",
            Effect: "Deny",
            Principal: "*",
            Action: "s3:PutObject",
            Resource: clinical,
            Condition: { Null: { "s3:x-amz-server-side-encryption-aws-kms-key-id": "true" } },
        },
        {
            Sid: "DenyClinicalFilesWithAnotherKey",
            Effect: "Deny",
            Principal: "*",
            Action: "s3:PutObject",
            Resource: clinical,
            Condition: {
                StringNotEquals: { "s3:x-amz-server-side-encryption-aws-kms-key-id": keyNamesOf([clinicalKeyArn]) },
            },
        },
    ];
}

/** Noncurrent versions to Glacier Instant Retrieval, then deleted; stale uploads and orphan delete markers removed. */
function dataLifecycleRules(args: StorageArgs): aws.types.input.s3.BucketLifecycleConfigurationRule[] {
    return [
        {
            id: "noncurrent-versions",
            status: "Enabled",
            filter: { prefix: "" },
            noncurrentVersionTransitions: [
                { noncurrentDays: args.noncurrentTransitionDays, storageClass: "GLACIER_IR" },
            ],
            noncurrentVersionExpiration: { noncurrentDays: args.noncurrentExpirationDays },
        },
        {
            id: "abort-incomplete-multipart-uploads",
            status: "Enabled",
            filter: { prefix: "" },
            abortIncompleteMultipartUpload: { daysAfterInitiation: ABORT_MULTIPART_AFTER_DAYS },
        },
        {
            id: "expired-delete-markers",
            status: "Enabled",
            filter: { prefix: "" },
            expiration: { expiredObjectDeleteMarker: true },
        },
    ];
}
