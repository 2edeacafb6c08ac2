// Security group ingress from the internet, whichever resource declares it:
// inline `ingress` blocks of aws.ec2.SecurityGroup, aws.ec2.SecurityGroupRule
// (type "ingress") and aws.vpc.SecurityGroupIngressRule.

import * as aws from "@pulumi/aws";
import { ReportViolation, ResourceValidationArgs, ResourceValidationPolicy } from "@pulumi/policy";
import { ResourceClass } from "./validate";
import { asArray, isUnknown, plain, Tri } from "./values";

/** One ingress permission in a common shape; any field may hold an unknown sentinel. */
export interface Ingress {
    protocol: unknown;
    fromPort: unknown;
    toPort: unknown;
    /** IPv4 and IPv6 source ranges (unknown sentinels kept). */
    sources: unknown[];
    /** Whether the source list itself is unknown. */
    sourcesUnknown: boolean;
    label: string;
}

const WORLD = new Set(["0.0.0.0/0", "::/0"]);
const ALL_PROTOCOLS = new Set(["-1", "all"]);
const PORT_PROTOCOLS = new Set(["tcp", "6", "udp", "17"]);

/** The ingress permissions a resource declares (empty for other types and egress rules). */
export function ingressOf(args: ResourceValidationArgs): Ingress[] | undefined {
    const sg = args.asType(aws.ec2.SecurityGroup);
    if (sg) {
        const p = plain(sg);
        if (isUnknown(p.ingress)) {
            return undefined;
        }
        return asArray(p.ingress).map((raw, i) => {
            const r = (isUnknown(raw) ? {} : raw) as aws.types.input.ec2.SecurityGroupIngress & {
                ipv6CidrBlocks?: string[];
            };
            return fromLists(
                isUnknown(raw) ? raw : r.protocol,
                r.fromPort,
                r.toPort,
                r.cidrBlocks,
                r.ipv6CidrBlocks,
                `ingress[${i}]`,
            );
        });
    }
    const rule = args.asType(aws.ec2.SecurityGroupRule);
    if (rule) {
        const p = plain(rule);
        if (isUnknown(p.type)) {
            return [fromLists(p.type, p.fromPort, p.toPort, p.cidrBlocks, p.ipv6CidrBlocks, "rule")];
        }
        return p.type === "ingress"
            ? [fromLists(p.protocol, p.fromPort, p.toPort, p.cidrBlocks, p.ipv6CidrBlocks, "rule")]
            : [];
    }
    const vpcRule = args.asType(aws.vpc.SecurityGroupIngressRule);
    if (vpcRule) {
        const p = plain(vpcRule);
        const sources = [p.cidrIpv4, p.cidrIpv6].filter((s) => s !== undefined && s !== null);
        return [
            {
                protocol: p.ipProtocol,
                fromPort: p.fromPort,
                toPort: p.toPort,
                sources,
                sourcesUnknown: false,
                label: "rule",
            },
        ];
    }
    return [];
}

function fromLists(
    protocol: unknown,
    fromPort: unknown,
    toPort: unknown,
    v4: unknown,
    v6: unknown,
    label: string,
): Ingress {
    const sourcesUnknown = isUnknown(v4) || isUnknown(v6);
    const sources = [...(isUnknown(v4) ? [] : asArray(v4)), ...(isUnknown(v6) ? [] : asArray(v6))];
    return { protocol, fromPort, toPort, sources, sourcesUnknown, label };
}

/** Whether the permission admits any address on the internet (0.0.0.0/0 or ::/0). */
function fromWorld(rule: Ingress): Tri {
    if (rule.sources.some((s) => typeof s === "string" && WORLD.has(s))) {
        return true;
    }
    return rule.sourcesUnknown || rule.sources.some(isUnknown) ? undefined : false;
}

/** Which of `ports` the permission opens (undefined when protocol or ports are unknown). */
function portsOpened(rule: Ingress, ports: number[]): number[] | undefined {
    if (isUnknown(rule.protocol)) {
        return undefined;
    }
    const protocol = String(rule.protocol).toLowerCase();
    if (ALL_PROTOCOLS.has(protocol)) {
        return ports;
    }
    if (!PORT_PROTOCOLS.has(protocol)) {
        return []; // icmp, esp, ...: no ports
    }
    if (isUnknown(rule.fromPort) || isUnknown(rule.toPort)) {
        return undefined;
    }
    const from = typeof rule.fromPort === "number" ? rule.fromPort : 0;
    const to = typeof rule.toPort === "number" ? rule.toPort : 65535;
    // fromPort/toPort -1 with a port protocol means every port.
    if (from === -1 || to === -1) {
        return ports;
    }
    return ports.filter((port) => port >= from && port <= to);
}

/**
 * Builds a resource policy body that reports every ingress permission
 * opening one of `ports` to the internet. Unknown protocol, ports or sources
 * skip that permission (cannot tell yet).
 */
export function worldIngressValidator(ports: number[], explain: (ports: number[]) => string) {
    const types: ResourceClass[] = [aws.ec2.SecurityGroup, aws.ec2.SecurityGroupRule, aws.vpc.SecurityGroupIngressRule];
    const validate: NonNullable<ResourceValidationPolicy["validateResource"]> = (
        args: ResourceValidationArgs,
        report: ReportViolation,
    ) => {
        if (!types.some((t) => args.isType(t))) {
            args.notApplicable("Policy only applies to security groups and their ingress rules");
        }
        for (const rule of ingressOf(args) ?? []) {
            const world = fromWorld(rule);
            const opened = portsOpened(rule, ports);
            if (world === true && opened !== undefined && opened.length > 0) {
                report(
                    `${rule.label} opens ${describe(rule, opened)} to ${rule.sources.filter((s) => typeof s === "string" && WORLD.has(s)).join(" and ")}. ${explain(opened)}`,
                );
            }
        }
    };
    return validate;
}

function describe(rule: Ingress, ports: number[]): string {
    const protocol = String(rule.protocol).toLowerCase();
    if (ALL_PROTOCOLS.has(protocol)) {
        return `all traffic (including port ${ports.join(", ")})`;
    }
    return `${protocol} port ${ports.join(", ")}`;
}
