// @ts-nocheck
import * as assert from "assert";
import { MOCK_ACCOUNT_ID, RecordedResource } from "../tools/mocks";
import { runStack, StackRun } from "../tools/stack";
import { ofType } from "./support/resources";

const ACCOUNT_WIDE = [
    "aws:guardduty/detector:Detector",
    "aws:guardduty/detectorFeature:DetectorFeature",
    "aws:inspector2/enabler:Enabler",
    "aws:iam/serviceLinkedRole:ServiceLinkedRole",
];
const under = (run: StackRun, r: RecordedResource, type: string): boolean => {
    for (let p = r.parent; p;) {
        const parent = run.resources.find((x) => x.urn === p);
        if (!parent) return false;
        if (parent.type === type) return true;
        p = parent.parent;
    }
    return false;
};
const one = (run: StackRun, type: string): RecordedResource => {
    const all = ofType(run, type);
    assert.strictEqual(all.length, 1, `expected one ${type}, found ${all.length}`);
    return all[0];
};

describe("AccountBaseline (account-wide services, one stack per account)", () => {
    const runs: Record<string, StackRun> = {};
    before(async function () {
        this.timeout(300_000);
        runs.production = await runStack("production");
        runs.staging = await runStack("staging");
    });

    it("production owns them; staging, in the same account, creates none (a second detector would fail)", () => {
        for (const type of ACCOUNT_WIDE) {
            const mine = ofType(runs.production, type);
            assert.ok(mine.length >= 1, type);
            mine.forEach((r) =>
                assert.ok(
                    under(runs.production, r, "hms:account:AccountBaseline"),
                    `${r.name} belongs to the baseline`,
                ),
            );
            assert.strictEqual(ofType(runs.staging, type).length, 0, `staging creates no ${type}`);
        }
        const optIn = ofType(runs.production, "command:local:Command").filter((c) =>
            under(runs.production, c, "hms:account:AccountBaseline"),
        );
        assert.strictEqual(optIn.length, 1);
        assert.strictEqual(
            ofType(runs.staging, "command:local:Command").filter((c) => /backup-opt-in/.test(c.name)).length,
            0,
        );
    });

    it("GuardDuty: detector enabled with S3, EBS malware, RDS login and runtime protection", () => {
        const run = runs.production;
        const detector = one(run, "aws:guardduty/detector:Detector");
        assert.strictEqual(detector.inputs.enable, true);
        assert.strictEqual(detector.inputs.findingPublishingFrequency, "FIFTEEN_MINUTES");
        const features = ofType(run, "aws:guardduty/detectorFeature:DetectorFeature");
        for (const f of features) {
            assert.strictEqual(f.inputs.detectorId, detector.id);
            assert.strictEqual(f.inputs.status, "ENABLED");
        }
        assert.deepStrictEqual(features.map((f) => f.inputs.name).sort(), [
            "EBS_MALWARE_PROTECTION",
            "RDS_LOGIN_EVENTS",
            "RUNTIME_MONITORING",
            "S3_DATA_EVENTS",
        ]);
        const runtime = features.find((f) => f.inputs.name === "RUNTIME_MONITORING")!;
        assert.deepStrictEqual(runtime.inputs.additionalConfigurations, [
            { name: "EC2_AGENT_MANAGEMENT", status: "ENABLED" },
        ]);
        assert.strictEqual(run.outputs.guardDutyDetectorId, detector.id);
    });

    it("Inspector v2 scans this account's EC2 instances", () => {
        const enabler = one(runs.production, "aws:inspector2/enabler:Enabler");
        assert.deepStrictEqual(enabler.inputs.resourceTypes, ["EC2"]);
        assert.deepStrictEqual(enabler.inputs.accountIds, [MOCK_ACCOUNT_ID]);
    });

    it("the OpenSearch service-linked role exists for VPC domains and outlives the stack", () => {
        const slr = one(runs.production, "aws:iam/serviceLinkedRole:ServiceLinkedRole");
        assert.strictEqual(slr.inputs.awsServiceName, "opensearchservice.amazonaws.com");
        assert.strictEqual(slr.retainOnDelete, true);
    });

    it("AWS Backup is opted in for the resource types the plans select (Aurora, EBS, EC2, S3)", () => {
        const cmd = ofType(runs.production, "command:local:Command").find((c) => /backup-opt-in/.test(c.name));
        assert.ok(cmd);
        assert.match(
            String(cmd.inputs.create),
            /^aws backup update-region-settings --region 'sa-east-1' --resource-type-opt-in-preference 'Aurora=true,EBS=true,EC2=true,S3=true'$/,
        );
    });
});
