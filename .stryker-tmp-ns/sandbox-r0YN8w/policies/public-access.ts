// @ts-nocheck
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
export const s3PublicAccessBlock: StackValidationPolicy = stryMutAct_9fa48("2569") ? {} : (stryCov_9fa48("2569"), {
  name: stryMutAct_9fa48("2570") ? "" : (stryCov_9fa48("2570"), "s3-public-access-block"),
  description: (stryMutAct_9fa48("2571") ? "" : (stryCov_9fa48("2571"), "Every S3 bucket has an aws.s3.BucketPublicAccessBlock with blockPublicAcls, blockPublicPolicy, ignorePublicAcls and ")) + (stryMutAct_9fa48("2572") ? "" : (stryCov_9fa48("2572"), "restrictPublicBuckets all true, so no ACL or bucket policy can ever publish medical images or exports.")),
  enforcementLevel: stryMutAct_9fa48("2573") ? "" : (stryCov_9fa48("2573"), "mandatory"),
  severity: stryMutAct_9fa48("2574") ? "" : (stryCov_9fa48("2574"), "critical"),
  remediationSteps: (stryMutAct_9fa48("2575") ? "" : (stryCov_9fa48("2575"), "Add new aws.s3.BucketPublicAccessBlock(name, { bucket: bucket.id, blockPublicAcls: true, blockPublicPolicy: true, ")) + (stryMutAct_9fa48("2576") ? "" : (stryCov_9fa48("2576"), "ignorePublicAcls: true, restrictPublicBuckets: true }). Serve public files through Cloudflare with signed URLs instead.")),
  ...compliance(stryMutAct_9fa48("2577") ? "" : (stryCov_9fa48("2577"), "164.312(a)(1)"), stryMutAct_9fa48("2578") ? [] : (stryCov_9fa48("2578"), [stryMutAct_9fa48("2579") ? "" : (stryCov_9fa48("2579"), "s3"), stryMutAct_9fa48("2580") ? "" : (stryCov_9fa48("2580"), "public-access")])),
  validateStack: (args, report) => {
    if (stryMutAct_9fa48("2581")) {
      {}
    } else {
      stryCov_9fa48("2581");
      const buckets = stryMutAct_9fa48("2582") ? args.resources : (stryCov_9fa48("2582"), args.resources.filter(stryMutAct_9fa48("2583") ? () => undefined : (stryCov_9fa48("2583"), r => isAnyOf(r, BUCKETS))));
      if (stryMutAct_9fa48("2586") ? buckets.length !== 0 : stryMutAct_9fa48("2585") ? false : stryMutAct_9fa48("2584") ? true : (stryCov_9fa48("2584", "2585", "2586"), buckets.length === 0)) {
        if (stryMutAct_9fa48("2587")) {
          {}
        } else {
          stryCov_9fa48("2587");
          args.notApplicable(stryMutAct_9fa48("2589") ? "" : (stryCov_9fa48("2589"), "no S3 buckets in the stack"));
        }
      }
      const blocks = stryMutAct_9fa48("2590") ? args.resources : (stryCov_9fa48("2590"), args.resources.filter(stryMutAct_9fa48("2591") ? () => undefined : (stryCov_9fa48("2591"), r => r.isType(aws.s3.BucketPublicAccessBlock))));
      for (const bucket of buckets) {
        if (stryMutAct_9fa48("2592")) {
          {}
        } else {
          stryCov_9fa48("2592");
          const verdicts: Tri[] = stryMutAct_9fa48("2593") ? ["Stryker was here"] : (stryCov_9fa48("2593"), []);
          let weak: string[] = stryMutAct_9fa48("2594") ? ["Stryker was here"] : (stryCov_9fa48("2594"), []);
          for (const block of blocks) {
            if (stryMutAct_9fa48("2595")) {
              {}
            } else {
              stryCov_9fa48("2595");
              const linked = refersTo(block, stryMutAct_9fa48("2596") ? "" : (stryCov_9fa48("2596"), "bucket"), bucket, bucketIdentities(bucket));
              if (stryMutAct_9fa48("2599") ? linked !== false : stryMutAct_9fa48("2598") ? false : stryMutAct_9fa48("2597") ? true : (stryCov_9fa48("2597", "2598", "2599"), linked === (stryMutAct_9fa48("2600") ? true : (stryCov_9fa48("2600"), false)))) {
                if (stryMutAct_9fa48("2601")) {
                  {}
                } else {
                  stryCov_9fa48("2601");
                  continue;
                }
              }
              const p = propsOf(block);
              const flags = BLOCK_FLAGS.map(stryMutAct_9fa48("2602") ? () => undefined : (stryCov_9fa48("2602"), f => test(p[f], stryMutAct_9fa48("2603") ? () => undefined : (stryCov_9fa48("2603"), v => stryMutAct_9fa48("2606") ? v !== true : stryMutAct_9fa48("2605") ? false : stryMutAct_9fa48("2604") ? true : (stryCov_9fa48("2604", "2605", "2606"), v === (stryMutAct_9fa48("2607") ? false : (stryCov_9fa48("2607"), true)))))));
              const ok = all(flags);
              if (stryMutAct_9fa48("2610") ? linked !== true : stryMutAct_9fa48("2609") ? false : stryMutAct_9fa48("2608") ? true : (stryCov_9fa48("2608", "2609", "2610"), linked === (stryMutAct_9fa48("2611") ? false : (stryCov_9fa48("2611"), true)))) {
                if (stryMutAct_9fa48("2612")) {
                  {}
                } else {
                  stryCov_9fa48("2612");
                  if (stryMutAct_9fa48("2613")) {
                    ;
                  } else {
                    stryCov_9fa48("2613");
                    verdicts.push(ok);
                  }
                  if (stryMutAct_9fa48("2616") ? ok !== false : stryMutAct_9fa48("2615") ? false : stryMutAct_9fa48("2614") ? true : (stryCov_9fa48("2614", "2615", "2616"), ok === (stryMutAct_9fa48("2617") ? true : (stryCov_9fa48("2617"), false)))) {
                    if (stryMutAct_9fa48("2618")) {
                      {}
                    } else {
                      stryCov_9fa48("2618");
                      weak = stryMutAct_9fa48("2619") ? BLOCK_FLAGS : (stryCov_9fa48("2619"), BLOCK_FLAGS.filter(stryMutAct_9fa48("2620") ? () => undefined : (stryCov_9fa48("2620"), (_, i) => stryMutAct_9fa48("2623") ? flags[i] !== false : stryMutAct_9fa48("2622") ? false : stryMutAct_9fa48("2621") ? true : (stryCov_9fa48("2621", "2622", "2623"), flags[i] === (stryMutAct_9fa48("2624") ? true : (stryCov_9fa48("2624"), false))))));
                    }
                  }
                }
              } else if (stryMutAct_9fa48("2627") ? ok === false : stryMutAct_9fa48("2626") ? false : stryMutAct_9fa48("2625") ? true : (stryCov_9fa48("2625", "2626", "2627"), ok !== (stryMutAct_9fa48("2628") ? true : (stryCov_9fa48("2628"), false)))) {
                if (stryMutAct_9fa48("2629")) {
                  {}
                } else {
                  stryCov_9fa48("2629");
                  if (stryMutAct_9fa48("2630")) {
                    ;
                  } else {
                    stryCov_9fa48("2630");
                    verdicts.push(undefined);
                  }
                }
              }
            }
          }
          if (stryMutAct_9fa48("2633") ? any(verdicts) !== false : stryMutAct_9fa48("2632") ? false : stryMutAct_9fa48("2631") ? true : (stryCov_9fa48("2631", "2632", "2633"), any(verdicts) === (stryMutAct_9fa48("2634") ? true : (stryCov_9fa48("2634"), false)))) {
            if (stryMutAct_9fa48("2635")) {
              {}
            } else {
              stryCov_9fa48("2635");
              report((stryMutAct_9fa48("2639") ? verdicts.length !== 0 : stryMutAct_9fa48("2638") ? false : stryMutAct_9fa48("2637") ? true : (stryCov_9fa48("2637", "2638", "2639"), verdicts.length === 0)) ? stryMutAct_9fa48("2640") ? `` : (stryCov_9fa48("2640"), `bucket ${bucket.name} has no public access block.`) : stryMutAct_9fa48("2641") ? `` : (stryCov_9fa48("2641"), `bucket ${bucket.name}'s public access block does not set ${weak.join(stryMutAct_9fa48("2642") ? "" : (stryCov_9fa48("2642"), ", "))} to true.`), bucket.urn);
            }
          }
        }
      }
    }
  }
});
export const noPublicAdminPorts: ResourceValidationPolicy = stryMutAct_9fa48("2643") ? {} : (stryCov_9fa48("2643"), {
  name: stryMutAct_9fa48("2644") ? "" : (stryCov_9fa48("2644"), "no-public-admin-ports"),
  description: (stryMutAct_9fa48("2645") ? "" : (stryCov_9fa48("2645"), "No security group rule opens SSH (22) or RDP (3389), a range containing them, or all traffic, to 0.0.0.0/0 or ::/0. ")) + (stryMutAct_9fa48("2646") ? "" : (stryCov_9fa48("2646"), "Administrators reach servers through Systems Manager Session Manager or the Client VPN.")),
  enforcementLevel: stryMutAct_9fa48("2647") ? "" : (stryCov_9fa48("2647"), "mandatory"),
  severity: stryMutAct_9fa48("2648") ? "" : (stryCov_9fa48("2648"), "critical"),
  remediationSteps: (stryMutAct_9fa48("2649") ? "" : (stryCov_9fa48("2649"), "Remove the rule; use Session Manager (the instance role has AmazonSSMManagedInstanceCore) or allow the port only from ")) + (stryMutAct_9fa48("2650") ? "" : (stryCov_9fa48("2650"), "the Client VPN's security group (referencedSecurityGroupId).")),
  ...compliance(stryMutAct_9fa48("2651") ? "" : (stryCov_9fa48("2651"), "164.312(a)(1)"), stryMutAct_9fa48("2652") ? [] : (stryCov_9fa48("2652"), [stryMutAct_9fa48("2653") ? "" : (stryCov_9fa48("2653"), "network"), stryMutAct_9fa48("2654") ? "" : (stryCov_9fa48("2654"), "security-group")])),
  validateResource: worldIngressValidator(stryMutAct_9fa48("2655") ? [] : (stryCov_9fa48("2655"), [22, 3389]), stryMutAct_9fa48("2656") ? () => undefined : (stryCov_9fa48("2656"), () => stryMutAct_9fa48("2657") ? "" : (stryCov_9fa48("2657"), "Administrative ports must never face the internet.")))
});
export const databaseNotPublic: ResourceValidationPolicy = stryMutAct_9fa48("2658") ? {} : (stryCov_9fa48("2658"), {
  name: stryMutAct_9fa48("2659") ? "" : (stryCov_9fa48("2659"), "database-not-publicly-accessible"),
  description: stryMutAct_9fa48("2660") ? "" : (stryCov_9fa48("2660"), "RDS instances and Aurora cluster instances have no public endpoint (publiclyAccessible is not true)."),
  enforcementLevel: stryMutAct_9fa48("2661") ? "" : (stryCov_9fa48("2661"), "mandatory"),
  severity: stryMutAct_9fa48("2662") ? "" : (stryCov_9fa48("2662"), "critical"),
  remediationSteps: stryMutAct_9fa48("2663") ? "" : (stryCov_9fa48("2663"), "Remove publiclyAccessible (or set it to false) and place the database in the data subnets; applications reach it inside the VPC."),
  ...compliance(stryMutAct_9fa48("2664") ? "" : (stryCov_9fa48("2664"), "164.312(a)(1)"), stryMutAct_9fa48("2665") ? [] : (stryCov_9fa48("2665"), [stryMutAct_9fa48("2666") ? "" : (stryCov_9fa48("2666"), "rds"), stryMutAct_9fa48("2667") ? "" : (stryCov_9fa48("2667"), "public-access")])),
  validateResource: validateResourceOfTypes(stryMutAct_9fa48("2668") ? [] : (stryCov_9fa48("2668"), [aws.rds.Instance, aws.rds.ClusterInstance]), stryMutAct_9fa48("2669") ? "" : (stryCov_9fa48("2669"), "RDS instances"), (args, report) => {
    if (stryMutAct_9fa48("2670")) {
      {}
    } else {
      stryCov_9fa48("2670");
      const p = plain(args.props) as {
        publiclyAccessible?: unknown;
      };
      if (stryMutAct_9fa48("2673") ? test(p.publiclyAccessible, v => v !== true) !== false : stryMutAct_9fa48("2672") ? false : stryMutAct_9fa48("2671") ? true : (stryCov_9fa48("2671", "2672", "2673"), test(p.publiclyAccessible, stryMutAct_9fa48("2674") ? () => undefined : (stryCov_9fa48("2674"), v => stryMutAct_9fa48("2677") ? v === true : stryMutAct_9fa48("2676") ? false : stryMutAct_9fa48("2675") ? true : (stryCov_9fa48("2675", "2676", "2677"), v !== (stryMutAct_9fa48("2678") ? false : (stryCov_9fa48("2678"), true))))) === (stryMutAct_9fa48("2679") ? true : (stryCov_9fa48("2679"), false)))) {
        if (stryMutAct_9fa48("2680")) {
          {}
        } else {
          stryCov_9fa48("2680");
          report(stryMutAct_9fa48("2682") ? "" : (stryCov_9fa48("2682"), "publiclyAccessible is true: the database would get an address reachable from the internet."));
        }
      }
    }
  })
});