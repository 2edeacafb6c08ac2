// The hardened-server building block the three server tiers (WordPress,
// WebSocket, Nginx) share: security group and egress, instance role and
// profile, Canonical's Ubuntu AMI (new images ignored), IMDSv2 only, encrypted
// gp3 root, gzipped user data, alarms, and replacements chained behind a
// health gate. Not a component of its own: its resources are children of the
// tier's component, so their URNs are the ones existing stacks already hold.

import * as aws from "@pulumi/aws";
import * as command from "@pulumi/command";
import * as pulumi from "@pulumi/pulumi";
import { userDataBase64 } from "../templates/gzip";
import { renderSsmGateScript, SsmGateEnvironment } from "../templates/host";
import { renderTelemetry, TelemetryArgs, TelemetrySnippet } from "../templates/telemetry";
import { encryptedRoot, IMDS_V2_ONLY, InstanceRole, InstanceRoleArgs, ubuntuAmi } from "./ec2";

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

/**
 * A host's telemetry agent configuration (templates/telemetry.ts) once Monitoring's endpoints are
 * known; undefined for a tier without telemetry.
 */
export function hostTelemetry(
    telemetry: HostTelemetryArgs | undefined,
    host: Omit<TelemetryArgs, "remoteWriteUrl" | "logsIngestEndpoint">,
): pulumi.Output<TelemetrySnippet | undefined> {
    if (!telemetry) {
        return pulumi.output(undefined);
    }
    return pulumi
        .all([telemetry.remoteWriteUrl, telemetry.logsIngestEndpoint])
        .apply(([remoteWriteUrl, logsIngestEndpoint]) =>
            renderTelemetry({ ...host, remoteWriteUrl, logsIngestEndpoint }),
        );
}

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
    /** An earlier name of the status check alarm (so a renamed alarm is not replaced). */
    statusAlias?: string,
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
            { parent, aliases: statusAlias ? [{ name: statusAlias }] : undefined },
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

export interface HardenedServersArgs {
    region: string;
    vpcId: pulumi.Input<string>;
    /** The tier, as the instances' `Role` tag: wordpress, websocket, nginx. */
    role: string;
    /** The servers' security group: its resource name and description (no ingress here). */
    securityGroup: { name: string; description: string; revokeRulesOnDelete?: boolean };
    /** Egress beyond INTERNET_EGRESS; rules are named `<egressPrefix>-to-<suffix>`. */
    egressPrefix: string;
    egress: EgressRule[];
    /** The instance role: its name and what the tier needs beyond Session Manager. */
    instanceRole: { name: string } & InstanceRoleArgs;
    /** One name per server (`<tier>-1`, ...); server i runs in subnet i mod n. */
    serverNames: string[];
    subnetIds: pulumi.Input<string>[];
    instanceType: string;
    volumeGiB: number;
    ubuntuRelease: string;
    /** KMS key of the root volumes. */
    dataKeyArn: pulumi.Input<string>;
    /** The cloud-config document of server i (gzipped and base64-encoded here). */
    userData: (index: number) => pulumi.Output<string>;
    /**
     * true: a new document replaces the server (cloud-init runs once); false: Pulumi
     * updates it in place (a stop and start), and a replacement is an operator's choice.
     */
    userDataReplaceOnChange: boolean;
    /** Resources the first boot needs (secrets, for example), beyond the role's grants. */
    dependsOn?: pulumi.Resource[];
    /**
     * The health gate of a server: resolves once it is in service. The next server
     * waits for it, so replacements (create before delete) happen one at a time.
     */
    gate: (instance: aws.ec2.Instance, index: number, serverName: string) => pulumi.Resource;
    /** When set, status check and CPU alarms per server. */
    alarmTopicArn?: pulumi.Input<string>;
    /** Earlier names of the status check alarms, by server index (kept by alias). */
    statusAlarmAliases?: (index: number) => string;
}

/**
 * A tier's hardened servers: security group with narrow egress, instance role,
 * and the instances, each behind its health gate. Resources are children of
 * `parent` (the tier's component).
 */
export class HardenedServers {
    public readonly securityGroup: aws.ec2.SecurityGroup;
    public readonly role: InstanceRole;
    public readonly instances: aws.ec2.Instance[] = [];
    /** One health gate per server, in order. */
    public readonly gates: pulumi.Resource[] = [];

    constructor(args: HardenedServersArgs, parent: pulumi.ComponentResource) {
        const region = args.region;
        if (args.serverNames.length < 1 || args.subnetIds.length === 0) {
            throw new pulumi.RunError(`${args.securityGroup.name}: needs at least one server and one subnet`);
        }
        this.securityGroup = new aws.ec2.SecurityGroup(
            args.securityGroup.name,
            {
                vpcId: args.vpcId,
                description: args.securityGroup.description,
                revokeRulesOnDelete: args.securityGroup.revokeRulesOnDelete,
                region,
                tags: { Name: args.securityGroup.name },
            },
            { parent },
        );
        egressRules(args.egressPrefix, this.securityGroup.id, [...args.egress, ...INTERNET_EGRESS], region, parent);
        const { name: roleName, ...roleArgs } = args.instanceRole;
        this.role = new InstanceRole(roleName, roleArgs, { parent });
        const ami = ubuntuAmi(args.ubuntuRelease, args.instanceType, region, { parent });
        args.serverNames.forEach((serverName, i) => {
            const instance = this.server(args, ami, serverName, i, parent);
            this.instances.push(instance);
            this.gates.push(args.gate(instance, i, serverName));
            if (args.alarmTopicArn) {
                instanceAlarms(
                    serverName,
                    instance.id,
                    args.alarmTopicArn,
                    region,
                    parent,
                    args.statusAlarmAliases?.(i),
                );
            }
        });
    }

    private server(
        args: HardenedServersArgs,
        ami: pulumi.Output<string>,
        serverName: string,
        i: number,
        parent: pulumi.ComponentResource,
    ): aws.ec2.Instance {
        const previousGate = this.gates[i - 1];
        return new aws.ec2.Instance(
            serverName,
            {
                ami,
                instanceType: args.instanceType,
                subnetId: args.subnetIds[i % args.subnetIds.length],
                vpcSecurityGroupIds: [this.securityGroup.id],
                associatePublicIpAddress: false,
                iamInstanceProfile: this.role.profileName,
                metadataOptions: IMDS_V2_ONLY,
                rootBlockDevice: encryptedRoot(args.volumeGiB, args.dataKeyArn),
                monitoring: true,
                ebsOptimized: true,
                maintenanceOptions: { autoRecovery: "default" },
                // Gzipped (cloud-init unpacks it): some documents are larger than EC2's 16 KB.
                userDataBase64: args.userData(i).apply((doc) => userDataBase64(doc, serverName)),
                userDataReplaceOnChange: args.userDataReplaceOnChange,
                region: args.region,
                tags: { Name: serverName, Role: args.role, OperatingSystem: `Ubuntu ${args.ubuntuRelease} LTS` },
                volumeTags: { Name: serverName, Role: args.role },
            },
            {
                parent,
                // The role may do what the first boot needs; the previous server is in service
                // before this one is touched (a replacement is created before the old one goes).
                dependsOn: [...(args.dependsOn ?? []), ...this.role.grants, ...(previousGate ? [previousGate] : [])],
                // A new Canonical image is not a reason to replace a server (unattended-upgrades
                // patches it); a replacement for another reason takes the newest image.
                ignoreChanges: ["ami"],
            },
        );
    }
}

/** Seconds an SSM gate waits at most before it fails the update. */
export const SSM_GATE_DEADLINE_SECONDS = 30 * 60;

export interface SsmGateArgs {
    region: string;
    instanceIds: pulumi.Input<string>[];
    /** Shell lines run on each instance (AWS-RunShellScript); all must exit 0. */
    commands: string[];
    /** The gate runs again when any of these change (for example the instance id). */
    triggers: pulumi.Input<unknown>[];
}

/**
 * A deployment gate on the deploying machine: runs `commands` on the instances
 * through SSM Run Command and waits until they succeed on all of them
 * (templates/host.ts renderSsmGateScript). Needs the AWS CLI v2 and
 * ssm:SendCommand / ssm:GetCommandInvocation for the deploy role.
 */
export function ssmGate(name: string, args: SsmGateArgs, opts: pulumi.CustomResourceOptions): command.local.Command {
    const environment: { [K in keyof SsmGateEnvironment]: pulumi.Input<string> } = {
        HMS_REGION: args.region,
        HMS_INSTANCE_IDS: pulumi.all(args.instanceIds).apply((ids) => ids.join(" ")),
        HMS_COMMANDS: JSON.stringify(args.commands),
        HMS_DEADLINE_SECONDS: String(SSM_GATE_DEADLINE_SECONDS),
    };
    return new command.local.Command(
        name,
        {
            create: renderSsmGateScript(),
            interpreter: ["/bin/bash", "-c"],
            environment: { ...environment },
            triggers: args.triggers,
            addPreviousOutputInEnv: false,
        },
        opts,
    );
}

/**
 * What a server's health gate runs on it: wait for cloud-init to finish (its
 * exit status is not the judge: a warning makes it non-zero), then the
 * server's own health check on loopback must answer 200.
 */
export function readyCommands(port: number): string[] {
    return [
        "cloud-init status --wait > /dev/null 2>&1 || true",
        `curl -fsS -o /dev/null --max-time 10 http://127.0.0.1:${port}/healthz`,
    ];
}
