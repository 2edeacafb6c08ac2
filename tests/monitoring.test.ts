import * as assert from "assert";
import { parse } from "yaml";
import { logsIngestUrl, OPENSEARCH_TLS_POLICY, opensearchZones } from "../components/monitoring";
import { ConfigError } from "../config";
import { ingestTarget, LOGS_INGEST_PATH } from "../templates/telemetry";
import { MOCK_ACCOUNT_ID, RecordedResource } from "../tools/mocks";
import { runStack, StackRun } from "../tools/stack";
import { ofType } from "./support/resources";

const one = (run: StackRun, type: string): RecordedResource => {
    const all = ofType(run, type);
    assert.strictEqual(all.length, 1, `expected one ${type}, found ${all.length}`);
    return all[0];
};
/** Resources of the Monitoring component (by name), for types other tiers use too. */
const mine = (run: StackRun, type: string): RecordedResource[] => ofType(run, type).filter((r) => /-monitoring-/.test(r.name));
const json = (v: unknown) => JSON.parse(String(v)) as { Statement: Array<Record<string, unknown>> };
const keyArn = (run: StackRun, which: "logs" | "data") =>
    run.resources.find((r) => r.type === "aws:kms/key:Key" && r.name.endsWith(`-keys-${which}`))!.outputs.arn;
const subnetIds = (run: StackRun, tier: string) =>
    ofType(run, "aws:ec2/subnet:Subnet")
        .filter((s) => (s.inputs.tags as Record<string, string>).Tier === tier)
        .map((s) => s.id);

describe("Monitoring", () => {
    const runs: Record<string, StackRun> = {};
    before(async function () {
        // A run executes the whole program under mocks: seconds each, more on a busy machine.
        this.timeout(300_000);
        runs.production = await runStack("production");
        runs.staging = await runStack("staging");
        // Amazon Managed Grafana exists in a few regions only (not sa-east-1, the stacks' region).
        runs.grafana = await runStack("staging", { "aws:region": "us-east-2", monitoringGrafana: true });
    });

    for (const [stack, cidr, nodes, zones] of [["production", "10.20.0.0/16", 3, 3], ["staging", "10.30.0.0/16", 1, 1]] as const) {
        describe(stack, () => {
            it("the alarm topic is encrypted with the logs key and only CloudWatch/EventBridge of this account publish to it", () => {
                const run = runs[stack];
                const topic = mine(run, "aws:sns/topic:Topic")[0];
                assert.ok(topic);
                assert.strictEqual(topic.inputs.kmsMasterKeyId, keyArn(run, "logs"));
                assert.strictEqual(run.outputs.alarmTopicArn, topic.outputs.arn);
                const policy = mine(run, "aws:sns/topicPolicy:TopicPolicy").find((p) => p.inputs.arn === topic.outputs.arn);
                assert.ok(policy);
                const statements = json(policy.inputs.policy).Statement;
                for (const service of ["cloudwatch.amazonaws.com", "events.amazonaws.com"]) {
                    const s = statements.find((x) => JSON.stringify(x.Principal) === JSON.stringify({ Service: service }));
                    assert.ok(s, service);
                    assert.deepStrictEqual((s.Condition as { StringEquals: object }).StringEquals, { "aws:SourceAccount": MOCK_ACCOUNT_ID });
                }
                assert.ok(statements.some((s) => s.Effect === "Deny" && JSON.stringify(s.Condition).includes("aws:SecureTransport")));
                const subs = mine(run, "aws:sns/topicSubscription:TopicSubscription");
                assert.deepStrictEqual(subs.map((s) => [s.inputs.protocol, s.inputs.endpoint, s.inputs.topic]), [["email", "platform-team@example.org", topic.outputs.arn]]);
            });

            it("high-severity GuardDuty and critical Inspector findings go to the alarm topic", () => {
                const run = runs[stack];
                const rules = mine(run, "aws:cloudwatch/eventRule:EventRule");
                const sources = rules.map((r) => (JSON.parse(String(r.inputs.eventPattern)) as { source: string[] }).source[0]).sort();
                assert.deepStrictEqual(sources, ["aws.guardduty", "aws.inspector2"]);
                const targets = mine(run, "aws:cloudwatch/eventTarget:EventTarget");
                assert.strictEqual(targets.length, 2);
                targets.forEach((t) => assert.strictEqual(t.inputs.arn, run.outputs.alarmTopicArn));
            });

            it("Prometheus workspace encrypted with the data key, with logging", () => {
                const run = runs[stack];
                const ws = one(run, "aws:amp/workspace:Workspace");
                assert.strictEqual(ws.inputs.kmsKeyArn, keyArn(run, "data"));
                const logArn = String((ws.inputs.loggingConfiguration as { logGroupArn: string }).logGroupArn);
                const group = ofType(run, "aws:cloudwatch/logGroup:LogGroup").find((g) => `${g.outputs.arn}:*` === logArn);
                assert.ok(group);
                assert.strictEqual(group.inputs.kmsKeyId, keyArn(run, "logs"));
                assert.strictEqual(run.outputs.prometheusEndpoint, ws.outputs.prometheusEndpoint);
            });

            it("OpenSearch: HTTPS only with TLS 1.2+ (PFS), encrypted at rest with the data key and between nodes", () => {
                const run = runs[stack];
                const d = one(run, "aws:opensearch/domain:Domain").inputs;
                assert.deepStrictEqual(d.domainEndpointOptions, { enforceHttps: true, tlsSecurityPolicy: OPENSEARCH_TLS_POLICY });
                assert.strictEqual(OPENSEARCH_TLS_POLICY, "Policy-Min-TLS-1-2-PFS-2023-10");
                assert.deepStrictEqual(d.encryptAtRest, { enabled: true, kmsKeyId: keyArn(run, "data") });
                assert.deepStrictEqual(d.nodeToNodeEncryption, { enabled: true });
                assert.deepStrictEqual(d.ebsOptions, { ebsEnabled: true, volumeType: "gp3", volumeSize: stack === "production" ? 200 : 50 });
            });

            it(`OpenSearch: in the VPC's data subnets, ${nodes} node(s) over ${zones} zone(s), own security group`, () => {
                const run = runs[stack];
                const domain = one(run, "aws:opensearch/domain:Domain");
                const d = domain.inputs;
                const cluster = d.clusterConfig as { instanceCount: number; zoneAwarenessEnabled: boolean; zoneAwarenessConfig?: { availabilityZoneCount: number } };
                assert.strictEqual(cluster.instanceCount, nodes);
                assert.strictEqual(cluster.zoneAwarenessEnabled, zones > 1);
                assert.strictEqual(cluster.zoneAwarenessConfig?.availabilityZoneCount, zones > 1 ? zones : undefined);
                const vpc = d.vpcOptions as { subnetIds: string[]; securityGroupIds: string[] };
                assert.strictEqual(vpc.subnetIds.length, zones);
                const data = subnetIds(run, "data");
                vpc.subnetIds.forEach((s) => assert.ok(data.includes(s), `${s} is a data subnet`));
                const sgId = vpc.securityGroupIds[0];
                const ingress = ofType(run, "aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule").filter((r) => r.inputs.securityGroupId === sgId);
                const vpn = one(run, "aws:ec2clientvpn/endpoint:Endpoint");
                const vpnSg = (vpn.inputs.securityGroupIds as string[])[0];
                assert.deepStrictEqual(
                    ingress.map((r) => [r.inputs.fromPort, r.inputs.toPort, r.inputs.cidrIpv4 ?? r.inputs.referencedSecurityGroupId]).sort(),
                    [[443, 443, cidr], [443, 443, vpnSg]].sort(),
                );
                assert.strictEqual(domain.protect, true);
            });

            it("OpenSearch: fine-grained access control with an IAM master role, access limited to this account", () => {
                const run = runs[stack];
                const d = one(run, "aws:opensearch/domain:Domain").inputs;
                const sec = d.advancedSecurityOptions as { enabled: boolean; anonymousAuthEnabled: boolean; internalUserDatabaseEnabled: boolean; masterUserOptions: { masterUserArn: string } };
                assert.strictEqual(sec.enabled, true);
                assert.strictEqual(sec.anonymousAuthEnabled, false);
                assert.strictEqual(sec.internalUserDatabaseEnabled, false);
                assert.strictEqual(sec.masterUserOptions.masterUserArn, run.outputs.opensearchAdminRoleArn);
                const access = json(d.accessPolicies).Statement;
                assert.strictEqual(access.length, 1);
                assert.deepStrictEqual(access[0].Principal, { AWS: `arn:aws:iam::${MOCK_ACCOUNT_ID}:root` });
                assert.strictEqual(access[0].Effect, "Allow");
            });

            it("OpenSearch: audit, application and slow logs to KMS-encrypted log groups it may write to", () => {
                const run = runs[stack];
                const d = one(run, "aws:opensearch/domain:Domain").inputs;
                const published = d.logPublishingOptions as Array<{ logType: string; cloudwatchLogGroupArn: string; enabled: boolean }>;
                assert.deepStrictEqual(published.map((p) => p.logType).sort(), ["AUDIT_LOGS", "ES_APPLICATION_LOGS", "INDEX_SLOW_LOGS", "SEARCH_SLOW_LOGS"]);
                const policy = mine(run, "aws:cloudwatch/logResourcePolicy:LogResourcePolicy")[0];
                assert.ok(policy);
                const statement = json(policy.inputs.policyDocument).Statement[0] as { Principal: object; Resource: string[] };
                assert.deepStrictEqual(statement.Principal, { Service: "es.amazonaws.com" });
                for (const p of published) {
                    assert.strictEqual(p.enabled, true);
                    const group = ofType(run, "aws:cloudwatch/logGroup:LogGroup").find((g) => g.outputs.arn === p.cloudwatchLogGroupArn);
                    assert.ok(group, p.logType);
                    assert.strictEqual(group.inputs.kmsKeyId, keyArn(run, "logs"));
                    assert.ok(statement.Resource.includes(`${p.cloudwatchLogGroupArn}:*`), `the resource policy covers ${p.logType}`);
                }
            });

            it("the ingestion pipeline receives logs over HTTP(S) and writes them to the domain", () => {
                const run = runs[stack];
                const pipeline = one(run, "aws:opensearchingest/pipeline:Pipeline");
                const domain = one(run, "aws:opensearch/domain:Domain");
                const body = parse(String(pipeline.inputs.pipelineConfigurationBody)) as Record<string, unknown>;
                assert.strictEqual(body.version, "2");
                const [name] = Object.keys(body).filter((k) => k !== "version");
                const p = body[name] as { source: { http: { path: string } }; sink: Array<{ opensearch: { hosts: string[]; aws: { sts_role_arn: string; region: string } } }> };
                assert.strictEqual(p.source.http.path, LOGS_INGEST_PATH);
                assert.deepStrictEqual(p.sink[0].opensearch.hosts, [`https://${domain.outputs.endpoint}`]);
                assert.strictEqual(p.sink[0].opensearch.aws.sts_role_arn, pipeline.inputs.pipelineRoleArn);
                assert.strictEqual(p.sink[0].opensearch.aws.region, "sa-east-1");
                const vpc = pipeline.inputs.vpcOptions as { subnetIds: string[] };
                assert.deepStrictEqual([...vpc.subnetIds].sort(), subnetIds(run, "data").sort());
                const logs = pipeline.inputs.logPublishingOptions as { isLoggingEnabled: boolean; cloudwatchLogDestination: { logGroup: string } };
                assert.strictEqual(logs.isLoggingEnabled, true);
                assert.match(logs.cloudwatchLogDestination.logGroup, /^\/aws\/vendedlogs\//);
                assert.deepStrictEqual([pipeline.inputs.minUnits, pipeline.inputs.maxUnits], stack === "production" ? [2, 4] : [1, 4]);
            });

            it("hosts get one managed policy: remote write to the workspace and ingest into the pipeline", () => {
                const run = runs[stack];
                const policy = mine(run, "aws:iam/policy:Policy").find((p) => /host-telemetry/.test(p.name));
                assert.ok(policy);
                const statements = json(policy.inputs.policy).Statement.map((s) => [s.Action, s.Resource]);
                assert.deepStrictEqual(statements, [
                    ["aps:RemoteWrite", one(run, "aws:amp/workspace:Workspace").outputs.arn],
                    ["osis:Ingest", one(run, "aws:opensearchingest/pipeline:Pipeline").outputs.pipelineArn],
                ]);
            });

            it("Grafana: IAM Identity Center sign-in, customer-managed role, Prometheus/CloudWatch/OpenSearch", () => {
                const run = runs.grafana;
                const ws = one(run, "aws:grafana/workspace:Workspace");
                assert.deepStrictEqual(ws.inputs.authenticationProviders, ["AWS_SSO"]);
                assert.strictEqual(ws.inputs.permissionType, "CUSTOMER_MANAGED");
                assert.strictEqual(ws.inputs.accountAccessType, "CURRENT_ACCOUNT");
                assert.deepStrictEqual(ws.inputs.dataSources, ["PROMETHEUS", "CLOUDWATCH", "AMAZON_OPENSEARCH_SERVICE"]);
                const role = ofType(run, "aws:iam/role:Role").find((r) => r.outputs.arn === ws.inputs.roleArn);
                assert.ok(role);
                const policy = ofType(run, "aws:iam/rolePolicy:RolePolicy").find((p) => p.inputs.role === role.id);
                assert.ok(policy);
                const actions = json(policy.inputs.policy).Statement.flatMap((s) => [s.Action].flat() as string[]);
                for (const a of ["aps:QueryMetrics", "cloudwatch:GetMetricData", "logs:StartQuery", "es:ESHttpGet"]) {
                    assert.ok(actions.includes(a), a);
                }
                assert.ok(!actions.some((a) => /:\*$|^\*$/.test(a)), "no wildcard actions");
                assert.strictEqual(run.outputs.grafanaUrl, `https://${ws.outputs.endpoint}`);
            });

            it("the log store raises alarms to the topic: cluster red, free storage, JVM memory pressure", () => {
                const run = runs[stack];
                const alarms = mine(run, "aws:cloudwatch/metricAlarm:MetricAlarm").filter((a) => a.inputs.namespace === "AWS/ES");
                const metrics = alarms.map((a) => a.inputs.metricName);
                for (const m of ["ClusterStatus.red", "FreeStorageSpace", "JVMMemoryPressure"]) {
                    assert.ok(metrics.includes(m), m);
                }
                const domainName = one(run, "aws:opensearch/domain:Domain").inputs.domainName;
                for (const a of alarms) {
                    assert.deepStrictEqual(a.inputs.alarmActions, [run.outputs.alarmTopicArn]);
                    assert.deepStrictEqual(a.inputs.dimensions, { DomainName: domainName, ClientId: MOCK_ACCOUNT_ID });
                }
                const storage = alarms.find((a) => a.inputs.metricName === "FreeStorageSpace")!;
                assert.strictEqual(storage.inputs.threshold, (stack === "production" ? 200 : 50) * 1024 * 0.25);
            });

            it("exports the operators' endpoints", () => {
                const run = runs[stack];
                const domain = one(run, "aws:opensearch/domain:Domain");
                assert.strictEqual(run.outputs.opensearchEndpoint, domain.outputs.endpoint);
                assert.strictEqual(run.outputs.opensearchDashboardsUrl, `https://${domain.outputs.endpoint}/_dashboards`);
            });
        });
    }

    describe("without Grafana or e-mail", () => {
        let run: StackRun;
        before(async function () {
            // A run executes the whole program under mocks: seconds each, more on a busy machine.
            this.timeout(300_000);
            run = await runStack("staging", { monitoringGrafana: false, monitoringAlarmEmail: undefined });
        });

        it("creates neither the workspace nor its role, and no subscription", () => {
            assert.strictEqual(ofType(run, "aws:grafana/workspace:Workspace").length, 0);
            assert.strictEqual(run.outputs.grafanaUrl, undefined);
            assert.strictEqual(mine(run, "aws:sns/topicSubscription:TopicSubscription").length, 0);
            const admin = ofType(run, "aws:iam/role:Role").find((r) => r.outputs.arn === run.outputs.opensearchAdminRoleArn)!;
            const trust = json(admin.inputs.assumeRolePolicy).Statement.map((s) => s.Sid);
            assert.deepStrictEqual(trust, ["AccountAdministrators", "IngestionPipeline"]);
        });
    });

    it("the ingestion URL is what templates/telemetry posts to", () => {
        const host = "hms-production-monitori-logs-abc.sa-east-1.osis.amazonaws.com";
        for (const reported of [host, `https://${host}`]) {
            const url = logsIngestUrl([reported]);
            assert.strictEqual(url, `https://${host}${LOGS_INGEST_PATH}`);
            assert.deepStrictEqual(ingestTarget(url), { host, port: 443, path: LOGS_INGEST_PATH });
        }
        assert.throws(() => logsIngestUrl([]), /no endpoint/);
    });

    describe("sizing", () => {
        it("spreads a domain over up to three zones, and over one when it has one node", () => {
            assert.strictEqual(opensearchZones(3, 1), 1);
            assert.strictEqual(opensearchZones(3, 2), 2);
            assert.strictEqual(opensearchZones(3, 3), 3);
            assert.strictEqual(opensearchZones(2, 4), 2);
            assert.strictEqual(opensearchZones(3, 6), 3);
        });

        it("refuses an odd node count over two zones at config time", async () => {
            await assert.rejects(runStack("staging", { monitoringOpensearchInstanceCount: 3 }), (e: unknown) => {
                assert.ok(e instanceof ConfigError);
                assert.match(e.message, /hms:monitoringOpensearchInstanceCount = 3: must be 1 or an even number/);
                return true;
            });
        });

        it("refuses a maximum ingestion capacity below the minimum", async () => {
            await assert.rejects(runStack("staging", { monitoringIngestMinUnits: 4, monitoringIngestMaxUnits: 2 }), /hms:monitoringIngestMaxUnits = "2": must be a whole number from hms:monitoringIngestMinUnits \(4\)/);
        });
    });
});
