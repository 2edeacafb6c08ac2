// @ts-nocheck
// 
// The stack's own settings: which environment it is, where it runs, who owns
// it, and which tiers it deploys.

import { booleanSetting, integerSetting, Reader, stringListSetting, stringSetting } from "./setting";

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
    "af-south-1",
    "ap-east-1",
    "ap-northeast-1",
    "ap-northeast-2",
    "ap-northeast-3",
    "ap-south-1",
    "ap-south-2",
    "ap-southeast-1",
    "ap-southeast-2",
    "ap-southeast-3",
    "ap-southeast-4",
    "ap-southeast-5",
    "ap-southeast-7",
    "ca-central-1",
    "ca-west-1",
    "eu-central-1",
    "eu-central-2",
    "eu-north-1",
    "eu-south-1",
    "eu-south-2",
    "eu-west-1",
    "eu-west-2",
    "eu-west-3",
    "il-central-1",
    "me-central-1",
    "me-south-1",
    "mx-central-1",
    "sa-east-1",
    "us-east-1",
    "us-east-2",
    "us-west-1",
    "us-west-2",
] as const;

/** Ubuntu LTS releases still in standard support that Canonical publishes AMIs for. */
export const UBUNTU_RELEASES = ["22.04", "24.04"] as const;
export type UbuntuRelease = (typeof UBUNTU_RELEASES)[number];

/** CloudWatch Logs accepts only these retention periods. */
export const LOG_RETENTION_DAYS = [
    1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288, 3653,
];

const DOMAIN = /^(?=.{1,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/;

const isRegion = (v: string): boolean => (AWS_REGIONS as readonly string[]).includes(v);

export const STACK_SETTINGS = {
    environment: stringSetting<Environment>({
        key: "environment",
        description: "Environment this stack deploys: production, staging or development.",
        values: ENVIRONMENTS,
    }),
    drRegion: stringSetting({
        key: "drRegion",
        description:
            "AWS region for disaster recovery (backup copies, bucket replication); must differ from aws:region.",
        check: isRegion,
        accepted: `an AWS region, one of ${AWS_REGIONS.join(", ")}`,
    }),
    domain: stringSetting({
        key: "domain",
        description:
            "DNS name of the existing Cloudflare zone the site is served on (apex and www), e.g. hms.example.org.",
        pattern: DOMAIN,
        accepted:
            "the DNS name of the Cloudflare zone the site is served on, in lower case (for example hms.example.org)",
    }),
    owner: stringSetting({
        key: "owner",
        description: "Team or e-mail address that owns the stack (also in aws:defaultTags).",
        accepted: "the team or e-mail address that owns this stack",
    }),
    protectData: booleanSetting({
        key: "protectData",
        description:
            "Protect stateful resources (protect, deletion protection, final snapshots, retained keys); must be true in production.",
        default: true,
    }),
    accountBaseline: booleanSetting({
        key: "accountBaseline",
        description:
            "This stack creates the account-wide services (GuardDuty detector, Inspector, the OpenSearch service-linked role, AWS Backup opt-in): exactly one stack per account and region.",
        default: false,
    }),
    logRetentionDays: integerSetting({
        key: "logRetentionDays",
        description: "CloudWatch Logs retention in days, one of the values CloudWatch accepts.",
        default: 365,
        min: 1,
        values: LOG_RETENTION_DAYS,
    }),
    ubuntuRelease: stringSetting({
        key: "ubuntuRelease",
        description: "Ubuntu LTS release of every server, 22.04 or 24.04. 20.04 is past standard support and refused.",
        default: "24.04",
        pattern: /^\d\d\.\d\d$/,
        accepted: `one of ${UBUNTU_RELEASES.map((r) => `"${r}"`).join(", ")}`,
    }),
    tiers: stringListSetting({
        key: "tiers",
        description: `Tiers this stack deploys: ${TIERS.join(", ")}. A tier's requirements must be listed too.`,
        accepted: `tier names: ${TIERS.join(", ")}`,
    }),
};

export interface StackConfig {
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
}

/** Reads the stack's own settings; `awsRegion` is the provider's `aws:region`. */
export function readStack(r: Reader, awsRegion: string | undefined): StackConfig {
    const s = STACK_SETTINGS;
    const region = awsRegion ?? "";
    if (!isRegion(region)) {
        r.problems.add("aws:region", awsRegion, `must be an AWS region, one of ${AWS_REGIONS.join(", ")}`);
    }
    const environment = r.get(s.environment);
    const drRegion = r.get(s.drRegion);
    if (drRegion !== "" && drRegion === region) {
        r.problem(
            s.drRegion,
            drRegion,
            `must differ from aws:region (${region}): backups must be stored in a geographically separate region`,
        );
    }
    const domain = r.get(s.domain);
    const owner = r.get(s.owner);
    const protectData = r.get(s.protectData);
    if (environment === "production" && !protectData) {
        r.problem(s.protectData, false, "must be true in production: patient data stores are always protected");
    }
    const accountBaseline = r.get(s.accountBaseline);
    const logRetentionDays = r.get(s.logRetentionDays);
    const ubuntuRelease = r.get(s.ubuntuRelease);
    if (ubuntuRelease === "20.04" || ubuntuRelease === "18.04") {
        r.problem(
            s.ubuntuRelease,
            ubuntuRelease,
            `Ubuntu ${ubuntuRelease} LTS is past its standard support and receives no regular security updates; use one of ${UBUNTU_RELEASES.join(", ")}`,
        );
    } else if (!(UBUNTU_RELEASES as readonly string[]).includes(ubuntuRelease)) {
        r.problem(s.ubuntuRelease, ubuntuRelease, `must be ${s.ubuntuRelease.accepted}`);
    }
    const tiers = readTiers(r);
    return {
        environment,
        region,
        drRegion,
        domain,
        owner,
        protectData,
        accountBaseline,
        logRetentionDays,
        ubuntuRelease: ubuntuRelease as UbuntuRelease,
        tiers,
    };
}

function readTiers(r: Reader): Record<Tier, boolean> {
    const setting = STACK_SETTINGS.tiers;
    const list = r.get(setting);
    const tiers = Object.fromEntries(TIERS.map((t) => [t, false])) as Record<Tier, boolean>;
    for (const t of list) {
        if ((TIERS as readonly string[]).includes(t)) {
            tiers[t as Tier] = true;
        } else {
            r.problem(setting, list, `"${t}" is not a tier; tiers are ${TIERS.join(", ")}`);
        }
    }
    for (const t of TIERS) {
        const missing = tiers[t] ? TIER_REQUIRES[t].filter((q) => !tiers[q]) : [];
        if (missing.length > 0) {
            r.problem(setting, list, `the ${t} tier needs ${missing.join(", ")} in the list as well (or remove ${t})`);
        }
    }
    return tiers;
}
