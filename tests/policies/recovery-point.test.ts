import * as assert from "node:assert/strict";
import * as aws from "@pulumi/aws";
import * as rpo from "../../policies/recovery-point";
import { analyzeResource, messages, Outcome, resource, UNKNOWN } from "./harness";

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
});
