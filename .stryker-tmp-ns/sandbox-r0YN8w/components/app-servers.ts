// @ts-nocheck
import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import * as random from "@pulumi/random";
import { userDataBase64 } from "../templates/gzip";
import { renderTelemetry } from "../templates/telemetry";
import { renderWordPressUserData, WORDPRESS_SALT_NAMES, wordpressLogFiles } from "../templates/wordpress";
import { encryptedRoot, IMDS_V2_ONLY, InstanceRole, ubuntuAmi } from "./ec2";
import {
    EgressRule,
    egressRules,
    HostTelemetryArgs,
    instanceAlarms,
    INTERNET_EGRESS,
    secretReadStatements,
} from "./server-support";

export interface AppServersArgs {
    region: string;
    environment: string;
    /** The site's domain: WordPress answers as https://<domain>. */
    domain: string;
    /** E-mail address of the first WordPress administrator. */
    adminEmail: string;
    /** Title of the site created on first install. */
    siteTitle?: string;
    vpcId: pulumi.Input<string>;
    /** The VPC CIDR: proxies in it are trusted for X-Forwarded-Proto / X-Forwarded-For. */
    vpcCidr: string;
    /** App subnets, one per AZ; server i goes to subnet i mod n. */
    subnetIds: pulumi.Input<string>[];
    count: number;
    instanceType: string;
    /** Declared size (config/sizing.ts checks it matches the type); sizes PHP-FPM. */
    vcpus: number;
    memoryGiB: number;
    /** gp3 root volume, encrypted with the data key. */
    volumeGiB: number;
    ubuntuRelease: string;
    /** Must be the PHP the Ubuntu release ships. */
    phpVersion: string;
    wordpress: { version: string; sha1: string };
    wpCli: { version: string; sha512: string };
    plugins: { redisCache: string; offloadMedia: string };
    /** Port nginx serves WordPress on. Default 8080. */
    httpPort?: number;
    /** Largest upload (same as the Nginx tier's limit). */
    maxUploadMiB: number;
    dataKeyArn: pulumi.Input<string>;
    database: {
        endpoint: pulumi.Input<string>;
        port: pulumi.Input<number>;
        name: string;
        /** The RDS-managed secret (JSON with username and password). */
        masterSecretArn: pulumi.Input<string>;
        securityGroupId: pulumi.Input<string>;
    };
    cache: {
        endpoint: pulumi.Input<string>;
        port: pulumi.Input<number>;
        /** Secret holding the AUTH token (a string, or JSON with `token`). */
        authSecretArn: pulumi.Input<string>;
        securityGroupId: pulumi.Input<string>;
    };
    storage: { bucketName: pulumi.Input<string>; accessPolicyArn: pulumi.Input<string> };
    /**
     * Outbound mail through SES (the Mail component): PHP's mail() sends with
     * the instance role through this configuration set. Without it the servers
     * have no mail transport.
     */
    mail?: { configurationSetName: pulumi.Input<string>; sendPolicyArn: pulumi.Input<string> };
    /** Host metrics and logs to the Monitoring tier. */
    telemetry?: HostTelemetryArgs;
    /** When set, status check and CPU alarms per server. */
    alarmTopicArn?: pulumi.Input<string>;
}

/**
 * The WordPress servers: Ubuntu LTS from Canonical, spread over the app
 * subnets' AZs, no public address, no SSH (Session Manager only), IMDSv2 only,
 * encrypted gp3 root volumes. cloud-init installs nginx + PHP-FPM and a pinned,
 * verified WordPress that reads its credentials from Secrets Manager at boot,
 * talks TLS to Aurora and ElastiCache and copies media to the environment's
 * bucket. Nothing accepts traffic until the composition adds ingress rules.
 *
 * Rolling out a change: user data is applied by cloud-init on first boot only,
 * so a changed template does not reconfigure a running server. Pulumi updates
 * the user data in place (`userDataReplaceOnChange: false`), which stops and
 * starts the server; servers are chained with `dependsOn` so only one is down
 * at a time. To apply the new configuration, replace the servers one at a
 * time: `pulumi up --replace <urn of server 1>`, check /healthz, then server 2.
 * New Canonical AMIs are ignored for the same reason (`ignoreChanges: ["ami"]`):
 * security updates arrive through unattended-upgrades; replace a server to move
 * it to the newest image.
 */
export class AppServers extends pulumi.ComponentResource {
    public readonly instances: aws.ec2.Instance[];
    public readonly instanceIds: pulumi.Output<string>[];
    public readonly instanceArns: pulumi.Output<string>[];
    public readonly privateIps: pulumi.Output<string>[];
    public readonly securityGroupId: pulumi.Output<string>;
    public readonly roleArn: pulumi.Output<string>;
    public readonly httpPort: number;
    /** Secret with the WordPress keys and salts (JSON). */
    public readonly saltsSecretArn: pulumi.Output<string>;
    /** Secret with the first administrator's user name and password (JSON). */
    public readonly adminSecretArn: pulumi.Output<string>;

    constructor(name: string, args: AppServersArgs, opts?: pulumi.ComponentResourceOptions) {
        super("hms:app:AppServers", name, {}, opts);
        const parent = { parent: this };
        const region = args.region;
        this.httpPort = args.httpPort ?? 8080;
        if (args.count < 1 || args.subnetIds.length === 0) {
            throw new pulumi.RunError(`${name}: needs at least one server and one subnet`);
        }

        // --- secrets: WordPress keys and salts, first administrator ---------------------
        const salts = Object.fromEntries(
            WORDPRESS_SALT_NAMES.map((k) => [
                k,
                new random.RandomPassword(
                    `${name}-${k.toLowerCase().replace(/_/g, "-")}`,
                    { length: 64, special: true, overrideSpecial: "!#%&*()-_=+[]{}<>:?" },
                    parent,
                ).result,
            ]),
        );
        const saltsSecret = new aws.secretsmanager.Secret(
            `${name}-salts`,
            {
                description: `${name}: WordPress authentication keys and salts`,
                kmsKeyId: args.dataKeyArn,
                recoveryWindowInDays: 7,
                region,
            },
            parent,
        );
        const saltsVersion = new aws.secretsmanager.SecretVersion(
            `${name}-salts`,
            { secretId: saltsSecret.id, secretString: pulumi.jsonStringify(salts), region },
            parent,
        );

        const adminPassword = new random.RandomPassword(
            `${name}-admin`,
            { length: 32, special: true, overrideSpecial: "!#%&*()-_=+[]{}<>:?" },
            parent,
        );
        const adminSecret = new aws.secretsmanager.Secret(
            `${name}-admin`,
            {
                description: `${name}: first WordPress administrator (user name and password)`,
                kmsKeyId: args.dataKeyArn,
                recoveryWindowInDays: 7,
                region,
            },
            parent,
        );
        const adminVersion = new aws.secretsmanager.SecretVersion(
            `${name}-admin`,
            {
                secretId: adminSecret.id,
                secretString: pulumi.jsonStringify({ username: "hms-admin", password: adminPassword.result }),
                region,
            },
            parent,
        );
        this.saltsSecretArn = saltsSecret.arn;
        this.adminSecretArn = adminSecret.arn;

        // --- network access: no ingress here (the composition adds it), narrow egress --
        const sg = new aws.ec2.SecurityGroup(
            `${name}-sg`,
            {
                vpcId: args.vpcId,
                description: "WordPress app servers: ingress from the Nginx tier and the WebSocket server only",
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
                suffix: "database",
                port: args.database.port,
                description: "Aurora MySQL (TLS)",
                referencedSecurityGroupId: args.database.securityGroupId,
            },
            {
                suffix: "cache",
                port: args.cache.port,
                description: "ElastiCache (TLS)",
                referencedSecurityGroupId: args.cache.securityGroupId,
            },
        ];
        egressRules(name, sg.id, egress, region, this);

        // --- instance role: Session Manager + its secrets + the bucket ------------------
        const role = new InstanceRole(
            `${name}-role`,
            {
                statements: secretReadStatements(
                    [args.database.masterSecretArn, args.cache.authSecretArn, saltsSecret.arn, adminSecret.arn],
                    args.dataKeyArn,
                    region,
                ),
                managedPolicyArns: [
                    args.storage.accessPolicyArn,
                    ...(args.telemetry ? [args.telemetry.policyArn] : []),
                    ...(args.mail ? [args.mail.sendPolicyArn] : []),
                ],
            },
            parent,
        );
        this.roleArn = role.roleArn;

        // --- servers ------------------------------------------------------------------------
        const ami = ubuntuAmi(args.ubuntuRelease, args.instanceType, region, parent);
        const telemetry = args.telemetry
            ? pulumi
                  .all([args.telemetry.remoteWriteUrl, args.telemetry.logsIngestEndpoint])
                  .apply(([remoteWriteUrl, logsIngestEndpoint]) =>
                      renderTelemetry({
                          region,
                          remoteWriteUrl,
                          logsIngestEndpoint,
                          role: "app",
                          environment: args.environment,
                          logFiles: wordpressLogFiles(args.phpVersion),
                      }),
                  )
            : undefined;
        const settings = pulumi.output({
            dbHost: args.database.endpoint,
            dbPort: args.database.port,
            dbSecret: args.database.masterSecretArn,
            cacheHost: args.cache.endpoint,
            cachePort: args.cache.port,
            cacheSecret: args.cache.authSecretArn,
            saltsArn: saltsSecret.arn,
            adminArn: adminSecret.arn,
            bucket: args.storage.bucketName,
            mailConfigurationSet: args.mail?.configurationSetName,
        });
        const operatingSystem = `Ubuntu ${args.ubuntuRelease} LTS`;
        this.instances = [];
        for (let i = 0; i < args.count; i++) {
            const serverName = `${name}-${i + 1}`;
            const userData = pulumi.all([settings, telemetry]).apply(([s, tel]) =>
                userDataBase64(
                    renderWordPressUserData({
                        environment: args.environment,
                        region,
                        domain: args.domain,
                        siteTitle: args.siteTitle ?? "Hospital Management System",
                        adminEmail: args.adminEmail,
                        index: i,
                        vpcCidr: args.vpcCidr,
                        httpPort: this.httpPort,
                        vcpus: args.vcpus,
                        memoryGiB: args.memoryGiB,
                        maxUploadMiB: args.maxUploadMiB,
                        ubuntuRelease: args.ubuntuRelease,
                        phpVersion: args.phpVersion,
                        wordpress: args.wordpress,
                        wpCli: args.wpCli,
                        plugins: args.plugins,
                        database: { host: s.dbHost, port: s.dbPort, name: args.database.name, secretArn: s.dbSecret },
                        cache: { host: s.cacheHost, port: s.cachePort, authSecretArn: s.cacheSecret },
                        saltsSecretArn: s.saltsArn,
                        adminSecretArn: s.adminArn,
                        mediaBucket: s.bucket,
                        mail:
                            s.mailConfigurationSet === undefined
                                ? undefined
                                : { configurationSet: s.mailConfigurationSet },
                        telemetry: tel,
                    }),
                    serverName,
                ),
            );
            const previous = this.instances[i - 1];
            const instance = new aws.ec2.Instance(
                serverName,
                {
                    ami,
                    instanceType: args.instanceType,
                    subnetId: args.subnetIds[i % args.subnetIds.length],
                    vpcSecurityGroupIds: [sg.id],
                    associatePublicIpAddress: false,
                    iamInstanceProfile: role.profileName,
                    metadataOptions: IMDS_V2_ONLY,
                    rootBlockDevice: encryptedRoot(args.volumeGiB, args.dataKeyArn),
                    monitoring: true,
                    ebsOptimized: true,
                    maintenanceOptions: { autoRecovery: "default" },
                    userDataBase64: userData,
                    userDataReplaceOnChange: false,
                    region,
                    tags: { Name: serverName, Role: "wordpress", OperatingSystem: operatingSystem },
                    volumeTags: { Name: serverName, Role: "wordpress" },
                },
                {
                    parent: this,
                    // The secrets exist before the first boot reads them; servers update one at a time.
                    dependsOn: [saltsVersion, adminVersion, ...role.grants, ...(previous ? [previous] : [])],
                    ignoreChanges: ["ami"],
                },
            );
            this.instances.push(instance);
            if (args.alarmTopicArn) {
                instanceAlarms(serverName, instance.id, args.alarmTopicArn, region, this);
            }
        }
        this.instanceIds = this.instances.map((x) => x.id);
        this.instanceArns = this.instances.map((x) => x.arn);
        this.privateIps = this.instances.map((x) => x.privateIp);

        this.registerOutputs({
            instanceIds: this.instanceIds,
            instanceArns: this.instanceArns,
            privateIps: this.privateIps,
            securityGroupId: this.securityGroupId,
            roleArn: this.roleArn,
            httpPort: this.httpPort,
            saltsSecretArn: this.saltsSecretArn,
            adminSecretArn: this.adminSecretArn,
        });
    }
}
