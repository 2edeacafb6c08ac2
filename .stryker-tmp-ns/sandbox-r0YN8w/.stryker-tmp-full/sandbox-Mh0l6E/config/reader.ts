// @ts-nocheck
// 
// Problems found while the stack configuration is read, and value checks
// shared by several tiers (CIDR blocks, maintenance windows).
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

function toRange(cidr: string): [number, number] {
    const [ip, p] = cidr.split("/");
    const addr = ip
        .split(".")
        .map(Number)
        .reduce((a, o) => a * 256 + o, 0);
    return [addr, addr + 2 ** (32 - Number(p)) - 1];
}

export function cidrsOverlap(a: string, b: string): boolean {
    const [a0, a1] = toRange(a);
    const [b0, b1] = toRange(b);
    return a0 <= b1 && b0 <= a1;
}

// ddd:hh24:mi-ddd:hh24:mi and hh24:mi-hh24:mi
export const WEEKLY_WINDOW =
    /^(mon|tue|wed|thu|fri|sat|sun):([01]\d|2[0-3]):[0-5]\d-(mon|tue|wed|thu|fri|sat|sun):([01]\d|2[0-3]):[0-5]\d$/;
export const DAILY_WINDOW = /^([01]\d|2[0-3]):[0-5]\d-([01]\d|2[0-3]):[0-5]\d$/;

const WEEKDAYS = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"];

function minutesOfDay(hhmm: string): number {
    const [h, m] = hhmm.split(":").map(Number);
    return h * 60 + m;
}

/** Minutes from the start to the end of a daily or weekly window (wrapping past midnight or the week's end). */
export function windowMinutes(window: string): number {
    const [start, end] = window.split("-");
    const weekly = start.split(":").length === 3;
    const at = (p: string) =>
        weekly ? WEEKDAYS.indexOf(p.slice(0, 3)) * 1440 + minutesOfDay(p.slice(4)) : minutesOfDay(p);
    const cycle = (weekly ? 7 : 1) * 1440;
    return (((at(end) - at(start)) % cycle) + cycle) % cycle;
}

/** A daily backup window overlaps a weekly maintenance window when their times of day intersect. */
export function windowsOverlap(daily: string, weekly: string): boolean {
    if (!DAILY_WINDOW.test(daily) || !WEEKLY_WINDOW.test(weekly)) {
        return false;
    }
    const [ds, de] = daily.split("-").map(minutesOfDay);
    const [ws, we] = weekly.split("-").map((p) => minutesOfDay(p.slice(4)));
    const span = (s: number, e: number): Array<[number, number]> =>
        e > s
            ? [[s, e]]
            : [
                  [s, 1440],
                  [0, e],
              ];
    return span(ds, de).some(([a, b]) => span(ws, we).some(([c, d]) => a < d && c < b));
}
