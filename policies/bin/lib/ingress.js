"use strict";
// Security group ingress from the internet, whichever resource declares it:
// inline `ingress` blocks of aws.ec2.SecurityGroup, aws.ec2.SecurityGroupRule
// (type "ingress") and aws.vpc.SecurityGroupIngressRule.
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
exports.ingressOf = ingressOf;
exports.worldIngressValidator = worldIngressValidator;
const aws = __importStar(require("@pulumi/aws"));
const validate_1 = require("./validate");
const values_1 = require("./values");
const WORLD = new Set(["0.0.0.0/0", "::/0"]);
const ALL_PROTOCOLS = new Set(["-1", "all"]);
const PORT_PROTOCOLS = new Set(["tcp", "6", "udp", "17"]);
/**
 * The ingress permissions a resource declares (empty for other types and egress rules).
 * An unknown list (the sentinel) is one unknown permission, an unknown rule type none:
 * either way nothing can be told yet.
 */
function ingressOf(args) {
    const sg = args.asType(aws.ec2.SecurityGroup);
    if (sg) {
        const p = (0, values_1.plain)(sg);
        return (0, values_1.asArray)(p.ingress).map((raw, i) => {
            const r = ((0, values_1.isUnknown)(raw) ? {} : raw);
            return fromLists((0, values_1.isUnknown)(raw) ? raw : r.protocol, r.fromPort, r.toPort, r.cidrBlocks, r.ipv6CidrBlocks, `ingress[${i}]`);
        });
    }
    const rule = args.asType(aws.ec2.SecurityGroupRule);
    if (rule) {
        const p = (0, values_1.plain)(rule);
        return p.type === "ingress"
            ? [fromLists(p.protocol, p.fromPort, p.toPort, p.cidrBlocks, p.ipv6CidrBlocks, "rule")]
            : [];
    }
    const vpcRule = args.asType(aws.vpc.SecurityGroupIngressRule);
    // Stryker disable next-line ConditionalExpression: other types never get here (notApplicable ends their validation)
    if (vpcRule) {
        const p = (0, values_1.plain)(vpcRule);
        return [
            {
                protocol: p.ipProtocol,
                fromPort: p.fromPort,
                toPort: p.toPort,
                sources: [p.cidrIpv4, p.cidrIpv6],
                label: "rule",
            },
        ];
    }
    // Stryker disable next-line ArrayDeclaration: other types never get here (see above)
    return [];
}
function fromLists(protocol, fromPort, toPort, v4, v6, label) {
    return { protocol, fromPort, toPort, sources: [...(0, values_1.asArray)(v4), ...(0, values_1.asArray)(v6)], label };
}
/** Whether the permission admits any address on the internet (0.0.0.0/0 or ::/0). */
function fromWorld(rule) {
    if (rule.sources.some((s) => WORLD.has(s))) {
        return true;
    }
    // Stryker disable next-line MethodExpression: undefined and false both mean "not known to face the internet"
    return rule.sources.some(values_1.isUnknown) ? undefined : false;
}
/** Which of `ports` the permission opens (undefined when protocol or ports are unknown). */
function portsOpened(rule, ports) {
    // An unknown protocol (the sentinel) is none of the known ones: no port can be told.
    const protocol = String(rule.protocol).toLowerCase();
    if (ALL_PROTOCOLS.has(protocol)) {
        return ports;
    }
    if (!PORT_PROTOCOLS.has(protocol)) {
        return []; // icmp, esp, ...: no ports
    }
    if ((0, values_1.isUnknown)(rule.fromPort) || (0, values_1.isUnknown)(rule.toPort)) {
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
function worldIngressValidator(ports, explain) {
    const types = [aws.ec2.SecurityGroup, aws.ec2.SecurityGroupRule, aws.vpc.SecurityGroupIngressRule];
    const validate = (args, report) => {
        if (!types.some((t) => args.isType(t))) {
            (0, validate_1.notApplicable)(args, "Policy only applies to security groups and their ingress rules");
        }
        for (const rule of ingressOf(args)) {
            const world = fromWorld(rule);
            const opened = portsOpened(rule, ports);
            if (world === true && opened !== undefined && opened.length > 0) {
                report(`${rule.label} opens ${describe(rule, opened)} to ${rule.sources.filter((s) => WORLD.has(s)).join(" and ")}. ${explain(opened)}`);
            }
        }
    };
    return validate;
}
function describe(rule, ports) {
    const protocol = String(rule.protocol).toLowerCase();
    if (ALL_PROTOCOLS.has(protocol)) {
        return `all traffic (including port ${ports.join(", ")})`;
    }
    return `${protocol} port ${ports.join(", ")}`;
}
