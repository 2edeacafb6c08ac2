"use strict";
// Backups: retrievable copies of every data store, kept long enough and kept
// in a second region (HIPAA 164.308(a)(7)(ii)(A) data backup plan,
// 164.308(a)(7)(ii)(B) disaster recovery plan; LGPD art. 46).
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
exports.backupCrossRegionCopy = exports.backupCoverage = exports.BACKUP_EXEMPT_TAG = exports.databaseBackupRetention = exports.backupPlanRetention = void 0;
exports.arnGlob = arnGlob;
exports.selects = selects;
exports.isExemptBucket = isExemptBucket;
exports.regionOfArn = regionOfArn;
const aws = __importStar(require("@pulumi/aws"));
const policy_1 = require("@pulumi/policy");
const compliance_1 = require("./lib/compliance");
const config_1 = require("./lib/config");
const resources_1 = require("./lib/resources");
const types_1 = require("./lib/types");
const validate_1 = require("./lib/validate");
const values_1 = require("./lib/values");
/** AWS Backup keeps continuous (point-in-time) backups for at most 35 days. */
const CONTINUOUS_MAX_DAYS = 35;
/** AWS Backup requires recovery points to stay at least 90 days in cold storage. */
const COLD_STORAGE_MIN_DAYS = 90;
/** RDS keeps automated backups for at most 35 days. */
const RDS_MAX_RETENTION_DAYS = 35;
/** Violations of one lifecycle block: too short, or too little time in cold storage. */
function lifecycleProblems(lifecycle, minimum, what) {
    // No lifecycle: recovery points are kept until deleted by hand. An unknown
    // lifecycle is the engine's sentinel string, whose members are undefined.
    if (lifecycle === undefined || lifecycle === null) {
        return [];
    }
    const l = lifecycle;
    const problems = [];
    // Stryker disable next-line ConditionalExpression: a non-number deleteAfter (absent or unknown) compares false with any minimum either way
    if (typeof l.deleteAfter === "number" && l.deleteAfter < minimum) {
        problems.push(`${what} deletes recovery points after ${l.deleteAfter} days; keep them at least ${minimum} days.`);
    }
    if (
    // Stryker disable next-line ConditionalExpression,LogicalOperator: with either value absent or unknown the difference is NaN, which compares false either way
    typeof l.deleteAfter === "number" &&
        // Stryker disable next-line ConditionalExpression: as above (NaN)
        typeof l.coldStorageAfter === "number" &&
        l.deleteAfter - l.coldStorageAfter < COLD_STORAGE_MIN_DAYS) {
        problems.push(`${what} moves recovery points to cold storage after ${l.coldStorageAfter} days and deletes them after ${l.deleteAfter}: ` +
            `AWS Backup requires at least ${COLD_STORAGE_MIN_DAYS} days in cold storage.`);
    }
    return problems;
}
exports.backupPlanRetention = {
    name: "backup-plan-retention",
    description: "Every AWS Backup plan rule and each of its copy actions keeps recovery points at least the minimum retention " +
        "(default 30 days): lifecycle.deleteAfter >= minimum (no deleteAfter keeps them until deleted). Continuous " +
        "(point-in-time) rules are capped by AWS at 35 days, so they need min(minimum, 35). A cold storage transition must " +
        "leave at least 90 days in cold storage, as AWS Backup requires.",
    enforcementLevel: "mandatory",
    severity: "high",
    remediationSteps: "Set lifecycle: { deleteAfter: 30 } (or more) on every rule and on every copyActions[].lifecycle; with coldStorageAfter " +
        "set, make deleteAfter at least coldStorageAfter + 90.",
    configSchema: config_1.MINIMUM_RETENTION_SCHEMA,
    ...(0, compliance_1.compliance)("164.308(a)(7)(ii)(A)", ["backup"], ["164.308(a)(7)(ii)(B)"]),
    validateResource: (0, policy_1.validateResourceOfType)(aws.backup.Plan, (plan, args, report) => {
        const { minimumRetentionDays } = (0, config_1.configWithDefaults)(config_1.MINIMUM_RETENTION_SCHEMA, args.getConfig());
        // Unknown rules or copy actions (the sentinel string) give one unknown element, skipped.
        const p = (0, values_1.plain)(plan);
        (0, values_1.asArray)(p.rules).forEach((raw, i) => {
            if (!(0, values_1.isObject)(raw)) {
                return;
            }
            const rule = raw;
            const label = (0, values_1.knownString)(rule.ruleName) ? `rule "${rule.ruleName}"` : `rules[${i}]`;
            const continuous = rule.enableContinuousBackup === true;
            const minimum = continuous ? Math.min(minimumRetentionDays, CONTINUOUS_MAX_DAYS) : minimumRetentionDays;
            lifecycleProblems(rule.lifecycle, minimum, label).forEach((m) => report(m));
            (0, values_1.asArray)(rule.copyActions).forEach((copy, j) => {
                if (!(0, values_1.isObject)(copy)) {
                    return;
                }
                const c = copy;
                const to = (0, values_1.knownString)(c.destinationVaultArn) ?? "its destination vault";
                lifecycleProblems(c.lifecycle, minimumRetentionDays, `${label} copy action ${j} (to ${to})`).forEach((m) => report(m));
            });
        });
    }),
};
exports.databaseBackupRetention = {
    name: "database-backup-retention",
    description: "Every RDS/Aurora cluster and RDS instance keeps automated backups (point-in-time restore) for min(minimum, 35) days " +
        "(minimum from config, default 30; RDS allows at most 35). Read replicas (replicateSourceDb) rely on their source's backups.",
    enforcementLevel: "mandatory",
    severity: "high",
    remediationSteps: "Set backupRetentionPeriod to 30 (or the configured minimum, at most 35) on the aws.rds.Cluster or aws.rds.Instance.",
    configSchema: config_1.MINIMUM_RETENTION_SCHEMA,
    ...(0, compliance_1.compliance)("164.308(a)(7)(ii)(A)", ["backup", "rds"]),
    validateResource: (0, validate_1.validateResourceOfTypes)([aws.rds.Cluster, aws.rds.Instance], "RDS clusters and instances", (args, report) => {
        const { minimumRetentionDays } = (0, config_1.configWithDefaults)(config_1.MINIMUM_RETENTION_SCHEMA, args.getConfig());
        const p = (0, values_1.plain)((args.asType(aws.rds.Cluster) ?? args.asType(aws.rds.Instance)));
        if ((0, values_1.knownString)(p.replicateSourceDb)) {
            args.notApplicable("read replica: backed up through its source");
        }
        const required = Math.min(minimumRetentionDays, RDS_MAX_RETENTION_DAYS);
        const period = p.backupRetentionPeriod;
        if ((0, values_1.isUnknown)(period)) {
            return;
        }
        if (typeof period !== "number") {
            report(`backupRetentionPeriod is not set (AWS keeps automated backups 1 day); set it to at least ${required}.`);
        }
        else if (period < required) {
            report(`backupRetentionPeriod is ${period} days; it must be at least ${required}.`);
        }
    }),
};
// ----- coverage -------------------------------------------------------------------
/** How a resource type's ARN looks, to match Selection ARN patterns against resources whose ARN is not known yet. */
const ARN_SHAPES = [
    { classes: [aws.rds.Cluster], service: "rds", prefix: "cluster:" },
    { classes: [aws.rds.Instance], service: "rds", prefix: "db:" },
    { classes: [aws.ec2.Instance], service: "ec2", prefix: "instance/" },
    { classes: types_1.BUCKETS, service: "s3", prefix: "" },
];
/** AWS Backup wildcard (`*`) match. */
function arnGlob(pattern, arn) {
    const re = new RegExp(`^${pattern
        .split("*")
        .map((s) => s.replace(/[.+?^${}()|[\]\\]/g, "\\$&"))
        .join(".*")}$`);
    return re.test(arn);
}
/** Whether an ARN pattern of a selection covers `target`. */
function patternCovers(pattern, target) {
    if (pattern === "*") {
        return true;
    }
    const arn = (0, values_1.knownString)((0, resources_1.propsOf)(target).arn);
    if (arn) {
        return arnGlob(pattern, arn);
    }
    // ARN not known yet (a resource to be created): decide from the pattern's shape.
    const shape = ARN_SHAPES.find((s) => (0, validate_1.isAnyOf)(target, s.classes));
    const parts = pattern.split(":");
    if (!shape || parts.length < 6) {
        return undefined;
    }
    const service = parts[2];
    if (!arnGlob(service, shape.service)) {
        return false;
    }
    const resourcePart = parts.slice(5).join(":");
    const region = (0, resources_1.regionOf)(target);
    const regionOk = parts[3] === "" || region === undefined || arnGlob(parts[3], region);
    if (!regionOk) {
        return false;
    }
    if (resourcePart === "*" || resourcePart === `${shape.prefix}*`) {
        return parts[4] === "*" || parts[4] === "" ? true : undefined; // account not known here
    }
    if (shape.prefix && !resourcePart.startsWith("*") && !resourcePart.startsWith(shape.prefix)) {
        return false;
    }
    return undefined;
}
/**
 * Whether a selection's ARN list (`resources` or `notResources`) names
 * `target`: through the engine's property dependencies (ARNs of resources
 * still to be created are unknown at preview), or by ARN value or pattern.
 */
function listedIn(selection, prop, target) {
    const byProperty = selection.propertyDependencies[prop];
    // Hosts that do not report property dependencies: a resource the selection depends on
    // counts as listed in `resources` (never as excluded: the dependency may be any property).
    const reported = Object.keys(selection.propertyDependencies).length > 0;
    // Stryker disable next-line ArrayDeclaration: an excluding list with unknown entries gives undefined or false, and neither flags a resource the list's other clauses select
    const deps = reported ? (byProperty ?? []) : prop === "resources" ? selection.dependencies : [];
    if (deps.some((d) => d.urn === target.urn)) {
        return true;
    }
    // An absent list names nothing; an unknown one (the sentinel) is one unknown entry.
    const value = (0, resources_1.propsOf)(selection)[prop];
    return (0, values_1.any)((0, values_1.asArray)(value).map((entry) => {
        if ((0, values_1.isUnknown)(entry)) {
            // Unknown entries come from the resources the list depends on; none of them is `target`.
            return deps.length > 0 ? false : undefined;
        }
        // Stryker disable next-line ConditionalExpression,BooleanLiteral: defensive; the provider's schema (list of strings) never lets another type through
        return typeof entry === "string" ? patternCovers(entry, target) : false;
    }));
}
function tagGlob(pattern, value) {
    return arnGlob(pattern, value);
}
/** Whether `target` satisfies a tag test; `key` is a tag key. */
function tagTest(target, key, predicate) {
    const value = (0, resources_1.tagValue)(target, key);
    return value === undefined ? undefined : predicate(value);
}
const RESOURCE_TAG = "aws:ResourceTag/";
/** AWS Backup's rule: (resources OR listOfTags) AND all conditions AND NOT notResources. */
function selects(selection, target) {
    const p = (0, resources_1.propsOf)(selection);
    const resources = p.resources;
    const tags = p.selectionTags;
    const noResources = resources === undefined || resources === null || (Array.isArray(resources) && resources.length === 0);
    const noTags = tags === undefined || tags === null || (Array.isArray(tags) && tags.length === 0);
    let base = true; // neither: every supported resource
    if (!noResources || !noTags) {
        // An unknown list (the sentinel) is one element that is not an object: cannot tell.
        // AWS Backup's ListOfTags supports only STRINGEQUALS; an unknown type is not it either.
        const tagged = (0, values_1.any)((0, values_1.asArray)(tags).map((t) => {
            if (!(0, values_1.isObject)(t)) {
                return undefined;
            }
            const x = t;
            if ((0, values_1.isUnknown)(x.key) || (0, values_1.isUnknown)(x.value)) {
                return undefined;
            }
            return String(x.type).toUpperCase() === "STRINGEQUALS"
                ? tagTest(target, String(x.key), (v) => v === x.value)
                : undefined;
        }));
        base = (0, values_1.any)([noResources ? false : listedIn(selection, "resources", target), tagged]);
    }
    // Stryker disable next-line ArrayDeclaration: all() reads only false and undefined, so a non-Tri seed element changes nothing
    const conditions = [];
    // An unknown conditions list or operator list (the sentinel) gives one unknown element.
    // Only `false` fails a resource, so "cannot tell" (undefined) and "true" decide alike here;
    // the unknown pushes keep the Tri honest and are marked as such for mutation testing.
    for (const c of (0, values_1.asArray)(p.conditions)) {
        if (!(0, values_1.isObject)(c)) {
            // Stryker disable next-line CallExpression: undefined and true decide alike (see above)
            conditions.push(undefined);
            continue;
        }
        const cond = c;
        const ops = [
            ["stringEquals", (tag, v) => tag === v],
            ["stringLikes", (tag, v) => tag !== null && tagGlob(v, tag)],
            ["stringNotEquals", (tag, v) => tag !== v],
            ["stringNotLikes", (tag, v) => tag === null || !tagGlob(v, tag)],
        ];
        for (const [op, matches] of ops) {
            for (const e of (0, values_1.asArray)(cond[op])) {
                const { key, value } = (e ?? {});
                // Incomplete, unknown (an unknown key, the sentinel, does not start with
                // aws:ResourceTag/ either) or not on a resource tag: cannot tell.
                const onResourceTag = typeof key === "string" &&
                    typeof value === "string" &&
                    !(0, values_1.isUnknown)(value) &&
                    key.startsWith(RESOURCE_TAG);
                conditions.push(onResourceTag
                    ? tagTest(target, key.slice(RESOURCE_TAG.length), (tag) => matches(tag, value))
                    : undefined);
            }
        }
    }
    return (0, values_1.all)([base, (0, values_1.all)(conditions), (0, values_1.not)(listedIn(selection, "notResources", target))]);
}
exports.BACKUP_EXEMPT_TAG = "BackupExempt";
/**
 * Whether a bucket holds no primary data (so needs no backup of its own): it
 * receives S3 server access logs (target of a BucketLogging), CloudTrail
 * logs (a trail's s3BucketName), or replicated copies of another bucket (a
 * replication destination), or it carries the tag BackupExempt with a
 * non-empty reason.
 */
function isExemptBucket(bucket, resources) {
    const reason = (0, resources_1.tagValue)(bucket, exports.BACKUP_EXEMPT_TAG);
    if (typeof reason === "string" && reason.trim() !== "") {
        return true;
    }
    const ids = (0, resources_1.bucketIdentities)(bucket);
    const verdicts = [reason === undefined ? undefined : false];
    for (const r of resources) {
        if ((0, validate_1.isAnyOf)(r, types_1.BUCKET_LOGGING)) {
            verdicts.push((0, resources_1.refersTo)(r, "targetBucket", bucket, ids));
        }
        else if (r.isType(aws.cloudtrail.Trail)) {
            verdicts.push((0, resources_1.refersTo)(r, "s3BucketName", bucket, ids));
        }
        else if (r.isType(aws.s3.BucketReplicationConfig)) {
            verdicts.push(replicatesInto(r, bucket, ids));
        }
    }
    return (0, values_1.any)(verdicts);
}
function replicatesInto(config, bucket, ids) {
    const deps = config.propertyDependencies.rules ?? [];
    if (deps.some((d) => d.urn === bucket.urn)) {
        return true;
    }
    // An unknown rules list (the sentinel) or destination comes from the resources the
    // rules depend on (none of them is this bucket); with no dependency, cannot tell.
    return (0, values_1.any)((0, values_1.asArray)((0, resources_1.propsOf)(config).rules).map((rule) => (0, resources_1.matchesIdentity)((0, values_1.isObject)(rule) ? rule.destination?.bucket : rule, ids, deps.length > 0)));
}
const DATABASES = [aws.rds.Cluster, aws.rds.Instance];
exports.backupCoverage = {
    name: "backup-coverage",
    description: "Every database (aws.rds.Cluster, aws.rds.Instance except read replicas), every EC2 instance (its EBS volumes) and every " +
        "data bucket is selected by an aws.backup.Selection: by ARN (or ARN pattern) in `resources`, linked through the " +
        "engine's property dependencies while ARNs are unknown, or by tag (selectionTags / conditions) on the resource's tags " +
        "including the provider's defaultTags. A bucket is not a data bucket when it receives S3 access logs (target of a " +
        "BucketLogging), CloudTrail logs (a trail's s3BucketName) or replicated copies (destination of a " +
        "BucketReplicationConfig), or when it is tagged BackupExempt with the reason as value.",
    enforcementLevel: "mandatory",
    severity: "high",
    remediationSteps: "Add the resource's ARN to an aws.backup.Selection's `resources` (resources: [cluster.arn, bucket.arn, ...instances.map(i => i.arn)]), " +
        'or tag it to match a tag-based selection. For a bucket that holds no primary data, tag it BackupExempt = "<reason>".',
    ...(0, compliance_1.compliance)("164.308(a)(7)(ii)(A)", ["backup", "rds", "ec2", "s3"], ["164.308(a)(7)(ii)(B)"]),
    validateStack: (args, report) => {
        const selections = args.resources.filter((r) => r.isType(aws.backup.Selection));
        const targets = args.resources.filter((r) => {
            if (r.isType(aws.rds.Instance) && (0, values_1.knownString)((0, resources_1.propsOf)(r).replicateSourceDb)) {
                return false;
            }
            if ((0, validate_1.isAnyOf)(r, types_1.BUCKETS)) {
                return isExemptBucket(r, args.resources) === false;
            }
            return (0, validate_1.isAnyOf)(r, [...DATABASES, aws.ec2.Instance]);
        });
        if (targets.length === 0) {
            args.notApplicable("no databases, instances or data buckets in the stack");
        }
        for (const target of targets) {
            const covered = (0, values_1.any)(selections.map((s) => selects(s, target)));
            if (covered === false) {
                const kind = (0, validate_1.isAnyOf)(target, types_1.BUCKETS)
                    ? "data bucket"
                    : (0, validate_1.isAnyOf)(target, DATABASES)
                        ? "database"
                        : "EC2 instance";
                const none = selections.length === 0 ? " (the stack has no aws.backup.Selection)" : "";
                report(`${kind} ${target.name} is not selected by any AWS Backup selection${none}.`, target.urn);
            }
        }
    },
};
// ----- second region ---------------------------------------------------------------
/** The region in a backup vault ARN (arn:aws:backup:<region>:<account>:backup-vault:<name>). */
function regionOfArn(arn) {
    const parts = arn.split(":");
    return parts.length >= 6 && parts[0] === "arn" && parts[3] ? parts[3] : undefined;
}
const VAULTS = [aws.backup.Vault, aws.backup.LogicallyAirGappedVault];
exports.backupCrossRegionCopy = {
    name: "backup-cross-region-copy",
    description: "Every AWS Backup plan copies recovery points to a vault in another region: at least one rule has a copy action whose " +
        "destination vault's region (from destinationVaultArn, or while that ARN is unknown from the aws.backup.Vault it " +
        "depends on and that vault's region) differs from the plan's region, so a regional disaster cannot take the backups with it.",
    enforcementLevel: "mandatory",
    severity: "high",
    remediationSteps: "Create an aws.backup.Vault with region: <DR region> (encrypted with a key in that region) and add " +
        "copyActions: [{ destinationVaultArn: drVault.arn, lifecycle: { deleteAfter: 30 } }] to the plan's rules.",
    ...(0, compliance_1.compliance)("164.308(a)(7)(ii)(B)", ["backup", "disaster-recovery"], ["164.308(a)(7)(ii)(A)"]),
    validateStack: (0, policy_1.validateStackResourcesOfType)(aws.backup.Plan, (_plans, args, report) => {
        for (const plan of args.resources) {
            // The plan's region may be unknown: a plan without any copy action is flagged all the same.
            const region = (0, resources_1.regionOf)(plan);
            const deps = plan.propertyDependencies.rules ?? [];
            const depRegions = deps.map((d) => (0, resources_1.regionOf)(d));
            // An unknown rules list or copyActions list (the sentinel) is one element that is not an object.
            const copies = (0, values_1.asArray)((0, resources_1.propsOf)(plan).rules).flatMap((rule) => (0, values_1.isObject)(rule) ? (0, values_1.asArray)(rule.copyActions) : [undefined]);
            const verdict = (0, values_1.any)(copies.map((copy) => {
                if (!(0, values_1.isObject)(copy) || region === undefined) {
                    return undefined;
                }
                const known = (0, values_1.knownString)(copy.destinationVaultArn);
                if (known) {
                    const other = regionOfArn(known);
                    // Stryker disable next-line ConditionalExpression: an unparsable ARN gives undefined or true, and neither is a violation
                    return other === undefined ? undefined : other !== region;
                }
                // ARN unknown (a vault still to be created): the rules depend only on vaults, all in the plan's region.
                const onlySameRegionVaults = deps.length > 0 &&
                    deps.every((d) => (0, validate_1.isAnyOf)(d, VAULTS)) &&
                    depRegions.every((r) => r === region);
                return onlySameRegionVaults ? false : undefined;
            }));
            if (verdict === false) {
                const why = copies.length === 0 ? "has no copy action" : `copies only to vaults in its own region ${region}`;
                report(`backup plan ${plan.name} ${why}: keep a copy of every recovery point in another region.`, plan.urn);
            }
        }
    }),
};
