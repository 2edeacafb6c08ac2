// @ts-nocheck
// 
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
  if (stryMutAct_9fa48("3012")) {
    {}
  } else {
    stryCov_9fa48("3012");
    // Stryker disable next-line Regex: every RDS parameter group family starts with its engine's name
    if (stryMutAct_9fa48("3014") ? false : stryMutAct_9fa48("3013") ? true : (stryCov_9fa48("3013", "3014"), /^(aurora-mysql|mysql|mariadb)/.test(family))) {
      if (stryMutAct_9fa48("3016")) {
        {}
      } else {
        stryCov_9fa48("3016");
        return stryMutAct_9fa48("3017") ? {} : (stryCov_9fa48("3017"), {
          name: stryMutAct_9fa48("3018") ? "" : (stryCov_9fa48("3018"), "require_secure_transport"),
          accepted: stryMutAct_9fa48("3019") ? [] : (stryCov_9fa48("3019"), [stryMutAct_9fa48("3020") ? "" : (stryCov_9fa48("3020"), "on"), stryMutAct_9fa48("3021") ? "" : (stryCov_9fa48("3021"), "1")])
        });
      }
    }
    // Stryker disable next-line Regex: every RDS parameter group family starts with its engine's name
    if (stryMutAct_9fa48("3023") ? false : stryMutAct_9fa48("3022") ? true : (stryCov_9fa48("3022", "3023"), /^(aurora-postgresql|postgres|sqlserver)/.test(family))) {
      if (stryMutAct_9fa48("3025")) {
        {}
      } else {
        stryCov_9fa48("3025");
        return stryMutAct_9fa48("3026") ? {} : (stryCov_9fa48("3026"), {
          name: stryMutAct_9fa48("3027") ? "" : (stryCov_9fa48("3027"), "rds.force_ssl"),
          accepted: stryMutAct_9fa48("3028") ? [] : (stryCov_9fa48("3028"), [stryMutAct_9fa48("3029") ? "" : (stryCov_9fa48("3029"), "1")])
        });
      }
    }
    return undefined;
  }
}
export const rdsParameterGroupRequiresTls: ResourceValidationPolicy = stryMutAct_9fa48("3030") ? {} : (stryCov_9fa48("3030"), {
  name: stryMutAct_9fa48("3031") ? "" : (stryCov_9fa48("3031"), "rds-parameter-group-requires-tls"),
  description: (stryMutAct_9fa48("3032") ? "" : (stryCov_9fa48("3032"), "RDS and Aurora parameter groups make the database refuse unencrypted connections: require_secure_transport = ON for MySQL, ")) + (stryMutAct_9fa48("3033") ? "" : (stryCov_9fa48("3033"), "MariaDB and Aurora MySQL, rds.force_ssl = 1 for PostgreSQL, Aurora PostgreSQL and SQL Server. For Aurora the setting is a ")) + (stryMutAct_9fa48("3034") ? "" : (stryCov_9fa48("3034"), "cluster parameter, so instance-level (aws.rds.ParameterGroup) groups of aurora-* families are not checked.")),
  enforcementLevel: stryMutAct_9fa48("3035") ? "" : (stryCov_9fa48("3035"), "mandatory"),
  severity: stryMutAct_9fa48("3036") ? "" : (stryCov_9fa48("3036"), "high"),
  remediationSteps: (stryMutAct_9fa48("3037") ? "" : (stryCov_9fa48("3037"), 'Add { name: "require_secure_transport", value: "ON" } (MySQL family) or { name: "rds.force_ssl", value: "1" } ')) + (stryMutAct_9fa48("3038") ? "" : (stryCov_9fa48("3038"), "(PostgreSQL/SQL Server) to the parameter group's `parameters`, and connect with TLS (the RDS CA bundle) from every client.")),
  ...compliance(stryMutAct_9fa48("3039") ? "" : (stryCov_9fa48("3039"), "164.312(e)(1)"), stryMutAct_9fa48("3040") ? [] : (stryCov_9fa48("3040"), [stryMutAct_9fa48("3041") ? "" : (stryCov_9fa48("3041"), "tls"), stryMutAct_9fa48("3042") ? "" : (stryCov_9fa48("3042"), "rds")])),
  validateResource: validateResourceOfTypes(stryMutAct_9fa48("3043") ? [] : (stryCov_9fa48("3043"), [aws.rds.ClusterParameterGroup, aws.rds.ParameterGroup]), stryMutAct_9fa48("3044") ? "" : (stryCov_9fa48("3044"), "RDS parameter groups"), (args, report) => {
    if (stryMutAct_9fa48("3045")) {
      {}
    } else {
      stryCov_9fa48("3045");
      const p = plain((stryMutAct_9fa48("3046") ? args.asType(aws.rds.ClusterParameterGroup) && args.asType(aws.rds.ParameterGroup) : (stryCov_9fa48("3046"), args.asType(aws.rds.ClusterParameterGroup) ?? args.asType(aws.rds.ParameterGroup)))!);
      const family = knownString(p.family);
      if (stryMutAct_9fa48("3049") ? family !== undefined : stryMutAct_9fa48("3048") ? false : stryMutAct_9fa48("3047") ? true : (stryCov_9fa48("3047", "3048", "3049"), family === undefined)) {
        if (stryMutAct_9fa48("3050")) {
          {}
        } else {
          stryCov_9fa48("3050");
          return; // unknown family: cannot tell which parameter applies
        }
      }
      if (stryMutAct_9fa48("3053") ? args.isType(aws.rds.ParameterGroup) || family.startsWith("aurora-") : stryMutAct_9fa48("3052") ? false : stryMutAct_9fa48("3051") ? true : (stryCov_9fa48("3051", "3052", "3053"), args.isType(aws.rds.ParameterGroup) && (stryMutAct_9fa48("3054") ? family.endsWith("aurora-") : (stryCov_9fa48("3054"), family.startsWith(stryMutAct_9fa48("3055") ? "" : (stryCov_9fa48("3055"), "aurora-")))))) {
        if (stryMutAct_9fa48("3056")) {
          {}
        } else {
          stryCov_9fa48("3056");
          args.notApplicable(stryMutAct_9fa48("3058") ? "" : (stryCov_9fa48("3058"), "Aurora enforces TLS with a cluster parameter; instance parameter groups cannot set it"));
        }
      }
      const wanted = tlsParameterFor(family);
      if (stryMutAct_9fa48("3061") ? false : stryMutAct_9fa48("3060") ? true : stryMutAct_9fa48("3059") ? wanted : (stryCov_9fa48("3059", "3060", "3061"), !wanted)) {
        if (stryMutAct_9fa48("3062")) {
          {}
        } else {
          stryCov_9fa48("3062");
          args.notApplicable(stryMutAct_9fa48("3064") ? `` : (stryCov_9fa48("3064"), `no TLS enforcement parameter known for family ${family}`));
          return;
        }
      }
      if (stryMutAct_9fa48("3066") ? false : stryMutAct_9fa48("3065") ? true : (stryCov_9fa48("3065", "3066"), isUnknown(p.parameters))) {
        if (stryMutAct_9fa48("3067")) {
          {}
        } else {
          stryCov_9fa48("3067");
          return;
        }
      }
      const matching = asArray(p.parameters).filter(x => typeof x === "object" && x !== null && String((x as {
        name?: unknown;
      }).name).toLowerCase() === wanted.name) as Array<{
        name: string;
        value: unknown;
      }>;
      const ok = any(matching.map(stryMutAct_9fa48("3068") ? () => undefined : (stryCov_9fa48("3068"), x => test(x.value, stryMutAct_9fa48("3069") ? () => undefined : (stryCov_9fa48("3069"), v => wanted.accepted.includes(stryMutAct_9fa48("3070") ? String(v).toUpperCase() : (stryCov_9fa48("3070"), String(v).toLowerCase())))))));
      if (stryMutAct_9fa48("3073") ? ok !== false : stryMutAct_9fa48("3072") ? false : stryMutAct_9fa48("3071") ? true : (stryCov_9fa48("3071", "3072", "3073"), ok === (stryMutAct_9fa48("3074") ? true : (stryCov_9fa48("3074"), false)))) {
        if (stryMutAct_9fa48("3075")) {
          {}
        } else {
          stryCov_9fa48("3075");
          const found = (stryMutAct_9fa48("3079") ? matching.length <= 0 : stryMutAct_9fa48("3078") ? matching.length >= 0 : stryMutAct_9fa48("3077") ? false : stryMutAct_9fa48("3076") ? true : (stryCov_9fa48("3076", "3077", "3078", "3079"), matching.length > 0)) ? stryMutAct_9fa48("3080") ? `` : (stryCov_9fa48("3080"), `is ${JSON.stringify(matching[0].value)}`) : stryMutAct_9fa48("3081") ? "" : (stryCov_9fa48("3081"), "is not set (the engine default allows plaintext)");
          report(stryMutAct_9fa48("3083") ? `` : (stryCov_9fa48("3083"), `${wanted.name} ${found}; it must be ${stryMutAct_9fa48("3084") ? wanted.accepted[0].toLowerCase() : (stryCov_9fa48("3084"), wanted.accepted[0].toUpperCase())} for family ${family}.`));
        }
      }
    }
  })
});
const MYSQL_OR_POSTGRES = stryMutAct_9fa48("3086") ? /^(aurora|aurora-mysql|aurora-postgresql|mysql|mariadb|postgres)/ : stryMutAct_9fa48("3085") ? /(aurora|aurora-mysql|aurora-postgresql|mysql|mariadb|postgres)$/ : (stryCov_9fa48("3085", "3086"), /^(aurora|aurora-mysql|aurora-postgresql|mysql|mariadb|postgres)$/);
export const rdsUsesCustomParameterGroup: ResourceValidationPolicy = stryMutAct_9fa48("3087") ? {} : (stryCov_9fa48("3087"), {
  name: stryMutAct_9fa48("3088") ? "" : (stryCov_9fa48("3088"), "rds-uses-custom-parameter-group"),
  description: (stryMutAct_9fa48("3089") ? "" : (stryCov_9fa48("3089"), "RDS clusters and instances use the stack's own parameter group: the engines' default groups (default.*, or none given) ")) + (stryMutAct_9fa48("3090") ? "" : (stryCov_9fa48("3090"), "accept unencrypted connections and cannot be changed. The group's content is checked by rds-parameter-group-requires-tls.")),
  enforcementLevel: stryMutAct_9fa48("3091") ? "" : (stryCov_9fa48("3091"), "mandatory"),
  severity: stryMutAct_9fa48("3092") ? "" : (stryCov_9fa48("3092"), "high"),
  remediationSteps: (stryMutAct_9fa48("3093") ? "" : (stryCov_9fa48("3093"), "Create an aws.rds.ClusterParameterGroup (Aurora) or aws.rds.ParameterGroup (RDS) that requires TLS and pass its name as ")) + (stryMutAct_9fa48("3094") ? "" : (stryCov_9fa48("3094"), "`dbClusterParameterGroupName` (cluster) or `parameterGroupName` (instance).")),
  ...compliance(stryMutAct_9fa48("3095") ? "" : (stryCov_9fa48("3095"), "164.312(e)(1)"), stryMutAct_9fa48("3096") ? [] : (stryCov_9fa48("3096"), [stryMutAct_9fa48("3097") ? "" : (stryCov_9fa48("3097"), "tls"), stryMutAct_9fa48("3098") ? "" : (stryCov_9fa48("3098"), "rds")])),
  validateResource: validateResourceOfTypes(stryMutAct_9fa48("3099") ? [] : (stryCov_9fa48("3099"), [aws.rds.Cluster, aws.rds.Instance]), stryMutAct_9fa48("3100") ? "" : (stryCov_9fa48("3100"), "RDS clusters and instances"), (args, report) => {
    if (stryMutAct_9fa48("3101")) {
      {}
    } else {
      stryCov_9fa48("3101");
      const cluster = args.asType(aws.rds.Cluster);
      const instance = args.asType(aws.rds.Instance);
      const p = plain((cluster ?? instance)!) as {
        engine?: unknown;
        dbClusterParameterGroupName?: unknown;
        parameterGroupName?: unknown;
      };
      const engine = knownString(p.engine);
      // Stryker disable next-line ConditionalExpression: RegExp.test(undefined) tests "undefined", which names no engine
      if (stryMutAct_9fa48("3104") ? engine === undefined && !MYSQL_OR_POSTGRES.test(engine) : (stryCov_9fa48("3104"), (stryMutAct_9fa48("3106") ? engine !== undefined : (stryCov_9fa48("3106"), engine === undefined)) || (stryMutAct_9fa48("3107") ? MYSQL_OR_POSTGRES.test(engine) : (stryCov_9fa48("3107"), !MYSQL_OR_POSTGRES.test(engine))))) {
        if (stryMutAct_9fa48("3108")) {
          {}
        } else {
          stryCov_9fa48("3108");
          return; // unknown engine, or an engine without a TLS parameter
        }
      }
      const key = cluster ? stryMutAct_9fa48("3109") ? "" : (stryCov_9fa48("3109"), "dbClusterParameterGroupName") : stryMutAct_9fa48("3110") ? "" : (stryCov_9fa48("3110"), "parameterGroupName");
      // An unknown group (the sentinel string) is not a default group name.
      const group = p[key];
      if (stryMutAct_9fa48("3113") ? (group === undefined || group === null) && group === "" : stryMutAct_9fa48("3112") ? false : stryMutAct_9fa48("3111") ? true : (stryCov_9fa48("3111", "3112", "3113"), (stryMutAct_9fa48("3115") ? group === undefined && group === null : stryMutAct_9fa48("3114") ? false : (stryCov_9fa48("3114", "3115"), (stryMutAct_9fa48("3117") ? group !== undefined : stryMutAct_9fa48("3116") ? false : (stryCov_9fa48("3116", "3117"), group === undefined)) || (stryMutAct_9fa48("3119") ? group !== null : stryMutAct_9fa48("3118") ? false : (stryCov_9fa48("3118", "3119"), group === null)))) || (stryMutAct_9fa48("3121") ? group !== "" : stryMutAct_9fa48("3120") ? false : (stryCov_9fa48("3120", "3121"), group === (stryMutAct_9fa48("3122") ? "Stryker was here!" : (stryCov_9fa48("3122"), "")))))) {
        if (stryMutAct_9fa48("3123")) {
          {}
        } else {
          stryCov_9fa48("3123");
          report(stryMutAct_9fa48("3125") ? `` : (stryCov_9fa48("3125"), `${key} is not set: the engine's default parameter group accepts unencrypted connections.`));
          return;
        }
      }
      // Stryker disable next-line ConditionalExpression: defensive; the provider's schema gives a string
      if (stryMutAct_9fa48("3128") ? typeof group === "string" || group.startsWith("default.") : (stryCov_9fa48("3128"), (stryMutAct_9fa48("3130") ? typeof group !== "string" : (stryCov_9fa48("3130"), typeof group === (stryMutAct_9fa48("3131") ? "" : (stryCov_9fa48("3131"), "string")))) && (stryMutAct_9fa48("3132") ? group.endsWith("default.") : (stryCov_9fa48("3132"), group.startsWith(stryMutAct_9fa48("3133") ? "" : (stryCov_9fa48("3133"), "default.")))))) {
        if (stryMutAct_9fa48("3134")) {
          {}
        } else {
          stryCov_9fa48("3134");
          report(stryMutAct_9fa48("3136") ? `` : (stryCov_9fa48("3136"), `${key} = "${group}" is an AWS default parameter group, which accepts unencrypted connections and cannot be changed.`));
        }
      }
    }
  })
});
export const elasticacheTransitEncryption: ResourceValidationPolicy = stryMutAct_9fa48("3137") ? {} : (stryCov_9fa48("3137"), {
  name: stryMutAct_9fa48("3138") ? "" : (stryCov_9fa48("3138"), "elasticache-transit-encryption-required"),
  description: (stryMutAct_9fa48("3139") ? "" : (stryCov_9fa48("3139"), "ElastiCache replication groups encrypt client and replication traffic and refuse plaintext clients: ")) + (stryMutAct_9fa48("3140") ? "" : (stryCov_9fa48("3140"), 'transitEncryptionEnabled = true and transitEncryptionMode = "required" ("preferred" still accepts plaintext).')),
  enforcementLevel: stryMutAct_9fa48("3141") ? "" : (stryCov_9fa48("3141"), "mandatory"),
  severity: stryMutAct_9fa48("3142") ? "" : (stryCov_9fa48("3142"), "high"),
  remediationSteps: (stryMutAct_9fa48("3143") ? "" : (stryCov_9fa48("3143"), 'Set transitEncryptionEnabled: true and transitEncryptionMode: "required" on the aws.elasticache.ReplicationGroup ')) + (stryMutAct_9fa48("3144") ? "" : (stryCov_9fa48("3144"), '(an existing group migrates through "preferred" first), and connect clients with TLS (rediss://).')),
  ...compliance(stryMutAct_9fa48("3145") ? "" : (stryCov_9fa48("3145"), "164.312(e)(1)"), stryMutAct_9fa48("3146") ? [] : (stryCov_9fa48("3146"), [stryMutAct_9fa48("3147") ? "" : (stryCov_9fa48("3147"), "tls"), stryMutAct_9fa48("3148") ? "" : (stryCov_9fa48("3148"), "elasticache")])),
  validateResource: validateResourceOfType(aws.elasticache.ReplicationGroup, (rg, args, report) => {
    if (stryMutAct_9fa48("3149")) {
      {}
    } else {
      stryCov_9fa48("3149");
      const p = plain(rg);
      if (stryMutAct_9fa48("3152") ? test(p.transitEncryptionEnabled, v => v === true) !== false : stryMutAct_9fa48("3151") ? false : stryMutAct_9fa48("3150") ? true : (stryCov_9fa48("3150", "3151", "3152"), test(p.transitEncryptionEnabled, stryMutAct_9fa48("3153") ? () => undefined : (stryCov_9fa48("3153"), v => stryMutAct_9fa48("3156") ? v !== true : stryMutAct_9fa48("3155") ? false : stryMutAct_9fa48("3154") ? true : (stryCov_9fa48("3154", "3155", "3156"), v === (stryMutAct_9fa48("3157") ? false : (stryCov_9fa48("3157"), true))))) === (stryMutAct_9fa48("3158") ? true : (stryCov_9fa48("3158"), false)))) {
        if (stryMutAct_9fa48("3159")) {
          {}
        } else {
          stryCov_9fa48("3159");
          report(stryMutAct_9fa48("3161") ? "" : (stryCov_9fa48("3161"), "transitEncryptionEnabled is not true: cache traffic (sessions, cached patient pages) would travel in plaintext."));
        }
      }
      if (stryMutAct_9fa48("3164") ? test(p.transitEncryptionMode, v => v === "required") !== false : stryMutAct_9fa48("3163") ? false : stryMutAct_9fa48("3162") ? true : (stryCov_9fa48("3162", "3163", "3164"), test(p.transitEncryptionMode, stryMutAct_9fa48("3165") ? () => undefined : (stryCov_9fa48("3165"), v => stryMutAct_9fa48("3168") ? v !== "required" : stryMutAct_9fa48("3167") ? false : stryMutAct_9fa48("3166") ? true : (stryCov_9fa48("3166", "3167", "3168"), v === (stryMutAct_9fa48("3169") ? "" : (stryCov_9fa48("3169"), "required"))))) === (stryMutAct_9fa48("3170") ? true : (stryCov_9fa48("3170"), false)))) {
        if (stryMutAct_9fa48("3171")) {
          {}
        } else {
          stryCov_9fa48("3171");
          report(stryMutAct_9fa48("3173") ? `` : (stryCov_9fa48("3173"), `transitEncryptionMode is ${(stryMutAct_9fa48("3176") ? p.transitEncryptionMode !== undefined : stryMutAct_9fa48("3175") ? false : stryMutAct_9fa48("3174") ? true : (stryCov_9fa48("3174", "3175", "3176"), p.transitEncryptionMode === undefined)) ? stryMutAct_9fa48("3177") ? "" : (stryCov_9fa48("3177"), "not set") : stryMutAct_9fa48("3178") ? `` : (stryCov_9fa48("3178"), `"${p.transitEncryptionMode}"`)}; it must be "required".`));
        }
      }
    }
  })
});

/** Whether an IAM policy statement denies every S3 action to everyone when the request is not over TLS. */
export function deniesInsecureTransport(statement: unknown): Tri {
  if (stryMutAct_9fa48("3179")) {
    {}
  } else {
    stryCov_9fa48("3179");
    if (stryMutAct_9fa48("3182") ? typeof statement !== "object" && statement === null : stryMutAct_9fa48("3181") ? false : stryMutAct_9fa48("3180") ? true : (stryCov_9fa48("3180", "3181", "3182"), (stryMutAct_9fa48("3184") ? typeof statement === "object" : stryMutAct_9fa48("3183") ? false : (stryCov_9fa48("3183", "3184"), typeof statement !== (stryMutAct_9fa48("3185") ? "" : (stryCov_9fa48("3185"), "object")))) || (stryMutAct_9fa48("3187") ? statement !== null : stryMutAct_9fa48("3186") ? false : (stryCov_9fa48("3186", "3187"), statement === null)))) {
      if (stryMutAct_9fa48("3188")) {
        {}
      } else {
        stryCov_9fa48("3188");
        return isUnknown(statement) ? undefined : stryMutAct_9fa48("3189") ? true : (stryCov_9fa48("3189"), false);
      }
    }
    const s = statement as Record<string, unknown>;
    const effect = test(s.Effect, stryMutAct_9fa48("3190") ? () => undefined : (stryCov_9fa48("3190"), v => stryMutAct_9fa48("3193") ? v !== "Deny" : stryMutAct_9fa48("3192") ? false : stryMutAct_9fa48("3191") ? true : (stryCov_9fa48("3191", "3192", "3193"), v === (stryMutAct_9fa48("3194") ? "" : (stryCov_9fa48("3194"), "Deny")))));
    const principal = test(s.Principal, stryMutAct_9fa48("3195") ? () => undefined : (stryCov_9fa48("3195"), v => stryMutAct_9fa48("3198") ? v === "*" && asArray((v as Record<string, unknown> | null)?.AWS).includes("*") : stryMutAct_9fa48("3197") ? false : stryMutAct_9fa48("3196") ? true : (stryCov_9fa48("3196", "3197", "3198"), (stryMutAct_9fa48("3200") ? v !== "*" : stryMutAct_9fa48("3199") ? false : (stryCov_9fa48("3199", "3200"), v === (stryMutAct_9fa48("3201") ? "" : (stryCov_9fa48("3201"), "*")))) || asArray(stryMutAct_9fa48("3202") ? (v as Record<string, unknown> | null).AWS : (stryCov_9fa48("3202"), (v as Record<string, unknown> | null)?.AWS)).includes(stryMutAct_9fa48("3203") ? "" : (stryCov_9fa48("3203"), "*")))));
    const action = test(s.Action, stryMutAct_9fa48("3204") ? () => undefined : (stryCov_9fa48("3204"), v => stryMutAct_9fa48("3205") ? asArray(v).every(a => a === "s3:*" || a === "*") : (stryCov_9fa48("3205"), asArray(v).some(stryMutAct_9fa48("3206") ? () => undefined : (stryCov_9fa48("3206"), a => stryMutAct_9fa48("3209") ? a === "s3:*" && a === "*" : stryMutAct_9fa48("3208") ? false : stryMutAct_9fa48("3207") ? true : (stryCov_9fa48("3207", "3208", "3209"), (stryMutAct_9fa48("3211") ? a !== "s3:*" : stryMutAct_9fa48("3210") ? false : (stryCov_9fa48("3210", "3211"), a === (stryMutAct_9fa48("3212") ? "" : (stryCov_9fa48("3212"), "s3:*")))) || (stryMutAct_9fa48("3214") ? a !== "*" : stryMutAct_9fa48("3213") ? false : (stryCov_9fa48("3213", "3214"), a === (stryMutAct_9fa48("3215") ? "" : (stryCov_9fa48("3215"), "*"))))))))));
    const condition = test(s.Condition, v => {
      if (stryMutAct_9fa48("3216")) {
        {}
      } else {
        stryCov_9fa48("3216");
        if (stryMutAct_9fa48("3219") ? typeof v !== "object" && v === null : stryMutAct_9fa48("3218") ? false : stryMutAct_9fa48("3217") ? true : (stryCov_9fa48("3217", "3218", "3219"), (stryMutAct_9fa48("3221") ? typeof v === "object" : stryMutAct_9fa48("3220") ? false : (stryCov_9fa48("3220", "3221"), typeof v !== (stryMutAct_9fa48("3222") ? "" : (stryCov_9fa48("3222"), "object")))) || (stryMutAct_9fa48("3224") ? v !== null : stryMutAct_9fa48("3223") ? false : (stryCov_9fa48("3223", "3224"), v === null)))) {
          if (stryMutAct_9fa48("3225")) {
            {}
          } else {
            stryCov_9fa48("3225");
            return stryMutAct_9fa48("3226") ? true : (stryCov_9fa48("3226"), false);
          }
        }
        const c = v as Record<string, Record<string, unknown> | undefined>;
        return stryMutAct_9fa48("3227") ? ["Bool", "BoolIfExists"].every(op => asArray(c[op]?.["aws:SecureTransport"]).some(x => String(x).toLowerCase() === "false")) : (stryCov_9fa48("3227"), (stryMutAct_9fa48("3228") ? [] : (stryCov_9fa48("3228"), [stryMutAct_9fa48("3229") ? "" : (stryCov_9fa48("3229"), "Bool"), stryMutAct_9fa48("3230") ? "" : (stryCov_9fa48("3230"), "BoolIfExists")])).some(stryMutAct_9fa48("3231") ? () => undefined : (stryCov_9fa48("3231"), op => stryMutAct_9fa48("3232") ? asArray(c[op]?.["aws:SecureTransport"]).every(x => String(x).toLowerCase() === "false") : (stryCov_9fa48("3232"), asArray(stryMutAct_9fa48("3233") ? c[op]["aws:SecureTransport"] : (stryCov_9fa48("3233"), c[op]?.[stryMutAct_9fa48("3234") ? "" : (stryCov_9fa48("3234"), "aws:SecureTransport")])).some(stryMutAct_9fa48("3235") ? () => undefined : (stryCov_9fa48("3235"), x => stryMutAct_9fa48("3238") ? String(x).toLowerCase() !== "false" : stryMutAct_9fa48("3237") ? false : stryMutAct_9fa48("3236") ? true : (stryCov_9fa48("3236", "3237", "3238"), (stryMutAct_9fa48("3239") ? String(x).toUpperCase() : (stryCov_9fa48("3239"), String(x).toLowerCase())) === (stryMutAct_9fa48("3240") ? "" : (stryCov_9fa48("3240"), "false")))))))));
      }
    });
    if (stryMutAct_9fa48("3242") ? false : stryMutAct_9fa48("3241") ? true : (stryCov_9fa48("3241", "3242"), (stryMutAct_9fa48("3243") ? [] : (stryCov_9fa48("3243"), [effect, principal, action, condition])).includes(stryMutAct_9fa48("3244") ? true : (stryCov_9fa48("3244"), false)))) {
      if (stryMutAct_9fa48("3245")) {
        {}
      } else {
        stryCov_9fa48("3245");
        return stryMutAct_9fa48("3246") ? true : (stryCov_9fa48("3246"), false);
      }
    }
    return (stryMutAct_9fa48("3247") ? [] : (stryCov_9fa48("3247"), [effect, principal, action, condition])).includes(undefined) ? undefined : stryMutAct_9fa48("3248") ? false : (stryCov_9fa48("3248"), true);
  }
}

/** Whether a bucket policy document (string or object) has a statement denying insecure transport. */
export function policyDeniesInsecureTransport(policy: unknown): Tri {
  if (stryMutAct_9fa48("3249")) {
    {}
  } else {
    stryCov_9fa48("3249");
    if (stryMutAct_9fa48("3251") ? false : stryMutAct_9fa48("3250") ? true : (stryCov_9fa48("3250", "3251"), isUnknown(policy))) {
      if (stryMutAct_9fa48("3252")) {
        {}
      } else {
        stryCov_9fa48("3252");
        return undefined;
      }
    }
    const doc = parseJsonDocument(policy);
    if (stryMutAct_9fa48("3255") ? false : stryMutAct_9fa48("3254") ? true : stryMutAct_9fa48("3253") ? doc : (stryCov_9fa48("3253", "3254", "3255"), !doc)) {
      if (stryMutAct_9fa48("3256")) {
        {}
      } else {
        stryCov_9fa48("3256");
        return stryMutAct_9fa48("3257") ? true : (stryCov_9fa48("3257"), false);
      }
    }
    // An unknown Statement (the sentinel) is one unknown statement.
    return any(asArray(doc.Statement).map(deniesInsecureTransport));
  }
}
export const s3DenyInsecureTransport: StackValidationPolicy = stryMutAct_9fa48("3258") ? {} : (stryCov_9fa48("3258"), {
  name: stryMutAct_9fa48("3259") ? "" : (stryCov_9fa48("3259"), "s3-deny-insecure-transport"),
  description: (stryMutAct_9fa48("3260") ? "" : (stryCov_9fa48("3260"), "Every S3 bucket has a bucket policy with a statement that denies s3:* to every principal when aws:SecureTransport is false, ")) + (stryMutAct_9fa48("3261") ? "" : (stryCov_9fa48("3261"), "so no client can read or write objects (medical images, exports) over plain HTTP.")),
  enforcementLevel: stryMutAct_9fa48("3262") ? "" : (stryCov_9fa48("3262"), "mandatory"),
  severity: stryMutAct_9fa48("3263") ? "" : (stryCov_9fa48("3263"), "high"),
  remediationSteps: (stryMutAct_9fa48("3264") ? "" : (stryCov_9fa48("3264"), 'Add an aws.s3.BucketPolicy for the bucket with the statement { Effect: "Deny", Principal: "*", Action: "s3:*", ')) + (stryMutAct_9fa48("3265") ? "" : (stryCov_9fa48("3265"), 'Resource: [bucketArn, `${bucketArn}/*`], Condition: { Bool: { "aws:SecureTransport": "false" } } } ')) + (stryMutAct_9fa48("3266") ? "" : (stryCov_9fa48("3266"), "(build it with pulumi.jsonStringify).")),
  ...compliance(stryMutAct_9fa48("3267") ? "" : (stryCov_9fa48("3267"), "164.312(e)(1)"), stryMutAct_9fa48("3268") ? [] : (stryCov_9fa48("3268"), [stryMutAct_9fa48("3269") ? "" : (stryCov_9fa48("3269"), "tls"), stryMutAct_9fa48("3270") ? "" : (stryCov_9fa48("3270"), "s3")])),
  validateStack: (args, report) => {
    if (stryMutAct_9fa48("3271")) {
      {}
    } else {
      stryCov_9fa48("3271");
      const buckets = stryMutAct_9fa48("3272") ? args.resources : (stryCov_9fa48("3272"), args.resources.filter(stryMutAct_9fa48("3273") ? () => undefined : (stryCov_9fa48("3273"), r => isAnyOf(r, BUCKETS))));
      if (stryMutAct_9fa48("3276") ? buckets.length !== 0 : stryMutAct_9fa48("3275") ? false : stryMutAct_9fa48("3274") ? true : (stryCov_9fa48("3274", "3275", "3276"), buckets.length === 0)) {
        if (stryMutAct_9fa48("3277")) {
          {}
        } else {
          stryCov_9fa48("3277");
          args.notApplicable(stryMutAct_9fa48("3279") ? "" : (stryCov_9fa48("3279"), "no S3 buckets in the stack"));
        }
      }
      const policies = stryMutAct_9fa48("3280") ? args.resources : (stryCov_9fa48("3280"), args.resources.filter(stryMutAct_9fa48("3281") ? () => undefined : (stryCov_9fa48("3281"), r => r.isType(aws.s3.BucketPolicy))));
      for (const bucket of buckets) {
        if (stryMutAct_9fa48("3282")) {
          {}
        } else {
          stryCov_9fa48("3282");
          const identities = bucketIdentities(bucket);
          const verdicts: Tri[] = stryMutAct_9fa48("3283") ? ["Stryker was here"] : (stryCov_9fa48("3283"), []);
          const inline = propsOf(bucket).policy;
          if (stryMutAct_9fa48("3286") ? inline !== undefined || inline !== null : stryMutAct_9fa48("3285") ? false : stryMutAct_9fa48("3284") ? true : (stryCov_9fa48("3284", "3285", "3286"), (stryMutAct_9fa48("3288") ? inline === undefined : stryMutAct_9fa48("3287") ? true : (stryCov_9fa48("3287", "3288"), inline !== undefined)) && (stryMutAct_9fa48("3290") ? inline === null : stryMutAct_9fa48("3289") ? true : (stryCov_9fa48("3289", "3290"), inline !== null)))) {
            if (stryMutAct_9fa48("3291")) {
              {}
            } else {
              stryCov_9fa48("3291");
              if (stryMutAct_9fa48("3292")) {
                ;
              } else {
                stryCov_9fa48("3292");
                verdicts.push(policyDeniesInsecureTransport(inline));
              }
            }
          }
          for (const bp of policies) {
            if (stryMutAct_9fa48("3293")) {
              {}
            } else {
              stryCov_9fa48("3293");
              const linked = refersTo(bp, stryMutAct_9fa48("3294") ? "" : (stryCov_9fa48("3294"), "bucket"), bucket, identities);
              if (stryMutAct_9fa48("3297") ? linked !== false : stryMutAct_9fa48("3296") ? false : stryMutAct_9fa48("3295") ? true : (stryCov_9fa48("3295", "3296", "3297"), linked === (stryMutAct_9fa48("3298") ? true : (stryCov_9fa48("3298"), false)))) {
                if (stryMutAct_9fa48("3299")) {
                  {}
                } else {
                  stryCov_9fa48("3299");
                  continue;
                }
              }
              const verdict = policyDeniesInsecureTransport(propsOf(bp).policy);
              if (stryMutAct_9fa48("3302") ? linked !== true : stryMutAct_9fa48("3301") ? false : stryMutAct_9fa48("3300") ? true : (stryCov_9fa48("3300", "3301", "3302"), linked === (stryMutAct_9fa48("3303") ? false : (stryCov_9fa48("3303"), true)))) {
                if (stryMutAct_9fa48("3304")) {
                  {}
                } else {
                  stryCov_9fa48("3304");
                  if (stryMutAct_9fa48("3305")) {
                    ;
                  } else {
                    stryCov_9fa48("3305");
                    verdicts.push(verdict);
                  }
                }
              } else if (stryMutAct_9fa48("3308") ? verdict === false : stryMutAct_9fa48("3307") ? false : stryMutAct_9fa48("3306") ? true : (stryCov_9fa48("3306", "3307", "3308"), verdict !== (stryMutAct_9fa48("3309") ? true : (stryCov_9fa48("3309"), false)))) {
                if (stryMutAct_9fa48("3310")) {
                  {}
                } else {
                  stryCov_9fa48("3310");
                  // May be this bucket's policy (its target is not known yet) and may comply: cannot tell.
                  if (stryMutAct_9fa48("3311")) {
                    ;
                  } else {
                    stryCov_9fa48("3311");
                    verdicts.push(undefined);
                  }
                }
              }
            }
          }
          const ok = any(verdicts);
          if (stryMutAct_9fa48("3314") ? ok !== false : stryMutAct_9fa48("3313") ? false : stryMutAct_9fa48("3312") ? true : (stryCov_9fa48("3312", "3313", "3314"), ok === (stryMutAct_9fa48("3315") ? true : (stryCov_9fa48("3315"), false)))) {
            if (stryMutAct_9fa48("3316")) {
              {}
            } else {
              stryCov_9fa48("3316");
              const why = (stryMutAct_9fa48("3319") ? verdicts.length !== 0 : stryMutAct_9fa48("3318") ? false : stryMutAct_9fa48("3317") ? true : (stryCov_9fa48("3317", "3318", "3319"), verdicts.length === 0)) ? stryMutAct_9fa48("3320") ? "" : (stryCov_9fa48("3320"), "has no bucket policy") : stryMutAct_9fa48("3321") ? "" : (stryCov_9fa48("3321"), "has a bucket policy without a Deny on aws:SecureTransport = false");
              report(stryMutAct_9fa48("3323") ? `` : (stryCov_9fa48("3323"), `bucket ${bucket.name} ${why}: requests over plain HTTP would be served.`), bucket.urn);
            }
          }
        }
      }
    }
  }
});

/** ELB security policies that accept nothing older than TLS 1.2. */
const TLS12_POLICY = stryMutAct_9fa48("3325") ? /^ELBSecurityPolicy-(TLS13-1-[^23]|TLS-1-2|FS-1-2)/ : stryMutAct_9fa48("3324") ? /ELBSecurityPolicy-(TLS13-1-[23]|TLS-1-2|FS-1-2)/ : (stryCov_9fa48("3324", "3325"), /^ELBSecurityPolicy-(TLS13-1-[23]|TLS-1-2|FS-1-2)/);
export const lbListenerTransport: ResourceValidationPolicy = stryMutAct_9fa48("3326") ? {} : (stryCov_9fa48("3326"), {
  name: stryMutAct_9fa48("3327") ? "" : (stryCov_9fa48("3327"), "lb-listener-transport-security"),
  description: (stryMutAct_9fa48("3328") ? "" : (stryCov_9fa48("3328"), "Load balancer listeners never forward plain HTTP: an HTTP listener's actions may only redirect to HTTPS, a TCP/UDP ")) + (stryMutAct_9fa48("3329") ? "" : (stryCov_9fa48("3329"), "listener on port 80 may not forward, and HTTPS/TLS listeners name a TLS 1.2+ security policy (the AWS default ")) + (stryMutAct_9fa48("3330") ? "" : (stryCov_9fa48("3330"), "ELBSecurityPolicy-2016-08 still accepts TLS 1.0).")),
  enforcementLevel: stryMutAct_9fa48("3331") ? "" : (stryCov_9fa48("3331"), "mandatory"),
  severity: stryMutAct_9fa48("3332") ? "" : (stryCov_9fa48("3332"), "high"),
  remediationSteps: (stryMutAct_9fa48("3333") ? "" : (stryCov_9fa48("3333"), 'Give HTTP listeners a single default action { type: "redirect", redirect: { protocol: "HTTPS", port: "443", ')) + (stryMutAct_9fa48("3334") ? "" : (stryCov_9fa48("3334"), 'statusCode: "HTTP_301" } }; remove port-80 TCP forwarding; set sslPolicy to ELBSecurityPolicy-TLS13-1-2-2021-06 ')) + (stryMutAct_9fa48("3335") ? "" : (stryCov_9fa48("3335"), "(or another TLS 1.2+ policy) on HTTPS/TLS listeners.")),
  ...compliance(stryMutAct_9fa48("3336") ? "" : (stryCov_9fa48("3336"), "164.312(e)(1)"), stryMutAct_9fa48("3337") ? [] : (stryCov_9fa48("3337"), [stryMutAct_9fa48("3338") ? "" : (stryCov_9fa48("3338"), "tls"), stryMutAct_9fa48("3339") ? "" : (stryCov_9fa48("3339"), "elb")])),
  validateResource: validateResourceOfTypes(LISTENERS, stryMutAct_9fa48("3340") ? "" : (stryCov_9fa48("3340"), "load balancer listeners"), (args, report) => {
    if (stryMutAct_9fa48("3341")) {
      {}
    } else {
      stryCov_9fa48("3341");
      // An unknown protocol (the sentinel) is none of the protocols below: nothing to check.
      const p = plain((stryMutAct_9fa48("3342") ? args.asType(aws.lb.Listener) && args.asType(aws.alb.Listener) : (stryCov_9fa48("3342"), args.asType(aws.lb.Listener) ?? args.asType(aws.alb.Listener)))!);
      const protocol = stryMutAct_9fa48("3343") ? String(p.protocol ?? "HTTP").toLowerCase() : (stryCov_9fa48("3343"), String(stryMutAct_9fa48("3344") ? p.protocol && "HTTP" : (stryCov_9fa48("3344"), p.protocol ?? (stryMutAct_9fa48("3345") ? "" : (stryCov_9fa48("3345"), "HTTP")))).toUpperCase()); // ALB listeners default to HTTP
      const actions = isUnknown(p.defaultActions) ? undefined : asArray(p.defaultActions);
      if (stryMutAct_9fa48("3348") ? protocol !== "HTTP" : stryMutAct_9fa48("3347") ? false : stryMutAct_9fa48("3346") ? true : (stryCov_9fa48("3346", "3347", "3348"), protocol === (stryMutAct_9fa48("3349") ? "" : (stryCov_9fa48("3349"), "HTTP")))) {
        if (stryMutAct_9fa48("3350")) {
          {}
        } else {
          stryCov_9fa48("3350");
          stryMutAct_9fa48("3351") ? actions.forEach((a, i) => {
            const verdict = redirectsToHttps(a);
            if (verdict === false) {
              report(`defaultActions[${i}] (${describeAction(a)}) on an HTTP listener: HTTP listeners may only redirect to HTTPS.`);
            }
          }) : (stryCov_9fa48("3351"), actions?.forEach((a, i) => {
            if (stryMutAct_9fa48("3352")) {
              {}
            } else {
              stryCov_9fa48("3352");
              const verdict = redirectsToHttps(a);
              if (stryMutAct_9fa48("3355") ? verdict !== false : stryMutAct_9fa48("3354") ? false : stryMutAct_9fa48("3353") ? true : (stryCov_9fa48("3353", "3354", "3355"), verdict === (stryMutAct_9fa48("3356") ? true : (stryCov_9fa48("3356"), false)))) {
                if (stryMutAct_9fa48("3357")) {
                  {}
                } else {
                  stryCov_9fa48("3357");
                  report(stryMutAct_9fa48("3359") ? `` : (stryCov_9fa48("3359"), `defaultActions[${i}] (${describeAction(a)}) on an HTTP listener: HTTP listeners may only redirect to HTTPS.`));
                }
              }
            }
          }));
        }
      } else if (stryMutAct_9fa48("3362") ? ["TCP", "UDP", "TCP_UDP"].includes(protocol) || test(p.port, v => v === 80) === true : stryMutAct_9fa48("3361") ? false : stryMutAct_9fa48("3360") ? true : (stryCov_9fa48("3360", "3361", "3362"), (stryMutAct_9fa48("3363") ? [] : (stryCov_9fa48("3363"), [stryMutAct_9fa48("3364") ? "" : (stryCov_9fa48("3364"), "TCP"), stryMutAct_9fa48("3365") ? "" : (stryCov_9fa48("3365"), "UDP"), stryMutAct_9fa48("3366") ? "" : (stryCov_9fa48("3366"), "TCP_UDP")])).includes(protocol) && (stryMutAct_9fa48("3368") ? test(p.port, v => v === 80) !== true : stryMutAct_9fa48("3367") ? true : (stryCov_9fa48("3367", "3368"), test(p.port, stryMutAct_9fa48("3369") ? () => undefined : (stryCov_9fa48("3369"), v => stryMutAct_9fa48("3372") ? v !== 80 : stryMutAct_9fa48("3371") ? false : stryMutAct_9fa48("3370") ? true : (stryCov_9fa48("3370", "3371", "3372"), v === 80))) === (stryMutAct_9fa48("3373") ? false : (stryCov_9fa48("3373"), true)))))) {
        if (stryMutAct_9fa48("3374")) {
          {}
        } else {
          stryCov_9fa48("3374");
          stryMutAct_9fa48("3375") ? actions.forEach((a, i) => {
            if (!isUnknown(a) && (a as {
              type?: unknown;
            } | null)?.type === "forward") {
              report(`defaultActions[${i}] forwards ${protocol} port 80 (plain HTTP) to targets; terminate TLS on 443 instead.`);
            }
          }) : (stryCov_9fa48("3375"), actions?.forEach((a, i) => {
            if (stryMutAct_9fa48("3376")) {
              {}
            } else {
              stryCov_9fa48("3376");
              if (stryMutAct_9fa48("3379") ? !isUnknown(a) || (a as {
                type?: unknown;
              } | null)?.type === "forward" : stryMutAct_9fa48("3378") ? false : stryMutAct_9fa48("3377") ? true : (stryCov_9fa48("3377", "3378", "3379"), (stryMutAct_9fa48("3380") ? isUnknown(a) : (stryCov_9fa48("3380"), !isUnknown(a))) && (stryMutAct_9fa48("3382") ? (a as {
                type?: unknown;
              } | null)?.type !== "forward" : stryMutAct_9fa48("3381") ? true : (stryCov_9fa48("3381", "3382"), (stryMutAct_9fa48("3383") ? (a as {
                type?: unknown;
              } | null).type : (stryCov_9fa48("3383"), (a as {
                type?: unknown;
              } | null)?.type)) === (stryMutAct_9fa48("3384") ? "" : (stryCov_9fa48("3384"), "forward")))))) {
                if (stryMutAct_9fa48("3385")) {
                  {}
                } else {
                  stryCov_9fa48("3385");
                  report(stryMutAct_9fa48("3387") ? `` : (stryCov_9fa48("3387"), `defaultActions[${i}] forwards ${protocol} port 80 (plain HTTP) to targets; terminate TLS on 443 instead.`));
                }
              }
            }
          }));
        }
      } else if (stryMutAct_9fa48("3390") ? protocol === "HTTPS" && protocol === "TLS" : stryMutAct_9fa48("3389") ? false : stryMutAct_9fa48("3388") ? true : (stryCov_9fa48("3388", "3389", "3390"), (stryMutAct_9fa48("3392") ? protocol !== "HTTPS" : stryMutAct_9fa48("3391") ? false : (stryCov_9fa48("3391", "3392"), protocol === (stryMutAct_9fa48("3393") ? "" : (stryCov_9fa48("3393"), "HTTPS")))) || (stryMutAct_9fa48("3395") ? protocol !== "TLS" : stryMutAct_9fa48("3394") ? false : (stryCov_9fa48("3394", "3395"), protocol === (stryMutAct_9fa48("3396") ? "" : (stryCov_9fa48("3396"), "TLS")))))) {
        if (stryMutAct_9fa48("3397")) {
          {}
        } else {
          stryCov_9fa48("3397");
          const policy = p.sslPolicy;
          if (stryMutAct_9fa48("3400") ? test(policy, v => TLS12_POLICY.test(String(v))) !== false : stryMutAct_9fa48("3399") ? false : stryMutAct_9fa48("3398") ? true : (stryCov_9fa48("3398", "3399", "3400"), test(policy, stryMutAct_9fa48("3401") ? () => undefined : (stryCov_9fa48("3401"), v => TLS12_POLICY.test(String(v)))) === (stryMutAct_9fa48("3402") ? true : (stryCov_9fa48("3402"), false)))) {
            if (stryMutAct_9fa48("3403")) {
              {}
            } else {
              stryCov_9fa48("3403");
              report((stryMutAct_9fa48("3407") ? policy !== undefined : stryMutAct_9fa48("3406") ? false : stryMutAct_9fa48("3405") ? true : (stryCov_9fa48("3405", "3406", "3407"), policy === undefined)) ? stryMutAct_9fa48("3408") ? "" : (stryCov_9fa48("3408"), "sslPolicy is not set: the AWS default ELBSecurityPolicy-2016-08 accepts TLS 1.0 and 1.1.") : stryMutAct_9fa48("3409") ? `` : (stryCov_9fa48("3409"), `sslPolicy "${policy}" accepts protocol versions older than TLS 1.2.`));
            }
          }
        }
      }
    }
  })
});

/** Whether a listener action redirects to HTTPS; only its type and redirect protocol matter (a target ARN may be unknown). */
function redirectsToHttps(action: unknown): Tri {
  if (stryMutAct_9fa48("3410")) {
    {}
  } else {
    stryCov_9fa48("3410");
    if (stryMutAct_9fa48("3413") ? false : stryMutAct_9fa48("3412") ? true : stryMutAct_9fa48("3411") ? isObject(action) : (stryCov_9fa48("3411", "3412", "3413"), !isObject(action))) {
      if (stryMutAct_9fa48("3414")) {
        {}
      } else {
        stryCov_9fa48("3414");
        return isUnknown(action) ? undefined : stryMutAct_9fa48("3415") ? true : (stryCov_9fa48("3415"), false);
      }
    }
    const a = action as {
      type?: unknown;
      redirect?: {
        protocol?: unknown;
      };
    };
    if (stryMutAct_9fa48("3417") ? false : stryMutAct_9fa48("3416") ? true : (stryCov_9fa48("3416", "3417"), isUnknown(a.type))) {
      if (stryMutAct_9fa48("3418")) {
        {}
      } else {
        stryCov_9fa48("3418");
        return undefined;
      }
    }
    if (stryMutAct_9fa48("3421") ? a.type === "redirect" : stryMutAct_9fa48("3420") ? false : stryMutAct_9fa48("3419") ? true : (stryCov_9fa48("3419", "3420", "3421"), a.type !== (stryMutAct_9fa48("3422") ? "" : (stryCov_9fa48("3422"), "redirect")))) {
      if (stryMutAct_9fa48("3423")) {
        {}
      } else {
        stryCov_9fa48("3423");
        return stryMutAct_9fa48("3424") ? true : (stryCov_9fa48("3424"), false);
      }
    }
    if (stryMutAct_9fa48("3427") ? isUnknown(a.redirect) && isUnknown(a.redirect?.protocol) : stryMutAct_9fa48("3426") ? false : stryMutAct_9fa48("3425") ? true : (stryCov_9fa48("3425", "3426", "3427"), isUnknown(a.redirect) || isUnknown(stryMutAct_9fa48("3428") ? a.redirect.protocol : (stryCov_9fa48("3428"), a.redirect?.protocol)))) {
      if (stryMutAct_9fa48("3429")) {
        {}
      } else {
        stryCov_9fa48("3429");
        return undefined;
      }
    }
    return stryMutAct_9fa48("3432") ? String(a.redirect?.protocol).toUpperCase() !== "HTTPS" : stryMutAct_9fa48("3431") ? false : stryMutAct_9fa48("3430") ? true : (stryCov_9fa48("3430", "3431", "3432"), (stryMutAct_9fa48("3433") ? String(a.redirect?.protocol).toLowerCase() : (stryCov_9fa48("3433"), String(stryMutAct_9fa48("3434") ? a.redirect.protocol : (stryCov_9fa48("3434"), a.redirect?.protocol)).toUpperCase())) === (stryMutAct_9fa48("3435") ? "" : (stryCov_9fa48("3435"), "HTTPS")));
  }
}
function describeAction(action: unknown): string {
  if (stryMutAct_9fa48("3436")) {
    {}
  } else {
    stryCov_9fa48("3436");
    if (stryMutAct_9fa48("3439") ? false : stryMutAct_9fa48("3438") ? true : stryMutAct_9fa48("3437") ? isObject(action) : (stryCov_9fa48("3437", "3438", "3439"), !isObject(action))) {
      if (stryMutAct_9fa48("3440")) {
        {}
      } else {
        stryCov_9fa48("3440");
        return stryMutAct_9fa48("3441") ? "" : (stryCov_9fa48("3441"), "an action");
      }
    }
    const a = action as {
      type?: unknown;
      redirect?: {
        protocol?: unknown;
      };
    };
    return (stryMutAct_9fa48("3444") ? a.type !== "redirect" : stryMutAct_9fa48("3443") ? false : stryMutAct_9fa48("3442") ? true : (stryCov_9fa48("3442", "3443", "3444"), a.type === (stryMutAct_9fa48("3445") ? "" : (stryCov_9fa48("3445"), "redirect")))) ? stryMutAct_9fa48("3446") ? `` : (stryCov_9fa48("3446"), `redirect to ${String(stryMutAct_9fa48("3447") ? a.redirect?.protocol && "#{protocol}" : (stryCov_9fa48("3447"), (stryMutAct_9fa48("3448") ? a.redirect.protocol : (stryCov_9fa48("3448"), a.redirect?.protocol)) ?? (stryMutAct_9fa48("3449") ? "" : (stryCov_9fa48("3449"), "#{protocol}"))))}`) : stryMutAct_9fa48("3450") ? `` : (stryCov_9fa48("3450"), `type ${String(a.type)}`);
  }
}

/** OpenSearch TLS security policies with TLS 1.2 as the minimum. */
const OPENSEARCH_TLS12 = stryMutAct_9fa48("3452") ? /^Policy-Min-TLS-1-[^2-9]/ : stryMutAct_9fa48("3451") ? /Policy-Min-TLS-1-[2-9]/ : (stryCov_9fa48("3451", "3452"), /^Policy-Min-TLS-1-[2-9]/);
export const opensearchHttpsOnly: ResourceValidationPolicy = stryMutAct_9fa48("3453") ? {} : (stryCov_9fa48("3453"), {
  name: stryMutAct_9fa48("3454") ? "" : (stryCov_9fa48("3454"), "opensearch-https-tls12"),
  description: (stryMutAct_9fa48("3455") ? "" : (stryCov_9fa48("3455"), "OpenSearch domains (the log store) accept HTTPS only, with a TLS 1.2+ security policy, and encrypt traffic between nodes ")) + (stryMutAct_9fa48("3456") ? "" : (stryCov_9fa48("3456"), "(domainEndpointOptions.enforceHttps, tlsSecurityPolicy Policy-Min-TLS-1-2-*, nodeToNodeEncryption.enabled).")),
  enforcementLevel: stryMutAct_9fa48("3457") ? "" : (stryCov_9fa48("3457"), "mandatory"),
  severity: stryMutAct_9fa48("3458") ? "" : (stryCov_9fa48("3458"), "high"),
  remediationSteps: (stryMutAct_9fa48("3459") ? "" : (stryCov_9fa48("3459"), 'Set domainEndpointOptions: { enforceHttps: true, tlsSecurityPolicy: "Policy-Min-TLS-1-2-PFS-2023-10" } and ')) + (stryMutAct_9fa48("3460") ? "" : (stryCov_9fa48("3460"), "nodeToNodeEncryption: { enabled: true } on the aws.opensearch.Domain.")),
  ...compliance(stryMutAct_9fa48("3461") ? "" : (stryCov_9fa48("3461"), "164.312(e)(1)"), stryMutAct_9fa48("3462") ? [] : (stryCov_9fa48("3462"), [stryMutAct_9fa48("3463") ? "" : (stryCov_9fa48("3463"), "tls"), stryMutAct_9fa48("3464") ? "" : (stryCov_9fa48("3464"), "opensearch")])),
  validateResource: validateResourceOfType(aws.opensearch.Domain, (domain, args, report) => {
    if (stryMutAct_9fa48("3465")) {
      {}
    } else {
      stryCov_9fa48("3465");
      const p = plain(domain);
      const endpoint = p.domainEndpointOptions;
      if (stryMutAct_9fa48("3467") ? false : stryMutAct_9fa48("3466") ? true : (stryCov_9fa48("3466", "3467"), isUnknown(endpoint))) {
        if (stryMutAct_9fa48("3468")) {
          {}
        } else {
          stryCov_9fa48("3468");
          return;
        }
      }
      if (stryMutAct_9fa48("3471") ? test(endpoint?.enforceHttps, v => v === true) !== false : stryMutAct_9fa48("3470") ? false : stryMutAct_9fa48("3469") ? true : (stryCov_9fa48("3469", "3470", "3471"), test(stryMutAct_9fa48("3472") ? endpoint.enforceHttps : (stryCov_9fa48("3472"), endpoint?.enforceHttps), stryMutAct_9fa48("3473") ? () => undefined : (stryCov_9fa48("3473"), v => stryMutAct_9fa48("3476") ? v !== true : stryMutAct_9fa48("3475") ? false : stryMutAct_9fa48("3474") ? true : (stryCov_9fa48("3474", "3475", "3476"), v === (stryMutAct_9fa48("3477") ? false : (stryCov_9fa48("3477"), true))))) === (stryMutAct_9fa48("3478") ? true : (stryCov_9fa48("3478"), false)))) {
        if (stryMutAct_9fa48("3479")) {
          {}
        } else {
          stryCov_9fa48("3479");
          report(stryMutAct_9fa48("3481") ? "" : (stryCov_9fa48("3481"), "domainEndpointOptions.enforceHttps is not true: the domain would answer plain HTTP."));
        }
      }
      const policy = stryMutAct_9fa48("3482") ? endpoint.tlsSecurityPolicy : (stryCov_9fa48("3482"), endpoint?.tlsSecurityPolicy);
      if (stryMutAct_9fa48("3485") ? test(policy, v => OPENSEARCH_TLS12.test(String(v))) !== false : stryMutAct_9fa48("3484") ? false : stryMutAct_9fa48("3483") ? true : (stryCov_9fa48("3483", "3484", "3485"), test(policy, stryMutAct_9fa48("3486") ? () => undefined : (stryCov_9fa48("3486"), v => OPENSEARCH_TLS12.test(String(v)))) === (stryMutAct_9fa48("3487") ? true : (stryCov_9fa48("3487"), false)))) {
        if (stryMutAct_9fa48("3488")) {
          {}
        } else {
          stryCov_9fa48("3488");
          report((stryMutAct_9fa48("3492") ? policy !== undefined : stryMutAct_9fa48("3491") ? false : stryMutAct_9fa48("3490") ? true : (stryCov_9fa48("3490", "3491", "3492"), policy === undefined)) ? stryMutAct_9fa48("3493") ? "" : (stryCov_9fa48("3493"), "domainEndpointOptions.tlsSecurityPolicy is not set: the service default accepts TLS 1.0.") : stryMutAct_9fa48("3494") ? `` : (stryCov_9fa48("3494"), `tlsSecurityPolicy "${policy}" accepts TLS versions older than 1.2.`));
        }
      }
      if (stryMutAct_9fa48("3497") ? test(p.nodeToNodeEncryption, v => v?.enabled === true) !== false : stryMutAct_9fa48("3496") ? false : stryMutAct_9fa48("3495") ? true : (stryCov_9fa48("3495", "3496", "3497"), test(p.nodeToNodeEncryption, stryMutAct_9fa48("3498") ? () => undefined : (stryCov_9fa48("3498"), v => stryMutAct_9fa48("3501") ? v?.enabled !== true : stryMutAct_9fa48("3500") ? false : stryMutAct_9fa48("3499") ? true : (stryCov_9fa48("3499", "3500", "3501"), (stryMutAct_9fa48("3502") ? v.enabled : (stryCov_9fa48("3502"), v?.enabled)) === (stryMutAct_9fa48("3503") ? false : (stryCov_9fa48("3503"), true))))) === (stryMutAct_9fa48("3504") ? true : (stryCov_9fa48("3504"), false)))) {
        if (stryMutAct_9fa48("3505")) {
          {}
        } else {
          stryCov_9fa48("3505");
          report(stryMutAct_9fa48("3507") ? "" : (stryCov_9fa48("3507"), "nodeToNodeEncryption.enabled is not true: traffic between the domain's nodes would be unencrypted."));
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
}> = stryMutAct_9fa48("3508") ? [] : (stryCov_9fa48("3508"), [stryMutAct_9fa48("3509") ? {} : (stryCov_9fa48("3509"), {
  id: stryMutAct_9fa48("3510") ? "" : (stryCov_9fa48("3510"), "ssl"),
  label: stryMutAct_9fa48("3511") ? "" : (stryCov_9fa48("3511"), "ssl"),
  accepted: stryMutAct_9fa48("3512") ? [] : (stryCov_9fa48("3512"), [stryMutAct_9fa48("3513") ? "" : (stryCov_9fa48("3513"), "strict"), stryMutAct_9fa48("3514") ? "" : (stryCov_9fa48("3514"), "origin_pull")]),
  default: stryMutAct_9fa48("3515") ? "" : (stryCov_9fa48("3515"), "the zone's default (flexible or full)")
}), stryMutAct_9fa48("3516") ? {} : (stryCov_9fa48("3516"), {
  id: stryMutAct_9fa48("3517") ? "" : (stryCov_9fa48("3517"), "mintlsversion"),
  label: stryMutAct_9fa48("3518") ? "" : (stryCov_9fa48("3518"), "min_tls_version"),
  accepted: stryMutAct_9fa48("3519") ? [] : (stryCov_9fa48("3519"), [stryMutAct_9fa48("3520") ? "" : (stryCov_9fa48("3520"), "1.2"), stryMutAct_9fa48("3521") ? "" : (stryCov_9fa48("3521"), "1.3")]),
  default: stryMutAct_9fa48("3522") ? "" : (stryCov_9fa48("3522"), "1.0")
}), stryMutAct_9fa48("3523") ? {} : (stryCov_9fa48("3523"), {
  id: stryMutAct_9fa48("3524") ? "" : (stryCov_9fa48("3524"), "alwaysusehttps"),
  label: stryMutAct_9fa48("3525") ? "" : (stryCov_9fa48("3525"), "always_use_https"),
  accepted: stryMutAct_9fa48("3526") ? [] : (stryCov_9fa48("3526"), [stryMutAct_9fa48("3527") ? "" : (stryCov_9fa48("3527"), "on")]),
  default: stryMutAct_9fa48("3528") ? "" : (stryCov_9fa48("3528"), "off")
})]);

/** Setting ids are snake_case in the API (`min_tls_version`); the provider docs also show camelCase. */
export function normaliseSettingId(id: string): string {
  if (stryMutAct_9fa48("3529")) {
    {}
  } else {
    stryCov_9fa48("3529");
    return stryMutAct_9fa48("3530") ? id.replace(/_/g, "").toUpperCase() : (stryCov_9fa48("3530"), id.replace(/_/g, stryMutAct_9fa48("3531") ? "Stryker was here!" : (stryCov_9fa48("3531"), "")).toLowerCase());
  }
}
export const cloudflareZoneTls: StackValidationPolicy = stryMutAct_9fa48("3532") ? {} : (stryCov_9fa48("3532"), {
  name: stryMutAct_9fa48("3533") ? "" : (stryCov_9fa48("3533"), "cloudflare-zone-tls"),
  description: (stryMutAct_9fa48("3534") ? "" : (stryCov_9fa48("3534"), 'Every Cloudflare zone the stack manages encrypts both legs and refuses old TLS: zone settings ssl = "strict" ')) + (stryMutAct_9fa48("3535") ? "" : (stryCov_9fa48("3535"), '(Full (strict): Cloudflare validates the origin certificate), min_tls_version = "1.2" or "1.3", and ')) + (stryMutAct_9fa48("3536") ? "" : (stryCov_9fa48("3536"), 'always_use_https = "on" (cloudflare.ZoneSetting resources).')),
  enforcementLevel: stryMutAct_9fa48("3537") ? "" : (stryCov_9fa48("3537"), "mandatory"),
  severity: stryMutAct_9fa48("3538") ? "" : (stryCov_9fa48("3538"), "high"),
  remediationSteps: (stryMutAct_9fa48("3539") ? "" : (stryCov_9fa48("3539"), 'Add cloudflare.ZoneSetting resources for the zone: { settingId: "ssl", value: "strict" }, ')) + (stryMutAct_9fa48("3540") ? "" : (stryCov_9fa48("3540"), '{ settingId: "min_tls_version", value: "1.2" } and { settingId: "always_use_https", value: "on" }.')),
  ...compliance(stryMutAct_9fa48("3541") ? "" : (stryCov_9fa48("3541"), "164.312(e)(1)"), stryMutAct_9fa48("3542") ? [] : (stryCov_9fa48("3542"), [stryMutAct_9fa48("3543") ? "" : (stryCov_9fa48("3543"), "tls"), stryMutAct_9fa48("3544") ? "" : (stryCov_9fa48("3544"), "cloudflare")])),
  validateStack: (args, report) => {
    if (stryMutAct_9fa48("3545")) {
      {}
    } else {
      stryCov_9fa48("3545");
      const zones = zonesOf(args.resources);
      if (stryMutAct_9fa48("3548") ? zones.size !== 0 : stryMutAct_9fa48("3547") ? false : stryMutAct_9fa48("3546") ? true : (stryCov_9fa48("3546", "3547", "3548"), zones.size === 0)) {
        if (stryMutAct_9fa48("3549")) {
          {}
        } else {
          stryCov_9fa48("3549");
          args.notApplicable(stryMutAct_9fa48("3551") ? "" : (stryCov_9fa48("3551"), "the stack manages no Cloudflare zone"));
        }
      }
      const settings = stryMutAct_9fa48("3552") ? args.resources : (stryCov_9fa48("3552"), args.resources.filter(stryMutAct_9fa48("3553") ? () => undefined : (stryCov_9fa48("3553"), r => r.isType(cloudflare.ZoneSetting))));
      // Settings whose zone or id is not known yet might be the missing ones.
      const undetermined = stryMutAct_9fa48("3554") ? settings : (stryCov_9fa48("3554"), settings.filter(stryMutAct_9fa48("3555") ? () => undefined : (stryCov_9fa48("3555"), s => stryMutAct_9fa48("3558") ? zoneKeyOf(s) === undefined && isUnknown(propsOf(s).settingId) : stryMutAct_9fa48("3557") ? false : stryMutAct_9fa48("3556") ? true : (stryCov_9fa48("3556", "3557", "3558"), (stryMutAct_9fa48("3560") ? zoneKeyOf(s) !== undefined : stryMutAct_9fa48("3559") ? false : (stryCov_9fa48("3559", "3560"), zoneKeyOf(s) === undefined)) || isUnknown(propsOf(s).settingId)))));
      for (const [key, members] of zones) {
        if (stryMutAct_9fa48("3561")) {
          {}
        } else {
          stryCov_9fa48("3561");
          for (const wanted of ZONE_TLS_SETTINGS) {
            if (stryMutAct_9fa48("3562")) {
              {}
            } else {
              stryCov_9fa48("3562");
              const mine = stryMutAct_9fa48("3563") ? settings : (stryCov_9fa48("3563"), settings.filter(s => {
                if (stryMutAct_9fa48("3564")) {
                  {}
                } else {
                  stryCov_9fa48("3564");
                  const id = knownString(propsOf(s).settingId);
                  // Stryker disable next-line ConditionalExpression: defensive; settingId is required by the provider's schema
                  return stryMutAct_9fa48("3567") ? zoneKeyOf(s) === key && id !== undefined || normaliseSettingId(id) === wanted.id : (stryCov_9fa48("3567"), (stryMutAct_9fa48("3569") ? zoneKeyOf(s) === key || id !== undefined : (stryCov_9fa48("3569"), (stryMutAct_9fa48("3571") ? zoneKeyOf(s) !== key : (stryCov_9fa48("3571"), zoneKeyOf(s) === key)) && (stryMutAct_9fa48("3573") ? id === undefined : (stryCov_9fa48("3573"), id !== undefined)))) && (stryMutAct_9fa48("3575") ? normaliseSettingId(id) !== wanted.id : (stryCov_9fa48("3575"), normaliseSettingId(id) === wanted.id)));
                }
              }));
              const verdict = any(mine.map(stryMutAct_9fa48("3576") ? () => undefined : (stryCov_9fa48("3576"), s => test(propsOf(s).value, stryMutAct_9fa48("3577") ? () => undefined : (stryCov_9fa48("3577"), v => wanted.accepted.includes(stryMutAct_9fa48("3578") ? String(v).toUpperCase() : (stryCov_9fa48("3578"), String(v).toLowerCase())))))));
              if (stryMutAct_9fa48("3581") ? verdict === false : stryMutAct_9fa48("3580") ? false : stryMutAct_9fa48("3579") ? true : (stryCov_9fa48("3579", "3580", "3581"), verdict !== (stryMutAct_9fa48("3582") ? true : (stryCov_9fa48("3582"), false)))) {
                if (stryMutAct_9fa48("3583")) {
                  {}
                } else {
                  stryCov_9fa48("3583");
                  continue;
                }
              }
              if (stryMutAct_9fa48("3587") ? mine.length <= 0 : stryMutAct_9fa48("3586") ? mine.length >= 0 : stryMutAct_9fa48("3585") ? false : stryMutAct_9fa48("3584") ? true : (stryCov_9fa48("3584", "3585", "3586", "3587"), mine.length > 0)) {
                if (stryMutAct_9fa48("3588")) {
                  {}
                } else {
                  stryCov_9fa48("3588");
                  const value = JSON.stringify(propsOf(mine[0]).value);
                  report(stryMutAct_9fa48("3590") ? `` : (stryCov_9fa48("3590"), `zone ${zoneLabel(key, members)} sets ${wanted.label} = ${value}; it must be ${wanted.accepted.map(stryMutAct_9fa48("3591") ? () => undefined : (stryCov_9fa48("3591"), a => stryMutAct_9fa48("3592") ? `` : (stryCov_9fa48("3592"), `"${a}"`))).join(stryMutAct_9fa48("3593") ? "" : (stryCov_9fa48("3593"), " or "))}.`), mine[0].urn);
                }
              } else if (stryMutAct_9fa48("3596") ? undetermined.length !== 0 : stryMutAct_9fa48("3595") ? false : stryMutAct_9fa48("3594") ? true : (stryCov_9fa48("3594", "3595", "3596"), undetermined.length === 0)) {
                if (stryMutAct_9fa48("3597")) {
                  {}
                } else {
                  stryCov_9fa48("3597");
                  report(stryMutAct_9fa48("3599") ? `` : (stryCov_9fa48("3599"), `zone ${zoneLabel(key, members)} has no ${wanted.label} setting, so Cloudflare uses ${wanted.default}; set it to "${wanted.accepted[0]}".`), members[0].urn);
                }
              }
            }
          }
        }
      }
    }
  }
});