// @ts-nocheck
// Web application firewall: every way in from the internet passes a WAF
// (HIPAA 164.308(a)(1)(ii)(B) risk management, 164.308(a)(5)(ii)(B)
// protection from malicious software; LGPD art. 46).
function stryNS_9fa48() {
  var g = typeof globalThis === 'object' && globalThis && globalThis.Math === Math && globalThis || new Function("return this")();
  var ns = g.__stryker__ || (g.__stryker__ = {});
  if (ns.activeMutant === undefined && g.process && g.process.env && g.process.env.__STRYKER_ACTIVE_MUTANT__) {
    ns.activeMutant = g.process.env.__STRYKER_ACTIVE_MUTANT__;
  }
  function retrieveNS() {
    return ns;
  }
  stryNS_9fa48 = retrieveNS;
  return retrieveNS();
}
stryNS_9fa48();
function stryCov_9fa48() {
  var ns = stryNS_9fa48();
  var cov = ns.mutantCoverage || (ns.mutantCoverage = {
    static: {},
    perTest: {}
  });
  function cover() {
    var c = cov.static;
    if (ns.currentTestId) {
      c = cov.perTest[ns.currentTestId] = cov.perTest[ns.currentTestId] || {};
    }
    var a = arguments;
    for (var i = 0; i < a.length; i++) {
      c[a[i]] = (c[a[i]] || 0) + 1;
    }
  }
  stryCov_9fa48 = cover;
  cover.apply(null, arguments);
}
function stryMutAct_9fa48(id) {
  var ns = stryNS_9fa48();
  function isActive(id) {
    if (ns.activeMutant === id) {
      if (ns.hitCount !== void 0 && ++ns.hitCount > ns.hitLimit) {
        throw new Error('Stryker: Hit count limit reached (' + ns.hitCount + ')');
      }
      return true;
    }
    return false;
  }
  stryMutAct_9fa48 = isActive;
  return isActive(id);
}
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
export const CLOUDFLARE_MANAGED_RULESETS = stryMutAct_9fa48("3496") ? {} : (stryCov_9fa48("3496"), {
  cloudflareManaged: stryMutAct_9fa48("3497") ? "" : (stryCov_9fa48("3497"), "efb7b8c949ac4650a09736fc376e9aee"),
  owaspCore: stryMutAct_9fa48("3498") ? "" : (stryCov_9fa48("3498"), "4814384a9e5d4991b9815dcfc25d2f1f"),
  freeManaged: stryMutAct_9fa48("3499") ? "" : (stryCov_9fa48("3499"), "77454fe2d30c4220b5701f6fdfb893ba")
});
export const MANAGED_WAF_PHASE = stryMutAct_9fa48("3500") ? "" : (stryCov_9fa48("3500"), "http_request_firewall_managed");
interface ManagedWafConfig {
  managedRulesetIds: string[];
}

/** Whether a Ruleset rule executes one of the managed rulesets. */
function executesManagedRuleset(rule: unknown, ids: string[]): Tri {
  if (stryMutAct_9fa48("3501")) {
    {}
  } else {
    stryCov_9fa48("3501");
    if (stryMutAct_9fa48("3504") ? false : stryMutAct_9fa48("3503") ? true : stryMutAct_9fa48("3502") ? isObject(rule) : (stryCov_9fa48("3502", "3503", "3504"), !isObject(rule))) {
      if (stryMutAct_9fa48("3505")) {
        {}
      } else {
        stryCov_9fa48("3505");
        return isUnknown(rule) ? undefined : stryMutAct_9fa48("3506") ? true : (stryCov_9fa48("3506"), false);
      }
    }
    const x = rule as {
      action?: unknown;
      enabled?: unknown;
      actionParameters?: {
        id?: unknown;
      };
    };
    const parameters = x.actionParameters;
    return all(stryMutAct_9fa48("3507") ? [] : (stryCov_9fa48("3507"), [test(x.action, stryMutAct_9fa48("3508") ? () => undefined : (stryCov_9fa48("3508"), v => stryMutAct_9fa48("3511") ? v !== "execute" : stryMutAct_9fa48("3510") ? false : stryMutAct_9fa48("3509") ? true : (stryCov_9fa48("3509", "3510", "3511"), v === (stryMutAct_9fa48("3512") ? "" : (stryCov_9fa48("3512"), "execute"))))), test(x.enabled, stryMutAct_9fa48("3513") ? () => undefined : (stryCov_9fa48("3513"), v => stryMutAct_9fa48("3516") ? v === false : stryMutAct_9fa48("3515") ? false : stryMutAct_9fa48("3514") ? true : (stryCov_9fa48("3514", "3515", "3516"), v !== (stryMutAct_9fa48("3517") ? true : (stryCov_9fa48("3517"), false))))), isUnknown(parameters) ? undefined : test(stryMutAct_9fa48("3518") ? parameters.id : (stryCov_9fa48("3518"), parameters?.id), stryMutAct_9fa48("3519") ? () => undefined : (stryCov_9fa48("3519"), v => ids.includes(v as string)))]));
  }
}
export const cloudflareManagedWaf: StackValidationPolicy = stryMutAct_9fa48("3520") ? {} : (stryCov_9fa48("3520"), {
  name: stryMutAct_9fa48("3521") ? "" : (stryCov_9fa48("3521"), "cloudflare-managed-waf"),
  description: (stryMutAct_9fa48("3522") ? "" : (stryCov_9fa48("3522"), "A Cloudflare zone with proxied DNS records runs a managed WAF ruleset: a cloudflare.Ruleset of phase ")) + (stryMutAct_9fa48("3523") ? `` : (stryCov_9fa48("3523"), `${MANAGED_WAF_PHASE} (kind "zone") with an enabled rule whose action is "execute" of a Cloudflare managed ruleset `)) + (stryMutAct_9fa48("3524") ? "" : (stryCov_9fa48("3524"), "(Cloudflare Managed or OWASP Core on paid plans, Free Managed on the free plan).")),
  enforcementLevel: stryMutAct_9fa48("3525") ? "" : (stryCov_9fa48("3525"), "mandatory"),
  severity: stryMutAct_9fa48("3526") ? "" : (stryCov_9fa48("3526"), "high"),
  remediationSteps: (stryMutAct_9fa48("3527") ? `` : (stryCov_9fa48("3527"), `Add a cloudflare.Ruleset { zoneId, kind: "zone", phase: "${MANAGED_WAF_PHASE}", rules: [{ action: "execute", `)) + (stryMutAct_9fa48("3528") ? `` : (stryCov_9fa48("3528"), `expression: "true", actionParameters: { id: "${CLOUDFLARE_MANAGED_RULESETS.cloudflareManaged}" } }] } `)) + (stryMutAct_9fa48("3529") ? `` : (stryCov_9fa48("3529"), `(Free plan: id "${CLOUDFLARE_MANAGED_RULESETS.freeManaged}").`)),
  configSchema: stryMutAct_9fa48("3530") ? {} : (stryCov_9fa48("3530"), {
    properties: stryMutAct_9fa48("3531") ? {} : (stryCov_9fa48("3531"), {
      managedRulesetIds: stryMutAct_9fa48("3532") ? {} : (stryCov_9fa48("3532"), {
        type: stryMutAct_9fa48("3533") ? "" : (stryCov_9fa48("3533"), "array"),
        items: stryMutAct_9fa48("3534") ? {} : (stryCov_9fa48("3534"), {
          type: stryMutAct_9fa48("3535") ? "" : (stryCov_9fa48("3535"), "string"),
          pattern: stryMutAct_9fa48("3536") ? "" : (stryCov_9fa48("3536"), "^[0-9a-f]{32}$")
        }),
        minItems: 1,
        default: Object.values(CLOUDFLARE_MANAGED_RULESETS),
        description: stryMutAct_9fa48("3537") ? "" : (stryCov_9fa48("3537"), "Ids of the Cloudflare managed rulesets that count as a managed WAF.")
      })
    })
  }),
  ...compliance(stryMutAct_9fa48("3538") ? "" : (stryCov_9fa48("3538"), "164.308(a)(1)(ii)(B)"), stryMutAct_9fa48("3539") ? [] : (stryCov_9fa48("3539"), [stryMutAct_9fa48("3540") ? "" : (stryCov_9fa48("3540"), "waf"), stryMutAct_9fa48("3541") ? "" : (stryCov_9fa48("3541"), "cloudflare")]), stryMutAct_9fa48("3542") ? [] : (stryCov_9fa48("3542"), [stryMutAct_9fa48("3543") ? "" : (stryCov_9fa48("3543"), "164.308(a)(5)(ii)(B)")])),
  validateStack: (args, report) => {
    if (stryMutAct_9fa48("3544")) {
      {}
    } else {
      stryCov_9fa48("3544");
      const {
        managedRulesetIds
      } = configWithDefaults<ManagedWafConfig>(cloudflareManagedWaf.configSchema!, args.getConfig<ManagedWafConfig>());
      const zones = zonesOf(args.resources);
      const rulesets = stryMutAct_9fa48("3545") ? args.resources : (stryCov_9fa48("3545"), args.resources.filter(stryMutAct_9fa48("3546") ? () => undefined : (stryCov_9fa48("3546"), r => r.isType(cloudflare.Ruleset))));
      const undetermined = stryMutAct_9fa48("3547") ? rulesets.every(r => zoneKeyOf(r) === undefined && propsOf(r).accountId === undefined) : (stryCov_9fa48("3547"), rulesets.some(stryMutAct_9fa48("3548") ? () => undefined : (stryCov_9fa48("3548"), r => stryMutAct_9fa48("3551") ? zoneKeyOf(r) === undefined || propsOf(r).accountId === undefined : stryMutAct_9fa48("3550") ? false : stryMutAct_9fa48("3549") ? true : (stryCov_9fa48("3549", "3550", "3551"), (stryMutAct_9fa48("3553") ? zoneKeyOf(r) !== undefined : stryMutAct_9fa48("3552") ? true : (stryCov_9fa48("3552", "3553"), zoneKeyOf(r) === undefined)) && (stryMutAct_9fa48("3555") ? propsOf(r).accountId !== undefined : stryMutAct_9fa48("3554") ? true : (stryCov_9fa48("3554", "3555"), propsOf(r).accountId === undefined))))));
      let anyProxied = stryMutAct_9fa48("3556") ? true : (stryCov_9fa48("3556"), false);
      for (const [key, members] of zones) {
        if (stryMutAct_9fa48("3557")) {
          {}
        } else {
          stryCov_9fa48("3557");
          // Stryker disable next-line MethodExpression: of a zone's members only DNS records carry `proxied`
          const records = members.filter(stryMutAct_9fa48("3559") ? () => undefined : (stryCov_9fa48("3559"), m => m.isType(cloudflare.DnsRecord)));
          const proxied = stryMutAct_9fa48("3560") ? records : (stryCov_9fa48("3560"), records.filter(stryMutAct_9fa48("3561") ? () => undefined : (stryCov_9fa48("3561"), r => stryMutAct_9fa48("3564") ? propsOf(r).proxied !== true : stryMutAct_9fa48("3563") ? false : stryMutAct_9fa48("3562") ? true : (stryCov_9fa48("3562", "3563", "3564"), propsOf(r).proxied === (stryMutAct_9fa48("3565") ? false : (stryCov_9fa48("3565"), true))))));
          if (stryMutAct_9fa48("3568") ? proxied.length !== 0 : stryMutAct_9fa48("3567") ? false : stryMutAct_9fa48("3566") ? true : (stryCov_9fa48("3566", "3567", "3568"), proxied.length === 0)) {
            if (stryMutAct_9fa48("3569")) {
              {}
            } else {
              stryCov_9fa48("3569");
              continue; // no traffic through Cloudflare's proxy (or not known yet)
            }
          }
          anyProxied = stryMutAct_9fa48("3570") ? false : (stryCov_9fa48("3570"), true);
          const verdicts = stryMutAct_9fa48("3571") ? rulesets.map((r): Tri => {
            const p = propsOf(r);
            const phase = test(p.phase, v => v === MANAGED_WAF_PHASE);
            if (phase === false) {
              return false;
            }
            // Phase known or not, a ruleset that executes no managed ruleset does not protect the zone;
            // unknown rules (the sentinel) are one unknown rule.
            return any(asArray(p.rules).map(rule => executesManagedRuleset(rule, managedRulesetIds)));
          }) : (stryCov_9fa48("3571"), rulesets.filter(stryMutAct_9fa48("3572") ? () => undefined : (stryCov_9fa48("3572"), r => stryMutAct_9fa48("3575") ? zoneKeyOf(r) !== key : stryMutAct_9fa48("3574") ? false : stryMutAct_9fa48("3573") ? true : (stryCov_9fa48("3573", "3574", "3575"), zoneKeyOf(r) === key))).map((r): Tri => {
            if (stryMutAct_9fa48("3576")) {
              {}
            } else {
              stryCov_9fa48("3576");
              const p = propsOf(r);
              const phase = test(p.phase, stryMutAct_9fa48("3577") ? () => undefined : (stryCov_9fa48("3577"), v => stryMutAct_9fa48("3580") ? v !== MANAGED_WAF_PHASE : stryMutAct_9fa48("3579") ? false : stryMutAct_9fa48("3578") ? true : (stryCov_9fa48("3578", "3579", "3580"), v === MANAGED_WAF_PHASE)));
              if (stryMutAct_9fa48("3583") ? phase !== false : stryMutAct_9fa48("3582") ? false : stryMutAct_9fa48("3581") ? true : (stryCov_9fa48("3581", "3582", "3583"), phase === (stryMutAct_9fa48("3584") ? true : (stryCov_9fa48("3584"), false)))) {
                if (stryMutAct_9fa48("3585")) {
                  {}
                } else {
                  stryCov_9fa48("3585");
                  return stryMutAct_9fa48("3586") ? true : (stryCov_9fa48("3586"), false);
                }
              }
              // Phase known or not, a ruleset that executes no managed ruleset does not protect the zone;
              // unknown rules (the sentinel) are one unknown rule.
              return any(asArray(p.rules).map(stryMutAct_9fa48("3587") ? () => undefined : (stryCov_9fa48("3587"), rule => executesManagedRuleset(rule, managedRulesetIds))));
            }
          }));
          const ok = any(verdicts);
          if (stryMutAct_9fa48("3590") ? ok === false || !undetermined : stryMutAct_9fa48("3589") ? false : stryMutAct_9fa48("3588") ? true : (stryCov_9fa48("3588", "3589", "3590"), (stryMutAct_9fa48("3592") ? ok !== false : stryMutAct_9fa48("3591") ? true : (stryCov_9fa48("3591", "3592"), ok === (stryMutAct_9fa48("3593") ? true : (stryCov_9fa48("3593"), false)))) && (stryMutAct_9fa48("3594") ? undetermined : (stryCov_9fa48("3594"), !undetermined)))) {
            if (stryMutAct_9fa48("3595")) {
              {}
            } else {
              stryCov_9fa48("3595");
              report((stryMutAct_9fa48("3597") ? `` : (stryCov_9fa48("3597"), `zone ${zoneLabel(key, members)} proxies ${proxied.map(stryMutAct_9fa48("3598") ? () => undefined : (stryCov_9fa48("3598"), r => r.name)).join(stryMutAct_9fa48("3599") ? "" : (stryCov_9fa48("3599"), ", "))} but runs no managed WAF ruleset `)) + (stryMutAct_9fa48("3600") ? `` : (stryCov_9fa48("3600"), `(phase ${MANAGED_WAF_PHASE}, action execute of ${managedRulesetIds.join(stryMutAct_9fa48("3601") ? "" : (stryCov_9fa48("3601"), " / "))}).`)), proxied[0].urn);
            }
          }
        }
      }
      if (stryMutAct_9fa48("3604") ? false : stryMutAct_9fa48("3603") ? true : stryMutAct_9fa48("3602") ? anyProxied : (stryCov_9fa48("3602", "3603", "3604"), !anyProxied)) {
        if (stryMutAct_9fa48("3605")) {
          {}
        } else {
          stryCov_9fa48("3605");
          args.notApplicable(stryMutAct_9fa48("3607") ? "" : (stryCov_9fa48("3607"), "no proxied DNS records"));
        }
      }
    }
  }
});
export const albWafAssociation: StackValidationPolicy = stryMutAct_9fa48("3608") ? {} : (stryCov_9fa48("3608"), {
  name: stryMutAct_9fa48("3609") ? "" : (stryCov_9fa48("3609"), "alb-waf-association"),
  description: (stryMutAct_9fa48("3610") ? "" : (stryCov_9fa48("3610"), 'Every internet-facing Application Load Balancer (loadBalancerType "application", the default, and not internal) ')) + (stryMutAct_9fa48("3611") ? "" : (stryCov_9fa48("3611"), "has an aws.wafv2.WebAclAssociation. Network load balancers cannot carry a web ACL and are not checked.")),
  enforcementLevel: stryMutAct_9fa48("3612") ? "" : (stryCov_9fa48("3612"), "mandatory"),
  severity: stryMutAct_9fa48("3613") ? "" : (stryCov_9fa48("3613"), "high"),
  remediationSteps: (stryMutAct_9fa48("3614") ? "" : (stryCov_9fa48("3614"), "Create an aws.wafv2.WebAcl (scope REGIONAL) with the AWS managed rule groups (AWSManagedRulesCommonRuleSet, ")) + (stryMutAct_9fa48("3615") ? "" : (stryCov_9fa48("3615"), "AWSManagedRulesKnownBadInputsRuleSet, AWSManagedRulesWordPressRuleSet, AWSManagedRulesSQLiRuleSet) and associate it ")) + (stryMutAct_9fa48("3616") ? "" : (stryCov_9fa48("3616"), "with the load balancer: new aws.wafv2.WebAclAssociation(..., { resourceArn: alb.arn, webAclArn: acl.arn }).")),
  ...compliance(stryMutAct_9fa48("3617") ? "" : (stryCov_9fa48("3617"), "164.308(a)(1)(ii)(B)"), stryMutAct_9fa48("3618") ? [] : (stryCov_9fa48("3618"), [stryMutAct_9fa48("3619") ? "" : (stryCov_9fa48("3619"), "waf"), stryMutAct_9fa48("3620") ? "" : (stryCov_9fa48("3620"), "elb")]), stryMutAct_9fa48("3621") ? [] : (stryCov_9fa48("3621"), [stryMutAct_9fa48("3622") ? "" : (stryCov_9fa48("3622"), "164.308(a)(5)(ii)(B)")])),
  validateStack: (args, report) => {
    if (stryMutAct_9fa48("3623")) {
      {}
    } else {
      stryCov_9fa48("3623");
      const albs = stryMutAct_9fa48("3624") ? args.resources : (stryCov_9fa48("3624"), args.resources.filter(stryMutAct_9fa48("3625") ? () => undefined : (stryCov_9fa48("3625"), r => isAnyOf(r, LOAD_BALANCERS))));
      if (stryMutAct_9fa48("3628") ? albs.length !== 0 : stryMutAct_9fa48("3627") ? false : stryMutAct_9fa48("3626") ? true : (stryCov_9fa48("3626", "3627", "3628"), albs.length === 0)) {
        if (stryMutAct_9fa48("3629")) {
          {}
        } else {
          stryCov_9fa48("3629");
          args.notApplicable(stryMutAct_9fa48("3631") ? "" : (stryCov_9fa48("3631"), "no load balancers in the stack"));
        }
      }
      const associations = stryMutAct_9fa48("3632") ? args.resources : (stryCov_9fa48("3632"), args.resources.filter(stryMutAct_9fa48("3633") ? () => undefined : (stryCov_9fa48("3633"), r => r.isType(aws.wafv2.WebAclAssociation))));
      for (const lb of albs) {
        if (stryMutAct_9fa48("3634")) {
          {}
        } else {
          stryCov_9fa48("3634");
          const p = propsOf(lb);
          const application = test(p.loadBalancerType, stryMutAct_9fa48("3635") ? () => undefined : (stryCov_9fa48("3635"), v => stryMutAct_9fa48("3638") ? (v === undefined || v === null) && v === "application" : stryMutAct_9fa48("3637") ? false : stryMutAct_9fa48("3636") ? true : (stryCov_9fa48("3636", "3637", "3638"), (stryMutAct_9fa48("3640") ? v === undefined && v === null : stryMutAct_9fa48("3639") ? false : (stryCov_9fa48("3639", "3640"), (stryMutAct_9fa48("3642") ? v !== undefined : stryMutAct_9fa48("3641") ? false : (stryCov_9fa48("3641", "3642"), v === undefined)) || (stryMutAct_9fa48("3644") ? v !== null : stryMutAct_9fa48("3643") ? false : (stryCov_9fa48("3643", "3644"), v === null)))) || (stryMutAct_9fa48("3646") ? v !== "application" : stryMutAct_9fa48("3645") ? false : (stryCov_9fa48("3645", "3646"), v === (stryMutAct_9fa48("3647") ? "" : (stryCov_9fa48("3647"), "application")))))));
          const internetFacing = test(p.internal, stryMutAct_9fa48("3648") ? () => undefined : (stryCov_9fa48("3648"), v => stryMutAct_9fa48("3651") ? v === true : stryMutAct_9fa48("3650") ? false : stryMutAct_9fa48("3649") ? true : (stryCov_9fa48("3649", "3650", "3651"), v !== (stryMutAct_9fa48("3652") ? false : (stryCov_9fa48("3652"), true)))));
          if (stryMutAct_9fa48("3655") ? application !== true && internetFacing !== true : stryMutAct_9fa48("3654") ? false : stryMutAct_9fa48("3653") ? true : (stryCov_9fa48("3653", "3654", "3655"), (stryMutAct_9fa48("3657") ? application === true : stryMutAct_9fa48("3656") ? false : (stryCov_9fa48("3656", "3657"), application !== (stryMutAct_9fa48("3658") ? false : (stryCov_9fa48("3658"), true)))) || (stryMutAct_9fa48("3660") ? internetFacing === true : stryMutAct_9fa48("3659") ? false : (stryCov_9fa48("3659", "3660"), internetFacing !== (stryMutAct_9fa48("3661") ? false : (stryCov_9fa48("3661"), true)))))) {
            if (stryMutAct_9fa48("3662")) {
              {}
            } else {
              stryCov_9fa48("3662");
              continue;
            }
          }
          const linked = any(associations.map(stryMutAct_9fa48("3663") ? () => undefined : (stryCov_9fa48("3663"), a => refersTo(a, stryMutAct_9fa48("3664") ? "" : (stryCov_9fa48("3664"), "resourceArn"), lb, stryMutAct_9fa48("3665") ? [] : (stryCov_9fa48("3665"), [p.arn, p.id])))));
          if (stryMutAct_9fa48("3668") ? linked !== false : stryMutAct_9fa48("3667") ? false : stryMutAct_9fa48("3666") ? true : (stryCov_9fa48("3666", "3667", "3668"), linked === (stryMutAct_9fa48("3669") ? true : (stryCov_9fa48("3669"), false)))) {
            if (stryMutAct_9fa48("3670")) {
              {}
            } else {
              stryCov_9fa48("3670");
              report(stryMutAct_9fa48("3672") ? `` : (stryCov_9fa48("3672"), `internet-facing application load balancer ${lb.name} has no WAF web ACL association.`), lb.urn);
            }
          }
        }
      }
    }
  }
});
export const noPublicWebPorts: ResourceValidationPolicy = stryMutAct_9fa48("3673") ? {} : (stryCov_9fa48("3673"), {
  name: stryMutAct_9fa48("3674") ? "" : (stryCov_9fa48("3674"), "no-public-web-ports"),
  description: (stryMutAct_9fa48("3675") ? "" : (stryCov_9fa48("3675"), "No security group rule opens HTTP or HTTPS (80, 443, a range containing them, or all traffic) to 0.0.0.0/0 or ::/0. ")) + (stryMutAct_9fa48("3676") ? "" : (stryCov_9fa48("3676"), "Web traffic reaches the origin only through Cloudflare (its WAF), so the load balancer admits Cloudflare's published ")) + (stryMutAct_9fa48("3677") ? "" : (stryCov_9fa48("3677"), "address ranges only; a rule open to the internet lets attackers bypass the WAF.")),
  enforcementLevel: stryMutAct_9fa48("3678") ? "" : (stryCov_9fa48("3678"), "mandatory"),
  severity: stryMutAct_9fa48("3679") ? "" : (stryCov_9fa48("3679"), "high"),
  remediationSteps: (stryMutAct_9fa48("3680") ? "" : (stryCov_9fa48("3680"), "Replace the 0.0.0.0/0 or ::/0 source by Cloudflare's ranges (cloudflare.getIpRanges: ipv4Cidrs / ipv6Cidrs), or by ")) + (stryMutAct_9fa48("3681") ? "" : (stryCov_9fa48("3681"), "the security group of the component that calls this port (referencedSecurityGroupId).")),
  ...compliance(stryMutAct_9fa48("3682") ? "" : (stryCov_9fa48("3682"), "164.308(a)(1)(ii)(B)"), stryMutAct_9fa48("3683") ? [] : (stryCov_9fa48("3683"), [stryMutAct_9fa48("3684") ? "" : (stryCov_9fa48("3684"), "waf"), stryMutAct_9fa48("3685") ? "" : (stryCov_9fa48("3685"), "network"), stryMutAct_9fa48("3686") ? "" : (stryCov_9fa48("3686"), "security-group")]), stryMutAct_9fa48("3687") ? [] : (stryCov_9fa48("3687"), [stryMutAct_9fa48("3688") ? "" : (stryCov_9fa48("3688"), "164.312(e)(1)")])),
  validateResource: worldIngressValidator(stryMutAct_9fa48("3689") ? [] : (stryCov_9fa48("3689"), [80, 443]), stryMutAct_9fa48("3690") ? () => undefined : (stryCov_9fa48("3690"), () => stryMutAct_9fa48("3691") ? "" : (stryCov_9fa48("3691"), "Only Cloudflare's address ranges may reach web ports, so no request bypasses the WAF.")))
});