// @ts-nocheck
// 
// No data store or administrative port is reachable from the internet
// (HIPAA 164.312(a)(1) access control, LGPD art. 46).
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
import { ResourceValidationPolicy, StackValidationPolicy } from "@pulumi/policy";
import { compliance } from "./lib/compliance";
import { worldIngressValidator } from "./lib/ingress";
import { bucketIdentities, propsOf, refersTo } from "./lib/resources";
import { BUCKETS } from "./lib/types";
import { isAnyOf, validateResourceOfTypes } from "./lib/validate";
import { all, any, plain, test, Tri } from "./lib/values";
const BLOCK_FLAGS = ["blockPublicAcls", "blockPublicPolicy", "ignorePublicAcls", "restrictPublicBuckets"] as const;
export const s3PublicAccessBlock: StackValidationPolicy = stryMutAct_9fa48("2673") ? {} : (stryCov_9fa48("2673"), {
  name: stryMutAct_9fa48("2674") ? "" : (stryCov_9fa48("2674"), "s3-public-access-block"),
  description: (stryMutAct_9fa48("2675") ? "" : (stryCov_9fa48("2675"), "Every S3 bucket has an aws.s3.BucketPublicAccessBlock with blockPublicAcls, blockPublicPolicy, ignorePublicAcls and ")) + (stryMutAct_9fa48("2676") ? "" : (stryCov_9fa48("2676"), "restrictPublicBuckets all true, so no ACL or bucket policy can ever publish medical images or exports.")),
  enforcementLevel: stryMutAct_9fa48("2677") ? "" : (stryCov_9fa48("2677"), "mandatory"),
  severity: stryMutAct_9fa48("2678") ? "" : (stryCov_9fa48("2678"), "critical"),
  remediationSteps: (stryMutAct_9fa48("2679") ? "" : (stryCov_9fa48("2679"), "Add new aws.s3.BucketPublicAccessBlock(name, { bucket: bucket.id, blockPublicAcls: true, blockPublicPolicy: true, ")) + (stryMutAct_9fa48("2680") ? "" : (stryCov_9fa48("2680"), "ignorePublicAcls: true, restrictPublicBuckets: true }). Serve public files through Cloudflare with signed URLs instead.")),
  ...compliance(stryMutAct_9fa48("2681") ? "" : (stryCov_9fa48("2681"), "164.312(a)(1)"), stryMutAct_9fa48("2682") ? [] : (stryCov_9fa48("2682"), [stryMutAct_9fa48("2683") ? "" : (stryCov_9fa48("2683"), "s3"), stryMutAct_9fa48("2684") ? "" : (stryCov_9fa48("2684"), "public-access")])),
  validateStack: (args, report) => {
    if (stryMutAct_9fa48("2685")) {
      {}
    } else {
      stryCov_9fa48("2685");
      const buckets = stryMutAct_9fa48("2686") ? args.resources : (stryCov_9fa48("2686"), args.resources.filter(stryMutAct_9fa48("2687") ? () => undefined : (stryCov_9fa48("2687"), r => isAnyOf(r, BUCKETS))));
      if (stryMutAct_9fa48("2690") ? buckets.length !== 0 : stryMutAct_9fa48("2689") ? false : stryMutAct_9fa48("2688") ? true : (stryCov_9fa48("2688", "2689", "2690"), buckets.length === 0)) {
        if (stryMutAct_9fa48("2691")) {
          {}
        } else {
          stryCov_9fa48("2691");
          args.notApplicable(stryMutAct_9fa48("2693") ? "" : (stryCov_9fa48("2693"), "no S3 buckets in the stack"));
        }
      }
      const blocks = stryMutAct_9fa48("2694") ? args.resources : (stryCov_9fa48("2694"), args.resources.filter(stryMutAct_9fa48("2695") ? () => undefined : (stryCov_9fa48("2695"), r => r.isType(aws.s3.BucketPublicAccessBlock))));
      for (const bucket of buckets) {
        if (stryMutAct_9fa48("2696")) {
          {}
        } else {
          stryCov_9fa48("2696");
          const verdicts: Tri[] = stryMutAct_9fa48("2697") ? ["Stryker was here"] : (stryCov_9fa48("2697"), []);
          let weak: string[] = stryMutAct_9fa48("2698") ? ["Stryker was here"] : (stryCov_9fa48("2698"), []);
          for (const block of blocks) {
            if (stryMutAct_9fa48("2699")) {
              {}
            } else {
              stryCov_9fa48("2699");
              const linked = refersTo(block, stryMutAct_9fa48("2700") ? "" : (stryCov_9fa48("2700"), "bucket"), bucket, bucketIdentities(bucket));
              if (stryMutAct_9fa48("2703") ? linked !== false : stryMutAct_9fa48("2702") ? false : stryMutAct_9fa48("2701") ? true : (stryCov_9fa48("2701", "2702", "2703"), linked === (stryMutAct_9fa48("2704") ? true : (stryCov_9fa48("2704"), false)))) {
                if (stryMutAct_9fa48("2705")) {
                  {}
                } else {
                  stryCov_9fa48("2705");
                  continue;
                }
              }
              const p = propsOf(block);
              const flags = BLOCK_FLAGS.map(stryMutAct_9fa48("2706") ? () => undefined : (stryCov_9fa48("2706"), f => test(p[f], stryMutAct_9fa48("2707") ? () => undefined : (stryCov_9fa48("2707"), v => stryMutAct_9fa48("2710") ? v !== true : stryMutAct_9fa48("2709") ? false : stryMutAct_9fa48("2708") ? true : (stryCov_9fa48("2708", "2709", "2710"), v === (stryMutAct_9fa48("2711") ? false : (stryCov_9fa48("2711"), true)))))));
              const ok = all(flags);
              if (stryMutAct_9fa48("2714") ? linked !== true : stryMutAct_9fa48("2713") ? false : stryMutAct_9fa48("2712") ? true : (stryCov_9fa48("2712", "2713", "2714"), linked === (stryMutAct_9fa48("2715") ? false : (stryCov_9fa48("2715"), true)))) {
                if (stryMutAct_9fa48("2716")) {
                  {}
                } else {
                  stryCov_9fa48("2716");
                  if (stryMutAct_9fa48("2717")) {
                    ;
                  } else {
                    stryCov_9fa48("2717");
                    verdicts.push(ok);
                  }
                  if (stryMutAct_9fa48("2720") ? ok !== false : stryMutAct_9fa48("2719") ? false : stryMutAct_9fa48("2718") ? true : (stryCov_9fa48("2718", "2719", "2720"), ok === (stryMutAct_9fa48("2721") ? true : (stryCov_9fa48("2721"), false)))) {
                    if (stryMutAct_9fa48("2722")) {
                      {}
                    } else {
                      stryCov_9fa48("2722");
                      weak = stryMutAct_9fa48("2723") ? BLOCK_FLAGS : (stryCov_9fa48("2723"), BLOCK_FLAGS.filter(stryMutAct_9fa48("2724") ? () => undefined : (stryCov_9fa48("2724"), (_, i) => stryMutAct_9fa48("2727") ? flags[i] !== false : stryMutAct_9fa48("2726") ? false : stryMutAct_9fa48("2725") ? true : (stryCov_9fa48("2725", "2726", "2727"), flags[i] === (stryMutAct_9fa48("2728") ? true : (stryCov_9fa48("2728"), false))))));
                    }
                  }
                }
              } else if (stryMutAct_9fa48("2731") ? ok === false : stryMutAct_9fa48("2730") ? false : stryMutAct_9fa48("2729") ? true : (stryCov_9fa48("2729", "2730", "2731"), ok !== (stryMutAct_9fa48("2732") ? true : (stryCov_9fa48("2732"), false)))) {
                if (stryMutAct_9fa48("2733")) {
                  {}
                } else {
                  stryCov_9fa48("2733");
                  if (stryMutAct_9fa48("2734")) {
                    ;
                  } else {
                    stryCov_9fa48("2734");
                    verdicts.push(undefined);
                  }
                }
              }
            }
          }
          if (stryMutAct_9fa48("2737") ? any(verdicts) !== false : stryMutAct_9fa48("2736") ? false : stryMutAct_9fa48("2735") ? true : (stryCov_9fa48("2735", "2736", "2737"), any(verdicts) === (stryMutAct_9fa48("2738") ? true : (stryCov_9fa48("2738"), false)))) {
            if (stryMutAct_9fa48("2739")) {
              {}
            } else {
              stryCov_9fa48("2739");
              report((stryMutAct_9fa48("2743") ? verdicts.length !== 0 : stryMutAct_9fa48("2742") ? false : stryMutAct_9fa48("2741") ? true : (stryCov_9fa48("2741", "2742", "2743"), verdicts.length === 0)) ? stryMutAct_9fa48("2744") ? `` : (stryCov_9fa48("2744"), `bucket ${bucket.name} has no public access block.`) : stryMutAct_9fa48("2745") ? `` : (stryCov_9fa48("2745"), `bucket ${bucket.name}'s public access block does not set ${weak.join(stryMutAct_9fa48("2746") ? "" : (stryCov_9fa48("2746"), ", "))} to true.`), bucket.urn);
            }
          }
        }
      }
    }
  }
});
export const noPublicAdminPorts: ResourceValidationPolicy = stryMutAct_9fa48("2747") ? {} : (stryCov_9fa48("2747"), {
  name: stryMutAct_9fa48("2748") ? "" : (stryCov_9fa48("2748"), "no-public-admin-ports"),
  description: (stryMutAct_9fa48("2749") ? "" : (stryCov_9fa48("2749"), "No security group rule opens SSH (22) or RDP (3389), a range containing them, or all traffic, to 0.0.0.0/0 or ::/0. ")) + (stryMutAct_9fa48("2750") ? "" : (stryCov_9fa48("2750"), "Administrators reach servers through Systems Manager Session Manager or the Client VPN.")),
  enforcementLevel: stryMutAct_9fa48("2751") ? "" : (stryCov_9fa48("2751"), "mandatory"),
  severity: stryMutAct_9fa48("2752") ? "" : (stryCov_9fa48("2752"), "critical"),
  remediationSteps: (stryMutAct_9fa48("2753") ? "" : (stryCov_9fa48("2753"), "Remove the rule; use Session Manager (the instance role has AmazonSSMManagedInstanceCore) or allow the port only from ")) + (stryMutAct_9fa48("2754") ? "" : (stryCov_9fa48("2754"), "the Client VPN's security group (referencedSecurityGroupId).")),
  ...compliance(stryMutAct_9fa48("2755") ? "" : (stryCov_9fa48("2755"), "164.312(a)(1)"), stryMutAct_9fa48("2756") ? [] : (stryCov_9fa48("2756"), [stryMutAct_9fa48("2757") ? "" : (stryCov_9fa48("2757"), "network"), stryMutAct_9fa48("2758") ? "" : (stryCov_9fa48("2758"), "security-group")])),
  validateResource: worldIngressValidator(stryMutAct_9fa48("2759") ? [] : (stryCov_9fa48("2759"), [22, 3389]), stryMutAct_9fa48("2760") ? () => undefined : (stryCov_9fa48("2760"), () => stryMutAct_9fa48("2761") ? "" : (stryCov_9fa48("2761"), "Administrative ports must never face the internet.")))
});
export const databaseNotPublic: ResourceValidationPolicy = stryMutAct_9fa48("2762") ? {} : (stryCov_9fa48("2762"), {
  name: stryMutAct_9fa48("2763") ? "" : (stryCov_9fa48("2763"), "database-not-publicly-accessible"),
  description: stryMutAct_9fa48("2764") ? "" : (stryCov_9fa48("2764"), "RDS instances and Aurora cluster instances have no public endpoint (publiclyAccessible is not true)."),
  enforcementLevel: stryMutAct_9fa48("2765") ? "" : (stryCov_9fa48("2765"), "mandatory"),
  severity: stryMutAct_9fa48("2766") ? "" : (stryCov_9fa48("2766"), "critical"),
  remediationSteps: stryMutAct_9fa48("2767") ? "" : (stryCov_9fa48("2767"), "Remove publiclyAccessible (or set it to false) and place the database in the data subnets; applications reach it inside the VPC."),
  ...compliance(stryMutAct_9fa48("2768") ? "" : (stryCov_9fa48("2768"), "164.312(a)(1)"), stryMutAct_9fa48("2769") ? [] : (stryCov_9fa48("2769"), [stryMutAct_9fa48("2770") ? "" : (stryCov_9fa48("2770"), "rds"), stryMutAct_9fa48("2771") ? "" : (stryCov_9fa48("2771"), "public-access")])),
  validateResource: validateResourceOfTypes(stryMutAct_9fa48("2772") ? [] : (stryCov_9fa48("2772"), [aws.rds.Instance, aws.rds.ClusterInstance]), stryMutAct_9fa48("2773") ? "" : (stryCov_9fa48("2773"), "RDS instances"), (args, report) => {
    if (stryMutAct_9fa48("2774")) {
      {}
    } else {
      stryCov_9fa48("2774");
      const p = plain(args.props) as {
        publiclyAccessible?: unknown;
      };
      if (stryMutAct_9fa48("2777") ? test(p.publiclyAccessible, v => v !== true) !== false : stryMutAct_9fa48("2776") ? false : stryMutAct_9fa48("2775") ? true : (stryCov_9fa48("2775", "2776", "2777"), test(p.publiclyAccessible, stryMutAct_9fa48("2778") ? () => undefined : (stryCov_9fa48("2778"), v => stryMutAct_9fa48("2781") ? v === true : stryMutAct_9fa48("2780") ? false : stryMutAct_9fa48("2779") ? true : (stryCov_9fa48("2779", "2780", "2781"), v !== (stryMutAct_9fa48("2782") ? false : (stryCov_9fa48("2782"), true))))) === (stryMutAct_9fa48("2783") ? true : (stryCov_9fa48("2783"), false)))) {
        if (stryMutAct_9fa48("2784")) {
          {}
        } else {
          stryCov_9fa48("2784");
          report(stryMutAct_9fa48("2786") ? "" : (stryCov_9fa48("2786"), "publiclyAccessible is true: the database would get an address reachable from the internet."));
        }
      }
    }
  })
});