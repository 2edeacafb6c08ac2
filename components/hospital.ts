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
import { AccountBaseline } from "./account-baseline";
import { formerTypes } from "./identifiers";
import { Monitoring } from "./monitoring";
import { Storage } from "./storage";
import { Backup } from "./backup";
import { AppServers } from "./app-servers";
import { Mail } from "./mail";
import { WebSocketServer } from "./websocket";
import {
    accountBaselineArgs,
    appServersArgs,
    backupArgs,
    cacheArgs,
    databaseArgs,
    edgeArgs,
    keysArgs,
    loadBalancerArgs,
    mailArgs,
    monitoringArgs,
    networkArgs,
    securityArgs,
    smokeTestArgs,
    storageArgs,
    websocketArgs,
} from "./tier-args";

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
        return new Keys(`${name}-keys`, keysArgs(c), { parent: this });
    }

    private createNetwork(name: string, c: HmsConfig): Network {
        return new Network(`${name}-network`, networkArgs(c, { keys: this.keys }), { parent: this });
    }

    /** Account-wide services, when this stack owns them (hms:accountBaseline: one stack per account). */
    private createAccountBaseline(name: string, c: HmsConfig): AccountBaseline {
        return new AccountBaseline(`${name}-account`, accountBaselineArgs(c, { keys: this.keys }), { parent: this });
    }

    private createSecurity(
        name: string,
        c: HmsConfig,
        net: Network,
        mediaBucketArn: pulumi.Output<string | undefined>,
        replicaBucketArn: pulumi.Output<string | undefined>,
    ): Security {
        return new Security(
            `${name}-security`,
            securityArgs(c, {
                network: net,
                keys: this.keys,
                storage: { bucketArn: mediaBucketArn, replicaBucketArn },
            }),
            { parent: this },
        );
    }

    private createStorage(name: string, c: HmsConfig): Storage {
        return new Storage(
            `${name}-storage`,
            storageArgs(c, { keys: this.keys, drKeyFor: (setting) => this.drKeyFor(setting) }),
            { parent: this },
        );
    }

    private createMonitoring(name: string, c: HmsConfig, net: Network): Monitoring {
        return new Monitoring(
            `${name}-monitoring`,
            monitoringArgs(name, c, {
                network: net,
                keys: this.keys,
                security: this.security,
                accountBaseline: this.accountBaseline,
            }),
            { parent: this },
        );
    }

    private createDatabase(name: string, c: HmsConfig, net: Network): Database {
        const database = new Database(
            `${name}-database`,
            databaseArgs(c, { network: net, keys: this.keys, monitoring: this.monitoring }),
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
            cacheArgs(c, { network: net, keys: this.keys, monitoring: this.monitoring }),
            { parent: this },
        );
    }

    private createMail(name: string, c: HmsConfig): Mail {
        return new Mail(`${name}-mail`, mailArgs(c, { zoneId: this.zoneId(c), monitoring: this.monitoring }), {
            parent: this,
        });
    }

    private createAppServers(name: string, c: HmsConfig, net: Network): AppServers {
        // The app tier requires database, cache and storage (TIER_REQUIRES): they exist here.
        const db = this.database!;
        const cache = this.cache!;
        const appServers = new AppServers(
            `${name}-app`,
            appServersArgs(c, {
                network: net,
                keys: this.keys,
                database: db,
                cache,
                storage: this.storage!,
                mail: this.mail,
                monitoring: this.monitoring,
            }),
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
            websocketArgs(c, {
                network: net,
                keys: this.keys,
                cache,
                appServers: app,
                storage: this.storage!,
                monitoring: this.monitoring,
            }),
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
            loadBalancerArgs(c, {
                network: net,
                keys: this.keys,
                appServers: app,
                websocket: ws,
                monitoring: this.monitoring,
            }),
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
        const edge = new Edge(`${name}-edge`, edgeArgs(c, { zoneId: this.zoneId(c), loadBalancer: lb }), {
            parent: this,
        });
        if (e.smokeTest.enabled) {
            this.createSmokeTest(name, c, edge, lb);
        }
        return edge;
    }

    /** Waits for the edge, the load balancer and every server; runs again when any of them changes. */
    private createSmokeTest(name: string, c: HmsConfig, edge: Edge, lb: LoadBalancer): SmokeTest {
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
        return new SmokeTest(`${name}-smoke-test`, smokeTestArgs(c, triggers), {
            parent: this,
            dependsOn: [edge, ...origin],
        });
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
            backupArgs(c, {
                keys: this.keys,
                drKeyFor: (setting) => this.drKeyFor(setting),
                network: this.network,
                database: this.database,
                storage: this.storage,
                instanceArns,
                monitoring: this.monitoring,
            }),
            { parent: this },
        );
    }

    /** The DR key, for a setting that copies data to the DR region (the key exists when one does). */
    private drKeyFor(setting: string): pulumi.Output<string> {
        const drKeyArn = this.keys.drKeyArn;
        if (!drKeyArn) {
            throw new pulumi.RunError(`${setting} is true but no DR key was created`);
        }
        return drKeyArn;
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
