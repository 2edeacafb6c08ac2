// @ts-nocheck
// vCPU and memory of the EC2 and RDS instance types this project accepts.
//
// The stack files declare the sizing the specification asks for (for example
// 8 vCPU / 32 GiB for a production WordPress server) next to the instance type
// that provides it; config validation checks that the two agree, so a typo in
// an instance type cannot silently halve a server.

import { integerSetting, keyOf, Reader, Setting, stringSetting } from "./setting";

export interface Size {
    vcpus: number;
    memoryGiB: number;
}

// Standard sizes of the current general purpose (m), memory optimised (r) and
// compute optimised (c) families: vCPUs per size, memory = vCPUs x GiB-per-vCPU.
const STANDARD_SIZES: Record<string, number> = {
    large: 2,
    xlarge: 4,
    "2xlarge": 8,
    "4xlarge": 16,
    "8xlarge": 32,
    "12xlarge": 48,
    "16xlarge": 64,
};

const GIB_PER_VCPU: Record<string, number> = { c: 2, m: 4, r: 8 };

const EC2_FAMILIES = [
    "c5",
    "c6a",
    "c6g",
    "c6i",
    "c7a",
    "c7g",
    "c7i",
    "m5",
    "m6a",
    "m6g",
    "m6i",
    "m7a",
    "m7g",
    "m7i",
    "m8g",
    "r5",
    "r6a",
    "r6g",
    "r6i",
    "r7a",
    "r7g",
    "r7i",
    "r8g",
];

const RDS_FAMILIES = ["r5", "r6g", "r6i", "r7g", "r7i", "r8g"];

// Burstable types (accepted for small, non-production servers).
const BURSTABLE: Record<string, Size> = {
    micro: { vcpus: 2, memoryGiB: 1 },
    small: { vcpus: 2, memoryGiB: 2 },
    medium: { vcpus: 2, memoryGiB: 4 },
    large: { vcpus: 2, memoryGiB: 8 },
    xlarge: { vcpus: 4, memoryGiB: 16 },
    "2xlarge": { vcpus: 8, memoryGiB: 32 },
};

// The fifth generation of the compute family has its own sizes: c5.9xlarge
// (36 vCPU), c5.18xlarge (72) and no 8xlarge / 16xlarge
// (https://docs.aws.amazon.com/ec2/latest/instancetypes/co.html).
const FAMILY_SIZES: Record<string, Record<string, number>> = {
    c5: { large: 2, xlarge: 4, "2xlarge": 8, "4xlarge": 16, "9xlarge": 36, "12xlarge": 48, "18xlarge": 72 },
};

function build(prefix: string, families: string[], burstable: string[]): Map<string, Size> {
    const table = new Map<string, Size>();
    for (const family of families) {
        const perVcpu = GIB_PER_VCPU[family[0]];
        for (const [size, vcpus] of Object.entries(FAMILY_SIZES[family] ?? STANDARD_SIZES)) {
            table.set(`${prefix}${family}.${size}`, { vcpus, memoryGiB: vcpus * perVcpu });
        }
    }
    for (const family of burstable) {
        for (const [size, s] of Object.entries(BURSTABLE)) {
            table.set(`${prefix}${family}.${size}`, s);
        }
    }
    return table;
}

export const EC2_INSTANCE_TYPES = build("", EC2_FAMILIES, ["t3", "t3a", "t4g"]);

// Aurora MySQL accepts the memory optimised classes and, for small
// non-production clusters, db.t4g.medium / db.t3.medium.
export const RDS_INSTANCE_CLASSES = (() => {
    const t = build("db.", RDS_FAMILIES, []);
    t.set("db.t3.medium", BURSTABLE.medium);
    t.set("db.t4g.medium", BURSTABLE.medium);
    return t;
})();

// ElastiCache node types that support encryption in transit and at rest with
// Redis OSS 7 / Valkey 7+ (memory is the node's usable memory, so it is not
// compared with a declared size).
export const CACHE_NODE_TYPES: readonly string[] = [
    ...["large", "xlarge", "2xlarge", "4xlarge"].flatMap((s) =>
        ["m6g", "m7g", "r6g", "r7g"].map((f) => `cache.${f}.${s}`),
    ),
    "cache.t4g.micro",
    "cache.t4g.small",
    "cache.t4g.medium",
];

// Graviton (arm64) families: their AMIs differ from the x86_64 ones.
export function architectureOf(instanceType: string): "arm64" | "x86_64" {
    const family = instanceType.replace(/^db\./, "").split(".")[0];
    return /^[a-z]\d+g/.test(family) ? "arm64" : "x86_64";
}

/** Lists a few accepted types of the same family as `t`, for error messages. */
export function suggestions(table: Map<string, Size>, t: string): string {
    const family = t.split(".").slice(0, -1).join(".");
    const same = [...table.keys()].filter((k) => k.startsWith(`${family}.`));
    const list = same.length > 0 ? same : [...table.keys()].filter((k) => /\.(2xlarge)$/.test(k)).slice(0, 8);
    return list.join(", ");
}

/** The four sizing settings of a tier's servers (each tier declares its own, with literal keys). */
export interface ServerSettings {
    instanceType: Setting<string>;
    vcpus: Setting<number>;
    memoryGiB: Setting<number>;
    volumeGiB?: Setting<number>;
}

export interface ServerSize extends Size {
    instanceType: string;
    volumeGiB: number;
}

/** Reads a server size and checks that the instance type has the declared vCPUs and memory. */
export function readServer(r: Reader, s: ServerSettings & { volumeGiB: Setting<number> }): ServerSize {
    const instanceType = r.get(s.instanceType);
    const vcpus = r.get(s.vcpus);
    const memoryGiB = r.get(s.memoryGiB);
    const volumeGiB = r.get(s.volumeGiB);
    checkSize(r, s, instanceType, { vcpus, memoryGiB }, EC2_INSTANCE_TYPES);
    return { instanceType, vcpus, memoryGiB, volumeGiB };
}

/** Reports an instance type that is unknown or whose size differs from the declared one. */
export function checkSize(r: Reader, s: ServerSettings, type: string, declared: Size, table: Map<string, Size>): void {
    if (type === "") {
        return;
    }
    const actual = table.get(type);
    if (!actual) {
        r.problem(
            s.instanceType,
            type,
            `is not a known instance type; accepted types include ${suggestions(table, type)}`,
        );
        return;
    }
    if (actual.vcpus !== declared.vcpus || actual.memoryGiB !== declared.memoryGiB) {
        const same = [...table.entries()]
            .filter(([, v]) => v.vcpus === declared.vcpus && v.memoryGiB === declared.memoryGiB)
            .map(([k]) => k);
        r.problem(
            s.instanceType,
            type,
            `has ${actual.vcpus} vCPU / ${actual.memoryGiB} GiB but ${keyOf(s.vcpus)} / ${keyOf(s.memoryGiB)} declare ` +
                `${declared.vcpus} vCPU / ${declared.memoryGiB} GiB; pick a type of that size (for example ` +
                `${same.slice(0, 4).join(", ") || "none known"}) or change the declared size`,
        );
    }
}

/** The sizing settings of an EC2 server tier; `label` names the server in descriptions. */
export function serverSettings(
    keys: { instanceType: string; vcpus: string; memoryGiB: string; volumeGiB: string },
    label: string,
    volume: { default: number; description: string },
) {
    return {
        instanceType: stringSetting({
            key: keys.instanceType,
            description: `EC2 instance type of ${label}; must match ${keys.vcpus} / ${keys.memoryGiB}. Required while the tier is on.`,
            unset: true,
            accepted: "an EC2 instance type, for example m6i.2xlarge",
        }),
        vcpus: integerSetting({
            key: keys.vcpus,
            description: `Declared vCPUs of ${label}. Required while the tier is on.`,
            unset: true,
            min: 1,
        }),
        memoryGiB: integerSetting({
            key: keys.memoryGiB,
            description: `Declared memory of ${label} in GiB. Required while the tier is on.`,
            unset: true,
            min: 1,
        }),
        volumeGiB: integerSetting({
            key: keys.volumeGiB,
            description: volume.description,
            default: volume.default,
            min: 8,
            max: 16384,
        }),
    };
}
