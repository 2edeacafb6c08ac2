"use strict";
// Audit evidence cannot be destroyed: the buckets CloudTrail writes to are
// Object-Locked for the evidence retention, and their bucket policy denies
// deleting objects or cutting retention short to everyone but an exempted
// (break-glass) principal (HIPAA 164.312(b) audit controls, 164.312(c)(1)
// integrity; LGPD art. 46).
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
exports.auditEvidenceLocked = void 0;
const aws = __importStar(require("@pulumi/aws"));
const compliance_1 = require("./lib/compliance");
const config_1 = require("./lib/config");
const resources_1 = require("./lib/resources");
const types_1 = require("./lib/types");
const validate_1 = require("./lib/validate");
const values_1 = require("./lib/values");
/** The `Purpose` tag of buckets that hold audit logs (CloudTrail and its replicas). */
const AUDIT_PURPOSE = /^cloudtrail-audit-logs/;
/** Deleting any of these must be denied (object versions are the evidence; a delete marker alone hides nothing). */
const MUST_DENY = ["s3:DeleteObjectVersion", "s3:BypassGovernanceRetention", "s3:PutObjectRetention"];
/** Whether a statement's action list covers `action` (exact, or a trailing-wildcard prefix: `s3:Delete*`, `s3:*`, `*`). */
function covers(actions, action) {
    // `*` is the trailing-wildcard prefix "" (covers everything).
    return (0, values_1.asArray)(actions).some((a) => {
        const pattern = String(a);
        return pattern === action || (pattern.endsWith("*") && action.startsWith(pattern.slice(0, -1)));
    });
}
/**
 * Days of a lock rule's default retention (years count 365 days); 0 without a
 * default retention (new log versions are not locked); undefined when unknown.
 */
function lockDays(rule) {
    if ((0, values_1.hasUnknown)(rule)) {
        return undefined;
    }
    const d = rule?.defaultRetention;
    return typeof d?.days === "number" ? d.days : typeof d?.years === "number" ? d.years * 365 : 0;
}
/** Buckets that hold audit logs: a trail writes to them, or they are tagged as its copy. */
function auditBuckets(resources) {
    const trails = resources.filter((r) => r.isType(aws.cloudtrail.Trail));
    return resources.filter((b) => {
        if (!(0, validate_1.isAnyOf)(b, types_1.BUCKETS)) {
            return false;
        }
        const purpose = (0, resources_1.tagValue)(b, "Purpose");
        // Stryker disable next-line ConditionalExpression,LogicalOperator: RegExp.test(null or undefined) tests "null"/"undefined", which do not match
        if (typeof purpose === "string" && AUDIT_PURPOSE.test(purpose)) {
            return true;
        }
        return trails.some((t) => (0, resources_1.refersTo)(t, "s3BucketName", b, (0, resources_1.bucketIdentities)(b)) === true);
    });
}
/** The lock verdict of a bucket: an Object Lock configuration (or inline setting) with at least `minDays` of default retention. */
function lockVerdict(bucket, resources, minDays) {
    const configs = resources.filter((r) => r.isType(aws.s3.BucketObjectLockConfiguration) || r.isType(aws.s3.BucketObjectLockConfigurationV2));
    // Stryker disable next-line ArrayDeclaration: any() reads only true and undefined, so a non-Tri seed element changes nothing
    const verdicts = [];
    let why = "has no Object Lock configuration";
    for (const c of configs) {
        const linked = (0, resources_1.refersTo)(c, "bucket", bucket, (0, resources_1.bucketIdentities)(bucket));
        if (linked === false) {
            continue;
        }
        const p = (0, resources_1.propsOf)(c);
        const days = lockDays(p.rule);
        const enabled = (0, values_1.isUnknown)(p.objectLockEnabled) ? undefined : p.objectLockEnabled !== "Disabled";
        const v = enabled === false ? false : days === undefined ? undefined : days >= minDays;
        // Stryker disable next-line ConditionalExpression: `why` is read only when every verdict is false
        if (v === false) {
            why =
                enabled === false
                    ? "has Object Lock disabled"
                    : `keeps objects locked ${days} days, fewer than ${minDays}`;
        }
        verdicts.push(linked === true ? v : v === false ? false : undefined);
    }
    return { ok: (0, values_1.any)(verdicts), why };
}
/** Whether the bucket's policy denies `action` on its objects to every principal but an exempted one (condition on aws:PrincipalArn only). */
function denyVerdict(bucket, resources, action) {
    const policies = resources.filter((r) => r.isType(aws.s3.BucketPolicy));
    // Stryker disable next-line ArrayDeclaration: any() reads only true and undefined, so a non-Tri seed element changes nothing
    const verdicts = [];
    for (const policy of policies) {
        const linked = (0, resources_1.refersTo)(policy, "bucket", bucket, (0, resources_1.bucketIdentities)(bucket));
        if (linked === false) {
            continue;
        }
        const doc = (0, values_1.parseJsonDocument)((0, resources_1.propsOf)(policy).policy);
        if (!doc) {
            verdicts.push(undefined);
            continue;
        }
        // A statement that does not deny but holds unknown values might once they are known.
        const ok = (0, values_1.any)((0, values_1.asArray)(doc.Statement).map((s) => deniesTampering(s, action) ? true : (0, values_1.hasUnknown)(s) ? undefined : false));
        // Linked or not (a policy of a bucket not known yet), a policy that does not deny leaves
        // this bucket without the deny; one that denies passes it either way (only false fails).
        verdicts.push(ok);
    }
    return (0, values_1.any)(verdicts);
}
/** Whether a policy statement denies `action` on objects to every principal but one exempted by aws:PrincipalArn. */
function deniesTampering(s, action) {
    const st = (s ?? {});
    if (st.Effect !== "Deny" || !covers(st.Action, action)) {
        return false;
    }
    const principalAll = st.Principal === "*" || JSON.stringify(st.Principal) === JSON.stringify({ AWS: "*" });
    const conditions = Object.entries(st.Condition ?? {});
    const onlyPrincipalExemption = conditions.every(([op, keys]) => /^(Arn|String)Not(Equals|Like)$/.test(op) && Object.keys(keys ?? {}).every((k) => k === "aws:PrincipalArn"));
    const objects = (0, values_1.asArray)(st.Resource).some((r) => String(r).endsWith("/*") || r === "*");
    return principalAll && onlyPrincipalExemption && (objects || (0, values_1.isUnknown)(st.Resource));
}
exports.auditEvidenceLocked = {
    name: "audit-evidence-locked",
    description: "Every bucket that holds audit logs (a CloudTrail trail's bucket, or one tagged Purpose=cloudtrail-audit-logs*) has S3 " +
        "Object Lock with a default retention of at least `minimumLockDays`, and a bucket policy that denies " +
        "s3:DeleteObjectVersion, s3:PutObjectRetention and s3:BypassGovernanceRetention to every principal except a named " +
        "break-glass role (a condition on aws:PrincipalArn only).",
    enforcementLevel: "mandatory",
    severity: "critical",
    remediationSteps: 'Add an aws.s3.BucketObjectLockConfiguration (objectLockEnabled: "Enabled", rule.defaultRetention { mode: "GOVERNANCE", ' +
        'days: <trail retention> }) after the bucket\'s versioning, and to its bucket policy a Deny for Principal "*" on the ' +
        'delete/retention actions with Condition { ArnNotEquals: { "aws:PrincipalArn": <break-glass role ARN> } }.',
    configSchema: {
        properties: {
            minimumLockDays: {
                type: "integer",
                minimum: 1,
                default: 365,
                description: "Fewest days new audit log versions stay Object-Locked (set it to the trail retention).",
            },
        },
    },
    ...(0, compliance_1.compliance)("164.312(b)", ["audit", "s3", "object-lock"], ["164.312(c)(1)"]),
    validateStack: (args, report) => {
        const config = (0, config_1.configWithDefaults)(exports.auditEvidenceLocked.configSchema, args.getConfig());
        const buckets = auditBuckets(args.resources);
        if (buckets.length === 0) {
            args.notApplicable("no audit log bucket in the stack");
        }
        for (const bucket of buckets) {
            const inline = (0, resources_1.propsOf)(bucket).objectLockEnabled;
            const lock = lockVerdict(bucket, args.resources, config.minimumLockDays);
            if (lock.ok === false) {
                report(`audit bucket ${bucket.name} ${lock.why}: its log files could be deleted or overwritten.`, bucket.urn);
            }
            else if (inline === false && lock.ok !== true) {
                report(`audit bucket ${bucket.name} is created without Object Lock.`, bucket.urn);
            }
            const missing = MUST_DENY.filter((a) => denyVerdict(bucket, args.resources, a) === false);
            if (missing.length > 0) {
                report(`audit bucket ${bucket.name}: its bucket policy does not deny ${missing.join(", ")} to everyone but a break-glass role.`, bucket.urn);
            }
        }
    },
};
