// @ts-nocheck
// 
import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import * as tls from "@pulumi/tls";
import { renderVpnProfile } from "../templates/vpn-profile";
import { tlsOnlyStatements } from "./storage";

/** The tag that tells the backup policy why a bucket is deliberately not in a backup plan. */
export const BACKUP_EXEMPT_TAG = "BackupExempt";

export interface TrailArgs {
    /** Days the trail bucket keeps log files (audit evidence), then deletes them. */
    retentionDays: number;
    /**
     * Log S3 object-level (data) events of this bucket, e.g. the media bucket
     * of patients' files. May resolve to undefined (no bucket in the stack).
     */
    dataEventBucketArn?: pulumi.Input<string | undefined>;
    /** Its DR replica (another region; a multi-region trail logs it too). May resolve to undefined. */
    dataEventReplicaBucketArn?: pulumi.Input<string | undefined>;
    /**
     * Copies every log file to an Object-Locked bucket in `region` (the DR
     * region), encrypted with `kmsKeyArn` (a key of that region).
     */
    replica?: { region: string; kmsKeyArn: pulumi.Input<string> };
}

/** Object Lock mode of audit buckets: GOVERNANCE, so only the break-glass role (s3:BypassGovernanceRetention) can cut a retention short. */
export const AUDIT_LOCK_MODE = "GOVERNANCE";

/** What no one but the break-glass role may do to audit evidence (deleting it, shortening or bypassing its retention). */
export const AUDIT_PROTECTED_ACTIONS = [
    "s3:DeleteObject",
    "s3:DeleteObjectVersion",
    "s3:PutObjectRetention",
    "s3:BypassGovernanceRetention",
    "s3:PutBucketObjectLockConfiguration",
] as const;

export interface VpnArgs {
    /** Address pool of VPN clients; must not overlap the VPC. */
    clientCidr: string;
    /** Send only traffic for the VPC through the tunnel. */
    splitTunnel: boolean;
    /** 8, 10, 12 or 24. */
    sessionTimeoutHours: number;
    /** Subnets the endpoint is associated with, one per AZ (the app subnets). */
    subnetIds: pulumi.Input<string>[];
}

export interface SecurityArgs {
    region: string;
    vpcId: pulumi.Input<string>;
    /** CIDR of the VPC: the VPN reaches it and uses its DNS resolver (base + 2). */
    vpcCidr: string;
    /** Encrypts the trail, its bucket and log group, VPN connection logs (the logs key of `Keys`). */
    logsKeyArn: pulumi.Input<string>;
    /** Encrypts the VPN client credentials in Secrets Manager (the data key of `Keys`). */
    dataKeyArn: pulumi.Input<string>;
    /** Retention of the CloudWatch log groups created here. */
    logRetentionDays: number;
    /** CloudTrail; omitted = no trail. */
    trail?: TrailArgs;
    /** AWS Client VPN with mutual TLS for administrators; omitted = no VPN. */
    vpn?: VpnArgs;
    /** Protect the trail bucket from `pulumi destroy` and refuse to delete it while it holds logs. */
    protect: boolean;
}

const VPN_PORT = 443;
const VPN_PROTOCOL = "tcp";
const HOURS_PER_YEAR = 24 * 365;
const RENEW_HOURS = 24 * 30;

/**
 * Bucket-policy statements that keep audit evidence: deleting objects or
 * versions and shortening, bypassing or reconfiguring Object Lock retention
 * are denied to every principal but the break-glass role (an explicit deny
 * beats any allow, the account root's included).
 */
export function auditEvidenceStatements(
    bucketArn: pulumi.Input<string>,
    breakGlassRoleArn: pulumi.Input<string>,
): object[] {
    return [
        {
            Sid: "DenyEvidenceTamperingButBreakGlass",
            Effect: "Deny",
            Principal: "*",
            Action: [...AUDIT_PROTECTED_ACTIONS],
            Resource: [bucketArn, pulumi.interpolate`${bucketArn}/*`],
            Condition: { ArnNotEquals: { "aws:PrincipalArn": breakGlassRoleArn } },
        },
    ];
}

/** The VPC's DNS resolver: the base address of its CIDR plus two. */
export function vpcResolver(cidr: string): string {
    const [ip] = cidr.split("/");
    const addr =
        ip
            .split(".")
            .map(Number)
            .reduce((a, o) => a * 256 + o, 0) + 2;
    return [24, 16, 8, 0].map((shift) => Math.floor(addr / 2 ** shift) % 256).join(".");
}

/**
 * Detection and administrative access for one environment:
 * - CloudTrail: a multi-region trail with log file validation, encrypted with
 *   the logs key, to its own locked-down bucket and to CloudWatch Logs;
 *   management events and the data events of the media bucket;
 * - AWS Client VPN with mutual TLS (a private CA from `@pulumi/tls`,
 *   certificates imported into ACM) for administrators; the client
 *   credentials and a ready .ovpn profile live in Secrets Manager.
 */
export class Security extends pulumi.ComponentResource {
    public readonly trailArn?: pulumi.Output<string>;
    public readonly trailBucketName?: pulumi.Output<string>;
    /** The only role that may delete audit evidence or shorten its retention (assumed with MFA, every use in CloudTrail). */
    public readonly auditBreakGlassRoleArn?: pulumi.Output<string>;
    public readonly trailReplicaBucketName?: pulumi.Output<string>;
    public readonly vpnEndpointId?: pulumi.Output<string>;
    /** Security group of Client VPN connections: tiers allow administrative access from it. */
    public readonly vpnSecurityGroupId?: pulumi.Output<string>;
    /** Secrets Manager secret with the administrator's VPN certificate, key and .ovpn profile. */
    public readonly vpnClientSecretArn?: pulumi.Output<string>;

    constructor(name: string, args: SecurityArgs, opts?: pulumi.ComponentResourceOptions) {
        super("hms:security:Security", name, {}, opts);
        const parent = { parent: this };
        const account = aws.getCallerIdentityOutput({}, parent).accountId;

        if (args.trail) {
            const breakGlass = this.createBreakGlassRole(name, account);
            this.auditBreakGlassRoleArn = breakGlass.arn;
            const { trail, bucket, replica } = this.createTrail(name, args, args.trail, account, breakGlass.arn);
            this.trailArn = trail.arn;
            this.trailBucketName = bucket.bucket;
            this.trailReplicaBucketName = replica?.bucket;
        }

        if (args.vpn) {
            const vpn = this.createVpn(name, args, args.vpn);
            this.vpnEndpointId = vpn.endpointId;
            this.vpnSecurityGroupId = vpn.securityGroupId;
            this.vpnClientSecretArn = vpn.secretArn;
        }

        this.registerOutputs({
            trailArn: this.trailArn,
            trailBucketName: this.trailBucketName,
            auditBreakGlassRoleArn: this.auditBreakGlassRoleArn,
            trailReplicaBucketName: this.trailReplicaBucketName,
            vpnEndpointId: this.vpnEndpointId,
            vpnSecurityGroupId: this.vpnSecurityGroupId,
            vpnClientSecretArn: this.vpnClientSecretArn,
        });
    }

    private createTrail(
        name: string,
        args: SecurityArgs,
        t: TrailArgs,
        account: pulumi.Output<string>,
        breakGlassRoleArn: pulumi.Output<string>,
    ): { trail: aws.cloudtrail.Trail; bucket: aws.s3.Bucket; replica?: aws.s3.Bucket } {
        const parent = { parent: this };
        const region = args.region;
        // The name is fixed so the bucket policy can name the trail (aws:SourceArn) before it exists.
        const trailName = `${name}-trail`;
        const trailArn = pulumi.interpolate`arn:aws:cloudtrail:${region}:${account}:trail/${trailName}`;

        const bucket = new aws.s3.Bucket(
            `${name}-trail`,
            {
                region,
                forceDestroy: !args.protect,
                tags: {
                    Purpose: "cloudtrail-audit-logs",
                    [BACKUP_EXEMPT_TAG]: "audit log bucket: CloudTrail logs are immutable evidence kept by lifecycle",
                },
            },
            { parent: this, protect: args.protect },
        );
        new aws.s3.BucketOwnershipControls(
            `${name}-trail-ownership`,
            { bucket: bucket.bucket, region, rule: { objectOwnership: "BucketOwnerEnforced" } },
            parent,
        );
        const publicAccess = new aws.s3.BucketPublicAccessBlock(
            `${name}-trail-public-access`,
            {
                bucket: bucket.bucket,
                region,
                blockPublicAcls: true,
                blockPublicPolicy: true,
                ignorePublicAcls: true,
                restrictPublicBuckets: true,
            },
            parent,
        );
        const versioning = new aws.s3.BucketVersioning(
            `${name}-trail-versioning`,
            { bucket: bucket.bucket, region, versioningConfiguration: { status: "Enabled" } },
            parent,
        );
        const lock = new aws.s3.BucketObjectLockConfiguration(
            `${name}-trail-lock`,
            // Enables Object Lock on a new or an existing versioned bucket
            // (pulumi.com/registry/packages/aws/api-docs/s3/bucketobjectlockconfiguration, AWS v7.20).
            {
                bucket: bucket.bucket,
                region,
                objectLockEnabled: "Enabled",
                rule: { defaultRetention: { mode: AUDIT_LOCK_MODE, days: t.retentionDays } },
            },
            { parent: this, dependsOn: [versioning] },
        );
        const encryption = new aws.s3.BucketServerSideEncryptionConfiguration(
            `${name}-trail-encryption`,
            {
                bucket: bucket.bucket,
                region,
                rules: [
                    {
                        applyServerSideEncryptionByDefault: {
                            sseAlgorithm: "aws:kms",
                            kmsMasterKeyId: args.logsKeyArn,
                        },
                        bucketKeyEnabled: true,
                    },
                ],
            },
            parent,
        );
        new aws.s3.BucketLifecycleConfiguration(
            `${name}-trail-lifecycle`,
            {
                bucket: bucket.bucket,
                region,
                rules: [
                    {
                        id: "audit-log-retention",
                        status: "Enabled",
                        filter: { prefix: "" },
                        transitions: [{ days: 90, storageClass: "GLACIER_IR" }],
                        expiration: { days: t.retentionDays },
                        noncurrentVersionExpiration: { noncurrentDays: 30 },
                        abortIncompleteMultipartUpload: { daysAfterInitiation: 7 },
                    },
                ],
            },
            { parent: this, dependsOn: [versioning] },
        );
        const policy = new aws.s3.BucketPolicy(
            `${name}-trail-policy`,
            {
                bucket: bucket.bucket,
                region,
                policy: pulumi.jsonStringify({
                    Version: "2012-10-17",
                    Statement: [
                        ...tlsOnlyStatements(bucket.arn),
                        {
                            Sid: "CloudTrailAclCheck",
                            Effect: "Allow",
                            Principal: { Service: "cloudtrail.amazonaws.com" },
                            Action: "s3:GetBucketAcl",
                            Resource: bucket.arn,
                            Condition: { StringEquals: { "aws:SourceArn": trailArn } },
                        },
                        {
                            Sid: "CloudTrailWrite",
                            Effect: "Allow",
                            Principal: { Service: "cloudtrail.amazonaws.com" },
                            Action: "s3:PutObject",
                            Resource: pulumi.interpolate`${bucket.arn}/AWSLogs/${account}/*`,
                            Condition: {
                                StringEquals: {
                                    "s3:x-amz-acl": "bucket-owner-full-control",
                                    "aws:SourceArn": trailArn,
                                },
                            },
                        },
                        ...auditEvidenceStatements(bucket.arn, breakGlassRoleArn),
                    ],
                }),
            },
            { parent: this, dependsOn: [publicAccess, lock] },
        );
        const replica = t.replica
            ? this.replicateTrail(name, args, t, t.replica, bucket, versioning, breakGlassRoleArn, account)
            : undefined;

        // CloudWatch Logs delivery, for metric filters and Logs Insights queries.
        const logGroup = new aws.cloudwatch.LogGroup(
            `${name}-trail`,
            { retentionInDays: args.logRetentionDays, kmsKeyId: args.logsKeyArn, region },
            parent,
        );
        const role = new aws.iam.Role(
            `${name}-trail-logs`,
            {
                assumeRolePolicy: pulumi.jsonStringify({
                    Version: "2012-10-17",
                    Statement: [
                        {
                            Effect: "Allow",
                            Principal: { Service: "cloudtrail.amazonaws.com" },
                            Action: "sts:AssumeRole",
                            Condition: { StringEquals: { "aws:SourceArn": trailArn } },
                        },
                    ],
                }),
            },
            parent,
        );
        const rolePolicy = new aws.iam.RolePolicy(
            `${name}-trail-logs`,
            {
                role: role.id,
                policy: pulumi.jsonStringify({
                    Version: "2012-10-17",
                    Statement: [
                        {
                            Effect: "Allow",
                            Action: ["logs:CreateLogStream", "logs:PutLogEvents"],
                            Resource: pulumi.interpolate`${logGroup.arn}:log-stream:*`,
                        },
                    ],
                }),
            },
            parent,
        );

        const management: aws.types.input.cloudtrail.TrailAdvancedEventSelector = {
            name: "Management events",
            fieldSelectors: [{ field: "eventCategory", equals: ["Management"] }],
        };
        const selectors = pulumi
            .all([t.dataEventBucketArn, t.dataEventReplicaBucketArn])
            .apply(([bucketArn, replicaArn]) =>
                bucketArn
                    ? [
                          management,
                          {
                              name: "Object-level events of the media bucket and its DR replica",
                              fieldSelectors: [
                                  { field: "eventCategory", equals: ["Data"] },
                                  { field: "resources.type", equals: ["AWS::S3::Object"] },
                                  {
                                      field: "resources.ARN",
                                      startsWiths: [bucketArn, replicaArn]
                                          .filter((a): a is string => !!a)
                                          .map((a) => `${a}/`),
                                  },
                              ],
                          },
                      ]
                    : [management],
            );
        const trail = new aws.cloudtrail.Trail(
            `${name}-trail`,
            {
                name: trailName,
                region,
                s3BucketName: bucket.bucket,
                kmsKeyId: args.logsKeyArn,
                isMultiRegionTrail: true,
                includeGlobalServiceEvents: true,
                enableLogFileValidation: true,
                enableLogging: true,
                cloudWatchLogsGroupArn: pulumi.interpolate`${logGroup.arn}:*`,
                cloudWatchLogsRoleArn: role.arn,
                advancedEventSelectors: selectors,
            },
            { parent: this, dependsOn: [policy, encryption, rolePolicy] },
        );
        return { trail, bucket, replica };
    }

    /** A role no one uses day to day: assumable by the account's administrators with MFA only; it alone may cut audit evidence short. */
    private createBreakGlassRole(name: string, account: pulumi.Output<string>): aws.iam.Role {
        return new aws.iam.Role(
            `${name}-audit-break-glass`,
            {
                description:
                    "Break-glass: the only principal that may delete audit evidence or shorten its Object Lock retention",
                maxSessionDuration: 3600,
                assumeRolePolicy: pulumi.jsonStringify({
                    Version: "2012-10-17",
                    Statement: [
                        {
                            Effect: "Allow",
                            Principal: { AWS: pulumi.interpolate`arn:aws:iam::${account}:root` },
                            Action: "sts:AssumeRole",
                            Condition: { Bool: { "aws:MultiFactorAuthPresent": "true" } },
                        },
                    ],
                }),
                tags: { Purpose: "audit-break-glass" },
            },
            { parent: this },
        );
    }

    /**
     * The trail's log files, copied to an Object-Locked bucket in the DR
     * region (same retention, same deny on deletes) by S3 replication, which
     * carries each version's retention (Object Lock replication needs the
     * source's s3:GetObjectRetention and s3:GetObjectLegalHold).
     */
    private replicateTrail(
        name: string,
        args: SecurityArgs,
        t: TrailArgs,
        dr: { region: string; kmsKeyArn: pulumi.Input<string> },
        source: aws.s3.Bucket,
        sourceVersioning: aws.s3.BucketVersioning,
        breakGlassRoleArn: pulumi.Output<string>,
        account: pulumi.Output<string>,
    ): aws.s3.Bucket {
        const parent = { parent: this };
        const replica = new aws.s3.Bucket(
            `${name}-trail-replica`,
            {
                region: dr.region,
                objectLockEnabled: true,
                forceDestroy: !args.protect,
                tags: {
                    Purpose: "cloudtrail-audit-logs-replica",
                    [BACKUP_EXEMPT_TAG]: "DR copy of the audit log bucket - Object-Locked",
                },
            },
            { parent: this, protect: args.protect },
        );
        new aws.s3.BucketOwnershipControls(
            `${name}-trail-replica-ownership`,
            { bucket: replica.bucket, region: dr.region, rule: { objectOwnership: "BucketOwnerEnforced" } },
            parent,
        );
        const publicAccess = new aws.s3.BucketPublicAccessBlock(
            `${name}-trail-replica-public-access`,
            {
                bucket: replica.bucket,
                region: dr.region,
                blockPublicAcls: true,
                blockPublicPolicy: true,
                ignorePublicAcls: true,
                restrictPublicBuckets: true,
            },
            parent,
        );
        const versioning = new aws.s3.BucketVersioning(
            `${name}-trail-replica-versioning`,
            { bucket: replica.bucket, region: dr.region, versioningConfiguration: { status: "Enabled" } },
            parent,
        );
        const lock = new aws.s3.BucketObjectLockConfiguration(
            `${name}-trail-replica-lock`,
            {
                bucket: replica.bucket,
                region: dr.region,
                objectLockEnabled: "Enabled",
                rule: { defaultRetention: { mode: AUDIT_LOCK_MODE, days: t.retentionDays } },
            },
            { parent: this, dependsOn: [versioning] },
        );
        new aws.s3.BucketServerSideEncryptionConfiguration(
            `${name}-trail-replica-encryption`,
            {
                bucket: replica.bucket,
                region: dr.region,
                rules: [
                    {
                        applyServerSideEncryptionByDefault: { sseAlgorithm: "aws:kms", kmsMasterKeyId: dr.kmsKeyArn },
                        bucketKeyEnabled: true,
                    },
                ],
            },
            parent,
        );
        const objects = pulumi.interpolate`${replica.arn}/*`;
        new aws.s3.BucketPolicy(
            `${name}-trail-replica-policy`,
            {
                bucket: replica.bucket,
                region: dr.region,
                policy: pulumi.jsonStringify({
                    Version: "2012-10-17",
                    Statement: [
                        ...tlsOnlyStatements(replica.arn),
                        ...auditEvidenceStatements(replica.arn, breakGlassRoleArn),
                    ],
                }),
            },
            { parent: this, dependsOn: [publicAccess, lock] },
        );
        const role = new aws.iam.Role(
            `${name}-trail-replication`,
            {
                description: `S3 replication of ${name} audit logs to ${dr.region}`,
                assumeRolePolicy: pulumi.jsonStringify({
                    Version: "2012-10-17",
                    Statement: [
                        {
                            Effect: "Allow",
                            Principal: { Service: "s3.amazonaws.com" },
                            Action: "sts:AssumeRole",
                            Condition: {
                                StringEquals: { "aws:SourceAccount": account },
                                ArnLike: { "aws:SourceArn": source.arn },
                            },
                        },
                    ],
                }),
            },
            parent,
        );
        const rolePolicy = new aws.iam.RolePolicy(
            `${name}-trail-replication`,
            {
                role: role.id,
                policy: pulumi.jsonStringify({
                    Version: "2012-10-17",
                    Statement: [
                        {
                            Effect: "Allow",
                            Action: ["s3:GetReplicationConfiguration", "s3:ListBucket"],
                            Resource: source.arn,
                        },
                        {
                            Effect: "Allow",
                            Action: [
                                "s3:GetObjectVersionForReplication",
                                "s3:GetObjectVersionAcl",
                                "s3:GetObjectVersionTagging",
                                "s3:GetObjectRetention",
                                "s3:GetObjectLegalHold",
                            ],
                            Resource: pulumi.interpolate`${source.arn}/*`,
                        },
                        { Effect: "Allow", Action: ["s3:ReplicateObject", "s3:ReplicateTags"], Resource: objects },
                        {
                            Effect: "Allow",
                            Action: "kms:Decrypt",
                            Resource: args.logsKeyArn,
                            Condition: { StringEquals: { "kms:ViaService": `s3.${args.region}.amazonaws.com` } },
                        },
                        {
                            Effect: "Allow",
                            Action: ["kms:Encrypt", "kms:GenerateDataKey"],
                            Resource: dr.kmsKeyArn,
                            Condition: { StringEquals: { "kms:ViaService": `s3.${dr.region}.amazonaws.com` } },
                        },
                    ],
                }),
            },
            parent,
        );
        new aws.s3.BucketReplicationConfig(
            `${name}-trail-replication`,
            {
                bucket: source.bucket,
                region: args.region,
                role: role.arn,
                rules: [
                    {
                        id: "audit-logs-to-dr",
                        status: "Enabled",
                        priority: 1,
                        filter: { prefix: "" },
                        // Deletes are not replicated: the DR copy outlives an attack on the primary.
                        deleteMarkerReplication: { status: "Disabled" },
                        sourceSelectionCriteria: { sseKmsEncryptedObjects: { status: "Enabled" } },
                        destination: {
                            bucket: replica.arn,
                            encryptionConfiguration: { replicaKmsKeyId: dr.kmsKeyArn },
                        },
                    },
                ],
            },
            { parent: this, dependsOn: [sourceVersioning, versioning, lock, rolePolicy] },
        );
        return replica;
    }

    private createVpn(
        name: string,
        args: SecurityArgs,
        v: VpnArgs,
    ): { endpointId: pulumi.Output<string>; securityGroupId: pulumi.Output<string>; secretArn: pulumi.Output<string> } {
        const parent = { parent: this };
        const region = args.region;
        const subject = (commonName: string) => ({ commonName, organization: "Hospital Management System" });
        // Client VPN accepts RSA 2048-bit keys for its certificates.
        const rsaKey = (suffix: string) =>
            new tls.PrivateKey(`${name}-vpn-${suffix}`, { algorithm: "RSA", rsaBits: 2048 }, parent);
        // Private keys are secrets wherever they go (the provider marks them; this also holds under mocks).
        const secretPem = (key: tls.PrivateKey) => pulumi.secret(key.privateKeyPem);

        // A private CA for this endpoint only; re-issued (with everything it signed) when it nears expiry.
        const caKey = rsaKey("ca");
        const ca = new tls.SelfSignedCert(
            `${name}-vpn-ca`,
            {
                privateKeyPem: secretPem(caKey),
                subject: subject(`${name} VPN CA`),
                isCaCertificate: true,
                allowedUses: ["cert_signing", "crl_signing", "digital_signature"],
                validityPeriodHours: 5 * HOURS_PER_YEAR,
                earlyRenewalHours: RENEW_HOURS,
            },
            parent,
        );
        const issue = (suffix: string, commonName: string, use: "server_auth" | "client_auth") => {
            const key = rsaKey(suffix);
            const csr = new tls.CertRequest(
                `${name}-vpn-${suffix}`,
                { privateKeyPem: secretPem(key), subject: subject(commonName), dnsNames: [commonName] },
                parent,
            );
            const cert = new tls.LocallySignedCert(
                `${name}-vpn-${suffix}`,
                {
                    certRequestPem: csr.certRequestPem,
                    caPrivateKeyPem: secretPem(caKey),
                    caCertPem: ca.certPem,
                    allowedUses: ["digital_signature", "key_encipherment", use],
                    validityPeriodHours: HOURS_PER_YEAR,
                    earlyRenewalHours: RENEW_HOURS,
                },
                parent,
            );
            return { key, cert };
        };
        const server = issue("server", `server.${name}.vpn.internal`, "server_auth");
        const client = issue("admin", `admin.${name}.vpn.internal`, "client_auth");

        // The server certificate (with the CA as its chain) in ACM. Clients are
        // verified against the chain of that same certificate, so the
        // administrator's private key never has to be imported anywhere.
        const serverCert = new aws.acm.Certificate(
            `${name}-vpn-server`,
            {
                region,
                privateKey: secretPem(server.key),
                certificateBody: server.cert.certPem,
                certificateChain: ca.certPem,
                tags: { Name: `${name}-vpn-server` },
            },
            { parent: this, additionalSecretOutputs: ["privateKey"] },
        );

        const sg = new aws.ec2.SecurityGroup(
            `${name}-vpn`,
            {
                vpcId: args.vpcId,
                description: "Client VPN connections of administrators",
                region,
                tags: { Name: `${name}-vpn` },
            },
            parent,
        );
        const resolver = vpcResolver(args.vpcCidr);
        new aws.vpc.SecurityGroupEgressRule(
            `${name}-vpn-to-vpc`,
            {
                securityGroupId: sg.id,
                ipProtocol: "tcp",
                fromPort: 0,
                toPort: 65535,
                cidrIpv4: args.vpcCidr,
                description: "administrators to the VPC (each tier admits them)",
                region,
            },
            parent,
        );
        new aws.vpc.SecurityGroupEgressRule(
            `${name}-vpn-dns`,
            {
                securityGroupId: sg.id,
                ipProtocol: "udp",
                fromPort: 53,
                toPort: 53,
                cidrIpv4: `${resolver}/32`,
                description: "DNS to the VPC resolver",
                region,
            },
            parent,
        );

        const logGroup = new aws.cloudwatch.LogGroup(
            `${name}-vpn-connections`,
            { retentionInDays: args.logRetentionDays, kmsKeyId: args.logsKeyArn, region },
            parent,
        );
        const logStream = new aws.cloudwatch.LogStream(
            `${name}-vpn-connections`,
            { logGroupName: logGroup.name, region },
            parent,
        );

        const endpoint = new aws.ec2clientvpn.Endpoint(
            `${name}-vpn`,
            {
                description: `${name}: administrative access (mutual TLS)`,
                region,
                vpcId: args.vpcId,
                securityGroupIds: [sg.id],
                serverCertificateArn: serverCert.arn,
                authenticationOptions: [
                    { type: "certificate-authentication", rootCertificateChainArn: serverCert.arn },
                ],
                clientCidrBlock: v.clientCidr,
                splitTunnel: v.splitTunnel,
                sessionTimeoutHours: v.sessionTimeoutHours,
                disconnectOnSessionTimeout: true,
                transportProtocol: VPN_PROTOCOL,
                vpnPort: VPN_PORT,
                dnsServers: [resolver],
                selfServicePortal: "disabled",
                connectionLogOptions: {
                    enabled: true,
                    cloudwatchLogGroup: logGroup.name,
                    cloudwatchLogStream: logStream.name,
                },
                clientLoginBannerOptions: {
                    enabled: true,
                    bannerText:
                        "Authorised administrators of the Hospital Management System only. Connections are logged.",
                },
                tags: { Name: `${name}-vpn` },
            },
            parent,
        );
        const associations = v.subnetIds.map(
            (subnetId, i) =>
                new aws.ec2clientvpn.NetworkAssociation(
                    `${name}-vpn-${i + 1}`,
                    { clientVpnEndpointId: endpoint.id, subnetId, region },
                    parent,
                ),
        );
        new aws.ec2clientvpn.AuthorizationRule(
            `${name}-vpn-vpc`,
            {
                clientVpnEndpointId: endpoint.id,
                targetNetworkCidr: args.vpcCidr,
                authorizeAllGroups: true,
                description: "administrators reach the VPC",
                region,
            },
            { parent: this, dependsOn: associations },
        );

        // The administrator's credentials and a ready profile, for
        // `aws secretsmanager get-secret-value --secret-id <vpnClientSecretArn>`.
        const secret = new aws.secretsmanager.Secret(
            `${name}-vpn-admin`,
            {
                description: `${name}: Client VPN administrator certificate, key and .ovpn profile`,
                kmsKeyId: args.dataKeyArn,
                recoveryWindowInDays: args.protect ? 30 : 7,
                region,
            },
            parent,
        );
        new aws.secretsmanager.SecretVersion(
            `${name}-vpn-admin`,
            {
                secretId: secret.id,
                region,
                secretString: pulumi.secret(
                    pulumi
                        .all([endpoint.dnsName, ca.certPem, client.cert.certPem, client.key.privateKeyPem])
                        .apply(([dnsName, caPem, certPem, keyPem]) =>
                            JSON.stringify({
                                caCertificate: caPem,
                                clientCertificate: certPem,
                                clientPrivateKey: keyPem,
                                profile: renderVpnProfile({
                                    dnsName,
                                    protocol: VPN_PROTOCOL,
                                    port: VPN_PORT,
                                    caCertPem: caPem,
                                    clientCertPem: certPem,
                                    clientKeyPem: keyPem,
                                }),
                            }),
                        ),
                ),
            },
            { parent: this, additionalSecretOutputs: ["secretString"] },
        );

        return { endpointId: endpoint.id, securityGroupId: sg.id, secretArn: secret.arn };
    }
}
