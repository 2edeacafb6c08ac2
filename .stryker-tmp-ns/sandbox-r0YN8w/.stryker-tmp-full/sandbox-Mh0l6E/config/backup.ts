// @ts-nocheck
// 
// Backup tier settings: the AWS Backup plan, its vault lock, the copies to
// the disaster-recovery region and restore testing.

import type { BackupArgs } from "../components/backup";
import { booleanSetting, integerSetting, keyOf, Reader, stringSetting } from "./setting";

const CRON = /^cron\(\S+ \S+ \S+ \S+ \S+ \S+\)$/;

export const BACKUP_SETTINGS = {
    retentionDays: integerSetting({
        key: "backupRetentionDays",
        description:
            "Days every backup and copy is kept (at least 30; at most 35 while backupContinuous is true); also the database's automated backup retention (capped at 35).",
        default: 30,
        min: 30,
        max: 36500,
        accepted: "a whole number of days, at least 30 (the hospital's minimum retention)",
    }),
    dailySchedule: stringSetting({
        key: "backupDailySchedule",
        description: "AWS cron expression (UTC) of the daily full backup.",
        default: "cron(0 5 ? * * *)",
        pattern: CRON,
        accepted: "an AWS cron expression in UTC, for example cron(0 5 ? * * *)",
    }),
    hourlySchedule: stringSetting({
        key: "backupHourlySchedule",
        description: "AWS cron expression (UTC) of the hourly backup.",
        default: "cron(0 * ? * * *)",
        pattern: CRON,
        accepted: "an AWS cron expression in UTC, for example cron(0 * ? * * *)",
    }),
    continuous: booleanSetting({
        key: "backupContinuous",
        description:
            "Continuous backup (point-in-time restore) for the database and bucket in the hourly rule; EC2 gets hourly snapshots either way.",
        default: true,
    }),
    copyToDr: booleanSetting({
        key: "backupCopyToDr",
        description: "Copy recovery points to a vault in drRegion.",
        default: true,
    }),
    vaultLock: booleanSetting({
        key: "backupVaultLock",
        description: "Vault lock on the primary vault (minimum retention = backupRetentionDays).",
        default: true,
    }),
    vaultLockChangeableForDays: integerSetting({
        key: "backupVaultLockChangeableForDays",
        description: "Grace days before the vault lock becomes immutable (at least 3).",
        default: 3,
        min: 3,
        max: 36500,
    }),
    restoreTesting: booleanSetting({
        key: "backupRestoreTesting",
        description: "AWS Backup restore testing plan for the database and bucket.",
        default: true,
    }),
};

export type BackupConfig = Pick<
    BackupArgs,
    "retentionDays" | "dailySchedule" | "hourlySchedule" | "continuous" | "vaultLock"
> & {
    copyToDr: boolean;
    restoreTesting: boolean;
};

export function readBackup(r: Reader): BackupConfig {
    const s = BACKUP_SETTINGS;
    const retentionDays = r.get(s.retentionDays);
    const dailySchedule = r.get(s.dailySchedule);
    const hourlySchedule = r.get(s.hourlySchedule);
    const continuous = r.get(s.continuous);
    if (continuous && retentionDays > 35) {
        r.problem(
            s.retentionDays,
            retentionDays,
            `must be at most 35 while ${keyOf(s.continuous)} is true (AWS Backup keeps continuous backups 1-35 days); ` +
                `set ${keyOf(s.continuous)} to false to keep hourly snapshots longer`,
        );
    }
    const copyToDr = r.get(s.copyToDr);
    const vaultLockChangeableForDays = r.get(s.vaultLockChangeableForDays);
    const vaultLock = r.get(s.vaultLock) ? { changeableForDays: vaultLockChangeableForDays } : undefined;
    const restoreTesting = r.get(s.restoreTesting);
    return { retentionDays, dailySchedule, hourlySchedule, continuous, copyToDr, vaultLock, restoreTesting };
}
