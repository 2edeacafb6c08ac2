import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { stringify } from "yaml";
import { LOGS_INGEST_PATH } from "../templates/telemetry";
import { awsIdentifier } from "./identifiers";

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

export interface MonitoringArgs {
    region: string;
    vpcId: pulumi.Input<string>;
    /** CIDR of the VPC: hosts in it reach the log pipeline and OpenSearch over HTTPS. */
    vpcCidr: string;
    /** Subnets with a route to the internet through NAT, one per AZ (Grafana's network interfaces). */
    appSubnetIds: pulumi.Input<string>[];
    /** Private subnets without internet, one per AZ (OpenSearch and the ingestion pipeline). */
    dataSubnetIds: pulumi.Input<string>[];
    /** Encrypts the alarm topic and the log groups (the logs key of `Keys`). */
    logsKeyArn: pulumi.Input<string>;
    /** Encrypts metrics (Prometheus) and log documents (OpenSearch) at rest (the data key of `Keys`). */
    dataKeyArn: pulumi.Input<string>;
    logRetentionDays: number;
    /** Subscribed to the alarm topic by e-mail (the recipient must confirm). */
    alarmEmail?: string;
    /** Amazon Managed Grafana workspace (IAM Identity Center sign-in). */
    grafana: boolean;
    opensearch: OpenSearchArgs;
    /** Capacity of the ingestion pipeline in Ingestion OCUs. */
    ingest: { minUnits: number; maxUnits: number };
    /** Security group of administrators (Client VPN): may open OpenSearch Dashboards. */
    adminSecurityGroupId?: pulumi.Input<string>;
    /** Protect the OpenSearch domain (the log store) from `pulumi destroy`. */
    protect: boolean;
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
 * - an SNS alarm topic encrypted with the logs key (CloudWatch alarms and
 *   high-severity GuardDuty / critical Inspector findings), e-mail subscription;
 * - Amazon Managed Service for Prometheus: the hosts' agents remote-write node metrics;
 * - Amazon Managed Grafana (optional) over Prometheus, CloudWatch and OpenSearch;
 * - Amazon OpenSearch Service in the VPC as the ELK stack (Dashboards = Kibana),
 *   an OpenSearch Ingestion pipeline as the managed Logstash that Fluent Bit
 *   on the hosts posts to (SigV4), and the domain's CloudWatch alarms;
 * - `hostTelemetryPolicyArn`: what a host role needs to send both
 *   (see templates/telemetry.ts).
 */
export class Monitoring extends pulumi.ComponentResource {
    public readonly alarmTopicArn: pulumi.Output<string>;
    /** Workspace endpoint; remote write is `<endpoint>api/v1/remote_write`. */
    public readonly prometheusEndpoint: pulumi.Output<string>;
    public readonly grafanaEndpoint?: pulumi.Output<string>;
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

        // --- alarm topic -----------------------------------------------------------
        const topic = new aws.sns.Topic(`${name}-alarms`, { kmsMasterKeyId: args.logsKeyArn, region }, parent);
        new aws.sns.TopicPolicy(
            `${name}-alarms`,
            {
                arn: topic.arn,
                region,
                policy: pulumi.jsonStringify({
                    Version: "2012-10-17",
                    Statement: [
                        {
                            Sid: "AccountManagesTopic",
                            Effect: "Allow",
                            Principal: { AWS: pulumi.interpolate`arn:aws:iam::${account}:root` },
                            Action: [
                                "sns:GetTopicAttributes",
                                "sns:SetTopicAttributes",
                                "sns:AddPermission",
                                "sns:RemovePermission",
                                "sns:DeleteTopic",
                                "sns:Subscribe",
                                "sns:ListSubscriptionsByTopic",
                                "sns:Publish",
                            ],
                            Resource: topic.arn,
                        },
                        {
                            Sid: "CloudWatchAlarmsPublish",
                            Effect: "Allow",
                            Principal: { Service: "cloudwatch.amazonaws.com" },
                            Action: "sns:Publish",
                            Resource: topic.arn,
                            Condition: {
                                StringEquals: { "aws:SourceAccount": account },
                                ArnLike: { "aws:SourceArn": pulumi.interpolate`arn:aws:cloudwatch:${region}:${account}:alarm:*` },
                            },
                        },
                        {
                            Sid: "EventBridgeRulesPublish",
                            Effect: "Allow",
                            Principal: { Service: "events.amazonaws.com" },
                            Action: "sns:Publish",
                            Resource: topic.arn,
                            Condition: {
                                StringEquals: { "aws:SourceAccount": account },
                                ArnLike: { "aws:SourceArn": pulumi.interpolate`arn:aws:events:${region}:${account}:rule/*` },
                            },
                        },
                        {
                            Sid: "DenyInsecureTransport",
                            Effect: "Deny",
                            Principal: "*",
                            Action: "sns:Publish",
                            Resource: topic.arn,
                            Condition: { Bool: { "aws:SecureTransport": "false" } },
                        },
                    ],
                }),
            },
            parent,
        );
        if (args.alarmEmail) {
            new aws.sns.TopicSubscription(`${name}-alarms-email`, { topic: topic.arn, protocol: "email", endpoint: args.alarmEmail, region }, parent);
        }
        this.alarmTopicArn = topic.arn;

        // Security findings that need a person now: GuardDuty high/critical, Inspector critical.
        const findings: Array<[string, string, object]> = [
            ["guardduty", "GuardDuty findings of high or critical severity", {
                source: ["aws.guardduty"],
                "detail-type": ["GuardDuty Finding"],
                detail: { severity: [{ numeric: [">=", 7] }] },
            }],
            ["inspector", "Inspector findings of critical severity", {
                source: ["aws.inspector2"],
                "detail-type": ["Inspector2 Finding"],
                detail: { severity: ["CRITICAL"], status: ["ACTIVE"] },
            }],
        ];
        for (const [suffix, description, pattern] of findings) {
            const rule = new aws.cloudwatch.EventRule(
                `${name}-${suffix}-findings`,
                { description, eventPattern: JSON.stringify(pattern), region },
                parent,
            );
            new aws.cloudwatch.EventTarget(`${name}-${suffix}-findings`, { rule: rule.name, arn: topic.arn, region }, parent);
        }

        // --- Prometheus ----------------------------------------------------------------
        const promLogs = new aws.cloudwatch.LogGroup(
            `${name}-prometheus`,
            { name: `/aws/vendedlogs/prometheus/${name}`, retentionInDays: args.logRetentionDays, kmsKeyId: args.logsKeyArn, region },
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

        // --- OpenSearch (the ELK stack) --------------------------------------------------
        const domainName = awsIdentifier(name, 28);
        const domainArn = pulumi.interpolate`arn:aws:es:${region}:${account}:domain/${domainName}`;

        const osSg = new aws.ec2.SecurityGroup(
            `${name}-opensearch`,
            { vpcId: args.vpcId, description: "OpenSearch domain: HTTPS from the VPC", region, tags: { Name: `${name}-opensearch` } },
            parent,
        );
        new aws.vpc.SecurityGroupIngressRule(
            `${name}-opensearch-from-vpc`,
            { securityGroupId: osSg.id, ipProtocol: "tcp", fromPort: 443, toPort: 443, cidrIpv4: args.vpcCidr, description: "HTTPS from the VPC (pipeline, Grafana, tiers)", region },
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

        // Administrators, the ingestion pipeline and Grafana reach the domain
        // through this role, the fine-grained access control master: every
        // permission stays in IAM, no mapping inside OpenSearch is needed.
        const grafanaRole = args.grafana
            ? new aws.iam.Role(
                  `${name}-grafana`,
                  {
                      assumeRolePolicy: pulumi.jsonStringify({
                          Version: "2012-10-17",
                          Statement: [
                              {
                                  Effect: "Allow",
                                  Principal: { Service: "grafana.amazonaws.com" },
                                  Action: "sts:AssumeRole",
                                  Condition: {
                                      StringEquals: { "aws:SourceAccount": account },
                                      ArnLike: { "aws:SourceArn": pulumi.interpolate`arn:aws:grafana:${region}:${account}:/workspaces/*` },
                                  },
                              },
                          ],
                      }),
                  },
                  parent,
              )
            : undefined;
        const adminRole = new aws.iam.Role(
            `${name}-opensearch-admin`,
            {
                description: `${name}: administers the OpenSearch domain; used by administrators, the log pipeline and Grafana`,
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
                        ...(grafanaRole
                            ? [{ Sid: "Grafana", Effect: "Allow", Principal: { AWS: grafanaRole.arn }, Action: "sts:AssumeRole" }]
                            : []),
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
                        { Effect: "Allow", Action: ["es:DescribeDomain", "es:ESHttp*"], Resource: [domainArn, pulumi.interpolate`${domainArn}/*`] },
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
                            Condition: { StringEquals: { "aws:SourceAccount": account }, ArnLike: { "aws:SourceArn": domainArn } },
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
                logPublishingOptions: osLogGroups.map(([logType, g]) => ({ logType, cloudwatchLogGroupArn: g.arn, enabled: true })),
                // Auto-Tune is not available on T2/T3 instance types.
                autoTuneOptions: { desiredState: burstable ? "DISABLED" : "ENABLED", rollbackOnDisable: "NO_ROLLBACK", useOffPeakWindow: !burstable },
                offPeakWindowOptions: { enabled: true, offPeakWindow: { windowStartTime: { hours: 4, minutes: 0 } } },
                softwareUpdateOptions: { autoSoftwareUpdateEnabled: true },
                // Automated snapshots are hourly and kept 14 days by the service
                // (engine versions 5.3 and later); there is nothing to configure.
                tags: { Name: domainName },
            },
            { parent: this, protect: args.protect, dependsOn: [logPolicy] },
        );
        this.opensearchEndpoint = domain.endpoint;
        this.opensearchDomainArn = domain.arn;

        // --- OpenSearch Ingestion (the managed Logstash) ------------------------------------
        const pipelineName = awsIdentifier(name, 28, "logs");
        const ingestSg = new aws.ec2.SecurityGroup(
            `${name}-ingest`,
            { vpcId: args.vpcId, description: "Log ingestion pipeline: HTTPS from the VPC", region, tags: { Name: `${name}-ingest` } },
            parent,
        );
        new aws.vpc.SecurityGroupIngressRule(
            `${name}-ingest-from-vpc`,
            { securityGroupId: ingestSg.id, ipProtocol: "tcp", fromPort: 443, toPort: 443, cidrIpv4: args.vpcCidr, description: "hosts post logs over HTTPS", region },
            parent,
        );
        new aws.vpc.SecurityGroupEgressRule(
            `${name}-ingest-to-opensearch`,
            { securityGroupId: ingestSg.id, ipProtocol: "tcp", fromPort: 443, toPort: 443, referencedSecurityGroupId: osSg.id, description: "pipeline to OpenSearch", region },
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
                    .apply(([endpoint, roleArn]) => renderPipelineConfiguration({ endpoint, roleArn, region })),
                vpcOptions: { subnetIds: args.dataSubnetIds, securityGroupIds: [ingestSg.id], vpcEndpointManagement: "SERVICE" },
                logPublishingOptions: { isLoggingEnabled: true, cloudwatchLogDestination: { logGroup: pipelineLogs.name } },
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
                        { Sid: "RemoteWriteMetrics", Effect: "Allow", Action: "aps:RemoteWrite", Resource: workspace.arn },
                        { Sid: "IngestLogs", Effect: "Allow", Action: "osis:Ingest", Resource: pipeline.pipelineArn },
                    ],
                }),
            },
            parent,
        );
        this.hostTelemetryPolicyArn = hostPolicy.arn;

        // --- Grafana ---------------------------------------------------------------------
        if (grafanaRole) {
            new aws.iam.RolePolicy(
                `${name}-grafana`,
                {
                    role: grafanaRole.id,
                    policy: pulumi.jsonStringify({
                        Version: "2012-10-17",
                        Statement: [
                            {
                                Sid: "QueryPrometheus",
                                Effect: "Allow",
                                Action: ["aps:QueryMetrics", "aps:GetSeries", "aps:GetLabels", "aps:GetMetricMetadata", "aps:DescribeWorkspace"],
                                Resource: workspace.arn,
                            },
                            { Sid: "ListPrometheus", Effect: "Allow", Action: "aps:ListWorkspaces", Resource: "*" },
                            {
                                Sid: "ReadCloudWatch",
                                Effect: "Allow",
                                Action: [
                                    "cloudwatch:DescribeAlarmsForMetric",
                                    "cloudwatch:DescribeAlarmHistory",
                                    "cloudwatch:DescribeAlarms",
                                    "cloudwatch:ListMetrics",
                                    "cloudwatch:GetMetricData",
                                    "cloudwatch:GetInsightRuleReport",
                                    "logs:DescribeLogGroups",
                                    "logs:GetLogGroupFields",
                                    "logs:StartQuery",
                                    "logs:StopQuery",
                                    "logs:GetQueryResults",
                                    "logs:GetLogEvents",
                                    "ec2:DescribeTags",
                                    "ec2:DescribeInstances",
                                    "ec2:DescribeRegions",
                                    "tag:GetResources",
                                ],
                                Resource: "*",
                            },
                            {
                                Sid: "ReadOpenSearch",
                                Effect: "Allow",
                                Action: ["es:ESHttpGet", "es:ESHttpPost", "es:DescribeDomain", "es:DescribeDomains"],
                                Resource: [domainArn, pulumi.interpolate`${domainArn}/*`],
                            },
                            { Sid: "ListOpenSearch", Effect: "Allow", Action: "es:ListDomainNames", Resource: "*" },
                            { Sid: "OpenSearchAsMaster", Effect: "Allow", Action: "sts:AssumeRole", Resource: adminRole.arn },
                            { Sid: "NotifyAlarmTopic", Effect: "Allow", Action: "sns:Publish", Resource: topic.arn },
                        ],
                    }),
                },
                parent,
            );
            const grafanaSg = new aws.ec2.SecurityGroup(
                `${name}-grafana`,
                { vpcId: args.vpcId, description: "Grafana workspace: HTTPS to its data sources", region, tags: { Name: `${name}-grafana` } },
                parent,
            );
            new aws.vpc.SecurityGroupEgressRule(
                `${name}-grafana-https`,
                {
                    securityGroupId: grafanaSg.id,
                    ipProtocol: "tcp",
                    fromPort: 443,
                    toPort: 443,
                    cidrIpv4: "0.0.0.0/0",
                    description: "HTTPS to OpenSearch in the VPC and to AWS APIs through NAT",
                    region,
                },
                parent,
            );
            const grafana = new aws.grafana.Workspace(
                `${name}-grafana`,
                {
                    description: `${name}: metrics and logs of the Hospital Management System`,
                    accountAccessType: "CURRENT_ACCOUNT",
                    authenticationProviders: ["AWS_SSO"],
                    permissionType: "CUSTOMER_MANAGED",
                    roleArn: grafanaRole.arn,
                    dataSources: ["PROMETHEUS", "CLOUDWATCH", "AMAZON_OPENSEARCH_SERVICE"],
                    notificationDestinations: ["SNS"],
                    vpcConfiguration: { subnetIds: args.appSubnetIds, securityGroupIds: [grafanaSg.id] },
                    region,
                },
                parent,
            );
            this.grafanaEndpoint = pulumi.interpolate`https://${grafana.endpoint}`;
        }

        // --- alarms of the log store ----------------------------------------------------------
        const alarm = (suffix: string, a: Omit<aws.cloudwatch.MetricAlarmArgs, "namespace" | "dimensions" | "alarmActions" | "okActions" | "region">) =>
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
            opensearchEndpoint: this.opensearchEndpoint,
            logsIngestEndpoint: this.logsIngestEndpoint,
            hostTelemetryPolicyArn: this.hostTelemetryPolicyArn,
            securityGroupId: this.securityGroupId,
        });
    }
}

/** The URL hosts post logs to, from the pipeline's endpoint host names (AWS reports them without a scheme). */
export function logsIngestUrl(ingestEndpointUrls: string[]): string {
    if (ingestEndpointUrls.length === 0) {
        throw new pulumi.RunError("the ingestion pipeline reported no endpoint URL");
    }
    return `https://${ingestEndpointUrls[0].replace(/^https:\/\//, "")}${LOGS_INGEST_PATH}`;
}

/**
 * The ingestion pipeline (Data Prepper) configuration: an HTTP source on
 * LOGS_INGEST_PATH (SigV4-authenticated by the service) and the OpenSearch
 * domain as the sink, one index per day. Pure.
 */
export function renderPipelineConfiguration(args: { endpoint: string; roleArn: string; region: string }): string {
    return stringify(
        {
            version: "2",
            "hms-logs": {
                source: { http: { path: LOGS_INGEST_PATH } },
                sink: [
                    {
                        opensearch: {
                            hosts: [`https://${args.endpoint.replace(/^https:\/\//, "")}`],
                            index: "logs-%{yyyy.MM.dd}",
                            aws: { sts_role_arn: args.roleArn, region: args.region },
                        },
                    },
                ],
            },
        },
        { lineWidth: 0 },
    );
}
