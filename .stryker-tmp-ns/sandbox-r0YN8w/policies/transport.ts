// @ts-nocheck
// Transmission security: every connection that can carry patient data is
// encrypted with TLS 1.2 or later (HIPAA 164.312(e)(1), LGPD art. 46).
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
import { ResourceValidationPolicy, StackValidationPolicy, validateResourceOfType } from "@pulumi/policy";
import { compliance } from "./lib/compliance";
import { bucketIdentities, propsOf, refersTo } from "./lib/resources";
import { BUCKETS, LISTENERS } from "./lib/types";
import { isAnyOf, validateResourceOfTypes } from "./lib/validate";
import { any, asArray, isObject, isUnknown, knownString, parseJsonDocument, plain, test, Tri } from "./lib/values";
import { zoneKeyOf, zoneLabel, zonesOf } from "./lib/zones";

/** The parameter that makes an RDS engine refuse unencrypted connections, by parameter group family. */
export function tlsParameterFor(family: string): {
  name: string;
  accepted: string[];
} | undefined {
  if (stryMutAct_9fa48("2908")) {
    {}
  } else {
    stryCov_9fa48("2908");
    // Stryker disable next-line Regex: every RDS parameter group family starts with its engine's name
    if (stryMutAct_9fa48("2910") ? false : stryMutAct_9fa48("2909") ? true : (stryCov_9fa48("2909", "2910"), /^(aurora-mysql|mysql|mariadb)/.test(family))) {
      if (stryMutAct_9fa48("2912")) {
        {}
      } else {
        stryCov_9fa48("2912");
        return stryMutAct_9fa48("2913") ? {} : (stryCov_9fa48("2913"), {
          name: stryMutAct_9fa48("2914") ? "" : (stryCov_9fa48("2914"), "require_secure_transport"),
          accepted: stryMutAct_9fa48("2915") ? [] : (stryCov_9fa48("2915"), [stryMutAct_9fa48("2916") ? "" : (stryCov_9fa48("2916"), "on"), stryMutAct_9fa48("2917") ? "" : (stryCov_9fa48("2917"), "1")])
        });
      }
    }
    // Stryker disable next-line Regex: every RDS parameter group family starts with its engine's name
    if (stryMutAct_9fa48("2919") ? false : stryMutAct_9fa48("2918") ? true : (stryCov_9fa48("2918", "2919"), /^(aurora-postgresql|postgres|sqlserver)/.test(family))) {
      if (stryMutAct_9fa48("2921")) {
        {}
      } else {
        stryCov_9fa48("2921");
        return stryMutAct_9fa48("2922") ? {} : (stryCov_9fa48("2922"), {
          name: stryMutAct_9fa48("2923") ? "" : (stryCov_9fa48("2923"), "rds.force_ssl"),
          accepted: stryMutAct_9fa48("2924") ? [] : (stryCov_9fa48("2924"), [stryMutAct_9fa48("2925") ? "" : (stryCov_9fa48("2925"), "1")])
        });
      }
    }
    return undefined;
  }
}
export const rdsParameterGroupRequiresTls: ResourceValidationPolicy = stryMutAct_9fa48("2926") ? {} : (stryCov_9fa48("2926"), {
  name: stryMutAct_9fa48("2927") ? "" : (stryCov_9fa48("2927"), "rds-parameter-group-requires-tls"),
  description: (stryMutAct_9fa48("2928") ? "" : (stryCov_9fa48("2928"), "RDS and Aurora parameter groups make the database refuse unencrypted connections: require_secure_transport = ON for MySQL, ")) + (stryMutAct_9fa48("2929") ? "" : (stryCov_9fa48("2929"), "MariaDB and Aurora MySQL, rds.force_ssl = 1 for PostgreSQL, Aurora PostgreSQL and SQL Server. For Aurora the setting is a ")) + (stryMutAct_9fa48("2930") ? "" : (stryCov_9fa48("2930"), "cluster parameter, so instance-level (aws.rds.ParameterGroup) groups of aurora-* families are not checked.")),
  enforcementLevel: stryMutAct_9fa48("2931") ? "" : (stryCov_9fa48("2931"), "mandatory"),
  severity: stryMutAct_9fa48("2932") ? "" : (stryCov_9fa48("2932"), "high"),
  remediationSteps: (stryMutAct_9fa48("2933") ? "" : (stryCov_9fa48("2933"), 'Add { name: "require_secure_transport", value: "ON" } (MySQL family) or { name: "rds.force_ssl", value: "1" } ')) + (stryMutAct_9fa48("2934") ? "" : (stryCov_9fa48("2934"), "(PostgreSQL/SQL Server) to the parameter group's `parameters`, and connect with TLS (the RDS CA bundle) from every client.")),
  ...compliance(stryMutAct_9fa48("2935") ? "" : (stryCov_9fa48("2935"), "164.312(e)(1)"), stryMutAct_9fa48("2936") ? [] : (stryCov_9fa48("2936"), [stryMutAct_9fa48("2937") ? "" : (stryCov_9fa48("2937"), "tls"), stryMutAct_9fa48("2938") ? "" : (stryCov_9fa48("2938"), "rds")])),
  validateResource: validateResourceOfTypes(stryMutAct_9fa48("2939") ? [] : (stryCov_9fa48("2939"), [aws.rds.ClusterParameterGroup, aws.rds.ParameterGroup]), stryMutAct_9fa48("2940") ? "" : (stryCov_9fa48("2940"), "RDS parameter groups"), (args, report) => {
    if (stryMutAct_9fa48("2941")) {
      {}
    } else {
      stryCov_9fa48("2941");
      const p = plain((stryMutAct_9fa48("2942") ? args.asType(aws.rds.ClusterParameterGroup) && args.asType(aws.rds.ParameterGroup) : (stryCov_9fa48("2942"), args.asType(aws.rds.ClusterParameterGroup) ?? args.asType(aws.rds.ParameterGroup)))!);
      const family = knownString(p.family);
      if (stryMutAct_9fa48("2945") ? family !== undefined : stryMutAct_9fa48("2944") ? false : stryMutAct_9fa48("2943") ? true : (stryCov_9fa48("2943", "2944", "2945"), family === undefined)) {
        if (stryMutAct_9fa48("2946")) {
          {}
        } else {
          stryCov_9fa48("2946");
          return; // unknown family: cannot tell which parameter applies
        }
      }
      if (stryMutAct_9fa48("2949") ? args.isType(aws.rds.ParameterGroup) || family.startsWith("aurora-") : stryMutAct_9fa48("2948") ? false : stryMutAct_9fa48("2947") ? true : (stryCov_9fa48("2947", "2948", "2949"), args.isType(aws.rds.ParameterGroup) && (stryMutAct_9fa48("2950") ? family.endsWith("aurora-") : (stryCov_9fa48("2950"), family.startsWith(stryMutAct_9fa48("2951") ? "" : (stryCov_9fa48("2951"), "aurora-")))))) {
        if (stryMutAct_9fa48("2952")) {
          {}
        } else {
          stryCov_9fa48("2952");
          args.notApplicable(stryMutAct_9fa48("2954") ? "" : (stryCov_9fa48("2954"), "Aurora enforces TLS with a cluster parameter; instance parameter groups cannot set it"));
        }
      }
      const wanted = tlsParameterFor(family);
      if (stryMutAct_9fa48("2957") ? false : stryMutAct_9fa48("2956") ? true : stryMutAct_9fa48("2955") ? wanted : (stryCov_9fa48("2955", "2956", "2957"), !wanted)) {
        if (stryMutAct_9fa48("2958")) {
          {}
        } else {
          stryCov_9fa48("2958");
          args.notApplicable(stryMutAct_9fa48("2960") ? `` : (stryCov_9fa48("2960"), `no TLS enforcement parameter known for family ${family}`));
          return;
        }
      }
      if (stryMutAct_9fa48("2962") ? false : stryMutAct_9fa48("2961") ? true : (stryCov_9fa48("2961", "2962"), isUnknown(p.parameters))) {
        if (stryMutAct_9fa48("2963")) {
          {}
        } else {
          stryCov_9fa48("2963");
          return;
        }
      }
      const matching = asArray(p.parameters).filter(x => typeof x === "object" && x !== null && String((x as {
        name?: unknown;
      }).name).toLowerCase() === wanted.name) as Array<{
        name: string;
        value: unknown;
      }>;
      const ok = any(matching.map(stryMutAct_9fa48("2964") ? () => undefined : (stryCov_9fa48("2964"), x => test(x.value, stryMutAct_9fa48("2965") ? () => undefined : (stryCov_9fa48("2965"), v => wanted.accepted.includes(stryMutAct_9fa48("2966") ? String(v).toUpperCase() : (stryCov_9fa48("2966"), String(v).toLowerCase())))))));
      if (stryMutAct_9fa48("2969") ? ok !== false : stryMutAct_9fa48("2968") ? false : stryMutAct_9fa48("2967") ? true : (stryCov_9fa48("2967", "2968", "2969"), ok === (stryMutAct_9fa48("2970") ? true : (stryCov_9fa48("2970"), false)))) {
        if (stryMutAct_9fa48("2971")) {
          {}
        } else {
          stryCov_9fa48("2971");
          const found = (stryMutAct_9fa48("2975") ? matching.length <= 0 : stryMutAct_9fa48("2974") ? matching.length >= 0 : stryMutAct_9fa48("2973") ? false : stryMutAct_9fa48("2972") ? true : (stryCov_9fa48("2972", "2973", "2974", "2975"), matching.length > 0)) ? stryMutAct_9fa48("2976") ? `` : (stryCov_9fa48("2976"), `is ${JSON.stringify(matching[0].value)}`) : stryMutAct_9fa48("2977") ? "" : (stryCov_9fa48("2977"), "is not set (the engine default allows plaintext)");
          report(stryMutAct_9fa48("2979") ? `` : (stryCov_9fa48("2979"), `${wanted.name} ${found}; it must be ${stryMutAct_9fa48("2980") ? wanted.accepted[0].toLowerCase() : (stryCov_9fa48("2980"), wanted.accepted[0].toUpperCase())} for family ${family}.`));
        }
      }
    }
  })
});
const MYSQL_OR_POSTGRES = stryMutAct_9fa48("2982") ? /^(aurora|aurora-mysql|aurora-postgresql|mysql|mariadb|postgres)/ : stryMutAct_9fa48("2981") ? /(aurora|aurora-mysql|aurora-postgresql|mysql|mariadb|postgres)$/ : (stryCov_9fa48("2981", "2982"), /^(aurora|aurora-mysql|aurora-postgresql|mysql|mariadb|postgres)$/);
export const rdsUsesCustomParameterGroup: ResourceValidationPolicy = stryMutAct_9fa48("2983") ? {} : (stryCov_9fa48("2983"), {
  name: stryMutAct_9fa48("2984") ? "" : (stryCov_9fa48("2984"), "rds-uses-custom-parameter-group"),
  description: (stryMutAct_9fa48("2985") ? "" : (stryCov_9fa48("2985"), "RDS clusters and instances use the stack's own parameter group: the engines' default groups (default.*, or none given) ")) + (stryMutAct_9fa48("2986") ? "" : (stryCov_9fa48("2986"), "accept unencrypted connections and cannot be changed. The group's content is checked by rds-parameter-group-requires-tls.")),
  enforcementLevel: stryMutAct_9fa48("2987") ? "" : (stryCov_9fa48("2987"), "mandatory"),
  severity: stryMutAct_9fa48("2988") ? "" : (stryCov_9fa48("2988"), "high"),
  remediationSteps: (stryMutAct_9fa48("2989") ? "" : (stryCov_9fa48("2989"), "Create an aws.rds.ClusterParameterGroup (Aurora) or aws.rds.ParameterGroup (RDS) that requires TLS and pass its name as ")) + (stryMutAct_9fa48("2990") ? "" : (stryCov_9fa48("2990"), "`dbClusterParameterGroupName` (cluster) or `parameterGroupName` (instance).")),
  ...compliance(stryMutAct_9fa48("2991") ? "" : (stryCov_9fa48("2991"), "164.312(e)(1)"), stryMutAct_9fa48("2992") ? [] : (stryCov_9fa48("2992"), [stryMutAct_9fa48("2993") ? "" : (stryCov_9fa48("2993"), "tls"), stryMutAct_9fa48("2994") ? "" : (stryCov_9fa48("2994"), "rds")])),
  validateResource: validateResourceOfTypes(stryMutAct_9fa48("2995") ? [] : (stryCov_9fa48("2995"), [aws.rds.Cluster, aws.rds.Instance]), stryMutAct_9fa48("2996") ? "" : (stryCov_9fa48("2996"), "RDS clusters and instances"), (args, report) => {
    if (stryMutAct_9fa48("2997")) {
      {}
    } else {
      stryCov_9fa48("2997");
      const cluster = args.asType(aws.rds.Cluster);
      const instance = args.asType(aws.rds.Instance);
      const p = plain((cluster ?? instance)!) as {
        engine?: unknown;
        dbClusterParameterGroupName?: unknown;
        parameterGroupName?: unknown;
      };
      const engine = knownString(p.engine);
      // Stryker disable next-line ConditionalExpression: RegExp.test(undefined) tests "undefined", which names no engine
      if (stryMutAct_9fa48("3000") ? engine === undefined && !MYSQL_OR_POSTGRES.test(engine) : (stryCov_9fa48("3000"), (stryMutAct_9fa48("3002") ? engine !== undefined : (stryCov_9fa48("3002"), engine === undefined)) || (stryMutAct_9fa48("3003") ? MYSQL_OR_POSTGRES.test(engine) : (stryCov_9fa48("3003"), !MYSQL_OR_POSTGRES.test(engine))))) {
        if (stryMutAct_9fa48("3004")) {
          {}
        } else {
          stryCov_9fa48("3004");
          return; // unknown engine, or an engine without a TLS parameter
        }
      }
      const key = cluster ? stryMutAct_9fa48("3005") ? "" : (stryCov_9fa48("3005"), "dbClusterParameterGroupName") : stryMutAct_9fa48("3006") ? "" : (stryCov_9fa48("3006"), "parameterGroupName");
      // An unknown group (the sentinel string) is not a default group name.
      const group = p[key];
      if (stryMutAct_9fa48("3009") ? (group === undefined || group === null) && group === "" : stryMutAct_9fa48("3008") ? false : stryMutAct_9fa48("3007") ? true : (stryCov_9fa48("3007", "3008", "3009"), (stryMutAct_9fa48("3011") ? group === undefined && group === null : stryMutAct_9fa48("3010") ? false : (stryCov_9fa48("3010", "3011"), (stryMutAct_9fa48("3013") ? group !== undefined : stryMutAct_9fa48("3012") ? false : (stryCov_9fa48("3012", "3013"), group === undefined)) || (stryMutAct_9fa48("3015") ? group !== null : stryMutAct_9fa48("3014") ? false : (stryCov_9fa48("3014", "3015"), group === null)))) || (stryMutAct_9fa48("3017") ? group !== "" : stryMutAct_9fa48("3016") ? false : (stryCov_9fa48("3016", "3017"), group === (stryMutAct_9fa48("3018") ? "Stryker was here!" : (stryCov_9fa48("3018"), "")))))) {
        if (stryMutAct_9fa48("3019")) {
          {}
        } else {
          stryCov_9fa48("3019");
          report(stryMutAct_9fa48("3021") ? `` : (stryCov_9fa48("3021"), `${key} is not set: the engine's default parameter group accepts unencrypted connections.`));
          return;
        }
      }
      // Stryker disable next-line ConditionalExpression: defensive; the provider's schema gives a string
      if (stryMutAct_9fa48("3024") ? typeof group === "string" || group.startsWith("default.") : (stryCov_9fa48("3024"), (stryMutAct_9fa48("3026") ? typeof group !== "string" : (stryCov_9fa48("3026"), typeof group === (stryMutAct_9fa48("3027") ? "" : (stryCov_9fa48("3027"), "string")))) && (stryMutAct_9fa48("3028") ? group.endsWith("default.") : (stryCov_9fa48("3028"), group.startsWith(stryMutAct_9fa48("3029") ? "" : (stryCov_9fa48("3029"), "default.")))))) {
        if (stryMutAct_9fa48("3030")) {
          {}
        } else {
          stryCov_9fa48("3030");
          report(stryMutAct_9fa48("3032") ? `` : (stryCov_9fa48("3032"), `${key} = "${group}" is an AWS default parameter group, which accepts unencrypted connections and cannot be changed.`));
        }
      }
    }
  })
});
export const elasticacheTransitEncryption: ResourceValidationPolicy = stryMutAct_9fa48("3033") ? {} : (stryCov_9fa48("3033"), {
  name: stryMutAct_9fa48("3034") ? "" : (stryCov_9fa48("3034"), "elasticache-transit-encryption-required"),
  description: (stryMutAct_9fa48("3035") ? "" : (stryCov_9fa48("3035"), "ElastiCache replication groups encrypt client and replication traffic and refuse plaintext clients: ")) + (stryMutAct_9fa48("3036") ? "" : (stryCov_9fa48("3036"), 'transitEncryptionEnabled = true and transitEncryptionMode = "required" ("preferred" still accepts plaintext).')),
  enforcementLevel: stryMutAct_9fa48("3037") ? "" : (stryCov_9fa48("3037"), "mandatory"),
  severity: stryMutAct_9fa48("3038") ? "" : (stryCov_9fa48("3038"), "high"),
  remediationSteps: (stryMutAct_9fa48("3039") ? "" : (stryCov_9fa48("3039"), 'Set transitEncryptionEnabled: true and transitEncryptionMode: "required" on the aws.elasticache.ReplicationGroup ')) + (stryMutAct_9fa48("3040") ? "" : (stryCov_9fa48("3040"), '(an existing group migrates through "preferred" first), and connect clients with TLS (rediss://).')),
  ...compliance(stryMutAct_9fa48("3041") ? "" : (stryCov_9fa48("3041"), "164.312(e)(1)"), stryMutAct_9fa48("3042") ? [] : (stryCov_9fa48("3042"), [stryMutAct_9fa48("3043") ? "" : (stryCov_9fa48("3043"), "tls"), stryMutAct_9fa48("3044") ? "" : (stryCov_9fa48("3044"), "elasticache")])),
  validateResource: validateResourceOfType(aws.elasticache.ReplicationGroup, (rg, args, report) => {
    if (stryMutAct_9fa48("3045")) {
      {}
    } else {
      stryCov_9fa48("3045");
      const p = plain(rg);
      if (stryMutAct_9fa48("3048") ? test(p.transitEncryptionEnabled, v => v === true) !== false : stryMutAct_9fa48("3047") ? false : stryMutAct_9fa48("3046") ? true : (stryCov_9fa48("3046", "3047", "3048"), test(p.transitEncryptionEnabled, stryMutAct_9fa48("3049") ? () => undefined : (stryCov_9fa48("3049"), v => stryMutAct_9fa48("3052") ? v !== true : stryMutAct_9fa48("3051") ? false : stryMutAct_9fa48("3050") ? true : (stryCov_9fa48("3050", "3051", "3052"), v === (stryMutAct_9fa48("3053") ? false : (stryCov_9fa48("3053"), true))))) === (stryMutAct_9fa48("3054") ? true : (stryCov_9fa48("3054"), false)))) {
        if (stryMutAct_9fa48("3055")) {
          {}
        } else {
          stryCov_9fa48("3055");
          report(stryMutAct_9fa48("3057") ? "" : (stryCov_9fa48("3057"), "transitEncryptionEnabled is not true: cache traffic (sessions, cached patient pages) would travel in plaintext."));
        }
      }
      if (stryMutAct_9fa48("3060") ? test(p.transitEncryptionMode, v => v === "required") !== false : stryMutAct_9fa48("3059") ? false : stryMutAct_9fa48("3058") ? true : (stryCov_9fa48("3058", "3059", "3060"), test(p.transitEncryptionMode, stryMutAct_9fa48("3061") ? () => undefined : (stryCov_9fa48("3061"), v => stryMutAct_9fa48("3064") ? v !== "required" : stryMutAct_9fa48("3063") ? false : stryMutAct_9fa48("3062") ? true : (stryCov_9fa48("3062", "3063", "3064"), v === (stryMutAct_9fa48("3065") ? "" : (stryCov_9fa48("3065"), "required"))))) === (stryMutAct_9fa48("3066") ? true : (stryCov_9fa48("3066"), false)))) {
        if (stryMutAct_9fa48("3067")) {
          {}
        } else {
          stryCov_9fa48("3067");
          report(stryMutAct_9fa48("3069") ? `` : (stryCov_9fa48("3069"), `transitEncryptionMode is ${(stryMutAct_9fa48("3072") ? p.transitEncryptionMode !== undefined : stryMutAct_9fa48("3071") ? false : stryMutAct_9fa48("3070") ? true : (stryCov_9fa48("3070", "3071", "3072"), p.transitEncryptionMode === undefined)) ? stryMutAct_9fa48("3073") ? "" : (stryCov_9fa48("3073"), "not set") : stryMutAct_9fa48("3074") ? `` : (stryCov_9fa48("3074"), `"${p.transitEncryptionMode}"`)}; it must be "required".`));
        }
      }
    }
  })
});

/** Whether an IAM policy statement denies every S3 action to everyone when the request is not over TLS. */
export function deniesInsecureTransport(statement: unknown): Tri {
  if (stryMutAct_9fa48("3075")) {
    {}
  } else {
    stryCov_9fa48("3075");
    if (stryMutAct_9fa48("3078") ? typeof statement !== "object" && statement === null : stryMutAct_9fa48("3077") ? false : stryMutAct_9fa48("3076") ? true : (stryCov_9fa48("3076", "3077", "3078"), (stryMutAct_9fa48("3080") ? typeof statement === "object" : stryMutAct_9fa48("3079") ? false : (stryCov_9fa48("3079", "3080"), typeof statement !== (stryMutAct_9fa48("3081") ? "" : (stryCov_9fa48("3081"), "object")))) || (stryMutAct_9fa48("3083") ? statement !== null : stryMutAct_9fa48("3082") ? false : (stryCov_9fa48("3082", "3083"), statement === null)))) {
      if (stryMutAct_9fa48("3084")) {
        {}
      } else {
        stryCov_9fa48("3084");
        return isUnknown(statement) ? undefined : stryMutAct_9fa48("3085") ? true : (stryCov_9fa48("3085"), false);
      }
    }
    const s = statement as Record<string, unknown>;
    const effect = test(s.Effect, stryMutAct_9fa48("3086") ? () => undefined : (stryCov_9fa48("3086"), v => stryMutAct_9fa48("3089") ? v !== "Deny" : stryMutAct_9fa48("3088") ? false : stryMutAct_9fa48("3087") ? true : (stryCov_9fa48("3087", "3088", "3089"), v === (stryMutAct_9fa48("3090") ? "" : (stryCov_9fa48("3090"), "Deny")))));
    const principal = test(s.Principal, stryMutAct_9fa48("3091") ? () => undefined : (stryCov_9fa48("3091"), v => stryMutAct_9fa48("3094") ? v === "*" && asArray((v as Record<string, unknown> | null)?.AWS).includes("*") : stryMutAct_9fa48("3093") ? false : stryMutAct_9fa48("3092") ? true : (stryCov_9fa48("3092", "3093", "3094"), (stryMutAct_9fa48("3096") ? v !== "*" : stryMutAct_9fa48("3095") ? false : (stryCov_9fa48("3095", "3096"), v === (stryMutAct_9fa48("3097") ? "" : (stryCov_9fa48("3097"), "*")))) || asArray(stryMutAct_9fa48("3098") ? (v as Record<string, unknown> | null).AWS : (stryCov_9fa48("3098"), (v as Record<string, unknown> | null)?.AWS)).includes(stryMutAct_9fa48("3099") ? "" : (stryCov_9fa48("3099"), "*")))));
    const action = test(s.Action, stryMutAct_9fa48("3100") ? () => undefined : (stryCov_9fa48("3100"), v => stryMutAct_9fa48("3101") ? asArray(v).every(a => a === "s3:*" || a === "*") : (stryCov_9fa48("3101"), asArray(v).some(stryMutAct_9fa48("3102") ? () => undefined : (stryCov_9fa48("3102"), a => stryMutAct_9fa48("3105") ? a === "s3:*" && a === "*" : stryMutAct_9fa48("3104") ? false : stryMutAct_9fa48("3103") ? true : (stryCov_9fa48("3103", "3104", "3105"), (stryMutAct_9fa48("3107") ? a !== "s3:*" : stryMutAct_9fa48("3106") ? false : (stryCov_9fa48("3106", "3107"), a === (stryMutAct_9fa48("3108") ? "" : (stryCov_9fa48("3108"), "s3:*")))) || (stryMutAct_9fa48("3110") ? a !== "*" : stryMutAct_9fa48("3109") ? false : (stryCov_9fa48("3109", "3110"), a === (stryMutAct_9fa48("3111") ? "" : (stryCov_9fa48("3111"), "*"))))))))));
    const condition = test(s.Condition, v => {
      if (stryMutAct_9fa48("3112")) {
        {}
      } else {
        stryCov_9fa48("3112");
        if (stryMutAct_9fa48("3115") ? typeof v !== "object" && v === null : stryMutAct_9fa48("3114") ? false : stryMutAct_9fa48("3113") ? true : (stryCov_9fa48("3113", "3114", "3115"), (stryMutAct_9fa48("3117") ? typeof v === "object" : stryMutAct_9fa48("3116") ? false : (stryCov_9fa48("3116", "3117"), typeof v !== (stryMutAct_9fa48("3118") ? "" : (stryCov_9fa48("3118"), "object")))) || (stryMutAct_9fa48("3120") ? v !== null : stryMutAct_9fa48("3119") ? false : (stryCov_9fa48("3119", "3120"), v === null)))) {
          if (stryMutAct_9fa48("3121")) {
            {}
          } else {
            stryCov_9fa48("3121");
            return stryMutAct_9fa48("3122") ? true : (stryCov_9fa48("3122"), false);
          }
        }
        const c = v as Record<string, Record<string, unknown> | undefined>;
        return stryMutAct_9fa48("3123") ? ["Bool", "BoolIfExists"].every(op => asArray(c[op]?.["aws:SecureTransport"]).some(x => String(x).toLowerCase() === "false")) : (stryCov_9fa48("3123"), (stryMutAct_9fa48("3124") ? [] : (stryCov_9fa48("3124"), [stryMutAct_9fa48("3125") ? "" : (stryCov_9fa48("3125"), "Bool"), stryMutAct_9fa48("3126") ? "" : (stryCov_9fa48("3126"), "BoolIfExists")])).some(stryMutAct_9fa48("3127") ? () => undefined : (stryCov_9fa48("3127"), op => stryMutAct_9fa48("3128") ? asArray(c[op]?.["aws:SecureTransport"]).every(x => String(x).toLowerCase() === "false") : (stryCov_9fa48("3128"), asArray(stryMutAct_9fa48("3129") ? c[op]["aws:SecureTransport"] : (stryCov_9fa48("3129"), c[op]?.[stryMutAct_9fa48("3130") ? "" : (stryCov_9fa48("3130"), "aws:SecureTransport")])).some(stryMutAct_9fa48("3131") ? () => undefined : (stryCov_9fa48("3131"), x => stryMutAct_9fa48("3134") ? String(x).toLowerCase() !== "false" : stryMutAct_9fa48("3133") ? false : stryMutAct_9fa48("3132") ? true : (stryCov_9fa48("3132", "3133", "3134"), (stryMutAct_9fa48("3135") ? String(x).toUpperCase() : (stryCov_9fa48("3135"), String(x).toLowerCase())) === (stryMutAct_9fa48("3136") ? "" : (stryCov_9fa48("3136"), "false")))))))));
      }
    });
    if (stryMutAct_9fa48("3138") ? false : stryMutAct_9fa48("3137") ? true : (stryCov_9fa48("3137", "3138"), (stryMutAct_9fa48("3139") ? [] : (stryCov_9fa48("3139"), [effect, principal, action, condition])).includes(stryMutAct_9fa48("3140") ? true : (stryCov_9fa48("3140"), false)))) {
      if (stryMutAct_9fa48("3141")) {
        {}
      } else {
        stryCov_9fa48("3141");
        return stryMutAct_9fa48("3142") ? true : (stryCov_9fa48("3142"), false);
      }
    }
    return (stryMutAct_9fa48("3143") ? [] : (stryCov_9fa48("3143"), [effect, principal, action, condition])).includes(undefined) ? undefined : stryMutAct_9fa48("3144") ? false : (stryCov_9fa48("3144"), true);
  }
}

/** Whether a bucket policy document (string or object) has a statement denying insecure transport. */
export function policyDeniesInsecureTransport(policy: unknown): Tri {
  if (stryMutAct_9fa48("3145")) {
    {}
  } else {
    stryCov_9fa48("3145");
    if (stryMutAct_9fa48("3147") ? false : stryMutAct_9fa48("3146") ? true : (stryCov_9fa48("3146", "3147"), isUnknown(policy))) {
      if (stryMutAct_9fa48("3148")) {
        {}
      } else {
        stryCov_9fa48("3148");
        return undefined;
      }
    }
    const doc = parseJsonDocument(policy);
    if (stryMutAct_9fa48("3151") ? false : stryMutAct_9fa48("3150") ? true : stryMutAct_9fa48("3149") ? doc : (stryCov_9fa48("3149", "3150", "3151"), !doc)) {
      if (stryMutAct_9fa48("3152")) {
        {}
      } else {
        stryCov_9fa48("3152");
        return stryMutAct_9fa48("3153") ? true : (stryCov_9fa48("3153"), false);
      }
    }
    // An unknown Statement (the sentinel) is one unknown statement.
    return any(asArray(doc.Statement).map(deniesInsecureTransport));
  }
}
export const s3DenyInsecureTransport: StackValidationPolicy = stryMutAct_9fa48("3154") ? {} : (stryCov_9fa48("3154"), {
  name: stryMutAct_9fa48("3155") ? "" : (stryCov_9fa48("3155"), "s3-deny-insecure-transport"),
  description: (stryMutAct_9fa48("3156") ? "" : (stryCov_9fa48("3156"), "Every S3 bucket has a bucket policy with a statement that denies s3:* to every principal when aws:SecureTransport is false, ")) + (stryMutAct_9fa48("3157") ? "" : (stryCov_9fa48("3157"), "so no client can read or write objects (medical images, exports) over plain HTTP.")),
  enforcementLevel: stryMutAct_9fa48("3158") ? "" : (stryCov_9fa48("3158"), "mandatory"),
  severity: stryMutAct_9fa48("3159") ? "" : (stryCov_9fa48("3159"), "high"),
  remediationSteps: (stryMutAct_9fa48("3160") ? "" : (stryCov_9fa48("3160"), 'Add an aws.s3.BucketPolicy for the bucket with the statement { Effect: "Deny", Principal: "*", Action: "s3:*", ')) + (stryMutAct_9fa48("3161") ? "" : (stryCov_9fa48("3161"), 'Resource: [bucketArn, `${bucketArn}/*`], Condition: { Bool: { "aws:SecureTransport": "false" } } } ')) + (stryMutAct_9fa48("3162") ? "" : (stryCov_9fa48("3162"), "(build it with pulumi.jsonStringify).")),
  ...compliance(stryMutAct_9fa48("3163") ? "" : (stryCov_9fa48("3163"), "164.312(e)(1)"), stryMutAct_9fa48("3164") ? [] : (stryCov_9fa48("3164"), [stryMutAct_9fa48("3165") ? "" : (stryCov_9fa48("3165"), "tls"), stryMutAct_9fa48("3166") ? "" : (stryCov_9fa48("3166"), "s3")])),
  validateStack: (args, report) => {
    if (stryMutAct_9fa48("3167")) {
      {}
    } else {
      stryCov_9fa48("3167");
      const buckets = stryMutAct_9fa48("3168") ? args.resources : (stryCov_9fa48("3168"), args.resources.filter(stryMutAct_9fa48("3169") ? () => undefined : (stryCov_9fa48("3169"), r => isAnyOf(r, BUCKETS))));
      if (stryMutAct_9fa48("3172") ? buckets.length !== 0 : stryMutAct_9fa48("3171") ? false : stryMutAct_9fa48("3170") ? true : (stryCov_9fa48("3170", "3171", "3172"), buckets.length === 0)) {
        if (stryMutAct_9fa48("3173")) {
          {}
        } else {
          stryCov_9fa48("3173");
          args.notApplicable(stryMutAct_9fa48("3175") ? "" : (stryCov_9fa48("3175"), "no S3 buckets in the stack"));
        }
      }
      const policies = stryMutAct_9fa48("3176") ? args.resources : (stryCov_9fa48("3176"), args.resources.filter(stryMutAct_9fa48("3177") ? () => undefined : (stryCov_9fa48("3177"), r => r.isType(aws.s3.BucketPolicy))));
      for (const bucket of buckets) {
        if (stryMutAct_9fa48("3178")) {
          {}
        } else {
          stryCov_9fa48("3178");
          const identities = bucketIdentities(bucket);
          const verdicts: Tri[] = stryMutAct_9fa48("3179") ? ["Stryker was here"] : (stryCov_9fa48("3179"), []);
          const inline = propsOf(bucket).policy;
          if (stryMutAct_9fa48("3182") ? inline !== undefined || inline !== null : stryMutAct_9fa48("3181") ? false : stryMutAct_9fa48("3180") ? true : (stryCov_9fa48("3180", "3181", "3182"), (stryMutAct_9fa48("3184") ? inline === undefined : stryMutAct_9fa48("3183") ? true : (stryCov_9fa48("3183", "3184"), inline !== undefined)) && (stryMutAct_9fa48("3186") ? inline === null : stryMutAct_9fa48("3185") ? true : (stryCov_9fa48("3185", "3186"), inline !== null)))) {
            if (stryMutAct_9fa48("3187")) {
              {}
            } else {
              stryCov_9fa48("3187");
              if (stryMutAct_9fa48("3188")) {
                ;
              } else {
                stryCov_9fa48("3188");
                verdicts.push(policyDeniesInsecureTransport(inline));
              }
            }
          }
          for (const bp of policies) {
            if (stryMutAct_9fa48("3189")) {
              {}
            } else {
              stryCov_9fa48("3189");
              const linked = refersTo(bp, stryMutAct_9fa48("3190") ? "" : (stryCov_9fa48("3190"), "bucket"), bucket, identities);
              if (stryMutAct_9fa48("3193") ? linked !== false : stryMutAct_9fa48("3192") ? false : stryMutAct_9fa48("3191") ? true : (stryCov_9fa48("3191", "3192", "3193"), linked === (stryMutAct_9fa48("3194") ? true : (stryCov_9fa48("3194"), false)))) {
                if (stryMutAct_9fa48("3195")) {
                  {}
                } else {
                  stryCov_9fa48("3195");
                  continue;
                }
              }
              const verdict = policyDeniesInsecureTransport(propsOf(bp).policy);
              if (stryMutAct_9fa48("3198") ? linked !== true : stryMutAct_9fa48("3197") ? false : stryMutAct_9fa48("3196") ? true : (stryCov_9fa48("3196", "3197", "3198"), linked === (stryMutAct_9fa48("3199") ? false : (stryCov_9fa48("3199"), true)))) {
                if (stryMutAct_9fa48("3200")) {
                  {}
                } else {
                  stryCov_9fa48("3200");
                  if (stryMutAct_9fa48("3201")) {
                    ;
                  } else {
                    stryCov_9fa48("3201");
                    verdicts.push(verdict);
                  }
                }
              } else if (stryMutAct_9fa48("3204") ? verdict === false : stryMutAct_9fa48("3203") ? false : stryMutAct_9fa48("3202") ? true : (stryCov_9fa48("3202", "3203", "3204"), verdict !== (stryMutAct_9fa48("3205") ? true : (stryCov_9fa48("3205"), false)))) {
                if (stryMutAct_9fa48("3206")) {
                  {}
                } else {
                  stryCov_9fa48("3206");
                  // May be this bucket's policy (its target is not known yet) and may comply: cannot tell.
                  if (stryMutAct_9fa48("3207")) {
                    ;
                  } else {
                    stryCov_9fa48("3207");
                    verdicts.push(undefined);
                  }
                }
              }
            }
          }
          const ok = any(verdicts);
          if (stryMutAct_9fa48("3210") ? ok !== false : stryMutAct_9fa48("3209") ? false : stryMutAct_9fa48("3208") ? true : (stryCov_9fa48("3208", "3209", "3210"), ok === (stryMutAct_9fa48("3211") ? true : (stryCov_9fa48("3211"), false)))) {
            if (stryMutAct_9fa48("3212")) {
              {}
            } else {
              stryCov_9fa48("3212");
              const why = (stryMutAct_9fa48("3215") ? verdicts.length !== 0 : stryMutAct_9fa48("3214") ? false : stryMutAct_9fa48("3213") ? true : (stryCov_9fa48("3213", "3214", "3215"), verdicts.length === 0)) ? stryMutAct_9fa48("3216") ? "" : (stryCov_9fa48("3216"), "has no bucket policy") : stryMutAct_9fa48("3217") ? "" : (stryCov_9fa48("3217"), "has a bucket policy without a Deny on aws:SecureTransport = false");
              report(stryMutAct_9fa48("3219") ? `` : (stryCov_9fa48("3219"), `bucket ${bucket.name} ${why}: requests over plain HTTP would be served.`), bucket.urn);
            }
          }
        }
      }
    }
  }
});

/** ELB security policies that accept nothing older than TLS 1.2. */
const TLS12_POLICY = stryMutAct_9fa48("3221") ? /^ELBSecurityPolicy-(TLS13-1-[^23]|TLS-1-2|FS-1-2)/ : stryMutAct_9fa48("3220") ? /ELBSecurityPolicy-(TLS13-1-[23]|TLS-1-2|FS-1-2)/ : (stryCov_9fa48("3220", "3221"), /^ELBSecurityPolicy-(TLS13-1-[23]|TLS-1-2|FS-1-2)/);
export const lbListenerTransport: ResourceValidationPolicy = stryMutAct_9fa48("3222") ? {} : (stryCov_9fa48("3222"), {
  name: stryMutAct_9fa48("3223") ? "" : (stryCov_9fa48("3223"), "lb-listener-transport-security"),
  description: (stryMutAct_9fa48("3224") ? "" : (stryCov_9fa48("3224"), "Load balancer listeners never forward plain HTTP: an HTTP listener's actions may only redirect to HTTPS, a TCP/UDP ")) + (stryMutAct_9fa48("3225") ? "" : (stryCov_9fa48("3225"), "listener on port 80 may not forward, and HTTPS/TLS listeners name a TLS 1.2+ security policy (the AWS default ")) + (stryMutAct_9fa48("3226") ? "" : (stryCov_9fa48("3226"), "ELBSecurityPolicy-2016-08 still accepts TLS 1.0).")),
  enforcementLevel: stryMutAct_9fa48("3227") ? "" : (stryCov_9fa48("3227"), "mandatory"),
  severity: stryMutAct_9fa48("3228") ? "" : (stryCov_9fa48("3228"), "high"),
  remediationSteps: (stryMutAct_9fa48("3229") ? "" : (stryCov_9fa48("3229"), 'Give HTTP listeners a single default action { type: "redirect", redirect: { protocol: "HTTPS", port: "443", ')) + (stryMutAct_9fa48("3230") ? "" : (stryCov_9fa48("3230"), 'statusCode: "HTTP_301" } }; remove port-80 TCP forwarding; set sslPolicy to ELBSecurityPolicy-TLS13-1-2-2021-06 ')) + (stryMutAct_9fa48("3231") ? "" : (stryCov_9fa48("3231"), "(or another TLS 1.2+ policy) on HTTPS/TLS listeners.")),
  ...compliance(stryMutAct_9fa48("3232") ? "" : (stryCov_9fa48("3232"), "164.312(e)(1)"), stryMutAct_9fa48("3233") ? [] : (stryCov_9fa48("3233"), [stryMutAct_9fa48("3234") ? "" : (stryCov_9fa48("3234"), "tls"), stryMutAct_9fa48("3235") ? "" : (stryCov_9fa48("3235"), "elb")])),
  validateResource: validateResourceOfTypes(LISTENERS, stryMutAct_9fa48("3236") ? "" : (stryCov_9fa48("3236"), "load balancer listeners"), (args, report) => {
    if (stryMutAct_9fa48("3237")) {
      {}
    } else {
      stryCov_9fa48("3237");
      // An unknown protocol (the sentinel) is none of the protocols below: nothing to check.
      const p = plain((stryMutAct_9fa48("3238") ? args.asType(aws.lb.Listener) && args.asType(aws.alb.Listener) : (stryCov_9fa48("3238"), args.asType(aws.lb.Listener) ?? args.asType(aws.alb.Listener)))!);
      const protocol = stryMutAct_9fa48("3239") ? String(p.protocol ?? "HTTP").toLowerCase() : (stryCov_9fa48("3239"), String(stryMutAct_9fa48("3240") ? p.protocol && "HTTP" : (stryCov_9fa48("3240"), p.protocol ?? (stryMutAct_9fa48("3241") ? "" : (stryCov_9fa48("3241"), "HTTP")))).toUpperCase()); // ALB listeners default to HTTP
      const actions = isUnknown(p.defaultActions) ? undefined : asArray(p.defaultActions);
      if (stryMutAct_9fa48("3244") ? protocol !== "HTTP" : stryMutAct_9fa48("3243") ? false : stryMutAct_9fa48("3242") ? true : (stryCov_9fa48("3242", "3243", "3244"), protocol === (stryMutAct_9fa48("3245") ? "" : (stryCov_9fa48("3245"), "HTTP")))) {
        if (stryMutAct_9fa48("3246")) {
          {}
        } else {
          stryCov_9fa48("3246");
          stryMutAct_9fa48("3247") ? actions.forEach((a, i) => {
            const verdict = redirectsToHttps(a);
            if (verdict === false) {
              report(`defaultActions[${i}] (${describeAction(a)}) on an HTTP listener: HTTP listeners may only redirect to HTTPS.`);
            }
          }) : (stryCov_9fa48("3247"), actions?.forEach((a, i) => {
            if (stryMutAct_9fa48("3248")) {
              {}
            } else {
              stryCov_9fa48("3248");
              const verdict = redirectsToHttps(a);
              if (stryMutAct_9fa48("3251") ? verdict !== false : stryMutAct_9fa48("3250") ? false : stryMutAct_9fa48("3249") ? true : (stryCov_9fa48("3249", "3250", "3251"), verdict === (stryMutAct_9fa48("3252") ? true : (stryCov_9fa48("3252"), false)))) {
                if (stryMutAct_9fa48("3253")) {
                  {}
                } else {
                  stryCov_9fa48("3253");
                  report(stryMutAct_9fa48("3255") ? `` : (stryCov_9fa48("3255"), `defaultActions[${i}] (${describeAction(a)}) on an HTTP listener: HTTP listeners may only redirect to HTTPS.`));
                }
              }
            }
          }));
        }
      } else if (stryMutAct_9fa48("3258") ? ["TCP", "UDP", "TCP_UDP"].includes(protocol) || test(p.port, v => v === 80) === true : stryMutAct_9fa48("3257") ? false : stryMutAct_9fa48("3256") ? true : (stryCov_9fa48("3256", "3257", "3258"), (stryMutAct_9fa48("3259") ? [] : (stryCov_9fa48("3259"), [stryMutAct_9fa48("3260") ? "" : (stryCov_9fa48("3260"), "TCP"), stryMutAct_9fa48("3261") ? "" : (stryCov_9fa48("3261"), "UDP"), stryMutAct_9fa48("3262") ? "" : (stryCov_9fa48("3262"), "TCP_UDP")])).includes(protocol) && (stryMutAct_9fa48("3264") ? test(p.port, v => v === 80) !== true : stryMutAct_9fa48("3263") ? true : (stryCov_9fa48("3263", "3264"), test(p.port, stryMutAct_9fa48("3265") ? () => undefined : (stryCov_9fa48("3265"), v => stryMutAct_9fa48("3268") ? v !== 80 : stryMutAct_9fa48("3267") ? false : stryMutAct_9fa48("3266") ? true : (stryCov_9fa48("3266", "3267", "3268"), v === 80))) === (stryMutAct_9fa48("3269") ? false : (stryCov_9fa48("3269"), true)))))) {
        if (stryMutAct_9fa48("3270")) {
          {}
        } else {
          stryCov_9fa48("3270");
          stryMutAct_9fa48("3271") ? actions.forEach((a, i) => {
            if (!isUnknown(a) && (a as {
              type?: unknown;
            } | null)?.type === "forward") {
              report(`defaultActions[${i}] forwards ${protocol} port 80 (plain HTTP) to targets; terminate TLS on 443 instead.`);
            }
          }) : (stryCov_9fa48("3271"), actions?.forEach((a, i) => {
            if (stryMutAct_9fa48("3272")) {
              {}
            } else {
              stryCov_9fa48("3272");
              if (stryMutAct_9fa48("3275") ? !isUnknown(a) || (a as {
                type?: unknown;
              } | null)?.type === "forward" : stryMutAct_9fa48("3274") ? false : stryMutAct_9fa48("3273") ? true : (stryCov_9fa48("3273", "3274", "3275"), (stryMutAct_9fa48("3276") ? isUnknown(a) : (stryCov_9fa48("3276"), !isUnknown(a))) && (stryMutAct_9fa48("3278") ? (a as {
                type?: unknown;
              } | null)?.type !== "forward" : stryMutAct_9fa48("3277") ? true : (stryCov_9fa48("3277", "3278"), (stryMutAct_9fa48("3279") ? (a as {
                type?: unknown;
              } | null).type : (stryCov_9fa48("3279"), (a as {
                type?: unknown;
              } | null)?.type)) === (stryMutAct_9fa48("3280") ? "" : (stryCov_9fa48("3280"), "forward")))))) {
                if (stryMutAct_9fa48("3281")) {
                  {}
                } else {
                  stryCov_9fa48("3281");
                  report(stryMutAct_9fa48("3283") ? `` : (stryCov_9fa48("3283"), `defaultActions[${i}] forwards ${protocol} port 80 (plain HTTP) to targets; terminate TLS on 443 instead.`));
                }
              }
            }
          }));
        }
      } else if (stryMutAct_9fa48("3286") ? protocol === "HTTPS" && protocol === "TLS" : stryMutAct_9fa48("3285") ? false : stryMutAct_9fa48("3284") ? true : (stryCov_9fa48("3284", "3285", "3286"), (stryMutAct_9fa48("3288") ? protocol !== "HTTPS" : stryMutAct_9fa48("3287") ? false : (stryCov_9fa48("3287", "3288"), protocol === (stryMutAct_9fa48("3289") ? "" : (stryCov_9fa48("3289"), "HTTPS")))) || (stryMutAct_9fa48("3291") ? protocol !== "TLS" : stryMutAct_9fa48("3290") ? false : (stryCov_9fa48("3290", "3291"), protocol === (stryMutAct_9fa48("3292") ? "" : (stryCov_9fa48("3292"), "TLS")))))) {
        if (stryMutAct_9fa48("3293")) {
          {}
        } else {
          stryCov_9fa48("3293");
          const policy = p.sslPolicy;
          if (stryMutAct_9fa48("3296") ? test(policy, v => TLS12_POLICY.test(String(v))) !== false : stryMutAct_9fa48("3295") ? false : stryMutAct_9fa48("3294") ? true : (stryCov_9fa48("3294", "3295", "3296"), test(policy, stryMutAct_9fa48("3297") ? () => undefined : (stryCov_9fa48("3297"), v => TLS12_POLICY.test(String(v)))) === (stryMutAct_9fa48("3298") ? true : (stryCov_9fa48("3298"), false)))) {
            if (stryMutAct_9fa48("3299")) {
              {}
            } else {
              stryCov_9fa48("3299");
              report((stryMutAct_9fa48("3303") ? policy !== undefined : stryMutAct_9fa48("3302") ? false : stryMutAct_9fa48("3301") ? true : (stryCov_9fa48("3301", "3302", "3303"), policy === undefined)) ? stryMutAct_9fa48("3304") ? "" : (stryCov_9fa48("3304"), "sslPolicy is not set: the AWS default ELBSecurityPolicy-2016-08 accepts TLS 1.0 and 1.1.") : stryMutAct_9fa48("3305") ? `` : (stryCov_9fa48("3305"), `sslPolicy "${policy}" accepts protocol versions older than TLS 1.2.`));
            }
          }
        }
      }
    }
  })
});

/** Whether a listener action redirects to HTTPS; only its type and redirect protocol matter (a target ARN may be unknown). */
function redirectsToHttps(action: unknown): Tri {
  if (stryMutAct_9fa48("3306")) {
    {}
  } else {
    stryCov_9fa48("3306");
    if (stryMutAct_9fa48("3309") ? false : stryMutAct_9fa48("3308") ? true : stryMutAct_9fa48("3307") ? isObject(action) : (stryCov_9fa48("3307", "3308", "3309"), !isObject(action))) {
      if (stryMutAct_9fa48("3310")) {
        {}
      } else {
        stryCov_9fa48("3310");
        return isUnknown(action) ? undefined : stryMutAct_9fa48("3311") ? true : (stryCov_9fa48("3311"), false);
      }
    }
    const a = action as {
      type?: unknown;
      redirect?: {
        protocol?: unknown;
      };
    };
    if (stryMutAct_9fa48("3313") ? false : stryMutAct_9fa48("3312") ? true : (stryCov_9fa48("3312", "3313"), isUnknown(a.type))) {
      if (stryMutAct_9fa48("3314")) {
        {}
      } else {
        stryCov_9fa48("3314");
        return undefined;
      }
    }
    if (stryMutAct_9fa48("3317") ? a.type === "redirect" : stryMutAct_9fa48("3316") ? false : stryMutAct_9fa48("3315") ? true : (stryCov_9fa48("3315", "3316", "3317"), a.type !== (stryMutAct_9fa48("3318") ? "" : (stryCov_9fa48("3318"), "redirect")))) {
      if (stryMutAct_9fa48("3319")) {
        {}
      } else {
        stryCov_9fa48("3319");
        return stryMutAct_9fa48("3320") ? true : (stryCov_9fa48("3320"), false);
      }
    }
    if (stryMutAct_9fa48("3323") ? isUnknown(a.redirect) && isUnknown(a.redirect?.protocol) : stryMutAct_9fa48("3322") ? false : stryMutAct_9fa48("3321") ? true : (stryCov_9fa48("3321", "3322", "3323"), isUnknown(a.redirect) || isUnknown(stryMutAct_9fa48("3324") ? a.redirect.protocol : (stryCov_9fa48("3324"), a.redirect?.protocol)))) {
      if (stryMutAct_9fa48("3325")) {
        {}
      } else {
        stryCov_9fa48("3325");
        return undefined;
      }
    }
    return stryMutAct_9fa48("3328") ? String(a.redirect?.protocol).toUpperCase() !== "HTTPS" : stryMutAct_9fa48("3327") ? false : stryMutAct_9fa48("3326") ? true : (stryCov_9fa48("3326", "3327", "3328"), (stryMutAct_9fa48("3329") ? String(a.redirect?.protocol).toLowerCase() : (stryCov_9fa48("3329"), String(stryMutAct_9fa48("3330") ? a.redirect.protocol : (stryCov_9fa48("3330"), a.redirect?.protocol)).toUpperCase())) === (stryMutAct_9fa48("3331") ? "" : (stryCov_9fa48("3331"), "HTTPS")));
  }
}
function describeAction(action: unknown): string {
  if (stryMutAct_9fa48("3332")) {
    {}
  } else {
    stryCov_9fa48("3332");
    if (stryMutAct_9fa48("3335") ? false : stryMutAct_9fa48("3334") ? true : stryMutAct_9fa48("3333") ? isObject(action) : (stryCov_9fa48("3333", "3334", "3335"), !isObject(action))) {
      if (stryMutAct_9fa48("3336")) {
        {}
      } else {
        stryCov_9fa48("3336");
        return stryMutAct_9fa48("3337") ? "" : (stryCov_9fa48("3337"), "an action");
      }
    }
    const a = action as {
      type?: unknown;
      redirect?: {
        protocol?: unknown;
      };
    };
    return (stryMutAct_9fa48("3340") ? a.type !== "redirect" : stryMutAct_9fa48("3339") ? false : stryMutAct_9fa48("3338") ? true : (stryCov_9fa48("3338", "3339", "3340"), a.type === (stryMutAct_9fa48("3341") ? "" : (stryCov_9fa48("3341"), "redirect")))) ? stryMutAct_9fa48("3342") ? `` : (stryCov_9fa48("3342"), `redirect to ${String(stryMutAct_9fa48("3343") ? a.redirect?.protocol && "#{protocol}" : (stryCov_9fa48("3343"), (stryMutAct_9fa48("3344") ? a.redirect.protocol : (stryCov_9fa48("3344"), a.redirect?.protocol)) ?? (stryMutAct_9fa48("3345") ? "" : (stryCov_9fa48("3345"), "#{protocol}"))))}`) : stryMutAct_9fa48("3346") ? `` : (stryCov_9fa48("3346"), `type ${String(a.type)}`);
  }
}

/** OpenSearch TLS security policies with TLS 1.2 as the minimum. */
const OPENSEARCH_TLS12 = stryMutAct_9fa48("3348") ? /^Policy-Min-TLS-1-[^2-9]/ : stryMutAct_9fa48("3347") ? /Policy-Min-TLS-1-[2-9]/ : (stryCov_9fa48("3347", "3348"), /^Policy-Min-TLS-1-[2-9]/);
export const opensearchHttpsOnly: ResourceValidationPolicy = stryMutAct_9fa48("3349") ? {} : (stryCov_9fa48("3349"), {
  name: stryMutAct_9fa48("3350") ? "" : (stryCov_9fa48("3350"), "opensearch-https-tls12"),
  description: (stryMutAct_9fa48("3351") ? "" : (stryCov_9fa48("3351"), "OpenSearch domains (the log store) accept HTTPS only, with a TLS 1.2+ security policy, and encrypt traffic between nodes ")) + (stryMutAct_9fa48("3352") ? "" : (stryCov_9fa48("3352"), "(domainEndpointOptions.enforceHttps, tlsSecurityPolicy Policy-Min-TLS-1-2-*, nodeToNodeEncryption.enabled).")),
  enforcementLevel: stryMutAct_9fa48("3353") ? "" : (stryCov_9fa48("3353"), "mandatory"),
  severity: stryMutAct_9fa48("3354") ? "" : (stryCov_9fa48("3354"), "high"),
  remediationSteps: (stryMutAct_9fa48("3355") ? "" : (stryCov_9fa48("3355"), 'Set domainEndpointOptions: { enforceHttps: true, tlsSecurityPolicy: "Policy-Min-TLS-1-2-PFS-2023-10" } and ')) + (stryMutAct_9fa48("3356") ? "" : (stryCov_9fa48("3356"), "nodeToNodeEncryption: { enabled: true } on the aws.opensearch.Domain.")),
  ...compliance(stryMutAct_9fa48("3357") ? "" : (stryCov_9fa48("3357"), "164.312(e)(1)"), stryMutAct_9fa48("3358") ? [] : (stryCov_9fa48("3358"), [stryMutAct_9fa48("3359") ? "" : (stryCov_9fa48("3359"), "tls"), stryMutAct_9fa48("3360") ? "" : (stryCov_9fa48("3360"), "opensearch")])),
  validateResource: validateResourceOfType(aws.opensearch.Domain, (domain, args, report) => {
    if (stryMutAct_9fa48("3361")) {
      {}
    } else {
      stryCov_9fa48("3361");
      const p = plain(domain);
      const endpoint = p.domainEndpointOptions;
      if (stryMutAct_9fa48("3363") ? false : stryMutAct_9fa48("3362") ? true : (stryCov_9fa48("3362", "3363"), isUnknown(endpoint))) {
        if (stryMutAct_9fa48("3364")) {
          {}
        } else {
          stryCov_9fa48("3364");
          return;
        }
      }
      if (stryMutAct_9fa48("3367") ? test(endpoint?.enforceHttps, v => v === true) !== false : stryMutAct_9fa48("3366") ? false : stryMutAct_9fa48("3365") ? true : (stryCov_9fa48("3365", "3366", "3367"), test(stryMutAct_9fa48("3368") ? endpoint.enforceHttps : (stryCov_9fa48("3368"), endpoint?.enforceHttps), stryMutAct_9fa48("3369") ? () => undefined : (stryCov_9fa48("3369"), v => stryMutAct_9fa48("3372") ? v !== true : stryMutAct_9fa48("3371") ? false : stryMutAct_9fa48("3370") ? true : (stryCov_9fa48("3370", "3371", "3372"), v === (stryMutAct_9fa48("3373") ? false : (stryCov_9fa48("3373"), true))))) === (stryMutAct_9fa48("3374") ? true : (stryCov_9fa48("3374"), false)))) {
        if (stryMutAct_9fa48("3375")) {
          {}
        } else {
          stryCov_9fa48("3375");
          report(stryMutAct_9fa48("3377") ? "" : (stryCov_9fa48("3377"), "domainEndpointOptions.enforceHttps is not true: the domain would answer plain HTTP."));
        }
      }
      const policy = stryMutAct_9fa48("3378") ? endpoint.tlsSecurityPolicy : (stryCov_9fa48("3378"), endpoint?.tlsSecurityPolicy);
      if (stryMutAct_9fa48("3381") ? test(policy, v => OPENSEARCH_TLS12.test(String(v))) !== false : stryMutAct_9fa48("3380") ? false : stryMutAct_9fa48("3379") ? true : (stryCov_9fa48("3379", "3380", "3381"), test(policy, stryMutAct_9fa48("3382") ? () => undefined : (stryCov_9fa48("3382"), v => OPENSEARCH_TLS12.test(String(v)))) === (stryMutAct_9fa48("3383") ? true : (stryCov_9fa48("3383"), false)))) {
        if (stryMutAct_9fa48("3384")) {
          {}
        } else {
          stryCov_9fa48("3384");
          report((stryMutAct_9fa48("3388") ? policy !== undefined : stryMutAct_9fa48("3387") ? false : stryMutAct_9fa48("3386") ? true : (stryCov_9fa48("3386", "3387", "3388"), policy === undefined)) ? stryMutAct_9fa48("3389") ? "" : (stryCov_9fa48("3389"), "domainEndpointOptions.tlsSecurityPolicy is not set: the service default accepts TLS 1.0.") : stryMutAct_9fa48("3390") ? `` : (stryCov_9fa48("3390"), `tlsSecurityPolicy "${policy}" accepts TLS versions older than 1.2.`));
        }
      }
      if (stryMutAct_9fa48("3393") ? test(p.nodeToNodeEncryption, v => v?.enabled === true) !== false : stryMutAct_9fa48("3392") ? false : stryMutAct_9fa48("3391") ? true : (stryCov_9fa48("3391", "3392", "3393"), test(p.nodeToNodeEncryption, stryMutAct_9fa48("3394") ? () => undefined : (stryCov_9fa48("3394"), v => stryMutAct_9fa48("3397") ? v?.enabled !== true : stryMutAct_9fa48("3396") ? false : stryMutAct_9fa48("3395") ? true : (stryCov_9fa48("3395", "3396", "3397"), (stryMutAct_9fa48("3398") ? v.enabled : (stryCov_9fa48("3398"), v?.enabled)) === (stryMutAct_9fa48("3399") ? false : (stryCov_9fa48("3399"), true))))) === (stryMutAct_9fa48("3400") ? true : (stryCov_9fa48("3400"), false)))) {
        if (stryMutAct_9fa48("3401")) {
          {}
        } else {
          stryCov_9fa48("3401");
          report(stryMutAct_9fa48("3403") ? "" : (stryCov_9fa48("3403"), "nodeToNodeEncryption.enabled is not true: traffic between the domain's nodes would be unencrypted."));
        }
      }
    }
  })
});

/** The zone settings a zone must have, keyed by normalised setting id. */
const ZONE_TLS_SETTINGS: Array<{
  id: string;
  label: string;
  accepted: string[];
  default: string;
}> = stryMutAct_9fa48("3404") ? [] : (stryCov_9fa48("3404"), [stryMutAct_9fa48("3405") ? {} : (stryCov_9fa48("3405"), {
  id: stryMutAct_9fa48("3406") ? "" : (stryCov_9fa48("3406"), "ssl"),
  label: stryMutAct_9fa48("3407") ? "" : (stryCov_9fa48("3407"), "ssl"),
  accepted: stryMutAct_9fa48("3408") ? [] : (stryCov_9fa48("3408"), [stryMutAct_9fa48("3409") ? "" : (stryCov_9fa48("3409"), "strict"), stryMutAct_9fa48("3410") ? "" : (stryCov_9fa48("3410"), "origin_pull")]),
  default: stryMutAct_9fa48("3411") ? "" : (stryCov_9fa48("3411"), "the zone's default (flexible or full)")
}), stryMutAct_9fa48("3412") ? {} : (stryCov_9fa48("3412"), {
  id: stryMutAct_9fa48("3413") ? "" : (stryCov_9fa48("3413"), "mintlsversion"),
  label: stryMutAct_9fa48("3414") ? "" : (stryCov_9fa48("3414"), "min_tls_version"),
  accepted: stryMutAct_9fa48("3415") ? [] : (stryCov_9fa48("3415"), [stryMutAct_9fa48("3416") ? "" : (stryCov_9fa48("3416"), "1.2"), stryMutAct_9fa48("3417") ? "" : (stryCov_9fa48("3417"), "1.3")]),
  default: stryMutAct_9fa48("3418") ? "" : (stryCov_9fa48("3418"), "1.0")
}), stryMutAct_9fa48("3419") ? {} : (stryCov_9fa48("3419"), {
  id: stryMutAct_9fa48("3420") ? "" : (stryCov_9fa48("3420"), "alwaysusehttps"),
  label: stryMutAct_9fa48("3421") ? "" : (stryCov_9fa48("3421"), "always_use_https"),
  accepted: stryMutAct_9fa48("3422") ? [] : (stryCov_9fa48("3422"), [stryMutAct_9fa48("3423") ? "" : (stryCov_9fa48("3423"), "on")]),
  default: stryMutAct_9fa48("3424") ? "" : (stryCov_9fa48("3424"), "off")
})]);

/** Setting ids are snake_case in the API (`min_tls_version`); the provider docs also show camelCase. */
export function normaliseSettingId(id: string): string {
  if (stryMutAct_9fa48("3425")) {
    {}
  } else {
    stryCov_9fa48("3425");
    return stryMutAct_9fa48("3426") ? id.replace(/_/g, "").toUpperCase() : (stryCov_9fa48("3426"), id.replace(/_/g, stryMutAct_9fa48("3427") ? "Stryker was here!" : (stryCov_9fa48("3427"), "")).toLowerCase());
  }
}
export const cloudflareZoneTls: StackValidationPolicy = stryMutAct_9fa48("3428") ? {} : (stryCov_9fa48("3428"), {
  name: stryMutAct_9fa48("3429") ? "" : (stryCov_9fa48("3429"), "cloudflare-zone-tls"),
  description: (stryMutAct_9fa48("3430") ? "" : (stryCov_9fa48("3430"), 'Every Cloudflare zone the stack manages encrypts both legs and refuses old TLS: zone settings ssl = "strict" ')) + (stryMutAct_9fa48("3431") ? "" : (stryCov_9fa48("3431"), '(Full (strict): Cloudflare validates the origin certificate), min_tls_version = "1.2" or "1.3", and ')) + (stryMutAct_9fa48("3432") ? "" : (stryCov_9fa48("3432"), 'always_use_https = "on" (cloudflare.ZoneSetting resources).')),
  enforcementLevel: stryMutAct_9fa48("3433") ? "" : (stryCov_9fa48("3433"), "mandatory"),
  severity: stryMutAct_9fa48("3434") ? "" : (stryCov_9fa48("3434"), "high"),
  remediationSteps: (stryMutAct_9fa48("3435") ? "" : (stryCov_9fa48("3435"), 'Add cloudflare.ZoneSetting resources for the zone: { settingId: "ssl", value: "strict" }, ')) + (stryMutAct_9fa48("3436") ? "" : (stryCov_9fa48("3436"), '{ settingId: "min_tls_version", value: "1.2" } and { settingId: "always_use_https", value: "on" }.')),
  ...compliance(stryMutAct_9fa48("3437") ? "" : (stryCov_9fa48("3437"), "164.312(e)(1)"), stryMutAct_9fa48("3438") ? [] : (stryCov_9fa48("3438"), [stryMutAct_9fa48("3439") ? "" : (stryCov_9fa48("3439"), "tls"), stryMutAct_9fa48("3440") ? "" : (stryCov_9fa48("3440"), "cloudflare")])),
  validateStack: (args, report) => {
    if (stryMutAct_9fa48("3441")) {
      {}
    } else {
      stryCov_9fa48("3441");
      const zones = zonesOf(args.resources);
      if (stryMutAct_9fa48("3444") ? zones.size !== 0 : stryMutAct_9fa48("3443") ? false : stryMutAct_9fa48("3442") ? true : (stryCov_9fa48("3442", "3443", "3444"), zones.size === 0)) {
        if (stryMutAct_9fa48("3445")) {
          {}
        } else {
          stryCov_9fa48("3445");
          args.notApplicable(stryMutAct_9fa48("3447") ? "" : (stryCov_9fa48("3447"), "the stack manages no Cloudflare zone"));
        }
      }
      const settings = stryMutAct_9fa48("3448") ? args.resources : (stryCov_9fa48("3448"), args.resources.filter(stryMutAct_9fa48("3449") ? () => undefined : (stryCov_9fa48("3449"), r => r.isType(cloudflare.ZoneSetting))));
      // Settings whose zone or id is not known yet might be the missing ones.
      const undetermined = stryMutAct_9fa48("3450") ? settings : (stryCov_9fa48("3450"), settings.filter(stryMutAct_9fa48("3451") ? () => undefined : (stryCov_9fa48("3451"), s => stryMutAct_9fa48("3454") ? zoneKeyOf(s) === undefined && isUnknown(propsOf(s).settingId) : stryMutAct_9fa48("3453") ? false : stryMutAct_9fa48("3452") ? true : (stryCov_9fa48("3452", "3453", "3454"), (stryMutAct_9fa48("3456") ? zoneKeyOf(s) !== undefined : stryMutAct_9fa48("3455") ? false : (stryCov_9fa48("3455", "3456"), zoneKeyOf(s) === undefined)) || isUnknown(propsOf(s).settingId)))));
      for (const [key, members] of zones) {
        if (stryMutAct_9fa48("3457")) {
          {}
        } else {
          stryCov_9fa48("3457");
          for (const wanted of ZONE_TLS_SETTINGS) {
            if (stryMutAct_9fa48("3458")) {
              {}
            } else {
              stryCov_9fa48("3458");
              const mine = stryMutAct_9fa48("3459") ? settings : (stryCov_9fa48("3459"), settings.filter(s => {
                if (stryMutAct_9fa48("3460")) {
                  {}
                } else {
                  stryCov_9fa48("3460");
                  const id = knownString(propsOf(s).settingId);
                  // Stryker disable next-line ConditionalExpression: defensive; settingId is required by the provider's schema
                  return stryMutAct_9fa48("3463") ? zoneKeyOf(s) === key && id !== undefined || normaliseSettingId(id) === wanted.id : (stryCov_9fa48("3463"), (stryMutAct_9fa48("3465") ? zoneKeyOf(s) === key || id !== undefined : (stryCov_9fa48("3465"), (stryMutAct_9fa48("3467") ? zoneKeyOf(s) !== key : (stryCov_9fa48("3467"), zoneKeyOf(s) === key)) && (stryMutAct_9fa48("3469") ? id === undefined : (stryCov_9fa48("3469"), id !== undefined)))) && (stryMutAct_9fa48("3471") ? normaliseSettingId(id) !== wanted.id : (stryCov_9fa48("3471"), normaliseSettingId(id) === wanted.id)));
                }
              }));
              const verdict = any(mine.map(stryMutAct_9fa48("3472") ? () => undefined : (stryCov_9fa48("3472"), s => test(propsOf(s).value, stryMutAct_9fa48("3473") ? () => undefined : (stryCov_9fa48("3473"), v => wanted.accepted.includes(stryMutAct_9fa48("3474") ? String(v).toUpperCase() : (stryCov_9fa48("3474"), String(v).toLowerCase())))))));
              if (stryMutAct_9fa48("3477") ? verdict === false : stryMutAct_9fa48("3476") ? false : stryMutAct_9fa48("3475") ? true : (stryCov_9fa48("3475", "3476", "3477"), verdict !== (stryMutAct_9fa48("3478") ? true : (stryCov_9fa48("3478"), false)))) {
                if (stryMutAct_9fa48("3479")) {
                  {}
                } else {
                  stryCov_9fa48("3479");
                  continue;
                }
              }
              if (stryMutAct_9fa48("3483") ? mine.length <= 0 : stryMutAct_9fa48("3482") ? mine.length >= 0 : stryMutAct_9fa48("3481") ? false : stryMutAct_9fa48("3480") ? true : (stryCov_9fa48("3480", "3481", "3482", "3483"), mine.length > 0)) {
                if (stryMutAct_9fa48("3484")) {
                  {}
                } else {
                  stryCov_9fa48("3484");
                  const value = JSON.stringify(propsOf(mine[0]).value);
                  report(stryMutAct_9fa48("3486") ? `` : (stryCov_9fa48("3486"), `zone ${zoneLabel(key, members)} sets ${wanted.label} = ${value}; it must be ${wanted.accepted.map(stryMutAct_9fa48("3487") ? () => undefined : (stryCov_9fa48("3487"), a => stryMutAct_9fa48("3488") ? `` : (stryCov_9fa48("3488"), `"${a}"`))).join(stryMutAct_9fa48("3489") ? "" : (stryCov_9fa48("3489"), " or "))}.`), mine[0].urn);
                }
              } else if (stryMutAct_9fa48("3492") ? undetermined.length !== 0 : stryMutAct_9fa48("3491") ? false : stryMutAct_9fa48("3490") ? true : (stryCov_9fa48("3490", "3491", "3492"), undetermined.length === 0)) {
                if (stryMutAct_9fa48("3493")) {
                  {}
                } else {
                  stryCov_9fa48("3493");
                  report(stryMutAct_9fa48("3495") ? `` : (stryCov_9fa48("3495"), `zone ${zoneLabel(key, members)} has no ${wanted.label} setting, so Cloudflare uses ${wanted.default}; set it to "${wanted.accepted[0]}".`), members[0].urn);
                }
              }
            }
          }
        }
      }
    }
  }
});