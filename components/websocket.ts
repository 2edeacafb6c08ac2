import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { renderWebSocketUserData, WEBSOCKET_LOG_FILES, WS_WORDPRESS_PATHS } from "../templates/websocket";
import {
    HardenedServers,
    HostTelemetryArgs,
    hostTelemetry,
    readyCommands,
    secretReadStatements,
    ssmGate,
} from "./server-support";

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
 * cloud-init applies on first boot: a change (a new release) replaces the
 * server (`userDataReplaceOnChange`). The app servers' addresses are not in
 * the user data: the component keeps them in an SSM parameter (its own, so
 * it exists before the server's readiness gate, whatever the creation order
 * of the tiers) that the server re-reads at boot and every minute, and
 * `pulumi up` makes it re-read after a change (refresh gate) before the old
 * app server is deleted; an app server's replacement leaves it in place. The new server
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
    /** The SSM parameter with the WordPress servers' private addresses (read by the server). */
    public readonly wordpressAddresses: aws.ssm.Parameter;

    constructor(name: string, args: WebSocketServerArgs, opts?: pulumi.ComponentResourceOptions) {
        super("hms:websocket:WebSocketServer", name, {}, opts);
        const region = args.region;
        this.port = args.port;
        const serverName = `${name}-1`;
        const addresses = this.wordpressAddressesParameter(name, args);
        this.wordpressAddresses = addresses;
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
                    statements: [
                        ...secretReadStatements([args.cache.authSecretArn], args.dataKeyArn, region),
                        {
                            Sid: "ReadWordPressAddresses",
                            Effect: "Allow",
                            Action: "ssm:GetParameter",
                            Resource: addresses.arn,
                        },
                    ],
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
                userData: () => userData(args, addresses.name),
                // A new release or configuration is a new server, created before the old one is
                // deleted: the Nginx tier reads the address from its SSM parameter, so nothing
                // holds a fixed address and /ws stays up during the roll.
                userDataReplaceOnChange: true,
                // The addresses are there before the first boot reads them.
                dependsOn: [addresses],
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
        // After the addresses change (an app server replaced), the server re-reads them now,
        // before the old app server is deleted at the end of the update; the timer is the fallback.
        ssmGate(
            `${name}-wordpress-refresh`,
            {
                region,
                instanceIds: [this.instance.id],
                commands: [WS_WORDPRESS_PATHS.script],
                triggers: [addresses.insecureValue],
            },
            { parent: this, dependsOn: [servers.gates[0], addresses] },
        );

        this.registerOutputs({
            instanceId: this.instanceId,
            instanceArn: this.instanceArn,
            privateIp: this.privateIp,
            port: this.port,
            securityGroupId: this.securityGroupId,
            roleArn: this.roleArn,
        });
    }

    /**
     * The WordPress servers' private addresses (comma-separated), updated in
     * place when an app server is replaced. Not secret (`insecureValue`), so a
     * preview shows the change.
     */
    private wordpressAddressesParameter(name: string, args: WebSocketServerArgs): aws.ssm.Parameter {
        return new aws.ssm.Parameter(
            `${name}-wordpress-addresses`,
            {
                name: `/${name}/wordpress-addresses`,
                description: `${name}: private addresses of the WordPress servers (read by the WebSocket server)`,
                type: "StringList",
                insecureValue: pulumi.all(args.wordpress.privateIps).apply((ips) => ips.join(",")),
                region: args.region,
            },
            { parent: this },
        );
    }
}

/** The cloud-config document of the WebSocket server. */
function userData(args: WebSocketServerArgs, addressesParameter: pulumi.Output<string>): pulumi.Output<string> {
    const telemetry = hostTelemetry(args.telemetry, {
        region: args.region,
        role: "websocket",
        environment: args.environment,
        logFiles: WEBSOCKET_LOG_FILES,
    });
    const settings = pulumi.output({
        cacheHost: args.cache.endpoint,
        cachePort: args.cache.port,
        cacheSecret: args.cache.authSecretArn,
        bucket: args.storage.bucketName,
        wordpressParameter: addressesParameter,
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
            wordpressAddresses: { parameter: s.wordpressParameter, port: args.wordpress.httpPort },
            telemetry: tel,
        }),
    );
}
