// @ts-nocheck
import * as assert from "node:assert/strict";
import * as fs from "fs";
import * as path from "path";
import * as aws from "@pulumi/aws";
import * as deletion from "../../policies/deletion-protection";
import { analyzeResource, messages, Outcome, resource, UNKNOWN } from "./harness";

function clean(o: Outcome): void {
    assert.deepEqual(o.violations, []);
    assert.deepEqual(o.previewNotes, []);
}

describe("policies/deletion-protection", () => {
    const policy = deletion.dataStoreDeletionProtection;
    const protectedCluster = {
        engine: "aurora-mysql",
        deletionProtection: true,
        skipFinalSnapshot: false,
        finalSnapshotIdentifier: "hms-production-db-final",
    };
    const development = JSON.parse(
        fs.readFileSync(path.join(__dirname, "../../policies/config/development.json"), "utf8"),
    ) as Record<string, Record<string, unknown>>;

    it("accepts a protected cluster with deletion protection and a final snapshot", async () => {
        clean(await analyzeResource(policy, resource(aws.rds.Cluster, "db", protectedCluster, { protect: true })));
    });

    it("flags a cluster without protect, deletion protection or final snapshot", async () => {
        const o = await analyzeResource(
            policy,
            resource(aws.rds.Cluster, "db", { engine: "aurora-mysql", skipFinalSnapshot: true }),
        );
        assert.deepEqual(messages(o), [
            "the `protect` resource option is not set: `pulumi destroy` or a replacing change would delete this data store.",
            "deletionProtection is not true: the database can be deleted from the console or API.",
            "skipFinalSnapshot is true: deleting the database would leave no final snapshot.",
        ]);
        const noIdentifier = await analyzeResource(
            policy,
            resource(
                aws.rds.Instance,
                "mysql",
                { ...protectedCluster, finalSnapshotIdentifier: undefined },
                { protect: true },
            ),
        );
        assert.match(messages(noIdentifier)[0], /finalSnapshotIdentifier is not set/);
    });

    it("flags buckets and vaults with forceDestroy, and unprotected keys and domains", async () => {
        assert.match(
            messages(
                await analyzeResource(
                    policy,
                    resource(aws.s3.Bucket, "media", { forceDestroy: true }, { protect: true }),
                ),
            )[0],
            /forceDestroy is true/,
        );
        assert.match(
            messages(
                await analyzeResource(
                    policy,
                    resource(aws.backup.Vault, "vault", { forceDestroy: true }, { protect: true }),
                ),
            )[0],
            /forceDestroy is true/,
        );
        assert.equal(
            (await analyzeResource(policy, resource(aws.kms.Key, "data", { enableKeyRotation: true }))).violations
                .length,
            1,
        );
        assert.equal((await analyzeResource(policy, resource(aws.opensearch.Domain, "logs", {}))).violations.length, 1);
        clean(await analyzeResource(policy, resource(aws.opensearch.Domain, "logs", {}, { protect: true })));
    });

    it("with requireDeletionProtection false (development.json) checks only resources marked protect", async () => {
        assert.equal(development[policy.name]?.requireDeletionProtection, false);
        clean(await analyzeResource(policy, resource(aws.s3.Bucket, "media", { forceDestroy: true }), development));
        const mismatch = await analyzeResource(
            policy,
            resource(
                aws.rds.Cluster,
                "db",
                { engine: "aurora-mysql", deletionProtection: false, finalSnapshotIdentifier: "x" },
                { protect: true },
            ),
            development,
        );
        assert.deepEqual(messages(mismatch), [
            "deletionProtection is not true: the database can be deleted from the console or API.",
        ]);
    });

    it("requires protection by default without any Configure call", async () => {
        assert.equal(
            (await analyzeResource(policy, resource(aws.s3.Bucket, "media", {}), "bare")).violations.length,
            1,
        );
    });

    it("skips unknown service settings", async () => {
        clean(
            await analyzeResource(
                policy,
                resource(
                    aws.rds.Cluster,
                    "db",
                    { engine: "aurora-mysql", deletionProtection: UNKNOWN, skipFinalSnapshot: UNKNOWN },
                    { protect: true },
                ),
            ),
        );
        clean(
            await analyzeResource(
                policy,
                resource(
                    aws.rds.Cluster,
                    "db",
                    { ...protectedCluster, finalSnapshotIdentifier: UNKNOWN },
                    { protect: true },
                ),
            ),
        );
        clean(
            await analyzeResource(
                policy,
                resource(aws.s3.Bucket, "media", { forceDestroy: UNKNOWN }, { protect: true }),
            ),
        );
    });
});
