// @ts-nocheck
import * as aws from "@pulumi/aws";
import * as cloudflare from "@pulumi/cloudflare";
import * as pulumi from "@pulumi/pulumi";
import { HmsConfig } from "../config";
import { Cache } from "./cache";
import { Database } from "./database";
import { Edge } from "./edge";
import { Keys } from "./keys";
import { LoadBalancer } from "./load-balancer";
import { Network } from "./network";
import { SmokeTest } from "./smoke-test";
import { Security } from "./security";
import { AccountBaseline, BACKUP_OPT_IN_TYPES } from "./account-baseline";
import { awsIdentifier } from "./identifiers";
import { Monitoring } from "./monitoring";
import { Storage } from "./storage";
import { Backup } from "./backup";
import { AppServers } from "./app-servers";
import { Mail } from "./mail";
import { fixedHostAddress, WebSocketServer } from "./websocket";

export interface HospitalSystemArgs {
    /** The validated stack configuration (config/index.ts). */
    config: HmsConfig;
}

/**
 * The whole Hospital Management System for one environment: it creates the
 * tiers the stack switches on and wires them together (cross-tier security
 * group rules, endpoints, secrets). Tiers take narrow inputs from here and
 * never reach into each other.
 */
export class HospitalSystem extends pulumi.ComponentResource {
    public readonly keys: Keys;
    public readonly network?: Network;
    public readonly security?: Security;
    /** Account-wide services, when this stack owns them (hms:accountBaseline). */
    public readonly accountBaseline?: AccountBaseline;
    public readonly monitoring?: Monitoring;
    public readonly storage?: Storage;
    public readonly backup?: Backup;
    public readonly database?: Database;
    public readonly cache?: Cache;
    public readonly loadBalancer?: LoadBalancer;
    public readonly appServers?: AppServers;
    public readonly mail?: Mail;
    public readonly websocket?: WebSocketServer;
    public readonly edge?: Edge;

    private readonly region: string;

    constructor(name: string, args: HospitalSystemArgs, opts?: pulumi.ComponentResourceOptions) {
        super("hms:index:HospitalSystem", name, {}, opts);
        const c = args.config;
        const parent = { parent: this };
        this.region = c.region;

        // --- keys -------------------------------------------------------------------
        const needsDr = (c.tiers.backup && c.backup.copyToDr) || (c.tiers.storage && c.storage.replicateToDr);
        this.keys = new Keys(
            `${name}-keys`,
            { region: c.region, drRegion: needsDr ? c.drRegion : undefined, protect: c.protectData },
            parent,
        );

        // --- network ----------------------------------------------------------------
        if (c.tiers.network) {
            this.network = new Network(
                `${name}-network`,
                { ...c.network, region: c.region, logsKeyArn: this.keys.logsKeyArn },
                parent,
            );
        }

        // --- account-wide services (hms:accountBaseline: one stack per account) --------------
        if (c.accountBaseline) {
            this.accountBaseline = new AccountBaseline(
                `${name}-account`,
                {
                    region: c.region,
                    guardDuty: c.security?.guardDuty,
                    inspector: c.security?.inspector ?? false,
                    openSearchServiceRole: true,
                    backupOptIn: BACKUP_OPT_IN_TYPES,
                },
                parent,
            );
        }

        // --- security (tier: security) ----------------------------------------------------
        // The trail logs the media bucket's object events, but the bucket is
        // created after this section (storage): its ARN is handed over at the
        // end of the monitoring section, which always runs after storage.
        let handOverMediaBucketArn: (arn: pulumi.Input<string> | undefined) => void = () => undefined;
        let handOverReplicaBucketArn: (arn: pulumi.Input<string> | undefined) => void = () => undefined;
        const replicaBucketArn: pulumi.Output<string | undefined> = pulumi
            .output(new Promise<pulumi.Input<string> | undefined>((resolve) => (handOverReplicaBucketArn = resolve)))
            .apply((arn) => pulumi.output(arn));
        const mediaBucketArn: pulumi.Output<string | undefined> = pulumi
            .output(new Promise<pulumi.Input<string> | undefined>((resolve) => (handOverMediaBucketArn = resolve)))
            .apply((arn) => pulumi.output(arn));
        if (c.security && this.network) {
            const s = c.security;
            this.security = new Security(
                `${name}-security`,
                {
                    region: c.region,
                    vpcId: this.network.vpcId,
                    vpcCidr: c.network.cidr,
                    logsKeyArn: this.keys.logsKeyArn,
                    dataKeyArn: this.keys.dataKeyArn,
                    logRetentionDays: c.logRetentionDays,
                    trail: s.trail
                        ? {
                              ...s.trail,
                              dataEventBucketArn: mediaBucketArn,
                              dataEventReplicaBucketArn: replicaBucketArn,
                              // The audit trail goes to the DR region where patient files do.
                              replica:
                                  c.tiers.storage && c.storage.replicateToDr && this.keys.drKeyArn
                                      ? { region: c.drRegion, kmsKeyArn: this.keys.drKeyArn }
                                      : undefined,
                          }
                        : undefined,
                    vpn: s.vpn ? { ...s.vpn, subnetIds: this.network.appSubnets.ids } : undefined,
                    protect: c.protectData,
                },
                parent,
            );
        }
        // --- end security -----------------------------------------------------------------

        // --- storage (tier: storage) ------------------------------------------------------
        if (c.tiers.storage) {
            const drKeyArn = this.keys.drKeyArn;
            if (c.storage.replicateToDr && !drKeyArn) {
                throw new pulumi.RunError("storage: hms:storageReplicateToDr is true but no DR key was created");
            }
            this.storage = new Storage(
                `${name}-storage`,
                {
                    ...c.storage,
                    region: c.region,
                    dataKeyArn: this.keys.dataKeyArn,
                    accessLogRetentionDays: c.logRetentionDays,
                    replica:
                        c.storage.replicateToDr && drKeyArn ? { region: c.drRegion, kmsKeyArn: drKeyArn } : undefined,
                    protect: c.protectData,
                },
                parent,
            );
        }
        // --- end storage ------------------------------------------------------------------

        // --- monitoring (tier: monitoring) ------------------------------------------------
        if (c.monitoring && this.network) {
            const m = c.monitoring;
            this.monitoring = new Monitoring(
                `${name}-monitoring`,
                {
                    region: c.region,
                    environment: c.environment,
                    resourcePrefix: awsIdentifier(name, 30),
                    vpcId: this.network.vpcId,
                    vpcCidr: c.network.cidr,
                    appSubnetIds: this.network.appSubnets.ids,
                    dataSubnetIds: this.network.dataSubnets.ids,
                    logsKeyArn: this.keys.logsKeyArn,
                    dataKeyArn: this.keys.dataKeyArn,
                    logRetentionDays: c.logRetentionDays,
                    alarmEmail: m.alarmEmail,
                    grafana:
                        m.grafana && this.security?.vpnSecurityGroupId
                            ? {
                                  instanceType: m.grafanaInstanceType,
                                  ubuntuRelease: c.ubuntuRelease,
                                  vpnSecurityGroupId: this.security.vpnSecurityGroupId,
                                  // Probed through Cloudflare when this stack serves the site.
                                  probeUrls: c.edge ? [`https://${c.domain}/`] : [],
                              }
                            : undefined,
                    opensearch: m.opensearch,
                    ingest: m.ingest,
                    adminSecurityGroupId: this.security?.vpnSecurityGroupId,
                    protect: c.protectData,
                    domainDependsOn: this.accountBaseline?.ready,
                },
                parent,
            );
        }
        handOverMediaBucketArn(this.storage?.bucketArn);
        handOverReplicaBucketArn(this.storage?.replicaBucketArn);
        // --- end monitoring ---------------------------------------------------------------

        // --- database (tier: database) ----------------------------------------------------
        if (c.database && this.network) {
            this.database = new Database(
                `${name}-database`,
                {
                    region: c.region,
                    vpcId: this.network.vpcId,
                    subnetIds: this.network.dataSubnets.ids,
                    availabilityZones: this.network.availabilityZones,
                    ...c.database,
                    databaseName: "wordpress",
                    backupRetentionDays: c.backup.retentionDays,
                    logRetentionDays: c.logRetentionDays,
                    dataKeyArn: this.keys.dataKeyArn,
                    logsKeyArn: this.keys.logsKeyArn,
                    protect: c.protectData,
                    alarmTopicArn: this.monitoring?.alarmTopicArn,
                },
                parent,
            );
            // Administrators reach MySQL (TLS, IAM or Secrets Manager credentials) only through the VPN.
            const vpnSecurityGroupId = this.security?.vpnSecurityGroupId;
            if (vpnSecurityGroupId) {
                this.allow(
                    `${name}-vpn-to-database`,
                    { securityGroupId: vpnSecurityGroupId, label: "Client VPN" },
                    { securityGroupId: this.database.securityGroupId, label: "Aurora MySQL" },
                    3306,
                );
            }
        }
        // --- end database -----------------------------------------------------------------

        // --- cache (tier: cache) ----------------------------------------------------------
        if (c.cache && this.network) {
            this.cache = new Cache(
                `${name}-cache`,
                {
                    region: c.region,
                    vpcId: this.network.vpcId,
                    subnetIds: this.network.dataSubnets.ids,
                    availabilityZones: this.network.availabilityZones,
                    ...c.cache,
                    logRetentionDays: c.logRetentionDays,
                    dataKeyArn: this.keys.dataKeyArn,
                    logsKeyArn: this.keys.logsKeyArn,
                    protect: c.protectData,
                    alarmTopicArn: this.monitoring?.alarmTopicArn,
                },
                parent,
            );
        }
        // --- end cache --------------------------------------------------------------------

        // --- app servers (tier: app) ------------------------------------------------------
        if (c.app && this.network) {
            // The app tier requires database, cache and storage (TIER_REQUIRES): they exist here.
            const db = this.database!;
            const cache = this.cache!;
            const storage = this.storage!;
            const mon = this.monitoring;
            // Mail through SES needs the Cloudflare zone for its DNS records.
            if (c.edge) {
                this.mail = new Mail(
                    `${name}-mail`,
                    {
                        region: c.region,
                        domain: c.domain,
                        zoneId: this.zoneId(c, parent),
                        alarmTopicArn: mon?.alarmTopicArn,
                    },
                    parent,
                );
            }
            this.appServers = new AppServers(
                `${name}-app`,
                {
                    region: c.region,
                    environment: c.environment,
                    domain: c.domain,
                    adminEmail: c.owner.includes("@") ? c.owner : `webmaster@${c.domain}`,
                    vpcId: this.network.vpcId,
                    vpcCidr: this.network.cidr,
                    subnetIds: this.network.appSubnets.ids,
                    ...c.app,
                    ubuntuRelease: c.ubuntuRelease,
                    maxUploadMiB: c.loadBalancer?.maxUploadMiB ?? 512,
                    dataKeyArn: this.keys.dataKeyArn,
                    database: {
                        endpoint: db.endpoint,
                        port: db.port,
                        name: "wordpress",
                        masterSecretArn: db.masterSecretArn,
                        securityGroupId: db.securityGroupId,
                    },
                    cache: {
                        endpoint: cache.primaryEndpoint,
                        port: cache.port,
                        authSecretArn: cache.authSecretArn,
                        securityGroupId: cache.securityGroupId,
                    },
                    storage: { bucketName: storage.bucketName, accessPolicyArn: storage.accessPolicyArn },
                    mail: this.mail
                        ? {
                              configurationSetName: this.mail.configurationSetName,
                              sendPolicyArn: this.mail.sendPolicyArn,
                          }
                        : undefined,
                    telemetry: mon
                        ? {
                              remoteWriteUrl: mon.prometheusEndpoint,
                              logsIngestEndpoint: mon.logsIngestEndpoint,
                              policyArn: mon.hostTelemetryPolicyArn,
                          }
                        : undefined,
                    alarmTopicArn: mon?.alarmTopicArn,
                },
                parent,
            );
            const app = { securityGroupId: this.appServers.securityGroupId, label: "WordPress" };
            this.allow(
                `${name}-app-to-database`,
                app,
                { securityGroupId: db.securityGroupId, label: "Aurora MySQL" },
                3306,
            );
            this.allow(
                `${name}-app-to-cache`,
                app,
                { securityGroupId: cache.securityGroupId, label: "ElastiCache" },
                6379,
            );
        }
        // --- end app servers --------------------------------------------------------------

        // --- websocket (tier: websocket) --------------------------------------------------
        if (c.websocket && this.network) {
            // TIER_REQUIRES: websocket needs cache and loadBalancer, which needs app, which needs
            // storage; so all of them exist here.
            const cache = this.cache!;
            const storage = this.storage!;
            const app = this.appServers!;
            const mon = this.monitoring;
            this.websocket = new WebSocketServer(
                `${name}-ws`,
                {
                    region: c.region,
                    environment: c.environment,
                    vpcId: this.network.vpcId,
                    subnetId: this.network.appSubnets.ids[0],
                    privateIp: fixedHostAddress(this.network.appSubnets.cidrs[0]),
                    ...c.websocket,
                    ubuntuRelease: c.ubuntuRelease,
                    dataKeyArn: this.keys.dataKeyArn,
                    cache: {
                        endpoint: cache.primaryEndpoint,
                        port: cache.port,
                        authSecretArn: cache.authSecretArn,
                        securityGroupId: cache.securityGroupId,
                    },
                    wordpress: {
                        privateIps: app.privateIps,
                        httpPort: app.httpPort,
                        securityGroupId: app.securityGroupId,
                    },
                    storage: { bucketName: storage.bucketName, accessPolicyArn: storage.accessPolicyArn },
                    telemetry: mon
                        ? {
                              remoteWriteUrl: mon.prometheusEndpoint,
                              logsIngestEndpoint: mon.logsIngestEndpoint,
                              policyArn: mon.hostTelemetryPolicyArn,
                          }
                        : undefined,
                    alarmTopicArn: mon?.alarmTopicArn,
                },
                parent,
            );
            const ws = { securityGroupId: this.websocket.securityGroupId, label: "WebSocket" };
            this.allow(
                `${name}-ws-to-app`,
                ws,
                { securityGroupId: app.securityGroupId, label: "WordPress" },
                app.httpPort,
            );
            this.allow(
                `${name}-ws-to-cache`,
                ws,
                { securityGroupId: cache.securityGroupId, label: "ElastiCache" },
                6379,
            );
        }
        // --- end websocket ----------------------------------------------------------------

        // --- load balancer (tier: loadBalancer) -------------------------------------------
        if (c.loadBalancer && this.network) {
            // TIER_REQUIRES: the load balancer needs the app tier, created above.
            const app = this.appServers!;
            const ws = this.websocket;
            const mon = this.monitoring;
            this.loadBalancer = new LoadBalancer(
                `${name}-lb`,
                {
                    region: c.region,
                    environment: c.environment,
                    domain: c.domain,
                    vpcId: this.network.vpcId,
                    vpcCidr: this.network.cidr,
                    publicSubnetIds: this.network.publicSubnets.ids,
                    appSubnetIds: this.network.appSubnets.ids,
                    ...c.loadBalancer,
                    ubuntuRelease: c.ubuntuRelease,
                    dataKeyArn: this.keys.dataKeyArn,
                    app: { privateIps: app.privateIps, port: app.httpPort, securityGroupId: app.securityGroupId },
                    websocket: ws
                        ? { privateIp: ws.privateIp, port: ws.port, securityGroupId: ws.securityGroupId }
                        : undefined,
                    protect: c.protectData,
                    alarmTopicArn: mon?.alarmTopicArn,
                    telemetry: mon
                        ? {
                              remoteWriteUrl: mon.prometheusEndpoint,
                              logsIngestEndpoint: mon.logsIngestEndpoint,
                              policyArn: mon.hostTelemetryPolicyArn,
                          }
                        : undefined,
                },
                parent,
            );
            const lb = this.loadBalancer;
            const nlb = { securityGroupId: lb.nlbSecurityGroupId, label: "NLB" };
            const nginx = { securityGroupId: lb.nginxSecurityGroupId, label: "Nginx" };
            this.allow(`${name}-nlb-to-nginx-https`, nlb, nginx, lb.httpsPort);
            this.allow(`${name}-nlb-to-nginx-health`, nlb, nginx, lb.healthPort);
            this.allow(
                `${name}-nginx-to-app`,
                nginx,
                { securityGroupId: app.securityGroupId, label: "WordPress" },
                app.httpPort,
            );
            if (ws) {
                this.allow(
                    `${name}-nginx-to-websocket`,
                    nginx,
                    { securityGroupId: ws.securityGroupId, label: "WebSocket" },
                    ws.port,
                );
            }
        }
        // --- end load balancer ------------------------------------------------------------

        // --- edge (tier: edge) ------------------------------------------------------------
        // Cloudflare in front of the NLB, then the post-deploy smoke test, which
        // waits for the edge, the load balancer and every server. Config
        // validation guarantees the load balancer is on when the edge is (TIER_REQUIRES).
        if (c.edge && this.loadBalancer) {
            const lb = this.loadBalancer;
            this.edge = new Edge(
                `${name}-edge`,
                {
                    ...c.edge,
                    domain: c.domain,
                    zoneId: this.zoneId(c, parent),
                    originHostname: lb.nlbDnsName,
                    originPullCertificatePem: lb.originPullCertificatePem,
                    originPullPrivateKeyPem: lb.originPullPrivateKeyPem,
                },
                parent,
            );
            if (c.edge.smokeTest.enabled) {
                const origin = [lb, this.appServers, this.websocket, this.monitoring?.grafana].filter(
                    (r): r is NonNullable<typeof r> => r !== undefined,
                );
                // Runs again when the edge configuration, the NLB or any server changes.
                const triggers = pulumi
                    .all([
                        this.edge.configurationDigest,
                        lb.nlbArn,
                        pulumi.all(lb.nginxInstanceIds),
                        pulumi.all(this.appServers?.instanceIds ?? []),
                        this.websocket?.instanceId ?? "",
                        this.monitoring?.grafana?.instanceId ?? "",
                    ])
                    .apply(([digest, nlbArn, nginx, app, websocket, grafana]) =>
                        [digest, nlbArn, ...nginx, ...app, websocket, grafana].filter((t) => t !== ""),
                    );
                new SmokeTest(
                    `${name}-smoke-test`,
                    {
                        url: `https://${c.domain}${c.edge.smokeTest.path}`,
                        attempts: c.edge.smokeTest.attempts,
                        intervalSeconds: c.edge.smokeTest.intervalSeconds,
                        triggers,
                    },
                    { parent: this, dependsOn: [this.edge, ...origin] },
                );
            }
        }
        // --- end edge ---------------------------------------------------------------------

        // --- backup (tier: backup) --------------------------------------------------------
        if (c.tiers.backup) {
            // Every server of the stack (tests/backup.test.ts checks none is left out).
            const instanceArns = [
                ...(this.appServers?.instanceArns ?? []),
                ...(this.websocket ? [this.websocket.instanceArn] : []),
                ...(this.loadBalancer?.nginxInstanceArns ?? []),
                ...(this.monitoring?.grafana ? [this.monitoring.grafana.instanceArn] : []),
            ];
            const drKeyArn = this.keys.drKeyArn;
            if (c.backup.copyToDr && !drKeyArn) {
                throw new pulumi.RunError("backup: hms:backupCopyToDr is true but no DR key was created");
            }
            this.backup = new Backup(
                `${name}-backup`,
                {
                    region: c.region,
                    backupKeyArn: this.keys.backupKeyArn,
                    logsKeyArn: this.keys.logsKeyArn,
                    ...c.backup,
                    dr: c.backup.copyToDr && drKeyArn ? { region: c.drRegion, kmsKeyArn: drKeyArn } : undefined,
                    databaseClusterArns: this.database ? [this.database.clusterArn] : undefined,
                    bucketArns: this.storage ? [this.storage.bucketArn] : undefined,
                    instanceArns: instanceArns.length > 0 ? instanceArns : undefined,
                    restoreTesting: c.backup.restoreTesting
                        ? {
                              bucketKmsKeyArn: this.keys.dataKeyArn,
                              databaseNetwork: this.network
                                  ? { vpcId: this.network.vpcId, subnetIds: this.network.dataSubnets.ids }
                                  : undefined,
                          }
                        : undefined,
                    notificationEmail: c.monitoring?.alarmEmail,
                    alarmTopicArn: this.monitoring?.alarmTopicArn,
                    protect: c.protectData,
                },
                parent,
            );
        }
        // --- end backup -------------------------------------------------------------------

        this.registerOutputs({ vpcId: this.network?.vpcId });
    }

    private zone?: pulumi.Output<string>;

    /** The Cloudflare zone of the site (edge and mail records): hms:edgeZoneId, else looked up once by the domain. */
    private zoneId(c: HmsConfig, parent: pulumi.ResourceOptions): pulumi.Output<string> {
        this.zone ??= c.edge?.zoneId
            ? pulumi.output(c.edge.zoneId)
            : cloudflare.getZoneOutput({ filter: { name: c.domain } }, parent).id;
        return this.zone;
    }

    /**
     * A cross-tier rule: lets `fromSg` reach `toSg` on a TCP port. Tiers own
     * their security groups; only the composition connects them.
     */
    protected allow(
        name: string,
        from: { securityGroupId: pulumi.Input<string>; label: string },
        to: { securityGroupId: pulumi.Input<string>; label: string },
        port: number,
    ): aws.vpc.SecurityGroupIngressRule {
        return new aws.vpc.SecurityGroupIngressRule(
            name,
            {
                securityGroupId: to.securityGroupId,
                referencedSecurityGroupId: from.securityGroupId,
                ipProtocol: "tcp",
                fromPort: port,
                toPort: port,
                description: `${from.label} to ${to.label} on ${port}`,
                region: this.region,
            },
            { parent: this },
        );
    }
}
