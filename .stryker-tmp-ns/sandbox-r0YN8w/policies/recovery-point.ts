// @ts-nocheck
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
const MINUTES_PER_DAY = stryMutAct_9fa48("2683") ? 24 / 60 : (stryCov_9fa48("2683"), 24 * 60);

/**
 * The longest gap, in minutes, between two runs of an AWS Backup schedule
 * `cron(Minutes Hours Day-of-month Month Day-of-week Year)` (UTC), or
 * undefined when the expression is not one this check reads. The minutes and
 * hours fields give the runs of a day; a schedule that skips days (day-of-month
 * or day-of-week restricted) gets the lower bound of skipping one day, which is
 * more than a day.
 */
export function scheduleGapMinutes(expression: string): number | undefined {
  if (stryMutAct_9fa48("2684")) {
    {}
  } else {
    stryCov_9fa48("2684");
    const m = (stryMutAct_9fa48("2713") ? /^cron\(\s*(\S+)\s+(\S+)\s+(\S+)\s+(\S+)\s+(\S+)(?:\s+(\S+))?\S*\)$/ : stryMutAct_9fa48("2712") ? /^cron\(\s*(\S+)\s+(\S+)\s+(\S+)\s+(\S+)\s+(\S+)(?:\s+(\S+))?\s\)$/ : stryMutAct_9fa48("2711") ? /^cron\(\s*(\S+)\s+(\S+)\s+(\S+)\s+(\S+)\s+(\S+)(?:\s+(\s+))?\s*\)$/ : stryMutAct_9fa48("2710") ? /^cron\(\s*(\S+)\s+(\S+)\s+(\S+)\s+(\S+)\s+(\S+)(?:\s+(\S))?\s*\)$/ : stryMutAct_9fa48("2709") ? /^cron\(\s*(\S+)\s+(\S+)\s+(\S+)\s+(\S+)\s+(\S+)(?:\S+(\S+))?\s*\)$/ : stryMutAct_9fa48("2708") ? /^cron\(\s*(\S+)\s+(\S+)\s+(\S+)\s+(\S+)\s+(\S+)(?:\s(\S+))?\s*\)$/ : stryMutAct_9fa48("2707") ? /^cron\(\s*(\S+)\s+(\S+)\s+(\S+)\s+(\S+)\s+(\S+)(?:\s+(\S+))\s*\)$/ : stryMutAct_9fa48("2706") ? /^cron\(\s*(\S+)\s+(\S+)\s+(\S+)\s+(\S+)\s+(\s+)(?:\s+(\S+))?\s*\)$/ : stryMutAct_9fa48("2705") ? /^cron\(\s*(\S+)\s+(\S+)\s+(\S+)\s+(\S+)\s+(\S)(?:\s+(\S+))?\s*\)$/ : stryMutAct_9fa48("2704") ? /^cron\(\s*(\S+)\s+(\S+)\s+(\S+)\s+(\S+)\S+(\S+)(?:\s+(\S+))?\s*\)$/ : stryMutAct_9fa48("2703") ? /^cron\(\s*(\S+)\s+(\S+)\s+(\S+)\s+(\S+)\s(\S+)(?:\s+(\S+))?\s*\)$/ : stryMutAct_9fa48("2702") ? /^cron\(\s*(\S+)\s+(\S+)\s+(\S+)\s+(\s+)\s+(\S+)(?:\s+(\S+))?\s*\)$/ : stryMutAct_9fa48("2701") ? /^cron\(\s*(\S+)\s+(\S+)\s+(\S+)\s+(\S)\s+(\S+)(?:\s+(\S+))?\s*\)$/ : stryMutAct_9fa48("2700") ? /^cron\(\s*(\S+)\s+(\S+)\s+(\S+)\S+(\S+)\s+(\S+)(?:\s+(\S+))?\s*\)$/ : stryMutAct_9fa48("2699") ? /^cron\(\s*(\S+)\s+(\S+)\s+(\S+)\s(\S+)\s+(\S+)(?:\s+(\S+))?\s*\)$/ : stryMutAct_9fa48("2698") ? /^cron\(\s*(\S+)\s+(\S+)\s+(\s+)\s+(\S+)\s+(\S+)(?:\s+(\S+))?\s*\)$/ : stryMutAct_9fa48("2697") ? /^cron\(\s*(\S+)\s+(\S+)\s+(\S)\s+(\S+)\s+(\S+)(?:\s+(\S+))?\s*\)$/ : stryMutAct_9fa48("2696") ? /^cron\(\s*(\S+)\s+(\S+)\S+(\S+)\s+(\S+)\s+(\S+)(?:\s+(\S+))?\s*\)$/ : stryMutAct_9fa48("2695") ? /^cron\(\s*(\S+)\s+(\S+)\s(\S+)\s+(\S+)\s+(\S+)(?:\s+(\S+))?\s*\)$/ : stryMutAct_9fa48("2694") ? /^cron\(\s*(\S+)\s+(\s+)\s+(\S+)\s+(\S+)\s+(\S+)(?:\s+(\S+))?\s*\)$/ : stryMutAct_9fa48("2693") ? /^cron\(\s*(\S+)\s+(\S)\s+(\S+)\s+(\S+)\s+(\S+)(?:\s+(\S+))?\s*\)$/ : stryMutAct_9fa48("2692") ? /^cron\(\s*(\S+)\S+(\S+)\s+(\S+)\s+(\S+)\s+(\S+)(?:\s+(\S+))?\s*\)$/ : stryMutAct_9fa48("2691") ? /^cron\(\s*(\S+)\s(\S+)\s+(\S+)\s+(\S+)\s+(\S+)(?:\s+(\S+))?\s*\)$/ : stryMutAct_9fa48("2690") ? /^cron\(\s*(\s+)\s+(\S+)\s+(\S+)\s+(\S+)\s+(\S+)(?:\s+(\S+))?\s*\)$/ : stryMutAct_9fa48("2689") ? /^cron\(\s*(\S)\s+(\S+)\s+(\S+)\s+(\S+)\s+(\S+)(?:\s+(\S+))?\s*\)$/ : stryMutAct_9fa48("2688") ? /^cron\(\S*(\S+)\s+(\S+)\s+(\S+)\s+(\S+)\s+(\S+)(?:\s+(\S+))?\s*\)$/ : stryMutAct_9fa48("2687") ? /^cron\(\s(\S+)\s+(\S+)\s+(\S+)\s+(\S+)\s+(\S+)(?:\s+(\S+))?\s*\)$/ : stryMutAct_9fa48("2686") ? /^cron\(\s*(\S+)\s+(\S+)\s+(\S+)\s+(\S+)\s+(\S+)(?:\s+(\S+))?\s*\)/ : stryMutAct_9fa48("2685") ? /cron\(\s*(\S+)\s+(\S+)\s+(\S+)\s+(\S+)\s+(\S+)(?:\s+(\S+))?\s*\)$/ : (stryCov_9fa48("2685", "2686", "2687", "2688", "2689", "2690", "2691", "2692", "2693", "2694", "2695", "2696", "2697", "2698", "2699", "2700", "2701", "2702", "2703", "2704", "2705", "2706", "2707", "2708", "2709", "2710", "2711", "2712", "2713"), /^cron\(\s*(\S+)\s+(\S+)\s+(\S+)\s+(\S+)\s+(\S+)(?:\s+(\S+))?\s*\)$/)).exec(stryMutAct_9fa48("2714") ? expression : (stryCov_9fa48("2714"), expression.trim()));
    if (stryMutAct_9fa48("2717") ? false : stryMutAct_9fa48("2716") ? true : stryMutAct_9fa48("2715") ? m : (stryCov_9fa48("2715", "2716", "2717"), !m)) {
      if (stryMutAct_9fa48("2718")) {
        {}
      } else {
        stryCov_9fa48("2718");
        return undefined;
      }
    }
    const [, minutes, hours, dom,, dow] = m;
    const everyDay = stryMutAct_9fa48("2721") ? dom === "*" || dom === "?" || dow === "*" || dow === "?" : stryMutAct_9fa48("2720") ? false : stryMutAct_9fa48("2719") ? true : (stryCov_9fa48("2719", "2720", "2721"), (stryMutAct_9fa48("2723") ? dom === "*" && dom === "?" : stryMutAct_9fa48("2722") ? true : (stryCov_9fa48("2722", "2723"), (stryMutAct_9fa48("2725") ? dom !== "*" : stryMutAct_9fa48("2724") ? false : (stryCov_9fa48("2724", "2725"), dom === (stryMutAct_9fa48("2726") ? "" : (stryCov_9fa48("2726"), "*")))) || (stryMutAct_9fa48("2728") ? dom !== "?" : stryMutAct_9fa48("2727") ? false : (stryCov_9fa48("2727", "2728"), dom === (stryMutAct_9fa48("2729") ? "" : (stryCov_9fa48("2729"), "?")))))) && (stryMutAct_9fa48("2731") ? dow === "*" && dow === "?" : stryMutAct_9fa48("2730") ? true : (stryCov_9fa48("2730", "2731"), (stryMutAct_9fa48("2733") ? dow !== "*" : stryMutAct_9fa48("2732") ? false : (stryCov_9fa48("2732", "2733"), dow === (stryMutAct_9fa48("2734") ? "" : (stryCov_9fa48("2734"), "*")))) || (stryMutAct_9fa48("2736") ? dow !== "?" : stryMutAct_9fa48("2735") ? false : (stryCov_9fa48("2735", "2736"), dow === (stryMutAct_9fa48("2737") ? "" : (stryCov_9fa48("2737"), "?")))))));
    const hoursList = (() => {
      if (stryMutAct_9fa48("2738")) {
        {}
      } else {
        stryCov_9fa48("2738");
        if (stryMutAct_9fa48("2741") ? hours !== "*" : stryMutAct_9fa48("2740") ? false : stryMutAct_9fa48("2739") ? true : (stryCov_9fa48("2739", "2740", "2741"), hours === (stryMutAct_9fa48("2742") ? "" : (stryCov_9fa48("2742"), "*")))) return Array.from(stryMutAct_9fa48("2743") ? {} : (stryCov_9fa48("2743"), {
          length: 24
        }), stryMutAct_9fa48("2744") ? () => undefined : (stryCov_9fa48("2744"), (_, h) => h));
        // Stryker disable next-line Regex: the anchors only refuse characters AWS Backup refuses in the hours field
        const step = /^(\*|\d+)\/(\d+)$/.exec(hours);
        if (stryMutAct_9fa48("2752") ? false : stryMutAct_9fa48("2751") ? true : (stryCov_9fa48("2751", "2752"), step)) {
          if (stryMutAct_9fa48("2753")) {
            {}
          } else {
            stryCov_9fa48("2753");
            const start = (stryMutAct_9fa48("2756") ? step[1] !== "*" : stryMutAct_9fa48("2755") ? false : stryMutAct_9fa48("2754") ? true : (stryCov_9fa48("2754", "2755", "2756"), step[1] === (stryMutAct_9fa48("2757") ? "" : (stryCov_9fa48("2757"), "*")))) ? 0 : Number(step[1]);
            const out: number[] = stryMutAct_9fa48("2758") ? ["Stryker was here"] : (stryCov_9fa48("2758"), []);
            // Stryker disable next-line EqualityOperator: hour 24 is midnight again, a run already listed as 0
            for (let h = start; stryMutAct_9fa48("2759") ? false : (stryCov_9fa48("2759"), h < 24); stryMutAct_9fa48("2762") ? h -= Number(step[2]) : (stryCov_9fa48("2762"), h += Number(step[2]))) if (stryMutAct_9fa48("2763")) {
              ;
            } else {
              stryCov_9fa48("2763");
              out.push(h);
            }
            return out;
          }
        }
        // Stryker disable next-line Regex: the anchors only refuse characters AWS Backup refuses in the hours field
        return /^\d+(,\d+)*$/.test(hours) ? hours.split(stryMutAct_9fa48("2771") ? "" : (stryCov_9fa48("2771"), ",")).map(Number) : undefined;
      }
    })();
    if (stryMutAct_9fa48("2774") ? (!hoursList || hoursList.length === 0) && !/^[\d,]+$/.test(minutes) : stryMutAct_9fa48("2773") ? false : stryMutAct_9fa48("2772") ? true : (stryCov_9fa48("2772", "2773", "2774"), (stryMutAct_9fa48("2776") ? !hoursList && hoursList.length === 0 : stryMutAct_9fa48("2775") ? false : (stryCov_9fa48("2775", "2776"), (stryMutAct_9fa48("2777") ? hoursList : (stryCov_9fa48("2777"), !hoursList)) || (stryMutAct_9fa48("2779") ? hoursList.length !== 0 : stryMutAct_9fa48("2778") ? false : (stryCov_9fa48("2778", "2779"), hoursList.length === 0)))) || (stryMutAct_9fa48("2780") ? /^[\d,]+$/.test(minutes) : (stryCov_9fa48("2780"), !(stryMutAct_9fa48("2785") ? /^[\D,]+$/ : stryMutAct_9fa48("2784") ? /^[^\d,]+$/ : stryMutAct_9fa48("2783") ? /^[\d,]$/ : stryMutAct_9fa48("2782") ? /^[\d,]+/ : stryMutAct_9fa48("2781") ? /[\d,]+$/ : (stryCov_9fa48("2781", "2782", "2783", "2784", "2785"), /^[\d,]+$/)).test(minutes))))) {
      if (stryMutAct_9fa48("2786")) {
        {}
      } else {
        stryCov_9fa48("2786");
        return undefined;
      }
    }
    // Every run of a day, in minutes after midnight, and the longest wait for the next one (across midnight too).
    const minuteList = minutes.split(stryMutAct_9fa48("2787") ? "" : (stryCov_9fa48("2787"), ",")).map(Number);
    // Stryker disable next-line ArithmeticOperator: h * 60 - mm mirrors the runs, which keeps the longest gap
    const runs = stryMutAct_9fa48("2788") ? hoursList.flatMap(h => minuteList.map(mm => h * 60 + mm)) : (stryCov_9fa48("2788"), hoursList.flatMap(stryMutAct_9fa48("2789") ? () => undefined : (stryCov_9fa48("2789"), h => minuteList.map(stryMutAct_9fa48("2790") ? () => undefined : (stryCov_9fa48("2790"), mm => h * 60 + mm)))).sort(stryMutAct_9fa48("2793") ? () => undefined : (stryCov_9fa48("2793"), (a, b) => a - b)));
    const gap = stryMutAct_9fa48("2795") ? Math.min(...runs.map((t, i) => (i + 1 < runs.length ? runs[i + 1] : runs[0] + MINUTES_PER_DAY) - t)) : (stryCov_9fa48("2795"), Math.max(...runs.map(stryMutAct_9fa48("2796") ? () => undefined : (stryCov_9fa48("2796"), (t, i) => stryMutAct_9fa48("2797") ? (i + 1 < runs.length ? runs[i + 1] : runs[0] + MINUTES_PER_DAY) + t : (stryCov_9fa48("2797"), ((stryMutAct_9fa48("2801") ? i + 1 >= runs.length : stryMutAct_9fa48("2800") ? i + 1 <= runs.length : stryMutAct_9fa48("2799") ? false : stryMutAct_9fa48("2798") ? true : (stryCov_9fa48("2798", "2799", "2800", "2801"), (stryMutAct_9fa48("2802") ? i - 1 : (stryCov_9fa48("2802"), i + 1)) < runs.length)) ? runs[stryMutAct_9fa48("2803") ? i - 1 : (stryCov_9fa48("2803"), i + 1)] : stryMutAct_9fa48("2804") ? runs[0] - MINUTES_PER_DAY : (stryCov_9fa48("2804"), runs[0] + MINUTES_PER_DAY)) - t)))));
    // A schedule that skips a day waits at least from its last run of one day to its first run two days later.
    return everyDay ? gap : stryMutAct_9fa48("2805") ? Math.min(gap, runs[0] + 2 * MINUTES_PER_DAY - runs[runs.length - 1]) : (stryCov_9fa48("2805"), Math.max(gap, stryMutAct_9fa48("2806") ? runs[0] + 2 * MINUTES_PER_DAY + runs[runs.length - 1] : (stryCov_9fa48("2806"), (stryMutAct_9fa48("2807") ? runs[0] - 2 * MINUTES_PER_DAY : (stryCov_9fa48("2807"), runs[0] + (stryMutAct_9fa48("2808") ? 2 / MINUTES_PER_DAY : (stryCov_9fa48("2808"), 2 * MINUTES_PER_DAY)))) - runs[stryMutAct_9fa48("2809") ? runs.length + 1 : (stryCov_9fa48("2809"), runs.length - 1)])));
  }
}
export const backupRecoveryPoint: ResourceValidationPolicy = stryMutAct_9fa48("2810") ? {} : (stryCov_9fa48("2810"), {
  name: stryMutAct_9fa48("2811") ? "" : (stryCov_9fa48("2811"), "backup-recovery-point"),
  description: (stryMutAct_9fa48("2812") ? "" : (stryCov_9fa48("2812"), "Every AWS Backup plan makes a recovery point at least every `maximumRecoveryPointMinutes` (default 60): a rule with ")) + (stryMutAct_9fa48("2813") ? "" : (stryCov_9fa48("2813"), "enableContinuousBackup (point-in-time restore) or a schedule whose runs are at most that far apart; and a rule that ")) + (stryMutAct_9fa48("2814") ? "" : (stryCov_9fa48("2814"), "runs at least daily copies its recovery points to another vault (copyActions).")),
  enforcementLevel: stryMutAct_9fa48("2815") ? "" : (stryCov_9fa48("2815"), "mandatory"),
  severity: stryMutAct_9fa48("2816") ? "" : (stryCov_9fa48("2816"), "high"),
  remediationSteps: (stryMutAct_9fa48("2817") ? "" : (stryCov_9fa48("2817"), 'Keep an hourly rule (schedule "cron(0 * * * ? *)" or enableContinuousBackup: true for Aurora and S3) next to the daily ')) + (stryMutAct_9fa48("2818") ? "" : (stryCov_9fa48("2818"), "rule, and give the daily rule copyActions to the DR vault.")),
  configSchema: stryMutAct_9fa48("2819") ? {} : (stryCov_9fa48("2819"), {
    properties: stryMutAct_9fa48("2820") ? {} : (stryCov_9fa48("2820"), {
      maximumRecoveryPointMinutes: stryMutAct_9fa48("2821") ? {} : (stryCov_9fa48("2821"), {
        type: stryMutAct_9fa48("2822") ? "" : (stryCov_9fa48("2822"), "integer"),
        minimum: 1,
        default: 60,
        description: stryMutAct_9fa48("2823") ? "" : (stryCov_9fa48("2823"), "Longest time between two recovery points of a backup plan, in minutes (the spec's hourly backups: 60).")
      })
    })
  }),
  ...compliance(stryMutAct_9fa48("2824") ? "" : (stryCov_9fa48("2824"), "164.308(a)(7)(ii)(A)"), stryMutAct_9fa48("2825") ? [] : (stryCov_9fa48("2825"), [stryMutAct_9fa48("2826") ? "" : (stryCov_9fa48("2826"), "backup"), stryMutAct_9fa48("2827") ? "" : (stryCov_9fa48("2827"), "rpo")]), stryMutAct_9fa48("2828") ? [] : (stryCov_9fa48("2828"), [stryMutAct_9fa48("2829") ? "" : (stryCov_9fa48("2829"), "164.308(a)(7)(ii)(B)")])),
  validateResource: (args, report) => {
    if (stryMutAct_9fa48("2830")) {
      {}
    } else {
      stryCov_9fa48("2830");
      if (stryMutAct_9fa48("2833") ? false : stryMutAct_9fa48("2832") ? true : stryMutAct_9fa48("2831") ? args.isType(aws.backup.Plan) : (stryCov_9fa48("2831", "2832", "2833"), !args.isType(aws.backup.Plan))) {
        if (stryMutAct_9fa48("2834")) {
          {}
        } else {
          stryCov_9fa48("2834");
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
        if (stryMutAct_9fa48("2835")) {
          {}
        } else {
          stryCov_9fa48("2835");
          if (stryMutAct_9fa48("2838") ? false : stryMutAct_9fa48("2837") ? true : stryMutAct_9fa48("2836") ? isObject(raw) : (stryCov_9fa48("2836", "2837", "2838"), !isObject(raw))) {
            if (stryMutAct_9fa48("2839")) {
              {}
            } else {
              stryCov_9fa48("2839");
              return {};
            }
          }
          const rule = raw as {
            enableContinuousBackup?: unknown;
            schedule?: unknown;
            copyActions?: unknown;
          };
          const schedule = knownString(rule.schedule);
          const gap = (stryMutAct_9fa48("2842") ? rule.enableContinuousBackup !== true : stryMutAct_9fa48("2841") ? false : stryMutAct_9fa48("2840") ? true : (stryCov_9fa48("2840", "2841", "2842"), rule.enableContinuousBackup === (stryMutAct_9fa48("2843") ? false : (stryCov_9fa48("2843"), true)))) ? 0 : schedule ? stryMutAct_9fa48("2844") ? scheduleGapMinutes(schedule) && Infinity : (stryCov_9fa48("2844"), scheduleGapMinutes(schedule) ?? Infinity) : isUnknown(rule.schedule) ? undefined : Infinity;
          const copies = isUnknown(rule.copyActions) ? undefined : stryMutAct_9fa48("2848") ? asArray(rule.copyActions).length <= 0 : stryMutAct_9fa48("2847") ? asArray(rule.copyActions).length >= 0 : stryMutAct_9fa48("2846") ? false : stryMutAct_9fa48("2845") ? true : (stryCov_9fa48("2845", "2846", "2847", "2848"), asArray(rule.copyActions).length > 0);
          return stryMutAct_9fa48("2849") ? {} : (stryCov_9fa48("2849"), {
            gap,
            copies
          });
        }
      });
      const known = stryMutAct_9fa48("2850") ? rules.map(r => r.gap) : (stryCov_9fa48("2850"), rules.map(stryMutAct_9fa48("2851") ? () => undefined : (stryCov_9fa48("2851"), r => r.gap)).filter(stryMutAct_9fa48("2852") ? () => undefined : (stryCov_9fa48("2852"), (g): g is number => stryMutAct_9fa48("2855") ? g === undefined : stryMutAct_9fa48("2854") ? false : stryMutAct_9fa48("2853") ? true : (stryCov_9fa48("2853", "2854", "2855"), g !== undefined))));
      const unknown = stryMutAct_9fa48("2859") ? known.length >= rules.length : stryMutAct_9fa48("2858") ? known.length <= rules.length : stryMutAct_9fa48("2857") ? false : stryMutAct_9fa48("2856") ? true : (stryCov_9fa48("2856", "2857", "2858", "2859"), known.length < rules.length);
      const best = stryMutAct_9fa48("2860") ? Math.max(Infinity, ...known) : (stryCov_9fa48("2860"), Math.min(Infinity, ...known));
      const hourlyOk = stryMutAct_9fa48("2864") ? best > config.maximumRecoveryPointMinutes : stryMutAct_9fa48("2863") ? best < config.maximumRecoveryPointMinutes : stryMutAct_9fa48("2862") ? false : stryMutAct_9fa48("2861") ? true : (stryCov_9fa48("2861", "2862", "2863", "2864"), best <= config.maximumRecoveryPointMinutes);
      const dailyCopy = stryMutAct_9fa48("2865") ? rules.every(r => r.copies === true && (r.gap ?? Infinity) <= MINUTES_PER_DAY) : (stryCov_9fa48("2865"), rules.some(stryMutAct_9fa48("2866") ? () => undefined : (stryCov_9fa48("2866"), r => stryMutAct_9fa48("2869") ? r.copies === true || (r.gap ?? Infinity) <= MINUTES_PER_DAY : stryMutAct_9fa48("2868") ? false : stryMutAct_9fa48("2867") ? true : (stryCov_9fa48("2867", "2868", "2869"), (stryMutAct_9fa48("2871") ? r.copies !== true : stryMutAct_9fa48("2870") ? true : (stryCov_9fa48("2870", "2871"), r.copies === (stryMutAct_9fa48("2872") ? false : (stryCov_9fa48("2872"), true)))) && (stryMutAct_9fa48("2875") ? (r.gap ?? Infinity) > MINUTES_PER_DAY : stryMutAct_9fa48("2874") ? (r.gap ?? Infinity) < MINUTES_PER_DAY : stryMutAct_9fa48("2873") ? true : (stryCov_9fa48("2873", "2874", "2875"), (stryMutAct_9fa48("2876") ? r.gap && Infinity : (stryCov_9fa48("2876"), r.gap ?? Infinity)) <= MINUTES_PER_DAY))))));
      const copyUnknown = stryMutAct_9fa48("2877") ? rules.every(r => r.copies === undefined || r.gap === undefined) : (stryCov_9fa48("2877"), rules.some(stryMutAct_9fa48("2878") ? () => undefined : (stryCov_9fa48("2878"), r => stryMutAct_9fa48("2881") ? r.copies === undefined && r.gap === undefined : stryMutAct_9fa48("2880") ? false : stryMutAct_9fa48("2879") ? true : (stryCov_9fa48("2879", "2880", "2881"), (stryMutAct_9fa48("2883") ? r.copies !== undefined : stryMutAct_9fa48("2882") ? false : (stryCov_9fa48("2882", "2883"), r.copies === undefined)) || (stryMutAct_9fa48("2885") ? r.gap !== undefined : stryMutAct_9fa48("2884") ? false : (stryCov_9fa48("2884", "2885"), r.gap === undefined))))));
      if (stryMutAct_9fa48("2888") ? !hourlyOk || !unknown : stryMutAct_9fa48("2887") ? false : stryMutAct_9fa48("2886") ? true : (stryCov_9fa48("2886", "2887", "2888"), (stryMutAct_9fa48("2889") ? hourlyOk : (stryCov_9fa48("2889"), !hourlyOk)) && (stryMutAct_9fa48("2890") ? unknown : (stryCov_9fa48("2890"), !unknown)))) {
        if (stryMutAct_9fa48("2891")) {
          {}
        } else {
          stryCov_9fa48("2891");
          report((stryMutAct_9fa48("2893") ? `` : (stryCov_9fa48("2893"), `no rule makes a recovery point at least every ${config.maximumRecoveryPointMinutes} minutes `)) + (stryMutAct_9fa48("2894") ? `` : (stryCov_9fa48("2894"), `(${(stryMutAct_9fa48("2897") ? best !== Infinity : stryMutAct_9fa48("2896") ? false : stryMutAct_9fa48("2895") ? true : (stryCov_9fa48("2895", "2896", "2897"), best === Infinity)) ? stryMutAct_9fa48("2898") ? "" : (stryCov_9fa48("2898"), "no readable schedule") : stryMutAct_9fa48("2899") ? `` : (stryCov_9fa48("2899"), `the most frequent runs every ${best} minutes`)}): up to that much patient data could be lost.`)));
        }
      }
      if (stryMutAct_9fa48("2902") ? !dailyCopy || !copyUnknown : stryMutAct_9fa48("2901") ? false : stryMutAct_9fa48("2900") ? true : (stryCov_9fa48("2900", "2901", "2902"), (stryMutAct_9fa48("2903") ? dailyCopy : (stryCov_9fa48("2903"), !dailyCopy)) && (stryMutAct_9fa48("2904") ? copyUnknown : (stryCov_9fa48("2904"), !copyUnknown)))) {
        if (stryMutAct_9fa48("2905")) {
          {}
        } else {
          stryCov_9fa48("2905");
          report(stryMutAct_9fa48("2907") ? "" : (stryCov_9fa48("2907"), "no rule that runs at least daily copies its recovery points to another vault: a regional disaster would take the backups too."));
        }
      }
    }
  }
});