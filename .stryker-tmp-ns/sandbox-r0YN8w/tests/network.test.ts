// @ts-nocheck
import * as assert from "assert";
import { splitCidr } from "../components/network";
import { RecordedResource } from "../tools/mocks";
import { runStack, StackRun } from "../tools/stack";
import { ofType } from "./support/resources";

const byUrn = (run: StackRun, urn: string): RecordedResource => {
    const r = run.resources.find((x) => x.urn === urn);
    assert.ok(r, `no resource ${urn}`);
    return r;
};

describe("Network", () => {
    const runs: Record<string, StackRun> = {};
    before(async () => {
        runs.production = await runStack("production");
        runs.staging = await runStack("staging");
        runs.development = await runStack("development");
    });

    for (const [stack, azs, nats] of [
        ["production", 3, 3],
        ["staging", 2, 1],
    ] as const) {
        describe(stack, () => {
            it(`spans ${azs} AZs with public, app and data subnets in each`, () => {
                const subnets = ofType(runs[stack], "aws:ec2/subnet:Subnet");
                assert.strictEqual(subnets.length, azs * 3);
                for (const tier of ["public", "app", "data"]) {
                    const inTier = subnets.filter((s) => (s.inputs.tags as Record<string, string>).Tier === tier);
                    assert.strictEqual(inTier.length, azs, tier);
                    const zones = new Set(inTier.map((s) => s.inputs.availabilityZone));
                    assert.strictEqual(zones.size, azs, `${tier} subnets in distinct AZs: ${[...zones]}`);
                    for (const z of zones) {
                        assert.match(String(z), /^sa-east-1[abc]$/);
                    }
                }
            });

            it("subnets do not overlap and lie inside the VPC", () => {
                const vpc = ofType(runs[stack], "aws:ec2/vpc:Vpc")[0];
                const blocks = new Set(splitCidr(String(vpc.inputs.cidrBlock), 4));
                const cidrs = ofType(runs[stack], "aws:ec2/subnet:Subnet").map((s) => String(s.inputs.cidrBlock));
                assert.strictEqual(new Set(cidrs).size, cidrs.length);
                cidrs.forEach((c) => assert.ok(blocks.has(c), `${c} outside ${vpc.inputs.cidrBlock}`));
            });

            it(`has ${nats} NAT gateway(s) in public subnets, and app subnets route through them`, () => {
                const run = runs[stack];
                const natGws = ofType(run, "aws:ec2/natGateway:NatGateway");
                assert.strictEqual(natGws.length, nats);
                const publicIds = new Set(
                    ofType(run, "aws:ec2/subnet:Subnet")
                        .filter((s) => (s.inputs.tags as Record<string, string>).Tier === "public")
                        .map((s) => s.id),
                );
                natGws.forEach((n) => assert.ok(publicIds.has(String(n.inputs.subnetId))));
                const appTables = ofType(run, "aws:ec2/routeTable:RouteTable").filter((t) => /-app-rt-/.test(t.name));
                assert.strictEqual(appTables.length, azs);
                const natIds = new Set(natGws.map((n) => n.id));
                for (const t of appTables) {
                    const routes = t.inputs.routes as Array<{ cidrBlock: string; natGatewayId?: string }>;
                    assert.ok(
                        routes.some((r) => r.cidrBlock === "0.0.0.0/0" && natIds.has(String(r.natGatewayId))),
                        t.name,
                    );
                }
            });

            it("data subnets have no route to the internet", () => {
                const dataTable = ofType(runs[stack], "aws:ec2/routeTable:RouteTable").find((t) =>
                    /-data-rt$/.test(t.name),
                );
                assert.ok(dataTable);
                assert.deepStrictEqual(dataTable.inputs.routes ?? [], []);
            });

            it("no subnet maps public IPs on launch", () => {
                for (const s of ofType(runs[stack], "aws:ec2/subnet:Subnet")) {
                    assert.strictEqual(s.inputs.mapPublicIpOnLaunch, false, s.name);
                }
            });

            it("flow logs capture all traffic into a KMS-encrypted log group", () => {
                const run = runs[stack];
                const [flow] = ofType(run, "aws:ec2/flowLog:FlowLog");
                assert.ok(flow, "a flow log");
                assert.strictEqual(flow.inputs.trafficType, "ALL");
                assert.strictEqual(flow.inputs.vpcId, ofType(run, "aws:ec2/vpc:Vpc")[0].id);
                const group = ofType(run, "aws:cloudwatch/logGroup:LogGroup").find(
                    (g) => g.outputs.arn === flow.inputs.logDestination,
                );
                assert.ok(group, "destination is a log group of the stack");
                const logsKey = ofType(run, "aws:kms/key:Key").find((k) => /-logs$/.test(k.name));
                assert.strictEqual(group.inputs.kmsKeyId, logsKey?.outputs.arn);
                assert.ok(Number(group.inputs.retentionInDays) >= 365);
            });

            it("reaches S3 through a gateway endpoint and Systems Manager through interface endpoints", () => {
                const endpoints = ofType(runs[stack], "aws:ec2/vpcEndpoint:VpcEndpoint");
                const services = endpoints.map((e) =>
                    String(e.inputs.serviceName).replace("com.amazonaws.sa-east-1.", ""),
                );
                for (const s of ["s3", "ssm", "ssmmessages", "ec2messages", "secretsmanager", "kms", "logs"]) {
                    assert.ok(services.includes(s), `endpoint ${s}`);
                }
                const s3 = endpoints.find((e) => String(e.inputs.serviceName).endsWith(".s3"));
                assert.strictEqual(s3?.inputs.vpcEndpointType, "Gateway");
                assert.strictEqual((s3?.inputs.routeTableIds as string[]).length, azs + 1);
                for (const e of endpoints.filter((x) => x.inputs.vpcEndpointType === "Interface")) {
                    assert.strictEqual(e.inputs.privateDnsEnabled, true);
                }
            });

            it("closes the default security group", () => {
                const [sg] = ofType(runs[stack], "aws:ec2/defaultSecurityGroup:DefaultSecurityGroup");
                assert.deepStrictEqual([sg.inputs.ingress, sg.inputs.egress], [[], []]);
            });

            it("every network resource is a child of the Network component", () => {
                const run = runs[stack];
                const [network] = ofType(run, "hms:network:Network");
                for (const t of [
                    "aws:ec2/vpc:Vpc",
                    "aws:ec2/subnet:Subnet",
                    "aws:ec2/natGateway:NatGateway",
                    "aws:ec2/flowLog:FlowLog",
                ]) {
                    ofType(run, t).forEach((r) => assert.strictEqual(r.parent, network.urn, r.name));
                }
                assert.strictEqual(byUrn(run, network.parent ?? "").type, "hms:index:HospitalSystem");
            });
        });
    }

    it("development has no VPC (developers run the system locally with Docker)", () => {
        assert.strictEqual(ofType(runs.development, "aws:ec2/vpc:Vpc").length, 0);
    });

    it("a region with fewer AZs than configured fails with the key named", async () => {
        // The mocks give three AZs per region.
        await assert.rejects(runStack("production", { networkAzCount: 4 }), /hms:networkAzCount = "4"/);
    });

    it("splitCidr divides a block into equal aligned parts", () => {
        assert.deepStrictEqual(splitCidr("10.20.0.0/16", 2), [
            "10.20.0.0/18",
            "10.20.64.0/18",
            "10.20.128.0/18",
            "10.20.192.0/18",
        ]);
        assert.strictEqual(splitCidr("10.30.0.0/20", 4)[15], "10.30.15.0/24");
    });
});

describe("Keys", () => {
    let run: StackRun;
    before(async () => {
        run = await runStack("production");
    });

    it("creates rotating customer managed keys for data, logs, backups and the DR region", () => {
        // The Keys component's keys (Storage adds the clinical-files key of its own).
        const keys = ofType(run, "aws:kms/key:Key").filter((k) => /-keys-/.test(k.name));
        const names = keys.map((k) => k.name.replace(/^.*-keys-/, "")).sort();
        assert.deepStrictEqual(names, ["backup", "data", "dr", "logs"]);
        for (const k of keys) {
            assert.strictEqual(k.inputs.enableKeyRotation, true, k.name);
            assert.strictEqual(k.inputs.deletionWindowInDays, 30);
            assert.strictEqual(k.protect, true, `${k.name} is protected in production`);
        }
        const dr = keys.find((k) => k.name.endsWith("-dr"));
        assert.strictEqual(dr?.inputs.region, "us-east-1");
    });

    it("lets CloudWatch Logs and CloudTrail use the logs key, scoped to this account", () => {
        const logs = ofType(run, "aws:kms/key:Key").find((k) => k.name.endsWith("-logs"));
        const policy = JSON.parse(String(logs?.inputs.policy)) as {
            Statement: Array<{ Sid: string; Principal: { Service?: string | string[] }; Condition?: object }>;
        };
        const sids = policy.Statement.map((s) => s.Sid);
        assert.ok(sids.includes("CloudWatchLogsEncryptsLogGroups"));
        assert.ok(sids.includes("CloudTrailEncryptsLogs"));
        const logsStatement = policy.Statement.find((s) => s.Sid === "CloudWatchLogsEncryptsLogGroups");
        assert.strictEqual(logsStatement?.Principal.Service, "logs.sa-east-1.amazonaws.com");
        assert.match(JSON.stringify(logsStatement?.Condition), /arn:aws:logs:sa-east-1:123456789012:\*/);
    });

    it("does not protect development's keys", async () => {
        const dev = await runStack("development");
        ofType(dev, "aws:kms/key:Key").forEach((k) => assert.strictEqual(k.protect, false));
    });
});
