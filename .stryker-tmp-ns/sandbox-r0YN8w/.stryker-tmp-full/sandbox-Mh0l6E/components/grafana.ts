// @ts-nocheck
// 
// The self-hosted Grafana server of the monitoring tier (see templates/grafana.ts
// for why self-hosted): one hardened EC2 server in a private app subnet,
// reached only from the Client VPN's security group, with its admin password
// generated here and kept in Secrets Manager.

import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import * as random from "@pulumi/random";
import { GRAFANA_PORT, renderGrafanaUserData } from "../templates/grafana";
import { userDataBase64 } from "../templates/gzip";
import { renderTelemetry } from "../templates/telemetry";
import { encryptedRoot, IMDS_V2_ONLY, InstanceRole, ubuntuAmi } from "./ec2";
import {
    egressRules,
    HostTelemetryArgs,
    INTERNET_EGRESS,
    instanceAlarms,
    secretReadStatements,
} from "./server-support";

export interface GrafanaServerArgs {
    region: string;
    environment: string;
    vpcId: pulumi.Input<string>;
    /** A private app subnet (with a NAT route: packages, AWS APIs). */
    subnetId: pulumi.Input<string>;
    /** Security group of the Client VPN: the only source allowed in. */
    vpnSecurityGroupId: pulumi.Input<string>;
    instanceType: string;
    ubuntuRelease: string;
    /** Encrypts the root volume and the admin password secret. */
    dataKeyArn: pulumi.Input<string>;
    prometheus: { endpoint: pulumi.Input<string>; workspaceArn: pulumi.Input<string> };
    opensearch: { endpoint: pulumi.Input<string>; domainArn: pulumi.Input<string>; engineVersion: string };
    /** Host telemetry (the Grafana server reports like every server, and runs the edge probes). */
    telemetry: HostTelemetryArgs;
    /** Public URLs the blackbox exporter probes through Cloudflare. */
    probeUrls: string[];
    alarmTopicArn: pulumi.Input<string>;
}

export class GrafanaServer extends pulumi.ComponentResource {
    /** https://<private IP>:GRAFANA_PORT, over the Client VPN. */
    public readonly url: pulumi.Output<string>;
    /** Secrets Manager secret with the `admin` user's password. */
    public readonly adminSecretArn: pulumi.Output<string>;
    /** The instance role: OpenSearch maps it to read-only access. */
    public readonly roleArn: pulumi.Output<string>;
    public readonly instanceId: pulumi.Output<string>;
    public readonly instanceArn: pulumi.Output<string>;

    constructor(name: string, args: GrafanaServerArgs, opts?: pulumi.ComponentResourceOptions) {
        super("hms:monitoring:GrafanaServer", name, {}, opts);
        const parent = { parent: this };
        const region = args.region;

        // --- admin password: generated, kept in Secrets Manager, fetched at boot ------------
        const password = new random.RandomPassword(
            `${name}-admin`,
            { length: 32, special: true, overrideSpecial: "!#%&*()-_=+[]{}<>:?" },
            parent,
        );
        const secret = new aws.secretsmanager.Secret(
            `${name}-admin`,
            {
                description: `${name}: password of the Grafana admin user`,
                kmsKeyId: args.dataKeyArn,
                recoveryWindowInDays: 7,
                region,
            },
            parent,
        );
        const secretVersion = new aws.secretsmanager.SecretVersion(
            `${name}-admin`,
            { secretId: secret.id, secretString: password.result, region },
            parent,
        );
        this.adminSecretArn = secret.arn;

        // --- role: read metrics, CloudWatch and OpenSearch; write its own telemetry ----------
        const role = new InstanceRole(
            name,
            {
                managedPolicyArns: [args.telemetry.policyArn],
                statements: [
                    ...secretReadStatements([secret.arn], args.dataKeyArn, region),
                    {
                        Sid: "QueryPrometheus",
                        Effect: "Allow",
                        Action: ["aps:QueryMetrics", "aps:GetSeries", "aps:GetLabels", "aps:GetMetricMetadata"],
                        Resource: args.prometheus.workspaceArn,
                    },
                    {
                        // What Grafana's CloudWatch data source needs (grafana.com/docs: CloudWatch data source, IAM policies).
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
                        Action: ["es:ESHttpGet", "es:ESHttpHead", "es:ESHttpPost"],
                        Resource: pulumi.interpolate`${args.opensearch.domainArn}/*`,
                    },
                ],
            },
            parent,
        );
        this.roleArn = role.roleArn;

        // --- network: HTTPS from the VPN only; out to AWS APIs and packages ------------------
        const sg = new aws.ec2.SecurityGroup(
            `${name}-sg`,
            {
                vpcId: args.vpcId,
                description: "Grafana server: HTTPS from the Client VPN only",
                region,
                tags: { Name: `${name}-sg` },
            },
            parent,
        );
        new aws.vpc.SecurityGroupIngressRule(
            `${name}-from-vpn`,
            {
                securityGroupId: sg.id,
                referencedSecurityGroupId: args.vpnSecurityGroupId,
                ipProtocol: "tcp",
                fromPort: GRAFANA_PORT,
                toPort: GRAFANA_PORT,
                description: "Grafana over HTTPS from Client VPN users",
                region,
            },
            parent,
        );
        egressRules(name, sg.id, INTERNET_EGRESS, region, this);

        // --- the server ----------------------------------------------------------------------
        const userData = pulumi
            .all([
                args.prometheus.endpoint,
                args.opensearch.endpoint,
                secret.arn,
                args.telemetry.remoteWriteUrl,
                args.telemetry.logsIngestEndpoint,
            ])
            .apply(([prometheusEndpoint, opensearchEndpoint, adminSecretArn, remoteWriteUrl, logsIngestEndpoint]) =>
                userDataBase64(
                    renderGrafanaUserData({
                        region,
                        prometheusEndpoint,
                        opensearchEndpoint,
                        opensearchVersion: args.opensearch.engineVersion,
                        adminSecretArn,
                        telemetry: renderTelemetry({
                            region,
                            remoteWriteUrl,
                            logsIngestEndpoint,
                            role: "grafana",
                            environment: args.environment,
                            logFiles: ["/var/log/grafana/grafana.log"],
                            probeUrls: args.probeUrls,
                        }),
                    }),
                    `${name} user data`,
                ),
            );
        const instance = new aws.ec2.Instance(
            name,
            {
                ami: ubuntuAmi(args.ubuntuRelease, args.instanceType, region, parent),
                instanceType: args.instanceType,
                subnetId: args.subnetId,
                vpcSecurityGroupIds: [sg.id],
                associatePublicIpAddress: false,
                iamInstanceProfile: role.profileName,
                metadataOptions: IMDS_V2_ONLY,
                rootBlockDevice: encryptedRoot(20, args.dataKeyArn),
                monitoring: true,
                maintenanceOptions: { autoRecovery: "default" },
                userDataBase64: userData,
                // Grafana keeps nothing that is not provisioned from code: a new
                // dashboard or data source is a new server.
                userDataReplaceOnChange: true,
                region,
                tags: { Name: name, Role: "grafana", OperatingSystem: `Ubuntu ${args.ubuntuRelease} LTS` },
                volumeTags: { Name: name, Role: "grafana" },
            },
            // The secret and the role's policies exist before the server boots; new AMIs do not replace it.
            { parent: this, ignoreChanges: ["ami"], dependsOn: [secretVersion, role] },
        );
        instanceAlarms(name, instance.id, args.alarmTopicArn, region, this);
        this.instanceId = instance.id;
        this.instanceArn = instance.arn;
        this.url = pulumi.interpolate`https://${instance.privateIp}:${GRAFANA_PORT}`;
        this.registerOutputs({
            url: this.url,
            adminSecretArn: this.adminSecretArn,
            roleArn: this.roleArn,
            instanceId: this.instanceId,
        });
    }
}
