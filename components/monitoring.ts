import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { logStoreRequests, renderPipelineConfiguration } from "../templates/log-pipeline";
import { OPENSEARCH_SETUP_RUNTIME, renderOpenSearchSetupSource } from "../templates/opensearch-setup";
import { LOGS_INGEST_PATH } from "../templates/telemetry";
import { Alerts } from "./alerts";
import { GrafanaServer } from "./grafana";
import { awsIdentifier } from "./identifiers";

/** Moved to templates/log-pipeline.ts; re-exported for existing callers. */
export { renderPipelineConfiguration };

export interface OpenSearchArgs {
    /** OpenSearch Service engine version, e.g. OpenSearch_2.19. */
    engineVersion: string;
    /** Data node type, e.g. r6g.large.search. */
    instanceType: string;
    /** Data nodes; more than one spreads them over min(AZs, 2 or 3) zones. */
    instanceCount: number;
    /** gp3 volume per node in GiB. */
    volumeGiB: number;
}

export interface GrafanaArgs {
    instanceType: string;
    ubuntuRelease: string;
    /** Security group of the Client VPN: the only way in. */
    vpnSecurityGroupId: pulumi.Input<string>;
    /** Public URLs probed through Cloudflare (site up, certificate expiry). */
    probeUrls: string[];
}

export interface MonitoringArgs {
    region: string;
    /** The environment (production, staging, ...): a label of every alert and log record. */
    environment: string;
    /** Identifier prefix of this environment's databases and caches (failover events are filtered on it). */
    resourcePrefix: string;
    vpcId: pulumi.Input<string>;
    /** CIDR of the VPC: hosts in it reach the log pipeline and OpenSearch over HTTPS. */
    vpcCidr: string;
    /** Subnets with a route to the internet through NAT, one per AZ (the Grafana server runs in the first). */
    appSubnetIds: pulumi.Input<string>[];
    /** Private subnets without internet, one per AZ (OpenSearch and the ingestion pipeline). */
    dataSubnetIds: pulumi.Input<string>[];
    /** Encrypts the alarm topic and the log groups (the logs key of `Keys`). */
    logsKeyArn: pulumi.Input<string>;
    /** Encrypts metrics (Prometheus) and log documents (OpenSearch) at rest (the data key of `Keys`). */
    dataKeyArn: pulumi.Input<string>;
    /** Days CloudWatch log groups keep their events and OpenSearch keeps log indices (ISM). */
    logRetentionDays: number;
    /** Subscribed to the alarm topic by e-mail (the recipient must confirm). */
    alarmEmail?: string;
    /** The self-hosted Grafana server; absent = none. */
    grafana?: GrafanaArgs;
    opensearch: OpenSearchArgs;
    /** Capacity of the ingestion pipeline in Ingestion OCUs. */
    ingest: { minUnits: number; maxUnits: number };
    /** Security group of administrators (Client VPN): may open OpenSearch Dashboards. */
    adminSecurityGroupId?: pulumi.Input<string>;
    /** Protect the OpenSearch domain (the log store) from `pulumi destroy`. */
    protect: boolean;
    /**
     * What a VPC domain needs first in a new account: the OpenSearch Service
     * service-linked role (`AccountBaseline.ready`, when this stack owns it).
     */
    domainDependsOn?: pulumi.Resource[];
}

/** OpenSearch Service log types, published to CloudWatch Logs. */
const OPENSEARCH_LOG_TYPES = ["AUDIT_LOGS", "ES_APPLICATION_LOGS", "INDEX_SLOW_LOGS", "SEARCH_SLOW_LOGS"] as const;

/** The strongest TLS policy OpenSearch Service offers: TLS 1.2+ with forward secrecy. */
export const OPENSEARCH_TLS_POLICY = "Policy-Min-TLS-1-2-PFS-2023-10";

/** Zones a domain of `instanceCount` nodes spreads over in a VPC of `azCount` zones (1 = no zone awareness). */
export function opensearchZones(azCount: number, instanceCount: number): number {
    return instanceCount > 1 ? Math.min(azCount, instanceCount >= 3 ? 3 : 2) : 1;
}

/** What every step of `Monitoring` reads. */
interface StepContext {
    name: string;
    args: MonitoringArgs;
    account: pulumi.Output<string>;
}

/** The log store's security group, admin role and (fixed) name. */
interface LogStoreAccess {
    securityGroup: aws.ec2.SecurityGroup;
    adminRole: aws.iam.Role;
    domainName: string;
    domainArn: pulumi.Output<string>;
}

/**
 * The OpenSearch domain's name: 3-28 characters, [a-z0-9-], starting with a
 * letter (API_CreateDomain DomainName). Fixed, derived from the component's
 * name, because the domain's own access policy and its log groups' resource
 * policy (both needed at CreateDomain) name the domain's ARN, which contains
 * it. It never blocks a replacement: the domain is `deleteBeforeReplace`
 * (a new domain starts empty either way; hosts buffer logs on disk meanwhile),
 * and a deleted domain's name is free again once the deletion the provider
 * waits for completes (OpenSearch has no recovery window for domains).
 */
export function opensearchDomainName(name: string): string {
    return awsIdentifier(name, 28);
}

/**
 * The ingestion pipeline's name: 3-28 characters, [a-z][a-z0-9-]
 * (API_osis_CreatePipeline PipelineName). The API requires a name (the
 * provider has no auto-naming for it) and its log group's name contains it;
 * the pipeline holds no data, so it is `deleteBeforeReplace` and a
 * replacement reuses the name.
 */
export function opensearchPipelineName(name: string): string {
    return awsIdentifier(name, 28, "logs");
}

/**
 * Metrics, logs and alarms of one environment (spec section 8):
 * - Amazon Managed Service for Prometheus: the hosts' agents remote-write their metrics;
 * - `Alerts` (components/alerts.ts): the alarm topic and what is routed to it;
 * - `GrafanaServer` (components/grafana.ts, optional): self-hosted Grafana with
 *   dashboards and data sources provisioned from code, over the Client VPN;
 * - Amazon OpenSearch Service in the VPC as the ELK stack (Dashboards = Kibana),
 *   an OpenSearch Ingestion pipeline as the managed Logstash that Fluent Bit
 *   on the hosts posts to (SigV4), the domain's CloudWatch alarms, and a
 *   setup function that applies the index template, retention (ISM) policy,
 *   audit logging and Grafana's read-only mapping through the domain's API;
 * - `hostTelemetryPolicyArn`: what a host role needs to send both
 *   (see templates/telemetry.ts).
 */
export class Monitoring extends pulumi.ComponentResource {
    public readonly alarmTopicArn: pulumi.Output<string>;
    /** Workspace endpoint; remote write is `<endpoint>api/v1/remote_write`. */
    public readonly prometheusEndpoint: pulumi.Output<string>;
    /** https://<private IP>:3000 of the Grafana server (over the Client VPN). */
    public readonly grafanaEndpoint?: pulumi.Output<string>;
    /** Secret with the Grafana admin password. */
    public readonly grafanaAdminSecretArn?: pulumi.Output<string>;
    /** The Grafana server, when there is one (a server of the stack like any other: backed up, awaited). */
    public readonly grafana?: GrafanaServer;
    /** Host name of the domain's VPC endpoint (HTTPS); Dashboards at /_dashboards. */
    public readonly opensearchEndpoint: pulumi.Output<string>;
    public readonly opensearchDomainArn: pulumi.Output<string>;
    /** URL Fluent Bit posts logs to: `https://<pipeline host>/logs/ingest`. */
    public readonly logsIngestEndpoint: pulumi.Output<string>;
    /** Managed IAM policy for host roles: aps:RemoteWrite on the workspace, osis:Ingest on the pipeline. */
    public readonly hostTelemetryPolicyArn: pulumi.Output<string>;
    /** IAM role that administers the domain (OpenSearch fine-grained access control master). */
    public readonly opensearchAdminRoleArn: pulumi.Output<string>;
    /** Security group of the OpenSearch domain. */
    public readonly securityGroupId: pulumi.Output<string>;

    constructor(name: string, args: MonitoringArgs, opts?: pulumi.ComponentResourceOptions) {
        super("hms:monitoring:Monitoring", name, {}, opts);
        const account = aws.getCallerIdentityOutput({}, { parent: this }).accountId;
        const ctx: StepContext = { name, args, account };

        const workspace = this.prometheusWorkspace(ctx);
        this.prometheusEndpoint = workspace.prometheusEndpoint;

        // The alarm topic, alert rules, events and findings (components/alerts.ts).
        const alerts = new Alerts(
            `${name}-alarms`,
            {
                region: args.region,
                environment: args.environment,
                logsKeyArn: args.logsKeyArn,
                alarmEmail: args.alarmEmail,
                workspace: { id: workspace.id, arn: workspace.arn },
                resourcePrefix: args.resourcePrefix,
            },
            { parent: this },
        );
        this.alarmTopicArn = alerts.topicArn;

        const access = this.logStoreAccess(ctx);
        this.securityGroupId = access.securityGroup.id;
        this.opensearchAdminRoleArn = access.adminRole.arn;
        const domain = this.logStoreDomain(ctx, access);
        this.opensearchEndpoint = domain.endpoint;
        this.opensearchDomainArn = domain.arn;

        const pipeline = this.ingestionPipeline(ctx, access, domain);
        this.logsIngestEndpoint = pipeline.ingestEndpointUrls.apply(logsIngestUrl);
        const hostPolicy = this.hostTelemetryPolicy(ctx, workspace, pipeline);
        this.hostTelemetryPolicyArn = hostPolicy.arn;

        const grafana = args.grafana
            ? this.grafanaServer(ctx, args.grafana, { workspace, domain, hostPolicy, alarmTopicArn: alerts.topicArn })
            : undefined;
        this.grafana = grafana;
        this.grafanaEndpoint = grafana?.url;
        this.grafanaAdminSecretArn = grafana?.adminSecretArn;

        this.configureLogStore(name, {
            region: args.region,
            vpcId: args.vpcId,
            subnetIds: args.dataSubnetIds,
            opensearchSecurityGroupId: access.securityGroup.id,
            adminRoleArn: access.adminRole.arn,
            adminRoleName: access.adminRole.name,
            logsKeyArn: args.logsKeyArn,
            logRetentionDays: args.logRetentionDays,
            endpoint: domain.endpoint,
            domain,
            dataNodes: args.opensearch.instanceCount,
            readerRoleArns: grafana ? [grafana.roleArn] : [],
        });
        this.logStoreAlarms(ctx, domain, alerts.topicArn);

        this.registerOutputs({
            alarmTopicArn: this.alarmTopicArn,
            prometheusEndpoint: this.prometheusEndpoint,
            grafanaEndpoint: this.grafanaEndpoint,
            grafanaAdminSecretArn: this.grafanaAdminSecretArn,
            opensearchEndpoint: this.opensearchEndpoint,
            logsIngestEndpoint: this.logsIngestEndpoint,
            hostTelemetryPolicyArn: this.hostTelemetryPolicyArn,
            securityGroupId: this.securityGroupId,
        });
    }

    /** Amazon Managed Service for Prometheus: the workspace the hosts remote-write to, with its own log group. */
    private prometheusWorkspace({ name, args }: StepContext): aws.amp.Workspace {
        const parent = { parent: this };
        const promLogs = new aws.cloudwatch.LogGroup(
            `${name}-prometheus`,
            {
                name: `/aws/vendedlogs/prometheus/${name}`,
                retentionInDays: args.logRetentionDays,
                kmsKeyId: args.logsKeyArn,
                region: args.region,
            },
            { parent: this, deleteBeforeReplace: true },
        );
        return new aws.amp.Workspace(
            `${name}-prometheus`,
            {
                alias: name,
                kmsKeyArn: args.dataKeyArn,
                loggingConfiguration: { logGroupArn: pulumi.interpolate`${promLogs.arn}:*` },
                region: args.region,
            },
            parent,
        );
    }

    /**
     * Who reaches the log store: its security group (HTTPS from the VPC and the
     * administrators) and the admin role, the fine-grained access control master
     * that administrators, the ingestion pipeline and the setup function use.
     * Grafana's role is mapped to the read-only `readall` role by the setup function.
     */
    private logStoreAccess({ name, args, account }: StepContext): LogStoreAccess {
        const parent = { parent: this };
        const region = args.region;
        const domainName = opensearchDomainName(name);
        const domainArn = pulumi.interpolate`arn:aws:es:${region}:${account}:domain/${domainName}`;
        const securityGroup = new aws.ec2.SecurityGroup(
            `${name}-opensearch`,
            {
                vpcId: args.vpcId,
                description: "OpenSearch domain: HTTPS from the VPC",
                region,
                tags: { Name: `${name}-opensearch` },
            },
            parent,
        );
        new aws.vpc.SecurityGroupIngressRule(
            `${name}-opensearch-from-vpc`,
            {
                securityGroupId: securityGroup.id,
                ipProtocol: "tcp",
                fromPort: 443,
                toPort: 443,
                cidrIpv4: args.vpcCidr,
                description: "HTTPS from the VPC (pipeline, Grafana, tiers)",
                region,
            },
            parent,
        );
        if (args.adminSecurityGroupId) {
            new aws.vpc.SecurityGroupIngressRule(
                `${name}-opensearch-from-admins`,
                {
                    securityGroupId: securityGroup.id,
                    referencedSecurityGroupId: args.adminSecurityGroupId,
                    ipProtocol: "tcp",
                    fromPort: 443,
                    toPort: 443,
                    description: "administrators (Client VPN) to OpenSearch Dashboards",
                    region,
                },
                parent,
            );
        }
        const adminRole = new aws.iam.Role(
            `${name}-opensearch-admin`,
            {
                description: `${name}: administers the OpenSearch domain; used by administrators, the log pipeline and its setup function`,
                assumeRolePolicy: pulumi.jsonStringify({
                    Version: "2012-10-17",
                    Statement: [
                        {
                            Sid: "AccountAdministrators",
                            Effect: "Allow",
                            Principal: { AWS: pulumi.interpolate`arn:aws:iam::${account}:root` },
                            Action: "sts:AssumeRole",
                        },
                        ...[
                            ["IngestionPipeline", "osis-pipelines.amazonaws.com"],
                            ["SetupFunction", "lambda.amazonaws.com"],
                        ].map(([sid, service]) => ({
                            Sid: sid,
                            Effect: "Allow",
                            Principal: { Service: service },
                            Action: "sts:AssumeRole",
                            Condition: { StringEquals: { "aws:SourceAccount": account } },
                        })),
                    ],
                }),
            },
            parent,
        );
        new aws.iam.RolePolicy(
            `${name}-opensearch-admin`,
            {
                role: adminRole.id,
                policy: pulumi.jsonStringify({
                    Version: "2012-10-17",
                    Statement: [
                        {
                            Effect: "Allow",
                            Action: ["es:DescribeDomain", "es:ESHttp*"],
                            Resource: [domainArn, pulumi.interpolate`${domainArn}/*`],
                        },
                    ],
                }),
            },
            parent,
        );
        return { securityGroup, adminRole, domainName, domainArn };
    }

    /**
     * Amazon OpenSearch Service in the VPC (the ELK stack; Dashboards = Kibana),
     * publishing its audit, application and slow logs to encrypted log groups.
     */
    private logStoreDomain({ name, args, account }: StepContext, access: LogStoreAccess): aws.opensearch.Domain {
        const region = args.region;
        const os = args.opensearch;
        const zones = opensearchZones(args.dataSubnetIds.length, os.instanceCount);
        const { domainName, domainArn } = access;
        const logGroups = OPENSEARCH_LOG_TYPES.map(
            (logType) =>
                [
                    logType,
                    new aws.cloudwatch.LogGroup(
                        `${name}-opensearch-${logType.toLowerCase().replace(/_/g, "-")}`,
                        {
                            name: `/aws/opensearch/${domainName}/${logType.toLowerCase()}`,
                            retentionInDays: args.logRetentionDays,
                            kmsKeyId: args.logsKeyArn,
                            region,
                        },
                        { parent: this, deleteBeforeReplace: true },
                    ),
                ] as const,
        );
        const logPolicy = new aws.cloudwatch.LogResourcePolicy(
            `${name}-opensearch-logs`,
            {
                policyName: `${name}-opensearch-logs`,
                region,
                policyDocument: pulumi.jsonStringify({
                    Version: "2012-10-17",
                    Statement: [
                        {
                            Effect: "Allow",
                            Principal: { Service: "es.amazonaws.com" },
                            Action: ["logs:PutLogEvents", "logs:CreateLogStream"],
                            Resource: logGroups.map(([, g]) => pulumi.interpolate`${g.arn}:*`),
                            Condition: {
                                StringEquals: { "aws:SourceAccount": account },
                                ArnLike: { "aws:SourceArn": domainArn },
                            },
                        },
                    ],
                }),
            },
            { parent: this, deleteBeforeReplace: true },
        );
        const burstable = /^t[23]\./.test(os.instanceType);
        return new aws.opensearch.Domain(
            `${name}-opensearch`,
            {
                domainName,
                engineVersion: os.engineVersion,
                region,
                clusterConfig: {
                    instanceType: os.instanceType,
                    instanceCount: os.instanceCount,
                    zoneAwarenessEnabled: zones > 1,
                    zoneAwarenessConfig: zones > 1 ? { availabilityZoneCount: zones } : undefined,
                },
                vpcOptions: {
                    subnetIds: args.dataSubnetIds.slice(0, zones),
                    securityGroupIds: [access.securityGroup.id],
                },
                ebsOptions: { ebsEnabled: true, volumeType: "gp3", volumeSize: os.volumeGiB },
                encryptAtRest: { enabled: true, kmsKeyId: args.dataKeyArn },
                nodeToNodeEncryption: { enabled: true },
                domainEndpointOptions: { enforceHttps: true, tlsSecurityPolicy: OPENSEARCH_TLS_POLICY },
                advancedSecurityOptions: {
                    enabled: true,
                    anonymousAuthEnabled: false,
                    internalUserDatabaseEnabled: false,
                    masterUserOptions: { masterUserArn: access.adminRole.arn },
                },
                // Only this account's IAM principals (roles with es:ESHttp* permissions) get in.
                accessPolicies: pulumi.jsonStringify({
                    Version: "2012-10-17",
                    Statement: [
                        {
                            Effect: "Allow",
                            Principal: { AWS: pulumi.interpolate`arn:aws:iam::${account}:root` },
                            Action: "es:ESHttp*",
                            Resource: pulumi.interpolate`${domainArn}/*`,
                        },
                    ],
                }),
                logPublishingOptions: logGroups.map(([logType, g]) => ({
                    logType,
                    cloudwatchLogGroupArn: g.arn,
                    enabled: true,
                })),
                // Auto-Tune is not available on T2/T3 instance types.
                autoTuneOptions: {
                    desiredState: burstable ? "DISABLED" : "ENABLED",
                    rollbackOnDisable: "NO_ROLLBACK",
                    useOffPeakWindow: !burstable,
                },
                offPeakWindowOptions: { enabled: true, offPeakWindow: { windowStartTime: { hours: 4, minutes: 0 } } },
                softwareUpdateOptions: { autoSoftwareUpdateEnabled: true },
                // Automated snapshots are hourly and kept 14 days by the service
                // (engine versions 5.3 and later); there is nothing to configure.
                tags: { Name: domainName },
            },
            {
                parent: this,
                protect: args.protect,
                // The name is fixed (see opensearchDomainName): a replacement deletes the old domain first.
                deleteBeforeReplace: true,
                dependsOn: [logPolicy, ...(args.domainDependsOn ?? [])],
            },
        );
    }

    /** OpenSearch Ingestion (the managed Logstash): Fluent Bit on the hosts posts to it, it writes to the domain. */
    private ingestionPipeline(
        { name, args }: StepContext,
        access: LogStoreAccess,
        domain: aws.opensearch.Domain,
    ): aws.opensearchingest.Pipeline {
        const parent = { parent: this };
        const region = args.region;
        const pipelineName = opensearchPipelineName(name);
        const ingestSg = new aws.ec2.SecurityGroup(
            `${name}-ingest`,
            {
                vpcId: args.vpcId,
                description: "Log ingestion pipeline: HTTPS from the VPC",
                region,
                tags: { Name: `${name}-ingest` },
            },
            parent,
        );
        new aws.vpc.SecurityGroupIngressRule(
            `${name}-ingest-from-vpc`,
            {
                securityGroupId: ingestSg.id,
                ipProtocol: "tcp",
                fromPort: 443,
                toPort: 443,
                cidrIpv4: args.vpcCidr,
                description: "hosts post logs over HTTPS",
                region,
            },
            parent,
        );
        new aws.vpc.SecurityGroupEgressRule(
            `${name}-ingest-to-opensearch`,
            {
                securityGroupId: ingestSg.id,
                ipProtocol: "tcp",
                fromPort: 443,
                toPort: 443,
                referencedSecurityGroupId: access.securityGroup.id,
                description: "pipeline to OpenSearch",
                region,
            },
            parent,
        );
        const pipelineLogs = new aws.cloudwatch.LogGroup(
            `${name}-ingest`,
            {
                // OpenSearch Ingestion publishes to log groups under /aws/vendedlogs/ only.
                name: `/aws/vendedlogs/OpenSearchIngestion/${pipelineName}/audit-logs`,
                retentionInDays: args.logRetentionDays,
                kmsKeyId: args.logsKeyArn,
                region,
            },
            { parent: this, deleteBeforeReplace: true },
        );
        return new aws.opensearchingest.Pipeline(
            `${name}-logs`,
            {
                pipelineName,
                region,
                minUnits: args.ingest.minUnits,
                maxUnits: args.ingest.maxUnits,
                pipelineRoleArn: access.adminRole.arn,
                pipelineConfigurationBody: pulumi
                    .all([domain.endpoint, access.adminRole.arn])
                    .apply(([endpoint, roleArn]) =>
                        renderPipelineConfiguration({ endpoint, roleArn, region, environment: args.environment }),
                    ),
                vpcOptions: {
                    subnetIds: args.dataSubnetIds,
                    securityGroupIds: [ingestSg.id],
                    vpcEndpointManagement: "SERVICE",
                },
                logPublishingOptions: {
                    isLoggingEnabled: true,
                    cloudwatchLogDestination: { logGroup: pipelineLogs.name },
                },
                tags: { Name: pipelineName },
            },
            // The name is fixed (see opensearchPipelineName): a replacement deletes the old pipeline first.
            { parent: this, deleteBeforeReplace: true },
        );
    }

    /** The managed policy every host role gets: remote write to the workspace, ingest into the pipeline. */
    private hostTelemetryPolicy(
        { name }: StepContext,
        workspace: aws.amp.Workspace,
        pipeline: aws.opensearchingest.Pipeline,
    ): aws.iam.Policy {
        return new aws.iam.Policy(
            `${name}-host-telemetry`,
            {
                description: `${name}: hosts remote-write metrics to Prometheus and post logs to the ingestion pipeline`,
                policy: pulumi.jsonStringify({
                    Version: "2012-10-17",
                    Statement: [
                        {
                            Sid: "RemoteWriteMetrics",
                            Effect: "Allow",
                            Action: "aps:RemoteWrite",
                            Resource: workspace.arn,
                        },
                        { Sid: "IngestLogs", Effect: "Allow", Action: "osis:Ingest", Resource: pipeline.pipelineArn },
                    ],
                }),
            },
            { parent: this },
        );
    }

    /** The self-hosted Grafana server (components/grafana.ts), reading Prometheus, CloudWatch and OpenSearch. */
    private grafanaServer(
        { name, args }: StepContext,
        g: GrafanaArgs,
        d: {
            workspace: aws.amp.Workspace;
            domain: aws.opensearch.Domain;
            hostPolicy: aws.iam.Policy;
            alarmTopicArn: pulumi.Input<string>;
        },
    ): GrafanaServer {
        return new GrafanaServer(
            `${name}-grafana`,
            {
                region: args.region,
                environment: args.environment,
                vpcId: args.vpcId,
                subnetId: args.appSubnetIds[0],
                vpnSecurityGroupId: g.vpnSecurityGroupId,
                instanceType: g.instanceType,
                ubuntuRelease: g.ubuntuRelease,
                dataKeyArn: args.dataKeyArn,
                prometheus: { endpoint: d.workspace.prometheusEndpoint, workspaceArn: d.workspace.arn },
                opensearch: {
                    endpoint: d.domain.endpoint,
                    domainArn: d.domain.arn,
                    engineVersion: args.opensearch.engineVersion,
                },
                telemetry: {
                    remoteWriteUrl: d.workspace.prometheusEndpoint,
                    logsIngestEndpoint: this.logsIngestEndpoint,
                    policyArn: d.hostPolicy.arn,
                },
                probeUrls: g.probeUrls,
                alarmTopicArn: d.alarmTopicArn,
            },
            { parent: this },
        );
    }

    /** CloudWatch alarms of the log store, to the alarm topic. */
    private logStoreAlarms(
        { name, args, account }: StepContext,
        domain: aws.opensearch.Domain,
        topicArn: pulumi.Input<string>,
    ): void {
        const domainName = opensearchDomainName(name);
        const volumeGiB = args.opensearch.volumeGiB;
        const alarms: Array<[string, string, Partial<aws.cloudwatch.MetricAlarmArgs>]> = [
            [
                "cluster-red",
                "at least one primary shard is unassigned (cluster status red)",
                { metricName: "ClusterStatus.red", statistic: "Maximum", period: 60 },
            ],
            [
                "free-storage",
                `a node has less than 25% of its ${volumeGiB} GiB volume free`,
                {
                    metricName: "FreeStorageSpace",
                    statistic: "Minimum",
                    period: 300,
                    // FreeStorageSpace is in MiB, per node.
                    threshold: Math.floor(volumeGiB * 1024 * 0.25),
                    comparisonOperator: "LessThanOrEqualToThreshold",
                },
            ],
            [
                "jvm-memory-pressure",
                "JVM memory pressure at or above 80% for 15 minutes",
                {
                    metricName: "JVMMemoryPressure",
                    statistic: "Maximum",
                    period: 300,
                    evaluationPeriods: 3,
                    threshold: 80,
                },
            ],
            [
                "writes-blocked",
                "the cluster is blocking writes (logs are not being stored)",
                { metricName: "ClusterIndexWritesBlocked", statistic: "Maximum", period: 300 },
            ],
            [
                "snapshot-failure",
                "an automated snapshot failed",
                { metricName: "AutomatedSnapshotFailure", statistic: "Maximum", period: 60 },
            ],
        ];
        for (const [suffix, what, a] of alarms) {
            new aws.cloudwatch.MetricAlarm(
                `${name}-opensearch-${suffix}`,
                {
                    alarmDescription: `${domainName}: ${what}`,
                    evaluationPeriods: 1,
                    threshold: 1,
                    comparisonOperator: "GreaterThanOrEqualToThreshold",
                    ...a,
                    namespace: "AWS/ES",
                    dimensions: { DomainName: domainName, ClientId: account },
                    alarmActions: [topicArn],
                    okActions: [topicArn],
                    region: args.region,
                },
                { parent: this, dependsOn: [domain] },
            );
        }
    }

    /**
     * A function in the VPC (the domain has no public endpoint) that PUTs the
     * index template, the ISM retention policy, the audit logging configuration
     * and Grafana's read-only role mapping; `pulumi up` invokes it again
     * whenever one of them changes.
     */
    private configureLogStore(
        name: string,
        a: {
            region: string;
            vpcId: pulumi.Input<string>;
            subnetIds: pulumi.Input<string>[];
            opensearchSecurityGroupId: pulumi.Input<string>;
            adminRoleArn: pulumi.Input<string>;
            adminRoleName: pulumi.Input<string>;
            logsKeyArn: pulumi.Input<string>;
            logRetentionDays: number;
            endpoint: pulumi.Input<string>;
            domain: aws.opensearch.Domain;
            dataNodes: number;
            readerRoleArns: pulumi.Input<string>[];
        },
    ): void {
        const parent = { parent: this };
        const region = a.region;
        const sg = new aws.ec2.SecurityGroup(
            `${name}-os-setup`,
            {
                vpcId: a.vpcId,
                description: "OpenSearch setup function: HTTPS to the domain only",
                region,
                tags: { Name: `${name}-os-setup` },
            },
            parent,
        );
        new aws.vpc.SecurityGroupEgressRule(
            `${name}-os-setup-to-opensearch`,
            {
                securityGroupId: sg.id,
                ipProtocol: "tcp",
                fromPort: 443,
                toPort: 443,
                referencedSecurityGroupId: a.opensearchSecurityGroupId,
                description: "setup function to OpenSearch",
                region,
            },
            parent,
        );
        const vpcAccess = new aws.iam.RolePolicyAttachment(
            `${name}-os-setup-vpc`,
            {
                role: a.adminRoleName,
                policyArn: "arn:aws:iam::aws:policy/service-role/AWSLambdaVPCAccessExecutionRole",
            },
            parent,
        );
        const logGroup = new aws.cloudwatch.LogGroup(
            `${name}-os-setup`,
            {
                namePrefix: `/hms/${name}/opensearch-setup-`,
                retentionInDays: a.logRetentionDays,
                kmsKeyId: a.logsKeyArn,
                region,
            },
            parent,
        );
        const fn = new aws.lambda.Function(
            `${name}-os-setup`,
            {
                description: `${name}: applies the log store's index template, retention, audit logging and role mappings`,
                runtime: OPENSEARCH_SETUP_RUNTIME,
                handler: "index.handler",
                role: a.adminRoleArn,
                code: new pulumi.asset.AssetArchive({
                    "index.js": new pulumi.asset.StringAsset(renderOpenSearchSetupSource()),
                }),
                timeout: 120,
                memorySize: 256,
                vpcConfig: { subnetIds: a.subnetIds, securityGroupIds: [sg.id] },
                loggingConfig: { logFormat: "Text", logGroup: logGroup.name },
                region,
            },
            { parent: this, dependsOn: [vpcAccess] },
        );
        const input = pulumi.all([a.endpoint, pulumi.all(a.readerRoleArns)]).apply(([endpoint, readerRoleArns]) =>
            JSON.stringify({
                endpoint,
                requests: logStoreRequests({
                    dataNodes: a.dataNodes,
                    retentionDays: a.logRetentionDays,
                    readerRoleArns,
                }),
            }),
        );
        new aws.lambda.Invocation(
            `${name}-os-setup`,
            { functionName: fn.name, input, region },
            { parent: this, dependsOn: [a.domain] },
        );
    }
}

/** The URL hosts post logs to, from the pipeline's endpoint host names (AWS reports them without a scheme). */
export function logsIngestUrl(ingestEndpointUrls: string[]): string {
    if (ingestEndpointUrls.length === 0) {
        throw new pulumi.RunError("the ingestion pipeline reported no endpoint URL");
    }
    return `https://${ingestEndpointUrls[0].replace(/^https:\/\//, "")}${LOGS_INGEST_PATH}`;
}
