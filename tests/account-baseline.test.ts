import * as assert from "assert";
import { MOCK_ACCOUNT_ID, RecordedResource } from "../tools/mocks";
import { runStack, StackRun } from "../tools/stack";
import { ofType, parseStack } from "./support/resources";

const ACCOUNT_WIDE = [
    "aws:guardduty/detector:Detector",
    "aws:guardduty/detectorFeature:DetectorFeature",
    "aws:inspector2/enabler:Enabler",
    "aws:iam/serviceLinkedRole:ServiceLinkedRole",
];
/** Whether an IAM ArnLike pattern (`*` and `?` wildcards) matches `arn`. */
const arnLike = (pattern: string, arn: string): boolean =>
    new RegExp(
        `^${pattern
            .replace(/[.+^${}()|[\]\\]/g, "\\$&")
            .replace(/\*/g, ".*")
            .replace(/\?/g, ".")}$`,
    ).test(arn);
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
                    under(runs.production, r, "hms:security:AccountBaseline"),
                    `${r.name} belongs to the baseline`,
                ),
            );
            assert.strictEqual(ofType(runs.staging, type).length, 0, `staging creates no ${type}`);
        }
        const optIn = ofType(runs.production, "command:local:Command").filter((c) =>
            under(runs.production, c, "hms:security:AccountBaseline"),
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

    it("RDS Enhanced Monitoring's RDSOSMetrics group: created once, encrypted with the logs key, retained, with a retention", () => {
        const run = runs.production;
        const groups = ofType(run, "aws:cloudwatch/logGroup:LogGroup").filter((g) => g.inputs.name === "RDSOSMetrics");
        assert.strictEqual(groups.length, 1, "production (the account's owner) creates RDSOSMetrics");
        const g = groups[0];
        assert.ok(under(run, g, "hms:security:AccountBaseline"), "it belongs to the baseline");
        const key = run.resources.find((r) => r.type === "aws:kms/key:Key" && r.name.endsWith("-keys-logs"))!;
        assert.strictEqual(g.inputs.kmsKeyId, key.outputs.arn, "encrypted with the logs key");
        assert.strictEqual(g.inputs.retentionInDays, parseStack("production").logRetentionDays);
        assert.strictEqual(g.retainOnDelete, true, "other stacks' databases keep writing to it");
        assert.ok(
            run.resources
                .filter((r) => r.type === "aws:rds/clusterInstance:ClusterInstance")
                .every((i) => Number(i.inputs.monitoringInterval) > 0),
            "the databases use Enhanced Monitoring",
        );
        // The key lets CloudWatch Logs of this account and region use it for this group.
        const policy = JSON.parse(String(key.inputs.policy)) as {
            Statement: Array<{
                Effect: string;
                Principal?: { Service?: string };
                Action: string | string[];
                Condition?: Record<string, Record<string, string>>;
            }>;
        };
        const groupArn = `arn:aws:logs:sa-east-1:${MOCK_ACCOUNT_ID}:log-group:RDSOSMetrics`;
        const grants = policy.Statement.filter(
            (st) =>
                st.Effect === "Allow" &&
                st.Principal?.Service === "logs.sa-east-1.amazonaws.com" &&
                [st.Action].flat().some((a) => /^kms:(GenerateDataKey|Encrypt)/.test(a)) &&
                Object.entries(st.Condition ?? {}).every(([op, kv]) =>
                    Object.entries(kv).every(([k, v]) =>
                        k === "kms:EncryptionContext:aws:logs:arn" && /^Arn(Like|Equals)$/.test(op)
                            ? arnLike(v, groupArn)
                            : false,
                    ),
                ),
        );
        assert.ok(grants.length > 0, "the logs key's policy lets CloudWatch Logs encrypt RDSOSMetrics");
        assert.strictEqual(
            ofType(runs.staging, "aws:cloudwatch/logGroup:LogGroup").filter((x) => x.inputs.name === "RDSOSMetrics")
                .length,
            0,
            "staging, in the same account, does not create it again",
        );
    });
});
