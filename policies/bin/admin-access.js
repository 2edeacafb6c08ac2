"use strict";
// Administrative access only through the VPN: a stack with servers or data
// stores has an AWS Client VPN endpoint with mutual TLS and connection logs,
// and no security group opens a database, cache or search port to the
// internet (HIPAA 164.312(a)(1) access control, 164.312(b) audit controls;
// LGPD art. 46). SSH and RDP are no-public-admin-ports' concern.
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
exports.noPublicDataPorts = exports.adminAccessThroughVpn = exports.DATA_PORTS = void 0;
const aws = __importStar(require("@pulumi/aws"));
const compliance_1 = require("./lib/compliance");
const config_1 = require("./lib/config");
const ingress_1 = require("./lib/ingress");
const resources_1 = require("./lib/resources");
const validate_1 = require("./lib/validate");
const values_1 = require("./lib/values");
/** MySQL/Aurora, PostgreSQL, Redis/Valkey, Memcached, OpenSearch/Elasticsearch (HTTP and transport), MongoDB. */
exports.DATA_PORTS = [3306, 5432, 6379, 11211, 9200, 9300, 27017];
/** Resources an administrator would reach: servers and data stores in the VPC. */
const PRIVATE_WORKLOADS = [
    aws.ec2.Instance,
    aws.rds.Cluster,
    aws.rds.Instance,
    aws.elasticache.ReplicationGroup,
    aws.opensearch.Domain,
];
exports.adminAccessThroughVpn = {
    name: "admin-access-through-vpn",
    description: "A stack with servers or data stores has an aws.ec2clientvpn.Endpoint that authenticates clients with certificates " +
        "(mutual TLS, one certificate per administrator) and logs connections (connectionLogOptions.enabled), so private " +
        "endpoints are reached only through it and every session is attributable.",
    enforcementLevel: "mandatory",
    severity: "high",
    remediationSteps: "Set hms:securityVpnEnabled: true (Security creates the Client VPN endpoint with certificate authentication and connection " +
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
    ...(0, compliance_1.compliance)("164.312(a)(1)", ["network", "vpn"], ["164.312(b)"]),
    validateStack: (args, report) => {
        const { requireVpn } = (0, config_1.configWithDefaults)(exports.adminAccessThroughVpn.configSchema, args.getConfig());
        const workloads = args.resources.filter((r) => (0, validate_1.isAnyOf)(r, PRIVATE_WORKLOADS));
        if (!requireVpn || workloads.length === 0) {
            args.notApplicable(requireVpn ? "no servers or data stores" : "requireVpn is false for this stack");
        }
        const endpoints = args.resources.filter((r) => r.isType(aws.ec2clientvpn.Endpoint));
        if (endpoints.length === 0) {
            report(`the stack has ${workloads.length} servers and data stores but no Client VPN endpoint: administrators would need another way in.`, workloads[0].urn);
            return;
        }
        for (const e of endpoints) {
            const p = (0, resources_1.propsOf)(e);
            const auth = p.authenticationOptions;
            if (!(0, values_1.isUnknown)(auth) &&
                !(0, values_1.asArray)(auth).some((a) => (0, values_1.isUnknown)(a) || a.type === "certificate-authentication")) {
                report(`Client VPN endpoint ${e.name} does not authenticate clients with certificates (mutual TLS).`, e.urn);
            }
            const logs = p.connectionLogOptions;
            // Stryker disable next-line OptionalChaining: connectionLogOptions is required (@pulumi/aws 7.48.0 ec2clientvpn/endpoint.js: "Missing required property 'connectionLogOptions'")
            if (!(0, values_1.isUnknown)(logs) && !(0, values_1.isUnknown)(logs?.enabled) && logs?.enabled !== true) {
                report(`Client VPN endpoint ${e.name} does not log connections: sessions could not be attributed to a person.`, e.urn);
            }
        }
    },
};
exports.noPublicDataPorts = {
    name: "no-public-data-ports",
    description: `No security group rule opens a database, cache or search port (${exports.DATA_PORTS.join(", ")}), a range containing one, or all ` +
        "traffic, to 0.0.0.0/0 or ::/0. Administrators reach data stores through the Client VPN.",
    enforcementLevel: "mandatory",
    severity: "critical",
    remediationSteps: "Remove the rule; allow the port only from the tier that needs it or the Client VPN's security group (referencedSecurityGroupId).",
    ...(0, compliance_1.compliance)("164.312(a)(1)", ["network", "security-group", "vpn"]),
    validateResource: (0, ingress_1.worldIngressValidator)(exports.DATA_PORTS, () => "Data stores must never face the internet; use the Client VPN."),
};
