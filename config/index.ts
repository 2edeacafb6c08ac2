// Reads and validates the stack configuration once and returns one typed
// object. Components never read `pulumi.Config`: they take what this module
// returns. Every key read here is declared in `Pulumi.yaml`.

import * as pulumi from "@pulumi/pulumi";
import { checkServiceRegions } from "./regions";
import { isCidr, Problems, Section, show } from "./reader";
import { CACHE_NODE_TYPES, EC2_INSTANCE_TYPES, RDS_INSTANCE_CLASSES, Size, suggestions } from "./sizing";

export { ConfigError } from "./reader";

export const ENVIRONMENTS = ["production", "staging", "development"] as const;
export type Environment = (typeof ENVIRONMENTS)[number];

export const TIERS = [
    "network",
    "edge",
    "loadBalancer",
    "app",
    "websocket",
    "database",
    "cache",
    "storage",
    "backup",
    "security",
    "monitoring",
] as const;
export type Tier = (typeof TIERS)[number];

/** What a tier cannot work without. */
export const TIER_REQUIRES: Record<Tier, readonly Tier[]> = {
    network: [],
    edge: ["loadBalancer"],
    loadBalancer: ["network", "edge", "app"],
    app: ["network", "database", "cache", "storage"],
    websocket: ["network", "loadBalancer", "cache"],
    database: ["network"],
    cache: ["network"],
    storage: [],
    backup: [],
    security: ["network"],
    monitoring: ["network"],
};

// AWS commercial regions (the partition this project is written for).
export const AWS_REGIONS = [
    "af-south-1", "ap-east-1", "ap-northeast-1", "ap-northeast-2", "ap-northeast-3",
    "ap-south-1", "ap-south-2", "ap-southeast-1", "ap-southeast-2", "ap-southeast-3",
    "ap-southeast-4", "ap-southeast-5", "ap-southeast-7", "ca-central-1", "ca-west-1",
    "eu-central-1", "eu-central-2", "eu-north-1", "eu-south-1", "eu-south-2",
    "eu-west-1", "eu-west-2", "eu-west-3", "il-central-1", "me-central-1", "me-south-1",
    "mx-central-1", "sa-east-1", "us-east-1", "us-east-2", "us-west-1", "us-west-2",
] as const;

/** Ubuntu LTS releases still in standard support that Canonical publishes AMIs for. */
export const UBUNTU_RELEASES = ["22.04", "24.04"] as const;
export type UbuntuRelease = (typeof UBUNTU_RELEASES)[number];

export const CLOUDFLARE_PLANS = ["free", "pro", "business", "enterprise"] as const;
export type CloudflarePlan = (typeof CLOUDFLARE_PLANS)[number];

export interface ServerSize extends Size {
    instanceType: string;
    volumeGiB: number;
}

export interface NetworkConfig {
    cidr: string;
    azCount: number;
    natGateways: number;
    flowLogRetentionDays: number;
}

export interface EdgeConfig {
    /** Existing Cloudflare zone id; when absent the zone is looked up by `hms:domain`. */
    zoneId?: string;
    plan: CloudflarePlan;
    /** OWASP Core Ruleset settings; present on paid plans only (the free plan has no OWASP ruleset). */
    owasp?: { paranoiaLevel: number; scoreThreshold: "low" | "medium" | "high" };
    loginRateLimit: { requests: number; periodSeconds: number; mitigationTimeoutSeconds: number };
    adminAllowCidrs: string[];
    /** Extra Cloudflare Rules language expressions whose requests are blocked (custom rules). */
    blockExpressions: string[];
    /** HSTS sent by Cloudflare (`security_header` zone setting). */
    hsts: { maxAgeSeconds: number; preload: boolean };
    /** Edge cache TTL of static WordPress assets (uploads, wp-includes, theme/plugin assets). */
    staticEdgeTtlSeconds: number;
    smokeTest: { enabled: boolean; path: string; attempts: number; intervalSeconds: number };
}

export interface LoadBalancerConfig extends ServerSize {
    nginxCount: number;
    maxUploadMiB: number;
}

export interface AppConfig extends ServerSize {
    count: number;
    wordpressVersion: string;
    wordpressSha1: string;
    /** PHP of the Ubuntu release (the servers install the distribution's PHP-FPM, which gets security updates). */
    phpVersion: string;
    /** WP-CLI release (GitHub release phar) and the SHA-512 it is verified against. */
    wpCliVersion: string;
    wpCliSha512: string;
    /** wordpress.org plugin versions: Redis Object Cache and WP Offload Media Lite. */
    redisCachePluginVersion: string;
    offloadMediaPluginVersion: string;
}

export interface WebSocketConfig extends ServerSize {
    port: number;
    nodeMajor: number;
    /** S3 key of the hospital's WebSocket release in the environment bucket. */
    releaseKey?: string;
    /** SHA-256 of that release archive; the server refuses an archive that does not match. */
    releaseSha256?: string;
}

export interface DatabaseConfig {
    engineVersion: string;
    instanceClass: string;
    vcpus: number;
    memoryGiB: number;
    instances: number;
    backupWindow: string;
    maintenanceWindow: string;
    monitoringIntervalSeconds: number;
}

export interface CacheConfig {
    engine: "redis" | "valkey";
    engineVersion: string;
    nodeType: string;
    nodes: number;
    snapshotRetentionDays: number;
    snapshotWindow: string;
    maintenanceWindow: string;
}

export interface StorageConfig {
    replicateToDr: boolean;
    objectLock: { enabled: boolean; mode: "GOVERNANCE" | "COMPLIANCE"; days: number };
    noncurrentTransitionDays: number;
    noncurrentExpirationDays: number;
    /** `DataClassification` tag of the media bucket. */
    dataClassification: DataClassification;
}

/** Data classifications of the media bucket; patient files are `phi-restricted`. */
export const DATA_CLASSIFICATIONS = ["phi-restricted", "confidential", "internal", "synthetic-test-data"] as const;
export type DataClassification = (typeof DATA_CLASSIFICATIONS)[number];

export interface BackupConfig {
    retentionDays: number;
    dailySchedule: string;
    hourlySchedule: string;
    continuous: boolean;
    copyToDr: boolean;
    vaultLock: boolean;
    vaultLockChangeableForDays: number;
    restoreTesting: boolean;
}

export interface SecurityConfig {
    cloudTrail: boolean;
    /** Days the CloudTrail bucket keeps log files (audit evidence). */
    trailRetentionDays: number;
    guardDuty: boolean;
    /** GuardDuty Runtime Monitoring of EC2 (GuardDuty manages its agent through SSM). */
    guardDutyRuntimeMonitoring: boolean;
    inspector: boolean;
    vpn: { enabled: boolean; clientCidr: string; splitTunnel: boolean; sessionTimeoutHours: number };
}

export interface MonitoringConfig {
    alarmEmail?: string;
    grafana: boolean;
    opensearch: { engineVersion: string; instanceType: string; instanceCount: number; volumeGiB: number };
    /** Capacity of the OpenSearch Ingestion pipeline in Ingestion OCUs. */
    ingest: { minUnits: number; maxUnits: number };
}

export interface HmsConfig {
    project: string;
    environment: Environment;
    region: string;
    drRegion: string;
    /** The Cloudflare zone (apex) the site is served on, for example hms.example.org. */
    domain: string;
    owner: string;
    /** Protect stateful resources: `protect`, deletion protection, final snapshots. */
    protectData: boolean;
    /** This stack owns the account-wide services (GuardDuty, Inspector, OpenSearch service-linked role, Backup opt-in). */
    accountBaseline: boolean;
    logRetentionDays: number;
    ubuntuRelease: UbuntuRelease;
    tiers: Record<Tier, boolean>;
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

/** CloudWatch Logs accepts only these retention periods. */
export const LOG_RETENTION_DAYS = [
    1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288, 3653,
];

const DOMAIN = /^(?=.{1,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/;
// ddd:hh24:mi-ddd:hh24:mi and hh24:mi-hh24:mi
const WEEKLY_WINDOW = /^(mon|tue|wed|thu|fri|sat|sun):([01]\d|2[0-3]):[0-5]\d-(mon|tue|wed|thu|fri|sat|sun):([01]\d|2[0-3]):[0-5]\d$/;
const DAILY_WINDOW = /^([01]\d|2[0-3]):[0-5]\d-([01]\d|2[0-3]):[0-5]\d$/;
const CRON = /^cron\(\S+ \S+ \S+ \S+ \S+ \S+\)$/;

/** Reads `hms:*` and the `aws:` keys the program depends on from the current stack. */
export function loadConfig(): HmsConfig {
    const values: Record<string, unknown> = {};
    for (const [key, value] of Object.entries(pulumi.runtime.allConfig())) {
        if (key.startsWith("hms:")) {
            values[key.slice("hms:".length)] = value;
        }
    }
    return parseConfig(pulumi.getProject(), values, new pulumi.Config("aws").get("region"));
}

/**
 * Validates raw configuration values (`hms:<key>` without the namespace, as the
 * CLI hands them over: scalars as strings, lists as JSON) and `aws:region`.
 * Pure: the tests call it directly with bad values.
 */
export function parseConfig(project: string, values: Record<string, unknown>, awsRegion: string | undefined): HmsConfig {
    const problems = new Problems();
    const top = Section.root(values, problems);

    const region = awsRegion ?? "";
    if (!(AWS_REGIONS as readonly string[]).includes(region)) {
        problems.add("aws:region", awsRegion, `must be an AWS region, one of ${AWS_REGIONS.join(", ")}`);
    }

    const environment = top.oneOf("environment", ENVIRONMENTS);
    const drRegion = top.string("drRegion", { accepted: "an AWS region different from aws:region" });
    if (drRegion !== "" && !(AWS_REGIONS as readonly string[]).includes(drRegion)) {
        problems.add("hms:drRegion", drRegion, `must be an AWS region, one of ${AWS_REGIONS.join(", ")}`);
    } else if (drRegion !== "" && drRegion === region) {
        problems.add(
            "hms:drRegion",
            drRegion,
            `must differ from aws:region (${region}): backups must be stored in a geographically separate region`,
        );
    }
    const domain = top.string("domain", {
        pattern: DOMAIN,
        accepted: "the DNS name of the Cloudflare zone the site is served on, in lower case (for example hms.example.org)",
    });
    const owner = top.string("owner", { accepted: "the team or e-mail address that owns this stack" });
    const protectData = top.bool("protectData", true);
    const accountBaseline = top.bool("accountBaseline", false);
    const logRetentionDays = top.int("logRetentionDays", { default: 365, min: 1 });
    if (!LOG_RETENTION_DAYS.includes(logRetentionDays)) {
        problems.add("hms:logRetentionDays", logRetentionDays, `must be one of ${LOG_RETENTION_DAYS.join(", ")}`);
    }
    const ubuntuRelease = readUbuntuRelease(top, problems);

    const tiers = readTiers(top, problems);

    // The section of a tier that is switched off is not validated (a stack
    // may keep its values while the tier is off); network, storage and backup
    // settings are read always because other tiers use them.
    const when = <T>(tier: Tier, read: (s: Section) => T): T | undefined => {
        if (!tiers[tier]) {
            top.ignoreSection(tier);
            return undefined;
        }
        return read(top.section(tier));
    };
    const network = readNetwork(top.section("network"));
    const edge = when("edge", readEdge);
    const loadBalancer = when("loadBalancer", (s) => readLoadBalancer(s, network.azCount, problems));
    const app = when("app", (s) => readApp(s, problems, ubuntuRelease));
    const websocket = when("websocket", (s) => readWebSocket(s, problems));
    const database = when("database", (s) => readDatabase(s, problems));
    const cache = when("cache", (s) => readCache(s, problems));
    const storage = readStorage(top.section("storage"), environment);
    const backup = readBackup(top.section("backup"));
    const security = when("security", (s) => readSecurity(s, network.cidr, problems));
    const monitoring = when("monitoring", (s) => readMonitoring(s, network.azCount, problems));
    top.reportUnknownKeys();
    if ((AWS_REGIONS as readonly string[]).includes(region)) {
        checkServiceRegions(problems, region, drRegion, tiers, monitoring?.grafana ? [{ key: "hms:monitoringGrafana", service: "grafana" }] : []);
    }

    if (environment === "production" && !protectData) {
        problems.add("hms:protectData", false, "must be true in production: patient data stores are always protected");
    }
    if (database && windowsOverlap(database.backupWindow, database.maintenanceWindow)) {
        problems.addRaw(
            `hms:databaseBackupWindow = ${show(database.backupWindow)} overlaps hms:databaseMaintenanceWindow = ${show(database.maintenanceWindow)}: ` +
                "choose windows that do not overlap",
        );
    }

    problems.throwIfAny();
    return {
        project, environment, region, drRegion, domain, owner, protectData, accountBaseline, logRetentionDays, ubuntuRelease,
        tiers, network, edge, loadBalancer, app, websocket, database, cache, storage, backup, security, monitoring,
    };
}

function readUbuntuRelease(top: Section, problems: Problems): UbuntuRelease {
    const v = top.string("ubuntuRelease", { default: "24.04" });
    if (v === "20.04" || v === "18.04") {
        problems.add(
            "hms:ubuntuRelease",
            v,
            `Ubuntu ${v} LTS is past its standard support and receives no regular security updates; use one of ${UBUNTU_RELEASES.join(", ")}`,
        );
    } else if (!(UBUNTU_RELEASES as readonly string[]).includes(v)) {
        problems.add("hms:ubuntuRelease", v, `must be one of ${UBUNTU_RELEASES.map((r) => `"${r}"`).join(", ")}`);
    }
    return v as UbuntuRelease;
}

function readTiers(top: Section, problems: Problems): Record<Tier, boolean> {
    const list = top.stringList("tiers", { accepted: `tier names: ${TIERS.join(", ")}` });
    const tiers = Object.fromEntries(TIERS.map((t) => [t, false])) as Record<Tier, boolean>;
    for (const t of list) {
        if ((TIERS as readonly string[]).includes(t)) {
            tiers[t as Tier] = true;
        } else {
            problems.add("hms:tiers", list, `"${t}" is not a tier; tiers are ${TIERS.join(", ")}`);
        }
    }
    for (const t of TIERS) {
        const missing = tiers[t] ? TIER_REQUIRES[t].filter((r) => !tiers[r]) : [];
        if (missing.length > 0) {
            problems.add(
                "hms:tiers",
                list,
                `the ${t} tier needs ${missing.join(", ")} in the list as well (or remove ${t})`,
            );
        }
    }
    return tiers;
}

function readServer(s: Section, problems: Problems, defaults: { volumeGiB: number }): ServerSize {
    const instanceType = s.string("instanceType", { accepted: "an EC2 instance type, for example m6i.2xlarge" });
    const vcpus = s.int("vcpus", { min: 1 });
    const memoryGiB = s.int("memoryGiB", { min: 1 });
    const volumeGiB = s.int("volumeGiB", { default: defaults.volumeGiB, min: 8, max: 16384 });
    checkSize(s, "instanceType", instanceType, { vcpus, memoryGiB }, EC2_INSTANCE_TYPES, problems);
    return { instanceType, vcpus, memoryGiB, volumeGiB };
}

function checkSize(
    s: Section,
    key: string,
    type: string,
    declared: Size,
    table: Map<string, Size>,
    problems: Problems,
): void {
    if (type === "") {
        return;
    }
    const actual = table.get(type);
    if (!actual) {
        problems.add(s.path(key), type, `is not a known instance type; accepted types include ${suggestions(table, type)}`);
        return;
    }
    if (actual.vcpus !== declared.vcpus || actual.memoryGiB !== declared.memoryGiB) {
        problems.add(
            s.path(key),
            type,
            `has ${actual.vcpus} vCPU / ${actual.memoryGiB} GiB but ${s.path("vcpus")} / ${s.path("memoryGiB")} declare ` +
                `${declared.vcpus} vCPU / ${declared.memoryGiB} GiB; pick a type of that size (for example ` +
                `${[...table.entries()].filter(([, v]) => v.vcpus === declared.vcpus && v.memoryGiB === declared.memoryGiB).map(([k]) => k).slice(0, 4).join(", ") || "none known"}) ` +
                "or change the declared size",
        );
    }
}

function readNetwork(s: Section): NetworkConfig {
    const cidr = s.string("cidr", {
        default: "10.20.0.0/16",
        accepted: "an IPv4 CIDR block from /16 to /20, for example 10.20.0.0/16",
    });
    const prefix = Number(cidr.split("/")[1]);
    if (!isCidr(cidr) || prefix < 16 || prefix > 20) {
        s.problem("cidr", cidr, "must be an IPv4 CIDR block from /16 to /20 aligned to its prefix, for example 10.20.0.0/16");
    }
    const azCount = s.int("azCount", { default: 2, min: 2, max: 3 });
    const natGateways = s.int("natGateways", {
        default: 1,
        min: 1,
        max: azCount,
        accepted: `a whole number from 1 to hms:networkAzCount (${azCount}); one per AZ survives the loss of an AZ`,
    });
    const flowLogRetentionDays = s.int("flowLogRetentionDays", { default: 365, min: 1 });
    if (!LOG_RETENTION_DAYS.includes(flowLogRetentionDays)) {
        s.problem("flowLogRetentionDays", flowLogRetentionDays, `must be a CloudWatch Logs retention, one of ${LOG_RETENTION_DAYS.join(", ")}`);
    }
    return { cidr, azCount, natGateways, flowLogRetentionDays };
}

/**
 * Period and mitigation timeout values (seconds) Cloudflare's rate limiting
 * rules accept; each plan accepts those up to its maximum.
 * https://developers.cloudflare.com/waf/rate-limiting-rules/#availability
 */
export const RATE_LIMIT_SECONDS = [
    10, 15, 20, 30, 40, 45, 60, 90, 120, 180, 240, 300, 480, 600, 900, 1200, 1800, 2400, 3600, 65535, 86400,
];

export interface CloudflarePlanLimits {
    /** The `matches` (regular expression) operator: Business and Enterprise only. */
    regex: boolean;
    /** Cloudflare Managed Ruleset and OWASP Core Ruleset (Pro and up); free zones get the Free Managed Ruleset. */
    paidManagedRulesets: boolean;
    /** WAF custom rules per zone. */
    customRules: number;
    /** Longest rate-limit counting period, seconds. */
    maxRateLimitPeriod: number;
    /** Longest rate-limit mitigation timeout, seconds. */
    maxMitigationTimeout: number;
    /** Whether 0 (throttle instead of blocking for a period) is accepted as mitigation timeout. */
    throttle: boolean;
    /** Shortest edge cache TTL a cache rule may set, seconds. */
    minEdgeTtl: number;
}

/** What each Cloudflare plan lets the edge configuration use (Cloudflare WAF, rate limiting and cache rules docs). */
export const CLOUDFLARE_PLAN_LIMITS: Record<CloudflarePlan, CloudflarePlanLimits> = {
    free: { regex: false, paidManagedRulesets: false, customRules: 5, maxRateLimitPeriod: 10, maxMitigationTimeout: 10, throttle: false, minEdgeTtl: 7200 },
    pro: { regex: false, paidManagedRulesets: true, customRules: 20, maxRateLimitPeriod: 60, maxMitigationTimeout: 3600, throttle: false, minEdgeTtl: 3600 },
    business: { regex: true, paidManagedRulesets: true, customRules: 100, maxRateLimitPeriod: 600, maxMitigationTimeout: 86400, throttle: false, minEdgeTtl: 1 },
    enterprise: { regex: true, paidManagedRulesets: true, customRules: 1000, maxRateLimitPeriod: 65535, maxMitigationTimeout: 86400, throttle: true, minEdgeTtl: 1 },
};

/**
 * WAF custom rules the Edge component always creates besides `hms:edgeBlockExpressions`:
 * block /xmlrpc.php, block PHP under /wp-content/uploads, and (when
 * `hms:edgeAdminAllowCidrs` is set) the /wp-admin allowlist.
 */
export function builtInCustomRuleCount(adminAllowCidrs: string[]): number {
    return 2 + (adminAllowCidrs.length > 0 ? 1 : 0);
}

/** Whether a Cloudflare Rules language expression uses a regular expression (`matches` or `~`) outside string literals. */
export function usesRegex(expression: string): boolean {
    return /\bmatches\b|~/.test(withoutStringLiterals(expression));
}

/** The expression with its string literals ("...", r"..." and r#"..."#) blanked out, so operators inside them are not mistaken for real ones. */
function withoutStringLiterals(expression: string): string {
    return expression.replace(/\br(#*)"[\s\S]*?"\1|"(?:[^"\\]|\\.)*"/g, "STRING");
}

/** A rough syntax check of a Rules language expression: balanced parentheses, braces and quotes. */
function expressionProblem(expression: string): string | undefined {
    if (expression.trim() === "") {
        return "is empty";
    }
    if (expression.length > 4096) {
        return "is longer than 4096 characters";
    }
    const withoutStrings = withoutStringLiterals(expression);
    if (withoutStrings.includes('"')) {
        return "has an unterminated string";
    }
    let depth = 0;
    for (const ch of withoutStrings) {
        depth += ch === "(" || ch === "{" ? 1 : ch === ")" || ch === "}" ? -1 : 0;
        if (depth < 0) {
            break;
        }
    }
    return depth === 0 ? undefined : "has unbalanced parentheses or braces";
}

function readEdge(s: Section): EdgeConfig {
    const zoneId = s.optionalString("zoneId", { pattern: /^[0-9a-f]{32}$/, accepted: "a Cloudflare zone id (32 hex digits)" });
    const plan = s.oneOf("plan", CLOUDFLARE_PLANS, "free");
    const limits = CLOUDFLARE_PLAN_LIMITS[plan];
    const paidPlans = CLOUDFLARE_PLANS.filter((p) => CLOUDFLARE_PLAN_LIMITS[p].paidManagedRulesets).join(", ");

    // OWASP Core Ruleset: paid plans only. On free its keys would be ignored
    // silently, so setting them is an error that says why.
    const o = s.section("owasp");
    const owaspValues = {
        paranoiaLevel: o.int("paranoiaLevel", { default: 1, min: 1, max: 4 }),
        scoreThreshold: o.oneOf("scoreThreshold", ["low", "medium", "high"] as const, "medium"),
    };
    let owasp: EdgeConfig["owasp"];
    if (limits.paidManagedRulesets) {
        owasp = owaspValues;
    } else {
        // On free the keys would be ignored silently: say why instead.
        for (const key of ["paranoiaLevel", "scoreThreshold"] as const) {
            if (o.has(key)) {
                o.problem(
                    key,
                    owaspValues[key],
                    `the ${plan} plan has no OWASP Core Ruleset (it gets the Free Managed Ruleset); ` +
                        `remove the key or set hms:edgePlan to one of ${paidPlans}`,
                );
            }
        }
    }

    const r = s.section("loginRateLimit");
    const loginRateLimit = {
        requests: r.int("requests", { default: 5, min: 1, max: 10000 }),
        periodSeconds: r.int("periodSeconds", { default: 10, min: 1 }),
        mitigationTimeoutSeconds: r.int("mitigationTimeoutSeconds", { default: 10, min: 0 }),
    };
    const periods = RATE_LIMIT_SECONDS.filter((v) => v <= limits.maxRateLimitPeriod);
    if (!periods.includes(loginRateLimit.periodSeconds)) {
        r.problem(
            "periodSeconds",
            loginRateLimit.periodSeconds,
            `the ${plan} plan accepts rate-limit periods of ${periods.join(", ")} seconds only`,
        );
    }
    const timeouts = [...(limits.throttle ? [0] : []), ...RATE_LIMIT_SECONDS.filter((v) => v <= limits.maxMitigationTimeout)];
    if (!timeouts.includes(loginRateLimit.mitigationTimeoutSeconds)) {
        r.problem(
            "mitigationTimeoutSeconds",
            loginRateLimit.mitigationTimeoutSeconds,
            `the ${plan} plan accepts mitigation timeouts of ${timeouts.join(", ")} seconds only`,
        );
    }

    const adminAllowCidrs = s.stringList("adminAllowCidrs", {
        item: isCidr,
        accepted: "IPv4 CIDR blocks, for example 203.0.113.0/24",
    });

    const blockExpressions = s.stringList("blockExpressions", {
        accepted: 'Cloudflare Rules language expressions, for example (http.request.uri.path eq "/old-portal")',
    });
    blockExpressions.forEach((e, i) => {
        const problem = expressionProblem(e);
        if (blockExpressions.indexOf(e) < i) {
            s.problem("blockExpressions", e, `item ${i + 1} is listed twice (also item ${blockExpressions.indexOf(e) + 1})`);
        } else if (problem) {
            s.problem("blockExpressions", e, `item ${i + 1} ${problem}; each item must be a Cloudflare Rules language expression`);
        } else if (!limits.regex && usesRegex(e)) {
            s.problem(
                "blockExpressions",
                e,
                `item ${i + 1} uses a regular expression (matches or ~), which the ${plan} plan does not support (business and enterprise do); ` +
                    "use eq, in, contains, starts_with, ends_with or wildcard instead",
            );
        }
    });
    const builtIn = builtInCustomRuleCount(adminAllowCidrs);
    if (builtIn + blockExpressions.length > limits.customRules) {
        s.problem(
            "blockExpressions",
            blockExpressions,
            `the ${plan} plan allows ${limits.customRules} WAF custom rules and ${builtIn} are built in; ` +
                `list at most ${limits.customRules - builtIn} expressions (combine them with "or")`,
        );
    }

    const h = s.section("hsts");
    const hsts = {
        maxAgeSeconds: h.int("maxAgeSeconds", {
            default: 31536000,
            min: 86400,
            max: 31536000,
            accepted: "a whole number of seconds from 86400 (1 day) to 31536000 (1 year)",
        }),
        preload: h.bool("preload", false),
    };
    if (hsts.preload && hsts.maxAgeSeconds < 31536000) {
        h.problem("preload", true, `HSTS preload lists require hms:edgeHstsMaxAgeSeconds = 31536000 (1 year), not ${hsts.maxAgeSeconds}`);
    }

    const staticEdgeTtlSeconds = s.int("staticEdgeTtlSeconds", {
        default: 604800,
        min: 1,
        max: 31536000,
        accepted: "a whole number of seconds up to 31536000 (1 year)",
    });
    if (staticEdgeTtlSeconds < limits.minEdgeTtl) {
        s.problem(
            "staticEdgeTtlSeconds",
            staticEdgeTtlSeconds,
            `the ${plan} plan's cache rules accept edge TTLs of at least ${limits.minEdgeTtl} seconds`,
        );
    }

    const t = s.section("smokeTest");
    const smokeTest = {
        enabled: t.bool("enabled", false),
        path: t.string("path", { default: "/healthz", pattern: /^\/[\w\-./]*$/, accepted: "a URL path starting with /" }),
        attempts: t.int("attempts", { default: 30, min: 1, max: 120 }),
        intervalSeconds: t.int("intervalSeconds", { default: 10, min: 1, max: 300 }),
    };
    return { zoneId, plan, owasp, loginRateLimit, adminAllowCidrs, blockExpressions, hsts, staticEdgeTtlSeconds, smokeTest };
}

function readLoadBalancer(s: Section, azCount: number, problems: Problems): LoadBalancerConfig {
    const size = readServer(s, problems, { volumeGiB: 30 });
    const nginxCount = s.int("nginxCount", { default: azCount, min: 1, max: 12 });
    const maxUploadMiB = s.int("maxUploadMiB", { default: 512, min: 1, max: 5120 });
    return { ...size, nginxCount, maxUploadMiB };
}

/** PHP version each supported Ubuntu release ships (and patches) in its archive. */
export const UBUNTU_PHP: Record<UbuntuRelease, string> = { "22.04": "8.1", "24.04": "8.3" };

/** WP-CLI release pinned by default, with the SHA-512 of its phar as published with the release. */
export const WP_CLI_DEFAULT = {
    version: "2.12.0",
    sha512: "be928f6b8ca1e8dfb9d2f4b75a13aa4aee0896f8a9a0a1c45cd5d2c98605e6172e6d014dda2e27f88c98befc16c040cbb2bd1bfa121510ea5cdf5f6a30fe8832",
};

function readApp(s: Section, problems: Problems, ubuntuRelease: UbuntuRelease): AppConfig {
    const size = readServer(s, problems, { volumeGiB: 100 });
    const count = s.int("count", { min: 1, max: 20 });
    const wordpressVersion = s.string("wordpressVersion", {
        pattern: /^\d+\.\d+(\.\d+)?$/,
        accepted: "a WordPress release number, for example 6.8.3",
    });
    const wordpressSha1 = s.string("wordpressSha1", {
        pattern: /^[0-9a-f]{40}$/,
        accepted: "the SHA-1 of the release tarball as published on wordpress.org (40 hex digits)",
    });
    // The servers run the distribution's PHP-FPM (security updates through
    // unattended-upgrades); another PHP version would need a third-party archive.
    const distroPhp = UBUNTU_PHP[ubuntuRelease] ?? UBUNTU_PHP["24.04"];
    const phpVersion = s.string("phpVersion", { default: distroPhp, accepted: distroPhp });
    if (phpVersion !== distroPhp) {
        problems.add(
            s.path("phpVersion"),
            phpVersion,
            `Ubuntu ${ubuntuRelease} ships PHP ${distroPhp} (the servers install the distribution's PHP-FPM); set ${distroPhp} or remove the key`,
        );
    }
    const wpCliVersion = s.string("wpCliVersion", {
        default: WP_CLI_DEFAULT.version,
        pattern: /^\d+\.\d+\.\d+$/,
        accepted: "a WP-CLI release number, for example 2.12.0",
    });
    const wpCliSha512 = s.string("wpCliSha512", {
        default: wpCliVersion === WP_CLI_DEFAULT.version ? WP_CLI_DEFAULT.sha512 : undefined,
        pattern: /^[0-9a-f]{128}$/,
        accepted: `the SHA-512 of wp-cli-${wpCliVersion}.phar as published with the release (128 hex digits)`,
    });
    const plugin = (key: string, def: string) =>
        s.string(key, { default: def, pattern: /^\d+(\.\d+){1,3}$/, accepted: "a plugin version published on wordpress.org, for example 2.6.5" });
    const redisCachePluginVersion = plugin("redisCachePluginVersion", "2.6.5");
    const offloadMediaPluginVersion = plugin("offloadMediaPluginVersion", "3.2.11");
    return {
        ...size, count, wordpressVersion, wordpressSha1, phpVersion, wpCliVersion, wpCliSha512,
        redisCachePluginVersion, offloadMediaPluginVersion,
    };
}

function readWebSocket(s: Section, problems: Problems): WebSocketConfig {
    const size = readServer(s, problems, { volumeGiB: 100 });
    const port = s.int("port", { default: 8080, min: 1024, max: 65535 });
    const nodeMajor = s.int("nodeMajor", { default: 22, min: 20, accepted: "an even (LTS) Node.js major version, 20 or later" });
    if (nodeMajor % 2 !== 0) {
        problems.add(s.path("nodeMajor"), nodeMajor, "must be an even (LTS) Node.js major version, 20 or later");
    }
    const releaseKey = s.optionalString("releaseKey", {
        pattern: /^[\w\-./]+\.(tar\.gz|tgz)$/,
        accepted: "the S3 key of a .tar.gz release in the environment bucket",
    });
    const releaseSha256 = s.optionalString("releaseSha256", {
        pattern: /^[0-9a-f]{64}$/,
        accepted: "the SHA-256 of the release archive (64 hex digits)",
    });
    if (releaseKey !== undefined && releaseSha256 === undefined) {
        problems.add(
            s.path("releaseSha256"),
            undefined,
            `is required with hms:websocketReleaseKey (${releaseKey}): the server verifies the archive against it`,
        );
    }
    return { ...size, port, nodeMajor, releaseKey, releaseSha256 };
}

function readDatabase(s: Section, problems: Problems): DatabaseConfig {
    const engineVersion = s.string("engineVersion", {
        pattern: /^8\.0\.mysql_aurora\.3\.\d{2}\.\d+$/,
        accepted: "an Aurora MySQL 3 engine version, for example 8.0.mysql_aurora.3.10.0",
    });
    const instanceClass = s.string("instanceClass", { accepted: "an Aurora instance class, for example db.r6g.2xlarge" });
    const vcpus = s.int("vcpus", { min: 1 });
    const memoryGiB = s.int("memoryGiB", { min: 1 });
    checkSize(s, "instanceClass", instanceClass, { vcpus, memoryGiB }, RDS_INSTANCE_CLASSES, problems);
    const instances = s.int("instances", {
        min: 1,
        max: 16,
        accepted: "a whole number from 1 to 16 (1 writer plus readers)",
    });
    const backupWindow = s.string("backupWindow", { default: "03:00-04:00", pattern: DAILY_WINDOW, accepted: "hh24:mi-hh24:mi in UTC" });
    const maintenanceWindow = s.string("maintenanceWindow", {
        default: "sun:05:00-sun:06:00",
        pattern: WEEKLY_WINDOW,
        accepted: "ddd:hh24:mi-ddd:hh24:mi in UTC, for example sun:05:00-sun:06:00",
    });
    const monitoringIntervalSeconds = s.int("monitoringIntervalSeconds", { default: 60, min: 0 });
    if (![0, 1, 5, 10, 15, 30, 60].includes(monitoringIntervalSeconds)) {
        problems.add(s.path("monitoringIntervalSeconds"), monitoringIntervalSeconds, "must be one of 0, 1, 5, 10, 15, 30, 60");
    }
    checkWindowLength(s, "backupWindow", backupWindow, 30, "RDS", problems);
    checkWindowLength(s, "maintenanceWindow", maintenanceWindow, 30, "RDS", problems);
    return { engineVersion, instanceClass, vcpus, memoryGiB, instances, backupWindow, maintenanceWindow, monitoringIntervalSeconds };
}

function readCache(s: Section, problems: Problems): CacheConfig {
    const engine = s.oneOf("engine", ["redis", "valkey"] as const, "redis");
    const engineVersion = s.string("engineVersion", {
        default: engine === "redis" ? "7.1" : "8.0",
        pattern: /^\d+\.\d+$/,
        accepted: "a major.minor engine version, for example 7.1",
    });
    const major = Number(engineVersion.split(".")[0]);
    if (engine === "redis" && major !== 7) {
        problems.add(s.path("engineVersion"), engineVersion, "Redis OSS on ElastiCache must be 7.x (7.0 or 7.1)");
    }
    if (engine === "valkey" && !(major === 7 || major === 8)) {
        problems.add(s.path("engineVersion"), engineVersion, "Valkey on ElastiCache must be 7.x or 8.x");
    }
    const nodeType = s.string("nodeType", { accepted: "an ElastiCache node type, for example cache.r7g.large" });
    if (nodeType !== "" && !CACHE_NODE_TYPES.includes(nodeType)) {
        problems.add(s.path("nodeType"), nodeType, `must be one of ${CACHE_NODE_TYPES.join(", ")}`);
    }
    const nodes = s.int("nodes", { min: 1, max: 6, accepted: "a whole number from 1 to 6 (1 primary plus replicas)" });
    const snapshotRetentionDays = s.int("snapshotRetentionDays", { default: 7, min: 0, max: 35 });
    const snapshotWindow = s.string("snapshotWindow", { default: "02:00-03:00", pattern: DAILY_WINDOW, accepted: "hh24:mi-hh24:mi in UTC" });
    const maintenanceWindow = s.string("maintenanceWindow", {
        default: "sun:06:00-sun:07:00",
        pattern: WEEKLY_WINDOW,
        accepted: "ddd:hh24:mi-ddd:hh24:mi in UTC",
    });
    checkWindowLength(s, "snapshotWindow", snapshotWindow, 60, "ElastiCache", problems);
    checkWindowLength(s, "maintenanceWindow", maintenanceWindow, 60, "ElastiCache", problems);
    if (windowsOverlap(snapshotWindow, maintenanceWindow)) {
        problems.addRaw(
            `${s.path("snapshotWindow")} = ${show(snapshotWindow)} overlaps ${s.path("maintenanceWindow")} = ${show(maintenanceWindow)}: ` +
                "ElastiCache requires windows that do not overlap",
        );
    }
    return { engine, engineVersion, nodeType, nodes, snapshotRetentionDays, snapshotWindow, maintenanceWindow };
}

const WEEKDAYS = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"];

/** Minutes from the start to the end of a daily or weekly window (wrapping past midnight or the week's end). */
export function windowMinutes(window: string): number {
    const [start, end] = window.split("-");
    const weekly = start.split(":").length === 3;
    const at = (p: string) => (weekly ? WEEKDAYS.indexOf(p.slice(0, 3)) * 1440 + minutesOfDay(p.slice(4)) : minutesOfDay(p));
    const cycle = (weekly ? 7 : 1) * 1440;
    return (((at(end) - at(start)) % cycle) + cycle) % cycle;
}

function checkWindowLength(s: Section, key: string, window: string, minMinutes: number, service: string, problems: Problems): void {
    if ((DAILY_WINDOW.test(window) || WEEKLY_WINDOW.test(window)) && windowMinutes(window) < minMinutes) {
        problems.add(s.path(key), window, `must last at least ${minMinutes} minutes (${service} does not accept shorter windows)`);
    }
}

function readStorage(s: Section, environment: Environment): StorageConfig {
    const replicateToDr = s.bool("replicateToDr", false);
    const l = s.section("objectLock");
    const objectLock = {
        enabled: l.bool("enabled", false),
        mode: l.oneOf("mode", ["GOVERNANCE", "COMPLIANCE"] as const, "GOVERNANCE"),
        days: l.int("days", { default: 365, min: 1, max: 36500 }),
    };
    const noncurrentTransitionDays = s.int("noncurrentTransitionDays", { default: 30, min: 30 });
    const noncurrentExpirationDays = s.int("noncurrentExpirationDays", {
        default: 365,
        min: noncurrentTransitionDays + 1,
        accepted: `a whole number greater than hms:storageNoncurrentTransitionDays (${noncurrentTransitionDays})`,
    });
    // Development holds synthetic test data only; the other environments hold patients' files.
    const dataClassification = s.oneOf(
        "dataClassification",
        DATA_CLASSIFICATIONS,
        environment === "development" ? "synthetic-test-data" : "phi-restricted",
    );
    return { replicateToDr, objectLock, noncurrentTransitionDays, noncurrentExpirationDays, dataClassification };
}

function readBackup(s: Section): BackupConfig {
    const retentionDays = s.int("retentionDays", {
        default: 30,
        min: 30,
        max: 36500,
        accepted: "a whole number of days, at least 30 (the hospital's minimum retention)",
    });
    const dailySchedule = s.string("dailySchedule", {
        default: "cron(0 5 ? * * *)",
        pattern: CRON,
        accepted: "an AWS cron expression in UTC, for example cron(0 5 ? * * *)",
    });
    const hourlySchedule = s.string("hourlySchedule", {
        default: "cron(0 * ? * * *)",
        pattern: CRON,
        accepted: "an AWS cron expression in UTC, for example cron(0 * ? * * *)",
    });
    const continuous = s.bool("continuous", true);
    if (continuous && retentionDays > 35) {
        s.problem(
            "retentionDays",
            retentionDays,
            "must be at most 35 while hms:backupContinuous is true (AWS Backup keeps continuous backups 1-35 days); " +
                "set hms:backupContinuous to false to keep hourly snapshots longer",
        );
    }
    const copyToDr = s.bool("copyToDr", true);
    const vaultLock = s.bool("vaultLock", true);
    const vaultLockChangeableForDays = s.int("vaultLockChangeableForDays", { default: 3, min: 3, max: 36500 });
    const restoreTesting = s.bool("restoreTesting", true);
    return { retentionDays, dailySchedule, hourlySchedule, continuous, copyToDr, vaultLock, vaultLockChangeableForDays, restoreTesting };
}

function readSecurity(s: Section, vpcCidr: string, problems: Problems): SecurityConfig {
    const v = s.section("vpn");
    const vpn = {
        enabled: v.bool("enabled", false),
        clientCidr: v.string("clientCidr", {
            default: "10.100.0.0/22",
            accepted: "an IPv4 CIDR block from /12 to /22 that does not overlap the VPC",
        }),
        splitTunnel: v.bool("splitTunnel", true),
        sessionTimeoutHours: v.int("sessionTimeoutHours", { default: 8, min: 8, max: 24 }),
    };
    if (![8, 10, 12, 24].includes(vpn.sessionTimeoutHours)) {
        problems.add(v.path("sessionTimeoutHours"), vpn.sessionTimeoutHours, "must be one of 8, 10, 12, 24");
    }
    const prefix = Number(vpn.clientCidr.split("/")[1]);
    if (!isCidr(vpn.clientCidr) || prefix < 12 || prefix > 22) {
        problems.add(v.path("clientCidr"), vpn.clientCidr, "must be an IPv4 CIDR block from /12 to /22");
    } else if (isCidr(vpcCidr) && cidrsOverlap(vpn.clientCidr, vpcCidr)) {
        problems.add(v.path("clientCidr"), vpn.clientCidr, `must not overlap the VPC (hms:networkCidr = ${vpcCidr})`);
    }
    const security = {
        cloudTrail: s.bool("cloudTrail", true),
        // HIPAA keeps security documentation for six years; 2190 days by default.
        trailRetentionDays: s.int("trailRetentionDays", { default: 2190, min: 365, max: 36500 }),
        guardDuty: s.bool("guardDuty", true),
        guardDutyRuntimeMonitoring: s.bool("guardDutyRuntimeMonitoring", true),
        inspector: s.bool("inspector", true),
        vpn,
    };
    return security;
}

function readMonitoring(s: Section, azCount: number, problems: Problems): MonitoringConfig {
    const alarmEmail = s.optionalString("alarmEmail", { pattern: /^[^@\s]+@[^@\s]+\.[^@\s]+$/, accepted: "an e-mail address" });
    const o = s.section("opensearch");
    const opensearch = {
        engineVersion: o.string("engineVersion", {
            default: "OpenSearch_2.19",
            pattern: /^OpenSearch_\d+\.\d+$/,
            accepted: "an OpenSearch Service engine version, for example OpenSearch_2.19",
        }),
        instanceType: o.string("instanceType", {
            default: "r6g.large.search",
            pattern: /^[a-z0-9]+\.[a-z0-9]+\.search$/,
            accepted: "an OpenSearch instance type, for example r6g.large.search",
        }),
        instanceCount: o.int("instanceCount", { default: 2, min: 1, max: 20 }),
        volumeGiB: o.int("volumeGiB", { default: 100, min: 10, max: 16384 }),
    };
    // A domain of several nodes spreads them over min(azCount, 2 or 3) zones;
    // over two zones OpenSearch Service accepts an even number of nodes only.
    const zones = opensearch.instanceCount > 1 ? Math.min(azCount, opensearch.instanceCount >= 3 ? 3 : 2) : 1;
    if (zones === 2 && opensearch.instanceCount % 2 !== 0) {
        problems.add(
            o.path("instanceCount"),
            opensearch.instanceCount,
            `must be 1 or an even number: the domain spans 2 availability zones (hms:networkAzCount = ${azCount})`,
        );
    }
    const i = s.section("ingest");
    const minUnits = i.int("minUnits", { default: 1, min: 1, max: 96 });
    const maxUnits = i.int("maxUnits", {
        default: Math.max(4, minUnits),
        min: minUnits,
        max: 96,
        accepted: `a whole number from hms:monitoringIngestMinUnits (${minUnits}) to 96`,
    });
    return { alarmEmail, grafana: s.bool("grafana", true), opensearch, ingest: { minUnits, maxUnits } };
}

function toRange(cidr: string): [number, number] {
    const [ip, p] = cidr.split("/");
    const addr = ip.split(".").map(Number).reduce((a, o) => a * 256 + o, 0);
    return [addr, addr + 2 ** (32 - Number(p)) - 1];
}

export function cidrsOverlap(a: string, b: string): boolean {
    const [a0, a1] = toRange(a);
    const [b0, b1] = toRange(b);
    return a0 <= b1 && b0 <= a1;
}

function minutesOfDay(hhmm: string): number {
    const [h, m] = hhmm.split(":").map(Number);
    return h * 60 + m;
}

/** A daily backup window overlaps a weekly maintenance window when their times of day intersect. */
export function windowsOverlap(daily: string, weekly: string): boolean {
    if (!DAILY_WINDOW.test(daily) || !WEEKLY_WINDOW.test(weekly)) {
        return false;
    }
    const [ds, de] = daily.split("-").map(minutesOfDay);
    const [ws, we] = weekly.split("-").map((p) => minutesOfDay(p.slice(4)));
    const span = (s: number, e: number): Array<[number, number]> => (e > s ? [[s, e]] : [[s, 1440], [0, e]]);
    return span(ds, de).some(([a, b]) => span(ws, we).some(([c, d]) => a < d && c < b));
}
