// Encryption at rest with customer managed KMS keys (HIPAA 164.312(a)(2)(iv),
// LGPD art. 46). A customer managed key (not an AWS managed `alias/aws/...`
// key) lets the hospital control and audit who can decrypt, rotate the key
// and revoke access; every use is logged in CloudTrail.

import * as aws from "@pulumi/aws";
import {
    PolicyResource,
    ResourceValidationPolicy,
    Severity,
    StackValidationPolicy,
    validateResourceOfType,
} from "@pulumi/policy";
import { compliance } from "./lib/compliance";
import { bucketIdentities, propsOf, refersTo } from "./lib/resources";
import { BUCKET_ENCRYPTION, BUCKET_LOGGING, BUCKETS } from "./lib/types";
import { isAnyOf, isCustomerManagedKey, ResourceClass, validateResourceOfTypes } from "./lib/validate";
import { any, asArray, isObject, isUnknown, knownString, plain, test, Tri } from "./lib/values";

const CMK_HINT = "a customer managed key (aws.kms.Key ARN) from the Keys component";

export const rdsEncryptionAtRest: ResourceValidationPolicy = {
    name: "rds-encryption-at-rest",
    description:
        "RDS/Aurora clusters and RDS instances encrypt storage with a customer managed key (storageEncrypted = true and " +
        "kmsKeyId), and so do the master user secret RDS manages (masterUserSecretKmsKeyId) and Performance Insights data " +
        "(performanceInsightsKmsKeyId) when enabled. Read replicas inherit their source's encryption and are not checked.",
    enforcementLevel: "mandatory",
    severity: "high",
    remediationSteps:
        `Set storageEncrypted: true and kmsKeyId to ${CMK_HINT}; with manageMasterUserPassword also masterUserSecretKmsKeyId, ` +
        "with performanceInsightsEnabled also performanceInsightsKmsKeyId. Encryption of an existing database needs a snapshot restore.",
    ...compliance("164.312(a)(2)(iv)", ["encryption", "kms", "rds"]),
    validateResource: validateResourceOfTypes(
        [aws.rds.Cluster, aws.rds.Instance],
        "RDS clusters and instances",
        (args, report) => {
            const p = plain((args.asType(aws.rds.Cluster) ?? args.asType(aws.rds.Instance))!) as Record<
                string,
                unknown
            >;
            if (knownString(p.replicateSourceDb)) {
                args.notApplicable("read replica: encrypted like its source");
            }
            if (test(p.storageEncrypted, (v) => v === true) === false) {
                report(
                    "storageEncrypted is not true: the database's storage, snapshots and backups would be unencrypted.",
                );
            }
            if (isCustomerManagedKey(p.kmsKeyId) === false) {
                report(`kmsKeyId ${describeKey(p.kmsKeyId)}; use ${CMK_HINT}.`);
            }
            if (p.manageMasterUserPassword === true && isCustomerManagedKey(p.masterUserSecretKmsKeyId) === false) {
                report(
                    `masterUserSecretKmsKeyId ${describeKey(p.masterUserSecretKmsKeyId)}: the managed master password secret would use the AWS managed key.`,
                );
            }
            if (
                p.performanceInsightsEnabled === true &&
                isCustomerManagedKey(p.performanceInsightsKmsKeyId) === false
            ) {
                report(
                    `performanceInsightsKmsKeyId ${describeKey(p.performanceInsightsKmsKeyId)}: Performance Insights keeps query text, which can contain patient data.`,
                );
            }
        },
    ),
};

function describeKey(v: unknown): string {
    return v === undefined || v === null || v === ""
        ? "is not set (AWS managed key)"
        : `is "${String(v)}", an AWS managed key`;
}

export const elasticacheEncryptionAtRest: ResourceValidationPolicy = {
    name: "elasticache-encryption-at-rest",
    description:
        "ElastiCache replication groups encrypt data at rest (nodes, swap, snapshots) with a customer managed key: " +
        "atRestEncryptionEnabled = true and kmsKeyId set.",
    enforcementLevel: "mandatory",
    severity: "high",
    remediationSteps: `Set atRestEncryptionEnabled: true and kmsKeyId to ${CMK_HINT} (changing either replaces the group).`,
    ...compliance("164.312(a)(2)(iv)", ["encryption", "kms", "elasticache"]),
    validateResource: validateResourceOfType(aws.elasticache.ReplicationGroup, (rg, args, report) => {
        const p = plain(rg);
        if (test(p.atRestEncryptionEnabled, (v) => v === true) === false) {
            report("atRestEncryptionEnabled is not true: cached sessions and pages would be stored unencrypted.");
        }
        if (isCustomerManagedKey(p.kmsKeyId) === false) {
            report(`kmsKeyId ${describeKey(p.kmsKeyId)}; use ${CMK_HINT}.`);
        }
    }),
};

/** The default-encryption rules of an encryption configuration (`rules` list, or the deprecated inline `rule`). */
function encryptionDefaults(config: unknown): unknown[] | undefined {
    if (isUnknown(config)) {
        return undefined;
    }
    const c = (config ?? {}) as { rules?: unknown; rule?: unknown };
    // An unknown list (the sentinel) is one unknown rule.
    const rules = c.rules ?? c.rule;
    return asArray(rules).map((r) =>
        isUnknown(r)
            ? r
            : (r as { applyServerSideEncryptionByDefault?: unknown } | undefined)?.applyServerSideEncryptionByDefault,
    );
}

/** Whether a default-encryption block uses SSE-KMS with a customer managed key (or, if `s3Ok`, at least SSE-S3). */
function encryptsWithCmk(byDefault: unknown, s3Ok: boolean): Tri {
    if (isUnknown(byDefault)) {
        return undefined;
    }
    const d = (byDefault ?? {}) as { sseAlgorithm?: unknown; kmsMasterKeyId?: unknown };
    if (isUnknown(d.sseAlgorithm)) {
        return undefined;
    }
    if (d.sseAlgorithm === "aws:kms" || d.sseAlgorithm === "aws:kms:dsse") {
        return isCustomerManagedKey(d.kmsMasterKeyId);
    }
    return s3Ok && d.sseAlgorithm === "AES256";
}

/** Whether a bucket receives S3 server access logs (the only buckets that may use SSE-S3). */
function isAccessLogTarget(bucket: PolicyResource, resources: PolicyResource[]): Tri {
    const ids = bucketIdentities(bucket);
    return any(
        // Stryker disable next-line MethodExpression: no other resource type has a top-level targetBucket, which refersTo reads
        resources.filter((r) => isAnyOf(r, BUCKET_LOGGING)).map((r) => refersTo(r, "targetBucket", bucket, ids)),
    );
}

export const s3EncryptionAtRest: StackValidationPolicy = {
    name: "s3-encryption-at-rest",
    description:
        "Every S3 bucket encrypts new objects by default with SSE-KMS (aws:kms or aws:kms:dsse) and a customer managed key, " +
        "through an aws.s3.BucketServerSideEncryptionConfiguration. Exception: buckets that receive S3 server access logs " +
        "(target of a BucketLogging) may use SSE-S3 (AES256), the only encryption S3 log delivery supports.",
    enforcementLevel: "mandatory",
    severity: "high",
    remediationSteps:
        "Add an aws.s3.BucketServerSideEncryptionConfiguration for the bucket with rules: [{ applyServerSideEncryptionByDefault: " +
        `{ sseAlgorithm: "aws:kms", kmsMasterKeyId: <${CMK_HINT}> }, bucketKeyEnabled: true }].`,
    ...compliance("164.312(a)(2)(iv)", ["encryption", "kms", "s3"]),
    validateStack: (args, report) => {
        const buckets = args.resources.filter((r) => isAnyOf(r, BUCKETS));
        if (buckets.length === 0) {
            args.notApplicable("no S3 buckets in the stack");
        }
        const configs = args.resources.filter((r) => isAnyOf(r, BUCKET_ENCRYPTION));
        for (const bucket of buckets) {
            const logTarget = isAccessLogTarget(bucket, args.resources);
            const verdict = (s3Ok: boolean): { ok: Tri; count: number } => {
                const verdicts: Tri[] = [];
                const inline = propsOf(bucket).serverSideEncryptionConfiguration;
                if (inline !== undefined && inline !== null) {
                    verdicts.push(defaultsVerdict(encryptionDefaults(inline), s3Ok));
                }
                for (const config of configs) {
                    // Another bucket's configuration (linked === false) counts neither way.
                    const linked = refersTo(config, "bucket", bucket, bucketIdentities(bucket));
                    const v = defaultsVerdict(encryptionDefaults(propsOf(config)), s3Ok);
                    if (linked === true) {
                        verdicts.push(v);
                    } else if (linked === undefined && v !== false) {
                        verdicts.push(undefined); // may be this bucket's configuration, and may comply
                    }
                }
                return { ok: any(verdicts), count: verdicts.length };
            };
            // A bucket that may be a log target only fails when even SSE-S3 is missing.
            const { ok, count } = verdict(logTarget !== false);
            if (ok === false) {
                report(
                    count === 0
                        ? `bucket ${bucket.name} has no default encryption configuration.`
                        : logTarget === true
                          ? `access-log bucket ${bucket.name} has no default encryption (SSE-S3 or SSE-KMS).`
                          : `bucket ${bucket.name} does not encrypt with SSE-KMS and a customer managed key by default.`,
                    bucket.urn,
                );
            }
        }
    },
};

function defaultsVerdict(defaults: unknown[] | undefined, s3Ok: boolean): Tri {
    return defaults === undefined ? undefined : any(defaults.map((d) => encryptsWithCmk(d, s3Ok)));
}

/** One EBS volume definition: encrypted (boolean, or "true" in launch templates) with a customer managed key. */
function volumeProblems(volume: unknown, label: string): string[] {
    if (!isObject(volume)) {
        return []; // absent, null or unknown
    }
    const v = volume as { encrypted?: unknown; kmsKeyId?: unknown };
    const problems: string[] = [];
    if (test(v.encrypted, (e) => e === true || e === "true") === false) {
        problems.push(`${label} is not encrypted.`);
    }
    if (isCustomerManagedKey(v.kmsKeyId) === false) {
        problems.push(`${label} kmsKeyId ${describeKey(v.kmsKeyId)}; use ${CMK_HINT}.`);
    }
    return problems;
}

export const ebsEncryption: ResourceValidationPolicy = {
    name: "ebs-encryption-at-rest",
    description:
        "EBS volumes are encrypted with a customer managed key: the root and additional block devices of aws.ec2.Instance " +
        "(rootBlockDevice, ebsBlockDevices), the EBS mappings of aws.ec2.LaunchTemplate and aws.ebs.Volume " +
        "(encrypted = true and kmsKeyId). An instance without rootBlockDevice (and no launch template) gets an unencrypted root " +
        "volume unless the account enables encryption by default, which this pack cannot see.",
    enforcementLevel: "mandatory",
    severity: "high",
    remediationSteps: `Declare rootBlockDevice (and every ebsBlockDevices entry) with encrypted: true and kmsKeyId: <${CMK_HINT}>.`,
    ...compliance("164.312(a)(2)(iv)", ["encryption", "kms", "ec2", "ebs"]),
    validateResource: validateResourceOfTypes(
        [aws.ec2.Instance, aws.ec2.LaunchTemplate, aws.ebs.Volume],
        "EC2 instances, launch templates and EBS volumes",
        (args, report) => {
            const instance = args.asType(aws.ec2.Instance);
            if (instance) {
                const p = plain(instance);
                const fromTemplate = p.launchTemplate !== undefined && p.launchTemplate !== null;
                if ((p.rootBlockDevice === undefined || p.rootBlockDevice === null) && !fromTemplate) {
                    report(
                        "rootBlockDevice is not declared: the root volume (system, logs, caches) would be unencrypted.",
                    );
                } else {
                    volumeProblems(p.rootBlockDevice, "rootBlockDevice").forEach((m) => report(m));
                }
                // An unknown list (the sentinel) is one unknown volume, skipped.
                asArray(p.ebsBlockDevices).forEach((d, i) =>
                    volumeProblems(d, `ebsBlockDevices[${i}]`).forEach((m) => report(m)),
                );
                return;
            }
            const template = args.asType(aws.ec2.LaunchTemplate);
            if (template) {
                const p = plain(template);
                // Unknown lists or mappings (the sentinel) and mappings without ebs are skipped.
                asArray(p.blockDeviceMappings).forEach((m, i) => {
                    const ebs = isObject(m) ? (m as { ebs?: unknown }).ebs : undefined;
                    volumeProblems(ebs, `blockDeviceMappings[${i}].ebs`).forEach((x) => report(x));
                });
                return;
            }
            volumeProblems(plain(args.asType(aws.ebs.Volume)!), "the volume").forEach((m) => report(m));
        },
    ),
};

export const opensearchEncryptionAtRest: ResourceValidationPolicy = {
    name: "opensearch-encryption-at-rest",
    description:
        "OpenSearch domains (application and audit logs) encrypt data at rest with a customer managed key: encryptAtRest.enabled = true and encryptAtRest.kmsKeyId.",
    enforcementLevel: "mandatory",
    severity: "high",
    remediationSteps: `Set encryptAtRest: { enabled: true, kmsKeyId: <${CMK_HINT}> } (changing it replaces the domain).`,
    ...compliance("164.312(a)(2)(iv)", ["encryption", "kms", "opensearch"]),
    validateResource: validateResourceOfType(aws.opensearch.Domain, (domain, args, report) => {
        const e = plain(domain).encryptAtRest;
        if (isUnknown(e)) {
            return;
        }
        if (test(e?.enabled, (v) => v === true) === false) {
            report(
                "encryptAtRest.enabled is not true: indices (logs that can contain patient identifiers) would be stored unencrypted.",
            );
        }
        if (isCustomerManagedKey(e?.kmsKeyId) === false) {
            report(`encryptAtRest.kmsKeyId ${describeKey(e?.kmsKeyId)}; use ${CMK_HINT}.`);
        }
    }),
};

/** A policy that one key argument of one resource type names a customer managed key. */
function keyArgumentPolicy(spec: {
    name: string;
    cls: ResourceClass;
    what: string;
    argument: string;
    severity: Severity;
    why: string;
    topics: string[];
}): ResourceValidationPolicy {
    return {
        name: spec.name,
        description: `${spec.what} are encrypted with a customer managed KMS key (${spec.argument} set, not an AWS managed alias/aws/... key). ${spec.why}`,
        enforcementLevel: "mandatory",
        severity: spec.severity,
        remediationSteps: `Set ${spec.argument} to ${CMK_HINT}; the key policy must allow the service to use it.`,
        ...compliance("164.312(a)(2)(iv)", ["encryption", "kms", ...spec.topics]),
        // One type: the SDK's helper, whose type the SDK checks before it decodes a resource's properties.
        validateResource: validateResourceOfType(spec.cls, (props, _args, report) => {
            const value = plain(props)[spec.argument];
            if (isCustomerManagedKey(value) === false) {
                report(`${spec.argument} ${describeKey(value)}.`);
            }
        }),
    };
}

export const logGroupEncryption = keyArgumentPolicy({
    name: "cloudwatch-log-group-encryption",
    cls: aws.cloudwatch.LogGroup,
    what: "CloudWatch log groups",
    argument: "kmsKeyId",
    severity: "high",
    why: "Application, web server and database logs can hold patient identifiers.",
    topics: ["cloudwatch", "logs"],
});

export const snsTopicEncryption = keyArgumentPolicy({
    name: "sns-topic-encryption",
    cls: aws.sns.Topic,
    what: "SNS topics",
    argument: "kmsMasterKeyId",
    severity: "medium",
    why: "Alarm and backup notifications name resources and can quote log lines.",
    topics: ["sns"],
});

export const secretEncryption = keyArgumentPolicy({
    name: "secretsmanager-secret-encryption",
    cls: aws.secretsmanager.Secret,
    what: "Secrets Manager secrets",
    argument: "kmsKeyId",
    severity: "high",
    why: "Database and cache credentials open every patient record.",
    topics: ["secretsmanager"],
});

export const backupVaultEncryption = keyArgumentPolicy({
    name: "backup-vault-encryption",
    cls: aws.backup.Vault,
    what: "AWS Backup vaults",
    argument: "kmsKeyArn",
    severity: "high",
    why: "Recovery points are full copies of the databases, volumes and buckets.",
    topics: ["backup"],
});

export const kmsKeyRotation: ResourceValidationPolicy = {
    name: "kms-key-rotation",
    description:
        "Customer managed symmetric encryption keys rotate their key material automatically at least yearly " +
        "(enableKeyRotation = true, rotationPeriodInDays <= 365). Asymmetric, HMAC and external (custom key store) keys " +
        "cannot rotate automatically and are not checked.",
    enforcementLevel: "mandatory",
    severity: "medium",
    remediationSteps: "Set enableKeyRotation: true (rotationPeriodInDays between 90 and 365) on the aws.kms.Key.",
    ...compliance("164.312(a)(2)(iv)", ["encryption", "kms"]),
    validateResource: validateResourceOfType(aws.kms.Key, (key, args, report) => {
        const p = plain(key);
        const spec = p.customerMasterKeySpec;
        const usage = p.keyUsage;
        if (isUnknown(spec) || isUnknown(usage) || isUnknown(p.customKeyStoreId) || isUnknown(p.xksKeyId)) {
            return;
        }
        if (
            (spec ?? "SYMMETRIC_DEFAULT") !== "SYMMETRIC_DEFAULT" ||
            (usage ?? "ENCRYPT_DECRYPT") !== "ENCRYPT_DECRYPT" ||
            p.customKeyStoreId ||
            p.xksKeyId
        ) {
            args.notApplicable("only symmetric encryption keys in AWS KMS rotate automatically");
        }
        if (test(p.enableKeyRotation, (v) => v === true) === false) {
            report("enableKeyRotation is not true: the key material would never change.");
        }
        // Stryker disable next-line ConditionalExpression: null <= 365 holds too (null compares as 0)
        if (test(p.rotationPeriodInDays, (v) => v === undefined || v === null || v <= 365) === false) {
            report(`rotationPeriodInDays is ${p.rotationPeriodInDays}; rotate at least every 365 days.`);
        }
    }),
};
