"use strict";
// Recovery point objective: a backup plan makes a recovery point at least
// every hour (a continuous rule, or a schedule that runs hourly) and copies
// one at least daily to another vault (HIPAA 164.308(a)(7)(ii)(A) data backup
// plan, 164.308(a)(7)(ii)(B) disaster recovery; LGPD art. 46). The spec asks
// for "backups daily + hourly".
var __createBinding = (this && this.__createBinding) || (Object.create ? (function(o, m, k, k2) {
    if (k2 === undefined) k2 = k;
    var desc = Object.getOwnPropertyDescriptor(m, k);
    if (!desc || ("get" in desc ? !m.__esModule : desc.writable || desc.configurable)) {
      desc = { enumerable: true, get: function() { return m[k]; } };
    }
    Object.defineProperty(o, k2, desc);
}) : (function(o, m, k, k2) {
    if (k2 === undefined) k2 = k;
    o[k2] = m[k];
}));
var __setModuleDefault = (this && this.__setModuleDefault) || (Object.create ? (function(o, v) {
    Object.defineProperty(o, "default", { enumerable: true, value: v });
}) : function(o, v) {
    o["default"] = v;
});
var __importStar = (this && this.__importStar) || (function () {
    var ownKeys = function(o) {
        ownKeys = Object.getOwnPropertyNames || function (o) {
            var ar = [];
            for (var k in o) if (Object.prototype.hasOwnProperty.call(o, k)) ar[ar.length] = k;
            return ar;
        };
        return ownKeys(o);
    };
    return function (mod) {
        if (mod && mod.__esModule) return mod;
        var result = {};
        if (mod != null) for (var k = ownKeys(mod), i = 0; i < k.length; i++) if (k[i] !== "default") __createBinding(result, mod, k[i]);
        __setModuleDefault(result, mod);
        return result;
    };
})();
Object.defineProperty(exports, "__esModule", { value: true });
exports.backupRecoveryPoint = void 0;
exports.scheduleGapMinutes = scheduleGapMinutes;
const aws = __importStar(require("@pulumi/aws"));
const policy_1 = require("@pulumi/policy");
const compliance_1 = require("./lib/compliance");
const config_1 = require("./lib/config");
const values_1 = require("./lib/values");
const MINUTES_PER_DAY = 24 * 60;
/**
 * The longest gap, in minutes, between two runs of an AWS Backup schedule
 * `cron(Minutes Hours Day-of-month Month Day-of-week Year)` (UTC), or
 * undefined when the expression is not one this check reads. The minutes and
 * hours fields give the runs of a day; a schedule that skips days (day-of-month
 * or day-of-week restricted) gets the lower bound of skipping one day, which is
 * more than a day.
 */
function scheduleGapMinutes(expression) {
    const m = /^cron\(\s*(\S+)\s+(\S+)\s+(\S+)\s+(\S+)\s+(\S+)(?:\s+(\S+))?\s*\)$/.exec(expression.trim());
    if (!m) {
        return undefined;
    }
    const [, minutes, hours, dom, , dow] = m;
    const everyDay = (dom === "*" || dom === "?") && (dow === "*" || dow === "?");
    const hoursList = (() => {
        if (hours === "*")
            return Array.from({ length: 24 }, (_, h) => h);
        // Stryker disable next-line Regex: the anchors only refuse characters AWS Backup refuses in the hours field
        const step = /^(\*|\d+)\/(\d+)$/.exec(hours);
        if (step) {
            const start = step[1] === "*" ? 0 : Number(step[1]);
            const out = [];
            // Stryker disable next-line EqualityOperator: hour 24 is midnight again, a run already listed as 0
            for (let h = start; h < 24; h += Number(step[2]))
                out.push(h);
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
exports.backupRecoveryPoint = {
    name: "backup-recovery-point",
    description: "Every AWS Backup plan makes a recovery point at least every `maximumRecoveryPointMinutes` (default 60): a rule with " +
        "enableContinuousBackup (point-in-time restore) or a schedule whose runs are at most that far apart; and a rule that " +
        "runs at least daily copies its recovery points to another vault (copyActions).",
    enforcementLevel: "mandatory",
    severity: "high",
    remediationSteps: 'Keep an hourly rule (schedule "cron(0 * * * ? *)" or enableContinuousBackup: true for Aurora and S3) next to the daily ' +
        "rule, and give the daily rule copyActions to the DR vault.",
    configSchema: {
        properties: {
            maximumRecoveryPointMinutes: {
                type: "integer",
                minimum: 1,
                default: 60,
                description: "Longest time between two recovery points of a backup plan, in minutes (the spec's hourly backups: 60).",
            },
        },
    },
    ...(0, compliance_1.compliance)("164.308(a)(7)(ii)(A)", ["backup", "rpo"], ["164.308(a)(7)(ii)(B)"]),
    validateResource: (0, policy_1.validateResourceOfType)(aws.backup.Plan, (plan, args, report) => {
        const config = (0, config_1.configWithDefaults)(exports.backupRecoveryPoint.configSchema, args.getConfig());
        const p = (0, values_1.plain)(plan);
        // Per rule: the gap between its recovery points and whether it copies them elsewhere (undefined:
        // unknown at preview). Unknown rules (the sentinel) are one unknown rule.
        const rules = (0, values_1.asArray)(p.rules).map((raw) => {
            if (!(0, values_1.isObject)(raw)) {
                return {};
            }
            const rule = raw;
            const schedule = (0, values_1.knownString)(rule.schedule);
            const gap = rule.enableContinuousBackup === true
                ? 0
                : schedule
                    ? (scheduleGapMinutes(schedule) ?? Infinity)
                    : (0, values_1.isUnknown)(rule.schedule)
                        ? undefined
                        : Infinity;
            const copies = (0, values_1.isUnknown)(rule.copyActions) ? undefined : (0, values_1.asArray)(rule.copyActions).length > 0;
            return { gap, copies };
        });
        const known = rules.map((r) => r.gap).filter((g) => g !== undefined);
        const unknown = known.length < rules.length;
        const best = Math.min(Infinity, ...known);
        const hourlyOk = best <= config.maximumRecoveryPointMinutes;
        const dailyCopy = rules.some((r) => r.copies === true && (r.gap ?? Infinity) <= MINUTES_PER_DAY);
        const copyUnknown = rules.some((r) => r.copies === undefined || r.gap === undefined);
        if (!hourlyOk && !unknown) {
            report(`no rule makes a recovery point at least every ${config.maximumRecoveryPointMinutes} minutes ` +
                `(${best === Infinity ? "no readable schedule" : `the most frequent runs every ${best} minutes`}): up to that much patient data could be lost.`);
        }
        if (!dailyCopy && !copyUnknown) {
            report("no rule that runs at least daily copies its recovery points to another vault: a regional disaster would take the backups too.");
        }
    }),
};
