// @ts-nocheck
// 
// Helpers the WordPress and WebSocket server components share: security group
// egress rules, the IAM statements that let a server read its own secrets, and
// per-instance CloudWatch alarms. Not a component: plain functions that create
// children of the calling component.

import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";

/** Host telemetry inputs (from Monitoring): endpoints for renderTelemetry and the policy that allows them. */
export interface HostTelemetryArgs {
    /** Prometheus workspace endpoint (remote write). */
    remoteWriteUrl: pulumi.Input<string>;
    /** OpenSearch Ingestion pipeline URL. */
    logsIngestEndpoint: pulumi.Input<string>;
    /** Managed policy with aps:RemoteWrite and osis:Ingest. */
    policyArn: pulumi.Input<string>;
}

export interface EgressRule {
    suffix: string;
    port: pulumi.Input<number>;
    description: string;
    /** Either a security group or an IPv4 CIDR. */
    referencedSecurityGroupId?: pulumi.Input<string>;
    cidrIpv4?: pulumi.Input<string>;
}

/** Egress every server needs: HTTPS (AWS APIs, pinned downloads, telemetry) and HTTP (Ubuntu's signed archive). */
export const INTERNET_EGRESS: EgressRule[] = [
    { suffix: "https", port: 443, description: "HTTPS: AWS APIs, pinned downloads, telemetry", cidrIpv4: "0.0.0.0/0" },
    { suffix: "http", port: 80, description: "HTTP: Ubuntu archive (signed packages)", cidrIpv4: "0.0.0.0/0" },
];

/** One `aws.vpc.SecurityGroupEgressRule` per rule, children of `parent`. */
export function egressRules(
    name: string,
    securityGroupId: pulumi.Input<string>,
    rules: EgressRule[],
    region: string,
    parent: pulumi.Resource,
): aws.vpc.SecurityGroupEgressRule[] {
    return rules.map(
        ({ suffix, port, description, ...to }) =>
            new aws.vpc.SecurityGroupEgressRule(
                `${name}-to-${suffix}`,
                { securityGroupId, ...to, ipProtocol: "tcp", fromPort: port, toPort: port, description, region },
                { parent },
            ),
    );
}

/**
 * IAM statements that let a server read exactly `secretArns` and decrypt them
 * with the data key, only through Secrets Manager.
 */
export function secretReadStatements(
    secretArns: pulumi.Input<string>[],
    dataKeyArn: pulumi.Input<string>,
    region: string,
): object[] {
    return [
        { Sid: "ReadOwnSecrets", Effect: "Allow", Action: "secretsmanager:GetSecretValue", Resource: secretArns },
        {
            Sid: "DecryptSecretsWithDataKey",
            Effect: "Allow",
            Action: "kms:Decrypt",
            Resource: dataKeyArn,
            Condition: { StringEquals: { "kms:ViaService": `secretsmanager.${region}.amazonaws.com` } },
        },
    ];
}

/** Status check and CPU alarms of one instance, to an SNS topic. */
export function instanceAlarms(
    name: string,
    instanceId: pulumi.Input<string>,
    topicArn: pulumi.Input<string>,
    region: string,
    parent: pulumi.Resource,
): aws.cloudwatch.MetricAlarm[] {
    const common = {
        namespace: "AWS/EC2",
        dimensions: { InstanceId: instanceId },
        alarmActions: [topicArn],
        okActions: [topicArn],
        region,
    };
    return [
        new aws.cloudwatch.MetricAlarm(
            `${name}-status-check`,
            {
                ...common,
                alarmDescription: `${name}: EC2 status check failed (instance or host unreachable)`,
                metricName: "StatusCheckFailed",
                statistic: "Maximum",
                period: 60,
                evaluationPeriods: 2,
                threshold: 1,
                comparisonOperator: "GreaterThanOrEqualToThreshold",
                // No data means the instance is stopped or gone: that is an outage too.
                treatMissingData: "breaching",
            },
            { parent },
        ),
        new aws.cloudwatch.MetricAlarm(
            `${name}-cpu`,
            {
                ...common,
                alarmDescription: `${name}: CPU above 85% for 15 minutes`,
                metricName: "CPUUtilization",
                statistic: "Average",
                period: 300,
                evaluationPeriods: 3,
                threshold: 85,
                comparisonOperator: "GreaterThanThreshold",
                treatMissingData: "missing",
            },
            { parent },
        ),
    ];
}
