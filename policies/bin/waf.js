"use strict";
// Web application firewall: every way in from the internet passes a WAF
// (HIPAA 164.308(a)(1)(ii)(B) risk management, 164.308(a)(5)(ii)(B)
// protection from malicious software; LGPD art. 46).
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
exports.noPublicWebPorts = exports.albWafAssociation = exports.cloudflareManagedWaf = exports.MANAGED_WAF_PHASE = exports.CLOUDFLARE_MANAGED_RULESETS = void 0;
const aws = __importStar(require("@pulumi/aws"));
const cloudflare = __importStar(require("@pulumi/cloudflare"));
const compliance_1 = require("./lib/compliance");
const config_1 = require("./lib/config");
const ingress_1 = require("./lib/ingress");
const resources_1 = require("./lib/resources");
const types_1 = require("./lib/types");
const validate_1 = require("./lib/validate");
const values_1 = require("./lib/values");
const zones_1 = require("./lib/zones");
/**
 * Cloudflare's managed WAF rulesets (developers.cloudflare.com/waf/managed-rules):
 * Cloudflare Managed Ruleset and OWASP Core Ruleset (Pro plan and above),
 * Cloudflare Free Managed Ruleset (every plan).
 */
exports.CLOUDFLARE_MANAGED_RULESETS = {
    cloudflareManaged: "efb7b8c949ac4650a09736fc376e9aee",
    owaspCore: "4814384a9e5d4991b9815dcfc25d2f1f",
    freeManaged: "77454fe2d30c4220b5701f6fdfb893ba",
};
exports.MANAGED_WAF_PHASE = "http_request_firewall_managed";
/** Whether a Ruleset rule executes one of the managed rulesets. */
function executesManagedRuleset(rule, ids) {
    if (!(0, values_1.isObject)(rule)) {
        return (0, values_1.isUnknown)(rule) ? undefined : false;
    }
    const x = rule;
    const parameters = x.actionParameters;
    return (0, values_1.all)([
        (0, values_1.test)(x.action, (v) => v === "execute"),
        (0, values_1.test)(x.enabled, (v) => v !== false),
        (0, values_1.isUnknown)(parameters) ? undefined : (0, values_1.test)(parameters?.id, (v) => ids.includes(v)),
    ]);
}
exports.cloudflareManagedWaf = {
    name: "cloudflare-managed-waf",
    description: "A Cloudflare zone with proxied DNS records runs a managed WAF ruleset: a cloudflare.Ruleset of phase " +
        `${exports.MANAGED_WAF_PHASE} (kind "zone") with an enabled rule whose action is "execute" of a Cloudflare managed ruleset ` +
        "(Cloudflare Managed or OWASP Core on paid plans, Free Managed on the free plan).",
    enforcementLevel: "mandatory",
    severity: "high",
    remediationSteps: `Add a cloudflare.Ruleset { zoneId, kind: "zone", phase: "${exports.MANAGED_WAF_PHASE}", rules: [{ action: "execute", ` +
        `expression: "true", actionParameters: { id: "${exports.CLOUDFLARE_MANAGED_RULESETS.cloudflareManaged}" } }] } ` +
        `(Free plan: id "${exports.CLOUDFLARE_MANAGED_RULESETS.freeManaged}").`,
    configSchema: {
        properties: {
            managedRulesetIds: {
                type: "array",
                items: { type: "string", pattern: "^[0-9a-f]{32}$" },
                minItems: 1,
                default: Object.values(exports.CLOUDFLARE_MANAGED_RULESETS),
                description: "Ids of the Cloudflare managed rulesets that count as a managed WAF.",
            },
        },
    },
    ...(0, compliance_1.compliance)("164.308(a)(1)(ii)(B)", ["waf", "cloudflare"], ["164.308(a)(5)(ii)(B)"]),
    validateStack: (args, report) => {
        const { managedRulesetIds } = (0, config_1.configWithDefaults)(exports.cloudflareManagedWaf.configSchema, args.getConfig());
        const zones = (0, zones_1.zonesOf)(args.resources);
        const rulesets = args.resources.filter((r) => r.isType(cloudflare.Ruleset));
        const undetermined = rulesets.some((r) => (0, zones_1.zoneKeyOf)(r) === undefined && (0, resources_1.propsOf)(r).accountId === undefined);
        let anyProxied = false;
        for (const [key, members] of zones) {
            // Stryker disable next-line MethodExpression: of a zone's members only DNS records carry `proxied`
            const records = members.filter((m) => m.isType(cloudflare.DnsRecord));
            const proxied = records.filter((r) => (0, resources_1.propsOf)(r).proxied === true);
            if (proxied.length === 0) {
                continue; // no traffic through Cloudflare's proxy (or not known yet)
            }
            anyProxied = true;
            const verdicts = rulesets
                .filter((r) => (0, zones_1.zoneKeyOf)(r) === key)
                .map((r) => {
                const p = (0, resources_1.propsOf)(r);
                const phase = (0, values_1.test)(p.phase, (v) => v === exports.MANAGED_WAF_PHASE);
                if (phase === false) {
                    return false;
                }
                // Phase known or not, a ruleset that executes no managed ruleset does not protect the zone;
                // unknown rules (the sentinel) are one unknown rule.
                return (0, values_1.any)((0, values_1.asArray)(p.rules).map((rule) => executesManagedRuleset(rule, managedRulesetIds)));
            });
            const ok = (0, values_1.any)(verdicts);
            if (ok === false && !undetermined) {
                report(`zone ${(0, zones_1.zoneLabel)(key, members)} proxies ${proxied.map((r) => r.name).join(", ")} but runs no managed WAF ruleset ` +
                    `(phase ${exports.MANAGED_WAF_PHASE}, action execute of ${managedRulesetIds.join(" / ")}).`, proxied[0].urn);
            }
        }
        if (!anyProxied) {
            args.notApplicable("no proxied DNS records");
        }
    },
};
exports.albWafAssociation = {
    name: "alb-waf-association",
    description: 'Every internet-facing Application Load Balancer (loadBalancerType "application", the default, and not internal) ' +
        "has an aws.wafv2.WebAclAssociation. Network load balancers cannot carry a web ACL and are not checked.",
    enforcementLevel: "mandatory",
    severity: "high",
    remediationSteps: "Create an aws.wafv2.WebAcl (scope REGIONAL) with the AWS managed rule groups (AWSManagedRulesCommonRuleSet, " +
        "AWSManagedRulesKnownBadInputsRuleSet, AWSManagedRulesWordPressRuleSet, AWSManagedRulesSQLiRuleSet) and associate it " +
        "with the load balancer: new aws.wafv2.WebAclAssociation(..., { resourceArn: alb.arn, webAclArn: acl.arn }).",
    ...(0, compliance_1.compliance)("164.308(a)(1)(ii)(B)", ["waf", "elb"], ["164.308(a)(5)(ii)(B)"]),
    validateStack: (args, report) => {
        const albs = args.resources.filter((r) => (0, validate_1.isAnyOf)(r, types_1.LOAD_BALANCERS));
        if (albs.length === 0) {
            args.notApplicable("no load balancers in the stack");
        }
        const associations = args.resources.filter((r) => r.isType(aws.wafv2.WebAclAssociation));
        for (const lb of albs) {
            const p = (0, resources_1.propsOf)(lb);
            const application = (0, values_1.test)(p.loadBalancerType, (v) => v === undefined || v === null || v === "application");
            const internetFacing = (0, values_1.test)(p.internal, (v) => v !== true);
            if (application !== true || internetFacing !== true) {
                continue;
            }
            const linked = (0, values_1.any)(associations.map((a) => (0, resources_1.refersTo)(a, "resourceArn", lb, [p.arn, p.id])));
            if (linked === false) {
                report(`internet-facing application load balancer ${lb.name} has no WAF web ACL association.`, lb.urn);
            }
        }
    },
};
exports.noPublicWebPorts = {
    name: "no-public-web-ports",
    description: "No security group rule opens HTTP or HTTPS (80, 443, a range containing them, or all traffic) to 0.0.0.0/0 or ::/0. " +
        "Web traffic reaches the origin only through Cloudflare (its WAF), so the load balancer admits Cloudflare's published " +
        "address ranges only; a rule open to the internet lets attackers bypass the WAF.",
    enforcementLevel: "mandatory",
    severity: "high",
    remediationSteps: "Replace the 0.0.0.0/0 or ::/0 source by Cloudflare's ranges (cloudflare.getIpRanges: ipv4Cidrs / ipv6Cidrs), or by " +
        "the security group of the component that calls this port (referencedSecurityGroupId).",
    ...(0, compliance_1.compliance)("164.308(a)(1)(ii)(B)", ["waf", "network", "security-group"], ["164.312(e)(1)"]),
    validateResource: (0, ingress_1.worldIngressValidator)([80, 443], () => "Only Cloudflare's address ranges may reach web ports, so no request bypasses the WAF."),
};
