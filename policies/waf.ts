// Web application firewall: every way in from the internet passes a WAF
// (HIPAA 164.308(a)(1)(ii)(B) risk management, 164.308(a)(5)(ii)(B)
// protection from malicious software; LGPD art. 46).

import * as aws from "@pulumi/aws";
import * as cloudflare from "@pulumi/cloudflare";
import { ResourceValidationPolicy, StackValidationPolicy } from "@pulumi/policy";
import { compliance } from "./lib/compliance";
import { configWithDefaults } from "./lib/config";
import { worldIngressValidator } from "./lib/ingress";
import { propsOf, refersTo } from "./lib/resources";
import { LOAD_BALANCERS } from "./lib/types";
import { isAnyOf } from "./lib/validate";
import { all, any, asArray, isObject, isUnknown, test, Tri } from "./lib/values";
import { zoneKeyOf, zoneLabel, zonesOf } from "./lib/zones";

/**
 * Cloudflare's managed WAF rulesets (developers.cloudflare.com/waf/managed-rules):
 * Cloudflare Managed Ruleset and OWASP Core Ruleset (Pro plan and above),
 * Cloudflare Free Managed Ruleset (every plan).
 */
export const CLOUDFLARE_MANAGED_RULESETS = {
    cloudflareManaged: "efb7b8c949ac4650a09736fc376e9aee",
    owaspCore: "4814384a9e5d4991b9815dcfc25d2f1f",
    freeManaged: "77454fe2d30c4220b5701f6fdfb893ba",
};

export const MANAGED_WAF_PHASE = "http_request_firewall_managed";

interface ManagedWafConfig {
    managedRulesetIds: string[];
}

/** Whether a Ruleset rule executes one of the managed rulesets. */
function executesManagedRuleset(rule: unknown, ids: string[]): Tri {
    if (!isObject(rule)) {
        return isUnknown(rule) ? undefined : false;
    }
    const x = rule as { action?: unknown; enabled?: unknown; actionParameters?: { id?: unknown } };
    const parameters = x.actionParameters;
    return all([
        test(x.action, (v) => v === "execute"),
        test(x.enabled, (v) => v !== false),
        isUnknown(parameters) ? undefined : test(parameters?.id, (v) => ids.includes(v as string)),
    ]);
}

export const cloudflareManagedWaf: StackValidationPolicy = {
    name: "cloudflare-managed-waf",
    description:
        "A Cloudflare zone with proxied DNS records runs a managed WAF ruleset: a cloudflare.Ruleset of phase " +
        `${MANAGED_WAF_PHASE} (kind "zone") with an enabled rule whose action is "execute" of a Cloudflare managed ruleset ` +
        "(Cloudflare Managed or OWASP Core on paid plans, Free Managed on the free plan).",
    enforcementLevel: "mandatory",
    severity: "high",
    remediationSteps:
        `Add a cloudflare.Ruleset { zoneId, kind: "zone", phase: "${MANAGED_WAF_PHASE}", rules: [{ action: "execute", ` +
        `expression: "true", actionParameters: { id: "${CLOUDFLARE_MANAGED_RULESETS.cloudflareManaged}" } }] } ` +
        `(Free plan: id "${CLOUDFLARE_MANAGED_RULESETS.freeManaged}").`,
    configSchema: {
        properties: {
            managedRulesetIds: {
                type: "array",
                items: { type: "string", pattern: "^[0-9a-f]{32}$" },
                minItems: 1,
                default: Object.values(CLOUDFLARE_MANAGED_RULESETS),
                description: "Ids of the Cloudflare managed rulesets that count as a managed WAF.",
            },
        },
    },
    ...compliance("164.308(a)(1)(ii)(B)", ["waf", "cloudflare"], ["164.308(a)(5)(ii)(B)"]),
    validateStack: (args, report) => {
        const { managedRulesetIds } = configWithDefaults<ManagedWafConfig>(
            cloudflareManagedWaf.configSchema!,
            args.getConfig<ManagedWafConfig>(),
        );
        const zones = zonesOf(args.resources);
        const rulesets = args.resources.filter((r) => r.isType(cloudflare.Ruleset));
        const undetermined = rulesets.some((r) => zoneKeyOf(r) === undefined && propsOf(r).accountId === undefined);
        let anyProxied = false;
        for (const [key, members] of zones) {
            // Stryker disable next-line MethodExpression: of a zone's members only DNS records carry `proxied`
            const records = members.filter((m) => m.isType(cloudflare.DnsRecord));
            const proxied = records.filter((r) => propsOf(r).proxied === true);
            if (proxied.length === 0) {
                continue; // no traffic through Cloudflare's proxy (or not known yet)
            }
            anyProxied = true;
            const verdicts = rulesets
                .filter((r) => zoneKeyOf(r) === key)
                .map((r): Tri => {
                    const p = propsOf(r);
                    const phase = test(p.phase, (v) => v === MANAGED_WAF_PHASE);
                    if (phase === false) {
                        return false;
                    }
                    // Phase known or not, a ruleset that executes no managed ruleset does not protect the zone;
                    // unknown rules (the sentinel) are one unknown rule.
                    return any(asArray(p.rules).map((rule) => executesManagedRuleset(rule, managedRulesetIds)));
                });
            const ok = any(verdicts);
            if (ok === false && !undetermined) {
                report(
                    `zone ${zoneLabel(key, members)} proxies ${proxied.map((r) => r.name).join(", ")} but runs no managed WAF ruleset ` +
                        `(phase ${MANAGED_WAF_PHASE}, action execute of ${managedRulesetIds.join(" / ")}).`,
                    proxied[0].urn,
                );
            }
        }
        if (!anyProxied) {
            args.notApplicable("no proxied DNS records");
        }
    },
};

export const albWafAssociation: StackValidationPolicy = {
    name: "alb-waf-association",
    description:
        'Every internet-facing Application Load Balancer (loadBalancerType "application", the default, and not internal) ' +
        "has an aws.wafv2.WebAclAssociation. Network load balancers cannot carry a web ACL and are not checked.",
    enforcementLevel: "mandatory",
    severity: "high",
    remediationSteps:
        "Create an aws.wafv2.WebAcl (scope REGIONAL) with the AWS managed rule groups (AWSManagedRulesCommonRuleSet, " +
        "AWSManagedRulesKnownBadInputsRuleSet, AWSManagedRulesWordPressRuleSet, AWSManagedRulesSQLiRuleSet) and associate it " +
        "with the load balancer: new aws.wafv2.WebAclAssociation(..., { resourceArn: alb.arn, webAclArn: acl.arn }).",
    ...compliance("164.308(a)(1)(ii)(B)", ["waf", "elb"], ["164.308(a)(5)(ii)(B)"]),
    validateStack: (args, report) => {
        const albs = args.resources.filter((r) => isAnyOf(r, LOAD_BALANCERS));
        if (albs.length === 0) {
            args.notApplicable("no load balancers in the stack");
        }
        const associations = args.resources.filter((r) => r.isType(aws.wafv2.WebAclAssociation));
        for (const lb of albs) {
            const p = propsOf(lb);
            const application = test(p.loadBalancerType, (v) => v === undefined || v === null || v === "application");
            const internetFacing = test(p.internal, (v) => v !== true);
            if (application !== true || internetFacing !== true) {
                continue;
            }
            const linked = any(associations.map((a) => refersTo(a, "resourceArn", lb, [p.arn, p.id])));
            if (linked === false) {
                report(`internet-facing application load balancer ${lb.name} has no WAF web ACL association.`, lb.urn);
            }
        }
    },
};

export const noPublicWebPorts: ResourceValidationPolicy = {
    name: "no-public-web-ports",
    description:
        "No security group rule opens HTTP or HTTPS (80, 443, a range containing them, or all traffic) to 0.0.0.0/0 or ::/0. " +
        "Web traffic reaches the origin only through Cloudflare (its WAF), so the load balancer admits Cloudflare's published " +
        "address ranges only; a rule open to the internet lets attackers bypass the WAF.",
    enforcementLevel: "mandatory",
    severity: "high",
    remediationSteps:
        "Replace the 0.0.0.0/0 or ::/0 source by Cloudflare's ranges (cloudflare.getIpRanges: ipv4Cidrs / ipv6Cidrs), or by " +
        "the security group of the component that calls this port (referencedSecurityGroupId).",
    ...compliance("164.308(a)(1)(ii)(B)", ["waf", "network", "security-group"], ["164.312(e)(1)"]),
    validateResource: worldIngressValidator(
        [80, 443],
        () => "Only Cloudflare's address ranges may reach web ports, so no request bypasses the WAF.",
    ),
};
