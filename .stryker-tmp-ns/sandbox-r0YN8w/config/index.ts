// @ts-nocheck
// Reads and validates the stack configuration once and returns one typed
// object. Components never read `pulumi.Config`: they take what this module
// returns. Each tier's settings are declared once, in config/<tier>.ts (key,
// type, default, description, validation), next to the reader that returns
// the tier's slice of its component's Args; Pulumi.yaml's `config:` block and
// the README's configuration reference are generated from those declarations
// (`npm run gen:config`).

import * as pulumi from "@pulumi/pulumi";
import { AppConfig, APP_SETTINGS, readApp } from "./app";
import { BACKUP_SETTINGS, BackupConfig, readBackup } from "./backup";
import { CACHE_SETTINGS, CacheConfig, readCache } from "./cache";
import { DATABASE_SETTINGS, DatabaseConfig, readDatabase } from "./database";
import { EDGE_SETTINGS, EdgeConfig, readEdge } from "./edge";
import { LOAD_BALANCER_SETTINGS, LoadBalancerConfig, readLoadBalancer } from "./load-balancer";
import { MONITORING_SETTINGS, MonitoringConfig, readMonitoring } from "./monitoring";
import { NETWORK_SETTINGS, NetworkConfig, readNetwork } from "./network";
import { Problems } from "./reader";
import { checkServiceRegions } from "./regions";
import { readSecurity, SECURITY_SETTINGS, SecurityConfig } from "./security";
import { AnySetting, keyOf, NAMESPACE, Reader } from "./setting";
import { AWS_REGIONS, readStack, STACK_SETTINGS, StackConfig, Tier } from "./stack";
import { readStorage, STORAGE_SETTINGS, StorageConfig } from "./storage";
import { readWebSocket, WEBSOCKET_SETTINGS, WebSocketConfig } from "./websocket";

export * from "./app";
export * from "./backup";
export * from "./cache";
export * from "./database";
export * from "./edge";
export * from "./load-balancer";
export * from "./monitoring";
export * from "./network";
export * from "./security";
export * from "./stack";
export * from "./storage";
export * from "./websocket";
export { cidrsOverlap, ConfigError, windowMinutes, windowsOverlap } from "./reader";
export { keyOf } from "./setting";
export type { AnySetting, Setting } from "./setting";
export type { ServerSize } from "./sizing";

/**
 * Every setting, grouped as Pulumi.yaml and the README present them. `tier`:
 * the group is read only while `hms:tiers` lists that tier (network, storage
 * and backup settings are read always: other tiers use them).
 */
export const SETTING_GROUPS: ReadonlyArray<{ title: string; tier?: Tier; settings: readonly AnySetting[] }> = [
    { title: "the stack", settings: Object.values(STACK_SETTINGS) },
    { title: "network", settings: Object.values(NETWORK_SETTINGS) },
    { title: "edge (Cloudflare)", tier: "edge", settings: Object.values(EDGE_SETTINGS) },
    { title: "load balancer (NLB + Nginx)", tier: "loadBalancer", settings: Object.values(LOAD_BALANCER_SETTINGS) },
    { title: "WordPress app servers", tier: "app", settings: Object.values(APP_SETTINGS) },
    { title: "WebSocket server", tier: "websocket", settings: Object.values(WEBSOCKET_SETTINGS) },
    { title: "database (Aurora MySQL)", tier: "database", settings: Object.values(DATABASE_SETTINGS) },
    { title: "cache (ElastiCache)", tier: "cache", settings: Object.values(CACHE_SETTINGS) },
    { title: "storage (S3)", settings: Object.values(STORAGE_SETTINGS) },
    { title: "backup (AWS Backup)", settings: Object.values(BACKUP_SETTINGS) },
    { title: "security", tier: "security", settings: Object.values(SECURITY_SETTINGS) },
    { title: "monitoring", tier: "monitoring", settings: Object.values(MONITORING_SETTINGS) },
];

export const ALL_SETTINGS: readonly AnySetting[] = SETTING_GROUPS.flatMap((g) => g.settings);

export interface HmsConfig extends StackConfig {
    project: string;
    network: NetworkConfig;
    /** Present when `hms:tiers` lists `edge`. */
    edge?: EdgeConfig;
    /** Present when `hms:tiers` lists `loadBalancer`. */
    loadBalancer?: LoadBalancerConfig;
    /** Present when `hms:tiers` lists `app`. */
    app?: AppConfig;
    /** Present when `hms:tiers` lists `websocket`. */
    websocket?: WebSocketConfig;
    /** Present when `hms:tiers` lists `database`. */
    database?: DatabaseConfig;
    /** Present when `hms:tiers` lists `cache`. */
    cache?: CacheConfig;
    storage: StorageConfig;
    backup: BackupConfig;
    /** Present when `hms:tiers` lists `security`. */
    security?: SecurityConfig;
    /** Present when `hms:tiers` lists `monitoring`. */
    monitoring?: MonitoringConfig;
}

/** Reads `hms:*` and the `aws:` keys the program depends on from the current stack. */
export function loadConfig(): HmsConfig {
    const values: Record<string, unknown> = {};
    for (const [key, value] of Object.entries(pulumi.runtime.allConfig())) {
        if (key.startsWith(`${NAMESPACE}:`)) {
            values[key.slice(NAMESPACE.length + 1)] = value;
        }
    }
    return parseConfig(pulumi.getProject(), values, new pulumi.Config("aws").get("region"));
}

/**
 * Validates raw configuration values (`hms:<key>` without the namespace, as the
 * CLI hands them over: scalars as strings, lists as JSON) and `aws:region`.
 * Pure: the tests call it directly with bad values.
 */
export function parseConfig(
    project: string,
    values: Record<string, unknown>,
    awsRegion: string | undefined,
): HmsConfig {
    const problems = new Problems();
    const r = new Reader(values, problems);
    const stack = readStack(r, awsRegion);

    // The settings of a tier that is switched off are not validated (a stack
    // may keep its values while the tier is off); network, storage and backup
    // settings are read always because other tiers use them.
    const when = <T>(tier: Tier, read: () => T): T | undefined => (stack.tiers[tier] ? read() : undefined);
    const network = readNetwork(r);
    const edge = when("edge", () => readEdge(r));
    const loadBalancer = when("loadBalancer", () => readLoadBalancer(r, network.azCount));
    const app = when("app", () => readApp(r, stack.ubuntuRelease));
    const websocket = when("websocket", () => readWebSocket(r));
    const database = when("database", () => readDatabase(r));
    const cache = when("cache", () => readCache(r));
    const storage = readStorage(r, stack.environment);
    const backup = readBackup(r);
    const security = when("security", () => readSecurity(r, network.cidr));
    const monitoring = when("monitoring", () => readMonitoring(r, network.azCount));
    r.reportUnknownKeys(ALL_SETTINGS);
    if ((AWS_REGIONS as readonly string[]).includes(stack.region)) {
        checkServiceRegions(problems, stack.region, stack.drRegion, stack.tiers);
    }
    if (monitoring?.grafana && !security?.vpn) {
        r.problem(
            MONITORING_SETTINGS.grafana,
            true,
            `the Grafana server is reached only over the Client VPN: list the security tier in ${keyOf(STACK_SETTINGS.tiers)} with ` +
                `${keyOf(SECURITY_SETTINGS.vpnEnabled)} = true, or set ${keyOf(MONITORING_SETTINGS.grafana)} = false`,
        );
    }

    problems.throwIfAny();
    return {
        project,
        ...stack,
        network,
        edge,
        loadBalancer,
        app,
        websocket,
        database,
        cache,
        storage,
        backup,
        security,
        monitoring,
    };
}
