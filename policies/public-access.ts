// No data store or administrative port is reachable from the internet
// (HIPAA 164.312(a)(1) access control, LGPD art. 46).

import * as aws from "@pulumi/aws";
import { ResourceValidationPolicy, StackValidationPolicy } from "@pulumi/policy";
import { compliance } from "./lib/compliance";
import { worldIngressValidator } from "./lib/ingress";
import { bucketIdentities, propsOf, refersTo } from "./lib/resources";
import { BUCKETS } from "./lib/types";
import { isAnyOf, validateResourceOfTypes } from "./lib/validate";
import { all, any, plain, test, Tri } from "./lib/values";

const BLOCK_FLAGS = ["blockPublicAcls", "blockPublicPolicy", "ignorePublicAcls", "restrictPublicBuckets"] as const;

export const s3PublicAccessBlock: StackValidationPolicy = {
    name: "s3-public-access-block",
    description:
        "Every S3 bucket has an aws.s3.BucketPublicAccessBlock with blockPublicAcls, blockPublicPolicy, ignorePublicAcls and " +
        "restrictPublicBuckets all true, so no ACL or bucket policy can ever publish medical images or exports.",
    enforcementLevel: "mandatory",
    severity: "critical",
    remediationSteps:
        "Add new aws.s3.BucketPublicAccessBlock(name, { bucket: bucket.id, blockPublicAcls: true, blockPublicPolicy: true, " +
        "ignorePublicAcls: true, restrictPublicBuckets: true }). Serve public files through Cloudflare with signed URLs instead.",
    ...compliance("164.312(a)(1)", ["s3", "public-access"]),
    validateStack: (args, report) => {
        const buckets = args.resources.filter((r) => isAnyOf(r, BUCKETS));
        if (buckets.length === 0) {
            args.notApplicable("no S3 buckets in the stack");
        }
        const blocks = args.resources.filter((r) => r.isType(aws.s3.BucketPublicAccessBlock));
        for (const bucket of buckets) {
            // Stryker disable next-line ArrayDeclaration: all()/any() read only booleans and undefined, so a non-Tri seed element changes nothing
            const verdicts: Tri[] = [];
            // Stryker disable next-line ArrayDeclaration: `weak` is read only when every linked block failed, and the last of them assigns it
            let weak: string[] = [];
            for (const block of blocks) {
                const linked = refersTo(block, "bucket", bucket, bucketIdentities(bucket));
                if (linked === false) {
                    continue; // another bucket's block
                }
                const p = propsOf(block);
                const flags = BLOCK_FLAGS.map((f) => test(p[f], (v) => v === true));
                const ok = all(flags);
                if (linked === true) {
                    verdicts.push(ok);
                    // Stryker disable next-line ConditionalExpression: `weak` is read only when every linked block failed, so the last assignment is always a failed block's
                    if (ok === false) {
                        weak = BLOCK_FLAGS.filter((_, i) => flags[i] === false);
                    }
                } else if (ok !== false) {
                    verdicts.push(undefined);
                }
            }
            if (any(verdicts) === false) {
                report(
                    verdicts.length === 0
                        ? `bucket ${bucket.name} has no public access block.`
                        : `bucket ${bucket.name}'s public access block does not set ${weak.join(", ")} to true.`,
                    bucket.urn,
                );
            }
        }
    },
};

export const noPublicAdminPorts: ResourceValidationPolicy = {
    name: "no-public-admin-ports",
    description:
        "No security group rule opens SSH (22) or RDP (3389), a range containing them, or all traffic, to 0.0.0.0/0 or ::/0. " +
        "Administrators reach servers through Systems Manager Session Manager or the Client VPN.",
    enforcementLevel: "mandatory",
    severity: "critical",
    remediationSteps:
        "Remove the rule; use Session Manager (the instance role has AmazonSSMManagedInstanceCore) or allow the port only from " +
        "the Client VPN's security group (referencedSecurityGroupId).",
    ...compliance("164.312(a)(1)", ["network", "security-group"]),
    validateResource: worldIngressValidator([22, 3389], () => "Administrative ports must never face the internet."),
};

export const databaseNotPublic: ResourceValidationPolicy = {
    name: "database-not-publicly-accessible",
    description: "RDS instances and Aurora cluster instances have no public endpoint (publiclyAccessible is not true).",
    enforcementLevel: "mandatory",
    severity: "critical",
    remediationSteps:
        "Remove publiclyAccessible (or set it to false) and place the database in the data subnets; applications reach it inside the VPC.",
    ...compliance("164.312(a)(1)", ["rds", "public-access"]),
    validateResource: validateResourceOfTypes(
        [aws.rds.Instance, aws.rds.ClusterInstance],
        "RDS instances",
        (args, report) => {
            const p = plain(args.props) as { publiclyAccessible?: unknown };
            if (test(p.publiclyAccessible, (v) => v !== true) === false) {
                report("publiclyAccessible is true: the database would get an address reachable from the internet.");
            }
        },
    ),
};
