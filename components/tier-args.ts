// The arguments of each tier, made from the validated stack configuration and
// what the tiers created before it hand over: one pure function per tier, used
// by HospitalSystem (components/hospital.ts) with the real components' outputs
// and by the tests that build a tier alone with stand-ins for them. Wiring that
// is not an argument (cross-tier security group rules, handovers settled later,
// the DR key check) stays in HospitalSystem.

import * as pulumi from "@pulumi/pulumi";
import { HmsConfig } from "../config";
import { AccountBaselineArgs, BACKUP_OPT_IN_TYPES } from "./account-baseline";
import { AppServersArgs } from "./app-servers";
import { BackupArgs } from "./backup";
import { CacheArgs } from "./cache";
import { DatabaseArgs } from "./database";
import { EdgeArgs } from "./edge";
import { awsIdentifier } from "./identifiers";
import { KeysArgs } from "./keys";
import { LoadBalancerArgs } from "./load-balancer";
import { MailArgs } from "./mail";
import { MonitoringArgs } from "./monitoring";
import { NetworkArgs } from "./network";
import { SecurityArgs } from "./security";
import { HostTelemetryArgs } from "./server-support";
import { SmokeTestArgs } from "./smoke-test";
import { StorageArgs } from "./storage";
import { WebSocketServerArgs } from "./websocket";

/** The WordPress schema on the Aurora cluster. */
export const WORDPRESS_DATABASE = "wordpress";

type Id = pulumi.Input<string>;

// What the tiers hand over, under the names of the components' own outputs (so HospitalSystem
// hands the component itself); each tier's handover below picks what it reads.

/** Network's VPC, its CIDR block and its subnets (one per AZ, in the order of its AZs). */
export interface NetworkOutputs {
    vpcId: Id;
    cidr: string;
    availabilityZones: Id[];
    publicSubnets: { ids: Id[] };
    appSubnets: { ids: Id[] };
    dataSubnets: { ids: Id[] };
}

/** The ARNs of Keys' KMS keys (the DR region's when Keys made one). */
export interface KeysOutputs {
    dataKeyArn: Id;
    logsKeyArn: Id;
    backupKeyArn: Id;
    drKeyArn?: Id;
}

/** Where a host sends its metrics and logs and the alarm topic: what the monitoring tier hands the others. */
export interface MonitoringOutputs {
    alarmTopicArn: Id;
    prometheusEndpoint: Id;
    logsIngestEndpoint: Id;
    hostTelemetryPolicyArn: Id;
}

/** The Redis endpoint, port, AUTH secret and security group servers connect to. */
export interface CacheOutputs {
    primaryEndpoint: Id;
    port: pulumi.Input<number>;
    authSecretArn: Id;
    securityGroupId: Id;
}

/** The media bucket and the managed policy that grants access to it. */
export interface MediaBucketOutputs {
    bucketName: Id;
    accessPolicyArn: Id;
}

/** The WordPress servers, as the tiers in front of them reach them. */
export interface AppServersOutputs {
    privateIps: Id[];
    httpPort: number;
    securityGroupId: Id;
}

/** The DR key for `setting`, a setting that copies data to the DR region (HospitalSystem throws when Keys made none). */
export type DrKeyFor = (setting: string) => Id;

/** The DR region and its key, for a setting that copies data there. */
function drCopy(c: HmsConfig, drKeyFor: DrKeyFor, setting: string): { region: string; kmsKeyArn: Id } {
    return { region: c.drRegion, kmsKeyArn: drKeyFor(setting) };
}

/** The cache's endpoint as a server tier takes it. */
function cacheEndpoint(cache: CacheOutputs): AppServersArgs["cache"] {
    return {
        endpoint: cache.primaryEndpoint,
        port: cache.port,
        authSecretArn: cache.authSecretArn,
        securityGroupId: cache.securityGroupId,
    };
}

/** The media bucket as a server tier takes it. */
function mediaBucket(storage: MediaBucketOutputs): AppServersArgs["storage"] {
    return { bucketName: storage.bucketName, accessPolicyArn: storage.accessPolicyArn };
}

/** Where a host sends its metrics and logs, and the policy allowing it; none without monitoring. */
function hostTelemetry(monitoring: MonitoringOutputs | undefined): HostTelemetryArgs | undefined {
    return monitoring
        ? {
              remoteWriteUrl: monitoring.prometheusEndpoint,
              logsIngestEndpoint: monitoring.logsIngestEndpoint,
              policyArn: monitoring.hostTelemetryPolicyArn,
          }
        : undefined;
}

/** Keys: the primary region's keys, and the DR region's when backups or the media bucket are copied there. */
export function keysArgs(c: HmsConfig): KeysArgs {
    const needsDr = (c.tiers.backup && c.backup.copyToDr) || (c.tiers.storage && c.storage.replicateToDr);
    return { region: c.region, drRegion: needsDr ? c.drRegion : undefined, protect: c.protectData };
}

/** What Network and AccountBaseline are handed: the logs key. */
export interface LogsKeyHandover {
    keys: Pick<KeysOutputs, "logsKeyArn">;
}

/** Network: the configured VPC, its flow logs encrypted with the logs key. */
export function networkArgs(c: HmsConfig, h: LogsKeyHandover): NetworkArgs {
    return { ...c.network, region: c.region, logsKeyArn: h.keys.logsKeyArn };
}

/** AccountBaseline: the account-wide services (hms:accountBaseline), GuardDuty and Inspector as Security's settings say. */
export function accountBaselineArgs(c: HmsConfig, h: LogsKeyHandover): AccountBaselineArgs {
    return {
        region: c.region,
        guardDuty: c.security?.guardDuty,
        inspector: c.security?.inspector ?? false,
        openSearchServiceRole: true,
        backupOptIn: BACKUP_OPT_IN_TYPES,
        enhancedMonitoringLogs: { logsKeyArn: h.keys.logsKeyArn, retentionDays: c.logRetentionDays },
    };
}

/** What Security is handed: the VPC, the keys and the media bucket (and its replica) whose object events the trail logs. */
export interface SecurityHandover {
    network: Pick<NetworkOutputs, "vpcId" | "appSubnets">;
    keys: Pick<KeysOutputs, "logsKeyArn" | "dataKeyArn" | "drKeyArn">;
    storage: { bucketArn: pulumi.Input<string | undefined>; replicaBucketArn?: pulumi.Input<string | undefined> };
}

/** Security: the CloudTrail trail (replicated to the DR region where patient files are) and the Client VPN in the app subnets. */
export function securityArgs(c: HmsConfig, h: SecurityHandover): SecurityArgs {
    const s = c.security!;
    const drKeyArn = h.keys.drKeyArn;
    return {
        region: c.region,
        vpcId: h.network.vpcId,
        vpcCidr: c.network.cidr,
        logsKeyArn: h.keys.logsKeyArn,
        dataKeyArn: h.keys.dataKeyArn,
        logRetentionDays: c.logRetentionDays,
        trail: s.trail
            ? {
                  ...s.trail,
                  dataEventBucketArn: h.storage.bucketArn,
                  dataEventReplicaBucketArn: h.storage.replicaBucketArn,
                  // The audit trail goes to the DR region where patient files do.
                  replica:
                      c.tiers.storage && c.storage.replicateToDr && drKeyArn
                          ? { region: c.drRegion, kmsKeyArn: drKeyArn }
                          : undefined,
              }
            : undefined,
        vpn: s.vpn ? { ...s.vpn, subnetIds: h.network.appSubnets.ids } : undefined,
        protect: c.protectData,
    };
}

/** What Storage is handed: the data key, and the DR key when the bucket is replicated. */
export interface StorageHandover {
    keys: Pick<KeysOutputs, "dataKeyArn">;
    drKeyFor: DrKeyFor;
}

/** Storage: the media bucket, replicated to the DR region when hms:storageReplicateToDr says so. */
export function storageArgs(c: HmsConfig, h: StorageHandover): StorageArgs {
    return {
        ...c.storage,
        region: c.region,
        dataKeyArn: h.keys.dataKeyArn,
        accessLogRetentionDays: c.logRetentionDays,
        replica: c.storage.replicateToDr ? drCopy(c, h.drKeyFor, "hms:storageReplicateToDr") : undefined,
        protect: c.protectData,
    };
}

/** What Monitoring is handed: the VPC, the keys, the VPN's security group and what the account baseline must create first. */
export interface MonitoringHandover {
    network: Pick<NetworkOutputs, "vpcId" | "appSubnets" | "dataSubnets">;
    keys: Pick<KeysOutputs, "logsKeyArn" | "dataKeyArn">;
    security?: { vpnSecurityGroupId?: Id };
    accountBaseline?: { ready: pulumi.Resource[] };
}

/** Monitoring of the system `name`: Grafana only where the Client VPN reaches it, probing the site when this stack serves it. */
export function monitoringArgs(name: string, c: HmsConfig, h: MonitoringHandover): MonitoringArgs {
    const m = c.monitoring!;
    const vpnSecurityGroupId = h.security?.vpnSecurityGroupId;
    return {
        region: c.region,
        environment: c.environment,
        resourcePrefix: awsIdentifier(name, 30),
        vpcId: h.network.vpcId,
        vpcCidr: c.network.cidr,
        appSubnetIds: h.network.appSubnets.ids,
        dataSubnetIds: h.network.dataSubnets.ids,
        logsKeyArn: h.keys.logsKeyArn,
        dataKeyArn: h.keys.dataKeyArn,
        logRetentionDays: c.logRetentionDays,
        alarmEmail: m.alarmEmail,
        grafana:
            m.grafana && vpnSecurityGroupId
                ? {
                      instanceType: m.grafanaInstanceType,
                      ubuntuRelease: c.ubuntuRelease,
                      vpnSecurityGroupId,
                      // Probed through Cloudflare when this stack serves the site.
                      probeUrls: c.edge ? [`https://${c.domain}/`] : [],
                  }
                : undefined,
        opensearch: m.opensearch,
        ingest: m.ingest,
        adminSecurityGroupId: vpnSecurityGroupId,
        protect: c.protectData,
        domainDependsOn: h.accountBaseline?.ready,
    };
}

/** What a data tier (Database, Cache) is handed: the data subnets, the keys and the alarm topic. */
export interface DataTierHandover {
    network: Pick<NetworkOutputs, "vpcId" | "dataSubnets" | "availabilityZones">;
    keys: Pick<KeysOutputs, "dataKeyArn" | "logsKeyArn">;
    monitoring?: Pick<MonitoringOutputs, "alarmTopicArn">;
}

/** Database: the configured Aurora cluster in the data subnets, holding the WordPress schema. */
export function databaseArgs(c: HmsConfig, h: DataTierHandover): DatabaseArgs {
    return {
        region: c.region,
        vpcId: h.network.vpcId,
        subnetIds: h.network.dataSubnets.ids,
        availabilityZones: h.network.availabilityZones,
        ...c.database!,
        databaseName: WORDPRESS_DATABASE,
        backupRetentionDays: c.backup.retentionDays,
        logRetentionDays: c.logRetentionDays,
        dataKeyArn: h.keys.dataKeyArn,
        logsKeyArn: h.keys.logsKeyArn,
        protect: c.protectData,
        alarmTopicArn: h.monitoring?.alarmTopicArn,
    };
}

/** Cache: the configured replication group in the data subnets. */
export function cacheArgs(c: HmsConfig, h: DataTierHandover): CacheArgs {
    return {
        region: c.region,
        vpcId: h.network.vpcId,
        subnetIds: h.network.dataSubnets.ids,
        availabilityZones: h.network.availabilityZones,
        ...c.cache!,
        logRetentionDays: c.logRetentionDays,
        dataKeyArn: h.keys.dataKeyArn,
        logsKeyArn: h.keys.logsKeyArn,
        protect: c.protectData,
        alarmTopicArn: h.monitoring?.alarmTopicArn,
    };
}

/** What Mail is handed: the site's Cloudflare zone and the alarm topic. */
export interface MailHandover {
    zoneId: Id;
    monitoring?: Pick<MonitoringOutputs, "alarmTopicArn">;
}

/** Mail: SES for the site's domain. */
export function mailArgs(c: HmsConfig, h: MailHandover): MailArgs {
    return { region: c.region, domain: c.domain, zoneId: h.zoneId, alarmTopicArn: h.monitoring?.alarmTopicArn };
}

/** What the app servers are handed: the app subnets, the data key, and the tiers WordPress uses. */
export interface AppServersHandover {
    network: Pick<NetworkOutputs, "vpcId" | "cidr" | "appSubnets">;
    keys: Pick<KeysOutputs, "dataKeyArn">;
    database: Omit<AppServersArgs["database"], "name">;
    cache: CacheOutputs;
    storage: MediaBucketOutputs;
    mail?: NonNullable<AppServersArgs["mail"]>;
    monitoring?: MonitoringOutputs;
}

/** AppServers: WordPress in the app subnets, on the WordPress schema, the cache, the media bucket and SES when there is mail. */
export function appServersArgs(c: HmsConfig, h: AppServersHandover): AppServersArgs {
    const db = h.database;
    return {
        region: c.region,
        environment: c.environment,
        domain: c.domain,
        adminEmail: c.owner.includes("@") ? c.owner : `webmaster@${c.domain}`,
        vpcId: h.network.vpcId,
        vpcCidr: h.network.cidr,
        subnetIds: h.network.appSubnets.ids,
        ...c.app!,
        ubuntuRelease: c.ubuntuRelease,
        maxUploadMiB: c.loadBalancer?.maxUploadMiB ?? 512,
        dataKeyArn: h.keys.dataKeyArn,
        database: {
            endpoint: db.endpoint,
            port: db.port,
            name: WORDPRESS_DATABASE,
            masterSecretArn: db.masterSecretArn,
            securityGroupId: db.securityGroupId,
        },
        cache: cacheEndpoint(h.cache),
        storage: mediaBucket(h.storage),
        mail: h.mail
            ? { configurationSetName: h.mail.configurationSetName, sendPolicyArn: h.mail.sendPolicyArn }
            : undefined,
        telemetry: hostTelemetry(h.monitoring),
        alarmTopicArn: h.monitoring?.alarmTopicArn,
    };
}

/** What the WebSocket server is handed: the app subnets, the data key, the cache, WordPress and the media bucket. */
export interface WebSocketHandover {
    network: Pick<NetworkOutputs, "vpcId" | "appSubnets">;
    keys: Pick<KeysOutputs, "dataKeyArn">;
    cache: CacheOutputs;
    appServers: AppServersOutputs;
    storage: MediaBucketOutputs;
    monitoring?: MonitoringOutputs;
}

/** WebSocketServer: one server in the first app subnet, next to WordPress. */
export function websocketArgs(c: HmsConfig, h: WebSocketHandover): WebSocketServerArgs {
    const app = h.appServers;
    return {
        region: c.region,
        environment: c.environment,
        vpcId: h.network.vpcId,
        subnetId: h.network.appSubnets.ids[0],
        ...c.websocket!,
        ubuntuRelease: c.ubuntuRelease,
        dataKeyArn: h.keys.dataKeyArn,
        cache: cacheEndpoint(h.cache),
        wordpress: {
            privateIps: app.privateIps,
            httpPort: app.httpPort,
            securityGroupId: app.securityGroupId,
        },
        storage: mediaBucket(h.storage),
        telemetry: hostTelemetry(h.monitoring),
        alarmTopicArn: h.monitoring?.alarmTopicArn,
    };
}

/** What the load balancer is handed: the public and app subnets, the data key, and the servers behind it. */
export interface LoadBalancerHandover {
    network: Pick<NetworkOutputs, "vpcId" | "cidr" | "publicSubnets" | "appSubnets">;
    keys: Pick<KeysOutputs, "dataKeyArn">;
    appServers: AppServersOutputs;
    websocket?: { privateIp: Id; port: number; securityGroupId: Id };
    monitoring?: MonitoringOutputs;
}

/** LoadBalancer: the NLB in the public subnets and Nginx in the app subnets, in front of WordPress and the WebSocket server. */
export function loadBalancerArgs(c: HmsConfig, h: LoadBalancerHandover): LoadBalancerArgs {
    const app = h.appServers;
    const ws = h.websocket;
    return {
        region: c.region,
        environment: c.environment,
        domain: c.domain,
        vpcId: h.network.vpcId,
        vpcCidr: h.network.cidr,
        publicSubnetIds: h.network.publicSubnets.ids,
        appSubnetIds: h.network.appSubnets.ids,
        ...c.loadBalancer!,
        ubuntuRelease: c.ubuntuRelease,
        dataKeyArn: h.keys.dataKeyArn,
        app: { privateIps: app.privateIps, port: app.httpPort, securityGroupId: app.securityGroupId },
        websocket: ws ? { privateIp: ws.privateIp, port: ws.port, securityGroupId: ws.securityGroupId } : undefined,
        protect: c.protectData,
        alarmTopicArn: h.monitoring?.alarmTopicArn,
        telemetry: hostTelemetry(h.monitoring),
    };
}

/** What the edge is handed: the site's Cloudflare zone, and the NLB and origin-pull certificate of the load balancer. */
export interface EdgeHandover {
    zoneId: Id;
    loadBalancer: { nlbDnsName: Id; originPullCertificatePem: Id; originPullPrivateKeyPem: Id };
}

/** Edge: Cloudflare in front of the NLB, as hms:edge* configures it. */
export function edgeArgs(c: HmsConfig, h: EdgeHandover): EdgeArgs {
    const lb = h.loadBalancer;
    return {
        ...c.edge!,
        domain: c.domain,
        zoneId: h.zoneId,
        originHostname: lb.nlbDnsName,
        originPullCertificatePem: lb.originPullCertificatePem,
        originPullPrivateKeyPem: lb.originPullPrivateKeyPem,
    };
}

/** SmokeTest: the configured page fetched through Cloudflare; `triggers` (what it waits for) run it again. */
export function smokeTestArgs(c: HmsConfig, triggers: SmokeTestArgs["triggers"]): SmokeTestArgs {
    const t = c.edge!.smokeTest;
    return { url: `https://${c.domain}${t.path}`, attempts: t.attempts, intervalSeconds: t.intervalSeconds, triggers };
}

/** What Backup is handed: the keys, the alarm topic, and what it protects (the database, the bucket, the servers). */
export interface BackupHandover {
    keys: Pick<KeysOutputs, "backupKeyArn" | "logsKeyArn" | "dataKeyArn">;
    drKeyFor: DrKeyFor;
    /** Where restore tests create a database: the data subnets. */
    network?: Pick<NetworkOutputs, "vpcId" | "dataSubnets">;
    database?: { clusterArn: Id };
    storage?: { bucketArn: Id };
    /** Every server of the stack (tests/backup.test.ts checks none is left out). */
    instanceArns: Id[];
    monitoring?: Pick<MonitoringOutputs, "alarmTopicArn">;
}

/** Backup: the vault and plan of what the stack holds, copied to the DR region when hms:backupCopyToDr says so. */
export function backupArgs(c: HmsConfig, h: BackupHandover): BackupArgs {
    return {
        region: c.region,
        backupKeyArn: h.keys.backupKeyArn,
        logsKeyArn: h.keys.logsKeyArn,
        ...c.backup,
        dr: c.backup.copyToDr ? drCopy(c, h.drKeyFor, "hms:backupCopyToDr") : undefined,
        databaseClusterArns: h.database ? [h.database.clusterArn] : undefined,
        bucketArns: h.storage ? [h.storage.bucketArn] : undefined,
        instanceArns: h.instanceArns.length > 0 ? h.instanceArns : undefined,
        restoreTesting: c.backup.restoreTesting
            ? {
                  bucketKmsKeyArn: h.keys.dataKeyArn,
                  databaseNetwork: h.network
                      ? { vpcId: h.network.vpcId, subnetIds: h.network.dataSubnets.ids }
                      : undefined,
              }
            : undefined,
        notificationEmail: c.monitoring?.alarmEmail,
        alarmTopicArn: h.monitoring?.alarmTopicArn,
        protect: c.protectData,
    };
}
