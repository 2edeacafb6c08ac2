"use strict";
// High availability where the stack promises it (the spec's production: two
// WordPress servers, MySQL 1 primary + 2 replicas, Redis 3 nodes): no single
// server, database instance, cache node or load-balancer target carries the
// hospital alone (HIPAA 164.308(a)(7)(ii)(B) disaster recovery / contingency,
// 164.312(a)(1); LGPD art. 46 availability of personal data).
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
exports.highAvailability = void 0;
const aws = __importStar(require("@pulumi/aws"));
const compliance_1 = require("./lib/compliance");
const config_1 = require("./lib/config");
const resources_1 = require("./lib/resources");
const values_1 = require("./lib/values");
/** Distinct known values, or undefined when one is unknown at preview. */
function distinct(values) {
    if (values.some((v) => (0, values_1.isUnknown)(v))) {
        return undefined;
    }
    // Stryker disable next-line StringLiteral: any one stand-in for "not given" counts the same
    return new Set(values.map((v) => (0, values_1.knownString)(v) ?? "")).size;
}
function appServerProblems(resources, role) {
    const servers = resources.filter((r) => r.isType(aws.ec2.Instance) && (0, resources_1.tagValue)(r, "Role") === role);
    const subnets = distinct(servers.map((s) => (0, resources_1.propsOf)(s).subnetId));
    if (servers.length < 2) {
        return [`${servers.length} app server(s) tagged Role=${role}: at least 2 are needed`];
    }
    // Stryker disable next-line ConditionalExpression: undefined < 2 is false as well
    return subnets !== undefined && subnets < 2
        ? [`the ${servers.length} app servers share one subnet (one availability zone)`]
        : [];
}
function databaseProblems(resources) {
    const out = [];
    for (const cluster of resources.filter((r) => r.isType(aws.rds.Cluster))) {
        const ids = [(0, resources_1.propsOf)(cluster).clusterIdentifier, (0, resources_1.propsOf)(cluster).id];
        const members = resources.filter((r) => r.isType(aws.rds.ClusterInstance) && (0, resources_1.refersTo)(r, "clusterIdentifier", cluster, ids) !== false);
        // Instances without an availability zone count as one zone: RDS may place them together.
        const zones = distinct(members.map((m) => (0, resources_1.propsOf)(m).availabilityZone));
        if (members.length < 2) {
            out.push(`database cluster ${cluster.name} has ${members.length} instance(s): a reader in another availability zone is needed`);
            continue;
        }
        // Stryker disable next-line ConditionalExpression: undefined < 2 is false as well
        if (zones !== undefined && zones < 2) {
            out.push(`the instances of database cluster ${cluster.name} are all in one availability zone`);
        }
    }
    return out;
}
function cacheProblems(resources) {
    const out = [];
    // Stryker disable next-line MethodExpression: other resources carry none of the properties read here
    for (const group of resources.filter((r) => r.isType(aws.elasticache.ReplicationGroup))) {
        const p = (0, resources_1.propsOf)(group);
        const nodes = typeof p.numCacheClusters === "number"
            ? p.numCacheClusters
            : // Stryker disable next-line ConditionalExpression: undefined + 1 is NaN, and NaN < 2 is false
                typeof p.replicasPerNodeGroup === "number"
                    ? p.replicasPerNodeGroup + 1
                    : undefined;
        // Stryker disable next-line ConditionalExpression: undefined < 2 is false as well
        if (p.automaticFailoverEnabled === false || p.multiAzEnabled === false || (nodes !== undefined && nodes < 2)) {
            out.push(`cache ${group.name} has no automatic failover over 2 availability zones (automaticFailoverEnabled, multiAzEnabled, at least 2 nodes)`);
        }
    }
    return out;
}
function loadBalancerProblems(resources) {
    const out = [];
    for (const tg of resources.filter((r) => r.isType(aws.lb.TargetGroup) || r.isType(aws.alb.TargetGroup))) {
        const ids = [(0, resources_1.propsOf)(tg).arn, (0, resources_1.propsOf)(tg).id];
        const targets = resources.filter((r) => 
        // Stryker disable next-line ConditionalExpression,LogicalOperator: no other resource type has a top-level targetGroupArn, which refersTo reads
        (r.isType(aws.lb.TargetGroupAttachment) || r.isType(aws.alb.TargetGroupAttachment)) &&
            (0, resources_1.refersTo)(r, "targetGroupArn", tg, ids) === true);
        if (targets.length < 2) {
            out.push(`target group ${tg.name} has ${targets.length} target(s): at least 2 are needed`);
        }
    }
    return out;
}
exports.highAvailability = {
    name: "high-availability",
    description: "Where the stack's policy config sets requireHighAvailability: at least 2 app servers (EC2 tagged Role=<appServerRoleTag>) " +
        "in 2 subnets, every Aurora cluster with a second instance in another availability zone, every ElastiCache replication " +
        "group with automatic failover over 2 availability zones, and at least 2 targets in every load-balancer target group.",
    enforcementLevel: "mandatory",
    severity: "high",
    remediationSteps: "In the stack file: hms:appCount >= 2, hms:databaseInstances >= 2 (or the equivalent reader count), hms:cacheNodes >= 2 " +
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
    ...(0, compliance_1.compliance)("164.308(a)(7)(ii)(B)", ["availability", "ec2", "rds", "elasticache", "elb"], ["164.312(a)(1)"]),
    validateStack: (args, report) => {
        const config = (0, config_1.configWithDefaults)(exports.highAvailability.configSchema, args.getConfig());
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
