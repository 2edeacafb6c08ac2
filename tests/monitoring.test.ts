import * as assert from "assert";
import * as pulumi from "@pulumi/pulumi";
import { parse } from "yaml";
import {
    logsIngestUrl,
    Monitoring,
    OPENSEARCH_TLS_POLICY,
    opensearchDomainName,
    opensearchPipelineName,
    opensearchZones,
} from "../components/monitoring";
import { monitoringArgs } from "../components/tier-args";
import { checkApiConstraints } from "../tools/api-constraints";
import { ConfigError, HmsConfig } from "../config";
import { ingestTarget, LOGS_INGEST_PATH } from "../templates/telemetry";
import { MOCK_ACCOUNT_ID, RecordedResource } from "../tools/mocks";
import { runStack, StackRun } from "../tools/stack";
import { all, one, Resources } from "./support/assert";
import { buildComponent, handedOver } from "./support/components";
import { ofType, parseStack } from "./support/resources";
import { assertNoSecrets, assertShellcheckClean, docOf, fileOf, userDataOf } from "./support/servers";
import { assertCloudInitValid } from "./support/cloud-init";
import { DASHBOARDS } from "../templates/grafana-dashboards";
import { isSecret } from "../tools/mocks";
import { readStackConfig } from "../tools/stack";

/** Resources of the Monitoring component (by name), for types other tiers use too. */
const mine = (run: Resources, type: string): RecordedResource[] =>
    all(run, type).filter((r) => /-monitoring-/.test(r.name));
const json = (v: unknown) => JSON.parse(String(v)) as { Statement: Array<Record<string, unknown>> };
const keyArn = (run: StackRun, which: "logs" | "data") =>
    run.resources.find((r) => r.type === "aws:kms/key:Key" && r.name.endsWith(`-keys-${which}`))!.outputs.arn;
const subnetIds = (run: StackRun, tier: string) =>
    ofType(run, "aws:ec2/subnet:Subnet")
        .filter((s) => (s.inputs.tags as Record<string, string>).Tier === tier)
        .map((s) => s.id);

/** A log group's name from its name or ARN (`arn:aws:logs:<region>:<account>:log-group:<name>[:*]`). */
const groupName = (v: unknown): string =>
    String(v)
        .replace(/^arn:aws[\w-]*:logs:[^:]*:\d*:log-group:/, "")
        .replace(/:\*$/, "");
const list = <T>(v: unknown): T[] => (Array.isArray(v) ? (v as T[]) : v ? [v as T] : []);

/**
 * Where each resource of a plan makes an AWS service write logs (CloudWatch
 * Logs group names), from the inputs the APIs read: a service creates a
 * missing group itself, unencrypted (RDS, Lambda), or fails to deliver.
 */
function logDestinations(run: StackRun): Array<{ resource: string; group: string }> {
    const out: Array<{ resource: string; group: string }> = [];
    const add = (r: RecordedResource, group: unknown) =>
        out.push({ resource: `${r.type} ${r.name}`, group: groupName(group) });
    for (const r of run.resources) {
        const i = r.inputs;
        switch (r.type) {
            case "aws:rds/cluster:Cluster":
                // https://docs.aws.amazon.com/AmazonRDS/latest/AuroraUserGuide/AuroraMySQL.Integrating.CloudWatch.html
                list<string>(i.enabledCloudwatchLogsExports).forEach((t) =>
                    add(r, `/aws/rds/cluster/${String(i.clusterIdentifier)}/${t}`),
                );
                break;
            case "aws:rds/clusterInstance:ClusterInstance":
            case "aws:rds/instance:Instance":
                // https://docs.aws.amazon.com/AmazonRDS/latest/AuroraUserGuide/USER_Monitoring.OS.html
                if (Number(i.monitoringInterval ?? 0) > 0) add(r, "RDSOSMetrics");
                break;
            case "aws:lambda/function:Function": {
                // Without a logging configuration Lambda writes to /aws/lambda/<function name>.
                const cfg = i.loggingConfig as { logGroup?: string } | undefined;
                add(r, cfg?.logGroup ?? `/aws/lambda/${String(i.name ?? r.name)}`);
                break;
            }
            case "aws:ec2clientvpn/endpoint:Endpoint": {
                const o = i.connectionLogOptions as { enabled?: boolean; cloudwatchLogGroup?: string } | undefined;
                if (o?.enabled) add(r, o.cloudwatchLogGroup);
                break;
            }
            case "aws:ec2/flowLog:FlowLog":
                if ((i.logDestinationType ?? "cloud-watch-logs") === "cloud-watch-logs")
                    add(r, i.logDestination ?? i.logGroupName);
                break;
            case "aws:elasticache/replicationGroup:ReplicationGroup":
                list<{ destinationType: string; destination: string }>(i.logDeliveryConfigurations)
                    .filter((c) => c.destinationType === "cloudwatch-logs")
                    .forEach((c) => add(r, c.destination));
                break;
            case "aws:opensearch/domain:Domain":
                list<{ enabled?: boolean; cloudwatchLogGroupArn: string }>(i.logPublishingOptions)
                    .filter((o) => o.enabled !== false)
                    .forEach((o) => add(r, o.cloudwatchLogGroupArn));
                break;
            case "aws:opensearchingest/pipeline:Pipeline": {
                const o = i.logPublishingOptions as
                    { isLoggingEnabled?: boolean; cloudwatchLogDestination?: { logGroup: string } } | undefined;
                if (o?.isLoggingEnabled) add(r, o.cloudwatchLogDestination?.logGroup);
                break;
            }
            case "aws:amp/workspace:Workspace": {
                const o = i.loggingConfiguration as { logGroupArn?: string } | undefined;
                if (o?.logGroupArn) add(r, o.logGroupArn);
                break;
            }
            case "aws:cloudtrail/trail:Trail":
                if (i.cloudWatchLogsGroupArn) add(r, i.cloudWatchLogsGroupArn);
                break;
            default:
                break;
        }
    }
    return out;
}

/**
 * The Monitoring component of stack configuration `c` built alone (without the rest of the
 * program), under the program's name and with components/tier-args.ts's monitoringArgs of that
 * configuration (what HospitalSystem.createMonitoring passes); fixed stand-ins for what other
 * tiers hand over (the VPC, subnets, keys, and the Client VPN's security group where the
 * configuration has a VPN). Returns what it registered and the component (its outputs are
 * what index.ts exports).
 */
async function buildMonitoring(c: HmsConfig): Promise<Resources & { monitoring: Monitoring }> {
    const name = `hms-${c.environment}`;
    let monitoring: Monitoring | undefined;
    const resources = await buildComponent(() => {
        monitoring = new Monitoring(`${name}-monitoring`, monitoringArgs(name, c, handedOver(c)));
    }, c.region);
    return { resources, monitoring: monitoring! };
}

/** The value an output of a component built under the mocks resolves to. */
const valueOf = <T>(output: pulumi.Output<T>): Promise<T> => new Promise((resolve) => output.apply(resolve));

describe("Monitoring", () => {
    const runs: Record<string, StackRun> = {};
    before(async function () {
        // A run executes the whole program under mocks: seconds each, more on a busy machine.
        this.timeout(300_000);
        runs.production = await runStack("production");
        runs.staging = await runStack("staging");
    });

    for (const [stack, cidr, nodes, zones] of [
        ["production", "10.20.0.0/16", 3, 3],
        ["staging", "10.30.0.0/16", 1, 1],
    ] as const) {
        describe(stack, () => {
            it("the alarm topic is encrypted with the logs key and only CloudWatch/EventBridge of this account publish to it", () => {
                const run = runs[stack];
                const topic = mine(run, "aws:sns/topic:Topic")[0];
                assert.ok(topic);
                assert.strictEqual(topic.inputs.kmsMasterKeyId, keyArn(run, "logs"));
                assert.strictEqual(run.outputs.alarmTopicArn, topic.outputs.arn);
                const policy = mine(run, "aws:sns/topicPolicy:TopicPolicy").find(
                    (p) => p.inputs.arn === topic.outputs.arn,
                );
                assert.ok(policy);
                const statements = json(policy.inputs.policy).Statement;
                for (const service of ["cloudwatch.amazonaws.com", "events.amazonaws.com"]) {
                    const s = statements.find(
                        (x) => JSON.stringify(x.Principal) === JSON.stringify({ Service: service }),
                    );
                    assert.ok(s, service);
                    assert.deepStrictEqual((s.Condition as { StringEquals: object }).StringEquals, {
                        "aws:SourceAccount": MOCK_ACCOUNT_ID,
                    });
                }
                assert.ok(
                    statements.some(
                        (s) => s.Effect === "Deny" && JSON.stringify(s.Condition).includes("aws:SecureTransport"),
                    ),
                );
                const subs = mine(run, "aws:sns/topicSubscription:TopicSubscription");
                assert.deepStrictEqual(
                    subs.map((s) => [s.inputs.protocol, s.inputs.endpoint, s.inputs.topic]),
                    [["email", "platform-team@example.org", topic.outputs.arn]],
                );
            });

            it("security findings, failovers and failed backup or copy jobs go to the alarm topic, each with its runbook", () => {
                const run = runs[stack];
                const rules = mine(run, "aws:cloudwatch/eventRule:EventRule");
                const patterns = rules.map(
                    (r) =>
                        JSON.parse(String(r.inputs.eventPattern)) as {
                            source: string[];
                            detail: Record<string, unknown>;
                        },
                );
                assert.deepStrictEqual(patterns.map((p) => p.source[0]).sort(), [
                    "aws.backup",
                    "aws.elasticache",
                    "aws.guardduty",
                    "aws.inspector2",
                    "aws.rds",
                ]);
                const targets = mine(run, "aws:cloudwatch/eventTarget:EventTarget");
                assert.strictEqual(targets.length, rules.length);
                targets.forEach((t) => assert.strictEqual(t.inputs.arn, run.outputs.alarmTopicArn));
                // Failover events are this environment's: the prefix matches its own cluster and cache.
                const cluster = String(one(run, "aws:rds/cluster:Cluster").inputs.clusterIdentifier);
                const cache = String(
                    one(run, "aws:elasticache/replicationGroup:ReplicationGroup").inputs.replicationGroupId,
                );
                for (const [source, id] of [
                    ["aws.rds", cluster],
                    ["aws.elasticache", cache],
                ]) {
                    const p = patterns.find((x) => x.source[0] === source)!;
                    const prefix = (p.detail.SourceIdentifier as Array<{ prefix: string }>)[0].prefix;
                    assert.ok(
                        id.startsWith(prefix),
                        `${source}: ${id} does not start with the filter prefix ${prefix}`,
                    );
                }
                for (const r of rules.filter((x) => /rds|elasticache|backup/.test(String(x.inputs.eventPattern)))) {
                    assert.match(String(r.inputs.description), /runbook: README\.md#runbook-[a-z0-9-]+/);
                }
            });

            it("Prometheus alert rules are evaluated by the workspace and its Alertmanager publishes to the topic", () => {
                const run = runs[stack];
                const ws = one(run, "aws:amp/workspace:Workspace");
                const rules = one(run, "aws:amp/ruleGroupNamespace:RuleGroupNamespace");
                assert.strictEqual(rules.inputs.workspaceId, ws.id);
                const groups = parse(String(rules.inputs.data)).groups as Array<{
                    rules: Array<{ alert: string; labels: { environment: string } }>;
                }>;
                assert.ok(groups[0].rules.length >= 5);
                assert.ok(groups[0].rules.every((r) => r.labels.environment === stack));
                const am = one(run, "aws:amp/alertManagerDefinition:AlertManagerDefinition");
                const config = parse(parse(String(am.inputs.definition)).alertmanager_config);
                assert.strictEqual(config.receivers[0].sns_configs[0].topic_arn, run.outputs.alarmTopicArn);
                const policy = mine(run, "aws:sns/topicPolicy:TopicPolicy")[0];
                const aps = json(policy.inputs.policy).Statement.find(
                    (x) => JSON.stringify(x.Principal) === JSON.stringify({ Service: "aps.amazonaws.com" }),
                );
                assert.ok(aps, "the workspace may publish to the topic");
                assert.deepStrictEqual((aps.Condition as { ArnLike: object }).ArnLike, {
                    "aws:SourceArn": ws.outputs.arn,
                });
                // The topic is encrypted: the key must let the service use it.
                const key = run.resources.find((r) => r.type === "aws:kms/key:Key" && r.name.endsWith("-keys-logs"))!;
                const services = json(key.inputs.policy).Statement.flatMap((x) =>
                    [(x.Principal as { Service?: string | string[] })?.Service ?? []].flat(),
                );
                assert.ok(
                    services.includes("aps.amazonaws.com"),
                    "logs key lets Prometheus publish to the encrypted topic",
                );
            });

            it("Prometheus workspace encrypted with the data key, with logging", () => {
                const run = runs[stack];
                const ws = one(run, "aws:amp/workspace:Workspace");
                assert.strictEqual(ws.inputs.kmsKeyArn, keyArn(run, "data"));
                const logArn = String((ws.inputs.loggingConfiguration as { logGroupArn: string }).logGroupArn);
                const group = ofType(run, "aws:cloudwatch/logGroup:LogGroup").find(
                    (g) => `${g.outputs.arn}:*` === logArn,
                );
                assert.ok(group);
                assert.strictEqual(group.inputs.kmsKeyId, keyArn(run, "logs"));
                assert.strictEqual(run.outputs.prometheusEndpoint, ws.outputs.prometheusEndpoint);
            });

            it("OpenSearch: HTTPS only with TLS 1.2+ (PFS), encrypted at rest with the data key and between nodes", () => {
                const run = runs[stack];
                const d = one(run, "aws:opensearch/domain:Domain").inputs;
                assert.deepStrictEqual(d.domainEndpointOptions, {
                    enforceHttps: true,
                    tlsSecurityPolicy: OPENSEARCH_TLS_POLICY,
                });
                assert.strictEqual(OPENSEARCH_TLS_POLICY, "Policy-Min-TLS-1-2-PFS-2023-10");
                assert.deepStrictEqual(d.encryptAtRest, { enabled: true, kmsKeyId: keyArn(run, "data") });
                assert.deepStrictEqual(d.nodeToNodeEncryption, { enabled: true });
                assert.deepStrictEqual(d.ebsOptions, {
                    ebsEnabled: true,
                    volumeType: "gp3",
                    volumeSize: stack === "production" ? 200 : 50,
                });
            });

            it(`OpenSearch: in the VPC's data subnets, ${nodes} node(s) over ${zones} zone(s), own security group`, () => {
                const run = runs[stack];
                const domain = one(run, "aws:opensearch/domain:Domain");
                const d = domain.inputs;
                const cluster = d.clusterConfig as {
                    instanceCount: number;
                    zoneAwarenessEnabled: boolean;
                    zoneAwarenessConfig?: { availabilityZoneCount: number };
                };
                assert.strictEqual(cluster.instanceCount, nodes);
                assert.strictEqual(cluster.zoneAwarenessEnabled, zones > 1);
                assert.strictEqual(cluster.zoneAwarenessConfig?.availabilityZoneCount, zones > 1 ? zones : undefined);
                const vpc = d.vpcOptions as { subnetIds: string[]; securityGroupIds: string[] };
                assert.strictEqual(vpc.subnetIds.length, zones);
                const data = subnetIds(run, "data");
                vpc.subnetIds.forEach((s) => assert.ok(data.includes(s), `${s} is a data subnet`));
                const sgId = vpc.securityGroupIds[0];
                const ingress = ofType(run, "aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule").filter(
                    (r) => r.inputs.securityGroupId === sgId,
                );
                const vpn = one(run, "aws:ec2clientvpn/endpoint:Endpoint");
                const vpnSg = (vpn.inputs.securityGroupIds as string[])[0];
                assert.deepStrictEqual(
                    ingress
                        .map((r) => [
                            r.inputs.fromPort,
                            r.inputs.toPort,
                            r.inputs.cidrIpv4 ?? r.inputs.referencedSecurityGroupId,
                        ])
                        .sort(),
                    [
                        [443, 443, cidr],
                        [443, 443, vpnSg],
                    ].sort(),
                );
                assert.strictEqual(domain.protect, true);
            });

            it("OpenSearch: fine-grained access control with an IAM master role, access limited to this account", () => {
                const run = runs[stack];
                const d = one(run, "aws:opensearch/domain:Domain").inputs;
                const sec = d.advancedSecurityOptions as {
                    enabled: boolean;
                    anonymousAuthEnabled: boolean;
                    internalUserDatabaseEnabled: boolean;
                    masterUserOptions: { masterUserArn: string };
                };
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
                const published = d.logPublishingOptions as Array<{
                    logType: string;
                    cloudwatchLogGroupArn: string;
                    enabled: boolean;
                }>;
                assert.deepStrictEqual(published.map((p) => p.logType).sort(), [
                    "AUDIT_LOGS",
                    "ES_APPLICATION_LOGS",
                    "INDEX_SLOW_LOGS",
                    "SEARCH_SLOW_LOGS",
                ]);
                const policy = mine(run, "aws:cloudwatch/logResourcePolicy:LogResourcePolicy")[0];
                assert.ok(policy);
                const statement = json(policy.inputs.policyDocument).Statement[0] as {
                    Principal: object;
                    Resource: string[];
                };
                assert.deepStrictEqual(statement.Principal, { Service: "es.amazonaws.com" });
                for (const p of published) {
                    assert.strictEqual(p.enabled, true);
                    const group = ofType(run, "aws:cloudwatch/logGroup:LogGroup").find(
                        (g) => g.outputs.arn === p.cloudwatchLogGroupArn,
                    );
                    assert.ok(group, p.logType);
                    assert.strictEqual(group.inputs.kmsKeyId, keyArn(run, "logs"));
                    assert.ok(
                        statement.Resource.includes(`${p.cloudwatchLogGroupArn}:*`),
                        `the resource policy covers ${p.logType}`,
                    );
                }
            });

            it("the ingestion pipeline receives logs over HTTP(S) and writes them to the domain", () => {
                const run = runs[stack];
                const pipeline = one(run, "aws:opensearchingest/pipeline:Pipeline");
                const domain = one(run, "aws:opensearch/domain:Domain");
                const body = parse(String(pipeline.inputs.pipelineConfigurationBody)) as Record<string, unknown>;
                assert.strictEqual(body.version, "2");
                const [name] = Object.keys(body).filter((k) => k !== "version");
                const p = body[name] as {
                    source: { http: { path: string } };
                    sink: Array<{ opensearch: { hosts: string[]; aws: { sts_role_arn: string; region: string } } }>;
                };
                assert.strictEqual(p.source.http.path, LOGS_INGEST_PATH);
                assert.deepStrictEqual(p.sink[0].opensearch.hosts, [`https://${domain.outputs.endpoint}`]);
                assert.strictEqual(p.sink[0].opensearch.aws.sts_role_arn, pipeline.inputs.pipelineRoleArn);
                assert.strictEqual(p.sink[0].opensearch.aws.region, "sa-east-1");
                const vpc = pipeline.inputs.vpcOptions as { subnetIds: string[] };
                assert.deepStrictEqual([...vpc.subnetIds].sort(), subnetIds(run, "data").sort());
                const logs = pipeline.inputs.logPublishingOptions as {
                    isLoggingEnabled: boolean;
                    cloudwatchLogDestination: { logGroup: string };
                };
                assert.strictEqual(logs.isLoggingEnabled, true);
                assert.match(logs.cloudwatchLogDestination.logGroup, /^\/aws\/vendedlogs\//);
                assert.deepStrictEqual(
                    [pipeline.inputs.minUnits, pipeline.inputs.maxUnits],
                    stack === "production" ? [2, 4] : [1, 4],
                );
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

            it("Grafana is a hardened server in a private app subnet, reached only from the Client VPN, no managed workspace", async function () {
                const run = runs[stack];
                assert.strictEqual(
                    ofType(run, "aws:grafana/workspace:Workspace").length,
                    0,
                    "Amazon Managed Grafana is not offered in sa-east-1",
                );
                const server = ofType(run, "aws:ec2/instance:Instance").find(
                    (i) => (i.inputs.tags as Record<string, string>).Role === "grafana",
                );
                assert.ok(server);
                assert.ok(subnetIds(run, "app").includes(server.inputs.subnetId as string), "in an app subnet");
                assert.strictEqual(server.inputs.associatePublicIpAddress, false);
                assert.strictEqual((server.inputs.metadataOptions as { httpTokens: string }).httpTokens, "required");
                const root = server.inputs.rootBlockDevice as { encrypted: boolean; kmsKeyId: string };
                assert.strictEqual(root.encrypted, true);
                assert.strictEqual(root.kmsKeyId, keyArn(run, "data"));
                const sgIds = server.inputs.vpcSecurityGroupIds as string[];
                const ingress = ofType(run, "aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule").filter((r) =>
                    sgIds.includes(r.inputs.securityGroupId as string),
                );
                const vpnSg = ofType(run, "aws:ec2/securityGroup:SecurityGroup").filter((g) =>
                    /-security-vpn$/.test(g.name),
                );
                assert.strictEqual(vpnSg.length, 1);
                assert.deepStrictEqual(
                    ingress.map((r) => [r.inputs.referencedSecurityGroupId, r.inputs.cidrIpv4, r.inputs.fromPort]),
                    [[vpnSg[0].id, undefined, 3000]],
                    "HTTPS from the VPN's security group only",
                );
                assert.ok(String(run.outputs.grafanaUrl).startsWith("https://"));
                // The admin password is generated, a Pulumi secret, kept in Secrets Manager, and not in the user data.
                const secretArn = run.outputs.grafanaAdminSecretArn;
                const secret = ofType(run, "aws:secretsmanager/secret:Secret").find(
                    (x) => x.outputs.arn === secretArn,
                )!;
                assert.ok(secret);
                assert.strictEqual(secret.inputs.kmsKeyId, keyArn(run, "data"));
                const version = ofType(run, "aws:secretsmanager/secretVersion:SecretVersion").find(
                    (v) => v.inputs.secretId === secret.id,
                )!;
                assert.ok(isSecret(version.rawInputs.secretString));
                const userData = userDataOf(server);
                assertNoSecrets(run, userData, "Grafana user data");
                assert.ok(userData.includes(String(secretArn)), "the boot script fetches the password by its ARN");
                const doc = docOf(userData);
                const dashboards = (doc.write_files ?? []).filter((f) =>
                    /^\/var\/lib\/grafana\/dashboards\/hms\/.+\.json$/.test(f.path),
                );
                assert.strictEqual(dashboards.length, DASHBOARDS.length);
                const ds = parse(fileOf(doc, "/etc/grafana/provisioning/datasources/hms.yaml")).datasources as Array<{
                    type: string;
                    url?: string;
                }>;
                assert.deepStrictEqual(ds.map((d) => d.type).sort(), [
                    "cloudwatch",
                    "grafana-opensearch-datasource",
                    "prometheus",
                ]);
                assert.strictEqual(
                    ds.find((d) => d.type === "prometheus")!.url,
                    one(run, "aws:amp/workspace:Workspace").outputs.prometheusEndpoint,
                );
                await assertCloudInitValid(this, userData, "Grafana server");
                assertShellcheckClean(this, doc, "Grafana server", 2);
            });

            it("the log store is configured through its API at deployment: retention, template, audit logging, Grafana read-only", () => {
                const run = runs[stack];
                const fn = mine(run, "aws:lambda/function:Function").find((f) => /os-setup/.test(f.name))!;
                assert.ok(fn);
                const vpc = fn.inputs.vpcConfig as { subnetIds: string[] };
                assert.deepStrictEqual(
                    vpc.subnetIds,
                    subnetIds(run, "data"),
                    "in the data subnets, next to the domain",
                );
                const groups = ofType(run, "aws:cloudwatch/logGroup:LogGroup").filter((g) =>
                    (fn.propertyDependencies.loggingConfig ?? []).includes(g.urn),
                );
                assert.strictEqual(groups.length, 1, "the function logs to a log group of its own");
                assert.strictEqual(groups[0].inputs.kmsKeyId, keyArn(run, "logs"));
                const inv = one(run, "aws:lambda/invocation:Invocation");
                assert.deepStrictEqual(inv.propertyDependencies.functionName, [fn.urn], "invokes the setup function");
                const input = JSON.parse(String(inv.inputs.input)) as {
                    endpoint: string;
                    requests: Array<{ path: string; body: Record<string, unknown> }>;
                };
                assert.strictEqual(input.endpoint, one(run, "aws:opensearch/domain:Domain").outputs.endpoint);
                const body = (re: RegExp) => input.requests.find((r) => re.test(r.path))?.body;
                const ism = JSON.stringify(body(/^\/_plugins\/_ism\/policies\//));
                const days = readStackConfig(stack)["hms:logRetentionDays"] ?? "365";
                assert.ok(
                    ism.includes(`"min_index_age":"${days}d"`),
                    `ISM deletes after hms:logRetentionDays (${days}): ${ism}`,
                );
                assert.strictEqual(
                    body(/^\/_plugins\/_security\/api\/audit\/config$/)?.enabled,
                    true,
                    "audit logging switched on",
                );
                assert.ok(body(/^\/_index_template\//), "an index template maps the log fields");
                const mapping = input.requests.find((r) => r.path.endsWith("/rolesmapping/readall"))!;
                const grafanaInstance = ofType(run, "aws:ec2/instance:Instance").find(
                    (i) => (i.inputs.tags as Record<string, string>).Role === "grafana",
                )!;
                const profile = ofType(run, "aws:iam/instanceProfile:InstanceProfile").find(
                    (p) => p.outputs.name === grafanaInstance.inputs.iamInstanceProfile,
                )!;
                const grafanaRole = ofType(run, "aws:iam/role:Role").find(
                    (r) => r.outputs.name === profile.inputs.role,
                )!;
                assert.deepStrictEqual(mapping.body.backend_roles, [grafanaRole.outputs.arn]);
            });

            it("the log store raises alarms to the topic: cluster red, free storage, JVM memory pressure", () => {
                const run = runs[stack];
                const alarms = mine(run, "aws:cloudwatch/metricAlarm:MetricAlarm").filter(
                    (a) => a.inputs.namespace === "AWS/ES",
                );
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

            it("every log group of the plan is encrypted with the logs key and bounded in retention", () => {
                const run = runs[stack];
                const groups = ofType(run, "aws:cloudwatch/logGroup:LogGroup");
                assert.ok(groups.length > 5);
                for (const g of groups) {
                    assert.strictEqual(
                        g.inputs.kmsKeyId,
                        keyArn(run, "logs"),
                        `${g.name} is not encrypted with the logs key`,
                    );
                    assert.ok(Number(g.inputs.retentionInDays) > 0, `${g.name} keeps events forever`);
                }
            });

            it("every log group an AWS service of the plan writes to exists in a plan, encrypted with its logs key", () => {
                // Read from each resource's inputs, so a new log source is covered without a list of groups:
                // a destination no plan creates would be created by the service itself, unencrypted.
                const destinations = logDestinations(runs[stack]);
                assert.ok(destinations.length >= 10, `${destinations.length} log destinations`);
                const kinds = new Set(destinations.map((d) => d.resource.split(" ")[0]));
                for (const t of [
                    "aws:rds/cluster:Cluster",
                    "aws:rds/clusterInstance:ClusterInstance",
                    "aws:lambda/function:Function",
                ]) {
                    assert.ok(kinds.has(t), `${t} writes logs in ${stack}`);
                }
                for (const d of destinations) {
                    // Account-wide groups (RDSOSMetrics) are created by the stack that owns the account's baseline.
                    const owner = [runs[stack], ...Object.values(runs)].find((r) =>
                        ofType(r, "aws:cloudwatch/logGroup:LogGroup").some((g) => g.outputs.name === d.group),
                    );
                    assert.ok(
                        owner,
                        `${d.resource} writes to ${d.group}, which no plan creates (the service would, unencrypted)`,
                    );
                    const group = ofType(owner, "aws:cloudwatch/logGroup:LogGroup").find(
                        (g) => g.outputs.name === d.group,
                    )!;
                    assert.strictEqual(
                        group.inputs.kmsKeyId,
                        keyArn(owner, "logs"),
                        `${d.group} is not encrypted with the logs key`,
                    );
                }
            });

            it("fixed physical names never block a replacement, and respect the APIs' naming rules", () => {
                const run = runs[stack];
                const monitoring = run.resources.find((r) => r.type === "hms:monitoring:Monitoring")!;
                const inMonitoring = (r: RecordedResource): boolean => {
                    for (let p = r.parent; p; p = run.resources.find((x) => x.urn === p)?.parent ?? null) {
                        if (p === monitoring.urn) return true;
                    }
                    return false;
                };
                // Inputs that name a resource physically (absent = Pulumi or the provider generates one).
                const NAME_INPUTS = ["name", "domainName", "pipelineName", "policyName"];
                const named = run.resources.filter(
                    (r) =>
                        r.custom &&
                        inMonitoring(r) &&
                        r.type.startsWith("aws:") &&
                        NAME_INPUTS.some((k) => typeof r.inputs[k] === "string"),
                );
                const types = new Set(named.map((r) => r.type));
                for (const t of [
                    "aws:opensearch/domain:Domain",
                    "aws:opensearchingest/pipeline:Pipeline",
                    "aws:cloudwatch/logGroup:LogGroup",
                ]) {
                    assert.ok(types.has(t), `${t} has a fixed name in ${stack}`);
                }
                for (const r of named) {
                    assert.strictEqual(
                        r.options.deleteBeforeReplace,
                        true,
                        `${r.type} ${r.name} has a fixed name: a create-before-delete replacement would collide with it`,
                    );
                }
                const domain = one(run, "aws:opensearch/domain:Domain");
                const pipeline = one(run, "aws:opensearchingest/pipeline:Pipeline");
                assert.strictEqual(domain.inputs.domainName, opensearchDomainName(monitoring.name));
                assert.strictEqual(pipeline.inputs.pipelineName, opensearchPipelineName(monitoring.name));
                assert.deepStrictEqual(checkApiConstraints([domain, pipeline]), []);
            });

            it("exports the operators' endpoints", () => {
                const run = runs[stack];
                const domain = one(run, "aws:opensearch/domain:Domain");
                assert.strictEqual(run.outputs.opensearchEndpoint, domain.outputs.endpoint);
                assert.strictEqual(
                    run.outputs.opensearchDashboardsUrl,
                    `https://${domain.outputs.endpoint}/_dashboards`,
                );
            });
        });
    }

    describe("without Grafana or e-mail (Monitoring built alone from staging's config)", () => {
        let run: Resources;
        let monitoring: Monitoring;
        let adminRoleArn: string;
        before(async function () {
            this.timeout(120_000);
            ({ monitoring, ...run } = await buildMonitoring(
                parseStack("staging", { monitoringGrafana: false, monitoringAlarmEmail: undefined }),
            ));
            adminRoleArn = await valueOf(monitoring.opensearchAdminRoleArn);
        });

        it("creates no Grafana server nor read-only mapping, and no subscription", () => {
            assert.ok(
                !all(run, "aws:ec2/instance:Instance").some(
                    (i) => (i.inputs.tags as Record<string, string>).Role === "grafana",
                ),
            );
            // What index.ts exports as grafanaUrl.
            assert.strictEqual(monitoring.grafanaEndpoint, undefined);
            assert.strictEqual(mine(run, "aws:sns/topicSubscription:TopicSubscription").length, 0);
            const admin = all(run, "aws:iam/role:Role").find((r) => r.outputs.arn === adminRoleArn);
            assert.ok(admin, `the OpenSearch admin role ${adminRoleArn}`);
            const trust = json(admin.inputs.assumeRolePolicy).Statement.map((s) => s.Sid);
            assert.deepStrictEqual(trust, ["AccountAdministrators", "IngestionPipeline", "SetupFunction"]);
            const input = JSON.parse(String(one(run, "aws:lambda/invocation:Invocation").inputs.input)) as {
                requests: Array<{ path: string }>;
            };
            assert.ok(!input.requests.some((r) => r.path.includes("rolesmapping")));
        });
    });

    describe("Grafana without the Client VPN", () => {
        it("is refused at config time: the server is reachable only over the VPN", async () => {
            await assert.rejects(runStack("staging", { securityVpnEnabled: false }), (e: unknown) => {
                assert.ok(e instanceof ConfigError);
                assert.match(
                    e.message,
                    /hms:monitoringGrafana = true: the Grafana server is reached only over the Client VPN/,
                );
                return true;
            });
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

    describe("physical names", () => {
        it("stay within the APIs' limits for long stack names, and the pipeline logs only where OSIS accepts", () => {
            const long = "hms-a-very-long-environment-name-for-a-hospital-monitoring";
            for (const [type, input, value] of [
                ["aws:opensearch/domain:Domain", "domainName", opensearchDomainName(long)],
                ["aws:opensearchingest/pipeline:Pipeline", "pipelineName", opensearchPipelineName(long)],
            ] as const) {
                assert.ok(value.length >= 3 && value.length <= 28 && /^[a-z][a-z0-9-]+$/.test(value), value);
                const r = { urn: `urn:${type}`, name: "x", type, inputs: { [input]: value } };
                assert.deepStrictEqual(checkApiConstraints([r]), []);
            }
            const pipeline = (logGroup: string) => ({
                urn: "urn:p",
                name: "p",
                type: "aws:opensearchingest/pipeline:Pipeline",
                inputs: { logPublishingOptions: { cloudwatchLogDestination: { logGroup } } },
            });
            assert.deepStrictEqual(
                checkApiConstraints([pipeline("/aws/vendedlogs/OpenSearchIngestion/x/audit-logs")]),
                [],
            );
            assert.strictEqual(checkApiConstraints([pipeline("/hms/pipeline-logs")]).length, 1);
        });
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
            await assert.rejects(
                runStack("staging", { monitoringIngestMinUnits: 4, monitoringIngestMaxUnits: 2 }),
                /hms:monitoringIngestMaxUnits = "2": must be a whole number from hms:monitoringIngestMinUnits \(4\)/,
            );
        });
    });
});
