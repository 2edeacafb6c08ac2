// @ts-nocheck
// Storage tier settings: the media bucket (patients' files).

import type { StorageArgs } from "../components/storage";
import { booleanSetting, integerSetting, keyOf, Reader, stringSetting } from "./setting";
import type { Environment } from "./stack";

/** Data classifications of the media bucket; patient files are `phi-restricted`. */
export const DATA_CLASSIFICATIONS = ["phi-restricted", "confidential", "internal", "synthetic-test-data"] as const;
export type DataClassification = (typeof DATA_CLASSIFICATIONS)[number];

export const STORAGE_SETTINGS = {
    replicateToDr: booleanSetting({
        key: "storageReplicateToDr",
        description: "Replicate the media bucket to a bucket in drRegion.",
        default: false,
    }),
    objectLockEnabled: booleanSetting({
        key: "storageObjectLockEnabled",
        description: "Object Lock on the media bucket (set at creation only).",
        default: false,
    }),
    objectLockMode: stringSetting<"GOVERNANCE" | "COMPLIANCE">({
        key: "storageObjectLockMode",
        description: "Object Lock mode: GOVERNANCE or COMPLIANCE.",
        default: "GOVERNANCE",
        values: ["GOVERNANCE", "COMPLIANCE"],
    }),
    objectLockDays: integerSetting({
        key: "storageObjectLockDays",
        description: "Default Object Lock retention in days.",
        default: 365,
        min: 1,
        max: 36500,
    }),
    noncurrentTransitionDays: integerSetting({
        key: "storageNoncurrentTransitionDays",
        description: "Days before noncurrent object versions move to Glacier Instant Retrieval (at least 30).",
        default: 30,
        min: 30,
    }),
    noncurrentExpirationDays: integerSetting({
        key: "storageNoncurrentExpirationDays",
        description: "Days before noncurrent object versions are deleted; more than storageNoncurrentTransitionDays.",
        default: 365,
        min: 31,
    }),
    dataClassification: stringSetting<DataClassification>({
        key: "storageDataClassification",
        description: `DataClassification tag of the media bucket: ${DATA_CLASSIFICATIONS.join(", ")}. Unset: synthetic-test-data in development, phi-restricted elsewhere.`,
        unset: true,
        values: DATA_CLASSIFICATIONS,
    }),
};

export type StorageConfig = Pick<StorageArgs, "noncurrentTransitionDays" | "noncurrentExpirationDays"> & {
    objectLock: NonNullable<StorageArgs["objectLock"]>;
    /** `DataClassification` tag of the media bucket. */
    dataClassification: DataClassification;
    replicateToDr: boolean;
};

export function readStorage(r: Reader, environment: Environment): StorageConfig {
    const s = STORAGE_SETTINGS;
    const replicateToDr = r.get(s.replicateToDr);
    const objectLock = {
        enabled: r.get(s.objectLockEnabled),
        mode: r.get(s.objectLockMode),
        days: r.get(s.objectLockDays),
    };
    const noncurrentTransitionDays = r.get(s.noncurrentTransitionDays);
    const noncurrentExpirationDays = r.get(s.noncurrentExpirationDays);
    if (noncurrentExpirationDays <= noncurrentTransitionDays) {
        r.problem(
            s.noncurrentExpirationDays,
            noncurrentExpirationDays,
            `must be a whole number greater than ${keyOf(s.noncurrentTransitionDays)} (${noncurrentTransitionDays})`,
        );
    }
    // Development holds synthetic test data only; the other environments hold patients' files.
    const dataClassification =
        r.optional(s.dataClassification) ?? (environment === "development" ? "synthetic-test-data" : "phi-restricted");
    return { replicateToDr, objectLock, noncurrentTransitionDays, noncurrentExpirationDays, dataClassification };
}
