// @ts-nocheck
// 
// Database tier settings: the Aurora MySQL cluster.

import type { DatabaseArgs } from "../components/database";
import { DAILY_WINDOW, show, WEEKLY_WINDOW, windowMinutes, windowsOverlap } from "./reader";
import { integerSetting, keyOf, Reader, Setting, stringSetting } from "./setting";
import { checkSize, RDS_INSTANCE_CLASSES } from "./sizing";

export const DATABASE_SETTINGS = {
    engineVersion: stringSetting({
        key: "databaseEngineVersion",
        description: "Aurora MySQL 3 engine version, e.g. 8.0.mysql_aurora.3.10.0. Required while the tier is on.",
        unset: true,
        pattern: /^8\.0\.mysql_aurora\.3\.\d{2}\.\d+$/,
        accepted: "an Aurora MySQL 3 engine version, for example 8.0.mysql_aurora.3.10.0",
    }),
    instanceClass: stringSetting({
        key: "databaseInstanceClass",
        description:
            "Instance class of every cluster instance; must match databaseVcpus / databaseMemoryGiB. Required while the tier is on.",
        unset: true,
        accepted: "an Aurora instance class, for example db.r6g.2xlarge",
    }),
    vcpus: integerSetting({
        key: "databaseVcpus",
        description: "Declared vCPUs per database instance (spec 8 in production). Required while the tier is on.",
        unset: true,
        min: 1,
    }),
    memoryGiB: integerSetting({
        key: "databaseMemoryGiB",
        description:
            "Declared memory per database instance in GiB (spec 64 in production). Required while the tier is on.",
        unset: true,
        min: 1,
    }),
    instances: integerSetting({
        key: "databaseInstances",
        description:
            "Cluster instances, 1 writer plus readers, 1-16 (spec 3 in production, 1 in staging). Required while the tier is on.",
        unset: true,
        min: 1,
        max: 16,
        accepted: "a whole number from 1 to 16 (1 writer plus readers)",
    }),
    backupWindow: stringSetting({
        key: "databaseBackupWindow",
        description: "Daily automated backup window, hh24:mi-hh24:mi UTC, at least 30 minutes.",
        default: "03:00-04:00",
        pattern: DAILY_WINDOW,
        accepted: "hh24:mi-hh24:mi in UTC",
    }),
    maintenanceWindow: stringSetting({
        key: "databaseMaintenanceWindow",
        description:
            "Weekly maintenance window, ddd:hh24:mi-ddd:hh24:mi UTC, at least 30 minutes; must not overlap the backup window.",
        default: "sun:05:00-sun:06:00",
        pattern: WEEKLY_WINDOW,
        accepted: "ddd:hh24:mi-ddd:hh24:mi in UTC, for example sun:05:00-sun:06:00",
    }),
    monitoringIntervalSeconds: integerSetting({
        key: "databaseMonitoringIntervalSeconds",
        description: "Enhanced monitoring interval, 0 (off), 1, 5, 10, 15, 30 or 60.",
        default: 60,
        min: 0,
        values: [0, 1, 5, 10, 15, 30, 60],
    }),
};

export type DatabaseConfig = Pick<
    DatabaseArgs,
    | "engineVersion"
    | "instanceClass"
    | "memoryGiB"
    | "instances"
    | "backupWindow"
    | "maintenanceWindow"
    | "monitoringIntervalSeconds"
> & { vcpus: number };

export function readDatabase(r: Reader): DatabaseConfig {
    const s = DATABASE_SETTINGS;
    const engineVersion = r.get(s.engineVersion);
    const instanceClass = r.get(s.instanceClass);
    const vcpus = r.get(s.vcpus);
    const memoryGiB = r.get(s.memoryGiB);
    checkSize(
        r,
        { instanceType: s.instanceClass, vcpus: s.vcpus, memoryGiB: s.memoryGiB },
        instanceClass,
        { vcpus, memoryGiB },
        RDS_INSTANCE_CLASSES,
    );
    const instances = r.get(s.instances);
    const backupWindow = r.get(s.backupWindow);
    const maintenanceWindow = r.get(s.maintenanceWindow);
    const monitoringIntervalSeconds = r.get(s.monitoringIntervalSeconds);
    checkWindowLength(r, s.backupWindow, backupWindow, 30, "RDS");
    checkWindowLength(r, s.maintenanceWindow, maintenanceWindow, 30, "RDS");
    if (windowsOverlap(backupWindow, maintenanceWindow)) {
        r.problems.addRaw(
            `${keyOf(s.backupWindow)} = ${show(backupWindow)} overlaps ${keyOf(s.maintenanceWindow)} = ${show(maintenanceWindow)}: ` +
                "choose windows that do not overlap",
        );
    }
    return {
        engineVersion,
        instanceClass,
        vcpus,
        memoryGiB,
        instances,
        backupWindow,
        maintenanceWindow,
        monitoringIntervalSeconds,
    };
}

/** Reports a maintenance, backup or snapshot window shorter than the service accepts. */
export function checkWindowLength(
    r: Reader,
    s: Setting<string>,
    window: string,
    minMinutes: number,
    service: string,
): void {
    if ((DAILY_WINDOW.test(window) || WEEKLY_WINDOW.test(window)) && windowMinutes(window) < minMinutes) {
        r.problem(s, window, `must last at least ${minMinutes} minutes (${service} does not accept shorter windows)`);
    }
}
