"use strict";
// Encryption at rest with customer managed KMS keys (HIPAA 164.312(a)(2)(iv),
// LGPD art. 46). A customer managed key (not an AWS managed `alias/aws/...`
// key) lets the hospital control and audit who can decrypt, rotate the key
// and revoke access; every use is logged in CloudTrail.
var __createBinding = (this && this.__createBinding) || (Object.create ? (function(o, m, k, k2) {
    if (k2 === undefined) k2 = k;
    var desc = Object.getOwnPropertyDescriptor(m, k);
    if (!desc || ("get" in desc ? !m.__esModule : desc.writable || desc.configurable)) {
      desc = { enumerable: true, get: function() { return m[k]; } };
    }
    Object.defineProperty(o, k2, desc);
}) : (function(o, m, k, k2) {
    if (k2 === undefined) k2 = k;
    o[k2] = m[k];
}));
var __setModuleDefault = (this && this.__setModuleDefault) || (Object.create ? (function(o, v) {
    Object.defineProperty(o, "default", { enumerable: true, value: v });
}) : function(o, v) {
    o["default"] = v;
});
var __importStar = (this && this.__importStar) || (function () {
    var ownKeys = function(o) {
        ownKeys = Object.getOwnPropertyNames || function (o) {
            var ar = [];
            for (var k in o) if (Object.prototype.hasOwnProperty.call(o, k)) ar[ar.length] = k;
            return ar;
        };
        return ownKeys(o);
    };
    return function (mod) {
        if (mod && mod.__esModule) return mod;
        var result = {};
        if (mod != null) for (var k = ownKeys(mod), i = 0; i < k.length; i++) if (k[i] !== "default") __createBinding(result, mod, k[i]);
        __setModuleDefault(result, mod);
        return result;
    };
})();
Object.defineProperty(exports, "__esModule", { value: true });
exports.kmsKeyRotation = exports.backupVaultEncryption = exports.secretEncryption = exports.snsTopicEncryption = exports.logGroupEncryption = exports.opensearchEncryptionAtRest = exports.ebsEncryption = exports.s3EncryptionAtRest = exports.elasticacheEncryptionAtRest = exports.rdsEncryptionAtRest = void 0;
const aws = __importStar(require("@pulumi/aws"));
const policy_1 = require("@pulumi/policy");
const compliance_1 = require("./lib/compliance");
const resources_1 = require("./lib/resources");
const types_1 = require("./lib/types");
const validate_1 = require("./lib/validate");
const values_1 = require("./lib/values");
const CMK_HINT = "a customer managed key (aws.kms.Key ARN) from the Keys component";
exports.rdsEncryptionAtRest = {
    name: "rds-encryption-at-rest",
    description: "RDS/Aurora clusters and RDS instances encrypt storage with a customer managed key (storageEncrypted = true and " +
        "kmsKeyId), and so do the master user secret RDS manages (masterUserSecretKmsKeyId) and Performance Insights data " +
        "(performanceInsightsKmsKeyId) when enabled. Read replicas inherit their source's encryption and are not checked.",
    enforcementLevel: "mandatory",
    severity: "high",
    remediationSteps: `Set storageEncrypted: true and kmsKeyId to ${CMK_HINT}; with manageMasterUserPassword also masterUserSecretKmsKeyId, ` +
        "with performanceInsightsEnabled also performanceInsightsKmsKeyId. Encryption of an existing database needs a snapshot restore.",
    ...(0, compliance_1.compliance)("164.312(a)(2)(iv)", ["encryption", "kms", "rds"]),
    validateResource: (0, validate_1.validateResourceOfTypes)([aws.rds.Cluster, aws.rds.Instance], "RDS clusters and instances", (args, report) => {
        const p = (0, values_1.plain)((args.asType(aws.rds.Cluster) ?? args.asType(aws.rds.Instance)));
        if ((0, values_1.knownString)(p.replicateSourceDb)) {
            args.notApplicable("read replica: encrypted like its source");
        }
        if ((0, values_1.test)(p.storageEncrypted, (v) => v === true) === false) {
            report("storageEncrypted is not true: the database's storage, snapshots and backups would be unencrypted.");
        }
        if ((0, validate_1.isCustomerManagedKey)(p.kmsKeyId) === false) {
            report(`kmsKeyId ${describeKey(p.kmsKeyId)}; use ${CMK_HINT}.`);
        }
        if (p.manageMasterUserPassword === true && (0, validate_1.isCustomerManagedKey)(p.masterUserSecretKmsKeyId) === false) {
            report(`masterUserSecretKmsKeyId ${describeKey(p.masterUserSecretKmsKeyId)}: the managed master password secret would use the AWS managed key.`);
        }
        if (p.performanceInsightsEnabled === true &&
            (0, validate_1.isCustomerManagedKey)(p.performanceInsightsKmsKeyId) === false) {
            report(`performanceInsightsKmsKeyId ${describeKey(p.performanceInsightsKmsKeyId)}: Performance Insights keeps query text, which can contain patient data.`);
        }
    }),
};
function describeKey(v) {
    return v === undefined || v === null || v === ""
        ? "is not set (AWS managed key)"
        : `is "${String(v)}", an AWS managed key`;
}
exports.elasticacheEncryptionAtRest = {
    name: "elasticache-encryption-at-rest",
    description: "ElastiCache replication groups encrypt data at rest (nodes, swap, snapshots) with a customer managed key: " +
        "atRestEncryptionEnabled = true and kmsKeyId set.",
    enforcementLevel: "mandatory",
    severity: "high",
    remediationSteps: `Set atRestEncryptionEnabled: true and kmsKeyId to ${CMK_HINT} (changing either replaces the group).`,
    ...(0, compliance_1.compliance)("164.312(a)(2)(iv)", ["encryption", "kms", "elasticache"]),
    validateResource: (0, policy_1.validateResourceOfType)(aws.elasticache.ReplicationGroup, (rg, args, report) => {
        const p = (0, values_1.plain)(rg);
        if ((0, values_1.test)(p.atRestEncryptionEnabled, (v) => v === true) === false) {
            report("atRestEncryptionEnabled is not true: cached sessions and pages would be stored unencrypted.");
        }
        if ((0, validate_1.isCustomerManagedKey)(p.kmsKeyId) === false) {
            report(`kmsKeyId ${describeKey(p.kmsKeyId)}; use ${CMK_HINT}.`);
        }
    }),
};
/** The default-encryption rules of an encryption configuration (`rules` list, or the deprecated inline `rule`). */
function encryptionDefaults(config) {
    if ((0, values_1.isUnknown)(config)) {
        return undefined;
    }
    const c = (config ?? {});
    // An unknown list (the sentinel) is one unknown rule.
    const rules = c.rules ?? c.rule;
    return (0, values_1.asArray)(rules).map((r) => (0, values_1.isUnknown)(r)
        ? r
        : r?.applyServerSideEncryptionByDefault);
}
/** Whether a default-encryption block uses SSE-KMS with a customer managed key (or, if `s3Ok`, at least SSE-S3). */
function encryptsWithCmk(byDefault, s3Ok) {
    if ((0, values_1.isUnknown)(byDefault)) {
        return undefined;
    }
    const d = (byDefault ?? {});
    if ((0, values_1.isUnknown)(d.sseAlgorithm)) {
        return undefined;
    }
    if (d.sseAlgorithm === "aws:kms" || d.sseAlgorithm === "aws:kms:dsse") {
        return (0, validate_1.isCustomerManagedKey)(d.kmsMasterKeyId);
    }
    return s3Ok && d.sseAlgorithm === "AES256";
}
/** Whether a bucket receives S3 server access logs (the only buckets that may use SSE-S3). */
function isAccessLogTarget(bucket, resources) {
    const ids = (0, resources_1.bucketIdentities)(bucket);
    return (0, values_1.any)(
    // Stryker disable next-line MethodExpression: no other resource type has a top-level targetBucket, which refersTo reads
    resources.filter((r) => (0, validate_1.isAnyOf)(r, types_1.BUCKET_LOGGING)).map((r) => (0, resources_1.refersTo)(r, "targetBucket", bucket, ids)));
}
exports.s3EncryptionAtRest = {
    name: "s3-encryption-at-rest",
    description: "Every S3 bucket encrypts new objects by default with SSE-KMS (aws:kms or aws:kms:dsse) and a customer managed key, " +
        "through an aws.s3.BucketServerSideEncryptionConfiguration. Exception: buckets that receive S3 server access logs " +
        "(target of a BucketLogging) may use SSE-S3 (AES256), the only encryption S3 log delivery supports.",
    enforcementLevel: "mandatory",
    severity: "high",
    remediationSteps: "Add an aws.s3.BucketServerSideEncryptionConfiguration for the bucket with rules: [{ applyServerSideEncryptionByDefault: " +
        `{ sseAlgorithm: "aws:kms", kmsMasterKeyId: <${CMK_HINT}> }, bucketKeyEnabled: true }].`,
    ...(0, compliance_1.compliance)("164.312(a)(2)(iv)", ["encryption", "kms", "s3"]),
    validateStack: (args, report) => {
        const buckets = args.resources.filter((r) => (0, validate_1.isAnyOf)(r, types_1.BUCKETS));
        if (buckets.length === 0) {
            args.notApplicable("no S3 buckets in the stack");
        }
        const configs = args.resources.filter((r) => (0, validate_1.isAnyOf)(r, types_1.BUCKET_ENCRYPTION));
        for (const bucket of buckets) {
            const logTarget = isAccessLogTarget(bucket, args.resources);
            const verdict = (s3Ok) => {
                const verdicts = [];
                const inline = (0, resources_1.propsOf)(bucket).serverSideEncryptionConfiguration;
                if (inline !== undefined && inline !== null) {
                    verdicts.push(defaultsVerdict(encryptionDefaults(inline), s3Ok));
                }
                for (const config of configs) {
                    // Another bucket's configuration (linked === false) counts neither way.
                    const linked = (0, resources_1.refersTo)(config, "bucket", bucket, (0, resources_1.bucketIdentities)(bucket));
                    const v = defaultsVerdict(encryptionDefaults((0, resources_1.propsOf)(config)), s3Ok);
                    if (linked === true) {
                        verdicts.push(v);
                    }
                    else if (linked === undefined && v !== false) {
                        verdicts.push(undefined); // may be this bucket's configuration, and may comply
                    }
                }
                return { ok: (0, values_1.any)(verdicts), count: verdicts.length };
            };
            // A bucket that may be a log target only fails when even SSE-S3 is missing.
            const { ok, count } = verdict(logTarget !== false);
            if (ok === false) {
                report(count === 0
                    ? `bucket ${bucket.name} has no default encryption configuration.`
                    : logTarget === true
                        ? `access-log bucket ${bucket.name} has no default encryption (SSE-S3 or SSE-KMS).`
                        : `bucket ${bucket.name} does not encrypt with SSE-KMS and a customer managed key by default.`, bucket.urn);
            }
        }
    },
};
function defaultsVerdict(defaults, s3Ok) {
    return defaults === undefined ? undefined : (0, values_1.any)(defaults.map((d) => encryptsWithCmk(d, s3Ok)));
}
/** One EBS volume definition: encrypted (boolean, or "true" in launch templates) with a customer managed key. */
function volumeProblems(volume, label) {
    if (!(0, values_1.isObject)(volume)) {
        return []; // absent, null or unknown
    }
    const v = volume;
    const problems = [];
    if ((0, values_1.test)(v.encrypted, (e) => e === true || e === "true") === false) {
        problems.push(`${label} is not encrypted.`);
    }
    if ((0, validate_1.isCustomerManagedKey)(v.kmsKeyId) === false) {
        problems.push(`${label} kmsKeyId ${describeKey(v.kmsKeyId)}; use ${CMK_HINT}.`);
    }
    return problems;
}
exports.ebsEncryption = {
    name: "ebs-encryption-at-rest",
    description: "EBS volumes are encrypted with a customer managed key: the root and additional block devices of aws.ec2.Instance " +
        "(rootBlockDevice, ebsBlockDevices), the EBS mappings of aws.ec2.LaunchTemplate and aws.ebs.Volume " +
        "(encrypted = true and kmsKeyId). An instance without rootBlockDevice (and no launch template) gets an unencrypted root " +
        "volume unless the account enables encryption by default, which this pack cannot see.",
    enforcementLevel: "mandatory",
    severity: "high",
    remediationSteps: `Declare rootBlockDevice (and every ebsBlockDevices entry) with encrypted: true and kmsKeyId: <${CMK_HINT}>.`,
    ...(0, compliance_1.compliance)("164.312(a)(2)(iv)", ["encryption", "kms", "ec2", "ebs"]),
    validateResource: (0, validate_1.validateResourceOfTypes)([aws.ec2.Instance, aws.ec2.LaunchTemplate, aws.ebs.Volume], "EC2 instances, launch templates and EBS volumes", (args, report) => {
        const instance = args.asType(aws.ec2.Instance);
        if (instance) {
            const p = (0, values_1.plain)(instance);
            const fromTemplate = p.launchTemplate !== undefined && p.launchTemplate !== null;
            if ((p.rootBlockDevice === undefined || p.rootBlockDevice === null) && !fromTemplate) {
                report("rootBlockDevice is not declared: the root volume (system, logs, caches) would be unencrypted.");
            }
            else {
                volumeProblems(p.rootBlockDevice, "rootBlockDevice").forEach((m) => report(m));
            }
            // An unknown list (the sentinel) is one unknown volume, skipped.
            (0, values_1.asArray)(p.ebsBlockDevices).forEach((d, i) => volumeProblems(d, `ebsBlockDevices[${i}]`).forEach((m) => report(m)));
            return;
        }
        const template = args.asType(aws.ec2.LaunchTemplate);
        if (template) {
            const p = (0, values_1.plain)(template);
            // Unknown lists or mappings (the sentinel) and mappings without ebs are skipped.
            (0, values_1.asArray)(p.blockDeviceMappings).forEach((m, i) => {
                const ebs = (0, values_1.isObject)(m) ? m.ebs : undefined;
                volumeProblems(ebs, `blockDeviceMappings[${i}].ebs`).forEach((x) => report(x));
            });
            return;
        }
        volumeProblems((0, values_1.plain)(args.asType(aws.ebs.Volume)), "the volume").forEach((m) => report(m));
    }),
};
exports.opensearchEncryptionAtRest = {
    name: "opensearch-encryption-at-rest",
    description: "OpenSearch domains (application and audit logs) encrypt data at rest with a customer managed key: encryptAtRest.enabled = true and encryptAtRest.kmsKeyId.",
    enforcementLevel: "mandatory",
    severity: "high",
    remediationSteps: `Set encryptAtRest: { enabled: true, kmsKeyId: <${CMK_HINT}> } (changing it replaces the domain).`,
    ...(0, compliance_1.compliance)("164.312(a)(2)(iv)", ["encryption", "kms", "opensearch"]),
    validateResource: (0, policy_1.validateResourceOfType)(aws.opensearch.Domain, (domain, args, report) => {
        const e = (0, values_1.plain)(domain).encryptAtRest;
        if ((0, values_1.isUnknown)(e)) {
            return;
        }
        if ((0, values_1.test)(e?.enabled, (v) => v === true) === false) {
            report("encryptAtRest.enabled is not true: indices (logs that can contain patient identifiers) would be stored unencrypted.");
        }
        if ((0, validate_1.isCustomerManagedKey)(e?.kmsKeyId) === false) {
            report(`encryptAtRest.kmsKeyId ${describeKey(e?.kmsKeyId)}; use ${CMK_HINT}.`);
        }
    }),
};
/** A policy that one key argument of one resource type names a customer managed key. */
function keyArgumentPolicy(spec) {
    return {
        name: spec.name,
        description: `${spec.what} are encrypted with a customer managed KMS key (${spec.argument} set, not an AWS managed alias/aws/... key). ${spec.why}`,
        enforcementLevel: "mandatory",
        severity: spec.severity,
        remediationSteps: `Set ${spec.argument} to ${CMK_HINT}; the key policy must allow the service to use it.`,
        ...(0, compliance_1.compliance)("164.312(a)(2)(iv)", ["encryption", "kms", ...spec.topics]),
        // One type: the SDK's helper, whose type the SDK checks before it decodes a resource's properties.
        validateResource: (0, policy_1.validateResourceOfType)(spec.cls, (props, _args, report) => {
            const value = (0, values_1.plain)(props)[spec.argument];
            if ((0, validate_1.isCustomerManagedKey)(value) === false) {
                report(`${spec.argument} ${describeKey(value)}.`);
            }
        }),
    };
}
exports.logGroupEncryption = keyArgumentPolicy({
    name: "cloudwatch-log-group-encryption",
    cls: aws.cloudwatch.LogGroup,
    what: "CloudWatch log groups",
    argument: "kmsKeyId",
    severity: "high",
    why: "Application, web server and database logs can hold patient identifiers.",
    topics: ["cloudwatch", "logs"],
});
exports.snsTopicEncryption = keyArgumentPolicy({
    name: "sns-topic-encryption",
    cls: aws.sns.Topic,
    what: "SNS topics",
    argument: "kmsMasterKeyId",
    severity: "medium",
    why: "Alarm and backup notifications name resources and can quote log lines.",
    topics: ["sns"],
});
exports.secretEncryption = keyArgumentPolicy({
    name: "secretsmanager-secret-encryption",
    cls: aws.secretsmanager.Secret,
    what: "Secrets Manager secrets",
    argument: "kmsKeyId",
    severity: "high",
    why: "Database and cache credentials open every patient record.",
    topics: ["secretsmanager"],
});
exports.backupVaultEncryption = keyArgumentPolicy({
    name: "backup-vault-encryption",
    cls: aws.backup.Vault,
    what: "AWS Backup vaults",
    argument: "kmsKeyArn",
    severity: "high",
    why: "Recovery points are full copies of the databases, volumes and buckets.",
    topics: ["backup"],
});
exports.kmsKeyRotation = {
    name: "kms-key-rotation",
    description: "Customer managed symmetric encryption keys rotate their key material automatically at least yearly " +
        "(enableKeyRotation = true, rotationPeriodInDays <= 365). Asymmetric, HMAC and external (custom key store) keys " +
        "cannot rotate automatically and are not checked.",
    enforcementLevel: "mandatory",
    severity: "medium",
    remediationSteps: "Set enableKeyRotation: true (rotationPeriodInDays between 90 and 365) on the aws.kms.Key.",
    ...(0, compliance_1.compliance)("164.312(a)(2)(iv)", ["encryption", "kms"]),
    validateResource: (0, policy_1.validateResourceOfType)(aws.kms.Key, (key, args, report) => {
        const p = (0, values_1.plain)(key);
        const spec = p.customerMasterKeySpec;
        const usage = p.keyUsage;
        if ((0, values_1.isUnknown)(spec) || (0, values_1.isUnknown)(usage) || (0, values_1.isUnknown)(p.customKeyStoreId) || (0, values_1.isUnknown)(p.xksKeyId)) {
            return;
        }
        if ((spec ?? "SYMMETRIC_DEFAULT") !== "SYMMETRIC_DEFAULT" ||
            (usage ?? "ENCRYPT_DECRYPT") !== "ENCRYPT_DECRYPT" ||
            p.customKeyStoreId ||
            p.xksKeyId) {
            args.notApplicable("only symmetric encryption keys in AWS KMS rotate automatically");
        }
        if ((0, values_1.test)(p.enableKeyRotation, (v) => v === true) === false) {
            report("enableKeyRotation is not true: the key material would never change.");
        }
        // Stryker disable next-line ConditionalExpression: null <= 365 holds too (null compares as 0)
        if ((0, values_1.test)(p.rotationPeriodInDays, (v) => v === undefined || v === null || v <= 365) === false) {
            report(`rotationPeriodInDays is ${p.rotationPeriodInDays}; rotate at least every 365 days.`);
        }
    }),
};
