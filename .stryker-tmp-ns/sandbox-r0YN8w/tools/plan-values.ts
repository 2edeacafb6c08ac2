// @ts-nocheck
// Property values in the form the Pulumi engine keeps them: JSON with
// signature envelopes (secrets, resource references, output values, assets)
// and the unknown sentinel, exactly as they travel over gRPC. The plan keeps
// every resource's inputs and outputs in this form, marshals them for the
// policy pack the way the engine does, and masks them for files and screens.

import * as rpc from "@pulumi/pulumi/runtime/rpc";

export const SIG_KEY = rpc.specialSigKey;
export const SECRET_SIG = rpc.specialSecretSig;
export const RESOURCE_SIG = rpc.specialResourceSig;
export const OUTPUT_SIG = rpc.specialOutputValueSig;
export const ASSET_SIG = rpc.specialAssetSig;
export const ARCHIVE_SIG = rpc.specialArchiveSig;
/** The value the engine sends for a property that is not known yet (preview). */
export const UNKNOWN = rpc.unknownValue;

export type PropertyMap = Record<string, unknown>;

function sigOf(v: unknown): string | undefined {
    if (typeof v === "object" && v !== null && !Array.isArray(v)) {
        const s = (v as PropertyMap)[SIG_KEY];
        return typeof s === "string" ? s : undefined;
    }
    return undefined;
}

export function isSecretValue(v: unknown): v is { value: unknown } {
    return sigOf(v) === SECRET_SIG;
}

/** Wraps a value in a secret envelope (no double wrapping). */
export function secret(v: unknown): unknown {
    return isSecretValue(v) ? v : { [SIG_KEY]: SECRET_SIG, value: v };
}

/**
 * What the engine sends to an analyzer: `MarshalProperties` with
 * KeepUnknowns, KeepSecrets and SkipInternalKeys, without KeepResources or
 * KeepOutputValues. Secrets stay envelopes and unknowns the sentinel;
 * resource references become the resource's id (custom) or URN (component);
 * output values become their value; keys starting with "__" are dropped.
 */
export function forAnalyzer(v: unknown): unknown {
    if (Array.isArray(v)) {
        return v.map((x) => (x === undefined ? null : forAnalyzer(x)));
    }
    if (typeof v !== "object" || v === null) {
        return v;
    }
    const o = v as PropertyMap;
    switch (sigOf(o)) {
        case SECRET_SIG:
            return secret(forAnalyzer(o.value));
        case RESOURCE_SIG:
            if ("id" in o) {
                return o.id === "" || o.id === undefined ? UNKNOWN : forAnalyzer(o.id);
            }
            return o.urn;
        case OUTPUT_SIG: {
            const value = "value" in o ? forAnalyzer(o.value) : UNKNOWN;
            return o.secret === true ? secret(value) : value;
        }
        case ASSET_SIG:
        case ARCHIVE_SIG:
            return o;
        default:
            return Object.fromEntries(
                Object.entries(o)
                    .filter(([k, x]) => !k.startsWith("__") && x !== undefined)
                    .map(([k, x]) => [k, forAnalyzer(x)]),
            );
    }
}

/**
 * Safe to print and to write to a file: secrets become "[secret]", unknowns
 * "[unknown]", resource references their URN, output values their value,
 * assets and archives their plain description (path, text or URI).
 */
export function mask(v: unknown): unknown {
    if (v === UNKNOWN) {
        return "[unknown]";
    }
    if (Array.isArray(v)) {
        return v.map(mask);
    }
    if (typeof v !== "object" || v === null) {
        return v;
    }
    const o = v as PropertyMap;
    switch (sigOf(o)) {
        case SECRET_SIG:
            return "[secret]";
        case RESOURCE_SIG:
            return o.urn;
        case OUTPUT_SIG:
            if (o.secret === true) {
                return "[secret]";
            }
            return "value" in o ? mask(o.value) : "[unknown]";
        default: {
            const rest = Object.entries(o).filter(([k]) => k !== SIG_KEY);
            return Object.fromEntries(rest.map(([k, x]) => [k, mask(x)]));
        }
    }
}

/** The plain values held in secret envelopes anywhere in `v` (to check that none leaks). */
export function secretValues(v: unknown, inSecret = false): string[] {
    if (Array.isArray(v)) {
        return v.flatMap((x) => secretValues(x, inSecret));
    }
    if (typeof v === "object" && v !== null) {
        const o = v as PropertyMap;
        if (isSecretValue(o)) {
            return secretValues(o.value, true);
        }
        return Object.values(o).flatMap((x) => secretValues(x, inSecret));
    }
    if (inSecret && (typeof v === "string" || typeof v === "number")) {
        return [String(v)];
    }
    return [];
}
