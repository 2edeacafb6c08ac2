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
import { awsIdentifier, formerTypes } from "./identifiers";
import { Monitoring } from "./monitoring";
import { Storage } from "./storage";
import { Backup } from "./backup";
import { AppServers } from "./app-servers";
import { Mail } from "./mail";
import { WebSocketServer } from "./websocket";

/** The WordPress schema on the Aurora cluster. */
const WORDPRESS_DATABASE = "wordpress";

/**
 * A value known only after a later step: `value` can be handed to an earlier
 * component now and resolves when `settle` is called.
 */
class Handover {
    private resolve: (v: pulumi.Input<string> | undefined) => void = () => undefined;
    public readonly value: pulumi.Output<string | undefined> = pulumi
        .output(new Promise<pulumi.Input<string> | undefined>((r) => (this.resolve = r)))
        .apply((v) => pulumi.output(v));
    settle(v: pulumi.Input<string> | undefined): void {
        this.resolve(v);
    }
}

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
        super("hms:system:HospitalSystem", name, {}, formerTypes(opts, "hms:index:HospitalSystem"));
        const c = args.config;
        this.region = c.region;
        this.keys = this.createKeys(name, c);
        this.network = c.tiers.network ? this.createNetwork(name, c) : undefined;
        this.accountBaseline = c.accountBaseline ? this.createAccountBaseline(name, c) : undefined;
        const net = this.network;
        // The trail logs the media bucket's object events, but the bucket is created after
        // Security (Storage needs nothing from it, Security's trail needs the bucket): its ARNs
        // reach the trail through these handovers, settled once storage exists.
        const mediaBucket = new Handover();
        const replicaBucket = new Handover();
        this.security =
            c.security && net ? this.createSecurity(name, c, net, mediaBucket.value, replicaBucket.value) : undefined;
        this.storage = c.tiers.storage ? this.createStorage(name, c) : undefined;
        mediaBucket.settle(this.storage?.bucketArn);
        replicaBucket.settle(this.storage?.replicaBucketArn);
        this.monitoring = c.monitoring && net ? this.createMonitoring(name, c, net) : undefined;
        this.database = c.database && net ? this.createDatabase(name, c, net) : undefined;
        this.cache = c.cache && net ? this.createCache(name, c, net) : undefined;
        // Mail through SES needs the Cloudflare zone for its DNS records; WordPress is what sends.
        this.mail = c.app && c.edge ? this.createMail(name, c) : undefined;
        this.appServers = c.app && net ? this.createAppServers(name, c, net) : undefined;
        this.websocket = c.websocket && net ? this.createWebSocket(name, c, net) : undefined;
        this.loadBalancer = c.loadBalancer && net ? this.createLoadBalancer(name, c, net) : undefined;
        // Config validation guarantees the load balancer is on when the edge is (TIER_REQUIRES).
        this.edge = c.edge && this.loadBalancer ? this.createEdge(name, c, c.edge, this.loadBalancer) : undefined;
        this.backup = c.tiers.backup ? this.createBackup(name, c) : undefined;
        this.registerOutputs({ vpcId: this.network?.vpcId });
    }

    private createKeys(name: string, c: HmsConfig): Keys {
        const needsDr = (c.tiers.backup && c.backup.copyToDr) || (c.tiers.storage && c.storage.replicateToDr);
        return new Keys(
            `${name}-keys`,
            { region: c.region, drRegion: needsDr ? c.drRegion : undefined, protect: c.protectData },
            { parent: this },
        );
    }

    private createNetwork(name: string, c: HmsConfig): Network {
        return new Network(
            `${name}-network`,
            { ...c.network, region: c.region, logsKeyArn: this.keys.logsKeyArn },
            { parent: this },
        );
    }

    /** Account-wide services, when this stack owns them (hms:accountBaseline: one stack per account). */
    private createAccountBaseline(name: string, c: HmsConfig): AccountBaseline {
        return new AccountBaseline(
            `${name}-account`,
            {
                region: c.region,
                guardDuty: c.security?.guardDuty,
                inspector: c.security?.inspector ?? false,
                openSearchServiceRole: true,
                backupOptIn: BACKUP_OPT_IN_TYPES,
                enhancedMonitoringLogs: { logsKeyArn: this.keys.logsKeyArn, retentionDays: c.logRetentionDays },
            },
            { parent: this },
        );
    }

    private createSecurity(
        name: string,
        c: HmsConfig,
        net: Network,
        mediaBucketArn: pulumi.Output<string | undefined>,
        replicaBucketArn: pulumi.Output<string | undefined>,
    ): Security {
        const s = c.security!;
        return new Security(
            `${name}-security`,
            {
                region: c.region,
                vpcId: net.vpcId,
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
                vpn: s.vpn ? { ...s.vpn, subnetIds: net.appSubnets.ids } : undefined,
                protect: c.protectData,
            },
            { parent: this },
        );
    }

    private createStorage(name: string, c: HmsConfig): Storage {
        return new Storage(
            `${name}-storage`,
            {
                ...c.storage,
                region: c.region,
                dataKeyArn: this.keys.dataKeyArn,
                accessLogRetentionDays: c.logRetentionDays,
                replica: c.storage.replicateToDr ? this.drCopy(c, "hms:storageReplicateToDr") : undefined,
                protect: c.protectData,
            },
            { parent: this },
        );
    }

    private createMonitoring(name: string, c: HmsConfig, net: Network): Monitoring {
        const m = c.monitoring!;
        return new Monitoring(
            `${name}-monitoring`,
            {
                region: c.region,
                environment: c.environment,
                resourcePrefix: awsIdentifier(name, 30),
                vpcId: net.vpcId,
                vpcCidr: c.network.cidr,
                appSubnetIds: net.appSubnets.ids,
                dataSubnetIds: net.dataSubnets.ids,
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
            { parent: this },
        );
    }

    private createDatabase(name: string, c: HmsConfig, net: Network): Database {
        const database = new Database(
            `${name}-database`,
            {
                region: c.region,
                vpcId: net.vpcId,
                subnetIds: net.dataSubnets.ids,
                availabilityZones: net.availabilityZones,
                ...c.database!,
                databaseName: WORDPRESS_DATABASE,
                backupRetentionDays: c.backup.retentionDays,
                logRetentionDays: c.logRetentionDays,
                dataKeyArn: this.keys.dataKeyArn,
                logsKeyArn: this.keys.logsKeyArn,
                protect: c.protectData,
                alarmTopicArn: this.monitoring?.alarmTopicArn,
            },
            { parent: this },
        );
        // Administrators reach MySQL (TLS, IAM or Secrets Manager credentials) only through the VPN.
        const vpnSecurityGroupId = this.security?.vpnSecurityGroupId;
        if (vpnSecurityGroupId) {
            this.allow(
                `${name}-vpn-to-database`,
                { securityGroupId: vpnSecurityGroupId, label: "Client VPN" },
                { securityGroupId: database.securityGroupId, label: "Aurora MySQL" },
                3306,
            );
        }
        return database;
    }

    private createCache(name: string, c: HmsConfig, net: Network): Cache {
        return new Cache(
            `${name}-cache`,
            {
                region: c.region,
                vpcId: net.vpcId,
                subnetIds: net.dataSubnets.ids,
                availabilityZones: net.availabilityZones,
                ...c.cache!,
                logRetentionDays: c.logRetentionDays,
                dataKeyArn: this.keys.dataKeyArn,
                logsKeyArn: this.keys.logsKeyArn,
                protect: c.protectData,
                alarmTopicArn: this.monitoring?.alarmTopicArn,
            },
            { parent: this },
        );
    }

    private createMail(name: string, c: HmsConfig): Mail {
        return new Mail(
            `${name}-mail`,
            {
                region: c.region,
                domain: c.domain,
                zoneId: this.zoneId(c),
                alarmTopicArn: this.monitoring?.alarmTopicArn,
            },
            { parent: this },
        );
    }

    private createAppServers(name: string, c: HmsConfig, net: Network): AppServers {
        // The app tier requires database, cache and storage (TIER_REQUIRES): they exist here.
        const db = this.database!;
        const cache = this.cache!;
        const appServers = new AppServers(
            `${name}-app`,
            {
                region: c.region,
                environment: c.environment,
                domain: c.domain,
                adminEmail: c.owner.includes("@") ? c.owner : `webmaster@${c.domain}`,
                vpcId: net.vpcId,
                vpcCidr: net.cidr,
                subnetIds: net.appSubnets.ids,
                ...c.app!,
                ubuntuRelease: c.ubuntuRelease,
                maxUploadMiB: c.loadBalancer?.maxUploadMiB ?? 512,
                dataKeyArn: this.keys.dataKeyArn,
                database: {
                    endpoint: db.endpoint,
                    port: db.port,
                    name: WORDPRESS_DATABASE,
                    masterSecretArn: db.masterSecretArn,
                    securityGroupId: db.securityGroupId,
                },
                cache: this.cacheEndpoint(),
                storage: this.mediaBucket(),
                mail: this.mail
                    ? { configurationSetName: this.mail.configurationSetName, sendPolicyArn: this.mail.sendPolicyArn }
                    : undefined,
                telemetry: this.hostTelemetry(),
                alarmTopicArn: this.monitoring?.alarmTopicArn,
            },
            { parent: this },
        );
        const app = { securityGroupId: appServers.securityGroupId, label: "WordPress" };
        this.allow(
            `${name}-app-to-database`,
            app,
            { securityGroupId: db.securityGroupId, label: "Aurora MySQL" },
            3306,
        );
        this.allow(`${name}-app-to-cache`, app, { securityGroupId: cache.securityGroupId, label: "ElastiCache" }, 6379);
        return appServers;
    }

    private createWebSocket(name: string, c: HmsConfig, net: Network): WebSocketServer {
        // TIER_REQUIRES: websocket needs cache and loadBalancer, which needs app, which needs
        // storage; so all of them exist here.
        const cache = this.cache!;
        const app = this.appServers!;
        const websocket = new WebSocketServer(
            `${name}-ws`,
            {
                region: c.region,
                environment: c.environment,
                vpcId: net.vpcId,
                subnetId: net.appSubnets.ids[0],
                ...c.websocket!,
                ubuntuRelease: c.ubuntuRelease,
                dataKeyArn: this.keys.dataKeyArn,
                cache: this.cacheEndpoint(),
                wordpress: {
                    privateIps: app.privateIps,
                    httpPort: app.httpPort,
                    securityGroupId: app.securityGroupId,
                },
                storage: this.mediaBucket(),
                telemetry: this.hostTelemetry(),
                alarmTopicArn: this.monitoring?.alarmTopicArn,
            },
            { parent: this },
        );
        const ws = { securityGroupId: websocket.securityGroupId, label: "WebSocket" };
        this.allow(`${name}-ws-to-app`, ws, { securityGroupId: app.securityGroupId, label: "WordPress" }, app.httpPort);
        this.allow(`${name}-ws-to-cache`, ws, { securityGroupId: cache.securityGroupId, label: "ElastiCache" }, 6379);
        return websocket;
    }

    private createLoadBalancer(name: string, c: HmsConfig, net: Network): LoadBalancer {
        // TIER_REQUIRES: the load balancer needs the app tier, created above.
        const app = this.appServers!;
        const ws = this.websocket;
        const lb = new LoadBalancer(
            `${name}-lb`,
            {
                region: c.region,
                environment: c.environment,
                domain: c.domain,
                vpcId: net.vpcId,
                vpcCidr: net.cidr,
                publicSubnetIds: net.publicSubnets.ids,
                appSubnetIds: net.appSubnets.ids,
                ...c.loadBalancer!,
                ubuntuRelease: c.ubuntuRelease,
                dataKeyArn: this.keys.dataKeyArn,
                app: { privateIps: app.privateIps, port: app.httpPort, securityGroupId: app.securityGroupId },
                websocket: ws
                    ? { privateIp: ws.privateIp, port: ws.port, securityGroupId: ws.securityGroupId }
                    : undefined,
                protect: c.protectData,
                alarmTopicArn: this.monitoring?.alarmTopicArn,
                telemetry: this.hostTelemetry(),
            },
            { parent: this },
        );
        const nlb = { securityGroupId: lb.nlbSecurityGroupId, label: "NLB" };
        const nginx = { securityGroupId: lb.nginxSecurityGroupId, label: "Nginx" };
        this.allow(`${name}-nlb-to-nginx-https`, nlb, nginx, lb.httpsPort);
        this.allow(`${name}-nlb-to-nginx-health`, nlb, nginx, lb.healthPort);
        const wordpress = { securityGroupId: app.securityGroupId, label: "WordPress" };
        this.allow(`${name}-nginx-to-app`, nginx, wordpress, app.httpPort);
        if (ws) {
            const websocket = { securityGroupId: ws.securityGroupId, label: "WebSocket" };
            this.allow(`${name}-nginx-to-websocket`, nginx, websocket, ws.port);
        }
        return lb;
    }

    /** Cloudflare in front of the NLB, then the post-deploy smoke test. */
    private createEdge(name: string, c: HmsConfig, e: NonNullable<HmsConfig["edge"]>, lb: LoadBalancer): Edge {
        const edge = new Edge(
            `${name}-edge`,
            {
                ...e,
                domain: c.domain,
                zoneId: this.zoneId(c),
                originHostname: lb.nlbDnsName,
                originPullCertificatePem: lb.originPullCertificatePem,
                originPullPrivateKeyPem: lb.originPullPrivateKeyPem,
            },
            { parent: this },
        );
        if (e.smokeTest.enabled) {
            this.createSmokeTest(name, c, e, edge, lb);
        }
        return edge;
    }

    /** Waits for the edge, the load balancer and every server; runs again when any of them changes. */
    private createSmokeTest(
        name: string,
        c: HmsConfig,
        e: NonNullable<HmsConfig["edge"]>,
        edge: Edge,
        lb: LoadBalancer,
    ): SmokeTest {
        const grafana = this.monitoring?.grafana;
        const origin = [lb, this.appServers, this.websocket, grafana].filter(
            (r): r is NonNullable<typeof r> => r !== undefined,
        );
        const triggers = pulumi
            .all([
                edge.configurationDigest,
                lb.nlbArn,
                pulumi.all(lb.nginxInstanceIds),
                pulumi.all(this.appServers?.instanceIds ?? []),
                this.websocket?.instanceId ?? "",
                grafana?.instanceId ?? "",
            ])
            .apply(([digest, nlbArn, nginx, app, websocket, grafanaId]) =>
                [digest, nlbArn, ...nginx, ...app, websocket, grafanaId].filter((t) => t !== ""),
            );
        return new SmokeTest(
            `${name}-smoke-test`,
            {
                url: `https://${c.domain}${e.smokeTest.path}`,
                attempts: e.smokeTest.attempts,
                intervalSeconds: e.smokeTest.intervalSeconds,
                triggers,
            },
            { parent: this, dependsOn: [edge, ...origin] },
        );
    }

    private createBackup(name: string, c: HmsConfig): Backup {
        // Every server of the stack (tests/backup.test.ts checks none is left out).
        const instanceArns = [
            ...(this.appServers?.instanceArns ?? []),
            ...(this.websocket ? [this.websocket.instanceArn] : []),
            ...(this.loadBalancer?.nginxInstanceArns ?? []),
            ...(this.monitoring?.grafana ? [this.monitoring.grafana.instanceArn] : []),
        ];
        return new Backup(
            `${name}-backup`,
            {
                region: c.region,
                backupKeyArn: this.keys.backupKeyArn,
                logsKeyArn: this.keys.logsKeyArn,
                ...c.backup,
                dr: c.backup.copyToDr ? this.drCopy(c, "hms:backupCopyToDr") : undefined,
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
            { parent: this },
        );
    }

    /** The DR region and its key, for a setting that copies data there (the key exists when one does). */
    private drCopy(c: HmsConfig, setting: string): { region: string; kmsKeyArn: pulumi.Output<string> } {
        const drKeyArn = this.keys.drKeyArn;
        if (!drKeyArn) {
            throw new pulumi.RunError(`${setting} is true but no DR key was created`);
        }
        return { region: c.drRegion, kmsKeyArn: drKeyArn };
    }

    /** The Redis endpoint, port, AUTH secret and security group servers connect to. */
    private cacheEndpoint() {
        const cache = this.cache!;
        return {
            endpoint: cache.primaryEndpoint,
            port: cache.port,
            authSecretArn: cache.authSecretArn,
            securityGroupId: cache.securityGroupId,
        };
    }

    /** The media bucket and the managed policy that grants access to it. */
    private mediaBucket() {
        const storage = this.storage!;
        return { bucketName: storage.bucketName, accessPolicyArn: storage.accessPolicyArn };
    }

    /** Where a host sends its metrics and logs, and the policy allowing it; none without monitoring. */
    private hostTelemetry() {
        const mon = this.monitoring;
        return mon
            ? {
                  remoteWriteUrl: mon.prometheusEndpoint,
                  logsIngestEndpoint: mon.logsIngestEndpoint,
                  policyArn: mon.hostTelemetryPolicyArn,
              }
            : undefined;
    }

    private zone?: pulumi.Output<string>;

    /** The Cloudflare zone of the site (edge and mail records): hms:edgeZoneId, else looked up once by the domain. */
    private zoneId(c: HmsConfig): pulumi.Output<string> {
        this.zone ??= c.edge?.zoneId
            ? pulumi.output(c.edge.zoneId)
            : cloudflare.getZoneOutput({ filter: { name: c.domain } }, { parent: this }).id;
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
