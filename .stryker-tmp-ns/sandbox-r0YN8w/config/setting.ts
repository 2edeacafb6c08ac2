// @ts-nocheck
// One declaration per setting: its literal key, type, default, description,
// secret flag and validation. The tier readers (config/<tier>.ts) read values
// through these declarations, and `npm run gen:config` writes the `config:`
// block of Pulumi.yaml and the README's configuration reference from them.
//
// How the Pulumi CLI treats a declared project key (pulumi/pulumi
// pkg/workspace/config.go `mergeConfig`, used by
// `ValidateStackConfigAndApplyProjectConfig`; sdk/go/common/workspace/project.go
// `Project.Validate` and `ValidateConfigValue`; pulumi/pulumi at v3.259.0+14,
// commit 1b5949891b3c):
// - a key with neither a stack value nor a `default:` is REQUIRED: the CLI
//   refuses the stack with "Stack '<s>' is missing configuration values";
// - a `default:` must be of the declared type (an integer default may not be
//   "", arrays need `items`), and the CLI hands it to the program like a stack
//   value when the stack does not set the key;
// - a `secret: true` key must have a `secure:` value in the stack; a plain
//   default would be refused too, so secret settings have no default;
// - stack keys of the project namespace that are not declared are not checked.
//
// So every setting below is one of:
// - `default: <value>`: a fixed default, written to Pulumi.yaml, used by the reader;
// - `unset: true`: the declared default is the type's empty value ("" or 0,
//   never a valid value of the setting), which means "not set": the reader then
//   derives the value from other settings (the Nginx count from the AZ count),
//   requires it while its tier is on (server sizes), or leaves it out (an
//   optional e-mail address);
// - neither: no default, so the CLI requires it in every stack (the stack's
//   identity: environment, domain, owner, regions).

import { Problems } from "./reader";

export type SettingType = "string" | "integer" | "boolean" | "array";

/** The namespace of every setting: the Pulumi project name. */
export const NAMESPACE = "hms";

interface Declared {
    /** Flat key in the project namespace, as written in Pulumi.<stack>.yaml after `hms:`. */
    readonly key: string;
    readonly description: string;
    /** Pulumi.yaml `secret: true`: the stack value must be a `secure:` (encrypted) value. */
    readonly secret?: boolean;
}

export interface Setting<T> extends Declared {
    readonly type: SettingType;
    /** Item type of an array. */
    readonly items?: "string";
    /** The `default:` Pulumi.yaml declares; undefined: the key is required in every stack. */
    readonly default?: T;
    /** Whether `default` is the "not set" marker (the type's empty value) rather than a value. */
    readonly unset: boolean;
    /** What the setting accepts, for messages and the README. */
    readonly accepted: string;
    /** What the reader returns after a problem (so that later checks do not cascade). */
    readonly fallback: T;
    /** Validates one raw value, as the CLI hands it over (scalars as strings, lists as JSON). */
    parse(raw: unknown): { value: T } | { problem: string; shown?: unknown };
}

/** Any setting, whatever its value type. */
export type AnySetting = Setting<string> | Setting<number> | Setting<boolean> | Setting<string[]>;

/** `hms:<key>`, the key as a stack file writes it. */
export function keyOf(s: Declared): string {
    return `${NAMESPACE}:${s.key}`;
}

type DefaultOption<T> =
    | { default: T; unset?: undefined }
    | { default?: undefined; unset: true }
    | { default?: undefined; unset?: undefined };

export type StringOptions = Declared &
    DefaultOption<string> & {
        /** What is accepted, in words ("an EC2 instance type, for example m6i.2xlarge"). */
        accepted?: string;
        pattern?: RegExp;
        /** The accepted values; `accepted` defaults to listing them. */
        values?: readonly string[];
        /** Any further check of one value. */
        check?: (v: string) => boolean;
    };

export function stringSetting<T extends string = string>(o: StringOptions & { values?: readonly T[] }): Setting<T> {
    const accepted =
        o.accepted ??
        (o.values
            ? `one of ${o.values.map((v) => `"${v}"`).join(", ")}`
            : o.pattern
              ? `a string matching ${o.pattern}`
              : "a non-empty string");
    return {
        key: o.key,
        description: o.description,
        secret: o.secret,
        type: "string",
        default: (o.unset ? "" : o.default) as T | undefined,
        unset: o.unset === true,
        accepted,
        fallback: (o.default ?? o.values?.[0] ?? "") as T,
        parse(raw) {
            const ok =
                typeof raw === "string" &&
                raw.trim() !== "" &&
                (o.pattern === undefined || o.pattern.test(raw)) &&
                (o.values === undefined || o.values.includes(raw)) &&
                (o.check === undefined || o.check(raw));
            return ok ? { value: raw as T } : { problem: `must be ${accepted}` };
        },
    };
}

export type IntegerOptions = Declared &
    DefaultOption<number> & {
        min: number;
        max?: number;
        /** The accepted values (within min..max); `accepted` defaults to listing them. */
        values?: readonly number[];
        accepted?: string;
    };

export function integerSetting(o: IntegerOptions): Setting<number> {
    if (o.unset && o.min <= 0) {
        throw new Error(`${o.key}: an unset integer is declared as 0, so 0 must not be a valid value (min ${o.min})`);
    }
    const max = o.max ?? Number.MAX_SAFE_INTEGER;
    const accepted =
        o.accepted ??
        (o.values
            ? `one of ${o.values.join(", ")}`
            : o.max !== undefined
              ? `a whole number from ${o.min} to ${o.max}`
              : `a whole number of at least ${o.min}`);
    return {
        key: o.key,
        description: o.description,
        secret: o.secret,
        type: "integer",
        default: o.unset ? 0 : o.default,
        unset: o.unset === true,
        accepted,
        fallback: o.default ?? Math.max(o.min, 0),
        parse(raw) {
            // The CLI hands every scalar to the program as a string.
            const n = typeof raw === "string" && /^-?\d+$/.test(raw.trim()) ? Number(raw) : raw;
            if (typeof n !== "number" || !Number.isInteger(n) || n < o.min || n > max) {
                return { problem: `must be ${accepted}` };
            }
            // A whole number that is not one of the listed values is shown as the number.
            return o.values === undefined || o.values.includes(n)
                ? { value: n }
                : { problem: `must be ${accepted}`, shown: n };
        },
    };
}

export function booleanSetting(o: Declared & { default: boolean }): Setting<boolean> {
    return {
        key: o.key,
        description: o.description,
        secret: o.secret,
        type: "boolean",
        default: o.default,
        unset: false,
        accepted: "true or false",
        fallback: o.default,
        parse(raw) {
            if (raw === true || raw === "true") {
                return { value: true };
            }
            if (raw === false || raw === "false") {
                return { value: false };
            }
            return { problem: "must be true or false" };
        },
    };
}

/** A list of strings; an empty list is its default. */
export function stringListSetting(
    o: Declared & { accepted: string; item?: (s: string) => boolean },
): Setting<string[]> {
    return {
        key: o.key,
        description: o.description,
        secret: o.secret,
        type: "array",
        items: "string",
        default: [],
        unset: false,
        accepted: `a list of ${o.accepted}`,
        fallback: [],
        parse(raw) {
            let v = raw;
            if (typeof v === "string") {
                try {
                    v = JSON.parse(v);
                } catch {
                    // reported below
                }
            }
            const ok = Array.isArray(v) && v.every((s) => typeof s === "string" && (o.item === undefined || o.item(s)));
            return ok ? { value: v as string[] } : { problem: `must be a list of ${o.accepted}` };
        },
    };
}

/**
 * Reads settings from the raw `hms:` values of a stack (keys without the
 * namespace) and collects every problem.
 */
export class Reader {
    constructor(
        private readonly values: Record<string, unknown>,
        readonly problems: Problems,
    ) {}

    private raw(s: AnySetting): unknown {
        const v = this.values[s.key];
        return v === null ? undefined : v;
    }

    /** Whether the stack sets the setting to something other than its "not set" marker. */
    isSet(s: AnySetting): boolean {
        const v = this.raw(s);
        return v !== undefined && !(s.unset && isUnsetMarker(s, v));
    }

    /** The value, the fixed default, or (with a problem) the fallback when a required value is missing or invalid. */
    get<T>(s: Setting<T>): T {
        const v = this.raw(s as AnySetting);
        if (v === undefined) {
            if (s.default !== undefined && !s.unset) {
                return s.default;
            }
            this.problems.add(keyOf(s), v, `is required; ${s.accepted}`);
            return s.fallback;
        }
        const r = s.parse(v);
        if ("problem" in r) {
            this.problems.add(keyOf(s), "shown" in r && r.shown !== undefined ? r.shown : v, r.problem);
            return s.fallback;
        }
        return r.value;
    }

    /** The value of an `unset` setting, or undefined when the stack leaves it unset. */
    optional<T>(s: Setting<T>): T | undefined {
        return this.isSet(s as AnySetting) ? this.get(s) : undefined;
    }

    /** The value as the stack sets it (for messages), undefined when unset. */
    valueOf(s: AnySetting): unknown {
        return this.raw(s);
    }

    /** Reports a problem with the value of one setting. */
    problem(s: Declared, value: unknown, accepted: string): void {
        this.problems.add(keyOf(s), value, accepted);
    }

    /** Reports every `hms:` key the stack sets that no setting declares (almost always a typo). */
    reportUnknownKeys(declared: readonly AnySetting[]): void {
        const known = declared.map((s) => s.key);
        for (const k of Object.keys(this.values)) {
            if (known.includes(k)) {
                continue;
            }
            const lower = k.toLowerCase();
            const prefix = k.replace(/[A-Z].*$/, "");
            const near = [
                ...known.filter((n) => n.toLowerCase() === lower),
                ...known.filter((n) => n.toLowerCase() !== lower && n.startsWith(prefix)),
            ];
            this.problems.add(
                `${NAMESPACE}:${k}`,
                this.values[k],
                `is not a key this program reads${
                    near.length > 0
                        ? `; did you mean ${near
                              .slice(0, 6)
                              .map((n) => `${NAMESPACE}:${n}`)
                              .join(", ")}?`
                        : ""
                } (Pulumi.yaml lists every key)`,
            );
        }
    }
}

/** "" (strings) and 0 (integers; the CLI hands it over as "0") are the "not set" markers of `unset` settings. */
function isUnsetMarker(s: AnySetting, v: unknown): boolean {
    return s.type === "integer" ? v === 0 || (typeof v === "string" && v.trim() === "0") : v === "";
}
