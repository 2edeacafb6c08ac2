import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { renderTelemetry } from "../templates/telemetry";
import { renderWebSocketUserData, WEBSOCKET_LOG_FILES } from "../templates/websocket";
import { HardenedServers, HostTelemetryArgs, readyCommands, secretReadStatements, ssmGate } from "./server-support";

export interface WebSocketServerArgs {
    region: string;
    environment: string;
    vpcId: pulumi.Input<string>;
    /** The app subnet the server runs in. */
    subnetId: pulumi.Input<string>;
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
 * The dedicated Node.js WebSocket server: Node.js LTS from NodeSource's signed
 * repository under a hardened systemd unit, running the hospital's release
 * (from the environment's bucket, SHA-256 verified) or, until one is
 * configured, a built-in service whose /healthz answers "awaiting-release".
 * Its security group has no ingress: the composition lets the Nginx tier in.
 *
 * The release and the service's settings are in the user data, which
 * cloud-init applies on first boot: a change (a new release, new app server
 * addresses) replaces the server (`userDataReplaceOnChange`). The new server
 * is created first and must answer its health check (SSM gate) before its
 * address is published to the Nginx tier; the old one is deleted at the end
 * of the update, so /ws is never without a server.
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
        const region = args.region;
        this.port = args.port;
        const serverName = `${name}-1`;
        const servers = new HardenedServers(
            {
                region,
                vpcId: args.vpcId,
                role: "websocket",
                securityGroup: {
                    name: `${name}-sg`,
                    description: "WebSocket server: ingress from the Nginx tier only",
                    revokeRulesOnDelete: true,
                },
                egressPrefix: name,
                egress: [
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
                ],
                instanceRole: {
                    name: `${name}-role`,
                    statements: secretReadStatements([args.cache.authSecretArn], args.dataKeyArn, region),
                    managedPolicyArns: [
                        args.storage.accessPolicyArn,
                        ...(args.telemetry ? [args.telemetry.policyArn] : []),
                    ],
                },
                serverNames: [serverName],
                subnetIds: [args.subnetId],
                instanceType: args.instanceType,
                volumeGiB: args.volumeGiB,
                ubuntuRelease: args.ubuntuRelease,
                dataKeyArn: args.dataKeyArn,
                userData: () => userData(args),
                // A new release or configuration is a new server, created before the old one is
                // deleted: the Nginx tier reads the address from its SSM parameter, so nothing
                // holds a fixed address and /ws stays up during the roll.
                userDataReplaceOnChange: true,
                gate: (instance) =>
                    ssmGate(
                        `${serverName}-ready`,
                        {
                            region,
                            instanceIds: [instance.id],
                            commands: readyCommands(args.port),
                            triggers: [instance.id],
                        },
                        { parent: this, dependsOn: [instance] },
                    ),
                alarmTopicArn: args.alarmTopicArn,
            },
            this,
        );
        this.securityGroupId = servers.securityGroup.id;
        this.roleArn = servers.role.roleArn;
        this.instance = servers.instances[0];
        this.instanceId = this.instance.id;
        this.instanceArn = this.instance.arn;
        // Known once the service answers its health check (the Nginx tier's address waits for it).
        this.privateIp = pulumi.all([this.instance.privateIp, servers.gates[0].urn]).apply(([ip]) => ip);

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

/** The cloud-config document of the WebSocket server. */
function userData(args: WebSocketServerArgs): pulumi.Output<string> {
    const telemetry = args.telemetry
        ? pulumi
              .all([args.telemetry.remoteWriteUrl, args.telemetry.logsIngestEndpoint])
              .apply(([remoteWriteUrl, logsIngestEndpoint]) =>
                  renderTelemetry({
                      region: args.region,
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
    return pulumi.all([settings, telemetry]).apply(([s, tel]) =>
        renderWebSocketUserData({
            environment: args.environment,
            region: args.region,
            port: args.port,
            nodeMajor: args.nodeMajor,
            release: args.release,
            bucket: s.bucket,
            cache: { host: s.cacheHost, port: s.cachePort, authSecretArn: s.cacheSecret },
            wordpressUrls: s.wordpressIps.map((ip) => `http://${ip}:${args.wordpress.httpPort}`),
            telemetry: tel,
        }),
    );
}
