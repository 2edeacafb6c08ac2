// Administrative access only through the VPN: a stack with servers or data
// stores has an AWS Client VPN endpoint with mutual TLS and connection logs,
// and no security group opens a database, cache or search port to the
// internet (HIPAA 164.312(a)(1) access control, 164.312(b) audit controls;
// LGPD art. 46). SSH and RDP are no-public-admin-ports' concern.

import * as aws from "@pulumi/aws";
import { ResourceValidationPolicy, StackValidationPolicy } from "@pulumi/policy";
import { compliance } from "./lib/compliance";
import { configWithDefaults } from "./lib/config";
import { worldIngressValidator } from "./lib/ingress";
import { propsOf } from "./lib/resources";
import { isAnyOf, ResourceClass } from "./lib/validate";
import { asArray, isUnknown } from "./lib/values";

/** MySQL/Aurora, PostgreSQL, Redis/Valkey, Memcached, OpenSearch/Elasticsearch (HTTP and transport), MongoDB. */
export const DATA_PORTS = [3306, 5432, 6379, 11211, 9200, 9300, 27017];

export interface VpnConfig {
    requireVpn: boolean;
}

/** Resources an administrator would reach: servers and data stores in the VPC. */
const PRIVATE_WORKLOADS: ResourceClass[] = [
    aws.ec2.Instance,
    aws.rds.Cluster,
    aws.rds.Instance,
    aws.elasticache.ReplicationGroup,
    aws.opensearch.Domain,
];

export const adminAccessThroughVpn: StackValidationPolicy = {
    name: "admin-access-through-vpn",
    description:
        "A stack with servers or data stores has an aws.ec2clientvpn.Endpoint that authenticates clients with certificates " +
        "(mutual TLS, one certificate per administrator) and logs connections (connectionLogOptions.enabled), so private " +
        "endpoints are reached only through it and every session is attributable.",
    enforcementLevel: "mandatory",
    severity: "high",
    remediationSteps:
        "Set hms:securityVpnEnabled: true (Security creates the Client VPN endpoint with certificate authentication and connection " +
        "logs), or, for a stack without administrators, set requireVpn: false in policies/config/<stack>.json.",
    configSchema: {
        properties: {
            requireVpn: {
                type: "boolean",
                default: true,
                description: "Whether a stack with servers or data stores must have the Client VPN.",
            },
        },
    },
    ...compliance("164.312(a)(1)", ["network", "vpn"], ["164.312(b)"]),
    validateStack: (args, report) => {
        const { requireVpn } = configWithDefaults<VpnConfig>(
            adminAccessThroughVpn.configSchema!,
            args.getConfig<VpnConfig>(),
        );
        const workloads = args.resources.filter((r) => isAnyOf(r, PRIVATE_WORKLOADS));
        if (!requireVpn || workloads.length === 0) {
            args.notApplicable(requireVpn ? "no servers or data stores" : "requireVpn is false for this stack");
        }
        const endpoints = args.resources.filter((r) => r.isType(aws.ec2clientvpn.Endpoint));
        if (endpoints.length === 0) {
            report(
                `the stack has ${workloads.length} servers and data stores but no Client VPN endpoint: administrators would need another way in.`,
                workloads[0].urn,
            );
            return;
        }
        for (const e of endpoints) {
            const p = propsOf(e);
            const auth = p.authenticationOptions;
            if (
                !isUnknown(auth) &&
                !asArray(auth).some(
                    (a) => isUnknown(a) || (a as { type?: unknown }).type === "certificate-authentication",
                )
            ) {
                report(
                    `Client VPN endpoint ${e.name} does not authenticate clients with certificates (mutual TLS).`,
                    e.urn,
                );
            }
            const logs = p.connectionLogOptions as { enabled?: unknown } | undefined;
            // Stryker disable next-line OptionalChaining: connectionLogOptions is required (@pulumi/aws 7.48.0 ec2clientvpn/endpoint.js: "Missing required property 'connectionLogOptions'")
            if (!isUnknown(logs) && !isUnknown(logs?.enabled) && logs?.enabled !== true) {
                report(
                    `Client VPN endpoint ${e.name} does not log connections: sessions could not be attributed to a person.`,
                    e.urn,
                );
            }
        }
    },
};

export const noPublicDataPorts: ResourceValidationPolicy = {
    name: "no-public-data-ports",
    description:
        `No security group rule opens a database, cache or search port (${DATA_PORTS.join(", ")}), a range containing one, or all ` +
        "traffic, to 0.0.0.0/0 or ::/0. Administrators reach data stores through the Client VPN.",
    enforcementLevel: "mandatory",
    severity: "critical",
    remediationSteps:
        "Remove the rule; allow the port only from the tier that needs it or the Client VPN's security group (referencedSecurityGroupId).",
    ...compliance("164.312(a)(1)", ["network", "security-group", "vpn"]),
    validateResource: worldIngressValidator(
        DATA_PORTS,
        () => "Data stores must never face the internet; use the Client VPN.",
    ),
};
