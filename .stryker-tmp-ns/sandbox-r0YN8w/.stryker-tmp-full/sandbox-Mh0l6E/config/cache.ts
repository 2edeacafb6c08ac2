// @ts-nocheck
// 
// Cache tier settings: the ElastiCache (Redis OSS or Valkey) replication group.

import type { CacheArgs } from "../components/cache";
import { checkWindowLength } from "./database";
import { DAILY_WINDOW, show, WEEKLY_WINDOW, windowsOverlap } from "./reader";
import { integerSetting, keyOf, Reader, stringSetting } from "./setting";
import { CACHE_NODE_TYPES } from "./sizing";

export const CACHE_ENGINES = ["redis", "valkey"] as const satisfies readonly CacheArgs["engine"][];

/** Engine version of each engine when the stack does not set one, and the major versions accepted. */
export const CACHE_ENGINE_VERSIONS: Record<CacheArgs["engine"], { default: string; majors: number[]; name: string }> = {
    redis: { default: "7.1", majors: [7], name: "Redis OSS" },
    valkey: { default: "8.0", majors: [7, 8], name: "Valkey" },
};

export const CACHE_SETTINGS = {
    engine: stringSetting<CacheArgs["engine"]>({
        key: "cacheEngine",
        description: "redis or valkey.",
        default: "redis",
        values: CACHE_ENGINES,
    }),
    engineVersion: stringSetting({
        key: "cacheEngineVersion",
        description: `Engine version, major.minor. Unset: ${CACHE_ENGINES.map((e) => `${CACHE_ENGINE_VERSIONS[e].default} for ${e}`).join(", ")}.`,
        unset: true,
        pattern: /^\d+\.\d+$/,
        accepted: "a major.minor engine version, for example 7.1",
    }),
    nodeType: stringSetting({
        key: "cacheNodeType",
        description: "ElastiCache node type, e.g. cache.r7g.large. Required while the tier is on.",
        unset: true,
        values: CACHE_NODE_TYPES,
        accepted: `one of ${CACHE_NODE_TYPES.join(", ")}`,
    }),
    nodes: integerSetting({
        key: "cacheNodes",
        description:
            "Nodes in the replication group, 1 primary plus replicas, 1-6 (spec 3 in production). Required while the tier is on.",
        unset: true,
        min: 1,
        max: 6,
        accepted: "a whole number from 1 to 6 (1 primary plus replicas)",
    }),
    snapshotRetentionDays: integerSetting({
        key: "cacheSnapshotRetentionDays",
        description: "Days of daily cache snapshots kept, 0-35.",
        default: 7,
        min: 0,
        max: 35,
    }),
    snapshotWindow: stringSetting({
        key: "cacheSnapshotWindow",
        description:
            "Daily snapshot window, hh24:mi-hh24:mi UTC, at least 60 minutes; must not overlap the maintenance window.",
        default: "02:00-03:00",
        pattern: DAILY_WINDOW,
        accepted: "hh24:mi-hh24:mi in UTC",
    }),
    maintenanceWindow: stringSetting({
        key: "cacheMaintenanceWindow",
        description: "Weekly maintenance window, ddd:hh24:mi-ddd:hh24:mi UTC, at least 60 minutes.",
        default: "sun:06:00-sun:07:00",
        pattern: WEEKLY_WINDOW,
        accepted: "ddd:hh24:mi-ddd:hh24:mi in UTC",
    }),
};

export type CacheConfig = Pick<
    CacheArgs,
    "engine" | "engineVersion" | "nodeType" | "nodes" | "snapshotRetentionDays" | "snapshotWindow" | "maintenanceWindow"
>;

export function readCache(r: Reader): CacheConfig {
    const s = CACHE_SETTINGS;
    const engine = r.get(s.engine);
    const versions = CACHE_ENGINE_VERSIONS[engine];
    const engineVersion = r.optional(s.engineVersion) ?? versions.default;
    if (!versions.majors.includes(Number(engineVersion.split(".")[0]))) {
        r.problem(
            s.engineVersion,
            engineVersion,
            `${versions.name} on ElastiCache must be ${versions.majors.map((m) => `${m}.x`).join(" or ")}`,
        );
    }
    const nodeType = r.get(s.nodeType);
    const nodes = r.get(s.nodes);
    const snapshotRetentionDays = r.get(s.snapshotRetentionDays);
    const snapshotWindow = r.get(s.snapshotWindow);
    const maintenanceWindow = r.get(s.maintenanceWindow);
    checkWindowLength(r, s.snapshotWindow, snapshotWindow, 60, "ElastiCache");
    checkWindowLength(r, s.maintenanceWindow, maintenanceWindow, 60, "ElastiCache");
    if (windowsOverlap(snapshotWindow, maintenanceWindow)) {
        r.problems.addRaw(
            `${keyOf(s.snapshotWindow)} = ${show(snapshotWindow)} overlaps ${keyOf(s.maintenanceWindow)} = ${show(maintenanceWindow)}: ` +
                "ElastiCache requires windows that do not overlap",
        );
    }
    return { engine, engineVersion, nodeType, nodes, snapshotRetentionDays, snapshotWindow, maintenanceWindow };
}
