import * as assert from "node:assert/strict";
import * as aws from "@pulumi/aws";
import * as encryption from "../../policies/encryption";
import {
    ACCOUNT,
    analyzeResource,
    analyzeStack,
    cloudflareEdge,
    deps,
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

const KEY_ARN = `arn:aws:kms:${REGION}:${ACCOUNT}:key/2f1c9d4e-7b3a-4c5d-9e8f-0a1b2c3d4e5f`;

describe("policies/encryption", () => {
    describe("rds-encryption-at-rest", () => {
        const policy = encryption.rdsEncryptionAtRest;
        const cluster = (extra: Record<string, unknown>) =>
            resource(aws.rds.Cluster, "db", { engine: "aurora-mysql", databaseName: "wordpress", ...extra });

        it("accepts storage, master secret and Performance Insights encrypted with the data key (known or not yet)", async () => {
            const encrypted = {
                storageEncrypted: true,
                manageMasterUserPassword: true,
                performanceInsightsEnabled: true,
            };
            clean(
                await analyzeResource(
                    policy,
                    cluster({
                        ...encrypted,
                        kmsKeyId: KEY_ARN,
                        masterUserSecretKmsKeyId: KEY_ARN,
                        performanceInsightsKmsKeyId: KEY_ARN,
                    }),
                ),
            );
            clean(
                await analyzeResource(
                    policy,
                    cluster({
                        ...encrypted,
                        kmsKeyId: UNKNOWN,
                        masterUserSecretKmsKeyId: UNKNOWN,
                        performanceInsightsKmsKeyId: UNKNOWN,
                    }),
                ),
            );
        });

        it("flags unencrypted storage and AWS managed keys", async () => {
            assert.deepEqual(messages(await analyzeResource(policy, cluster({}))), [
                "storageEncrypted is not true: the database's storage, snapshots and backups would be unencrypted.",
                "kmsKeyId is not set (AWS managed key); use a customer managed key (aws.kms.Key ARN) from the Keys component.",
            ]);
            const o = await analyzeResource(
                policy,
                cluster({
                    storageEncrypted: true,
                    kmsKeyId: "alias/aws/rds",
                    manageMasterUserPassword: true,
                    performanceInsightsEnabled: true,
                }),
            );
            assert.equal(o.violations.length, 3);
            assert.match(o.violations[0].message, /"alias\/aws\/rds", an AWS managed key/);
        });

        it("checks RDS instances and leaves read replicas to their source", async () => {
            const instance = resource(aws.rds.Instance, "mysql", {
                engine: "mysql",
                instanceClass: "db.t4g.medium",
                storageEncrypted: false,
            });
            assert.equal((await analyzeResource(policy, instance)).violations.length, 2);
            const replica = resource(aws.rds.Instance, "replica", {
                instanceClass: "db.t4g.medium",
                replicateSourceDb: "mysql",
            });
            clean(await analyzeResource(policy, replica));
        });
    });

    describe("elasticache-encryption-at-rest", () => {
        const policy = encryption.elasticacheEncryptionAtRest;
        const group = (extra: Record<string, unknown>) =>
            resource(aws.elasticache.ReplicationGroup, "cache", { description: "HMS cache", ...extra });

        it("accepts at-rest encryption with a customer managed key", async () => {
            clean(await analyzeResource(policy, group({ atRestEncryptionEnabled: true, kmsKeyId: KEY_ARN })));
        });

        it("flags missing encryption and key", async () => {
            assert.equal(
                (await analyzeResource(policy, group({ atRestEncryptionEnabled: false }))).violations.length,
                2,
            );
        });

        it("skips unknown values", async () => {
            clean(await analyzeResource(policy, group({ atRestEncryptionEnabled: UNKNOWN, kmsKeyId: UNKNOWN })));
        });
    });

    describe("s3-encryption-at-rest", () => {
        const policy = encryption.s3EncryptionAtRest;
        const bucket = (name: string) =>
            resource(aws.s3.Bucket, name, { bucket: `hms-production-${name}-1f2e`, arn: UNKNOWN });
        const sse = (
            b: ReturnType<typeof bucket>,
            byDefault: Record<string, unknown> | string,
            cls: unknown = aws.s3.BucketServerSideEncryptionConfiguration,
        ) =>
            resource(
                cls,
                `${b.name}-sse`,
                { bucket: UNKNOWN, rules: [{ applyServerSideEncryptionByDefault: byDefault, bucketKeyEnabled: true }] },
                { propertyDependencies: deps({ bucket: b }) },
            );

        it("accepts SSE-KMS with a customer managed key (also through the deprecated V2 resource)", async () => {
            const media = bucket("media");
            clean(
                await analyzeStack(policy, [media, sse(media, { sseAlgorithm: "aws:kms", kmsMasterKeyId: UNKNOWN })]),
            );
            clean(
                await analyzeStack(policy, [
                    media,
                    sse(
                        media,
                        { sseAlgorithm: "aws:kms:dsse", kmsMasterKeyId: KEY_ARN },
                        aws.s3.BucketServerSideEncryptionConfigurationV2,
                    ),
                ]),
            );
        });

        it("flags a data bucket with SSE-S3, an AWS managed key, or no configuration", async () => {
            const media = bucket("media");
            assert.deepEqual(messages(await analyzeStack(policy, [media, sse(media, { sseAlgorithm: "AES256" })])), [
                "bucket media does not encrypt with SSE-KMS and a customer managed key by default.",
            ]);
            assert.equal(
                (
                    await analyzeStack(policy, [
                        media,
                        sse(media, { sseAlgorithm: "aws:kms", kmsMasterKeyId: "alias/aws/s3" }),
                    ])
                ).violations.length,
                1,
            );
            assert.deepEqual(messages(await analyzeStack(policy, [media])), [
                "bucket media has no default encryption configuration.",
            ]);
        });

        it("lets an access-log bucket use SSE-S3, but not nothing", async () => {
            const media = bucket("media");
            const logs = bucket("logs");
            const logging = resource(
                aws.s3.BucketLogging,
                "media-logging",
                { bucket: UNKNOWN, targetBucket: UNKNOWN, targetPrefix: "media/" },
                { propertyDependencies: deps({ bucket: media, targetBucket: logs }) },
            );
            const mediaSse = sse(media, { sseAlgorithm: "aws:kms", kmsMasterKeyId: UNKNOWN });
            clean(await analyzeStack(policy, [media, logs, logging, mediaSse, sse(logs, { sseAlgorithm: "AES256" })]));
            assert.deepEqual(messages(await analyzeStack(policy, [media, logs, logging, mediaSse])), [
                "bucket logs has no default encryption configuration.",
            ]);
        });

        it("skips configurations whose rules are unknown", async () => {
            const media = bucket("media");
            const unknownRules = resource(
                aws.s3.BucketServerSideEncryptionConfiguration,
                "sse",
                { bucket: UNKNOWN, rules: UNKNOWN },
                { propertyDependencies: deps({ bucket: media }) },
            );
            clean(await analyzeStack(policy, [media, unknownRules]));
        });
    });

    describe("ebs-encryption-at-rest", () => {
        const policy = encryption.ebsEncryption;
        const root = {
            volumeType: "gp3",
            volumeSize: 500,
            encrypted: true,
            kmsKeyId: UNKNOWN,
            deleteOnTermination: true,
        };

        it("accepts encrypted root and data volumes", async () => {
            const instance = resource(aws.ec2.Instance, "app-1", {
                ami: "ami-0abc",
                instanceType: "m6i.2xlarge",
                rootBlockDevice: root,
                ebsBlockDevices: [{ deviceName: "/dev/sdf", volumeSize: 100, encrypted: true, kmsKeyId: KEY_ARN }],
            });
            clean(await analyzeResource(policy, instance));
        });

        it("flags a missing root device, an unencrypted data volume and an AWS managed key", async () => {
            const bare = resource(aws.ec2.Instance, "app-1", { ami: "ami-0abc", instanceType: "m6i.large" });
            assert.match(messages(await analyzeResource(policy, bare))[0], /rootBlockDevice is not declared/);
            const data = resource(aws.ec2.Instance, "app-2", {
                ami: "ami-0abc",
                rootBlockDevice: { ...root, kmsKeyId: "alias/aws/ebs" },
                ebsBlockDevices: [{ deviceName: "/dev/sdf", encrypted: false }],
            });
            assert.equal((await analyzeResource(policy, data)).violations.length, 3);
        });

        it("leaves the root volume of a launch-template instance to the template, and checks templates ('true' strings)", async () => {
            clean(
                await analyzeResource(
                    policy,
                    resource(aws.ec2.Instance, "asg-1", { launchTemplate: { id: UNKNOWN, version: "$Latest" } }),
                ),
            );
            const template = (encrypted: string) =>
                resource(aws.ec2.LaunchTemplate, "lt", {
                    imageId: "ami-0abc",
                    blockDeviceMappings: [
                        { deviceName: "/dev/sda1", ebs: { volumeSize: 30, encrypted, kmsKeyId: KEY_ARN } },
                    ],
                });
            clean(await analyzeResource(policy, template("true")));
            assert.match(
                messages(await analyzeResource(policy, template("false")))[0],
                /blockDeviceMappings\[0\].ebs is not encrypted/,
            );
        });

        it("checks standalone EBS volumes and skips unknown values", async () => {
            assert.equal(
                (
                    await analyzeResource(
                        policy,
                        resource(aws.ebs.Volume, "v", { availabilityZone: "sa-east-1a", size: 10 }),
                    )
                ).violations.length,
                2,
            );
            clean(
                await analyzeResource(
                    policy,
                    resource(aws.ebs.Volume, "v", {
                        availabilityZone: "sa-east-1a",
                        encrypted: UNKNOWN,
                        kmsKeyId: UNKNOWN,
                    }),
                ),
            );
        });
    });

    describe("opensearch-encryption-at-rest", () => {
        const policy = encryption.opensearchEncryptionAtRest;
        const domain = (encryptAtRest: unknown) =>
            resource(aws.opensearch.Domain, "logs", { engineVersion: "OpenSearch_2.19", encryptAtRest });

        it("accepts encryption with a customer managed key", async () => {
            clean(await analyzeResource(policy, domain({ enabled: true, kmsKeyId: KEY_ARN })));
        });

        it("flags disabled encryption and the AWS owned key", async () => {
            assert.equal((await analyzeResource(policy, domain({ enabled: false }))).violations.length, 2);
            assert.equal((await analyzeResource(policy, domain(undefined))).violations.length, 2);
            assert.deepEqual(messages(await analyzeResource(policy, domain({ enabled: true }))), [
                "encryptAtRest.kmsKeyId is not set (AWS managed key); use a customer managed key (aws.kms.Key ARN) from the Keys component.",
            ]);
        });

        it("skips unknown values", async () => {
            clean(await analyzeResource(policy, domain(UNKNOWN)));
        });
    });

    describe("key arguments of logs, topics, secrets and vaults", () => {
        const cases: Array<[string, typeof encryption.logGroupEncryption, unknown, string, Record<string, unknown>]> = [
            [
                "cloudwatch-log-group-encryption",
                encryption.logGroupEncryption,
                aws.cloudwatch.LogGroup,
                "kmsKeyId",
                { retentionInDays: 365 },
            ],
            [
                "sns-topic-encryption",
                encryption.snsTopicEncryption,
                aws.sns.Topic,
                "kmsMasterKeyId",
                { name: "alarms" },
            ],
            [
                "secretsmanager-secret-encryption",
                encryption.secretEncryption,
                aws.secretsmanager.Secret,
                "kmsKeyId",
                { description: "cache auth" },
            ],
            [
                "backup-vault-encryption",
                encryption.backupVaultEncryption,
                aws.backup.Vault,
                "kmsKeyArn",
                { name: "hms-production" },
            ],
        ];
        for (const [name, policy, cls, argument, base] of cases) {
            describe(name, () => {
                it(`accepts ${argument} naming a customer managed key, known or not yet known`, async () => {
                    clean(await analyzeResource(policy, resource(cls, "r", { ...base, [argument]: KEY_ARN })));
                    clean(await analyzeResource(policy, resource(cls, "r", { ...base, [argument]: UNKNOWN })));
                    clean(
                        await analyzeResource(
                            policy,
                            resource(cls, "r", { ...base, [argument]: "alias/hms-production-logs" }),
                        ),
                    );
                });

                it(`flags a missing ${argument} and an AWS managed alias`, async () => {
                    assert.deepEqual(messages(await analyzeResource(policy, resource(cls, "r", base))), [
                        `${argument} is not set (AWS managed key).`,
                    ]);
                    assert.equal(
                        (
                            await analyzeResource(
                                policy,
                                resource(cls, "r", {
                                    ...base,
                                    [argument]: "arn:aws:kms:sa-east-1:123456789012:alias/aws/sns",
                                }),
                            )
                        ).violations.length,
                        1,
                    );
                });
            });
        }
    });

    describe("kms-key-rotation", () => {
        const policy = encryption.kmsKeyRotation;
        const key = (extra: Record<string, unknown>) =>
            resource(aws.kms.Key, "data", {
                description: "data",
                keyUsage: "ENCRYPT_DECRYPT",
                customerMasterKeySpec: "SYMMETRIC_DEFAULT",
                ...extra,
            });

        it("accepts yearly rotation", async () => {
            clean(await analyzeResource(policy, key({ enableKeyRotation: true, rotationPeriodInDays: 365 })));
        });

        it("flags disabled rotation and a period over a year", async () => {
            assert.deepEqual(messages(await analyzeResource(policy, key({}))), [
                "enableKeyRotation is not true: the key material would never change.",
            ]);
            assert.match(
                messages(await analyzeResource(policy, key({ enableKeyRotation: true, rotationPeriodInDays: 730 })))[0],
                /rotationPeriodInDays is 730/,
            );
        });

        it("does not apply to asymmetric keys and skips unknown values", async () => {
            const o = await analyzeResource(
                policy,
                key({ customerMasterKeySpec: "RSA_2048", keyUsage: "SIGN_VERIFY" }),
            );
            clean(o);
            assert.equal(o.notApplicable[0].policy, policy.name);
            clean(await analyzeResource(policy, key({ enableKeyRotation: UNKNOWN })));
        });
    });

    describe("each side of every condition (mixed stacks)", () => {
        const found = async (policy: Parameters<typeof analyzeResource>[0], r: FakeResource) =>
            messages(await analyzeResource(policy, r));

        it("rds: names the key that is missing or AWS managed, and says why a read replica is not applicable", async () => {
            const policy = encryption.rdsEncryptionAtRest;
            const cluster = (extra: Record<string, unknown>) =>
                resource(aws.rds.Cluster, "db", {
                    engine: "aurora-mysql",
                    storageEncrypted: true,
                    kmsKeyId: KEY_ARN,
                    ...extra,
                });
            assert.deepEqual(await found(policy, cluster({ kmsKeyId: "" })), [
                "kmsKeyId is not set (AWS managed key); use a customer managed key (aws.kms.Key ARN) from the Keys component.",
            ]);
            assert.deepEqual(await found(policy, cluster({ kmsKeyId: null })), [
                "kmsKeyId is not set (AWS managed key); use a customer managed key (aws.kms.Key ARN) from the Keys component.",
            ]);
            assert.deepEqual(
                await found(
                    policy,
                    cluster({ manageMasterUserPassword: true, masterUserSecretKmsKeyId: "alias/aws/secretsmanager" }),
                ),
                [
                    'masterUserSecretKmsKeyId is "alias/aws/secretsmanager", an AWS managed key: the managed master password secret would use the AWS managed key.',
                ],
            );
            assert.deepEqual(await found(policy, cluster({ performanceInsightsEnabled: true })), [
                "performanceInsightsKmsKeyId is not set (AWS managed key): Performance Insights keeps query text, which can contain patient data.",
            ]);
            const replica = resource(aws.rds.Instance, "replica", {
                instanceClass: "db.r6g.large",
                replicateSourceDb: "hms-db",
            });
            assert.match((await analyzeResource(policy, replica)).notApplicable[0].reason, /read replica/);
        });

        it("elasticache: says what is missing", async () => {
            const rg = resource(aws.elasticache.ReplicationGroup, "cache", { description: "HMS" });
            assert.deepEqual(await found(encryption.elasticacheEncryptionAtRest, rg), [
                "atRestEncryptionEnabled is not true: cached sessions and pages would be stored unencrypted.",
                "kmsKeyId is not set (AWS managed key); use a customer managed key (aws.kms.Key ARN) from the Keys component.",
            ]);
        });

        describe("s3", () => {
            const policy = encryption.s3EncryptionAtRest;
            const bucket = (name: string, extra: Record<string, unknown> = {}) =>
                resource(aws.s3.Bucket, name, { bucket: `hms-production-${name}-1f2e`, arn: UNKNOWN, ...extra });
            const sse = (b: FakeResource | null, rules: unknown) =>
                resource(
                    aws.s3.BucketServerSideEncryptionConfiguration,
                    `${b?.name ?? "unknown"}-sse`,
                    { bucket: b ? UNKNOWN : UNKNOWN, rules },
                    b ? { propertyDependencies: deps({ bucket: b }) } : {},
                );
            const kms = [{ applyServerSideEncryptionByDefault: { sseAlgorithm: "aws:kms", kmsMasterKeyId: KEY_ARN } }];
            const aes = [{ applyServerSideEncryptionByDefault: { sseAlgorithm: "AES256" } }];
            const stack = async (...r: FakeResource[]) =>
                messages(await analyzeStack(policy, [...r, ...cloudflareEdge()]));
            const logging = (source: FakeResource, target: FakeResource) =>
                resource(aws.s3.BucketLogging, `${source.name}-logging`, {
                    bucket: source.props.bucket,
                    targetBucket: target.props.bucket,
                    targetPrefix: "x/",
                });

            it("checks only buckets, and says when there is none", async () => {
                const o = await analyzeStack(policy, cloudflareEdge());
                clean(o);
                assert.match(o.notApplicable[0].reason, /no S3 buckets/);
            });

            it("cannot tell while a rule, its default or its algorithm is unknown; a null rule encrypts nothing", async () => {
                const media = bucket("media");
                for (const rules of [
                    UNKNOWN,
                    [UNKNOWN],
                    [{ applyServerSideEncryptionByDefault: UNKNOWN }],
                    [{ applyServerSideEncryptionByDefault: { sseAlgorithm: UNKNOWN } }],
                ]) {
                    assert.deepEqual(await stack(media, sse(media, rules)), [], JSON.stringify(rules));
                }
                assert.deepEqual(await stack(media, sse(media, [null])), [
                    "bucket media does not encrypt with SSE-KMS and a customer managed key by default.",
                ]);
            });

            it("reads the deprecated inline configuration of a bucket", async () => {
                assert.deepEqual(
                    await stack(bucket("media", { serverSideEncryptionConfiguration: { rule: kms[0] } })),
                    [],
                );
                assert.deepEqual(
                    await stack(bucket("media", { serverSideEncryptionConfiguration: { rule: aes[0] } })),
                    ["bucket media does not encrypt with SSE-KMS and a customer managed key by default."],
                );
                assert.deepEqual(await stack(bucket("media", { serverSideEncryptionConfiguration: UNKNOWN })), []);
                assert.deepEqual(await stack(bucket("media", { serverSideEncryptionConfiguration: null })), [
                    "bucket media has no default encryption configuration.",
                ]);
            });

            it("a configuration of a bucket not known yet: cannot tell if it complies, is none if it does not", async () => {
                const media = bucket("media");
                assert.deepEqual(await stack(media, sse(null, kms)), []);
                assert.deepEqual(await stack(media, sse(null, aes)), [
                    "bucket media has no default encryption configuration.",
                ]);
                // Another bucket's configuration does not count.
                const logs = bucket("logs");
                assert.deepEqual(await stack(media, logs, sse(logs, kms)), [
                    "bucket media has no default encryption configuration.",
                ]);
            });

            it("lets only the access-log target use SSE-S3, and names it when it has no encryption at all", async () => {
                const media = bucket("media");
                const logs = bucket("logs");
                assert.deepEqual(await stack(media, logs, logging(media, logs), sse(media, aes), sse(logs, aes)), [
                    "bucket media does not encrypt with SSE-KMS and a customer managed key by default.",
                ]);
                assert.deepEqual(
                    await stack(
                        media,
                        logs,
                        logging(media, logs),
                        sse(media, kms),
                        sse(logs, [{ bucketKeyEnabled: true }]),
                    ),
                    ["access-log bucket logs has no default encryption (SSE-S3 or SSE-KMS)."],
                );
            });
        });

        describe("ebs", () => {
            const policy = encryption.ebsEncryption;
            const good = { encrypted: true, kmsKeyId: KEY_ARN };
            const instance = (extra: Record<string, unknown>) =>
                resource(aws.ec2.Instance, "app-1", {
                    ami: "ami-0abc",
                    instanceType: "m6i.large",
                    rootBlockDevice: good,
                    ...extra,
                });

            it("treats a null root device or launch template as none", async () => {
                const missing =
                    "rootBlockDevice is not declared: the root volume (system, logs, caches) would be unencrypted.";
                assert.deepEqual(await found(policy, instance({ rootBlockDevice: null })), [missing]);
                assert.deepEqual(await found(policy, instance({ rootBlockDevice: undefined, launchTemplate: null })), [
                    missing,
                ]);
            });

            it("names each volume in its messages, and skips unknown or null ones", async () => {
                assert.deepEqual(
                    await found(
                        policy,
                        instance({
                            rootBlockDevice: { encrypted: false, kmsKeyId: KEY_ARN },
                            ebsBlockDevices: [null, UNKNOWN, { deviceName: "/dev/sdf", encrypted: true }],
                        }),
                    ),
                    [
                        "rootBlockDevice is not encrypted.",
                        "ebsBlockDevices[2] kmsKeyId is not set (AWS managed key); use a customer managed key (aws.kms.Key ARN) from the Keys component.",
                    ],
                );
                assert.deepEqual(await found(policy, instance({ ebsBlockDevices: UNKNOWN })), []);
                const template = resource(aws.ec2.LaunchTemplate, "app", {
                    blockDeviceMappings: [
                        null,
                        UNKNOWN,
                        { deviceName: "/dev/sda1" },
                        { deviceName: "/dev/sdf", ebs: { encrypted: "false", kmsKeyId: KEY_ARN } },
                    ],
                });
                assert.deepEqual(await found(policy, template), ["blockDeviceMappings[3].ebs is not encrypted."]);
                assert.deepEqual(
                    await found(policy, resource(aws.ec2.LaunchTemplate, "app", { blockDeviceMappings: UNKNOWN })),
                    [],
                );
                assert.deepEqual(
                    await found(policy, resource(aws.ebs.Volume, "data", { availabilityZone: "sa-east-1a", size: 10 })),
                    [
                        "the volume is not encrypted.",
                        "the volume kmsKeyId is not set (AWS managed key); use a customer managed key (aws.kms.Key ARN) from the Keys component.",
                    ],
                );
            });
        });

        it("opensearch: says what is missing", async () => {
            const domain = resource(aws.opensearch.Domain, "logs", { encryptAtRest: { enabled: false } });
            assert.deepEqual(await found(encryption.opensearchEncryptionAtRest, domain), [
                "encryptAtRest.enabled is not true: indices (logs that can contain patient identifiers) would be stored unencrypted.",
                "encryptAtRest.kmsKeyId is not set (AWS managed key); use a customer managed key (aws.kms.Key ARN) from the Keys component.",
            ]);
        });

        describe("kms-key-rotation", () => {
            const policy = encryption.kmsKeyRotation;
            const key = (extra: Record<string, unknown>) =>
                resource(aws.kms.Key, "data", { description: "data", ...extra });
            const OFF = "enableKeyRotation is not true: the key material would never change.";

            it("applies to symmetric encryption keys, spec and usage given or left to their defaults", async () => {
                for (const extra of [
                    {},
                    { customerMasterKeySpec: "SYMMETRIC_DEFAULT" },
                    { keyUsage: "ENCRYPT_DECRYPT" },
                ]) {
                    assert.deepEqual(await found(policy, key(extra)), [OFF], JSON.stringify(extra));
                }
                assert.deepEqual(await found(policy, key({ enableKeyRotation: true, rotationPeriodInDays: null })), []);
            });

            it("does not apply to asymmetric, HMAC or external keys, and says why", async () => {
                for (const extra of [
                    { customerMasterKeySpec: "RSA_2048" },
                    { keyUsage: "GENERATE_VERIFY_MAC" },
                    { customKeyStoreId: "cks-1234567890abcdef0" },
                    { xksKeyId: "ext-key-1" },
                ]) {
                    const o = await analyzeResource(policy, key(extra));
                    clean(o);
                    assert.match(o.notApplicable[0].reason, /only symmetric encryption keys/, JSON.stringify(extra));
                }
            });

            it("cannot tell while the key's kind is unknown", async () => {
                for (const extra of [
                    { customerMasterKeySpec: UNKNOWN },
                    { keyUsage: UNKNOWN },
                    { customKeyStoreId: UNKNOWN },
                    { xksKeyId: UNKNOWN },
                ]) {
                    const o = await analyzeResource(policy, key(extra));
                    clean(o);
                    // Cannot tell is not "not applicable".
                    assert.deepEqual(o.notApplicable, [], JSON.stringify(extra));
                }
            });
        });
    });
});
