import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import * as random from "@pulumi/random";
import { renderWordPressUserData, WORDPRESS_SALT_NAMES, wordpressLogFiles } from "../templates/wordpress";
import {
    HardenedServers,
    HostTelemetryArgs,
    hostTelemetry,
    readyCommands,
    secretReadStatements,
    ssmGate,
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
 * starts the server; each server waits for the previous one's readiness gate
 * (SSM Run Command: cloud-init done, its own /healthz answers), which runs
 * again after such an update, so only one is down at a time. To apply the new
 * configuration, replace the servers: `pulumi up --replace <urn of a server>`
 * creates the new one, waits for its gate, publishes its address to the Nginx
 * tier and deletes the old one at the end. New Canonical AMIs are ignored for
 * the same reason (`ignoreChanges: ["ami"]`): security updates arrive through
 * unattended-upgrades; replace a server to move it to the newest image.
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
        const region = args.region;
        this.httpPort = args.httpPort ?? 8080;

        const { saltsSecret, saltsVersion, adminSecret, adminVersion } = this.secrets(name, args);
        this.saltsSecretArn = saltsSecret.arn;
        this.adminSecretArn = adminSecret.arn;

        // --- the servers: hardened block, narrow egress, Session Manager + secrets + bucket --
        const servers = new HardenedServers(
            {
                region,
                vpcId: args.vpcId,
                role: "wordpress",
                securityGroup: {
                    name: `${name}-sg`,
                    description: "WordPress app servers: ingress from the Nginx tier and the WebSocket server only",
                    revokeRulesOnDelete: true,
                },
                egressPrefix: name,
                egress: [
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
                ],
                instanceRole: {
                    name: `${name}-role`,
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
                serverNames: Array.from({ length: args.count }, (_, i) => `${name}-${i + 1}`),
                subnetIds: args.subnetIds,
                instanceType: args.instanceType,
                volumeGiB: args.volumeGiB,
                ubuntuRelease: args.ubuntuRelease,
                dataKeyArn: args.dataKeyArn,
                userData: this.userData(args, saltsSecret.arn, adminSecret.arn),
                // cloud-init applies a changed document only to a new server: replace one at a time.
                userDataReplaceOnChange: false,
                // The secrets exist before the first boot reads them.
                dependsOn: [saltsVersion, adminVersion],
                gate: (instance, i, serverName) =>
                    ssmGate(
                        `${serverName}-ready`,
                        {
                            region,
                            instanceIds: [instance.id],
                            commands: readyCommands(this.httpPort),
                            // Again after an in-place update (a stop and start with new user data).
                            triggers: [instance.id, instance.userDataBase64],
                        },
                        { parent: this, dependsOn: [instance] },
                    ),
                alarmTopicArn: args.alarmTopicArn,
            },
            this,
        );
        this.securityGroupId = servers.securityGroup.id;
        this.roleArn = servers.role.roleArn;
        this.instances = servers.instances;
        this.instanceIds = this.instances.map((x) => x.id);
        this.instanceArns = this.instances.map((x) => x.arn);
        // Known once the server answers its health check: whoever routes to it (the Nginx
        // tier's address list) waits for that.
        this.privateIps = this.instances.map((x, i) =>
            pulumi.all([x.privateIp, servers.gates[i].urn]).apply(([ip]) => ip),
        );

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

    /** The WordPress keys and salts and the first administrator's credentials, in Secrets Manager. */
    private secrets(
        name: string,
        args: AppServersArgs,
    ): {
        saltsSecret: aws.secretsmanager.Secret;
        saltsVersion: aws.secretsmanager.SecretVersion;
        adminSecret: aws.secretsmanager.Secret;
        adminVersion: aws.secretsmanager.SecretVersion;
    } {
        const parent = { parent: this };
        const region = args.region;
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
        return { saltsSecret, saltsVersion, adminSecret, adminVersion };
    }

    /** The cloud-config document of server i (the salts and admin secrets are created above). */
    private userData(
        args: AppServersArgs,
        saltsArn: pulumi.Output<string>,
        adminArn: pulumi.Output<string>,
    ): (index: number) => pulumi.Output<string> {
        const telemetry = hostTelemetry(args.telemetry, {
            region: args.region,
            role: "app",
            environment: args.environment,
            logFiles: wordpressLogFiles(args.phpVersion),
        });
        const settings = pulumi.output({
            dbHost: args.database.endpoint,
            dbPort: args.database.port,
            dbSecret: args.database.masterSecretArn,
            cacheHost: args.cache.endpoint,
            cachePort: args.cache.port,
            cacheSecret: args.cache.authSecretArn,
            saltsArn,
            adminArn,
            bucket: args.storage.bucketName,
            mailConfigurationSet: args.mail?.configurationSetName,
        });
        return (index) =>
            pulumi.all([settings, telemetry]).apply(([s, tel]) =>
                renderWordPressUserData({
                    environment: args.environment,
                    region: args.region,
                    domain: args.domain,
                    siteTitle: args.siteTitle ?? "Hospital Management System",
                    adminEmail: args.adminEmail,
                    index,
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
                        s.mailConfigurationSet === undefined ? undefined : { configurationSet: s.mailConfigurationSet },
                    telemetry: tel,
                }),
            );
    }
}
