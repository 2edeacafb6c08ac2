import * as assert from "node:assert/strict";
import * as aws from "@pulumi/aws";
import * as rpo from "../../policies/recovery-point";
import { analyzeResource, cloudflareEdge, messages, Outcome, resource, UNKNOWN } from "./harness";

function clean(o: Outcome): void {
    assert.deepEqual(o.violations, []);
    assert.deepEqual(o.previewNotes, []);
}

const DR_VAULT = "arn:aws:backup:us-east-1:123456789012:backup-vault:hms-production-dr";
const copy = [{ destinationVaultArn: DR_VAULT, lifecycle: { deleteAfter: 30 } }];
const daily = (extra: Record<string, unknown> = {}) => ({
    ruleName: "daily-full",
    targetVaultName: "v",
    schedule: "cron(0 5 * * ? *)",
    copyActions: copy,
    ...extra,
});
const hourly = (extra: Record<string, unknown> = {}) => ({
    ruleName: "hourly",
    targetVaultName: "v",
    schedule: "cron(0 * * * ? *)",
    ...extra,
});
const plan = (rules: unknown) => resource(aws.backup.Plan, "plan", { name: "hms", rules });

describe("policies/recovery-point", () => {
    const policy = rpo.backupRecoveryPoint;

    it("reads the gap between runs of an AWS Backup cron schedule", () => {
        assert.equal(rpo.scheduleGapMinutes("cron(0 * * * ? *)"), 60);
        assert.equal(rpo.scheduleGapMinutes("cron(15 */2 * * ? *)"), 120);
        assert.equal(rpo.scheduleGapMinutes("cron(0 5 * * ? *)"), 1440);
        assert.equal(rpo.scheduleGapMinutes("cron(0 0,6,12 * * ? *)"), 720);
        assert.equal(rpo.scheduleGapMinutes("cron(0,30 * * * ? *)"), 30);
        assert.ok((rpo.scheduleGapMinutes("cron(0 * ? * MON *)") ?? 0) >= 1440, "a weekly schedule is not hourly");
        assert.equal(rpo.scheduleGapMinutes("rate(1 hour)"), undefined);
    });

    it("accepts a daily rule copied to the DR vault beside an hourly or continuous rule", async () => {
        clean(await analyzeResource(policy, plan([daily(), hourly()])));
        clean(
            await analyzeResource(
                policy,
                plan([daily(), hourly({ schedule: "cron(0 5 * * ? *)", enableContinuousBackup: true })]),
            ),
        );
    });

    it("flags a plan whose hourly rule became daily", async () => {
        assert.deepEqual(
            messages(await analyzeResource(policy, plan([daily(), hourly({ schedule: "cron(0 6 * * ? *)" })]))),
            [
                "no rule makes a recovery point at least every 60 minutes (the most frequent runs every 1440 minutes): up to that much patient data could be lost.",
            ],
        );
    });

    it("flags a plan that copies nothing to another vault", async () => {
        assert.match(
            messages(await analyzeResource(policy, plan([daily({ copyActions: undefined }), hourly()])))[0],
            /copies its recovery points to another vault/,
        );
    });

    it("takes the objective from config and skips what is unknown at preview", async () => {
        const twoHourly = plan([daily(), hourly({ schedule: "cron(0 */2 * * ? *)" })]);
        assert.equal((await analyzeResource(policy, twoHourly)).violations.length, 1);
        clean(await analyzeResource(policy, twoHourly, { [policy.name]: { maximumRecoveryPointMinutes: 120 } }));
        clean(await analyzeResource(policy, plan(UNKNOWN)));
        clean(await analyzeResource(policy, plan([daily(), hourly({ schedule: UNKNOWN })])));
    });

    it("reads the longest wait between runs from every field form AWS Backup accepts", () => {
        const cases: Array<[string, number | undefined]> = [
            // Spacing and the optional year.
            [" cron(0 * * * ? *) ", 60],
            ["cron(0  *  *  *  ?  *)", 60],
            ["cron( 0 * * * ? * )", 60],
            ["cron(0 * * * ?)", 60],
            ["cron(0 * * * ? 2026-2030)", 60],
            ["xcron(0 * * * ? *)", undefined],
            ["cron(0 * * * ? *)x", undefined],
            // Every day whichever of day-of-month and day-of-week is the "?".
            ["cron(0 * ? * * *)", 60],
            ["cron(0 * 1,15 * ? *)", 1500],
            ["cron(0 5 ? * MON-FRI *)", 2880],
            ["cron(0 * * JAN-DEC ? *)", 60],
            // Hour steps from a start hour, and lists in any order.
            ["cron(0 3/6 * * ? *)", 360],
            ["cron(0 10/6 * * ? *)", 720],
            ["cron(0 */12 * * ? *)", 720],
            ["cron(0 12,0 * * ? *)", 720],
            ["cron(0 9,10,2 * * ? *)", 960],
            ["cron(0 25/2 * * ? *)", undefined],
            // Minutes: the real gaps, not an even spread.
            ["cron(0,5 * * * ? *)", 55],
            ["cron(0,30 0,12 * * ? *)", 690],
            ["cron(0-30 * * * ? *)", undefined],
            ["cron(*/15 * * * ? *)", undefined],
            ["cron(0 MON * * ? *)", undefined],
        ];
        for (const [expression, gap] of cases) {
            assert.equal(rpo.scheduleGapMinutes(expression), gap, expression);
        }
    });

    it("checks only backup plans (not the other resources of the mixed stack), and says so", async () => {
        for (const r of [...cloudflareEdge(), resource(aws.s3.Bucket, "media", { bucket: "m" })]) {
            const o = await analyzeResource(policy, r);
            clean(o);
            assert.deepEqual(
                o.notApplicable.map((n) => n.policy),
                [policy.name],
                r.type,
            );
        }
    });

    it("says when no schedule can be read, and what the copy rule is for", async () => {
        assert.deepEqual(
            messages(
                await analyzeResource(policy, plan([daily({ schedule: "rate(1 hour)", copyActions: undefined })])),
            ),
            [
                "no rule makes a recovery point at least every 60 minutes (no readable schedule): up to that much patient data could be lost.",
                "no rule that runs at least daily copies its recovery points to another vault: a regional disaster would take the backups too.",
            ],
        );
    });

    it("needs the copying rule to run at least daily: a weekly copy does not count", async () => {
        assert.deepEqual(
            messages(await analyzeResource(policy, plan([daily({ schedule: "cron(0 5 ? * SUN *)" }), hourly()]))),
            [
                "no rule that runs at least daily copies its recovery points to another vault: a regional disaster would take the backups too.",
            ],
        );
    });

    it("cannot tell about copies while a rule's copies or schedule are unknown, and skips null or unknown rules", async () => {
        clean(await analyzeResource(policy, plan([daily({ copyActions: UNKNOWN }), hourly()])));
        clean(await analyzeResource(policy, plan([daily({ schedule: UNKNOWN }), hourly()])));
        clean(await analyzeResource(policy, plan([hourly(), UNKNOWN])));
        clean(await analyzeResource(policy, plan([null, hourly()])));
    });
});
