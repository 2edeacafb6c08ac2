// @ts-nocheck
// 
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
        const parent = { parent: this };
        const region = args.region;
        const account = aws.getCallerIdentityOutput({}, parent).accountId;
        const os = args.opensearch;
        const zones = opensearchZones(args.dataSubnetIds.length, os.instanceCount);

        // --- Prometheus ----------------------------------------------------------------
        const promLogs = new aws.cloudwatch.LogGroup(
            `${name}-prometheus`,
            {
                name: `/aws/vendedlogs/prometheus/${name}`,
                retentionInDays: args.logRetentionDays,
                kmsKeyId: args.logsKeyArn,
                region,
            },
            parent,
        );
        const workspace = new aws.amp.Workspace(
            `${name}-prometheus`,
            {
                alias: name,
                kmsKeyArn: args.dataKeyArn,
                loggingConfiguration: { logGroupArn: pulumi.interpolate`${promLogs.arn}:*` },
                region,
            },
            parent,
        );
        this.prometheusEndpoint = workspace.prometheusEndpoint;

        // --- alarm topic, alert rules, events and findings ------------------------------------
        const alerts = new Alerts(
            `${name}-alarms`,
            {
                region,
                environment: args.environment,
                logsKeyArn: args.logsKeyArn,
                alarmEmail: args.alarmEmail,
                workspace: { id: workspace.id, arn: workspace.arn },
                resourcePrefix: args.resourcePrefix,
            },
            parent,
        );
        const topic = { arn: alerts.topicArn };
        this.alarmTopicArn = alerts.topicArn;

        // --- OpenSearch (the ELK stack) --------------------------------------------------
        const domainName = awsIdentifier(name, 28);
        const domainArn = pulumi.interpolate`arn:aws:es:${region}:${account}:domain/${domainName}`;

        const osSg = new aws.ec2.SecurityGroup(
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
                securityGroupId: osSg.id,
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
                    securityGroupId: osSg.id,
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
        this.securityGroupId = osSg.id;

        // Administrators, the ingestion pipeline and the setup function reach the
        // domain through this role, the fine-grained access control master.
        // Grafana's role is mapped to the read-only `readall` role by the setup function.
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
                        {
                            Sid: "IngestionPipeline",
                            Effect: "Allow",
                            Principal: { Service: "osis-pipelines.amazonaws.com" },
                            Action: "sts:AssumeRole",
                            Condition: { StringEquals: { "aws:SourceAccount": account } },
                        },
                        {
                            Sid: "SetupFunction",
                            Effect: "Allow",
                            Principal: { Service: "lambda.amazonaws.com" },
                            Action: "sts:AssumeRole",
                            Condition: { StringEquals: { "aws:SourceAccount": account } },
                        },
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
        this.opensearchAdminRoleArn = adminRole.arn;

        const osLogGroups = OPENSEARCH_LOG_TYPES.map(
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
                        parent,
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
                            Resource: osLogGroups.map(([, g]) => pulumi.interpolate`${g.arn}:*`),
                            Condition: {
                                StringEquals: { "aws:SourceAccount": account },
                                ArnLike: { "aws:SourceArn": domainArn },
                            },
                        },
                    ],
                }),
            },
            parent,
        );

        const burstable = /^t[23]\./.test(os.instanceType);
        const domain = new aws.opensearch.Domain(
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
                vpcOptions: { subnetIds: args.dataSubnetIds.slice(0, zones), securityGroupIds: [osSg.id] },
                ebsOptions: { ebsEnabled: true, volumeType: "gp3", volumeSize: os.volumeGiB },
                encryptAtRest: { enabled: true, kmsKeyId: args.dataKeyArn },
                nodeToNodeEncryption: { enabled: true },
                domainEndpointOptions: { enforceHttps: true, tlsSecurityPolicy: OPENSEARCH_TLS_POLICY },
                advancedSecurityOptions: {
                    enabled: true,
                    anonymousAuthEnabled: false,
                    internalUserDatabaseEnabled: false,
                    masterUserOptions: { masterUserArn: adminRole.arn },
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
                logPublishingOptions: osLogGroups.map(([logType, g]) => ({
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
            { parent: this, protect: args.protect, dependsOn: [logPolicy, ...(args.domainDependsOn ?? [])] },
        );
        this.opensearchEndpoint = domain.endpoint;
        this.opensearchDomainArn = domain.arn;

        // --- OpenSearch Ingestion (the managed Logstash) ------------------------------------
        const pipelineName = awsIdentifier(name, 28, "logs");
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
                referencedSecurityGroupId: osSg.id,
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
            parent,
        );
        const pipeline = new aws.opensearchingest.Pipeline(
            `${name}-logs`,
            {
                pipelineName,
                region,
                minUnits: args.ingest.minUnits,
                maxUnits: args.ingest.maxUnits,
                pipelineRoleArn: adminRole.arn,
                pipelineConfigurationBody: pulumi
                    .all([domain.endpoint, adminRole.arn])
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
            parent,
        );
        this.logsIngestEndpoint = pipeline.ingestEndpointUrls.apply(logsIngestUrl);

        // --- what a host needs to send metrics and logs -----------------------------------
        const hostPolicy = new aws.iam.Policy(
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
            parent,
        );
        this.hostTelemetryPolicyArn = hostPolicy.arn;

        // --- Grafana --------------------------------------------------------------------------
        const grafana = args.grafana
            ? new GrafanaServer(
                  `${name}-grafana`,
                  {
                      region,
                      environment: args.environment,
                      vpcId: args.vpcId,
                      subnetId: args.appSubnetIds[0],
                      vpnSecurityGroupId: args.grafana.vpnSecurityGroupId,
                      instanceType: args.grafana.instanceType,
                      ubuntuRelease: args.grafana.ubuntuRelease,
                      dataKeyArn: args.dataKeyArn,
                      prometheus: { endpoint: workspace.prometheusEndpoint, workspaceArn: workspace.arn },
                      opensearch: { endpoint: domain.endpoint, domainArn: domain.arn, engineVersion: os.engineVersion },
                      telemetry: {
                          remoteWriteUrl: workspace.prometheusEndpoint,
                          logsIngestEndpoint: this.logsIngestEndpoint,
                          policyArn: hostPolicy.arn,
                      },
                      probeUrls: args.grafana.probeUrls,
                      alarmTopicArn: alerts.topicArn,
                  },
                  parent,
              )
            : undefined;
        this.grafanaEndpoint = grafana?.url;
        this.grafana = grafana;
        this.grafanaAdminSecretArn = grafana?.adminSecretArn;

        // --- the domain's own configuration, through its API ------------------------------------
        this.configureLogStore(name, {
            region,
            vpcId: args.vpcId,
            subnetIds: args.dataSubnetIds,
            opensearchSecurityGroupId: osSg.id,
            adminRoleArn: adminRole.arn,
            adminRoleName: adminRole.name,
            logsKeyArn: args.logsKeyArn,
            logRetentionDays: args.logRetentionDays,
            endpoint: domain.endpoint,
            domain,
            dataNodes: os.instanceCount,
            readerRoleArns: grafana ? [grafana.roleArn] : [],
        });

        // --- alarms of the log store ----------------------------------------------------------
        const alarm = (
            suffix: string,
            a: Omit<
                aws.cloudwatch.MetricAlarmArgs,
                "namespace" | "dimensions" | "alarmActions" | "okActions" | "region"
            >,
        ) =>
            new aws.cloudwatch.MetricAlarm(
                `${name}-opensearch-${suffix}`,
                {
                    ...a,
                    namespace: "AWS/ES",
                    dimensions: { DomainName: domainName, ClientId: account },
                    alarmActions: [topic.arn],
                    okActions: [topic.arn],
                    region,
                },
                { parent: this, dependsOn: [domain] },
            );
        alarm("cluster-red", {
            alarmDescription: `${domainName}: at least one primary shard is unassigned (cluster status red)`,
            metricName: "ClusterStatus.red",
            statistic: "Maximum",
            period: 60,
            evaluationPeriods: 1,
            threshold: 1,
            comparisonOperator: "GreaterThanOrEqualToThreshold",
        });
        alarm("free-storage", {
            alarmDescription: `${domainName}: a node has less than 25% of its ${os.volumeGiB} GiB volume free`,
            metricName: "FreeStorageSpace",
            statistic: "Minimum",
            period: 300,
            evaluationPeriods: 1,
            // FreeStorageSpace is in MiB, per node.
            threshold: Math.floor(os.volumeGiB * 1024 * 0.25),
            comparisonOperator: "LessThanOrEqualToThreshold",
        });
        alarm("jvm-memory-pressure", {
            alarmDescription: `${domainName}: JVM memory pressure at or above 80% for 15 minutes`,
            metricName: "JVMMemoryPressure",
            statistic: "Maximum",
            period: 300,
            evaluationPeriods: 3,
            threshold: 80,
            comparisonOperator: "GreaterThanOrEqualToThreshold",
        });
        alarm("writes-blocked", {
            alarmDescription: `${domainName}: the cluster is blocking writes (logs are not being stored)`,
            metricName: "ClusterIndexWritesBlocked",
            statistic: "Maximum",
            period: 300,
            evaluationPeriods: 1,
            threshold: 1,
            comparisonOperator: "GreaterThanOrEqualToThreshold",
        });
        alarm("snapshot-failure", {
            alarmDescription: `${domainName}: an automated snapshot failed`,
            metricName: "AutomatedSnapshotFailure",
            statistic: "Maximum",
            period: 60,
            evaluationPeriods: 1,
            threshold: 1,
            comparisonOperator: "GreaterThanOrEqualToThreshold",
        });

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
