import * as assert from "node:assert/strict";
import * as aws from "@pulumi/aws";
import * as audit from "../../policies/audit";
import { analyzeResource, messages, Outcome, resource, UNKNOWN } from "./harness";

function clean(o: Outcome): void {
    assert.deepEqual(o.violations, []);
    assert.deepEqual(o.previewNotes, []);
}

describe("policies/audit", () => {
    describe("cloudtrail-integrity", () => {
        const policy = audit.cloudtrailIntegrity;
        const trail = (extra: Record<string, unknown>) =>
            resource(aws.cloudtrail.Trail, "trail", {
                s3BucketName: UNKNOWN,
                includeGlobalServiceEvents: true,
                ...extra,
            });
        const good = { isMultiRegionTrail: true, enableLogFileValidation: true, kmsKeyId: UNKNOWN };

        it("accepts a multi-region, validated, encrypted trail", async () => {
            clean(await analyzeResource(policy, trail(good)));
        });

        it("flags each missing safeguard", async () => {
            assert.equal((await analyzeResource(policy, trail({}))).violations.length, 3);
            assert.deepEqual(messages(await analyzeResource(policy, trail({ ...good, enableLogging: false }))), [
                "enableLogging is false: the trail records nothing.",
            ]);
        });

        it("says which safeguard is missing", async () => {
            assert.deepEqual(
                messages(
                    await analyzeResource(
                        policy,
                        trail({ isMultiRegionTrail: false, enableLogFileValidation: false, kmsKeyId: UNKNOWN }),
                    ),
                ),
                [
                    "isMultiRegionTrail is not true: activity in other regions (where backups are copied) would not be recorded.",
                    "enableLogFileValidation is not true: altered or deleted log files could not be detected.",
                ],
            );
            assert.deepEqual(messages(await analyzeResource(policy, trail({ ...good, kmsKeyId: "alias/aws/s3" }))), [
                "kmsKeyId is not a customer managed key: log files would only get S3-managed encryption.",
            ]);
        });

        it("skips unknown values", async () => {
            clean(
                await analyzeResource(
                    policy,
                    trail({ isMultiRegionTrail: UNKNOWN, enableLogFileValidation: UNKNOWN, kmsKeyId: UNKNOWN }),
                ),
            );
        });
    });

    describe("database-audit-logs", () => {
        const policy = audit.databaseAuditLogs;
        const cluster = (engine: unknown, exports: unknown) =>
            resource(aws.rds.Cluster, "db", { engine, enabledCloudwatchLogsExports: exports });

        it("accepts the audit log export of Aurora MySQL and the postgresql export of Aurora PostgreSQL", async () => {
            clean(await analyzeResource(policy, cluster("aurora-mysql", ["audit", "error", "slowquery"])));
            clean(await analyzeResource(policy, cluster("aurora-postgresql", ["postgresql"])));
        });

        it("flags a cluster that does not export its audit log", async () => {
            assert.deepEqual(messages(await analyzeResource(policy, cluster("aurora-mysql", ["error", "slowquery"]))), [
                'enabledCloudwatchLogsExports does not include "audit": database access to patient records would not be audited.',
            ]);
            assert.equal((await analyzeResource(policy, cluster("aurora-mysql", undefined))).violations.length, 1);
        });

        it("flags a PostgreSQL cluster without the postgresql export", async () => {
            assert.deepEqual(messages(await analyzeResource(policy, cluster("postgres", ["upgrade"]))), [
                'enabledCloudwatchLogsExports does not include "postgresql": database access to patient records would not be audited.',
            ]);
            assert.equal((await analyzeResource(policy, cluster("aurora-postgresql", ["audit"]))).violations.length, 1);
        });

        it("leaves engines without a known audit export alone (Neptune, also a valid rds.Cluster engine)", async () => {
            clean(await analyzeResource(policy, cluster("neptune", [])));
        });

        it("skips unknown engines and exports", async () => {
            clean(await analyzeResource(policy, cluster(UNKNOWN, [])));
            clean(await analyzeResource(policy, cluster("aurora-mysql", UNKNOWN)));
            clean(await analyzeResource(policy, cluster("aurora-mysql", ["error", UNKNOWN])));
        });
    });
});
