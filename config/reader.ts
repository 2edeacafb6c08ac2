// Typed, validating access to one section of the stack configuration.
//
// Every problem is collected (not thrown at the first one) so that a user who
// edits a stack file sees all of their mistakes in a single preview. Each
// message names the key as it is written in `Pulumi.<stack>.yaml`, the value
// that was found and what is accepted.

import * as pulumi from "@pulumi/pulumi";

/**
 * Raised for invalid stack configuration. It extends `pulumi.RunError` so the
 * Pulumi CLI prints the message only, without a stack trace.
 */
export class ConfigError extends pulumi.RunError {
    constructor(public readonly problems: string[]) {
        super(
            `Invalid stack configuration (${problems.length} problem${problems.length === 1 ? "" : "s"}):\n` +
                problems.map((p) => `  - ${p}`).join("\n"),
        );
        this.name = "ConfigError";
    }
}

/** Collects problems while a configuration is read. */
export class Problems {
    private readonly list: string[] = [];

    add(key: string, value: unknown, accepted: string): void {
        this.list.push(`${key} = ${show(value)}: ${accepted}`);
    }

    /** A problem that concerns several keys at once. */
    addRaw(message: string): void {
        this.list.push(message);
    }

    get count(): number {
        return this.list.length;
    }

    throwIfAny(): void {
        if (this.list.length > 0) {
            throw new ConfigError([...this.list]);
        }
    }
}

export function show(value: unknown): string {
    if (value === undefined) {
        return "(not set)";
    }
    if (typeof value === "string") {
        return JSON.stringify(value);
    }
    try {
        return JSON.stringify(value);
    } catch {
        return String(value);
    }
}

type Raw = Record<string, unknown>;

/**
 * A group of flat configuration keys sharing a prefix. Pulumi project config
 * declarations accept only strings, integers, booleans and arrays, so the
 * settings of a tier are flat keys: the field `count` of the section `app` is
 * the key `hms:appCount`, the field `days` of `storage` → `objectLock` is
 * `hms:storageObjectLockDays`. Reading a key marks it as known; `unknownKeys()`
 * on the root reports keys that nobody read, which are almost always typos.
 */
export class Section {
    private constructor(
        private readonly prefix: string,
        private readonly values: Raw,
        private readonly problems: Problems,
        private readonly seen: Set<string>,
    ) {}

    /** The root of the `hms:` namespace, over every `hms:` key the stack sets. */
    static root(values: Raw, problems: Problems): Section {
        return new Section("", values, problems, new Set<string>());
    }

    private keyOf(name: string): string {
        return this.prefix === "" ? name : this.prefix + name[0].toUpperCase() + name.slice(1);
    }

    /** The full key, as written in the stack file: `hms:appCount`. */
    path(name: string): string {
        return `hms:${this.keyOf(name)}`;
    }

    section(name: string): Section {
        return new Section(this.keyOf(name), this.values, this.problems, this.seen);
    }

    has(name: string): boolean {
        const v = this.values[this.keyOf(name)];
        return v !== undefined && v !== null;
    }

    /** Reports a problem with one field of this section. */
    problem(name: string, value: unknown, accepted: string): void {
        this.problems.add(this.path(name), value, accepted);
    }

    /** Marks every key of a section as known without reading it (the section of a tier that is switched off). */
    ignoreSection(name: string): void {
        const p = this.keyOf(name);
        for (const k of Object.keys(this.values)) {
            if (k === p || (k.startsWith(p) && /^[A-Z]/.test(k.slice(p.length)))) {
                this.seen.add(k);
            }
        }
    }

    /** The keys that were read (or ignored) so far, without the namespace. */
    readKeys(): string[] {
        return [...this.seen].sort();
    }

    private raw(name: string): unknown {
        const k = this.keyOf(name);
        this.seen.add(k);
        const v = this.values[k];
        return v === null ? undefined : v;
    }

    string(name: string, opts: { default?: string; pattern?: RegExp; accepted?: string } = {}): string {
        const v = this.raw(name);
        if (v === undefined) {
            if (opts.default === undefined) {
                this.problems.add(this.path(name), v, `is required; ${opts.accepted ?? "a non-empty string"}`);
                return "";
            }
            return opts.default;
        }
        if (typeof v !== "string" || v.trim() === "") {
            this.problems.add(this.path(name), v, `must be ${opts.accepted ?? "a non-empty string"}`);
            return opts.default ?? "";
        }
        if (opts.pattern && !opts.pattern.test(v)) {
            this.problems.add(this.path(name), v, `must be ${opts.accepted ?? `a string matching ${opts.pattern}`}`);
        }
        return v;
    }

    optionalString(name: string, opts: { pattern?: RegExp; accepted?: string } = {}): string | undefined {
        if (!this.has(name)) {
            this.raw(name);
            return undefined;
        }
        return this.string(name, opts);
    }

    oneOf<T extends string>(name: string, allowed: readonly T[], def?: T): T {
        const v = this.raw(name);
        if (v === undefined && def !== undefined) {
            return def;
        }
        if (typeof v !== "string" || !(allowed as readonly string[]).includes(v)) {
            this.problems.add(this.path(name), v, `must be one of ${allowed.map((a) => `"${a}"`).join(", ")}`);
            return def ?? allowed[0];
        }
        return v as T;
    }

    int(name: string, opts: { default?: number; min?: number; max?: number; accepted?: string } = {}): number {
        const v = this.raw(name);
        const min = opts.min ?? Number.MIN_SAFE_INTEGER;
        const max = opts.max ?? Number.MAX_SAFE_INTEGER;
        const range =
            opts.accepted ??
            (opts.max !== undefined ? `a whole number from ${min} to ${max}` : `a whole number of at least ${min}`);
        if (v === undefined) {
            if (opts.default === undefined) {
                this.problems.add(this.path(name), v, `is required; ${range}`);
                return min > 0 ? min : 0;
            }
            return opts.default;
        }
        // The CLI hands every scalar to the program as a string.
        const n = typeof v === "string" && /^-?\d+$/.test(v.trim()) ? Number(v) : v;
        if (typeof n !== "number" || !Number.isInteger(n) || n < min || n > max) {
            this.problems.add(this.path(name), v, `must be ${range}`);
            return opts.default ?? (min > 0 ? min : 0);
        }
        return n;
    }

    bool(name: string, def: boolean): boolean {
        const v = this.raw(name);
        if (v === undefined) {
            return def;
        }
        if (v === true || v === "true") {
            return true;
        }
        if (v === false || v === "false") {
            return false;
        }
        this.problems.add(this.path(name), v, "must be true or false");
        return def;
    }

    stringList(name: string, opts: { default?: string[]; item?: (s: string) => boolean; accepted?: string } = {}): string[] {
        let v = this.raw(name);
        if (v === undefined) {
            return opts.default ?? [];
        }
        if (typeof v === "string") {
            try {
                v = JSON.parse(v);
            } catch {
                // reported below
            }
        }
        if (!Array.isArray(v) || v.some((s) => typeof s !== "string" || (opts.item !== undefined && !opts.item(s)))) {
            this.problems.add(this.path(name), v, `must be a list of ${opts.accepted ?? "strings"}`);
            return opts.default ?? [];
        }
        return v as string[];
    }

    /** Reports every key that is set but was never read. Call on the root, last. */
    reportUnknownKeys(): void {
        const known = this.readKeys();
        for (const k of Object.keys(this.values)) {
            if (!this.seen.has(k)) {
                const near = known.filter((n) => n.toLowerCase() === k.toLowerCase() || n.startsWith(k.replace(/[A-Z].*$/, "")));
                this.problems.add(
                    `hms:${k}`,
                    this.values[k],
                    `is not a key this program reads${near.length > 0 ? `; did you mean ${near.slice(0, 6).map((n) => `hms:${n}`).join(", ")}?` : ""} (Pulumi.yaml lists every key)`,
                );
            }
        }
    }
}

/** IPv4 CIDR block, for example 10.20.0.0/16. */
export function isCidr(s: string): boolean {
    const m = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})\/(\d{1,2})$/.exec(s);
    if (!m) {
        return false;
    }
    const octets = m.slice(1, 5).map(Number);
    const prefix = Number(m[5]);
    if (octets.some((o) => o > 255) || prefix > 32) {
        return false;
    }
    const addr = octets.reduce((a, o) => a * 256 + o, 0);
    const size = 2 ** (32 - prefix);
    return addr % size === 0;
}
