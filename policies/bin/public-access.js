"use strict";
// No data store or administrative port is reachable from the internet
// (HIPAA 164.312(a)(1) access control, LGPD art. 46).
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
exports.databaseNotPublic = exports.noPublicAdminPorts = exports.s3PublicAccessBlock = void 0;
const aws = __importStar(require("@pulumi/aws"));
const compliance_1 = require("./lib/compliance");
const ingress_1 = require("./lib/ingress");
const resources_1 = require("./lib/resources");
const types_1 = require("./lib/types");
const validate_1 = require("./lib/validate");
const values_1 = require("./lib/values");
const BLOCK_FLAGS = ["blockPublicAcls", "blockPublicPolicy", "ignorePublicAcls", "restrictPublicBuckets"];
exports.s3PublicAccessBlock = {
    name: "s3-public-access-block",
    description: "Every S3 bucket has an aws.s3.BucketPublicAccessBlock with blockPublicAcls, blockPublicPolicy, ignorePublicAcls and " +
        "restrictPublicBuckets all true, so no ACL or bucket policy can ever publish medical images or exports.",
    enforcementLevel: "mandatory",
    severity: "critical",
    remediationSteps: "Add new aws.s3.BucketPublicAccessBlock(name, { bucket: bucket.id, blockPublicAcls: true, blockPublicPolicy: true, " +
        "ignorePublicAcls: true, restrictPublicBuckets: true }). Serve public files through Cloudflare with signed URLs instead.",
    ...(0, compliance_1.compliance)("164.312(a)(1)", ["s3", "public-access"]),
    validateStack: (args, report) => {
        const buckets = args.resources.filter((r) => (0, validate_1.isAnyOf)(r, types_1.BUCKETS));
        if (buckets.length === 0) {
            args.notApplicable("no S3 buckets in the stack");
        }
        const blocks = args.resources.filter((r) => r.isType(aws.s3.BucketPublicAccessBlock));
        for (const bucket of buckets) {
            // Stryker disable next-line ArrayDeclaration: all()/any() read only booleans and undefined, so a non-Tri seed element changes nothing
            const verdicts = [];
            // Stryker disable next-line ArrayDeclaration: `weak` is read only when every linked block failed, and the last of them assigns it
            let weak = [];
            for (const block of blocks) {
                const linked = (0, resources_1.refersTo)(block, "bucket", bucket, (0, resources_1.bucketIdentities)(bucket));
                if (linked === false) {
                    continue; // another bucket's block
                }
                const p = (0, resources_1.propsOf)(block);
                const flags = BLOCK_FLAGS.map((f) => (0, values_1.test)(p[f], (v) => v === true));
                const ok = (0, values_1.all)(flags);
                if (linked === true) {
                    verdicts.push(ok);
                    // Stryker disable next-line ConditionalExpression: `weak` is read only when every linked block failed, so the last assignment is always a failed block's
                    if (ok === false) {
                        weak = BLOCK_FLAGS.filter((_, i) => flags[i] === false);
                    }
                }
                else if (ok !== false) {
                    verdicts.push(undefined);
                }
            }
            if ((0, values_1.any)(verdicts) === false) {
                report(verdicts.length === 0
                    ? `bucket ${bucket.name} has no public access block.`
                    : `bucket ${bucket.name}'s public access block does not set ${weak.join(", ")} to true.`, bucket.urn);
            }
        }
    },
};
exports.noPublicAdminPorts = {
    name: "no-public-admin-ports",
    description: "No security group rule opens SSH (22) or RDP (3389), a range containing them, or all traffic, to 0.0.0.0/0 or ::/0. " +
        "Administrators reach servers through Systems Manager Session Manager or the Client VPN.",
    enforcementLevel: "mandatory",
    severity: "critical",
    remediationSteps: "Remove the rule; use Session Manager (the instance role has AmazonSSMManagedInstanceCore) or allow the port only from " +
        "the Client VPN's security group (referencedSecurityGroupId).",
    ...(0, compliance_1.compliance)("164.312(a)(1)", ["network", "security-group"]),
    validateResource: (0, ingress_1.worldIngressValidator)([22, 3389], () => "Administrative ports must never face the internet."),
};
exports.databaseNotPublic = {
    name: "database-not-publicly-accessible",
    description: "RDS instances and Aurora cluster instances have no public endpoint (publiclyAccessible is not true).",
    enforcementLevel: "mandatory",
    severity: "critical",
    remediationSteps: "Remove publiclyAccessible (or set it to false) and place the database in the data subnets; applications reach it inside the VPC.",
    ...(0, compliance_1.compliance)("164.312(a)(1)", ["rds", "public-access"]),
    validateResource: (0, validate_1.validateResourceOfTypes)([aws.rds.Instance, aws.rds.ClusterInstance], "RDS instances", (args, report) => {
        const p = (0, values_1.plain)(args.props);
        if ((0, values_1.test)(p.publiclyAccessible, (v) => v !== true) === false) {
            report("publiclyAccessible is true: the database would get an address reachable from the internet.");
        }
    }),
};
