import * as aws from "@pulumi/aws";
import * as command from "@pulumi/command";
import * as pulumi from "@pulumi/pulumi";
import { addressAt } from "./ipv4";
import * as tls from "@pulumi/tls";
import { renderCrlImportScript, renderCrlScript } from "../templates/vpn-crl";
import { renderVpnProfile } from "../templates/vpn-profile";
import { BACKUP_EXEMPT_TAG, baseline, tlsOnlyStatements } from "./storage";

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

/** A person who administers the system over the Client VPN, with a certificate of their own. */
export interface VpnAdministrator {
    /** The certificate's Common Name, which every connection log entry carries (`common-name`); part of resource names. */
    name: string;
    /** Their e-mail address, in the certificate's subject and on their secret. */
    email: string;
}

export interface VpnArgs {
    /**
     * One client certificate each. An administrator who leaves the list has
     * their certificate revoked (the endpoint's certificate revocation list).
     */
    administrators: VpnAdministrator[];
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
/** Years the VPN CA is valid (the CRL outlives it: templates/vpn-crl.ts CRL_DAYS). */
const CA_YEARS = 5;
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
    return addressAt(cidr, 2);
}

/** The trail's name is fixed so the bucket policy can name the trail (aws:SourceArn) before it exists. */
const trailNameOf = (name: string) => `${name}-trail`;

/** The trail's management events, plus the object-level (data) events of the buckets that hold patients' files. */
export function trailEventSelectors(
    dataEventBucketArns: (string | undefined)[],
): aws.types.input.cloudtrail.TrailAdvancedEventSelector[] {
    const management = {
        name: "Management events",
        fieldSelectors: [{ field: "eventCategory", equals: ["Management"] }],
    };
    const arns = dataEventBucketArns.filter((a): a is string => !!a);
    if (arns.length === 0) {
        return [management];
    }
    return [
        management,
        {
            name: "Object-level events of the media bucket and its DR replica",
            fieldSelectors: [
                { field: "eventCategory", equals: ["Data"] },
                { field: "resources.type", equals: ["AWS::S3::Object"] },
                { field: "resources.ARN", startsWiths: arns.map((a) => `${a}/`) },
            ],
        },
    ];
}

/** The trail's bucket (or its DR copy) and the resources its policy must wait for. */
interface AuditBucket {
    bucket: aws.s3.Bucket;
    versioning: aws.s3.BucketVersioning;
    publicAccess: aws.s3.BucketPublicAccessBlock;
    lock: aws.s3.BucketObjectLockConfiguration;
    encryption: aws.s3.BucketServerSideEncryptionConfiguration;
}

/** What the VPN's private CA is made of: its key signs certificates and the CRL. */
interface VpnPki {
    caKey: tls.PrivateKey;
    ca: tls.SelfSignedCert;
    serverCert: aws.acm.Certificate;
}

/**
 * Detection and administrative access for one environment:
 * - CloudTrail: a multi-region trail with log file validation, encrypted with
 *   the logs key, to its own locked-down bucket and to CloudWatch Logs;
 *   management events and the data events of the media bucket;
 * - AWS Client VPN with mutual TLS (a private CA from `@pulumi/tls`,
 *   certificates imported into ACM) for administrators, one client
 *   certificate per person: their credentials and a ready .ovpn profile live
 *   in a Secrets Manager secret of their own; certificates of administrators
 *   who left (or whose key was rotated) are revoked by the endpoint's CRL.
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
    /** Per administrator (by name): the Secrets Manager secret with their certificate, key and .ovpn profile. */
    public readonly vpnAdministratorSecretArns?: pulumi.Output<Record<string, string>>;

    constructor(name: string, args: SecurityArgs, opts?: pulumi.ComponentResourceOptions) {
        super("hms:security:Security", name, {}, opts);
        const account = aws.getCallerIdentityOutput({}, { parent: this }).accountId;

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
            this.vpnAdministratorSecretArns = vpn.administratorSecretArns;
        }

        this.registerOutputs({
            trailArn: this.trailArn,
            trailBucketName: this.trailBucketName,
            auditBreakGlassRoleArn: this.auditBreakGlassRoleArn,
            trailReplicaBucketName: this.trailReplicaBucketName,
            vpnEndpointId: this.vpnEndpointId,
            vpnSecurityGroupId: this.vpnSecurityGroupId,
            vpnAdministratorSecretArns: this.vpnAdministratorSecretArns,
        });
    }

    // --- CloudTrail -------------------------------------------------------------------------

    private createTrail(
        name: string,
        args: SecurityArgs,
        t: TrailArgs,
        account: pulumi.Output<string>,
        breakGlassRoleArn: pulumi.Output<string>,
    ): { trail: aws.cloudtrail.Trail; bucket: aws.s3.Bucket; replica?: aws.s3.Bucket } {
        const region = args.region;
        const trailName = trailNameOf(name);
        const trailArn = pulumi.interpolate`arn:aws:cloudtrail:${region}:${account}:trail/${trailName}`;

        const audit = this.createAuditBucket(`${name}-trail`, {
            region,
            kmsKeyArn: args.logsKeyArn,
            retentionDays: t.retentionDays,
            protect: args.protect,
            tags: {
                Purpose: "cloudtrail-audit-logs",
                [BACKUP_EXEMPT_TAG]: "audit log bucket: CloudTrail logs are immutable evidence kept by lifecycle",
            },
        });
        const bucket = audit.bucket;
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
            { parent: this, dependsOn: [audit.versioning] },
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
                        ...cloudTrailDeliveryStatements(bucket.arn, trailArn, account),
                        ...auditEvidenceStatements(bucket.arn, breakGlassRoleArn),
                    ],
                }),
            },
            { parent: this, dependsOn: [audit.publicAccess, audit.lock] },
        );
        const replica = t.replica
            ? this.replicateTrail(name, args, t, t.replica, audit, breakGlassRoleArn, account)
            : undefined;
        const logs = this.createTrailLogDelivery(name, args, trailArn);

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
                cloudWatchLogsGroupArn: pulumi.interpolate`${logs.logGroup.arn}:*`,
                cloudWatchLogsRoleArn: logs.role.arn,
                // A multi-region trail logs the data events of the DR replica (another region) too.
                advancedEventSelectors: pulumi
                    .all([t.dataEventBucketArn, t.dataEventReplicaBucketArn])
                    .apply(trailEventSelectors),
            },
            { parent: this, dependsOn: [policy, audit.encryption, logs.rolePolicy] },
        );
        return { trail, bucket, replica };
    }

    /**
     * A private, versioned, KMS-encrypted bucket of audit evidence with S3
     * Object Lock (GOVERNANCE) for the trail retention. Object Lock is
     * enabled on the bucket at creation where `objectLockEnabled` is set, and
     * by the lock configuration on an existing versioned bucket
     * (pulumi.com/registry/packages/aws/api-docs/s3/bucketobjectlockconfiguration, AWS v7.20).
     */
    private createAuditBucket(
        bucketName: string,
        o: {
            region: string;
            kmsKeyArn: pulumi.Input<string>;
            retentionDays: number;
            protect: boolean;
            tags: Record<string, string>;
            objectLockEnabled?: boolean;
        },
    ): AuditBucket {
        const region = o.region;
        const bucket = new aws.s3.Bucket(
            bucketName,
            {
                region,
                objectLockEnabled: o.objectLockEnabled,
                forceDestroy: !o.protect,
                tags: o.tags,
            },
            { parent: this, protect: o.protect },
        );
        const guards = baseline(bucketName, bucket, region, this, { sseAlgorithm: "aws:kms", kmsKeyArn: o.kmsKeyArn });
        const lock = new aws.s3.BucketObjectLockConfiguration(
            `${bucketName}-lock`,
            {
                bucket: bucket.bucket,
                region,
                objectLockEnabled: "Enabled",
                rule: { defaultRetention: { mode: AUDIT_LOCK_MODE, days: o.retentionDays } },
            },
            { parent: this, dependsOn: [guards.versioning] },
        );
        const { versioning, publicAccessBlock: publicAccess, encryption } = guards;
        return { bucket, versioning, publicAccess, lock, encryption };
    }

    /** CloudWatch Logs delivery of the trail, for metric filters and Logs Insights queries. */
    private createTrailLogDelivery(
        name: string,
        args: SecurityArgs,
        trailArn: pulumi.Output<string>,
    ): { logGroup: aws.cloudwatch.LogGroup; role: aws.iam.Role; rolePolicy: aws.iam.RolePolicy } {
        const parent = { parent: this };
        const logGroup = new aws.cloudwatch.LogGroup(
            `${name}-trail`,
            { retentionInDays: args.logRetentionDays, kmsKeyId: args.logsKeyArn, region: args.region },
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
        return { logGroup, role, rolePolicy };
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
        source: AuditBucket,
        breakGlassRoleArn: pulumi.Output<string>,
        account: pulumi.Output<string>,
    ): aws.s3.Bucket {
        const audit = this.createAuditBucket(`${name}-trail-replica`, {
            region: dr.region,
            kmsKeyArn: dr.kmsKeyArn,
            retentionDays: t.retentionDays,
            protect: args.protect,
            objectLockEnabled: true,
            tags: {
                Purpose: "cloudtrail-audit-logs-replica",
                [BACKUP_EXEMPT_TAG]: "DR copy of the audit log bucket - Object-Locked",
            },
        });
        const replica = audit.bucket;
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
            { parent: this, dependsOn: [audit.publicAccess, audit.lock] },
        );
        const { role, rolePolicy } = this.createTrailReplicationRole(name, args, dr, source.bucket, replica, account);
        new aws.s3.BucketReplicationConfig(
            `${name}-trail-replication`,
            {
                bucket: source.bucket.bucket,
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
            { parent: this, dependsOn: [source.versioning, audit.versioning, audit.lock, rolePolicy] },
        );
        return replica;
    }

    /** The role S3 replication assumes to copy the trail's log files (and their retention) to the DR bucket. */
    private createTrailReplicationRole(
        name: string,
        args: SecurityArgs,
        dr: { region: string; kmsKeyArn: pulumi.Input<string> },
        source: aws.s3.Bucket,
        replica: aws.s3.Bucket,
        account: pulumi.Output<string>,
    ): { role: aws.iam.Role; rolePolicy: aws.iam.RolePolicy } {
        const parent = { parent: this };
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
                        {
                            Effect: "Allow",
                            Action: ["s3:ReplicateObject", "s3:ReplicateTags"],
                            Resource: pulumi.interpolate`${replica.arn}/*`,
                        },
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
        return { role, rolePolicy };
    }

    // --- Client VPN -------------------------------------------------------------------------

    private createVpn(
        name: string,
        args: SecurityArgs,
        v: VpnArgs,
    ): {
        endpointId: pulumi.Output<string>;
        securityGroupId: pulumi.Output<string>;
        administratorSecretArns: pulumi.Output<Record<string, string>>;
    } {
        const pki = this.createVpnPki(name, args.region);
        const sg = this.createVpnSecurityGroup(name, args);
        const endpoint = this.createVpnEndpoint(name, args, v, pki.serverCert, sg);
        const admins = v.administrators.map((a) => ({ admin: a, ...this.issueAdministratorCertificate(name, pki, a) }));
        const secretArns = admins.map(({ admin, key, cert }) =>
            this.storeAdministratorProfile(name, args, endpoint, pki.ca, admin, key, cert),
        );
        this.createVpnRevocationList(name, args.region, endpoint, pki, admins);
        return {
            endpointId: endpoint.id,
            securityGroupId: sg.id,
            administratorSecretArns: pulumi
                .all(secretArns)
                .apply((arns) => Object.fromEntries(admins.map(({ admin }, i) => [admin.name, arns[i]]))),
        };
    }

    /**
     * A private CA for this endpoint only, and the server certificate (with
     * the CA as its chain) in ACM; re-issued, with everything they signed,
     * when they near expiry. Clients are verified against the chain of that
     * same certificate, so no administrator's private key is imported anywhere.
     */
    private createVpnPki(name: string, region: string): VpnPki {
        const parent = { parent: this };
        // The CA's key is `-vpn-client-ca`: the CA was re-keyed when certificates became personal, so the
        // certificate every administrator shared before is signed by a key the endpoint no longer trusts.
        // The server certificate is re-issued with it and re-imported into the same ACM certificate (an
        // update: certificate_body, certificate_chain and private_key are not ForceNew in the provider's
        // aws_acm_certificate), so the endpoint keeps its ARN and is not replaced.
        const caKey = rsaKey(`${name}-vpn-client-ca`, this);
        const ca = new tls.SelfSignedCert(
            `${name}-vpn-ca`,
            {
                privateKeyPem: secretPem(caKey),
                subject: vpnSubject(`${name} VPN CA`).subject,
                isCaCertificate: true,
                allowedUses: ["cert_signing", "crl_signing", "digital_signature"],
                validityPeriodHours: CA_YEARS * HOURS_PER_YEAR,
                earlyRenewalHours: RENEW_HOURS,
            },
            parent,
        );
        const commonName = `server.${name}.vpn.internal`;
        const serverKey = rsaKey(`${name}-vpn-server`, this);
        const server = this.signCertificate(
            `${name}-vpn-server`,
            { caKey, ca },
            serverKey,
            { ...vpnSubject(commonName), dnsNames: [commonName] },
            "server_auth",
        );
        const serverCert = new aws.acm.Certificate(
            `${name}-vpn-server`,
            {
                region,
                privateKey: secretPem(serverKey),
                certificateBody: server.certPem,
                certificateChain: ca.certPem,
                tags: { Name: `${name}-vpn-server` },
            },
            { parent: this, additionalSecretOutputs: ["privateKey"] },
        );
        return { caKey, ca, serverCert };
    }

    /** A certificate signed by the VPN CA for `key`, valid a year and renewed by the first update in its last 30 days. */
    private signCertificate(
        resourceName: string,
        pki: Pick<VpnPki, "caKey" | "ca">,
        key: tls.PrivateKey,
        subject: { subject: tls.types.input.CertRequestSubject; dnsNames?: string[] },
        use: "server_auth" | "client_auth",
    ): tls.LocallySignedCert {
        const csr = new tls.CertRequest(
            resourceName,
            { privateKeyPem: secretPem(key), subject: subject.subject, dnsNames: subject.dnsNames },
            { parent: this },
        );
        return new tls.LocallySignedCert(
            resourceName,
            {
                certRequestPem: csr.certRequestPem,
                caPrivateKeyPem: secretPem(pki.caKey),
                caCertPem: pki.ca.certPem,
                allowedUses: ["digital_signature", "key_encipherment", use],
                validityPeriodHours: HOURS_PER_YEAR,
                earlyRenewalHours: RENEW_HOURS,
            },
            { parent: this },
        );
    }

    private createVpnSecurityGroup(name: string, args: SecurityArgs): aws.ec2.SecurityGroup {
        const parent = { parent: this };
        const region = args.region;
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
                cidrIpv4: `${vpcResolver(args.vpcCidr)}/32`,
                description: "DNS to the VPC resolver",
                region,
            },
            parent,
        );
        return sg;
    }

    /**
     * The endpoint with mutual TLS, associated with one subnet per AZ and
     * authorised for the VPC. Its connection log (CloudWatch Logs, the logs
     * key) records every connection with the `common-name` of the client
     * certificate, that is the administrator's name
     * (https://docs.aws.amazon.com/vpn/latest/clientvpn-admin/connection-logging.html).
     */
    private createVpnEndpoint(
        name: string,
        args: SecurityArgs,
        v: VpnArgs,
        serverCert: aws.acm.Certificate,
        sg: aws.ec2.SecurityGroup,
    ): aws.ec2clientvpn.Endpoint {
        const parent = { parent: this };
        const region = args.region;
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
                dnsServers: [vpcResolver(args.vpcCidr)],
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
        return endpoint;
    }

    /** The administrator's own key and certificate; CN = their name, so connection logs name them. */
    private issueAdministratorCertificate(
        name: string,
        pki: VpnPki,
        admin: VpnAdministrator,
    ): { key: tls.PrivateKey; cert: tls.LocallySignedCert } {
        const resourceName = `${name}-vpn-admin-${admin.name}`;
        const key = rsaKey(resourceName, this);
        const cert = this.signCertificate(
            resourceName,
            pki,
            key,
            { subject: { ...vpnSubject(admin.name).subject, emailAddress: admin.email } },
            "client_auth",
        );
        return { key, cert };
    }

    /**
     * The administrator's credentials and a ready profile in a secret of
     * their own (encrypted with the data key), for
     * `aws secretsmanager get-secret-value --secret-id <vpnAdministratorSecretArns.<name>>`.
     */
    private storeAdministratorProfile(
        name: string,
        args: SecurityArgs,
        endpoint: aws.ec2clientvpn.Endpoint,
        ca: tls.SelfSignedCert,
        admin: VpnAdministrator,
        key: tls.PrivateKey,
        cert: tls.LocallySignedCert,
    ): pulumi.Output<string> {
        const resourceName = `${name}-vpn-admin-${admin.name}`;
        const secret = new aws.secretsmanager.Secret(
            resourceName,
            {
                description: `${name}: Client VPN certificate, key and .ovpn profile of ${admin.name} <${admin.email}>`,
                kmsKeyId: args.dataKeyArn,
                recoveryWindowInDays: args.protect ? 30 : 7,
                region: args.region,
                tags: { Administrator: admin.name, Email: admin.email },
            },
            { parent: this },
        );
        new aws.secretsmanager.SecretVersion(
            resourceName,
            {
                secretId: secret.id,
                region: args.region,
                secretString: pulumi.secret(
                    pulumi
                        .all([endpoint.dnsName, ca.certPem, cert.certPem, key.privateKeyPem])
                        .apply(([dnsName, caPem, certPem, keyPem]) =>
                            JSON.stringify({
                                administrator: admin.name,
                                email: admin.email,
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
        return secret.arn;
    }

    /**
     * The endpoint's certificate revocation list (templates/vpn-crl.ts): a
     * command signs it with the CA, revoking every certificate that was
     * issued on its previous run and is not issued any more (an administrator
     * removed from the list, a rotated key), and keeps that ledger in state;
     * a second command imports it into the endpoint whenever it changes.
     * Both need bash, openssl and the AWS CLI where `pulumi up` runs.
     */
    private createVpnRevocationList(
        name: string,
        region: string,
        endpoint: aws.ec2clientvpn.Endpoint,
        pki: VpnPki,
        admins: { admin: VpnAdministrator; cert: tls.LocallySignedCert }[],
    ): { crl: command.local.Command; crlImport: command.local.Command } {
        // Sorted by name: reordering the list in the stack file changes nothing.
        const sorted = [...admins].sort((a, b) => (a.admin.name < b.admin.name ? -1 : 1));
        const crl = new command.local.Command(
            `${name}-vpn-crl`,
            {
                create: renderCrlScript(),
                interpreter: ["/bin/bash", "-c"],
                environment: {
                    CA_CERT: pki.ca.certPem,
                    ISSUED: pulumi.all(sorted.map((a) => a.cert.certPem)).apply((pems) => pems.join("")),
                    // Without a ledger (first run, replaced command), what the endpoint's CRL revokes is kept.
                    ENDPOINT_ID: endpoint.id,
                    REGION: region,
                },
                // The CA key signs the CRL; a secret in state, never in the environment or logs.
                stdin: secretPem(pki.caKey),
                // No triggers: a replacement would run `create` without the previous ledger.
                addPreviousOutputInEnv: true,
                logging: "stderr",
            },
            { parent: this },
        );
        const crlImport = new command.local.Command(
            `${name}-vpn-crl-import`,
            {
                create: renderCrlImportScript(),
                interpreter: ["/bin/bash", "-c"],
                environment: { LEDGER: crl.stdout, ENDPOINT_ID: endpoint.id, REGION: region },
                triggers: [endpoint.id],
                addPreviousOutputInEnv: false,
                logging: "stderr",
            },
            { parent: this },
        );
        return { crl, crlImport };
    }
}

/** An RSA 2048-bit key: what Client VPN accepts for its certificates. */
function rsaKey(resourceName: string, parent: pulumi.Resource): tls.PrivateKey {
    return new tls.PrivateKey(resourceName, { algorithm: "RSA", rsaBits: 2048 }, { parent });
}

/** Private keys are secrets wherever they go (the provider marks them; this also holds under mocks). */
function secretPem(key: tls.PrivateKey): pulumi.Output<string> {
    return pulumi.secret(key.privateKeyPem);
}

function vpnSubject(commonName: string): { subject: tls.types.input.CertRequestSubject } {
    return { subject: { commonName, organization: "Hospital Management System" } };
}

/** Statements that let this trail (and only it) check the bucket's ACL and write its log files. */
function cloudTrailDeliveryStatements(
    bucketArn: pulumi.Output<string>,
    trailArn: pulumi.Output<string>,
    account: pulumi.Output<string>,
): object[] {
    return [
        {
            Sid: "CloudTrailAclCheck",
            Effect: "Allow",
            Principal: { Service: "cloudtrail.amazonaws.com" },
            Action: "s3:GetBucketAcl",
            Resource: bucketArn,
            Condition: { StringEquals: { "aws:SourceArn": trailArn } },
        },
        {
            Sid: "CloudTrailWrite",
            Effect: "Allow",
            Principal: { Service: "cloudtrail.amazonaws.com" },
            Action: "s3:PutObject",
            Resource: pulumi.interpolate`${bucketArn}/AWSLogs/${account}/*`,
            Condition: {
                StringEquals: {
                    "s3:x-amz-acl": "bucket-owner-full-control",
                    "aws:SourceArn": trailArn,
                },
            },
        },
    ];
}
