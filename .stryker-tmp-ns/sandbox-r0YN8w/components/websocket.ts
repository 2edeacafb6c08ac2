// @ts-nocheck
import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { userDataBase64 } from "../templates/gzip";
import { renderTelemetry } from "../templates/telemetry";
import { renderWebSocketUserData, WEBSOCKET_LOG_FILES } from "../templates/websocket";
import { encryptedRoot, IMDS_V2_ONLY, InstanceRole, ubuntuAmi } from "./ec2";
import {
    EgressRule,
    egressRules,
    HostTelemetryArgs,
    instanceAlarms,
    INTERNET_EGRESS,
    secretReadStatements,
} from "./server-support";

export interface WebSocketServerArgs {
    region: string;
    environment: string;
    vpcId: pulumi.Input<string>;
    /** The app subnet the server runs in. */
    subnetId: pulumi.Input<string>;
    /**
     * A fixed private address in that subnet (see `fixedHostAddress`), so that
     * replacing the server does not change the Nginx tier's upstream.
     */
    privateIp?: string;
    instanceType: string;
    /** gp3 root volume, encrypted with the data key. */
    volumeGiB: number;
    ubuntuRelease: string;
    /** Node.js LTS major version (NodeSource apt repository). */
    nodeMajor: number;
    /** Port the service listens on (reachable from the Nginx tier only). */
    port: number;
    /** The release archive in the environment's bucket and its SHA-256; absent until the first release. */
    release?: { key: string; sha256: string };
    dataKeyArn: pulumi.Input<string>;
    cache: {
        endpoint: pulumi.Input<string>;
        port: pulumi.Input<number>;
        authSecretArn: pulumi.Input<string>;
        securityGroupId: pulumi.Input<string>;
    };
    /** The WordPress servers the service calls. */
    wordpress: { privateIps: pulumi.Input<string>[]; httpPort: number; securityGroupId: pulumi.Input<string> };
    storage: { bucketName: pulumi.Input<string>; accessPolicyArn: pulumi.Input<string> };
    telemetry?: HostTelemetryArgs;
    /** When set, status check and CPU alarms. */
    alarmTopicArn?: pulumi.Input<string>;
}

/**
 * An address near the end of an IPv4 subnet (the 10th from the broadcast
 * address), away from the low addresses EC2 tends to hand out first.
 */
export function fixedHostAddress(cidr: string, fromEnd = 10): string {
    const [ip, prefix] = cidr.split("/");
    const base = ip.split(".").reduce((a, o) => a * 256 + Number(o), 0);
    const size = 2 ** (32 - Number(prefix));
    if (size < 32) {
        throw new Error(`subnet ${cidr} is too small for a fixed address`);
    }
    const addr = base + size - 1 - fromEnd;
    return [24, 16, 8, 0].map((shift) => Math.floor(addr / 2 ** shift) % 256).join(".");
}

/**
 * The dedicated Node.js WebSocket server: Node.js LTS from NodeSource's signed
 * repository under a hardened systemd unit, running the hospital's release
 * (from the environment's bucket, SHA-256 verified) or, until one is
 * configured, a built-in service whose /healthz answers "awaiting-release".
 * Its security group has no ingress: the composition lets the Nginx tier in.
 *
 * The release and the service's settings are in the user data, which
 * cloud-init applies on first boot: a change (a new release, new app server
 * addresses) replaces the server (`userDataReplaceOnChange`), deleting the old
 * one first so the new one can take the same fixed address.
 */
export class WebSocketServer extends pulumi.ComponentResource {
    public readonly instance: aws.ec2.Instance;
    public readonly instanceId: pulumi.Output<string>;
    public readonly instanceArn: pulumi.Output<string>;
    public readonly privateIp: pulumi.Output<string>;
    public readonly port: number;
    public readonly securityGroupId: pulumi.Output<string>;
    public readonly roleArn: pulumi.Output<string>;

    constructor(name: string, args: WebSocketServerArgs, opts?: pulumi.ComponentResourceOptions) {
        super("hms:websocket:WebSocketServer", name, {}, opts);
        const parent = { parent: this };
        const region = args.region;
        this.port = args.port;

        const sg = new aws.ec2.SecurityGroup(
            `${name}-sg`,
            {
                vpcId: args.vpcId,
                description: "WebSocket server: ingress from the Nginx tier only",
                revokeRulesOnDelete: true,
                region,
                tags: { Name: `${name}-sg` },
            },
            parent,
        );
        this.securityGroupId = sg.id;
        const egress: EgressRule[] = [
            ...INTERNET_EGRESS,
            {
                suffix: "wordpress",
                port: args.wordpress.httpPort,
                description: "WordPress app servers",
                referencedSecurityGroupId: args.wordpress.securityGroupId,
            },
            {
                suffix: "cache",
                port: args.cache.port,
                description: "ElastiCache (TLS)",
                referencedSecurityGroupId: args.cache.securityGroupId,
            },
        ];
        egressRules(name, sg.id, egress, region, this);

        const role = new InstanceRole(
            `${name}-role`,
            {
                statements: secretReadStatements([args.cache.authSecretArn], args.dataKeyArn, region),
                managedPolicyArns: [
                    args.storage.accessPolicyArn,
                    ...(args.telemetry ? [args.telemetry.policyArn] : []),
                ],
            },
            parent,
        );
        this.roleArn = role.roleArn;

        const telemetry = args.telemetry
            ? pulumi
                  .all([args.telemetry.remoteWriteUrl, args.telemetry.logsIngestEndpoint])
                  .apply(([remoteWriteUrl, logsIngestEndpoint]) =>
                      renderTelemetry({
                          region,
                          remoteWriteUrl,
                          logsIngestEndpoint,
                          role: "websocket",
                          environment: args.environment,
                          logFiles: WEBSOCKET_LOG_FILES,
                      }),
                  )
            : undefined;
        const settings = pulumi.output({
            cacheHost: args.cache.endpoint,
            cachePort: args.cache.port,
            cacheSecret: args.cache.authSecretArn,
            bucket: args.storage.bucketName,
            wordpressIps: pulumi.all(args.wordpress.privateIps),
        });
        const userData = pulumi.all([settings, telemetry]).apply(([s, tel]) =>
            userDataBase64(
                renderWebSocketUserData({
                    environment: args.environment,
                    region,
                    port: args.port,
                    nodeMajor: args.nodeMajor,
                    release: args.release,
                    bucket: s.bucket,
                    cache: { host: s.cacheHost, port: s.cachePort, authSecretArn: s.cacheSecret },
                    wordpressUrls: s.wordpressIps.map((ip) => `http://${ip}:${args.wordpress.httpPort}`),
                    telemetry: tel,
                }),
                name,
            ),
        );

        const serverName = `${name}-1`;
        this.instance = new aws.ec2.Instance(
            serverName,
            {
                ami: ubuntuAmi(args.ubuntuRelease, args.instanceType, region, parent),
                instanceType: args.instanceType,
                subnetId: args.subnetId,
                privateIp: args.privateIp,
                vpcSecurityGroupIds: [sg.id],
                associatePublicIpAddress: false,
                iamInstanceProfile: role.profileName,
                metadataOptions: IMDS_V2_ONLY,
                rootBlockDevice: encryptedRoot(args.volumeGiB, args.dataKeyArn),
                monitoring: true,
                ebsOptimized: true,
                maintenanceOptions: { autoRecovery: "default" },
                userDataBase64: userData,
                userDataReplaceOnChange: true,
                region,
                tags: { Name: serverName, Role: "websocket", OperatingSystem: `Ubuntu ${args.ubuntuRelease} LTS` },
                volumeTags: { Name: serverName, Role: "websocket" },
            },
            // Replaced on a user data change, old one first (it holds the fixed address).
            // New Canonical AMIs do not replace it; unattended-upgrades patches it.
            {
                parent: this,
                deleteBeforeReplace: args.privateIp !== undefined,
                ignoreChanges: ["ami"],
                dependsOn: role.grants,
            },
        );
        if (args.alarmTopicArn) {
            instanceAlarms(serverName, this.instance.id, args.alarmTopicArn, region, this);
        }
        this.instanceId = this.instance.id;
        this.instanceArn = this.instance.arn;
        this.privateIp = this.instance.privateIp;

        this.registerOutputs({
            instanceId: this.instanceId,
            instanceArn: this.instanceArn,
            privateIp: this.privateIp,
            port: this.port,
            securityGroupId: this.securityGroupId,
            roleArn: this.roleArn,
        });
    }
}
