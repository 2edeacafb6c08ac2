// @ts-nocheck
// 
// Recovery point objective: a backup plan makes a recovery point at least
// every hour (a continuous rule, or a schedule that runs hourly) and copies
// one at least daily to another vault (HIPAA 164.308(a)(7)(ii)(A) data backup
// plan, 164.308(a)(7)(ii)(B) disaster recovery; LGPD art. 46). The spec asks
// for "backups daily + hourly".
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
import { ResourceValidationPolicy } from "@pulumi/policy";
import { compliance } from "./lib/compliance";
import { configWithDefaults } from "./lib/config";
import { asArray, isObject, isUnknown, knownString, plain } from "./lib/values";
export interface RecoveryPointConfig {
  maximumRecoveryPointMinutes: number;
}
const MINUTES_PER_DAY = stryMutAct_9fa48("2787") ? 24 / 60 : (stryCov_9fa48("2787"), 24 * 60);

/**
 * The longest gap, in minutes, between two runs of an AWS Backup schedule
 * `cron(Minutes Hours Day-of-month Month Day-of-week Year)` (UTC), or
 * undefined when the expression is not one this check reads. The minutes and
 * hours fields give the runs of a day; a schedule that skips days (day-of-month
 * or day-of-week restricted) gets the lower bound of skipping one day, which is
 * more than a day.
 */
export function scheduleGapMinutes(expression: string): number | undefined {
  if (stryMutAct_9fa48("2788")) {
    {}
  } else {
    stryCov_9fa48("2788");
    const m = (stryMutAct_9fa48("2817") ? /^cron\(\s*(\S+)\s+(\S+)\s+(\S+)\s+(\S+)\s+(\S+)(?:\s+(\S+))?\S*\)$/ : stryMutAct_9fa48("2816") ? /^cron\(\s*(\S+)\s+(\S+)\s+(\S+)\s+(\S+)\s+(\S+)(?:\s+(\S+))?\s\)$/ : stryMutAct_9fa48("2815") ? /^cron\(\s*(\S+)\s+(\S+)\s+(\S+)\s+(\S+)\s+(\S+)(?:\s+(\s+))?\s*\)$/ : stryMutAct_9fa48("2814") ? /^cron\(\s*(\S+)\s+(\S+)\s+(\S+)\s+(\S+)\s+(\S+)(?:\s+(\S))?\s*\)$/ : stryMutAct_9fa48("2813") ? /^cron\(\s*(\S+)\s+(\S+)\s+(\S+)\s+(\S+)\s+(\S+)(?:\S+(\S+))?\s*\)$/ : stryMutAct_9fa48("2812") ? /^cron\(\s*(\S+)\s+(\S+)\s+(\S+)\s+(\S+)\s+(\S+)(?:\s(\S+))?\s*\)$/ : stryMutAct_9fa48("2811") ? /^cron\(\s*(\S+)\s+(\S+)\s+(\S+)\s+(\S+)\s+(\S+)(?:\s+(\S+))\s*\)$/ : stryMutAct_9fa48("2810") ? /^cron\(\s*(\S+)\s+(\S+)\s+(\S+)\s+(\S+)\s+(\s+)(?:\s+(\S+))?\s*\)$/ : stryMutAct_9fa48("2809") ? /^cron\(\s*(\S+)\s+(\S+)\s+(\S+)\s+(\S+)\s+(\S)(?:\s+(\S+))?\s*\)$/ : stryMutAct_9fa48("2808") ? /^cron\(\s*(\S+)\s+(\S+)\s+(\S+)\s+(\S+)\S+(\S+)(?:\s+(\S+))?\s*\)$/ : stryMutAct_9fa48("2807") ? /^cron\(\s*(\S+)\s+(\S+)\s+(\S+)\s+(\S+)\s(\S+)(?:\s+(\S+))?\s*\)$/ : stryMutAct_9fa48("2806") ? /^cron\(\s*(\S+)\s+(\S+)\s+(\S+)\s+(\s+)\s+(\S+)(?:\s+(\S+))?\s*\)$/ : stryMutAct_9fa48("2805") ? /^cron\(\s*(\S+)\s+(\S+)\s+(\S+)\s+(\S)\s+(\S+)(?:\s+(\S+))?\s*\)$/ : stryMutAct_9fa48("2804") ? /^cron\(\s*(\S+)\s+(\S+)\s+(\S+)\S+(\S+)\s+(\S+)(?:\s+(\S+))?\s*\)$/ : stryMutAct_9fa48("2803") ? /^cron\(\s*(\S+)\s+(\S+)\s+(\S+)\s(\S+)\s+(\S+)(?:\s+(\S+))?\s*\)$/ : stryMutAct_9fa48("2802") ? /^cron\(\s*(\S+)\s+(\S+)\s+(\s+)\s+(\S+)\s+(\S+)(?:\s+(\S+))?\s*\)$/ : stryMutAct_9fa48("2801") ? /^cron\(\s*(\S+)\s+(\S+)\s+(\S)\s+(\S+)\s+(\S+)(?:\s+(\S+))?\s*\)$/ : stryMutAct_9fa48("2800") ? /^cron\(\s*(\S+)\s+(\S+)\S+(\S+)\s+(\S+)\s+(\S+)(?:\s+(\S+))?\s*\)$/ : stryMutAct_9fa48("2799") ? /^cron\(\s*(\S+)\s+(\S+)\s(\S+)\s+(\S+)\s+(\S+)(?:\s+(\S+))?\s*\)$/ : stryMutAct_9fa48("2798") ? /^cron\(\s*(\S+)\s+(\s+)\s+(\S+)\s+(\S+)\s+(\S+)(?:\s+(\S+))?\s*\)$/ : stryMutAct_9fa48("2797") ? /^cron\(\s*(\S+)\s+(\S)\s+(\S+)\s+(\S+)\s+(\S+)(?:\s+(\S+))?\s*\)$/ : stryMutAct_9fa48("2796") ? /^cron\(\s*(\S+)\S+(\S+)\s+(\S+)\s+(\S+)\s+(\S+)(?:\s+(\S+))?\s*\)$/ : stryMutAct_9fa48("2795") ? /^cron\(\s*(\S+)\s(\S+)\s+(\S+)\s+(\S+)\s+(\S+)(?:\s+(\S+))?\s*\)$/ : stryMutAct_9fa48("2794") ? /^cron\(\s*(\s+)\s+(\S+)\s+(\S+)\s+(\S+)\s+(\S+)(?:\s+(\S+))?\s*\)$/ : stryMutAct_9fa48("2793") ? /^cron\(\s*(\S)\s+(\S+)\s+(\S+)\s+(\S+)\s+(\S+)(?:\s+(\S+))?\s*\)$/ : stryMutAct_9fa48("2792") ? /^cron\(\S*(\S+)\s+(\S+)\s+(\S+)\s+(\S+)\s+(\S+)(?:\s+(\S+))?\s*\)$/ : stryMutAct_9fa48("2791") ? /^cron\(\s(\S+)\s+(\S+)\s+(\S+)\s+(\S+)\s+(\S+)(?:\s+(\S+))?\s*\)$/ : stryMutAct_9fa48("2790") ? /^cron\(\s*(\S+)\s+(\S+)\s+(\S+)\s+(\S+)\s+(\S+)(?:\s+(\S+))?\s*\)/ : stryMutAct_9fa48("2789") ? /cron\(\s*(\S+)\s+(\S+)\s+(\S+)\s+(\S+)\s+(\S+)(?:\s+(\S+))?\s*\)$/ : (stryCov_9fa48("2789", "2790", "2791", "2792", "2793", "2794", "2795", "2796", "2797", "2798", "2799", "2800", "2801", "2802", "2803", "2804", "2805", "2806", "2807", "2808", "2809", "2810", "2811", "2812", "2813", "2814", "2815", "2816", "2817"), /^cron\(\s*(\S+)\s+(\S+)\s+(\S+)\s+(\S+)\s+(\S+)(?:\s+(\S+))?\s*\)$/)).exec(stryMutAct_9fa48("2818") ? expression : (stryCov_9fa48("2818"), expression.trim()));
    if (stryMutAct_9fa48("2821") ? false : stryMutAct_9fa48("2820") ? true : stryMutAct_9fa48("2819") ? m : (stryCov_9fa48("2819", "2820", "2821"), !m)) {
      if (stryMutAct_9fa48("2822")) {
        {}
      } else {
        stryCov_9fa48("2822");
        return undefined;
      }
    }
    const [, minutes, hours, dom,, dow] = m;
    const everyDay = stryMutAct_9fa48("2825") ? dom === "*" || dom === "?" || dow === "*" || dow === "?" : stryMutAct_9fa48("2824") ? false : stryMutAct_9fa48("2823") ? true : (stryCov_9fa48("2823", "2824", "2825"), (stryMutAct_9fa48("2827") ? dom === "*" && dom === "?" : stryMutAct_9fa48("2826") ? true : (stryCov_9fa48("2826", "2827"), (stryMutAct_9fa48("2829") ? dom !== "*" : stryMutAct_9fa48("2828") ? false : (stryCov_9fa48("2828", "2829"), dom === (stryMutAct_9fa48("2830") ? "" : (stryCov_9fa48("2830"), "*")))) || (stryMutAct_9fa48("2832") ? dom !== "?" : stryMutAct_9fa48("2831") ? false : (stryCov_9fa48("2831", "2832"), dom === (stryMutAct_9fa48("2833") ? "" : (stryCov_9fa48("2833"), "?")))))) && (stryMutAct_9fa48("2835") ? dow === "*" && dow === "?" : stryMutAct_9fa48("2834") ? true : (stryCov_9fa48("2834", "2835"), (stryMutAct_9fa48("2837") ? dow !== "*" : stryMutAct_9fa48("2836") ? false : (stryCov_9fa48("2836", "2837"), dow === (stryMutAct_9fa48("2838") ? "" : (stryCov_9fa48("2838"), "*")))) || (stryMutAct_9fa48("2840") ? dow !== "?" : stryMutAct_9fa48("2839") ? false : (stryCov_9fa48("2839", "2840"), dow === (stryMutAct_9fa48("2841") ? "" : (stryCov_9fa48("2841"), "?")))))));
    const hoursList = (() => {
      if (stryMutAct_9fa48("2842")) {
        {}
      } else {
        stryCov_9fa48("2842");
        if (stryMutAct_9fa48("2845") ? hours !== "*" : stryMutAct_9fa48("2844") ? false : stryMutAct_9fa48("2843") ? true : (stryCov_9fa48("2843", "2844", "2845"), hours === (stryMutAct_9fa48("2846") ? "" : (stryCov_9fa48("2846"), "*")))) return Array.from(stryMutAct_9fa48("2847") ? {} : (stryCov_9fa48("2847"), {
          length: 24
        }), stryMutAct_9fa48("2848") ? () => undefined : (stryCov_9fa48("2848"), (_, h) => h));
        // Stryker disable next-line Regex: the anchors only refuse characters AWS Backup refuses in the hours field
        const step = /^(\*|\d+)\/(\d+)$/.exec(hours);
        if (stryMutAct_9fa48("2856") ? false : stryMutAct_9fa48("2855") ? true : (stryCov_9fa48("2855", "2856"), step)) {
          if (stryMutAct_9fa48("2857")) {
            {}
          } else {
            stryCov_9fa48("2857");
            const start = (stryMutAct_9fa48("2860") ? step[1] !== "*" : stryMutAct_9fa48("2859") ? false : stryMutAct_9fa48("2858") ? true : (stryCov_9fa48("2858", "2859", "2860"), step[1] === (stryMutAct_9fa48("2861") ? "" : (stryCov_9fa48("2861"), "*")))) ? 0 : Number(step[1]);
            const out: number[] = stryMutAct_9fa48("2862") ? ["Stryker was here"] : (stryCov_9fa48("2862"), []);
            // Stryker disable next-line EqualityOperator: hour 24 is midnight again, a run already listed as 0
            for (let h = start; stryMutAct_9fa48("2863") ? false : (stryCov_9fa48("2863"), h < 24); stryMutAct_9fa48("2866") ? h -= Number(step[2]) : (stryCov_9fa48("2866"), h += Number(step[2]))) if (stryMutAct_9fa48("2867")) {
              ;
            } else {
              stryCov_9fa48("2867");
              out.push(h);
            }
            return out;
          }
        }
        // Stryker disable next-line Regex: the anchors only refuse characters AWS Backup refuses in the hours field
        return /^\d+(,\d+)*$/.test(hours) ? hours.split(stryMutAct_9fa48("2875") ? "" : (stryCov_9fa48("2875"), ",")).map(Number) : undefined;
      }
    })();
    if (stryMutAct_9fa48("2878") ? (!hoursList || hoursList.length === 0) && !/^[\d,]+$/.test(minutes) : stryMutAct_9fa48("2877") ? false : stryMutAct_9fa48("2876") ? true : (stryCov_9fa48("2876", "2877", "2878"), (stryMutAct_9fa48("2880") ? !hoursList && hoursList.length === 0 : stryMutAct_9fa48("2879") ? false : (stryCov_9fa48("2879", "2880"), (stryMutAct_9fa48("2881") ? hoursList : (stryCov_9fa48("2881"), !hoursList)) || (stryMutAct_9fa48("2883") ? hoursList.length !== 0 : stryMutAct_9fa48("2882") ? false : (stryCov_9fa48("2882", "2883"), hoursList.length === 0)))) || (stryMutAct_9fa48("2884") ? /^[\d,]+$/.test(minutes) : (stryCov_9fa48("2884"), !(stryMutAct_9fa48("2889") ? /^[\D,]+$/ : stryMutAct_9fa48("2888") ? /^[^\d,]+$/ : stryMutAct_9fa48("2887") ? /^[\d,]$/ : stryMutAct_9fa48("2886") ? /^[\d,]+/ : stryMutAct_9fa48("2885") ? /[\d,]+$/ : (stryCov_9fa48("2885", "2886", "2887", "2888", "2889"), /^[\d,]+$/)).test(minutes))))) {
      if (stryMutAct_9fa48("2890")) {
        {}
      } else {
        stryCov_9fa48("2890");
        return undefined;
      }
    }
    // Every run of a day, in minutes after midnight, and the longest wait for the next one (across midnight too).
    const minuteList = minutes.split(stryMutAct_9fa48("2891") ? "" : (stryCov_9fa48("2891"), ",")).map(Number);
    // Stryker disable next-line ArithmeticOperator: h * 60 - mm mirrors the runs, which keeps the longest gap
    const runs = stryMutAct_9fa48("2892") ? hoursList.flatMap(h => minuteList.map(mm => h * 60 + mm)) : (stryCov_9fa48("2892"), hoursList.flatMap(stryMutAct_9fa48("2893") ? () => undefined : (stryCov_9fa48("2893"), h => minuteList.map(stryMutAct_9fa48("2894") ? () => undefined : (stryCov_9fa48("2894"), mm => h * 60 + mm)))).sort(stryMutAct_9fa48("2897") ? () => undefined : (stryCov_9fa48("2897"), (a, b) => a - b)));
    const gap = stryMutAct_9fa48("2899") ? Math.min(...runs.map((t, i) => (i + 1 < runs.length ? runs[i + 1] : runs[0] + MINUTES_PER_DAY) - t)) : (stryCov_9fa48("2899"), Math.max(...runs.map(stryMutAct_9fa48("2900") ? () => undefined : (stryCov_9fa48("2900"), (t, i) => stryMutAct_9fa48("2901") ? (i + 1 < runs.length ? runs[i + 1] : runs[0] + MINUTES_PER_DAY) + t : (stryCov_9fa48("2901"), ((stryMutAct_9fa48("2905") ? i + 1 >= runs.length : stryMutAct_9fa48("2904") ? i + 1 <= runs.length : stryMutAct_9fa48("2903") ? false : stryMutAct_9fa48("2902") ? true : (stryCov_9fa48("2902", "2903", "2904", "2905"), (stryMutAct_9fa48("2906") ? i - 1 : (stryCov_9fa48("2906"), i + 1)) < runs.length)) ? runs[stryMutAct_9fa48("2907") ? i - 1 : (stryCov_9fa48("2907"), i + 1)] : stryMutAct_9fa48("2908") ? runs[0] - MINUTES_PER_DAY : (stryCov_9fa48("2908"), runs[0] + MINUTES_PER_DAY)) - t)))));
    // A schedule that skips a day waits at least from its last run of one day to its first run two days later.
    return everyDay ? gap : stryMutAct_9fa48("2909") ? Math.min(gap, runs[0] + 2 * MINUTES_PER_DAY - runs[runs.length - 1]) : (stryCov_9fa48("2909"), Math.max(gap, stryMutAct_9fa48("2910") ? runs[0] + 2 * MINUTES_PER_DAY + runs[runs.length - 1] : (stryCov_9fa48("2910"), (stryMutAct_9fa48("2911") ? runs[0] - 2 * MINUTES_PER_DAY : (stryCov_9fa48("2911"), runs[0] + (stryMutAct_9fa48("2912") ? 2 / MINUTES_PER_DAY : (stryCov_9fa48("2912"), 2 * MINUTES_PER_DAY)))) - runs[stryMutAct_9fa48("2913") ? runs.length + 1 : (stryCov_9fa48("2913"), runs.length - 1)])));
  }
}
export const backupRecoveryPoint: ResourceValidationPolicy = stryMutAct_9fa48("2914") ? {} : (stryCov_9fa48("2914"), {
  name: stryMutAct_9fa48("2915") ? "" : (stryCov_9fa48("2915"), "backup-recovery-point"),
  description: (stryMutAct_9fa48("2916") ? "" : (stryCov_9fa48("2916"), "Every AWS Backup plan makes a recovery point at least every `maximumRecoveryPointMinutes` (default 60): a rule with ")) + (stryMutAct_9fa48("2917") ? "" : (stryCov_9fa48("2917"), "enableContinuousBackup (point-in-time restore) or a schedule whose runs are at most that far apart; and a rule that ")) + (stryMutAct_9fa48("2918") ? "" : (stryCov_9fa48("2918"), "runs at least daily copies its recovery points to another vault (copyActions).")),
  enforcementLevel: stryMutAct_9fa48("2919") ? "" : (stryCov_9fa48("2919"), "mandatory"),
  severity: stryMutAct_9fa48("2920") ? "" : (stryCov_9fa48("2920"), "high"),
  remediationSteps: (stryMutAct_9fa48("2921") ? "" : (stryCov_9fa48("2921"), 'Keep an hourly rule (schedule "cron(0 * * * ? *)" or enableContinuousBackup: true for Aurora and S3) next to the daily ')) + (stryMutAct_9fa48("2922") ? "" : (stryCov_9fa48("2922"), "rule, and give the daily rule copyActions to the DR vault.")),
  configSchema: stryMutAct_9fa48("2923") ? {} : (stryCov_9fa48("2923"), {
    properties: stryMutAct_9fa48("2924") ? {} : (stryCov_9fa48("2924"), {
      maximumRecoveryPointMinutes: stryMutAct_9fa48("2925") ? {} : (stryCov_9fa48("2925"), {
        type: stryMutAct_9fa48("2926") ? "" : (stryCov_9fa48("2926"), "integer"),
        minimum: 1,
        default: 60,
        description: stryMutAct_9fa48("2927") ? "" : (stryCov_9fa48("2927"), "Longest time between two recovery points of a backup plan, in minutes (the spec's hourly backups: 60).")
      })
    })
  }),
  ...compliance(stryMutAct_9fa48("2928") ? "" : (stryCov_9fa48("2928"), "164.308(a)(7)(ii)(A)"), stryMutAct_9fa48("2929") ? [] : (stryCov_9fa48("2929"), [stryMutAct_9fa48("2930") ? "" : (stryCov_9fa48("2930"), "backup"), stryMutAct_9fa48("2931") ? "" : (stryCov_9fa48("2931"), "rpo")]), stryMutAct_9fa48("2932") ? [] : (stryCov_9fa48("2932"), [stryMutAct_9fa48("2933") ? "" : (stryCov_9fa48("2933"), "164.308(a)(7)(ii)(B)")])),
  validateResource: (args, report) => {
    if (stryMutAct_9fa48("2934")) {
      {}
    } else {
      stryCov_9fa48("2934");
      if (stryMutAct_9fa48("2937") ? false : stryMutAct_9fa48("2936") ? true : stryMutAct_9fa48("2935") ? args.isType(aws.backup.Plan) : (stryCov_9fa48("2935", "2936", "2937"), !args.isType(aws.backup.Plan))) {
        if (stryMutAct_9fa48("2938")) {
          {}
        } else {
          stryCov_9fa48("2938");
          return;
        }
      }
      const config = configWithDefaults<RecoveryPointConfig>(backupRecoveryPoint.configSchema!, args.getConfig<RecoveryPointConfig>());
      const p = plain(args.props) as {
        rules?: unknown;
      };
      // Per rule: the gap between its recovery points and whether it copies them elsewhere (undefined:
      // unknown at preview). Unknown rules (the sentinel) are one unknown rule.
      const rules = asArray(p.rules).map((raw): {
        gap?: number;
        copies?: boolean;
      } => {
        if (stryMutAct_9fa48("2939")) {
          {}
        } else {
          stryCov_9fa48("2939");
          if (stryMutAct_9fa48("2942") ? false : stryMutAct_9fa48("2941") ? true : stryMutAct_9fa48("2940") ? isObject(raw) : (stryCov_9fa48("2940", "2941", "2942"), !isObject(raw))) {
            if (stryMutAct_9fa48("2943")) {
              {}
            } else {
              stryCov_9fa48("2943");
              return {};
            }
          }
          const rule = raw as {
            enableContinuousBackup?: unknown;
            schedule?: unknown;
            copyActions?: unknown;
          };
          const schedule = knownString(rule.schedule);
          const gap = (stryMutAct_9fa48("2946") ? rule.enableContinuousBackup !== true : stryMutAct_9fa48("2945") ? false : stryMutAct_9fa48("2944") ? true : (stryCov_9fa48("2944", "2945", "2946"), rule.enableContinuousBackup === (stryMutAct_9fa48("2947") ? false : (stryCov_9fa48("2947"), true)))) ? 0 : schedule ? stryMutAct_9fa48("2948") ? scheduleGapMinutes(schedule) && Infinity : (stryCov_9fa48("2948"), scheduleGapMinutes(schedule) ?? Infinity) : isUnknown(rule.schedule) ? undefined : Infinity;
          const copies = isUnknown(rule.copyActions) ? undefined : stryMutAct_9fa48("2952") ? asArray(rule.copyActions).length <= 0 : stryMutAct_9fa48("2951") ? asArray(rule.copyActions).length >= 0 : stryMutAct_9fa48("2950") ? false : stryMutAct_9fa48("2949") ? true : (stryCov_9fa48("2949", "2950", "2951", "2952"), asArray(rule.copyActions).length > 0);
          return stryMutAct_9fa48("2953") ? {} : (stryCov_9fa48("2953"), {
            gap,
            copies
          });
        }
      });
      const known = stryMutAct_9fa48("2954") ? rules.map(r => r.gap) : (stryCov_9fa48("2954"), rules.map(stryMutAct_9fa48("2955") ? () => undefined : (stryCov_9fa48("2955"), r => r.gap)).filter(stryMutAct_9fa48("2956") ? () => undefined : (stryCov_9fa48("2956"), (g): g is number => stryMutAct_9fa48("2959") ? g === undefined : stryMutAct_9fa48("2958") ? false : stryMutAct_9fa48("2957") ? true : (stryCov_9fa48("2957", "2958", "2959"), g !== undefined))));
      const unknown = stryMutAct_9fa48("2963") ? known.length >= rules.length : stryMutAct_9fa48("2962") ? known.length <= rules.length : stryMutAct_9fa48("2961") ? false : stryMutAct_9fa48("2960") ? true : (stryCov_9fa48("2960", "2961", "2962", "2963"), known.length < rules.length);
      const best = stryMutAct_9fa48("2964") ? Math.max(Infinity, ...known) : (stryCov_9fa48("2964"), Math.min(Infinity, ...known));
      const hourlyOk = stryMutAct_9fa48("2968") ? best > config.maximumRecoveryPointMinutes : stryMutAct_9fa48("2967") ? best < config.maximumRecoveryPointMinutes : stryMutAct_9fa48("2966") ? false : stryMutAct_9fa48("2965") ? true : (stryCov_9fa48("2965", "2966", "2967", "2968"), best <= config.maximumRecoveryPointMinutes);
      const dailyCopy = stryMutAct_9fa48("2969") ? rules.every(r => r.copies === true && (r.gap ?? Infinity) <= MINUTES_PER_DAY) : (stryCov_9fa48("2969"), rules.some(stryMutAct_9fa48("2970") ? () => undefined : (stryCov_9fa48("2970"), r => stryMutAct_9fa48("2973") ? r.copies === true || (r.gap ?? Infinity) <= MINUTES_PER_DAY : stryMutAct_9fa48("2972") ? false : stryMutAct_9fa48("2971") ? true : (stryCov_9fa48("2971", "2972", "2973"), (stryMutAct_9fa48("2975") ? r.copies !== true : stryMutAct_9fa48("2974") ? true : (stryCov_9fa48("2974", "2975"), r.copies === (stryMutAct_9fa48("2976") ? false : (stryCov_9fa48("2976"), true)))) && (stryMutAct_9fa48("2979") ? (r.gap ?? Infinity) > MINUTES_PER_DAY : stryMutAct_9fa48("2978") ? (r.gap ?? Infinity) < MINUTES_PER_DAY : stryMutAct_9fa48("2977") ? true : (stryCov_9fa48("2977", "2978", "2979"), (stryMutAct_9fa48("2980") ? r.gap && Infinity : (stryCov_9fa48("2980"), r.gap ?? Infinity)) <= MINUTES_PER_DAY))))));
      const copyUnknown = stryMutAct_9fa48("2981") ? rules.every(r => r.copies === undefined || r.gap === undefined) : (stryCov_9fa48("2981"), rules.some(stryMutAct_9fa48("2982") ? () => undefined : (stryCov_9fa48("2982"), r => stryMutAct_9fa48("2985") ? r.copies === undefined && r.gap === undefined : stryMutAct_9fa48("2984") ? false : stryMutAct_9fa48("2983") ? true : (stryCov_9fa48("2983", "2984", "2985"), (stryMutAct_9fa48("2987") ? r.copies !== undefined : stryMutAct_9fa48("2986") ? false : (stryCov_9fa48("2986", "2987"), r.copies === undefined)) || (stryMutAct_9fa48("2989") ? r.gap !== undefined : stryMutAct_9fa48("2988") ? false : (stryCov_9fa48("2988", "2989"), r.gap === undefined))))));
      if (stryMutAct_9fa48("2992") ? !hourlyOk || !unknown : stryMutAct_9fa48("2991") ? false : stryMutAct_9fa48("2990") ? true : (stryCov_9fa48("2990", "2991", "2992"), (stryMutAct_9fa48("2993") ? hourlyOk : (stryCov_9fa48("2993"), !hourlyOk)) && (stryMutAct_9fa48("2994") ? unknown : (stryCov_9fa48("2994"), !unknown)))) {
        if (stryMutAct_9fa48("2995")) {
          {}
        } else {
          stryCov_9fa48("2995");
          report((stryMutAct_9fa48("2997") ? `` : (stryCov_9fa48("2997"), `no rule makes a recovery point at least every ${config.maximumRecoveryPointMinutes} minutes `)) + (stryMutAct_9fa48("2998") ? `` : (stryCov_9fa48("2998"), `(${(stryMutAct_9fa48("3001") ? best !== Infinity : stryMutAct_9fa48("3000") ? false : stryMutAct_9fa48("2999") ? true : (stryCov_9fa48("2999", "3000", "3001"), best === Infinity)) ? stryMutAct_9fa48("3002") ? "" : (stryCov_9fa48("3002"), "no readable schedule") : stryMutAct_9fa48("3003") ? `` : (stryCov_9fa48("3003"), `the most frequent runs every ${best} minutes`)}): up to that much patient data could be lost.`)));
        }
      }
      if (stryMutAct_9fa48("3006") ? !dailyCopy || !copyUnknown : stryMutAct_9fa48("3005") ? false : stryMutAct_9fa48("3004") ? true : (stryCov_9fa48("3004", "3005", "3006"), (stryMutAct_9fa48("3007") ? dailyCopy : (stryCov_9fa48("3007"), !dailyCopy)) && (stryMutAct_9fa48("3008") ? copyUnknown : (stryCov_9fa48("3008"), !copyUnknown)))) {
        if (stryMutAct_9fa48("3009")) {
          {}
        } else {
          stryCov_9fa48("3009");
          report(stryMutAct_9fa48("3011") ? "" : (stryCov_9fa48("3011"), "no rule that runs at least daily copies its recovery points to another vault: a regional disaster would take the backups too."));
        }
      }
    }
  }
});