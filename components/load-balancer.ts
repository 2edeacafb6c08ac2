import * as aws from "@pulumi/aws";
import * as command from "@pulumi/command";
import * as cloudflare from "@pulumi/cloudflare";
import * as pulumi from "@pulumi/pulumi";
import * as tls from "@pulumi/tls";
import {
    NGINX_HEALTH_PATH,
    NGINX_PATHS,
    NGINX_TLS_HEALTH_PORT,
    renderNginxUserData,
    UPSTREAM_PATHS,
} from "../templates/nginx";
import { HardenedServers, HostTelemetryArgs, hostTelemetry, ssmGate } from "./server-support";

/**
 * Inbound (and, separately, outbound) rules per security group: AWS's default
 * quota, counted separately for IPv4 and IPv6 CIDRs. The NLB's group holds one
 * rule per Cloudflare range and nothing else (15 IPv4 + 7 IPv6 today), so
 * each family stays far below it; `pulumi preview` fails if Cloudflare ever
 * publishes more ranges than fit.
 */
export const SECURITY_GROUP_RULE_QUOTA = 60;

/** Validity of the Cloudflare Origin CA certificate, in days (one of 7, 30, 90, 365, 730, 1095, 5475). */
export const ORIGIN_CERTIFICATE_VALIDITY_DAYS = 5475;

export interface LoadBalancerArgs {
    region: string;
    /** Environment name (telemetry labels). */
    environment: string;
    /** The Cloudflare zone apex; the Origin CA certificate covers it and `*.<domain>`. */
    domain: string;
    vpcId: pulumi.Input<string>;
    /** The VPC CIDR: the only source the health endpoint answers. */
    vpcCidr: string;
    /** Public subnets of the NLB, one per AZ. */
    publicSubnetIds: pulumi.Input<string>[];
    /** Private subnets the Nginx servers are spread over (server i in subnet i mod n). */
    appSubnetIds: pulumi.Input<string>[];
    nginxCount: number;
    instanceType: string;
    volumeGiB: number;
    /** Ubuntu LTS release, e.g. "24.04". */
    ubuntuRelease: string;
    /** Largest request body Nginx accepts, in MiB. */
    maxUploadMiB: number;
    /** KMS key of the certificate secret and the root volumes. */
    dataKeyArn: pulumi.Input<string>;
    /**
     * The WordPress servers Nginx balances across. Their addresses go to an SSM
     * parameter the Nginx servers re-read (never into their user data).
     */
    app: { privateIps: pulumi.Input<pulumi.Input<string>[]>; port: number; securityGroupId: pulumi.Input<string> };
    /** The WebSocket server `/ws` is routed to, when the stack has one (its address: as the app servers'). */
    websocket?: { privateIp: pulumi.Input<string>; port: number; securityGroupId: pulumi.Input<string> };
    /** Deletion protection of the NLB. */
    protect: boolean;
    /** SNS topic for the tier's alarms (unhealthy targets, instance status checks). */
    alarmTopicArn?: pulumi.Input<string>;
    /** Host telemetry (Monitoring): remote-write and log ingestion endpoints and the policy that allows them. */
    telemetry?: HostTelemetryArgs;
}

/** An upstream whose addresses the Nginx servers read from an SSM parameter. */
interface UpstreamParameter {
    upstream: "wordpress" | "websocket";
    parameter: aws.ssm.Parameter;
    port: number;
}

/**
 * The public entry point: an internet-facing Network Load Balancer (TCP 443)
 * whose security group admits Cloudflare's published ranges only, in front of
 * Nginx servers in private subnets. Nginx terminates TLS with a Cloudflare
 * Origin CA certificate (key generated here, kept in Secrets Manager, fetched
 * at boot), requires the zone's Authenticated Origin Pulls client certificate
 * (CA and client certificate generated here; the Edge tier uploads the client
 * certificate to Cloudflare), restores the client IP from CF-Connecting-IP and
 * balances across the app servers, with `/ws` routed to the WebSocket server.
 *
 * The app and WebSocket servers' addresses are published in SSM parameters
 * that each Nginx server re-reads every minute (and that `pulumi up` pushes
 * right after a change, through the refresh gate): replacing an app server
 * changes a parameter, never an Nginx server.
 */
export class LoadBalancer extends pulumi.ComponentResource {
    public readonly nlbDnsName: pulumi.Output<string>;
    public readonly nlbArn: pulumi.Output<string>;
    public readonly nlbSecurityGroupId: pulumi.Output<string>;
    public readonly nginxSecurityGroupId: pulumi.Output<string>;
    /** Instance ids of the Nginx servers (the edge's smoke test re-runs when they change). */
    public readonly nginxInstanceIds: pulumi.Output<string>[];
    public readonly nginxInstanceArns: pulumi.Output<string>[];
    public readonly originCertificateSecretArn: pulumi.Output<string>;
    /** Client certificate Cloudflare presents to the origin (zone-level Authenticated Origin Pulls). */
    public readonly originPullCertificatePem: pulumi.Output<string>;
    /** Its private key (a Pulumi secret): for the upload to Cloudflare only. */
    public readonly originPullPrivateKeyPem: pulumi.Output<string>;
    /** Port Nginx serves the site on (the NLB's targets). */
    public readonly httpsPort = 443;
    /** TLS health port of Nginx (NLB health checks). */
    public readonly healthPort = NGINX_TLS_HEALTH_PORT;

    constructor(name: string, args: LoadBalancerArgs, opts?: pulumi.ComponentResourceOptions) {
        super("hms:loadBalancer:LoadBalancer", name, {}, opts);
        if (args.nginxCount < 1 || args.appSubnetIds.length === 0 || args.publicSubnetIds.length === 0) {
            throw new pulumi.RunError(`${name}: needs at least one Nginx server, one app subnet and one public subnet`);
        }
        const origin = this.originCertificate(name, args);
        this.originCertificateSecretArn = origin.secret.arn;
        const pull = this.originPull(name, args);
        this.originPullCertificatePem = pull.certificatePem;
        this.originPullPrivateKeyPem = pull.privateKeyPem;
        const ranges = cloudflare.getIpRangesOutput({}, { parent: this });
        const nlbSg = this.nlbSecurityGroup(name, args, ranges);
        const upstreams = this.upstreamParameters(name, args);
        const { nlb, targetGroup, listener } = this.networkLoadBalancer(name, args, nlbSg);
        const servers = this.nginxServers(name, args, {
            origin,
            pullCaPem: pull.caPem,
            ranges,
            upstreams,
            gate: (instance, _index, serverName) => {
                const attachment = new aws.lb.TargetGroupAttachment(
                    serverName,
                    {
                        targetGroupArn: targetGroup.arn,
                        targetId: instance.id,
                        port: this.httpsPort,
                        region: args.region,
                    },
                    { parent: this },
                );
                return targetInServiceGate(
                    `${serverName}-in-service`,
                    { region: args.region, targetGroupArn: targetGroup.arn, instanceId: instance.id, port: 443 },
                    { parent: this, dependsOn: [attachment, listener] },
                );
            },
        });
        this.nginxSecurityGroupId = servers.securityGroup.id;
        this.nlbEgressToNginx(name, args.region, nlbSg.id, servers.securityGroup.id);
        this.upstreamsRefreshGate(name, args.region, servers, upstreams);
        if (args.alarmTopicArn) {
            this.targetAlarms(name, args.region, args.alarmTopicArn, nlb, targetGroup);
        }
        this.nlbSecurityGroupId = nlbSg.id;
        this.nginxInstanceIds = servers.instances.map((x) => x.id);
        this.nginxInstanceArns = servers.instances.map((x) => x.arn);
        this.nlbDnsName = nlb.dnsName;
        this.nlbArn = nlb.arn;
        this.registerOutputs({
            nlbDnsName: this.nlbDnsName,
            nlbArn: this.nlbArn,
            nlbSecurityGroupId: this.nlbSecurityGroupId,
            nginxSecurityGroupId: this.nginxSecurityGroupId,
            nginxInstanceArns: this.nginxInstanceArns,
            originCertificateSecretArn: this.originCertificateSecretArn,
            originPullCertificatePem: this.originPullCertificatePem,
            originPullPrivateKeyPem: this.originPullPrivateKeyPem,
        });
    }

    /** The Origin CA certificate (Cloudflare → Nginx) and its key, in a secret under the data key. */
    private originCertificate(
        name: string,
        args: LoadBalancerArgs,
    ): { secret: aws.secretsmanager.Secret; version: aws.secretsmanager.SecretVersion } {
        const parent = { parent: this };
        const hostnames = [args.domain, `*.${args.domain}`];
        const originKey = new tls.PrivateKey(`${name}-origin-key`, { algorithm: "ECDSA", ecdsaCurve: "P256" }, parent);
        const originCsr = new tls.CertRequest(
            `${name}-origin-csr`,
            { privateKeyPem: originKey.privateKeyPem, subject: { commonName: args.domain }, dnsNames: hostnames },
            parent,
        );
        const originCert = new cloudflare.OriginCaCertificate(
            `${name}-origin-cert`,
            {
                csr: originCsr.certRequestPem,
                hostnames,
                requestType: "origin-ecc",
                // Cloudflare's default: the certificate is trusted by Cloudflare only, and an
                // expired origin certificate takes the whole site down (526 errors).
                requestedValidity: ORIGIN_CERTIFICATE_VALIDITY_DAYS,
            },
            parent,
        );
        const secret = new aws.secretsmanager.Secret(
            `${name}-origin-tls`,
            {
                description: `${name}: Cloudflare Origin CA certificate and private key of the Nginx servers`,
                kmsKeyId: args.dataKeyArn,
                recoveryWindowInDays: 7,
                region: args.region,
            },
            parent,
        );
        const version = new aws.secretsmanager.SecretVersion(
            `${name}-origin-tls`,
            {
                secretId: secret.id,
                secretString: pulumi.secret(
                    pulumi.jsonStringify({ certificate: originCert.certificate, privateKey: originKey.privateKeyPem }),
                ),
                region: args.region,
            },
            parent,
        );
        return { secret, version };
    }

    /** Authenticated Origin Pulls: a CA of our own and the client certificate Cloudflare presents. */
    private originPull(
        name: string,
        args: LoadBalancerArgs,
    ): { caPem: pulumi.Output<string>; certificatePem: pulumi.Output<string>; privateKeyPem: pulumi.Output<string> } {
        const parent = { parent: this };
        const pullCaKey = new tls.PrivateKey(`${name}-pull-ca-key`, { algorithm: "RSA", rsaBits: 2048 }, parent);
        const pullCa = new tls.SelfSignedCert(
            `${name}-pull-ca`,
            {
                privateKeyPem: pullCaKey.privateKeyPem,
                subject: { commonName: `${args.domain} origin pull CA`, organization: args.domain },
                isCaCertificate: true,
                maxPathLength: 0,
                validityPeriodHours: 10 * 365 * 24,
                earlyRenewalHours: 365 * 24,
                allowedUses: ["cert_signing", "crl_signing", "digital_signature"],
            },
            parent,
        );
        const pullKey = new tls.PrivateKey(`${name}-pull-client-key`, { algorithm: "RSA", rsaBits: 2048 }, parent);
        const pullCsr = new tls.CertRequest(
            `${name}-pull-client-csr`,
            {
                privateKeyPem: pullKey.privateKeyPem,
                subject: { commonName: `cloudflare-origin-pull.${args.domain}`, organization: args.domain },
            },
            parent,
        );
        const pullCert = new tls.LocallySignedCert(
            `${name}-pull-client`,
            {
                certRequestPem: pullCsr.certRequestPem,
                caPrivateKeyPem: pullCaKey.privateKeyPem,
                caCertPem: pullCa.certPem,
                // Renewed by the first `pulumi up` in its last 90 days; the CA (and so Nginx) stays.
                validityPeriodHours: 3 * 365 * 24,
                earlyRenewalHours: 90 * 24,
                allowedUses: ["digital_signature", "key_encipherment", "client_auth"],
            },
            parent,
        );
        return {
            caPem: pullCa.certPem,
            certificatePem: pullCert.certPem,
            privateKeyPem: pulumi.secret(pullKey.privateKeyPem),
        };
    }

    /**
     * The NLB's security group: Cloudflare's ranges in two managed prefix lists
     * (IPv4, IPv6) referenced by one ingress rule each. The rules exist whatever
     * the provider returns, none is created inside an `apply`, and a new
     * Cloudflare range is an in-place update of a list. A referenced list counts
     * as maxEntries rules against the group's quota
     * (https://docs.aws.amazon.com/vpc/latest/userguide/managed-prefix-lists.html).
     * The NLB is IPv4 today (the VPC has no IPv6), so the IPv6 rule takes effect once it is dual-stack.
     */
    private nlbSecurityGroup(
        name: string,
        args: LoadBalancerArgs,
        ranges: pulumi.Output<cloudflare.GetIpRangesResult>,
    ): aws.ec2.SecurityGroup {
        const parent = { parent: this };
        const region = args.region;
        const nlbSg = new aws.ec2.SecurityGroup(
            `${name}-nlb`,
            {
                vpcId: args.vpcId,
                // EC2 accepts a-zA-Z0-9. _-:/()#,@[]+=&;{}!$* only (no apostrophe) in group descriptions.
                description: "NLB: HTTPS from the Cloudflare published ranges only",
                region,
                tags: { Name: `${name}-nlb` },
            },
            parent,
        );
        for (const [family, suffix, cidrsOf] of [
            ["IPv4", "ipv4", (r: cloudflare.GetIpRangesResult) => r.ipv4Cidrs],
            ["IPv6", "ipv6", (r: cloudflare.GetIpRangesResult) => r.ipv6Cidrs],
        ] as const) {
            const cidrs = ranges.apply((r) => {
                const list = cidrsOf(r);
                if (list.length === 0 || list.length > SECURITY_GROUP_RULE_QUOTA) {
                    throw new pulumi.RunError(
                        `${name}: Cloudflare publishes ${list.length} ${family} ranges; a security group holds 1 to ${SECURITY_GROUP_RULE_QUOTA} ` +
                            `${family} rules (raise the "Inbound or outbound rules per security group" quota)`,
                    );
                }
                return list;
            });
            const prefixList = new aws.ec2.ManagedPrefixList(
                `${name}-cloudflare-${suffix}`,
                {
                    name: `${name}-cloudflare-${suffix}`,
                    addressFamily: family,
                    maxEntries: cidrs.apply((c) => c.length),
                    entries: cidrs.apply((c) => c.map((cidr) => ({ cidr, description: "Cloudflare published range" }))),
                    region,
                    tags: { Name: `${name}-cloudflare-${suffix}` },
                },
                parent,
            );
            new aws.vpc.SecurityGroupIngressRule(
                `${name}-nlb-cloudflare-${suffix}`,
                {
                    securityGroupId: nlbSg.id,
                    prefixListId: prefixList.id,
                    ipProtocol: "tcp",
                    fromPort: 443,
                    toPort: 443,
                    description: `HTTPS from Cloudflare ${family} ranges`,
                    region,
                },
                parent,
            );
        }
        return nlbSg;
    }

    /** The NLB forwards traffic and health checks to Nginx only (health checks obey its egress rules). */
    private nlbEgressToNginx(
        name: string,
        region: string,
        nlbSgId: pulumi.Input<string>,
        nginxSgId: pulumi.Input<string>,
    ): void {
        for (const [suffix, port, what] of [
            ["https", this.httpsPort, "HTTPS"],
            ["health", this.healthPort, "health checks"],
        ] as const) {
            new aws.vpc.SecurityGroupEgressRule(
                `${name}-nlb-to-nginx-${suffix}`,
                {
                    securityGroupId: nlbSgId,
                    referencedSecurityGroupId: nginxSgId,
                    ipProtocol: "tcp",
                    fromPort: port,
                    toPort: port,
                    description: `${what} to Nginx`,
                    region,
                },
                { parent: this },
            );
        }
    }

    /**
     * One SSM parameter per upstream with the servers' current private addresses
     * (comma-separated). Pulumi updates it in place when a server is replaced;
     * the addresses are known only once each server answers its health gate.
     * Not secret (`insecureValue`), so a preview shows the change.
     */
    private upstreamParameters(name: string, args: LoadBalancerArgs): UpstreamParameter[] {
        const parameter = (
            upstream: UpstreamParameter["upstream"],
            addresses: pulumi.Input<string>[] | pulumi.Input<pulumi.Input<string>[]>,
        ) =>
            new aws.ssm.Parameter(
                `${name}-upstream-${upstream}`,
                {
                    name: `/${name}/upstreams/${upstream}`,
                    description: `${name}: private addresses of the ${upstream} servers (read by the Nginx servers)`,
                    type: "StringList",
                    insecureValue: pulumi.output(addresses).apply((list) => list.join(",")),
                    region: args.region,
                },
                { parent: this },
            );
        return [
            { upstream: "wordpress", parameter: parameter("wordpress", args.app.privateIps), port: args.app.port },
            ...(args.websocket
                ? [
                      {
                          upstream: "websocket" as const,
                          parameter: parameter("websocket", [args.websocket.privateIp]),
                          port: args.websocket.port,
                      },
                  ]
                : []),
        ];
    }

    /** The NLB, its target group (HTTPS health check on Nginx's TLS health endpoint) and listener. */
    private networkLoadBalancer(
        name: string,
        args: LoadBalancerArgs,
        nlbSg: aws.ec2.SecurityGroup,
    ): { nlb: aws.lb.LoadBalancer; targetGroup: aws.lb.TargetGroup; listener: aws.lb.Listener } {
        const parent = { parent: this };
        const nlb = new aws.lb.LoadBalancer(
            `${name}-nlb`,
            {
                loadBalancerType: "network",
                internal: false,
                ipAddressType: "ipv4",
                subnets: args.publicSubnetIds,
                securityGroups: [nlbSg.id],
                enableCrossZoneLoadBalancing: true,
                enableDeletionProtection: args.protect,
                region: args.region,
                tags: { Name: `${name}-nlb` },
            },
            parent,
        );
        const targetGroup = new aws.lb.TargetGroup(
            `${name}-nginx`,
            {
                vpcId: args.vpcId,
                targetType: "instance",
                protocol: "TCP",
                port: this.httpsPort,
                // Instance targets keep the client (Cloudflare) address; Nginx trusts
                // CF-Connecting-IP from those addresses only.
                preserveClientIp: "true",
                deregistrationDelay: 60,
                // HTTPS on the TLS health endpoint (templates/nginx.ts): the check goes through
                // Nginx's TLS stack with the installed certificate and fails when no app server
                // answers. The NLB does not validate the certificate and cannot present a client
                // certificate; the target must offer TLS 1.2
                // (https://docs.aws.amazon.com/elasticloadbalancing/latest/network/target-group-health-checks.html).
                healthCheck: {
                    enabled: true,
                    protocol: "HTTPS",
                    port: String(this.healthPort),
                    path: NGINX_HEALTH_PATH,
                    matcher: "200",
                    interval: 10,
                    timeout: 5,
                    healthyThreshold: 3,
                    unhealthyThreshold: 2,
                },
                region: args.region,
                tags: { Name: `${name}-nginx` },
            },
            parent,
        );
        const listener = new aws.lb.Listener(
            `${name}-https`,
            {
                loadBalancerArn: nlb.arn,
                port: this.httpsPort,
                protocol: "TCP",
                defaultActions: [{ type: "forward", targetGroupArn: targetGroup.arn }],
                region: args.region,
            },
            parent,
        );
        return { nlb, targetGroup, listener };
    }

    /**
     * The Nginx servers (hardened-server block), each in service before the next
     * one is touched. A new server (new user data, size, release) is created next
     * to the old one, registered, and its gate waits until the NLB reports it
     * healthy; old servers are deleted at the end of the update, once every new
     * one is in service, so the tier never runs without a healthy target.
     */
    private nginxServers(
        name: string,
        args: LoadBalancerArgs,
        deps: {
            origin: { secret: aws.secretsmanager.Secret; version: aws.secretsmanager.SecretVersion };
            pullCaPem: pulumi.Output<string>;
            ranges: pulumi.Output<cloudflare.GetIpRangesResult>;
            upstreams: UpstreamParameter[];
            gate: (instance: aws.ec2.Instance, index: number, serverName: string) => pulumi.Resource;
        },
    ): HardenedServers {
        const region = args.region;
        const secret = deps.origin.secret;
        const telemetry = hostTelemetry(args.telemetry, {
            region,
            role: "nginx",
            environment: args.environment,
            logFiles: [NGINX_PATHS.accessLog, NGINX_PATHS.errorLog],
        });
        const settings = pulumi.all([
            deps.ranges.apply((r) => [...r.ipv4Cidrs, ...r.ipv6Cidrs]),
            secret.arn,
            deps.pullCaPem,
            telemetry,
            pulumi.all(deps.upstreams.map((u) => u.parameter.name)),
        ]);
        const source = (upstream: UpstreamParameter["upstream"], names: string[]) => {
            const i = deps.upstreams.findIndex((u) => u.upstream === upstream);
            return i < 0 ? undefined : { parameter: names[i], port: deps.upstreams[i].port };
        };
        return new HardenedServers(
            {
                region,
                vpcId: args.vpcId,
                role: "nginx",
                securityGroup: {
                    name: `${name}-nginx`,
                    description: "Nginx: HTTPS and health checks from the NLB only",
                },
                egressPrefix: `${name}-nginx`,
                egress: [
                    {
                        suffix: "app",
                        port: args.app.port,
                        description: "WordPress servers",
                        referencedSecurityGroupId: args.app.securityGroupId,
                    },
                    ...(args.websocket
                        ? [
                              {
                                  suffix: "websocket",
                                  port: args.websocket.port,
                                  description: "WebSocket server",
                                  referencedSecurityGroupId: args.websocket.securityGroupId,
                              },
                          ]
                        : []),
                ],
                instanceRole: {
                    name: `${name}-nginx`,
                    statements: nginxRoleStatements(region, secret.arn, args.dataKeyArn, deps.upstreams),
                    managedPolicyArns: args.telemetry ? [args.telemetry.policyArn] : [],
                },
                serverNames: Array.from({ length: args.nginxCount }, (_, i) => `${name}-nginx-${i + 1}`),
                subnetIds: args.appSubnetIds,
                instanceType: args.instanceType,
                volumeGiB: args.volumeGiB,
                ubuntuRelease: args.ubuntuRelease,
                dataKeyArn: args.dataKeyArn,
                userData: (index) =>
                    settings.apply(([cloudflareCidrs, secretArn, caPem, telemetrySnippet, names]) =>
                        renderNginxUserData({
                            region,
                            index,
                            domain: args.domain,
                            cloudflareCidrs,
                            vpcCidr: args.vpcCidr,
                            upstreams: {
                                wordpress: source("wordpress", names)!,
                                websocket: source("websocket", names),
                            },
                            maxUploadMiB: args.maxUploadMiB,
                            tlsHealthPort: this.healthPort,
                            certificateSecretArn: secretArn,
                            originPullCaPem: caPem,
                            telemetry: telemetrySnippet,
                        }),
                    ),
                // cloud-init runs once: a new configuration means a new server (rolled as above).
                userDataReplaceOnChange: true,
                // The certificate is in the secret and the addresses in their parameters before the first boot.
                dependsOn: [deps.origin.version, ...deps.upstreams.map((u) => u.parameter)],
                gate: deps.gate,
                alarmTopicArn: args.alarmTopicArn,
                statusAlarmAliases: (i) => `${name}-nginx-${i + 1}-status`,
            },
            this,
        );
    }

    /**
     * After an upstream parameter changes (an app or WebSocket server replaced),
     * `pulumi up` makes every Nginx server re-read it at once and waits for
     * success, so the replaced server (deleted at the end of the update) no
     * longer receives traffic. The one-minute timer is the fallback.
     */
    private upstreamsRefreshGate(
        name: string,
        region: string,
        servers: HardenedServers,
        upstreams: UpstreamParameter[],
    ): void {
        ssmGate(
            `${name}-upstreams-refresh`,
            {
                region,
                instanceIds: servers.instances.map((x) => x.id),
                commands: [UPSTREAM_PATHS.script],
                triggers: upstreams.map((u) => u.parameter.insecureValue),
            },
            { parent: this, dependsOn: [...servers.gates, ...upstreams.map((u) => u.parameter)] },
        );
    }

    /** Alarms on the target group: a server failing the health check, and none healthy. */
    private targetAlarms(
        name: string,
        region: string,
        topicArn: pulumi.Input<string>,
        nlb: aws.lb.LoadBalancer,
        targetGroup: aws.lb.TargetGroup,
    ): void {
        const actions = [topicArn];
        const dimensions = { LoadBalancer: nlb.arnSuffix, TargetGroup: targetGroup.arnSuffix };
        const common = { namespace: "AWS/NetworkELB", dimensions, alarmActions: actions, okActions: actions, region };
        new aws.cloudwatch.MetricAlarm(
            `${name}-unhealthy-nginx`,
            {
                ...common,
                alarmDescription: `${name}: at least one Nginx server fails the NLB health check`,
                metricName: "UnHealthyHostCount",
                statistic: "Maximum",
                period: 60,
                evaluationPeriods: 3,
                threshold: 0,
                comparisonOperator: "GreaterThanThreshold",
                treatMissingData: "notBreaching",
            },
            { parent: this },
        );
        new aws.cloudwatch.MetricAlarm(
            `${name}-no-healthy-nginx`,
            {
                ...common,
                alarmDescription: `${name}: no healthy Nginx server behind the NLB (the site is down)`,
                metricName: "HealthyHostCount",
                statistic: "Minimum",
                period: 60,
                evaluationPeriods: 2,
                threshold: 1,
                comparisonOperator: "LessThanThreshold",
                treatMissingData: "breaching",
            },
            { parent: this },
        );
    }
}

/**
 * What the Nginx servers may do: read their certificate secret (decrypting
 * through Secrets Manager only) and the upstream parameters.
 */
function nginxRoleStatements(
    region: string,
    secretArn: pulumi.Output<string>,
    dataKeyArn: pulumi.Input<string>,
    upstreams: UpstreamParameter[],
): object[] {
    return [
        { Sid: "ReadOriginCertificate", Effect: "Allow", Action: "secretsmanager:GetSecretValue", Resource: secretArn },
        {
            Sid: "DecryptOriginCertificate",
            Effect: "Allow",
            Action: "kms:Decrypt",
            Resource: dataKeyArn,
            Condition: {
                StringEquals: {
                    "kms:ViaService": `secretsmanager.${region}.amazonaws.com`,
                    "kms:EncryptionContext:SecretARN": secretArn,
                },
            },
        },
        {
            Sid: "ReadUpstreamAddresses",
            Effect: "Allow",
            Action: "ssm:GetParameter",
            Resource: upstreams.map((u) => u.parameter.arn),
        },
    ];
}

/** Seconds the in-service gate waits at most: the AWS CLI waiter polls every 15 s, 40 times. */
export const TARGET_IN_SERVICE_WAIT_SECONDS = 15 * 40;

/**
 * A deployment gate: on `pulumi up`, after a server is registered with a
 * target group, waits until the load balancer reports it healthy (AWS CLI
 * `aws elbv2 wait target-in-service`, which polls DescribeTargetHealth every
 * 15 seconds up to 40 times and fails otherwise:
 * https://docs.aws.amazon.com/cli/latest/reference/elbv2/wait/target-in-service.html).
 * Runs again whenever the instance is replaced (its id is the trigger); a
 * failure stops the update before anything that depends on the gate (the next
 * server) is touched. Needs the AWS CLI v2 on the machine that runs Pulumi.
 */
export function targetInServiceGate(
    name: string,
    args: { region: string; targetGroupArn: pulumi.Input<string>; instanceId: pulumi.Input<string>; port: number },
    opts: pulumi.CustomResourceOptions,
): command.local.Command {
    return new command.local.Command(
        name,
        {
            create: pulumi.interpolate`aws elbv2 wait target-in-service --region '${args.region}' --target-group-arn '${args.targetGroupArn}' --targets 'Id=${args.instanceId},Port=${args.port}'`,
            interpreter: ["/bin/bash", "-c"],
            triggers: [args.instanceId],
            addPreviousOutputInEnv: false,
        },
        opts,
    );
}
