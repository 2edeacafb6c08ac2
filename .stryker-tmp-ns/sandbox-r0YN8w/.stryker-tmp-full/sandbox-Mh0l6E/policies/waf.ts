// @ts-nocheck
// 
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
export const CLOUDFLARE_MANAGED_RULESETS = stryMutAct_9fa48("3600") ? {} : (stryCov_9fa48("3600"), {
  cloudflareManaged: stryMutAct_9fa48("3601") ? "" : (stryCov_9fa48("3601"), "efb7b8c949ac4650a09736fc376e9aee"),
  owaspCore: stryMutAct_9fa48("3602") ? "" : (stryCov_9fa48("3602"), "4814384a9e5d4991b9815dcfc25d2f1f"),
  freeManaged: stryMutAct_9fa48("3603") ? "" : (stryCov_9fa48("3603"), "77454fe2d30c4220b5701f6fdfb893ba")
});
export const MANAGED_WAF_PHASE = stryMutAct_9fa48("3604") ? "" : (stryCov_9fa48("3604"), "http_request_firewall_managed");
interface ManagedWafConfig {
  managedRulesetIds: string[];
}

/** Whether a Ruleset rule executes one of the managed rulesets. */
function executesManagedRuleset(rule: unknown, ids: string[]): Tri {
  if (stryMutAct_9fa48("3605")) {
    {}
  } else {
    stryCov_9fa48("3605");
    if (stryMutAct_9fa48("3608") ? false : stryMutAct_9fa48("3607") ? true : stryMutAct_9fa48("3606") ? isObject(rule) : (stryCov_9fa48("3606", "3607", "3608"), !isObject(rule))) {
      if (stryMutAct_9fa48("3609")) {
        {}
      } else {
        stryCov_9fa48("3609");
        return isUnknown(rule) ? undefined : stryMutAct_9fa48("3610") ? true : (stryCov_9fa48("3610"), false);
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
    return all(stryMutAct_9fa48("3611") ? [] : (stryCov_9fa48("3611"), [test(x.action, stryMutAct_9fa48("3612") ? () => undefined : (stryCov_9fa48("3612"), v => stryMutAct_9fa48("3615") ? v !== "execute" : stryMutAct_9fa48("3614") ? false : stryMutAct_9fa48("3613") ? true : (stryCov_9fa48("3613", "3614", "3615"), v === (stryMutAct_9fa48("3616") ? "" : (stryCov_9fa48("3616"), "execute"))))), test(x.enabled, stryMutAct_9fa48("3617") ? () => undefined : (stryCov_9fa48("3617"), v => stryMutAct_9fa48("3620") ? v === false : stryMutAct_9fa48("3619") ? false : stryMutAct_9fa48("3618") ? true : (stryCov_9fa48("3618", "3619", "3620"), v !== (stryMutAct_9fa48("3621") ? true : (stryCov_9fa48("3621"), false))))), isUnknown(parameters) ? undefined : test(stryMutAct_9fa48("3622") ? parameters.id : (stryCov_9fa48("3622"), parameters?.id), stryMutAct_9fa48("3623") ? () => undefined : (stryCov_9fa48("3623"), v => ids.includes(v as string)))]));
  }
}
export const cloudflareManagedWaf: StackValidationPolicy = stryMutAct_9fa48("3624") ? {} : (stryCov_9fa48("3624"), {
  name: stryMutAct_9fa48("3625") ? "" : (stryCov_9fa48("3625"), "cloudflare-managed-waf"),
  description: (stryMutAct_9fa48("3626") ? "" : (stryCov_9fa48("3626"), "A Cloudflare zone with proxied DNS records runs a managed WAF ruleset: a cloudflare.Ruleset of phase ")) + (stryMutAct_9fa48("3627") ? `` : (stryCov_9fa48("3627"), `${MANAGED_WAF_PHASE} (kind "zone") with an enabled rule whose action is "execute" of a Cloudflare managed ruleset `)) + (stryMutAct_9fa48("3628") ? "" : (stryCov_9fa48("3628"), "(Cloudflare Managed or OWASP Core on paid plans, Free Managed on the free plan).")),
  enforcementLevel: stryMutAct_9fa48("3629") ? "" : (stryCov_9fa48("3629"), "mandatory"),
  severity: stryMutAct_9fa48("3630") ? "" : (stryCov_9fa48("3630"), "high"),
  remediationSteps: (stryMutAct_9fa48("3631") ? `` : (stryCov_9fa48("3631"), `Add a cloudflare.Ruleset { zoneId, kind: "zone", phase: "${MANAGED_WAF_PHASE}", rules: [{ action: "execute", `)) + (stryMutAct_9fa48("3632") ? `` : (stryCov_9fa48("3632"), `expression: "true", actionParameters: { id: "${CLOUDFLARE_MANAGED_RULESETS.cloudflareManaged}" } }] } `)) + (stryMutAct_9fa48("3633") ? `` : (stryCov_9fa48("3633"), `(Free plan: id "${CLOUDFLARE_MANAGED_RULESETS.freeManaged}").`)),
  configSchema: stryMutAct_9fa48("3634") ? {} : (stryCov_9fa48("3634"), {
    properties: stryMutAct_9fa48("3635") ? {} : (stryCov_9fa48("3635"), {
      managedRulesetIds: stryMutAct_9fa48("3636") ? {} : (stryCov_9fa48("3636"), {
        type: stryMutAct_9fa48("3637") ? "" : (stryCov_9fa48("3637"), "array"),
        items: stryMutAct_9fa48("3638") ? {} : (stryCov_9fa48("3638"), {
          type: stryMutAct_9fa48("3639") ? "" : (stryCov_9fa48("3639"), "string"),
          pattern: stryMutAct_9fa48("3640") ? "" : (stryCov_9fa48("3640"), "^[0-9a-f]{32}$")
        }),
        minItems: 1,
        default: Object.values(CLOUDFLARE_MANAGED_RULESETS),
        description: stryMutAct_9fa48("3641") ? "" : (stryCov_9fa48("3641"), "Ids of the Cloudflare managed rulesets that count as a managed WAF.")
      })
    })
  }),
  ...compliance(stryMutAct_9fa48("3642") ? "" : (stryCov_9fa48("3642"), "164.308(a)(1)(ii)(B)"), stryMutAct_9fa48("3643") ? [] : (stryCov_9fa48("3643"), [stryMutAct_9fa48("3644") ? "" : (stryCov_9fa48("3644"), "waf"), stryMutAct_9fa48("3645") ? "" : (stryCov_9fa48("3645"), "cloudflare")]), stryMutAct_9fa48("3646") ? [] : (stryCov_9fa48("3646"), [stryMutAct_9fa48("3647") ? "" : (stryCov_9fa48("3647"), "164.308(a)(5)(ii)(B)")])),
  validateStack: (args, report) => {
    if (stryMutAct_9fa48("3648")) {
      {}
    } else {
      stryCov_9fa48("3648");
      const {
        managedRulesetIds
      } = configWithDefaults<ManagedWafConfig>(cloudflareManagedWaf.configSchema!, args.getConfig<ManagedWafConfig>());
      const zones = zonesOf(args.resources);
      const rulesets = stryMutAct_9fa48("3649") ? args.resources : (stryCov_9fa48("3649"), args.resources.filter(stryMutAct_9fa48("3650") ? () => undefined : (stryCov_9fa48("3650"), r => r.isType(cloudflare.Ruleset))));
      const undetermined = stryMutAct_9fa48("3651") ? rulesets.every(r => zoneKeyOf(r) === undefined && propsOf(r).accountId === undefined) : (stryCov_9fa48("3651"), rulesets.some(stryMutAct_9fa48("3652") ? () => undefined : (stryCov_9fa48("3652"), r => stryMutAct_9fa48("3655") ? zoneKeyOf(r) === undefined || propsOf(r).accountId === undefined : stryMutAct_9fa48("3654") ? false : stryMutAct_9fa48("3653") ? true : (stryCov_9fa48("3653", "3654", "3655"), (stryMutAct_9fa48("3657") ? zoneKeyOf(r) !== undefined : stryMutAct_9fa48("3656") ? true : (stryCov_9fa48("3656", "3657"), zoneKeyOf(r) === undefined)) && (stryMutAct_9fa48("3659") ? propsOf(r).accountId !== undefined : stryMutAct_9fa48("3658") ? true : (stryCov_9fa48("3658", "3659"), propsOf(r).accountId === undefined))))));
      let anyProxied = stryMutAct_9fa48("3660") ? true : (stryCov_9fa48("3660"), false);
      for (const [key, members] of zones) {
        if (stryMutAct_9fa48("3661")) {
          {}
        } else {
          stryCov_9fa48("3661");
          // Stryker disable next-line MethodExpression: of a zone's members only DNS records carry `proxied`
          const records = members.filter(stryMutAct_9fa48("3663") ? () => undefined : (stryCov_9fa48("3663"), m => m.isType(cloudflare.DnsRecord)));
          const proxied = stryMutAct_9fa48("3664") ? records : (stryCov_9fa48("3664"), records.filter(stryMutAct_9fa48("3665") ? () => undefined : (stryCov_9fa48("3665"), r => stryMutAct_9fa48("3668") ? propsOf(r).proxied !== true : stryMutAct_9fa48("3667") ? false : stryMutAct_9fa48("3666") ? true : (stryCov_9fa48("3666", "3667", "3668"), propsOf(r).proxied === (stryMutAct_9fa48("3669") ? false : (stryCov_9fa48("3669"), true))))));
          if (stryMutAct_9fa48("3672") ? proxied.length !== 0 : stryMutAct_9fa48("3671") ? false : stryMutAct_9fa48("3670") ? true : (stryCov_9fa48("3670", "3671", "3672"), proxied.length === 0)) {
            if (stryMutAct_9fa48("3673")) {
              {}
            } else {
              stryCov_9fa48("3673");
              continue; // no traffic through Cloudflare's proxy (or not known yet)
            }
          }
          anyProxied = stryMutAct_9fa48("3674") ? false : (stryCov_9fa48("3674"), true);
          const verdicts = stryMutAct_9fa48("3675") ? rulesets.map((r): Tri => {
            const p = propsOf(r);
            const phase = test(p.phase, v => v === MANAGED_WAF_PHASE);
            if (phase === false) {
              return false;
            }
            // Phase known or not, a ruleset that executes no managed ruleset does not protect the zone;
            // unknown rules (the sentinel) are one unknown rule.
            return any(asArray(p.rules).map(rule => executesManagedRuleset(rule, managedRulesetIds)));
          }) : (stryCov_9fa48("3675"), rulesets.filter(stryMutAct_9fa48("3676") ? () => undefined : (stryCov_9fa48("3676"), r => stryMutAct_9fa48("3679") ? zoneKeyOf(r) !== key : stryMutAct_9fa48("3678") ? false : stryMutAct_9fa48("3677") ? true : (stryCov_9fa48("3677", "3678", "3679"), zoneKeyOf(r) === key))).map((r): Tri => {
            if (stryMutAct_9fa48("3680")) {
              {}
            } else {
              stryCov_9fa48("3680");
              const p = propsOf(r);
              const phase = test(p.phase, stryMutAct_9fa48("3681") ? () => undefined : (stryCov_9fa48("3681"), v => stryMutAct_9fa48("3684") ? v !== MANAGED_WAF_PHASE : stryMutAct_9fa48("3683") ? false : stryMutAct_9fa48("3682") ? true : (stryCov_9fa48("3682", "3683", "3684"), v === MANAGED_WAF_PHASE)));
              if (stryMutAct_9fa48("3687") ? phase !== false : stryMutAct_9fa48("3686") ? false : stryMutAct_9fa48("3685") ? true : (stryCov_9fa48("3685", "3686", "3687"), phase === (stryMutAct_9fa48("3688") ? true : (stryCov_9fa48("3688"), false)))) {
                if (stryMutAct_9fa48("3689")) {
                  {}
                } else {
                  stryCov_9fa48("3689");
                  return stryMutAct_9fa48("3690") ? true : (stryCov_9fa48("3690"), false);
                }
              }
              // Phase known or not, a ruleset that executes no managed ruleset does not protect the zone;
              // unknown rules (the sentinel) are one unknown rule.
              return any(asArray(p.rules).map(stryMutAct_9fa48("3691") ? () => undefined : (stryCov_9fa48("3691"), rule => executesManagedRuleset(rule, managedRulesetIds))));
            }
          }));
          const ok = any(verdicts);
          if (stryMutAct_9fa48("3694") ? ok === false || !undetermined : stryMutAct_9fa48("3693") ? false : stryMutAct_9fa48("3692") ? true : (stryCov_9fa48("3692", "3693", "3694"), (stryMutAct_9fa48("3696") ? ok !== false : stryMutAct_9fa48("3695") ? true : (stryCov_9fa48("3695", "3696"), ok === (stryMutAct_9fa48("3697") ? true : (stryCov_9fa48("3697"), false)))) && (stryMutAct_9fa48("3698") ? undetermined : (stryCov_9fa48("3698"), !undetermined)))) {
            if (stryMutAct_9fa48("3699")) {
              {}
            } else {
              stryCov_9fa48("3699");
              report((stryMutAct_9fa48("3701") ? `` : (stryCov_9fa48("3701"), `zone ${zoneLabel(key, members)} proxies ${proxied.map(stryMutAct_9fa48("3702") ? () => undefined : (stryCov_9fa48("3702"), r => r.name)).join(stryMutAct_9fa48("3703") ? "" : (stryCov_9fa48("3703"), ", "))} but runs no managed WAF ruleset `)) + (stryMutAct_9fa48("3704") ? `` : (stryCov_9fa48("3704"), `(phase ${MANAGED_WAF_PHASE}, action execute of ${managedRulesetIds.join(stryMutAct_9fa48("3705") ? "" : (stryCov_9fa48("3705"), " / "))}).`)), proxied[0].urn);
            }
          }
        }
      }
      if (stryMutAct_9fa48("3708") ? false : stryMutAct_9fa48("3707") ? true : stryMutAct_9fa48("3706") ? anyProxied : (stryCov_9fa48("3706", "3707", "3708"), !anyProxied)) {
        if (stryMutAct_9fa48("3709")) {
          {}
        } else {
          stryCov_9fa48("3709");
          args.notApplicable(stryMutAct_9fa48("3711") ? "" : (stryCov_9fa48("3711"), "no proxied DNS records"));
        }
      }
    }
  }
});
export const albWafAssociation: StackValidationPolicy = stryMutAct_9fa48("3712") ? {} : (stryCov_9fa48("3712"), {
  name: stryMutAct_9fa48("3713") ? "" : (stryCov_9fa48("3713"), "alb-waf-association"),
  description: (stryMutAct_9fa48("3714") ? "" : (stryCov_9fa48("3714"), 'Every internet-facing Application Load Balancer (loadBalancerType "application", the default, and not internal) ')) + (stryMutAct_9fa48("3715") ? "" : (stryCov_9fa48("3715"), "has an aws.wafv2.WebAclAssociation. Network load balancers cannot carry a web ACL and are not checked.")),
  enforcementLevel: stryMutAct_9fa48("3716") ? "" : (stryCov_9fa48("3716"), "mandatory"),
  severity: stryMutAct_9fa48("3717") ? "" : (stryCov_9fa48("3717"), "high"),
  remediationSteps: (stryMutAct_9fa48("3718") ? "" : (stryCov_9fa48("3718"), "Create an aws.wafv2.WebAcl (scope REGIONAL) with the AWS managed rule groups (AWSManagedRulesCommonRuleSet, ")) + (stryMutAct_9fa48("3719") ? "" : (stryCov_9fa48("3719"), "AWSManagedRulesKnownBadInputsRuleSet, AWSManagedRulesWordPressRuleSet, AWSManagedRulesSQLiRuleSet) and associate it ")) + (stryMutAct_9fa48("3720") ? "" : (stryCov_9fa48("3720"), "with the load balancer: new aws.wafv2.WebAclAssociation(..., { resourceArn: alb.arn, webAclArn: acl.arn }).")),
  ...compliance(stryMutAct_9fa48("3721") ? "" : (stryCov_9fa48("3721"), "164.308(a)(1)(ii)(B)"), stryMutAct_9fa48("3722") ? [] : (stryCov_9fa48("3722"), [stryMutAct_9fa48("3723") ? "" : (stryCov_9fa48("3723"), "waf"), stryMutAct_9fa48("3724") ? "" : (stryCov_9fa48("3724"), "elb")]), stryMutAct_9fa48("3725") ? [] : (stryCov_9fa48("3725"), [stryMutAct_9fa48("3726") ? "" : (stryCov_9fa48("3726"), "164.308(a)(5)(ii)(B)")])),
  validateStack: (args, report) => {
    if (stryMutAct_9fa48("3727")) {
      {}
    } else {
      stryCov_9fa48("3727");
      const albs = stryMutAct_9fa48("3728") ? args.resources : (stryCov_9fa48("3728"), args.resources.filter(stryMutAct_9fa48("3729") ? () => undefined : (stryCov_9fa48("3729"), r => isAnyOf(r, LOAD_BALANCERS))));
      if (stryMutAct_9fa48("3732") ? albs.length !== 0 : stryMutAct_9fa48("3731") ? false : stryMutAct_9fa48("3730") ? true : (stryCov_9fa48("3730", "3731", "3732"), albs.length === 0)) {
        if (stryMutAct_9fa48("3733")) {
          {}
        } else {
          stryCov_9fa48("3733");
          args.notApplicable(stryMutAct_9fa48("3735") ? "" : (stryCov_9fa48("3735"), "no load balancers in the stack"));
        }
      }
      const associations = stryMutAct_9fa48("3736") ? args.resources : (stryCov_9fa48("3736"), args.resources.filter(stryMutAct_9fa48("3737") ? () => undefined : (stryCov_9fa48("3737"), r => r.isType(aws.wafv2.WebAclAssociation))));
      for (const lb of albs) {
        if (stryMutAct_9fa48("3738")) {
          {}
        } else {
          stryCov_9fa48("3738");
          const p = propsOf(lb);
          const application = test(p.loadBalancerType, stryMutAct_9fa48("3739") ? () => undefined : (stryCov_9fa48("3739"), v => stryMutAct_9fa48("3742") ? (v === undefined || v === null) && v === "application" : stryMutAct_9fa48("3741") ? false : stryMutAct_9fa48("3740") ? true : (stryCov_9fa48("3740", "3741", "3742"), (stryMutAct_9fa48("3744") ? v === undefined && v === null : stryMutAct_9fa48("3743") ? false : (stryCov_9fa48("3743", "3744"), (stryMutAct_9fa48("3746") ? v !== undefined : stryMutAct_9fa48("3745") ? false : (stryCov_9fa48("3745", "3746"), v === undefined)) || (stryMutAct_9fa48("3748") ? v !== null : stryMutAct_9fa48("3747") ? false : (stryCov_9fa48("3747", "3748"), v === null)))) || (stryMutAct_9fa48("3750") ? v !== "application" : stryMutAct_9fa48("3749") ? false : (stryCov_9fa48("3749", "3750"), v === (stryMutAct_9fa48("3751") ? "" : (stryCov_9fa48("3751"), "application")))))));
          const internetFacing = test(p.internal, stryMutAct_9fa48("3752") ? () => undefined : (stryCov_9fa48("3752"), v => stryMutAct_9fa48("3755") ? v === true : stryMutAct_9fa48("3754") ? false : stryMutAct_9fa48("3753") ? true : (stryCov_9fa48("3753", "3754", "3755"), v !== (stryMutAct_9fa48("3756") ? false : (stryCov_9fa48("3756"), true)))));
          if (stryMutAct_9fa48("3759") ? application !== true && internetFacing !== true : stryMutAct_9fa48("3758") ? false : stryMutAct_9fa48("3757") ? true : (stryCov_9fa48("3757", "3758", "3759"), (stryMutAct_9fa48("3761") ? application === true : stryMutAct_9fa48("3760") ? false : (stryCov_9fa48("3760", "3761"), application !== (stryMutAct_9fa48("3762") ? false : (stryCov_9fa48("3762"), true)))) || (stryMutAct_9fa48("3764") ? internetFacing === true : stryMutAct_9fa48("3763") ? false : (stryCov_9fa48("3763", "3764"), internetFacing !== (stryMutAct_9fa48("3765") ? false : (stryCov_9fa48("3765"), true)))))) {
            if (stryMutAct_9fa48("3766")) {
              {}
            } else {
              stryCov_9fa48("3766");
              continue;
            }
          }
          const linked = any(associations.map(stryMutAct_9fa48("3767") ? () => undefined : (stryCov_9fa48("3767"), a => refersTo(a, stryMutAct_9fa48("3768") ? "" : (stryCov_9fa48("3768"), "resourceArn"), lb, stryMutAct_9fa48("3769") ? [] : (stryCov_9fa48("3769"), [p.arn, p.id])))));
          if (stryMutAct_9fa48("3772") ? linked !== false : stryMutAct_9fa48("3771") ? false : stryMutAct_9fa48("3770") ? true : (stryCov_9fa48("3770", "3771", "3772"), linked === (stryMutAct_9fa48("3773") ? true : (stryCov_9fa48("3773"), false)))) {
            if (stryMutAct_9fa48("3774")) {
              {}
            } else {
              stryCov_9fa48("3774");
              report(stryMutAct_9fa48("3776") ? `` : (stryCov_9fa48("3776"), `internet-facing application load balancer ${lb.name} has no WAF web ACL association.`), lb.urn);
            }
          }
        }
      }
    }
  }
});
export const noPublicWebPorts: ResourceValidationPolicy = stryMutAct_9fa48("3777") ? {} : (stryCov_9fa48("3777"), {
  name: stryMutAct_9fa48("3778") ? "" : (stryCov_9fa48("3778"), "no-public-web-ports"),
  description: (stryMutAct_9fa48("3779") ? "" : (stryCov_9fa48("3779"), "No security group rule opens HTTP or HTTPS (80, 443, a range containing them, or all traffic) to 0.0.0.0/0 or ::/0. ")) + (stryMutAct_9fa48("3780") ? "" : (stryCov_9fa48("3780"), "Web traffic reaches the origin only through Cloudflare (its WAF), so the load balancer admits Cloudflare's published ")) + (stryMutAct_9fa48("3781") ? "" : (stryCov_9fa48("3781"), "address ranges only; a rule open to the internet lets attackers bypass the WAF.")),
  enforcementLevel: stryMutAct_9fa48("3782") ? "" : (stryCov_9fa48("3782"), "mandatory"),
  severity: stryMutAct_9fa48("3783") ? "" : (stryCov_9fa48("3783"), "high"),
  remediationSteps: (stryMutAct_9fa48("3784") ? "" : (stryCov_9fa48("3784"), "Replace the 0.0.0.0/0 or ::/0 source by Cloudflare's ranges (cloudflare.getIpRanges: ipv4Cidrs / ipv6Cidrs), or by ")) + (stryMutAct_9fa48("3785") ? "" : (stryCov_9fa48("3785"), "the security group of the component that calls this port (referencedSecurityGroupId).")),
  ...compliance(stryMutAct_9fa48("3786") ? "" : (stryCov_9fa48("3786"), "164.308(a)(1)(ii)(B)"), stryMutAct_9fa48("3787") ? [] : (stryCov_9fa48("3787"), [stryMutAct_9fa48("3788") ? "" : (stryCov_9fa48("3788"), "waf"), stryMutAct_9fa48("3789") ? "" : (stryCov_9fa48("3789"), "network"), stryMutAct_9fa48("3790") ? "" : (stryCov_9fa48("3790"), "security-group")]), stryMutAct_9fa48("3791") ? [] : (stryCov_9fa48("3791"), [stryMutAct_9fa48("3792") ? "" : (stryCov_9fa48("3792"), "164.312(e)(1)")])),
  validateResource: worldIngressValidator(stryMutAct_9fa48("3793") ? [] : (stryCov_9fa48("3793"), [80, 443]), stryMutAct_9fa48("3794") ? () => undefined : (stryCov_9fa48("3794"), () => stryMutAct_9fa48("3795") ? "" : (stryCov_9fa48("3795"), "Only Cloudflare's address ranges may reach web ports, so no request bypasses the WAF.")))
});