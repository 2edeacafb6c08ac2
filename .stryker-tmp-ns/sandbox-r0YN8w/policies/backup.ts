// @ts-nocheck
// Backups: retrievable copies of every data store, kept long enough and kept
// in a second region (HIPAA 164.308(a)(7)(ii)(A) data backup plan,
// 164.308(a)(7)(ii)(B) disaster recovery plan; LGPD art. 46).
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
import { PolicyResource, ResourceValidationPolicy, StackValidationPolicy, validateResourceOfType, validateStackResourcesOfType } from "@pulumi/policy";
import { compliance } from "./lib/compliance";
import { configWithDefaults, MINIMUM_RETENTION_SCHEMA, MinimumRetentionConfig } from "./lib/config";
import { bucketIdentities, matchesIdentity, propsOf, refersTo, regionOf, tagValue } from "./lib/resources";
import { BUCKET_LOGGING, BUCKETS } from "./lib/types";
import { isAnyOf, ResourceClass, validateResourceOfTypes } from "./lib/validate";
import { all, any, asArray, isObject, isUnknown, knownString, not, plain, Tri } from "./lib/values";

/** AWS Backup keeps continuous (point-in-time) backups for at most 35 days. */
const CONTINUOUS_MAX_DAYS = 35;
/** AWS Backup requires recovery points to stay at least 90 days in cold storage. */
const COLD_STORAGE_MIN_DAYS = 90;
/** RDS keeps automated backups for at most 35 days. */
const RDS_MAX_RETENTION_DAYS = 35;
interface Lifecycle {
  deleteAfter?: unknown;
  coldStorageAfter?: unknown;
}

/** Violations of one lifecycle block: too short, or too little time in cold storage. */
function lifecycleProblems(lifecycle: unknown, minimum: number, what: string): string[] {
  if (stryMutAct_9fa48("439")) {
    {}
  } else {
    stryCov_9fa48("439");
    // No lifecycle: recovery points are kept until deleted by hand. An unknown
    // lifecycle is the engine's sentinel string, whose members are undefined.
    if (stryMutAct_9fa48("442") ? lifecycle === undefined && lifecycle === null : stryMutAct_9fa48("441") ? false : stryMutAct_9fa48("440") ? true : (stryCov_9fa48("440", "441", "442"), (stryMutAct_9fa48("444") ? lifecycle !== undefined : stryMutAct_9fa48("443") ? false : (stryCov_9fa48("443", "444"), lifecycle === undefined)) || (stryMutAct_9fa48("446") ? lifecycle !== null : stryMutAct_9fa48("445") ? false : (stryCov_9fa48("445", "446"), lifecycle === null)))) {
      if (stryMutAct_9fa48("447")) {
        {}
      } else {
        stryCov_9fa48("447");
        return stryMutAct_9fa48("448") ? ["Stryker was here"] : (stryCov_9fa48("448"), []);
      }
    }
    const l = lifecycle as Lifecycle;
    const problems: string[] = stryMutAct_9fa48("449") ? ["Stryker was here"] : (stryCov_9fa48("449"), []);
    // Stryker disable next-line ConditionalExpression: a non-number deleteAfter (absent or unknown) compares false with any minimum either way
    if (stryMutAct_9fa48("452") ? typeof l.deleteAfter === "number" || l.deleteAfter < minimum : (stryCov_9fa48("452"), (stryMutAct_9fa48("454") ? typeof l.deleteAfter !== "number" : (stryCov_9fa48("454"), typeof l.deleteAfter === (stryMutAct_9fa48("455") ? "" : (stryCov_9fa48("455"), "number")))) && (stryMutAct_9fa48("458") ? l.deleteAfter >= minimum : stryMutAct_9fa48("457") ? l.deleteAfter <= minimum : (stryCov_9fa48("457", "458"), l.deleteAfter < minimum)))) {
      if (stryMutAct_9fa48("459")) {
        {}
      } else {
        stryCov_9fa48("459");
        problems.push(stryMutAct_9fa48("461") ? `` : (stryCov_9fa48("461"), `${what} deletes recovery points after ${l.deleteAfter} days; keep them at least ${minimum} days.`));
      }
    }
    if (
    // Stryker disable next-line ConditionalExpression,LogicalOperator: with either value absent or unknown the difference is NaN, which compares false either way
    (stryMutAct_9fa48("468") ? typeof l.deleteAfter !== "number" : (stryCov_9fa48("468"), typeof l.deleteAfter === (stryMutAct_9fa48("469") ? "" : (stryCov_9fa48("469"), "number")))) && (// Stryker disable next-line ConditionalExpression: as above (NaN)
    stryMutAct_9fa48("471") ?
    // Stryker disable next-line ConditionalExpression: as above (NaN)
    typeof l.coldStorageAfter !== "number" : (stryCov_9fa48("471"), typeof l.coldStorageAfter === (stryMutAct_9fa48("472") ? "" : (stryCov_9fa48("472"), "number")))) && (stryMutAct_9fa48("475") ? l.deleteAfter - l.coldStorageAfter >= COLD_STORAGE_MIN_DAYS : stryMutAct_9fa48("474") ? l.deleteAfter - l.coldStorageAfter <= COLD_STORAGE_MIN_DAYS : stryMutAct_9fa48("473") ? true : (stryCov_9fa48("473", "474", "475"), (stryMutAct_9fa48("476") ? l.deleteAfter + l.coldStorageAfter : (stryCov_9fa48("476"), l.deleteAfter - l.coldStorageAfter)) < COLD_STORAGE_MIN_DAYS))) {
      if (stryMutAct_9fa48("477")) {
        {}
      } else {
        stryCov_9fa48("477");
        problems.push((stryMutAct_9fa48("479") ? `` : (stryCov_9fa48("479"), `${what} moves recovery points to cold storage after ${l.coldStorageAfter} days and deletes them after ${l.deleteAfter}: `)) + (stryMutAct_9fa48("480") ? `` : (stryCov_9fa48("480"), `AWS Backup requires at least ${COLD_STORAGE_MIN_DAYS} days in cold storage.`)));
      }
    }
    return problems;
  }
}
export const backupPlanRetention: ResourceValidationPolicy = stryMutAct_9fa48("481") ? {} : (stryCov_9fa48("481"), {
  name: stryMutAct_9fa48("482") ? "" : (stryCov_9fa48("482"), "backup-plan-retention"),
  description: (stryMutAct_9fa48("483") ? "" : (stryCov_9fa48("483"), "Every AWS Backup plan rule and each of its copy actions keeps recovery points at least the minimum retention ")) + (stryMutAct_9fa48("484") ? "" : (stryCov_9fa48("484"), "(default 30 days): lifecycle.deleteAfter >= minimum (no deleteAfter keeps them until deleted). Continuous ")) + (stryMutAct_9fa48("485") ? "" : (stryCov_9fa48("485"), "(point-in-time) rules are capped by AWS at 35 days, so they need min(minimum, 35). A cold storage transition must ")) + (stryMutAct_9fa48("486") ? "" : (stryCov_9fa48("486"), "leave at least 90 days in cold storage, as AWS Backup requires.")),
  enforcementLevel: stryMutAct_9fa48("487") ? "" : (stryCov_9fa48("487"), "mandatory"),
  severity: stryMutAct_9fa48("488") ? "" : (stryCov_9fa48("488"), "high"),
  remediationSteps: (stryMutAct_9fa48("489") ? "" : (stryCov_9fa48("489"), "Set lifecycle: { deleteAfter: 30 } (or more) on every rule and on every copyActions[].lifecycle; with coldStorageAfter ")) + (stryMutAct_9fa48("490") ? "" : (stryCov_9fa48("490"), "set, make deleteAfter at least coldStorageAfter + 90.")),
  configSchema: MINIMUM_RETENTION_SCHEMA,
  ...compliance(stryMutAct_9fa48("491") ? "" : (stryCov_9fa48("491"), "164.308(a)(7)(ii)(A)"), stryMutAct_9fa48("492") ? [] : (stryCov_9fa48("492"), [stryMutAct_9fa48("493") ? "" : (stryCov_9fa48("493"), "backup")]), stryMutAct_9fa48("494") ? [] : (stryCov_9fa48("494"), [stryMutAct_9fa48("495") ? "" : (stryCov_9fa48("495"), "164.308(a)(7)(ii)(B)")])),
  validateResource: validateResourceOfType(aws.backup.Plan, (plan, args, report) => {
    if (stryMutAct_9fa48("496")) {
      {}
    } else {
      stryCov_9fa48("496");
      const {
        minimumRetentionDays
      } = configWithDefaults<MinimumRetentionConfig>(MINIMUM_RETENTION_SCHEMA, args.getConfig<MinimumRetentionConfig>());
      // Unknown rules or copy actions (the sentinel string) give one unknown element, skipped.
      const p = plain(plan);
      if (stryMutAct_9fa48("497")) {
        ;
      } else {
        stryCov_9fa48("497");
        asArray(p.rules).forEach((raw, i) => {
          if (stryMutAct_9fa48("498")) {
            {}
          } else {
            stryCov_9fa48("498");
            if (stryMutAct_9fa48("501") ? false : stryMutAct_9fa48("500") ? true : stryMutAct_9fa48("499") ? isObject(raw) : (stryCov_9fa48("499", "500", "501"), !isObject(raw))) {
              if (stryMutAct_9fa48("502")) {
                {}
              } else {
                stryCov_9fa48("502");
                return;
              }
            }
            const rule = raw as unknown as aws.types.input.backup.PlanRule;
            const label = knownString(rule.ruleName) ? stryMutAct_9fa48("503") ? `` : (stryCov_9fa48("503"), `rule "${rule.ruleName}"`) : stryMutAct_9fa48("504") ? `` : (stryCov_9fa48("504"), `rules[${i}]`);
            const continuous = stryMutAct_9fa48("507") ? rule.enableContinuousBackup !== true : stryMutAct_9fa48("506") ? false : stryMutAct_9fa48("505") ? true : (stryCov_9fa48("505", "506", "507"), rule.enableContinuousBackup === (stryMutAct_9fa48("508") ? false : (stryCov_9fa48("508"), true)));
            const minimum = continuous ? stryMutAct_9fa48("509") ? Math.max(minimumRetentionDays, CONTINUOUS_MAX_DAYS) : (stryCov_9fa48("509"), Math.min(minimumRetentionDays, CONTINUOUS_MAX_DAYS)) : minimumRetentionDays;
            lifecycleProblems(rule.lifecycle, minimum, label).forEach(stryMutAct_9fa48("511") ? () => undefined : (stryCov_9fa48("511"), m => report(m)));
            if (stryMutAct_9fa48("512")) {
              ;
            } else {
              stryCov_9fa48("512");
              asArray(rule.copyActions).forEach((copy, j) => {
                if (stryMutAct_9fa48("513")) {
                  {}
                } else {
                  stryCov_9fa48("513");
                  if (stryMutAct_9fa48("516") ? false : stryMutAct_9fa48("515") ? true : stryMutAct_9fa48("514") ? isObject(copy) : (stryCov_9fa48("514", "515", "516"), !isObject(copy))) {
                    if (stryMutAct_9fa48("517")) {
                      {}
                    } else {
                      stryCov_9fa48("517");
                      return;
                    }
                  }
                  const c = copy as {
                    destinationVaultArn?: unknown;
                    lifecycle?: unknown;
                  };
                  const to = stryMutAct_9fa48("518") ? knownString(c.destinationVaultArn) && "its destination vault" : (stryCov_9fa48("518"), knownString(c.destinationVaultArn) ?? (stryMutAct_9fa48("519") ? "" : (stryCov_9fa48("519"), "its destination vault")));
                  lifecycleProblems(c.lifecycle, minimumRetentionDays, stryMutAct_9fa48("521") ? `` : (stryCov_9fa48("521"), `${label} copy action ${j} (to ${to})`)).forEach(stryMutAct_9fa48("522") ? () => undefined : (stryCov_9fa48("522"), m => report(m)));
                }
              });
            }
          }
        });
      }
    }
  })
});
export const databaseBackupRetention: ResourceValidationPolicy = stryMutAct_9fa48("523") ? {} : (stryCov_9fa48("523"), {
  name: stryMutAct_9fa48("524") ? "" : (stryCov_9fa48("524"), "database-backup-retention"),
  description: (stryMutAct_9fa48("525") ? "" : (stryCov_9fa48("525"), "Every RDS/Aurora cluster and RDS instance keeps automated backups (point-in-time restore) for min(minimum, 35) days ")) + (stryMutAct_9fa48("526") ? "" : (stryCov_9fa48("526"), "(minimum from config, default 30; RDS allows at most 35). Read replicas (replicateSourceDb) rely on their source's backups.")),
  enforcementLevel: stryMutAct_9fa48("527") ? "" : (stryCov_9fa48("527"), "mandatory"),
  severity: stryMutAct_9fa48("528") ? "" : (stryCov_9fa48("528"), "high"),
  remediationSteps: stryMutAct_9fa48("529") ? "" : (stryCov_9fa48("529"), "Set backupRetentionPeriod to 30 (or the configured minimum, at most 35) on the aws.rds.Cluster or aws.rds.Instance."),
  configSchema: MINIMUM_RETENTION_SCHEMA,
  ...compliance(stryMutAct_9fa48("530") ? "" : (stryCov_9fa48("530"), "164.308(a)(7)(ii)(A)"), stryMutAct_9fa48("531") ? [] : (stryCov_9fa48("531"), [stryMutAct_9fa48("532") ? "" : (stryCov_9fa48("532"), "backup"), stryMutAct_9fa48("533") ? "" : (stryCov_9fa48("533"), "rds")])),
  validateResource: validateResourceOfTypes(stryMutAct_9fa48("534") ? [] : (stryCov_9fa48("534"), [aws.rds.Cluster, aws.rds.Instance]), stryMutAct_9fa48("535") ? "" : (stryCov_9fa48("535"), "RDS clusters and instances"), (args, report) => {
    if (stryMutAct_9fa48("536")) {
      {}
    } else {
      stryCov_9fa48("536");
      const {
        minimumRetentionDays
      } = configWithDefaults<MinimumRetentionConfig>(MINIMUM_RETENTION_SCHEMA, args.getConfig<MinimumRetentionConfig>());
      const p = plain((args.asType(aws.rds.Cluster) ?? args.asType(aws.rds.Instance))!) as {
        backupRetentionPeriod?: unknown;
        replicateSourceDb?: unknown;
      };
      if (stryMutAct_9fa48("538") ? false : stryMutAct_9fa48("537") ? true : (stryCov_9fa48("537", "538"), knownString(p.replicateSourceDb))) {
        if (stryMutAct_9fa48("539")) {
          {}
        } else {
          stryCov_9fa48("539");
          args.notApplicable(stryMutAct_9fa48("541") ? "" : (stryCov_9fa48("541"), "read replica: backed up through its source"));
        }
      }
      const required = stryMutAct_9fa48("542") ? Math.max(minimumRetentionDays, RDS_MAX_RETENTION_DAYS) : (stryCov_9fa48("542"), Math.min(minimumRetentionDays, RDS_MAX_RETENTION_DAYS));
      const period = p.backupRetentionPeriod;
      if (stryMutAct_9fa48("544") ? false : stryMutAct_9fa48("543") ? true : (stryCov_9fa48("543", "544"), isUnknown(period))) {
        if (stryMutAct_9fa48("545")) {
          {}
        } else {
          stryCov_9fa48("545");
          return;
        }
      }
      if (stryMutAct_9fa48("548") ? typeof period === "number" : stryMutAct_9fa48("547") ? false : stryMutAct_9fa48("546") ? true : (stryCov_9fa48("546", "547", "548"), typeof period !== (stryMutAct_9fa48("549") ? "" : (stryCov_9fa48("549"), "number")))) {
        if (stryMutAct_9fa48("550")) {
          {}
        } else {
          stryCov_9fa48("550");
          report(stryMutAct_9fa48("552") ? `` : (stryCov_9fa48("552"), `backupRetentionPeriod is not set (AWS keeps automated backups 1 day); set it to at least ${required}.`));
        }
      } else if (stryMutAct_9fa48("556") ? period >= required : stryMutAct_9fa48("555") ? period <= required : stryMutAct_9fa48("554") ? false : stryMutAct_9fa48("553") ? true : (stryCov_9fa48("553", "554", "555", "556"), period < required)) {
        if (stryMutAct_9fa48("557")) {
          {}
        } else {
          stryCov_9fa48("557");
          report(stryMutAct_9fa48("559") ? `` : (stryCov_9fa48("559"), `backupRetentionPeriod is ${period} days; it must be at least ${required}.`));
        }
      }
    }
  })
});

// ----- coverage -------------------------------------------------------------------

/** How a resource type's ARN looks, to match Selection ARN patterns against resources whose ARN is not known yet. */
const ARN_SHAPES: Array<{
  classes: ResourceClass[];
  service: string;
  prefix: string;
}> = stryMutAct_9fa48("560") ? [] : (stryCov_9fa48("560"), [stryMutAct_9fa48("561") ? {} : (stryCov_9fa48("561"), {
  classes: stryMutAct_9fa48("562") ? [] : (stryCov_9fa48("562"), [aws.rds.Cluster]),
  service: stryMutAct_9fa48("563") ? "" : (stryCov_9fa48("563"), "rds"),
  prefix: stryMutAct_9fa48("564") ? "" : (stryCov_9fa48("564"), "cluster:")
}), stryMutAct_9fa48("565") ? {} : (stryCov_9fa48("565"), {
  classes: stryMutAct_9fa48("566") ? [] : (stryCov_9fa48("566"), [aws.rds.Instance]),
  service: stryMutAct_9fa48("567") ? "" : (stryCov_9fa48("567"), "rds"),
  prefix: stryMutAct_9fa48("568") ? "" : (stryCov_9fa48("568"), "db:")
}), stryMutAct_9fa48("569") ? {} : (stryCov_9fa48("569"), {
  classes: stryMutAct_9fa48("570") ? [] : (stryCov_9fa48("570"), [aws.ec2.Instance]),
  service: stryMutAct_9fa48("571") ? "" : (stryCov_9fa48("571"), "ec2"),
  prefix: stryMutAct_9fa48("572") ? "" : (stryCov_9fa48("572"), "instance/")
}), stryMutAct_9fa48("573") ? {} : (stryCov_9fa48("573"), {
  classes: BUCKETS,
  service: stryMutAct_9fa48("574") ? "" : (stryCov_9fa48("574"), "s3"),
  prefix: stryMutAct_9fa48("575") ? "Stryker was here!" : (stryCov_9fa48("575"), "")
})]);

/** AWS Backup wildcard (`*`) match. */
export function arnGlob(pattern: string, arn: string): boolean {
  if (stryMutAct_9fa48("576")) {
    {}
  } else {
    stryCov_9fa48("576");
    const re = new RegExp(stryMutAct_9fa48("577") ? `` : (stryCov_9fa48("577"), `^${pattern.split(stryMutAct_9fa48("578") ? "" : (stryCov_9fa48("578"), "*")).map(stryMutAct_9fa48("579") ? () => undefined : (stryCov_9fa48("579"), s => s.replace(stryMutAct_9fa48("580") ? /[^.+?^${}()|[\]\\]/g : (stryCov_9fa48("580"), /[.+?^${}()|[\]\\]/g), stryMutAct_9fa48("581") ? "" : (stryCov_9fa48("581"), "\\$&")))).join(stryMutAct_9fa48("582") ? "" : (stryCov_9fa48("582"), ".*"))}$`));
    return re.test(arn);
  }
}

/** Whether an ARN pattern of a selection covers `target`. */
function patternCovers(pattern: string, target: PolicyResource): Tri {
  if (stryMutAct_9fa48("583")) {
    {}
  } else {
    stryCov_9fa48("583");
    if (stryMutAct_9fa48("586") ? pattern !== "*" : stryMutAct_9fa48("585") ? false : stryMutAct_9fa48("584") ? true : (stryCov_9fa48("584", "585", "586"), pattern === (stryMutAct_9fa48("587") ? "" : (stryCov_9fa48("587"), "*")))) {
      if (stryMutAct_9fa48("588")) {
        {}
      } else {
        stryCov_9fa48("588");
        return stryMutAct_9fa48("589") ? false : (stryCov_9fa48("589"), true);
      }
    }
    const arn = knownString(propsOf(target).arn);
    if (stryMutAct_9fa48("591") ? false : stryMutAct_9fa48("590") ? true : (stryCov_9fa48("590", "591"), arn)) {
      if (stryMutAct_9fa48("592")) {
        {}
      } else {
        stryCov_9fa48("592");
        return arnGlob(pattern, arn);
      }
    }
    // ARN not known yet (a resource to be created): decide from the pattern's shape.
    const shape = ARN_SHAPES.find(stryMutAct_9fa48("593") ? () => undefined : (stryCov_9fa48("593"), s => isAnyOf(target, s.classes)));
    const parts = pattern.split(stryMutAct_9fa48("594") ? "" : (stryCov_9fa48("594"), ":"));
    if (stryMutAct_9fa48("597") ? !shape && parts.length < 6 : stryMutAct_9fa48("596") ? false : stryMutAct_9fa48("595") ? true : (stryCov_9fa48("595", "596", "597"), (stryMutAct_9fa48("598") ? shape : (stryCov_9fa48("598"), !shape)) || (stryMutAct_9fa48("601") ? parts.length >= 6 : stryMutAct_9fa48("600") ? parts.length <= 6 : stryMutAct_9fa48("599") ? false : (stryCov_9fa48("599", "600", "601"), parts.length < 6)))) {
      if (stryMutAct_9fa48("602")) {
        {}
      } else {
        stryCov_9fa48("602");
        return undefined;
      }
    }
    const service = parts[2];
    if (stryMutAct_9fa48("605") ? false : stryMutAct_9fa48("604") ? true : stryMutAct_9fa48("603") ? arnGlob(service, shape.service) : (stryCov_9fa48("603", "604", "605"), !arnGlob(service, shape.service))) {
      if (stryMutAct_9fa48("606")) {
        {}
      } else {
        stryCov_9fa48("606");
        return stryMutAct_9fa48("607") ? true : (stryCov_9fa48("607"), false);
      }
    }
    const resourcePart = stryMutAct_9fa48("608") ? parts.join(":") : (stryCov_9fa48("608"), parts.slice(5).join(stryMutAct_9fa48("609") ? "" : (stryCov_9fa48("609"), ":")));
    const region = regionOf(target);
    const regionOk = stryMutAct_9fa48("612") ? (parts[3] === "" || region === undefined) && arnGlob(parts[3], region) : stryMutAct_9fa48("611") ? false : stryMutAct_9fa48("610") ? true : (stryCov_9fa48("610", "611", "612"), (stryMutAct_9fa48("614") ? parts[3] === "" && region === undefined : stryMutAct_9fa48("613") ? false : (stryCov_9fa48("613", "614"), (stryMutAct_9fa48("616") ? parts[3] !== "" : stryMutAct_9fa48("615") ? false : (stryCov_9fa48("615", "616"), parts[3] === (stryMutAct_9fa48("617") ? "Stryker was here!" : (stryCov_9fa48("617"), "")))) || (stryMutAct_9fa48("619") ? region !== undefined : stryMutAct_9fa48("618") ? false : (stryCov_9fa48("618", "619"), region === undefined)))) || arnGlob(parts[3], region));
    if (stryMutAct_9fa48("622") ? false : stryMutAct_9fa48("621") ? true : stryMutAct_9fa48("620") ? regionOk : (stryCov_9fa48("620", "621", "622"), !regionOk)) {
      if (stryMutAct_9fa48("623")) {
        {}
      } else {
        stryCov_9fa48("623");
        return stryMutAct_9fa48("624") ? true : (stryCov_9fa48("624"), false);
      }
    }
    if (stryMutAct_9fa48("627") ? resourcePart === "*" && resourcePart === `${shape.prefix}*` : stryMutAct_9fa48("626") ? false : stryMutAct_9fa48("625") ? true : (stryCov_9fa48("625", "626", "627"), (stryMutAct_9fa48("629") ? resourcePart !== "*" : stryMutAct_9fa48("628") ? false : (stryCov_9fa48("628", "629"), resourcePart === (stryMutAct_9fa48("630") ? "" : (stryCov_9fa48("630"), "*")))) || (stryMutAct_9fa48("632") ? resourcePart !== `${shape.prefix}*` : stryMutAct_9fa48("631") ? false : (stryCov_9fa48("631", "632"), resourcePart === (stryMutAct_9fa48("633") ? `` : (stryCov_9fa48("633"), `${shape.prefix}*`)))))) {
      if (stryMutAct_9fa48("634")) {
        {}
      } else {
        stryCov_9fa48("634");
        return (stryMutAct_9fa48("637") ? parts[4] === "*" && parts[4] === "" : stryMutAct_9fa48("636") ? false : stryMutAct_9fa48("635") ? true : (stryCov_9fa48("635", "636", "637"), (stryMutAct_9fa48("639") ? parts[4] !== "*" : stryMutAct_9fa48("638") ? false : (stryCov_9fa48("638", "639"), parts[4] === (stryMutAct_9fa48("640") ? "" : (stryCov_9fa48("640"), "*")))) || (stryMutAct_9fa48("642") ? parts[4] !== "" : stryMutAct_9fa48("641") ? false : (stryCov_9fa48("641", "642"), parts[4] === (stryMutAct_9fa48("643") ? "Stryker was here!" : (stryCov_9fa48("643"), "")))))) ? stryMutAct_9fa48("644") ? false : (stryCov_9fa48("644"), true) : undefined; // account not known here
      }
    }
    if (stryMutAct_9fa48("647") ? shape.prefix && !resourcePart.startsWith("*") || !resourcePart.startsWith(shape.prefix) : stryMutAct_9fa48("646") ? false : stryMutAct_9fa48("645") ? true : (stryCov_9fa48("645", "646", "647"), (stryMutAct_9fa48("649") ? shape.prefix || !resourcePart.startsWith("*") : stryMutAct_9fa48("648") ? true : (stryCov_9fa48("648", "649"), shape.prefix && (stryMutAct_9fa48("650") ? resourcePart.startsWith("*") : (stryCov_9fa48("650"), !(stryMutAct_9fa48("651") ? resourcePart.endsWith("*") : (stryCov_9fa48("651"), resourcePart.startsWith(stryMutAct_9fa48("652") ? "" : (stryCov_9fa48("652"), "*")))))))) && (stryMutAct_9fa48("653") ? resourcePart.startsWith(shape.prefix) : (stryCov_9fa48("653"), !(stryMutAct_9fa48("654") ? resourcePart.endsWith(shape.prefix) : (stryCov_9fa48("654"), resourcePart.startsWith(shape.prefix))))))) {
      if (stryMutAct_9fa48("655")) {
        {}
      } else {
        stryCov_9fa48("655");
        return stryMutAct_9fa48("656") ? true : (stryCov_9fa48("656"), false);
      }
    }
    return undefined;
  }
}

/**
 * Whether a selection's ARN list (`resources` or `notResources`) names
 * `target`: through the engine's property dependencies (ARNs of resources
 * still to be created are unknown at preview), or by ARN value or pattern.
 */
function listedIn(selection: PolicyResource, prop: "resources" | "notResources", target: PolicyResource): Tri {
  if (stryMutAct_9fa48("657")) {
    {}
  } else {
    stryCov_9fa48("657");
    const byProperty = selection.propertyDependencies[prop];
    // Hosts that do not report property dependencies: a resource the selection depends on
    // counts as listed in `resources` (never as excluded: the dependency may be any property).
    const reported = stryMutAct_9fa48("661") ? Object.keys(selection.propertyDependencies).length <= 0 : stryMutAct_9fa48("660") ? Object.keys(selection.propertyDependencies).length >= 0 : stryMutAct_9fa48("659") ? false : stryMutAct_9fa48("658") ? true : (stryCov_9fa48("658", "659", "660", "661"), Object.keys(selection.propertyDependencies).length > 0);
    // Stryker disable next-line ArrayDeclaration: an excluding list with unknown entries gives undefined or false, and neither flags a resource the list's other clauses select
    const deps = reported ? stryMutAct_9fa48("662") ? byProperty && [] : (stryCov_9fa48("662"), byProperty ?? []) : (stryMutAct_9fa48("666") ? prop !== "resources" : stryMutAct_9fa48("665") ? false : stryMutAct_9fa48("664") ? true : (stryCov_9fa48("664", "665", "666"), prop === (stryMutAct_9fa48("667") ? "" : (stryCov_9fa48("667"), "resources")))) ? selection.dependencies : [];
    if (stryMutAct_9fa48("671") ? deps.every(d => d.urn === target.urn) : stryMutAct_9fa48("670") ? false : stryMutAct_9fa48("669") ? true : (stryCov_9fa48("669", "670", "671"), deps.some(stryMutAct_9fa48("672") ? () => undefined : (stryCov_9fa48("672"), d => stryMutAct_9fa48("675") ? d.urn !== target.urn : stryMutAct_9fa48("674") ? false : stryMutAct_9fa48("673") ? true : (stryCov_9fa48("673", "674", "675"), d.urn === target.urn))))) {
      if (stryMutAct_9fa48("676")) {
        {}
      } else {
        stryCov_9fa48("676");
        return stryMutAct_9fa48("677") ? false : (stryCov_9fa48("677"), true);
      }
    }
    // An absent list names nothing; an unknown one (the sentinel) is one unknown entry.
    const value = propsOf(selection)[prop];
    return any(asArray(value).map((entry): Tri => {
      if (stryMutAct_9fa48("678")) {
        {}
      } else {
        stryCov_9fa48("678");
        if (stryMutAct_9fa48("680") ? false : stryMutAct_9fa48("679") ? true : (stryCov_9fa48("679", "680"), isUnknown(entry))) {
          if (stryMutAct_9fa48("681")) {
            {}
          } else {
            stryCov_9fa48("681");
            // Unknown entries come from the resources the list depends on; none of them is `target`.
            return (stryMutAct_9fa48("685") ? deps.length <= 0 : stryMutAct_9fa48("684") ? deps.length >= 0 : stryMutAct_9fa48("683") ? false : stryMutAct_9fa48("682") ? true : (stryCov_9fa48("682", "683", "684", "685"), deps.length > 0)) ? stryMutAct_9fa48("686") ? true : (stryCov_9fa48("686"), false) : undefined;
          }
        }
        // Stryker disable next-line ConditionalExpression,BooleanLiteral: defensive; the provider's schema (list of strings) never lets another type through
        return (stryMutAct_9fa48("689") ? typeof entry !== "string" : (stryCov_9fa48("689"), typeof entry === (stryMutAct_9fa48("690") ? "" : (stryCov_9fa48("690"), "string")))) ? patternCovers(entry, target) : false;
      }
    }));
  }
}
function tagGlob(pattern: string, value: string): boolean {
  if (stryMutAct_9fa48("692")) {
    {}
  } else {
    stryCov_9fa48("692");
    return arnGlob(pattern, value);
  }
}

/** Whether `target` satisfies a tag test; `key` is a tag key. */
function tagTest(target: PolicyResource, key: string, predicate: (value: string | null) => boolean): Tri {
  if (stryMutAct_9fa48("693")) {
    {}
  } else {
    stryCov_9fa48("693");
    const value = tagValue(target, key);
    return (stryMutAct_9fa48("696") ? value !== undefined : stryMutAct_9fa48("695") ? false : stryMutAct_9fa48("694") ? true : (stryCov_9fa48("694", "695", "696"), value === undefined)) ? undefined : predicate(value);
  }
}
const RESOURCE_TAG = stryMutAct_9fa48("697") ? "" : (stryCov_9fa48("697"), "aws:ResourceTag/");

/** AWS Backup's rule: (resources OR listOfTags) AND all conditions AND NOT notResources. */
export function selects(selection: PolicyResource, target: PolicyResource): Tri {
  if (stryMutAct_9fa48("698")) {
    {}
  } else {
    stryCov_9fa48("698");
    const p = propsOf(selection);
    const resources = p.resources;
    const tags = p.selectionTags;
    const noResources = stryMutAct_9fa48("701") ? (resources === undefined || resources === null) && Array.isArray(resources) && resources.length === 0 : stryMutAct_9fa48("700") ? false : stryMutAct_9fa48("699") ? true : (stryCov_9fa48("699", "700", "701"), (stryMutAct_9fa48("703") ? resources === undefined && resources === null : stryMutAct_9fa48("702") ? false : (stryCov_9fa48("702", "703"), (stryMutAct_9fa48("705") ? resources !== undefined : stryMutAct_9fa48("704") ? false : (stryCov_9fa48("704", "705"), resources === undefined)) || (stryMutAct_9fa48("707") ? resources !== null : stryMutAct_9fa48("706") ? false : (stryCov_9fa48("706", "707"), resources === null)))) || (stryMutAct_9fa48("709") ? Array.isArray(resources) || resources.length === 0 : stryMutAct_9fa48("708") ? false : (stryCov_9fa48("708", "709"), Array.isArray(resources) && (stryMutAct_9fa48("711") ? resources.length !== 0 : stryMutAct_9fa48("710") ? true : (stryCov_9fa48("710", "711"), resources.length === 0)))));
    const noTags = stryMutAct_9fa48("714") ? (tags === undefined || tags === null) && Array.isArray(tags) && tags.length === 0 : stryMutAct_9fa48("713") ? false : stryMutAct_9fa48("712") ? true : (stryCov_9fa48("712", "713", "714"), (stryMutAct_9fa48("716") ? tags === undefined && tags === null : stryMutAct_9fa48("715") ? false : (stryCov_9fa48("715", "716"), (stryMutAct_9fa48("718") ? tags !== undefined : stryMutAct_9fa48("717") ? false : (stryCov_9fa48("717", "718"), tags === undefined)) || (stryMutAct_9fa48("720") ? tags !== null : stryMutAct_9fa48("719") ? false : (stryCov_9fa48("719", "720"), tags === null)))) || (stryMutAct_9fa48("722") ? Array.isArray(tags) || tags.length === 0 : stryMutAct_9fa48("721") ? false : (stryCov_9fa48("721", "722"), Array.isArray(tags) && (stryMutAct_9fa48("724") ? tags.length !== 0 : stryMutAct_9fa48("723") ? true : (stryCov_9fa48("723", "724"), tags.length === 0)))));
    let base: Tri = stryMutAct_9fa48("725") ? false : (stryCov_9fa48("725"), true); // neither: every supported resource
    if (stryMutAct_9fa48("728") ? !noResources && !noTags : stryMutAct_9fa48("727") ? false : stryMutAct_9fa48("726") ? true : (stryCov_9fa48("726", "727", "728"), (stryMutAct_9fa48("729") ? noResources : (stryCov_9fa48("729"), !noResources)) || (stryMutAct_9fa48("730") ? noTags : (stryCov_9fa48("730"), !noTags)))) {
      if (stryMutAct_9fa48("731")) {
        {}
      } else {
        stryCov_9fa48("731");
        // An unknown list (the sentinel) is one element that is not an object: cannot tell.
        // AWS Backup's ListOfTags supports only STRINGEQUALS; an unknown type is not it either.
        const tagged: Tri = any(asArray(tags).map((t): Tri => {
          if (stryMutAct_9fa48("732")) {
            {}
          } else {
            stryCov_9fa48("732");
            if (stryMutAct_9fa48("735") ? false : stryMutAct_9fa48("734") ? true : stryMutAct_9fa48("733") ? isObject(t) : (stryCov_9fa48("733", "734", "735"), !isObject(t))) {
              if (stryMutAct_9fa48("736")) {
                {}
              } else {
                stryCov_9fa48("736");
                return undefined;
              }
            }
            const x = t as {
              type?: unknown;
              key?: unknown;
              value?: unknown;
            };
            if (stryMutAct_9fa48("739") ? isUnknown(x.key) && isUnknown(x.value) : stryMutAct_9fa48("738") ? false : stryMutAct_9fa48("737") ? true : (stryCov_9fa48("737", "738", "739"), isUnknown(x.key) || isUnknown(x.value))) {
              if (stryMutAct_9fa48("740")) {
                {}
              } else {
                stryCov_9fa48("740");
                return undefined;
              }
            }
            return (stryMutAct_9fa48("743") ? String(x.type).toUpperCase() !== "STRINGEQUALS" : stryMutAct_9fa48("742") ? false : stryMutAct_9fa48("741") ? true : (stryCov_9fa48("741", "742", "743"), (stryMutAct_9fa48("744") ? String(x.type).toLowerCase() : (stryCov_9fa48("744"), String(x.type).toUpperCase())) === (stryMutAct_9fa48("745") ? "" : (stryCov_9fa48("745"), "STRINGEQUALS")))) ? tagTest(target, String(x.key), stryMutAct_9fa48("746") ? () => undefined : (stryCov_9fa48("746"), v => stryMutAct_9fa48("749") ? v !== x.value : stryMutAct_9fa48("748") ? false : stryMutAct_9fa48("747") ? true : (stryCov_9fa48("747", "748", "749"), v === x.value))) : undefined;
          }
        }));
        base = any(stryMutAct_9fa48("750") ? [] : (stryCov_9fa48("750"), [noResources ? stryMutAct_9fa48("751") ? true : (stryCov_9fa48("751"), false) : listedIn(selection, stryMutAct_9fa48("752") ? "" : (stryCov_9fa48("752"), "resources"), target), tagged]));
      }
    }
    // Stryker disable next-line ArrayDeclaration: all() reads only false and undefined, so a non-Tri seed element changes nothing
    const conditions: Tri[] = [];
    // An unknown conditions list or operator list (the sentinel) gives one unknown element.
    // Only `false` fails a resource, so "cannot tell" (undefined) and "true" decide alike here;
    // the unknown pushes keep the Tri honest and are marked as such for mutation testing.
    for (const c of asArray(p.conditions)) {
      if (stryMutAct_9fa48("754")) {
        {}
      } else {
        stryCov_9fa48("754");
        if (stryMutAct_9fa48("757") ? false : stryMutAct_9fa48("756") ? true : stryMutAct_9fa48("755") ? isObject(c) : (stryCov_9fa48("755", "756", "757"), !isObject(c))) {
          if (stryMutAct_9fa48("758")) {
            {}
          } else {
            stryCov_9fa48("758");
            // Stryker disable next-line CallExpression: undefined and true decide alike (see above)
            conditions.push(undefined);
            continue;
          }
        }
        const cond = c as Record<string, unknown>;
        const ops: Array<[string, (tag: string | null, v: string) => boolean]> = stryMutAct_9fa48("760") ? [] : (stryCov_9fa48("760"), [stryMutAct_9fa48("761") ? [] : (stryCov_9fa48("761"), [stryMutAct_9fa48("762") ? "" : (stryCov_9fa48("762"), "stringEquals"), stryMutAct_9fa48("763") ? () => undefined : (stryCov_9fa48("763"), (tag, v) => stryMutAct_9fa48("766") ? tag !== v : stryMutAct_9fa48("765") ? false : stryMutAct_9fa48("764") ? true : (stryCov_9fa48("764", "765", "766"), tag === v))]), stryMutAct_9fa48("767") ? [] : (stryCov_9fa48("767"), [stryMutAct_9fa48("768") ? "" : (stryCov_9fa48("768"), "stringLikes"), stryMutAct_9fa48("769") ? () => undefined : (stryCov_9fa48("769"), (tag, v) => stryMutAct_9fa48("772") ? tag !== null || tagGlob(v, tag) : stryMutAct_9fa48("771") ? false : stryMutAct_9fa48("770") ? true : (stryCov_9fa48("770", "771", "772"), (stryMutAct_9fa48("774") ? tag === null : stryMutAct_9fa48("773") ? true : (stryCov_9fa48("773", "774"), tag !== null)) && tagGlob(v, tag)))]), stryMutAct_9fa48("775") ? [] : (stryCov_9fa48("775"), [stryMutAct_9fa48("776") ? "" : (stryCov_9fa48("776"), "stringNotEquals"), stryMutAct_9fa48("777") ? () => undefined : (stryCov_9fa48("777"), (tag, v) => stryMutAct_9fa48("780") ? tag === v : stryMutAct_9fa48("779") ? false : stryMutAct_9fa48("778") ? true : (stryCov_9fa48("778", "779", "780"), tag !== v))]), stryMutAct_9fa48("781") ? [] : (stryCov_9fa48("781"), [stryMutAct_9fa48("782") ? "" : (stryCov_9fa48("782"), "stringNotLikes"), stryMutAct_9fa48("783") ? () => undefined : (stryCov_9fa48("783"), (tag, v) => stryMutAct_9fa48("786") ? tag === null && !tagGlob(v, tag) : stryMutAct_9fa48("785") ? false : stryMutAct_9fa48("784") ? true : (stryCov_9fa48("784", "785", "786"), (stryMutAct_9fa48("788") ? tag !== null : stryMutAct_9fa48("787") ? false : (stryCov_9fa48("787", "788"), tag === null)) || (stryMutAct_9fa48("789") ? tagGlob(v, tag) : (stryCov_9fa48("789"), !tagGlob(v, tag)))))])]);
        for (const [op, matches] of ops) {
          if (stryMutAct_9fa48("790")) {
            {}
          } else {
            stryCov_9fa48("790");
            for (const e of asArray(cond[op])) {
              if (stryMutAct_9fa48("791")) {
                {}
              } else {
                stryCov_9fa48("791");
                const {
                  key,
                  value
                } = (e ?? {}) as {
                  key?: unknown;
                  value?: unknown;
                };
                // Incomplete, unknown (an unknown key, the sentinel, does not start with
                // aws:ResourceTag/ either) or not on a resource tag: cannot tell.
                const onResourceTag = stryMutAct_9fa48("794") ? typeof key === "string" && typeof value === "string" && !isUnknown(value) || key.startsWith(RESOURCE_TAG) : stryMutAct_9fa48("793") ? false : stryMutAct_9fa48("792") ? true : (stryCov_9fa48("792", "793", "794"), (stryMutAct_9fa48("796") ? typeof key === "string" && typeof value === "string" || !isUnknown(value) : stryMutAct_9fa48("795") ? true : (stryCov_9fa48("795", "796"), (stryMutAct_9fa48("798") ? typeof key === "string" || typeof value === "string" : stryMutAct_9fa48("797") ? true : (stryCov_9fa48("797", "798"), (stryMutAct_9fa48("800") ? typeof key !== "string" : stryMutAct_9fa48("799") ? true : (stryCov_9fa48("799", "800"), typeof key === (stryMutAct_9fa48("801") ? "" : (stryCov_9fa48("801"), "string")))) && (stryMutAct_9fa48("803") ? typeof value !== "string" : stryMutAct_9fa48("802") ? true : (stryCov_9fa48("802", "803"), typeof value === (stryMutAct_9fa48("804") ? "" : (stryCov_9fa48("804"), "string")))))) && (stryMutAct_9fa48("805") ? isUnknown(value) : (stryCov_9fa48("805"), !isUnknown(value))))) && (stryMutAct_9fa48("806") ? key.endsWith(RESOURCE_TAG) : (stryCov_9fa48("806"), key.startsWith(RESOURCE_TAG))));
                conditions.push(onResourceTag ? tagTest(target, stryMutAct_9fa48("808") ? key : (stryCov_9fa48("808"), key.slice(RESOURCE_TAG.length)), stryMutAct_9fa48("809") ? () => undefined : (stryCov_9fa48("809"), tag => matches(tag, value))) : undefined);
              }
            }
          }
        }
      }
    }
    return all(stryMutAct_9fa48("810") ? [] : (stryCov_9fa48("810"), [base, all(conditions), not(listedIn(selection, stryMutAct_9fa48("811") ? "" : (stryCov_9fa48("811"), "notResources"), target))]));
  }
}
export const BACKUP_EXEMPT_TAG = stryMutAct_9fa48("812") ? "" : (stryCov_9fa48("812"), "BackupExempt");

/**
 * Whether a bucket holds no primary data (so needs no backup of its own): it
 * receives S3 server access logs (target of a BucketLogging), CloudTrail
 * logs (a trail's s3BucketName), or replicated copies of another bucket (a
 * replication destination), or it carries the tag BackupExempt with a
 * non-empty reason.
 */
export function isExemptBucket(bucket: PolicyResource, resources: PolicyResource[]): Tri {
  if (stryMutAct_9fa48("813")) {
    {}
  } else {
    stryCov_9fa48("813");
    const reason = tagValue(bucket, BACKUP_EXEMPT_TAG);
    if (stryMutAct_9fa48("816") ? typeof reason === "string" || reason.trim() !== "" : stryMutAct_9fa48("815") ? false : stryMutAct_9fa48("814") ? true : (stryCov_9fa48("814", "815", "816"), (stryMutAct_9fa48("818") ? typeof reason !== "string" : stryMutAct_9fa48("817") ? true : (stryCov_9fa48("817", "818"), typeof reason === (stryMutAct_9fa48("819") ? "" : (stryCov_9fa48("819"), "string")))) && (stryMutAct_9fa48("821") ? reason.trim() === "" : stryMutAct_9fa48("820") ? true : (stryCov_9fa48("820", "821"), (stryMutAct_9fa48("822") ? reason : (stryCov_9fa48("822"), reason.trim())) !== (stryMutAct_9fa48("823") ? "Stryker was here!" : (stryCov_9fa48("823"), "")))))) {
      if (stryMutAct_9fa48("824")) {
        {}
      } else {
        stryCov_9fa48("824");
        return stryMutAct_9fa48("825") ? false : (stryCov_9fa48("825"), true);
      }
    }
    const ids = bucketIdentities(bucket);
    const verdicts: Tri[] = stryMutAct_9fa48("826") ? [] : (stryCov_9fa48("826"), [(stryMutAct_9fa48("829") ? reason !== undefined : stryMutAct_9fa48("828") ? false : stryMutAct_9fa48("827") ? true : (stryCov_9fa48("827", "828", "829"), reason === undefined)) ? undefined : stryMutAct_9fa48("830") ? true : (stryCov_9fa48("830"), false)]);
    for (const r of resources) {
      if (stryMutAct_9fa48("831")) {
        {}
      } else {
        stryCov_9fa48("831");
        if (stryMutAct_9fa48("833") ? false : stryMutAct_9fa48("832") ? true : (stryCov_9fa48("832", "833"), isAnyOf(r, BUCKET_LOGGING))) {
          if (stryMutAct_9fa48("834")) {
            {}
          } else {
            stryCov_9fa48("834");
            verdicts.push(refersTo(r, stryMutAct_9fa48("836") ? "" : (stryCov_9fa48("836"), "targetBucket"), bucket, ids));
          }
        } else if (stryMutAct_9fa48("838") ? false : stryMutAct_9fa48("837") ? true : (stryCov_9fa48("837", "838"), r.isType(aws.cloudtrail.Trail))) {
          if (stryMutAct_9fa48("839")) {
            {}
          } else {
            stryCov_9fa48("839");
            verdicts.push(refersTo(r, stryMutAct_9fa48("841") ? "" : (stryCov_9fa48("841"), "s3BucketName"), bucket, ids));
          }
        } else if (stryMutAct_9fa48("843") ? false : stryMutAct_9fa48("842") ? true : (stryCov_9fa48("842", "843"), r.isType(aws.s3.BucketReplicationConfig))) {
          if (stryMutAct_9fa48("844")) {
            {}
          } else {
            stryCov_9fa48("844");
            if (stryMutAct_9fa48("845")) {
              ;
            } else {
              stryCov_9fa48("845");
              verdicts.push(replicatesInto(r, bucket, ids));
            }
          }
        }
      }
    }
    return any(verdicts);
  }
}
function replicatesInto(config: PolicyResource, bucket: PolicyResource, ids: unknown[]): Tri {
  if (stryMutAct_9fa48("846")) {
    {}
  } else {
    stryCov_9fa48("846");
    const deps = stryMutAct_9fa48("847") ? config.propertyDependencies.rules && [] : (stryCov_9fa48("847"), config.propertyDependencies.rules ?? (stryMutAct_9fa48("848") ? ["Stryker was here"] : (stryCov_9fa48("848"), [])));
    if (stryMutAct_9fa48("851") ? deps.every(d => d.urn === bucket.urn) : stryMutAct_9fa48("850") ? false : stryMutAct_9fa48("849") ? true : (stryCov_9fa48("849", "850", "851"), deps.some(stryMutAct_9fa48("852") ? () => undefined : (stryCov_9fa48("852"), d => stryMutAct_9fa48("855") ? d.urn !== bucket.urn : stryMutAct_9fa48("854") ? false : stryMutAct_9fa48("853") ? true : (stryCov_9fa48("853", "854", "855"), d.urn === bucket.urn))))) {
      if (stryMutAct_9fa48("856")) {
        {}
      } else {
        stryCov_9fa48("856");
        return stryMutAct_9fa48("857") ? false : (stryCov_9fa48("857"), true);
      }
    }
    // An unknown rules list (the sentinel) or destination comes from the resources the
    // rules depend on (none of them is this bucket); with no dependency, cannot tell.
    return any(asArray(propsOf(config).rules).map(stryMutAct_9fa48("858") ? () => undefined : (stryCov_9fa48("858"), rule => matchesIdentity(isObject(rule) ? stryMutAct_9fa48("859") ? (rule as {
      destination?: {
        bucket?: unknown;
      };
    }).destination.bucket : (stryCov_9fa48("859"), (rule as {
      destination?: {
        bucket?: unknown;
      };
    }).destination?.bucket) : rule, ids, stryMutAct_9fa48("863") ? deps.length <= 0 : stryMutAct_9fa48("862") ? deps.length >= 0 : stryMutAct_9fa48("861") ? false : stryMutAct_9fa48("860") ? true : (stryCov_9fa48("860", "861", "862", "863"), deps.length > 0)))));
  }
}
const DATABASES = stryMutAct_9fa48("864") ? [] : (stryCov_9fa48("864"), [aws.rds.Cluster, aws.rds.Instance]);
export const backupCoverage: StackValidationPolicy = stryMutAct_9fa48("865") ? {} : (stryCov_9fa48("865"), {
  name: stryMutAct_9fa48("866") ? "" : (stryCov_9fa48("866"), "backup-coverage"),
  description: (stryMutAct_9fa48("867") ? "" : (stryCov_9fa48("867"), "Every database (aws.rds.Cluster, aws.rds.Instance except read replicas), every EC2 instance (its EBS volumes) and every ")) + (stryMutAct_9fa48("868") ? "" : (stryCov_9fa48("868"), "data bucket is selected by an aws.backup.Selection: by ARN (or ARN pattern) in `resources`, linked through the ")) + (stryMutAct_9fa48("869") ? "" : (stryCov_9fa48("869"), "engine's property dependencies while ARNs are unknown, or by tag (selectionTags / conditions) on the resource's tags ")) + (stryMutAct_9fa48("870") ? "" : (stryCov_9fa48("870"), "including the provider's defaultTags. A bucket is not a data bucket when it receives S3 access logs (target of a ")) + (stryMutAct_9fa48("871") ? "" : (stryCov_9fa48("871"), "BucketLogging), CloudTrail logs (a trail's s3BucketName) or replicated copies (destination of a ")) + (stryMutAct_9fa48("872") ? "" : (stryCov_9fa48("872"), "BucketReplicationConfig), or when it is tagged BackupExempt with the reason as value.")),
  enforcementLevel: stryMutAct_9fa48("873") ? "" : (stryCov_9fa48("873"), "mandatory"),
  severity: stryMutAct_9fa48("874") ? "" : (stryCov_9fa48("874"), "high"),
  remediationSteps: (stryMutAct_9fa48("875") ? "" : (stryCov_9fa48("875"), "Add the resource's ARN to an aws.backup.Selection's `resources` (resources: [cluster.arn, bucket.arn, ...instances.map(i => i.arn)]), ")) + (stryMutAct_9fa48("876") ? "" : (stryCov_9fa48("876"), 'or tag it to match a tag-based selection. For a bucket that holds no primary data, tag it BackupExempt = "<reason>".')),
  ...compliance(stryMutAct_9fa48("877") ? "" : (stryCov_9fa48("877"), "164.308(a)(7)(ii)(A)"), stryMutAct_9fa48("878") ? [] : (stryCov_9fa48("878"), [stryMutAct_9fa48("879") ? "" : (stryCov_9fa48("879"), "backup"), stryMutAct_9fa48("880") ? "" : (stryCov_9fa48("880"), "rds"), stryMutAct_9fa48("881") ? "" : (stryCov_9fa48("881"), "ec2"), stryMutAct_9fa48("882") ? "" : (stryCov_9fa48("882"), "s3")]), stryMutAct_9fa48("883") ? [] : (stryCov_9fa48("883"), [stryMutAct_9fa48("884") ? "" : (stryCov_9fa48("884"), "164.308(a)(7)(ii)(B)")])),
  validateStack: (args, report) => {
    if (stryMutAct_9fa48("885")) {
      {}
    } else {
      stryCov_9fa48("885");
      const selections = stryMutAct_9fa48("886") ? args.resources : (stryCov_9fa48("886"), args.resources.filter(stryMutAct_9fa48("887") ? () => undefined : (stryCov_9fa48("887"), r => r.isType(aws.backup.Selection))));
      const targets = stryMutAct_9fa48("888") ? args.resources : (stryCov_9fa48("888"), args.resources.filter(r => {
        if (stryMutAct_9fa48("889")) {
          {}
        } else {
          stryCov_9fa48("889");
          if (stryMutAct_9fa48("892") ? r.isType(aws.rds.Instance) || knownString(propsOf(r).replicateSourceDb) : stryMutAct_9fa48("891") ? false : stryMutAct_9fa48("890") ? true : (stryCov_9fa48("890", "891", "892"), r.isType(aws.rds.Instance) && knownString(propsOf(r).replicateSourceDb))) {
            if (stryMutAct_9fa48("893")) {
              {}
            } else {
              stryCov_9fa48("893");
              return stryMutAct_9fa48("894") ? true : (stryCov_9fa48("894"), false);
            }
          }
          if (stryMutAct_9fa48("896") ? false : stryMutAct_9fa48("895") ? true : (stryCov_9fa48("895", "896"), isAnyOf(r, BUCKETS))) {
            if (stryMutAct_9fa48("897")) {
              {}
            } else {
              stryCov_9fa48("897");
              return stryMutAct_9fa48("900") ? isExemptBucket(r, args.resources) !== false : stryMutAct_9fa48("899") ? false : stryMutAct_9fa48("898") ? true : (stryCov_9fa48("898", "899", "900"), isExemptBucket(r, args.resources) === (stryMutAct_9fa48("901") ? true : (stryCov_9fa48("901"), false)));
            }
          }
          return isAnyOf(r, stryMutAct_9fa48("902") ? [] : (stryCov_9fa48("902"), [...DATABASES, aws.ec2.Instance]));
        }
      }));
      if (stryMutAct_9fa48("905") ? targets.length !== 0 : stryMutAct_9fa48("904") ? false : stryMutAct_9fa48("903") ? true : (stryCov_9fa48("903", "904", "905"), targets.length === 0)) {
        if (stryMutAct_9fa48("906")) {
          {}
        } else {
          stryCov_9fa48("906");
          args.notApplicable(stryMutAct_9fa48("908") ? "" : (stryCov_9fa48("908"), "no databases, instances or data buckets in the stack"));
        }
      }
      for (const target of targets) {
        if (stryMutAct_9fa48("909")) {
          {}
        } else {
          stryCov_9fa48("909");
          const covered = any(selections.map(stryMutAct_9fa48("910") ? () => undefined : (stryCov_9fa48("910"), s => selects(s, target))));
          if (stryMutAct_9fa48("913") ? covered !== false : stryMutAct_9fa48("912") ? false : stryMutAct_9fa48("911") ? true : (stryCov_9fa48("911", "912", "913"), covered === (stryMutAct_9fa48("914") ? true : (stryCov_9fa48("914"), false)))) {
            if (stryMutAct_9fa48("915")) {
              {}
            } else {
              stryCov_9fa48("915");
              const kind = isAnyOf(target, BUCKETS) ? stryMutAct_9fa48("916") ? "" : (stryCov_9fa48("916"), "data bucket") : isAnyOf(target, DATABASES) ? stryMutAct_9fa48("917") ? "" : (stryCov_9fa48("917"), "database") : stryMutAct_9fa48("918") ? "" : (stryCov_9fa48("918"), "EC2 instance");
              const none = (stryMutAct_9fa48("921") ? selections.length !== 0 : stryMutAct_9fa48("920") ? false : stryMutAct_9fa48("919") ? true : (stryCov_9fa48("919", "920", "921"), selections.length === 0)) ? stryMutAct_9fa48("922") ? "" : (stryCov_9fa48("922"), " (the stack has no aws.backup.Selection)") : stryMutAct_9fa48("923") ? "Stryker was here!" : (stryCov_9fa48("923"), "");
              report(stryMutAct_9fa48("925") ? `` : (stryCov_9fa48("925"), `${kind} ${target.name} is not selected by any AWS Backup selection${none}.`), target.urn);
            }
          }
        }
      }
    }
  }
});

// ----- second region ---------------------------------------------------------------

/** The region in a backup vault ARN (arn:aws:backup:<region>:<account>:backup-vault:<name>). */
export function regionOfArn(arn: string): string | undefined {
  if (stryMutAct_9fa48("926")) {
    {}
  } else {
    stryCov_9fa48("926");
    const parts = arn.split(stryMutAct_9fa48("927") ? "" : (stryCov_9fa48("927"), ":"));
    return (stryMutAct_9fa48("930") ? parts.length >= 6 && parts[0] === "arn" || parts[3] : stryMutAct_9fa48("929") ? false : stryMutAct_9fa48("928") ? true : (stryCov_9fa48("928", "929", "930"), (stryMutAct_9fa48("932") ? parts.length >= 6 || parts[0] === "arn" : stryMutAct_9fa48("931") ? true : (stryCov_9fa48("931", "932"), (stryMutAct_9fa48("935") ? parts.length < 6 : stryMutAct_9fa48("934") ? parts.length > 6 : stryMutAct_9fa48("933") ? true : (stryCov_9fa48("933", "934", "935"), parts.length >= 6)) && (stryMutAct_9fa48("937") ? parts[0] !== "arn" : stryMutAct_9fa48("936") ? true : (stryCov_9fa48("936", "937"), parts[0] === (stryMutAct_9fa48("938") ? "" : (stryCov_9fa48("938"), "arn")))))) && parts[3])) ? parts[3] : undefined;
  }
}
const VAULTS = stryMutAct_9fa48("939") ? [] : (stryCov_9fa48("939"), [aws.backup.Vault, aws.backup.LogicallyAirGappedVault]);
export const backupCrossRegionCopy: StackValidationPolicy = stryMutAct_9fa48("940") ? {} : (stryCov_9fa48("940"), {
  name: stryMutAct_9fa48("941") ? "" : (stryCov_9fa48("941"), "backup-cross-region-copy"),
  description: (stryMutAct_9fa48("942") ? "" : (stryCov_9fa48("942"), "Every AWS Backup plan copies recovery points to a vault in another region: at least one rule has a copy action whose ")) + (stryMutAct_9fa48("943") ? "" : (stryCov_9fa48("943"), "destination vault's region (from destinationVaultArn, or while that ARN is unknown from the aws.backup.Vault it ")) + (stryMutAct_9fa48("944") ? "" : (stryCov_9fa48("944"), "depends on and that vault's region) differs from the plan's region, so a regional disaster cannot take the backups with it.")),
  enforcementLevel: stryMutAct_9fa48("945") ? "" : (stryCov_9fa48("945"), "mandatory"),
  severity: stryMutAct_9fa48("946") ? "" : (stryCov_9fa48("946"), "high"),
  remediationSteps: (stryMutAct_9fa48("947") ? "" : (stryCov_9fa48("947"), "Create an aws.backup.Vault with region: <DR region> (encrypted with a key in that region) and add ")) + (stryMutAct_9fa48("948") ? "" : (stryCov_9fa48("948"), "copyActions: [{ destinationVaultArn: drVault.arn, lifecycle: { deleteAfter: 30 } }] to the plan's rules.")),
  ...compliance(stryMutAct_9fa48("949") ? "" : (stryCov_9fa48("949"), "164.308(a)(7)(ii)(B)"), stryMutAct_9fa48("950") ? [] : (stryCov_9fa48("950"), [stryMutAct_9fa48("951") ? "" : (stryCov_9fa48("951"), "backup"), stryMutAct_9fa48("952") ? "" : (stryCov_9fa48("952"), "disaster-recovery")]), stryMutAct_9fa48("953") ? [] : (stryCov_9fa48("953"), [stryMutAct_9fa48("954") ? "" : (stryCov_9fa48("954"), "164.308(a)(7)(ii)(A)")])),
  validateStack: validateStackResourcesOfType(aws.backup.Plan, (_plans, args, report) => {
    if (stryMutAct_9fa48("955")) {
      {}
    } else {
      stryCov_9fa48("955");
      for (const plan of args.resources) {
        if (stryMutAct_9fa48("956")) {
          {}
        } else {
          stryCov_9fa48("956");
          // The plan's region may be unknown: a plan without any copy action is flagged all the same.
          const region = regionOf(plan);
          const deps = stryMutAct_9fa48("957") ? plan.propertyDependencies.rules && [] : (stryCov_9fa48("957"), plan.propertyDependencies.rules ?? (stryMutAct_9fa48("958") ? ["Stryker was here"] : (stryCov_9fa48("958"), [])));
          const depRegions = deps.map(stryMutAct_9fa48("959") ? () => undefined : (stryCov_9fa48("959"), d => regionOf(d)));
          // An unknown rules list or copyActions list (the sentinel) is one element that is not an object.
          const copies = asArray(propsOf(plan).rules).flatMap(stryMutAct_9fa48("960") ? () => undefined : (stryCov_9fa48("960"), rule => isObject(rule) ? asArray((rule as {
            copyActions?: unknown;
          }).copyActions) : stryMutAct_9fa48("961") ? [] : (stryCov_9fa48("961"), [undefined])));
          const verdict = any(copies.map((copy): Tri => {
            if (stryMutAct_9fa48("962")) {
              {}
            } else {
              stryCov_9fa48("962");
              if (stryMutAct_9fa48("965") ? !isObject(copy) && region === undefined : stryMutAct_9fa48("964") ? false : stryMutAct_9fa48("963") ? true : (stryCov_9fa48("963", "964", "965"), (stryMutAct_9fa48("966") ? isObject(copy) : (stryCov_9fa48("966"), !isObject(copy))) || (stryMutAct_9fa48("968") ? region !== undefined : stryMutAct_9fa48("967") ? false : (stryCov_9fa48("967", "968"), region === undefined)))) {
                if (stryMutAct_9fa48("969")) {
                  {}
                } else {
                  stryCov_9fa48("969");
                  return undefined;
                }
              }
              const known = knownString((copy as {
                destinationVaultArn?: unknown;
              }).destinationVaultArn);
              if (stryMutAct_9fa48("971") ? false : stryMutAct_9fa48("970") ? true : (stryCov_9fa48("970", "971"), known)) {
                if (stryMutAct_9fa48("972")) {
                  {}
                } else {
                  stryCov_9fa48("972");
                  const other = regionOfArn(known);
                  // Stryker disable next-line ConditionalExpression: an unparsable ARN gives undefined or true, and neither is a violation
                  return (stryMutAct_9fa48("975") ? other !== undefined : (stryCov_9fa48("975"), other === undefined)) ? undefined : stryMutAct_9fa48("978") ? other === region : (stryCov_9fa48("978"), other !== region);
                }
              }
              // ARN unknown (a vault still to be created): the rules depend only on vaults, all in the plan's region.
              const onlySameRegionVaults = stryMutAct_9fa48("981") ? deps.length > 0 && deps.every(d => isAnyOf(d, VAULTS)) || depRegions.every(r => r === region) : stryMutAct_9fa48("980") ? false : stryMutAct_9fa48("979") ? true : (stryCov_9fa48("979", "980", "981"), (stryMutAct_9fa48("983") ? deps.length > 0 || deps.every(d => isAnyOf(d, VAULTS)) : stryMutAct_9fa48("982") ? true : (stryCov_9fa48("982", "983"), (stryMutAct_9fa48("986") ? deps.length <= 0 : stryMutAct_9fa48("985") ? deps.length >= 0 : stryMutAct_9fa48("984") ? true : (stryCov_9fa48("984", "985", "986"), deps.length > 0)) && (stryMutAct_9fa48("987") ? deps.some(d => isAnyOf(d, VAULTS)) : (stryCov_9fa48("987"), deps.every(stryMutAct_9fa48("988") ? () => undefined : (stryCov_9fa48("988"), d => isAnyOf(d, VAULTS))))))) && (stryMutAct_9fa48("989") ? depRegions.some(r => r === region) : (stryCov_9fa48("989"), depRegions.every(stryMutAct_9fa48("990") ? () => undefined : (stryCov_9fa48("990"), r => stryMutAct_9fa48("993") ? r !== region : stryMutAct_9fa48("992") ? false : stryMutAct_9fa48("991") ? true : (stryCov_9fa48("991", "992", "993"), r === region))))));
              return onlySameRegionVaults ? stryMutAct_9fa48("994") ? true : (stryCov_9fa48("994"), false) : undefined;
            }
          }));
          if (stryMutAct_9fa48("997") ? verdict !== false : stryMutAct_9fa48("996") ? false : stryMutAct_9fa48("995") ? true : (stryCov_9fa48("995", "996", "997"), verdict === (stryMutAct_9fa48("998") ? true : (stryCov_9fa48("998"), false)))) {
            if (stryMutAct_9fa48("999")) {
              {}
            } else {
              stryCov_9fa48("999");
              const why = (stryMutAct_9fa48("1002") ? copies.length !== 0 : stryMutAct_9fa48("1001") ? false : stryMutAct_9fa48("1000") ? true : (stryCov_9fa48("1000", "1001", "1002"), copies.length === 0)) ? stryMutAct_9fa48("1003") ? "" : (stryCov_9fa48("1003"), "has no copy action") : stryMutAct_9fa48("1004") ? `` : (stryCov_9fa48("1004"), `copies only to vaults in its own region ${region}`);
              report(stryMutAct_9fa48("1006") ? `` : (stryCov_9fa48("1006"), `backup plan ${plan.name} ${why}: keep a copy of every recovery point in another region.`), plan.urn);
            }
          }
        }
      }
    }
  })
});