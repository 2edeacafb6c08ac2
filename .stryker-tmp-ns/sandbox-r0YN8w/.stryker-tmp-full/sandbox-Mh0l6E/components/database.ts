// @ts-nocheck
// 
import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { awsIdentifier, finalSnapshotId } from "./identifiers";

export interface DatabaseArgs {
    region: string;
    vpcId: pulumi.Input<string>;
    /** Data subnets (no route to the internet), one per AZ. */
    subnetIds: pulumi.Input<string>[];
    /** AZs of the VPC, in the order of `subnetIds`; instance i goes to AZ i mod n. */
    availabilityZones: pulumi.Input<string>[];
    /** Aurora MySQL 3 engine version, e.g. 8.0.mysql_aurora.3.10.0. */
    engineVersion: string;
    /** Instance class of every instance, e.g. db.r6g.2xlarge. */
    instanceClass: string;
    /** Memory of the instance class in GiB (alarm thresholds are derived from it). */
    memoryGiB: number;
    /** Cluster instances: 1 writer plus readers, 1-16. */
    instances: number;
    /** Database created with the cluster. */
    databaseName: string;
    /** Master user; its password is generated and rotated by RDS in Secrets Manager. */
    masterUsername?: string;
    /** Days of automated backups (point-in-time restore); RDS accepts at most 35, larger values are capped. */
    backupRetentionDays: number;
    /** hh24:mi-hh24:mi UTC. */
    backupWindow: string;
    /** ddd:hh24:mi-ddd:hh24:mi UTC, not overlapping the backup window. */
    maintenanceWindow: string;
    /** Enhanced monitoring interval: 0 (off), 1, 5, 10, 15, 30 or 60 seconds. */
    monitoringIntervalSeconds: number;
    /** Retention of the exported audit, error and slow query logs (a CloudWatch Logs retention value). */
    logRetentionDays: number;
    /** Encrypts storage, snapshots, the master secret and Performance Insights. */
    dataKeyArn: pulumi.Input<string>;
    /** Encrypts the exported log groups. */
    logsKeyArn: pulumi.Input<string>;
    /** Protect the cluster and its audit logs: `protect`, deletion protection and a final snapshot. */
    protect: boolean;
    /** When set, CloudWatch alarms (CPU, memory, connections, replica lag) notify this topic. */
    alarmTopicArn?: pulumi.Input<string>;
    /** Queries slower than this many seconds go to the slow query log. Default 2. */
    slowQuerySeconds?: number;
    /** Days of Performance Insights history: 7 (free tier), 31 x months, or 731. Default 7. */
    performanceInsightsRetentionDays?: number;
}

/**
 * Cluster inputs set at creation and then owned by someone else, so a refresh
 * must not turn them into a diff:
 * - `engineVersion`: automatic minor upgrades move the cluster to newer
 *   patch versions; a pinned older one would be a downgrade RDS refuses
 *   (pulumi/pulumi-aws#5756). The configured version is the version a new
 *   cluster starts with; a major upgrade is a deliberate change (README runbook).
 * - `backupRetentionPeriod`, `preferredBackupWindow`: once AWS Backup manages
 *   the cluster's continuous backup, RDS accepts only the values AWS Backup
 *   set (terraform-aws-modules/terraform-aws-rds-aurora#411,
 *   hashicorp/terraform-provider-aws#33465).
 */
export const CLUSTER_INPUTS_OWNED_ELSEWHERE = ["engineVersion", "backupRetentionPeriod", "preferredBackupWindow"];

/** Log types exported to CloudWatch Logs: the access trail, engine errors and slow queries. */
export const AURORA_LOG_EXPORTS = ["audit", "error", "slowquery"] as const;

/** The cluster parameter group family of an Aurora MySQL engine version (8.0.mysql_aurora.3.x → aurora-mysql8.0). */
export function auroraMysqlFamily(engineVersion: string): string {
    const m = /^(\d+\.\d+)\.mysql_aurora\.\d+\.\d+\.\d+$/.exec(engineVersion);
    if (!m) {
        throw new pulumi.RunError(
            `engine version "${engineVersion}" is not an Aurora MySQL engine version such as 8.0.mysql_aurora.3.10.0`,
        );
    }
    return `aurora-mysql${m[1]}`;
}

/**
 * Aurora MySQL's default `max_connections` for an instance class of this much
 * memory (the documented table: 1000 at 16 GiB, +1000 per doubling; 90 on the
 * 4 GiB burstable classes). Used for the connections alarm.
 */
export function auroraMaxConnections(memoryGiB: number): number {
    if (memoryGiB < 16) {
        return 90;
    }
    return Math.min(16000, Math.round(Math.log2(memoryGiB / 8)) * 1000);
}

/**
 * Cluster parameters: TLS 1.2+ only and required for every connection; an
 * audit trail of connections and DDL/DCL (who logged in, who changed schema or
 * grants: patient data needs an access trail); slow queries to the log file
 * that is exported. Static parameters (tls_version) must use pending-reboot:
 * RDS rejects `immediate` for them; a new cluster boots with them anyway.
 */
export function auroraClusterParameters(
    slowQuerySeconds: number,
): aws.types.input.rds.ClusterParameterGroupParameter[] {
    return [
        { name: "require_secure_transport", value: "ON", applyMethod: "immediate" },
        { name: "tls_version", value: "TLSv1.2,TLSv1.3", applyMethod: "pending-reboot" },
        { name: "server_audit_logging", value: "1", applyMethod: "immediate" },
        { name: "server_audit_events", value: "CONNECT,QUERY_DDL,QUERY_DCL", applyMethod: "immediate" },
        { name: "slow_query_log", value: "1", applyMethod: "immediate" },
        { name: "long_query_time", value: String(slowQuerySeconds), applyMethod: "immediate" },
        { name: "log_output", value: "FILE", applyMethod: "immediate" },
    ];
}

/**
 * Aurora MySQL cluster for the WordPress back end: one writer and
 * `instances - 1` readers spread over the AZs (readers take over in promotion
 * tier order), in the data subnets behind its own security group (3306 only
 * from the tiers the composition allows). Storage, snapshots, Performance
 * Insights and the master secret (generated and kept by RDS in Secrets
 * Manager, never in Pulumi state) are encrypted with the data key; TLS is
 * required; audit, error and slow query logs go to KMS-encrypted log groups
 * created here before the cluster, so RDS never creates unencrypted ones.
 */
export class Database extends pulumi.ComponentResource {
    public readonly cluster: aws.rds.Cluster;
    public readonly instances: aws.rds.ClusterInstance[];
    public readonly clusterArn: pulumi.Output<string>;
    public readonly clusterIdentifier: pulumi.Output<string>;
    /** Writer endpoint. */
    public readonly endpoint: pulumi.Output<string>;
    /** Load-balanced reader endpoint (the writer when there are no readers). */
    public readonly readerEndpoint: pulumi.Output<string>;
    public readonly port: pulumi.Output<number>;
    /** Secrets Manager secret (managed by RDS) with the master user's credentials. */
    public readonly masterSecretArn: pulumi.Output<string>;
    public readonly securityGroupId: pulumi.Output<string>;

    constructor(name: string, args: DatabaseArgs, opts?: pulumi.ComponentResourceOptions) {
        super("hms:database:Database", name, {}, opts);
        const parent = { parent: this };
        const region = args.region;
        const family = auroraMysqlFamily(args.engineVersion);
        const clusterId = awsIdentifier(name, 63);
        const port = 3306;

        const sg = new aws.ec2.SecurityGroup(
            `${name}-sg`,
            {
                vpcId: args.vpcId,
                description: `Aurora MySQL ${clusterId}: MySQL (TLS) from the tiers allowed by separate rules`,
                // No inline rules: the composition adds one ingress rule per client tier,
                // and the cluster needs no egress.
                region,
                tags: { Name: `${name}-sg` },
            },
            parent,
        );
        this.securityGroupId = sg.id;

        const subnetGroup = new aws.rds.SubnetGroup(
            `${name}-subnets`,
            {
                name: awsIdentifier(clusterId, 255, "subnets"),
                description: `Data subnets of ${clusterId}`,
                subnetIds: args.subnetIds,
                region,
                tags: { Name: `${name}-subnets` },
            },
            parent,
        );

        const parameterGroup = new aws.rds.ClusterParameterGroup(
            `${name}-params`,
            {
                // The family is part of the name: a major upgrade creates the new group before deleting the old one.
                name: awsIdentifier(clusterId, 255, family.replace(/\./g, "-")),
                family,
                description: `${clusterId}: TLS 1.2+ required, audit of connections and DDL/DCL, slow query log`,
                parameters: auroraClusterParameters(args.slowQuerySeconds ?? 2),
                region,
            },
            parent,
        );

        // RDS writes exported logs to /aws/rds/cluster/<id>/<type>; creating the groups first
        // makes them KMS-encrypted and bounded in retention.
        const logGroups = AURORA_LOG_EXPORTS.map(
            (type) =>
                new aws.cloudwatch.LogGroup(
                    `${name}-log-${type}`,
                    {
                        name: `/aws/rds/cluster/${clusterId}/${type}`,
                        retentionInDays: args.logRetentionDays,
                        kmsKeyId: args.logsKeyArn,
                        deletionProtectionEnabled: args.protect,
                        region,
                    },
                    { parent: this, protect: args.protect },
                ),
        );

        const monitoringRole =
            args.monitoringIntervalSeconds > 0
                ? new aws.iam.Role(
                      `${name}-monitoring`,
                      {
                          description: `Enhanced monitoring of ${clusterId}`,
                          assumeRolePolicy: pulumi.jsonStringify({
                              Version: "2012-10-17",
                              Statement: [
                                  {
                                      Effect: "Allow",
                                      Principal: { Service: "monitoring.rds.amazonaws.com" },
                                      Action: "sts:AssumeRole",
                                      Condition: {
                                          StringEquals: {
                                              "aws:SourceAccount": aws.getCallerIdentityOutput({}, parent).accountId,
                                          },
                                      },
                                  },
                              ],
                          }),
                      },
                      parent,
                  )
                : undefined;
        const monitoringGrant = monitoringRole
            ? new aws.iam.RolePolicyAttachment(
                  `${name}-monitoring`,
                  {
                      role: monitoringRole.name,
                      policyArn: "arn:aws:iam::aws:policy/service-role/AmazonRDSEnhancedMonitoringRole",
                  },
                  parent,
              )
            : undefined;

        this.cluster = new aws.rds.Cluster(
            `${name}-cluster`,
            {
                clusterIdentifier: clusterId,
                engine: "aurora-mysql",
                engineMode: "provisioned",
                engineVersion: args.engineVersion,
                autoMinorVersionUpgrade: true,
                databaseName: args.databaseName,
                masterUsername: args.masterUsername ?? "hmsadmin",
                manageMasterUserPassword: true,
                masterUserSecretKmsKeyId: args.dataKeyArn,
                iamDatabaseAuthenticationEnabled: true,
                port,
                dbSubnetGroupName: subnetGroup.name,
                vpcSecurityGroupIds: [sg.id],
                dbClusterParameterGroupName: parameterGroup.name,
                storageEncrypted: true,
                kmsKeyId: args.dataKeyArn,
                backupRetentionPeriod: Math.min(args.backupRetentionDays, 35),
                preferredBackupWindow: args.backupWindow,
                preferredMaintenanceWindow: args.maintenanceWindow,
                copyTagsToSnapshot: true,
                deletionProtection: args.protect,
                skipFinalSnapshot: !args.protect,
                finalSnapshotIdentifier: args.protect ? finalSnapshotId(name, clusterId, this) : undefined,
                enabledCloudwatchLogsExports: [...AURORA_LOG_EXPORTS],
                region,
                tags: { Name: clusterId },
            },
            {
                parent: this,
                protect: args.protect,
                dependsOn: logGroups,
                ignoreChanges: CLUSTER_INPUTS_OWNED_ELSEWHERE,
            },
        );

        // The first instance is the writer: the readers wait for it, so it is created first.
        this.instances = [];
        for (let i = 0; i < args.instances; i++) {
            const instance = new aws.rds.ClusterInstance(
                `${name}-${i + 1}`,
                {
                    identifier: awsIdentifier(clusterId, 63, String(i + 1)),
                    clusterIdentifier: this.cluster.id,
                    engine: "aurora-mysql",
                    instanceClass: args.instanceClass,
                    availabilityZone: args.availabilityZones[i % args.availabilityZones.length],
                    // Failover order: the lowest tier is promoted first.
                    promotionTier: Math.min(i, 15),
                    dbSubnetGroupName: subnetGroup.name,
                    publiclyAccessible: false,
                    autoMinorVersionUpgrade: true,
                    caCertIdentifier: "rds-ca-rsa2048-g1",
                    copyTagsToSnapshot: true,
                    performanceInsightsEnabled: true,
                    performanceInsightsKmsKeyId: args.dataKeyArn,
                    performanceInsightsRetentionPeriod: args.performanceInsightsRetentionDays ?? 7,
                    monitoringInterval: args.monitoringIntervalSeconds,
                    monitoringRoleArn: monitoringRole?.arn,
                    region,
                    tags: { Name: `${clusterId}-${i + 1}`, Role: i === 0 ? "writer" : "reader" },
                },
                // RDS refuses an enhanced monitoring role it cannot assume yet: wait for its policy.
                {
                    parent: this,
                    dependsOn: [...(monitoringGrant ? [monitoringGrant] : []), ...(i === 0 ? [] : [this.instances[0]])],
                },
            );
            this.instances.push(instance);
        }

        if (args.alarmTopicArn) {
            this.alarms(name, clusterId, args.alarmTopicArn, args, region);
        }

        this.clusterArn = this.cluster.arn;
        this.clusterIdentifier = this.cluster.clusterIdentifier;
        this.endpoint = this.cluster.endpoint;
        this.readerEndpoint = this.cluster.readerEndpoint;
        this.port = this.cluster.port;
        this.masterSecretArn = this.cluster.masterUserSecrets.apply((secrets) => {
            const arn = secrets?.[0]?.secretArn;
            if (!arn) {
                throw new pulumi.RunError(`${clusterId}: RDS reported no master user secret`);
            }
            return arn;
        });
        this.registerOutputs({
            clusterArn: this.clusterArn,
            clusterIdentifier: this.clusterIdentifier,
            endpoint: this.endpoint,
            readerEndpoint: this.readerEndpoint,
            port: this.port,
            masterSecretArn: this.masterSecretArn,
            securityGroupId: this.securityGroupId,
        });
    }

    private alarms(
        name: string,
        clusterId: string,
        topic: pulumi.Input<string>,
        args: DatabaseArgs,
        region: string,
    ): void {
        const alarm = (
            suffix: string,
            description: string,
            metric: Pick<
                aws.cloudwatch.MetricAlarmArgs,
                "metricName" | "dimensions" | "statistic" | "comparisonOperator" | "threshold"
            >,
        ) =>
            new aws.cloudwatch.MetricAlarm(
                `${name}-${suffix}`,
                {
                    alarmDescription: description,
                    namespace: "AWS/RDS",
                    period: 300,
                    evaluationPeriods: 3,
                    datapointsToAlarm: 3,
                    treatMissingData: "missing",
                    alarmActions: [topic],
                    okActions: [topic],
                    region,
                    ...metric,
                },
                { parent: this },
            );

        const maxConnections = auroraMaxConnections(args.memoryGiB);
        this.instances.forEach((instance, i) => {
            const dimensions = { DBInstanceIdentifier: instance.identifier };
            const id = `${clusterId}-${i + 1}`;
            alarm(`${i + 1}-cpu`, `${id}: CPU above 80% for 15 minutes`, {
                metricName: "CPUUtilization",
                dimensions,
                statistic: "Average",
                comparisonOperator: "GreaterThanThreshold",
                threshold: 80,
            });
            alarm(`${i + 1}-memory`, `${id}: freeable memory below 10% of ${args.memoryGiB} GiB for 15 minutes`, {
                metricName: "FreeableMemory",
                dimensions,
                statistic: "Average",
                comparisonOperator: "LessThanThreshold",
                threshold: Math.round(args.memoryGiB * 0.1 * 1024 ** 3),
            });
            alarm(`${i + 1}-connections`, `${id}: more than 80% of ${maxConnections} connections for 15 minutes`, {
                metricName: "DatabaseConnections",
                dimensions,
                statistic: "Maximum",
                comparisonOperator: "GreaterThanThreshold",
                threshold: Math.floor(maxConnections * 0.8),
            });
        });
        if (this.instances.length > 1) {
            alarm("replica-lag", `${clusterId}: a reader lags the writer by more than 1 second for 15 minutes`, {
                metricName: "AuroraReplicaLagMaximum",
                dimensions: { DBClusterIdentifier: this.cluster.clusterIdentifier },
                statistic: "Maximum",
                comparisonOperator: "GreaterThanThreshold",
                threshold: 1000,
            });
        }
    }
}
