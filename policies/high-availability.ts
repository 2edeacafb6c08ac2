// High availability where the stack promises it (the spec's production: two
// WordPress servers, MySQL 1 primary + 2 replicas, Redis 3 nodes): no single
// server, database instance, cache node or load-balancer target carries the
// hospital alone (HIPAA 164.308(a)(7)(ii)(B) disaster recovery / contingency,
// 164.312(a)(1); LGPD art. 46 availability of personal data).

import * as aws from "@pulumi/aws";
import { PolicyResource, StackValidationPolicy } from "@pulumi/policy";
import { compliance } from "./lib/compliance";
import { configWithDefaults } from "./lib/config";
import { propsOf, refersTo, tagValue } from "./lib/resources";
import { isUnknown, knownString } from "./lib/values";

export interface HighAvailabilityConfig {
    requireHighAvailability: boolean;
    appServerRoleTag: string;
}

/** Distinct known values, or undefined when one is unknown at preview. */
function distinct(values: unknown[]): number | undefined {
    if (values.some((v) => isUnknown(v))) {
        return undefined;
    }
    // Stryker disable next-line StringLiteral: any one stand-in for "not given" counts the same
    return new Set(values.map((v) => knownString(v) ?? "")).size;
}

function appServerProblems(resources: PolicyResource[], role: string): string[] {
    const servers = resources.filter((r) => r.isType(aws.ec2.Instance) && tagValue(r, "Role") === role);
    const subnets = distinct(servers.map((s) => propsOf(s).subnetId));
    if (servers.length < 2) {
        return [`${servers.length} app server(s) tagged Role=${role}: at least 2 are needed`];
    }
    // Stryker disable next-line ConditionalExpression: undefined < 2 is false as well
    return subnets !== undefined && subnets < 2
        ? [`the ${servers.length} app servers share one subnet (one availability zone)`]
        : [];
}

function databaseProblems(resources: PolicyResource[]): string[] {
    const out: string[] = [];
    for (const cluster of resources.filter((r) => r.isType(aws.rds.Cluster))) {
        const ids = [propsOf(cluster).clusterIdentifier, propsOf(cluster).id];
        const members = resources.filter(
            (r) => r.isType(aws.rds.ClusterInstance) && refersTo(r, "clusterIdentifier", cluster, ids) !== false,
        );
        // Instances without an availability zone count as one zone: RDS may place them together.
        const zones = distinct(members.map((m) => propsOf(m).availabilityZone));
        if (members.length < 2) {
            out.push(
                `database cluster ${cluster.name} has ${members.length} instance(s): a reader in another availability zone is needed`,
            );
            continue;
        }
        // Stryker disable next-line ConditionalExpression: undefined < 2 is false as well
        if (zones !== undefined && zones < 2) {
            out.push(`the instances of database cluster ${cluster.name} are all in one availability zone`);
        }
    }
    return out;
}

function cacheProblems(resources: PolicyResource[]): string[] {
    const out: string[] = [];
    // Stryker disable next-line MethodExpression: other resources carry none of the properties read here
    for (const group of resources.filter((r) => r.isType(aws.elasticache.ReplicationGroup))) {
        const p = propsOf(group);
        const nodes =
            typeof p.numCacheClusters === "number"
                ? p.numCacheClusters
                : // Stryker disable next-line ConditionalExpression: undefined + 1 is NaN, and NaN < 2 is false
                  typeof p.replicasPerNodeGroup === "number"
                  ? p.replicasPerNodeGroup + 1
                  : undefined;
        // Stryker disable next-line ConditionalExpression: undefined < 2 is false as well
        if (p.automaticFailoverEnabled === false || p.multiAzEnabled === false || (nodes !== undefined && nodes < 2)) {
            out.push(
                `cache ${group.name} has no automatic failover over 2 availability zones (automaticFailoverEnabled, multiAzEnabled, at least 2 nodes)`,
            );
        }
    }
    return out;
}

function loadBalancerProblems(resources: PolicyResource[]): string[] {
    const out: string[] = [];
    for (const tg of resources.filter((r) => r.isType(aws.lb.TargetGroup) || r.isType(aws.alb.TargetGroup))) {
        const ids = [propsOf(tg).arn, propsOf(tg).id];
        const targets = resources.filter(
            (r) =>
                // Stryker disable next-line ConditionalExpression,LogicalOperator: no other resource type has a top-level targetGroupArn, which refersTo reads
                (r.isType(aws.lb.TargetGroupAttachment) || r.isType(aws.alb.TargetGroupAttachment)) &&
                refersTo(r, "targetGroupArn", tg, ids) === true,
        );
        if (targets.length < 2) {
            out.push(`target group ${tg.name} has ${targets.length} target(s): at least 2 are needed`);
        }
    }
    return out;
}

export const highAvailability: StackValidationPolicy = {
    name: "high-availability",
    description:
        "Where the stack's policy config sets requireHighAvailability: at least 2 app servers (EC2 tagged Role=<appServerRoleTag>) " +
        "in 2 subnets, every Aurora cluster with a second instance in another availability zone, every ElastiCache replication " +
        "group with automatic failover over 2 availability zones, and at least 2 targets in every load-balancer target group.",
    enforcementLevel: "mandatory",
    severity: "high",
    remediationSteps:
        "In the stack file: hms:appCount >= 2, hms:databaseInstances >= 2 (or the equivalent reader count), hms:cacheNodes >= 2 " +
        "and one Nginx instance per availability zone; the components spread them over the subnets and zones.",
    configSchema: {
        properties: {
            requireHighAvailability: {
                type: "boolean",
                default: false,
                description: "Whether this stack promises high availability (production).",
            },
            appServerRoleTag: { type: "string", default: "wordpress", description: "Role tag of the app servers." },
        },
    },
    ...compliance("164.308(a)(7)(ii)(B)", ["availability", "ec2", "rds", "elasticache", "elb"], ["164.312(a)(1)"]),
    validateStack: (args, report) => {
        const config = configWithDefaults<HighAvailabilityConfig>(
            highAvailability.configSchema!,
            args.getConfig<HighAvailabilityConfig>(),
        );
        if (!config.requireHighAvailability) {
            args.notApplicable("requireHighAvailability is false for this stack");
        }
        const problems = [
            ...appServerProblems(args.resources, config.appServerRoleTag),
            ...databaseProblems(args.resources),
            ...cacheProblems(args.resources),
            ...loadBalancerProblems(args.resources),
        ];
        for (const p of problems) {
            report(`${p}; the stack asks for high availability.`);
        }
    },
};
