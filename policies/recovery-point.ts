// Recovery point objective: a backup plan makes a recovery point at least
// every hour (a continuous rule, or a schedule that runs hourly) and copies
// one at least daily to another vault (HIPAA 164.308(a)(7)(ii)(A) data backup
// plan, 164.308(a)(7)(ii)(B) disaster recovery; LGPD art. 46). The spec asks
// for "backups daily + hourly".

import * as aws from "@pulumi/aws";
import { ResourceValidationPolicy, validateResourceOfType } from "@pulumi/policy";
import { compliance } from "./lib/compliance";
import { configWithDefaults } from "./lib/config";
import { asArray, isObject, isUnknown, knownString, plain } from "./lib/values";

export interface RecoveryPointConfig {
    maximumRecoveryPointMinutes: number;
}

const MINUTES_PER_DAY = 24 * 60;

/**
 * The longest gap, in minutes, between two runs of an AWS Backup schedule
 * `cron(Minutes Hours Day-of-month Month Day-of-week Year)` (UTC), or
 * undefined when the expression is not one this check reads. The minutes and
 * hours fields give the runs of a day; a schedule that skips days (day-of-month
 * or day-of-week restricted) gets the lower bound of skipping one day, which is
 * more than a day.
 */
export function scheduleGapMinutes(expression: string): number | undefined {
    const m = /^cron\(\s*(\S+)\s+(\S+)\s+(\S+)\s+(\S+)\s+(\S+)(?:\s+(\S+))?\s*\)$/.exec(expression.trim());
    if (!m) {
        return undefined;
    }
    const [, minutes, hours, dom, , dow] = m;
    const everyDay = (dom === "*" || dom === "?") && (dow === "*" || dow === "?");
    const hoursList = (() => {
        if (hours === "*") return Array.from({ length: 24 }, (_, h) => h);
        // Stryker disable next-line Regex: the anchors only refuse characters AWS Backup refuses in the hours field
        const step = /^(\*|\d+)\/(\d+)$/.exec(hours);
        if (step) {
            const start = step[1] === "*" ? 0 : Number(step[1]);
            const out: number[] = [];
            // Stryker disable next-line EqualityOperator: hour 24 is midnight again, a run already listed as 0
            for (let h = start; h < 24; h += Number(step[2])) out.push(h);
            return out;
        }
        // Stryker disable next-line Regex: the anchors only refuse characters AWS Backup refuses in the hours field
        return /^\d+(,\d+)*$/.test(hours) ? hours.split(",").map(Number) : undefined;
    })();
    if (!hoursList || hoursList.length === 0 || !/^[\d,]+$/.test(minutes)) {
        return undefined;
    }
    // Every run of a day, in minutes after midnight, and the longest wait for the next one (across midnight too).
    const minuteList = minutes.split(",").map(Number);
    // Stryker disable next-line ArithmeticOperator: h * 60 - mm mirrors the runs, which keeps the longest gap
    const runs = hoursList.flatMap((h) => minuteList.map((mm) => h * 60 + mm)).sort((a, b) => a - b);
    const gap = Math.max(...runs.map((t, i) => (i + 1 < runs.length ? runs[i + 1] : runs[0] + MINUTES_PER_DAY) - t));
    // A schedule that skips a day waits at least from its last run of one day to its first run two days later.
    return everyDay ? gap : Math.max(gap, runs[0] + 2 * MINUTES_PER_DAY - runs[runs.length - 1]);
}

export const backupRecoveryPoint: ResourceValidationPolicy = {
    name: "backup-recovery-point",
    description:
        "Every AWS Backup plan makes a recovery point at least every `maximumRecoveryPointMinutes` (default 60): a rule with " +
        "enableContinuousBackup (point-in-time restore) or a schedule whose runs are at most that far apart; and a rule that " +
        "runs at least daily copies its recovery points to another vault (copyActions).",
    enforcementLevel: "mandatory",
    severity: "high",
    remediationSteps:
        'Keep an hourly rule (schedule "cron(0 * * * ? *)" or enableContinuousBackup: true for Aurora and S3) next to the daily ' +
        "rule, and give the daily rule copyActions to the DR vault.",
    configSchema: {
        properties: {
            maximumRecoveryPointMinutes: {
                type: "integer",
                minimum: 1,
                default: 60,
                description:
                    "Longest time between two recovery points of a backup plan, in minutes (the spec's hourly backups: 60).",
            },
        },
    },
    ...compliance("164.308(a)(7)(ii)(A)", ["backup", "rpo"], ["164.308(a)(7)(ii)(B)"]),
    validateResource: validateResourceOfType(aws.backup.Plan, (plan, args, report) => {
        const config = configWithDefaults<RecoveryPointConfig>(
            backupRecoveryPoint.configSchema!,
            args.getConfig<RecoveryPointConfig>(),
        );
        const p = plain(plan) as { rules?: unknown };
        // Per rule: the gap between its recovery points and whether it copies them elsewhere (undefined:
        // unknown at preview). Unknown rules (the sentinel) are one unknown rule.
        const rules = asArray(p.rules).map((raw): { gap?: number; copies?: boolean } => {
            if (!isObject(raw)) {
                return {};
            }
            const rule = raw as { enableContinuousBackup?: unknown; schedule?: unknown; copyActions?: unknown };
            const schedule = knownString(rule.schedule);
            const gap =
                rule.enableContinuousBackup === true
                    ? 0
                    : schedule
                      ? (scheduleGapMinutes(schedule) ?? Infinity)
                      : isUnknown(rule.schedule)
                        ? undefined
                        : Infinity;
            const copies = isUnknown(rule.copyActions) ? undefined : asArray(rule.copyActions).length > 0;
            return { gap, copies };
        });
        const known = rules.map((r) => r.gap).filter((g): g is number => g !== undefined);
        const unknown = known.length < rules.length;
        const best = Math.min(Infinity, ...known);
        const hourlyOk = best <= config.maximumRecoveryPointMinutes;
        const dailyCopy = rules.some((r) => r.copies === true && (r.gap ?? Infinity) <= MINUTES_PER_DAY);
        const copyUnknown = rules.some((r) => r.copies === undefined || r.gap === undefined);
        if (!hourlyOk && !unknown) {
            report(
                `no rule makes a recovery point at least every ${config.maximumRecoveryPointMinutes} minutes ` +
                    `(${best === Infinity ? "no readable schedule" : `the most frequent runs every ${best} minutes`}): up to that much patient data could be lost.`,
            );
        }
        if (!dailyCopy && !copyUnknown) {
            report(
                "no rule that runs at least daily copies its recovery points to another vault: a regional disaster would take the backups too.",
            );
        }
    }),
};
