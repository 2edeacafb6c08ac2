// @ts-nocheck
// 
import * as aws from "@pulumi/aws";
import * as command from "@pulumi/command";
import * as cloudflare from "@pulumi/cloudflare";
import * as pulumi from "@pulumi/pulumi";
import * as tls from "@pulumi/tls";
import { userDataBase64 } from "../templates/gzip";
import { renderNginxUserData, NGINX_HEALTH_PATH, NGINX_HEALTH_PORT, NGINX_PATHS } from "../templates/nginx";
import { renderTelemetry } from "../templates/telemetry";
import { encryptedRoot, IMDS_V2_ONLY, InstanceRole, ubuntuAmi } from "./ec2";

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
    /** The VPC CIDR: the only source the plain health endpoint answers. */
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
    /** The WordPress servers Nginx balances across. */
    app: { privateIps: pulumi.Input<pulumi.Input<string>[]>; port: number; securityGroupId: pulumi.Input<string> };
    /** The WebSocket server `/ws` is routed to, when the stack has one. */
    websocket?: { privateIp: pulumi.Input<string>; port: number; securityGroupId: pulumi.Input<string> };
    /** Deletion protection of the NLB. */
    protect: boolean;
    /** SNS topic for the tier's alarms (unhealthy targets, instance status checks). */
    alarmTopicArn?: pulumi.Input<string>;
    /** Host telemetry (Monitoring): remote-write and log ingestion endpoints and the policy that allows them. */
    telemetry?: {
        remoteWriteUrl: pulumi.Input<string>;
        logsIngestEndpoint: pulumi.Input<string>;
        policyArn: pulumi.Input<string>;
    };
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
    /** Plain-HTTP health port of Nginx (NLB health checks). */
    public readonly healthPort = NGINX_HEALTH_PORT;

    constructor(name: string, args: LoadBalancerArgs, opts?: pulumi.ComponentResourceOptions) {
        super("hms:loadBalancer:LoadBalancer", name, {}, opts);
        const parent = { parent: this };
        const region = args.region;
        if (args.nginxCount < 1 || args.appSubnetIds.length === 0 || args.publicSubnetIds.length === 0) {
            throw new pulumi.RunError(`${name}: needs at least one Nginx server, one app subnet and one public subnet`);
        }

        // --- Origin CA certificate (Cloudflare → Nginx) --------------------------------
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
                region,
            },
            parent,
        );
        const secretVersion = new aws.secretsmanager.SecretVersion(
            `${name}-origin-tls`,
            {
                secretId: secret.id,
                secretString: pulumi.secret(
                    pulumi.jsonStringify({ certificate: originCert.certificate, privateKey: originKey.privateKeyPem }),
                ),
                region,
            },
            parent,
        );
        this.originCertificateSecretArn = secret.arn;

        // --- Authenticated Origin Pulls: a CA of our own and Cloudflare's client certificate ---
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
        this.originPullCertificatePem = pullCert.certPem;
        this.originPullPrivateKeyPem = pulumi.secret(pullKey.privateKeyPem);

        // --- security groups ------------------------------------------------------------
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
        const nginxSg = new aws.ec2.SecurityGroup(
            `${name}-nginx`,
            {
                vpcId: args.vpcId,
                description: "Nginx: HTTPS and health checks from the NLB only",
                region,
                tags: { Name: `${name}-nginx` },
            },
            parent,
        );
        this.nlbSecurityGroupId = nlbSg.id;
        this.nginxSecurityGroupId = nginxSg.id;

        // Cloudflare's ranges go into two managed prefix lists (IPv4, IPv6) referenced by
        // one ingress rule each: the rules exist whatever the provider returns, none is
        // created inside an `apply`, and a new Cloudflare range is an in-place update of
        // a list. A referenced list counts as maxEntries rules against the group's quota
        // (https://docs.aws.amazon.com/vpc/latest/userguide/managed-prefix-lists.html).
        // The NLB is IPv4 today (the VPC has no IPv6), so the IPv6 rule takes effect once it is dual-stack.
        const ranges = cloudflare.getIpRangesOutput({}, parent);
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

        // The NLB forwards traffic and health checks to Nginx only (health checks obey its egress rules).
        for (const [suffix, port, what] of [
            ["https", 443, "HTTPS"],
            ["health", this.healthPort, "health checks"],
        ] as const) {
            new aws.vpc.SecurityGroupEgressRule(
                `${name}-nlb-to-nginx-${suffix}`,
                {
                    securityGroupId: nlbSg.id,
                    referencedSecurityGroupId: nginxSg.id,
                    ipProtocol: "tcp",
                    fromPort: port,
                    toPort: port,
                    description: `${what} to Nginx`,
                    region,
                },
                parent,
            );
        }
        // Nginx calls the app servers, the WebSocket server, and HTTPS (Secrets Manager
        // endpoint, AWS CLI snap, telemetry) / HTTP (Ubuntu archive, signed packages).
        interface Egress {
            suffix: string;
            port: number;
            description: string;
            referencedSecurityGroupId?: pulumi.Input<string>;
            cidrIpv4?: string;
        }
        const egress: Egress[] = [
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
            { suffix: "https", port: 443, description: "HTTPS (AWS APIs, packages, telemetry)", cidrIpv4: "0.0.0.0/0" },
            { suffix: "http", port: 80, description: "HTTP (Ubuntu archive, signed packages)", cidrIpv4: "0.0.0.0/0" },
        ];
        for (const { suffix, port, description, ...to } of egress) {
            new aws.vpc.SecurityGroupEgressRule(
                `${name}-nginx-to-${suffix}`,
                {
                    securityGroupId: nginxSg.id,
                    ...to,
                    ipProtocol: "tcp",
                    fromPort: port,
                    toPort: port,
                    description,
                    region,
                },
                parent,
            );
        }

        // --- the Nginx servers ------------------------------------------------------------
        const role = new InstanceRole(
            `${name}-nginx`,
            {
                statements: [
                    {
                        Sid: "ReadOriginCertificate",
                        Effect: "Allow",
                        Action: "secretsmanager:GetSecretValue",
                        Resource: secret.arn,
                    },
                    {
                        Sid: "DecryptOriginCertificate",
                        Effect: "Allow",
                        Action: "kms:Decrypt",
                        Resource: args.dataKeyArn,
                        Condition: {
                            StringEquals: {
                                "kms:ViaService": `secretsmanager.${region}.amazonaws.com`,
                                "kms:EncryptionContext:SecretARN": secret.arn,
                            },
                        },
                    },
                ],
                managedPolicyArns: args.telemetry ? [args.telemetry.policyArn] : [],
            },
            parent,
        );

        const telemetry = args.telemetry
            ? pulumi
                  .all([args.telemetry.remoteWriteUrl, args.telemetry.logsIngestEndpoint])
                  .apply(([remoteWriteUrl, logsIngestEndpoint]) =>
                      renderTelemetry({
                          region,
                          remoteWriteUrl,
                          logsIngestEndpoint,
                          role: "nginx",
                          environment: args.environment,
                          logFiles: [NGINX_PATHS.accessLog, NGINX_PATHS.errorLog],
                      }),
                  )
            : pulumi.output(undefined);
        const ranges4and6 = ranges.apply((r) => [...r.ipv4Cidrs, ...r.ipv6Cidrs]);
        const settings = pulumi.all([
            ranges4and6,
            pulumi.output(args.app.privateIps),
            args.websocket ? pulumi.output(args.websocket.privateIp) : pulumi.output(undefined),
            secret.arn,
            pullCa.certPem,
            telemetry,
        ]);
        // Gzipped (cloud-init unpacks it): with telemetry the document is larger than EC2's 16 KB.
        const userData = (index: number): pulumi.Output<string> =>
            settings.apply(([cloudflareCidrs, appServers, websocketIp, secretArn, caPem, telemetrySnippet]) => {
                const document = renderNginxUserData({
                    region,
                    index,
                    domain: args.domain,
                    cloudflareCidrs,
                    vpcCidr: args.vpcCidr,
                    appServers,
                    appPort: args.app.port,
                    websocket:
                        websocketIp && args.websocket ? { address: websocketIp, port: args.websocket.port } : undefined,
                    maxUploadMiB: args.maxUploadMiB,
                    healthPort: this.healthPort,
                    certificateSecretArn: secretArn,
                    originPullCaPem: caPem,
                    telemetry: telemetrySnippet,
                });
                return userDataBase64(document, `${name}-nginx-${index + 1}`);
            });

        // --- the Network Load Balancer ----------------------------------------------------
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
                region,
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
                port: 443,
                // Instance targets keep the client (Cloudflare) address; Nginx trusts
                // CF-Connecting-IP from those addresses only.
                preserveClientIp: "true",
                deregistrationDelay: 60,
                healthCheck: {
                    enabled: true,
                    protocol: "HTTP",
                    port: String(this.healthPort),
                    path: NGINX_HEALTH_PATH,
                    matcher: "200",
                    interval: 10,
                    timeout: 5,
                    healthyThreshold: 3,
                    unhealthyThreshold: 2,
                },
                region,
                tags: { Name: `${name}-nginx` },
            },
            parent,
        );
        const listener = new aws.lb.Listener(
            `${name}-https`,
            {
                loadBalancerArn: nlb.arn,
                port: 443,
                protocol: "TCP",
                defaultActions: [{ type: "forward", targetGroupArn: targetGroup.arn }],
                region,
            },
            parent,
        );
        // --- the Nginx servers, each in service before the next one is touched --------------
        // A new server (new user data, size, release) is created next to the old one, registered,
        // and the gate waits until the NLB reports it healthy; only then may the next server be
        // replaced. Old servers are deleted at the end of the update, once every new one is in
        // service, so the tier never runs without a healthy target.
        const ami = ubuntuAmi(args.ubuntuRelease, args.instanceType, region, parent);
        const instances: aws.ec2.Instance[] = [];
        let previousGate: pulumi.Resource | undefined;
        for (let i = 0; i < args.nginxCount; i++) {
            const n = i + 1;
            const instance = new aws.ec2.Instance(
                `${name}-nginx-${n}`,
                {
                    ami,
                    instanceType: args.instanceType,
                    subnetId: args.appSubnetIds[i % args.appSubnetIds.length],
                    vpcSecurityGroupIds: [nginxSg.id],
                    associatePublicIpAddress: false,
                    iamInstanceProfile: role.profileName,
                    metadataOptions: IMDS_V2_ONLY,
                    rootBlockDevice: encryptedRoot(args.volumeGiB, args.dataKeyArn),
                    monitoring: true,
                    userDataBase64: userData(i),
                    // cloud-init runs once: a new configuration means a new server (rolled as above).
                    userDataReplaceOnChange: true,
                    region,
                    tags: {
                        Name: `${name}-nginx-${n}`,
                        Role: "nginx",
                        OperatingSystem: `Ubuntu ${args.ubuntuRelease} LTS`,
                    },
                    volumeTags: { Name: `${name}-nginx-${n}`, Role: "nginx" },
                },
                {
                    parent: this,
                    // The certificate is in the secret and the role may read it before the first boot.
                    dependsOn: [secretVersion, ...role.grants, ...(previousGate ? [previousGate] : [])],
                    // A new Canonical image is not a reason to replace a server (unattended-upgrades
                    // patches it); a replacement for another reason takes the newest image.
                    ignoreChanges: ["ami"],
                },
            );
            const attachment = new aws.lb.TargetGroupAttachment(
                `${name}-nginx-${n}`,
                { targetGroupArn: targetGroup.arn, targetId: instance.id, port: 443, region },
                parent,
            );
            previousGate = targetInServiceGate(
                `${name}-nginx-${n}-in-service`,
                {
                    region,
                    targetGroupArn: targetGroup.arn,
                    instanceId: instance.id,
                    port: 443,
                },
                { parent: this, dependsOn: [attachment, listener] },
            );
            instances.push(instance);
        }
        this.nginxInstanceIds = instances.map((x) => x.id);
        this.nginxInstanceArns = instances.map((x) => x.arn);
        this.nlbDnsName = nlb.dnsName;
        this.nlbArn = nlb.arn;

        // --- alarms -----------------------------------------------------------------------
        if (args.alarmTopicArn) {
            const actions = [args.alarmTopicArn];
            const targets = { LoadBalancer: nlb.arnSuffix, TargetGroup: targetGroup.arnSuffix };
            new aws.cloudwatch.MetricAlarm(
                `${name}-unhealthy-nginx`,
                {
                    alarmDescription: `${name}: at least one Nginx server fails the NLB health check`,
                    namespace: "AWS/NetworkELB",
                    metricName: "UnHealthyHostCount",
                    dimensions: targets,
                    statistic: "Maximum",
                    period: 60,
                    evaluationPeriods: 3,
                    threshold: 0,
                    comparisonOperator: "GreaterThanThreshold",
                    treatMissingData: "notBreaching",
                    alarmActions: actions,
                    okActions: actions,
                    region,
                },
                parent,
            );
            new aws.cloudwatch.MetricAlarm(
                `${name}-no-healthy-nginx`,
                {
                    alarmDescription: `${name}: no healthy Nginx server behind the NLB (the site is down)`,
                    namespace: "AWS/NetworkELB",
                    metricName: "HealthyHostCount",
                    dimensions: targets,
                    statistic: "Minimum",
                    period: 60,
                    evaluationPeriods: 2,
                    threshold: 1,
                    comparisonOperator: "LessThanThreshold",
                    treatMissingData: "breaching",
                    alarmActions: actions,
                    okActions: actions,
                    region,
                },
                parent,
            );
            instances.forEach(
                (instance, i) =>
                    new aws.cloudwatch.MetricAlarm(
                        `${name}-nginx-${i + 1}-status`,
                        {
                            alarmDescription: `${name}: Nginx server ${i + 1} fails its EC2 status checks`,
                            namespace: "AWS/EC2",
                            metricName: "StatusCheckFailed",
                            dimensions: { InstanceId: instance.id },
                            statistic: "Maximum",
                            period: 60,
                            evaluationPeriods: 2,
                            threshold: 1,
                            comparisonOperator: "GreaterThanOrEqualToThreshold",
                            treatMissingData: "breaching",
                            alarmActions: actions,
                            okActions: actions,
                            region,
                        },
                        parent,
                    ),
            );
        }

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
