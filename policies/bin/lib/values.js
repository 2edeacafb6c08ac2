"use strict";
// Reading resource properties the way the analyzer hands them over.
//
// During `pulumi preview` many values are not known yet (an ARN or id of a
// resource still to be created, a JSON document built from one). The engine
// marshals every such value as a sentinel string, and @pulumi/policy wraps the
// properties in a proxy that throws when a policy reads one; the SDK then turns
// the whole policy run into a "can't run during preview" note. The policies of
// this pack instead take a plain copy of the properties (`plain`) and treat an
// unknown value as "cannot tell yet": the check it feeds is skipped, every
// other check still runs. A violation is only reported on known values.
Object.defineProperty(exports, "__esModule", { value: true });
exports.UNKNOWN_STRING = void 0;
exports.isUnknown = isUnknown;
exports.hasUnknown = hasUnknown;
exports.plain = plain;
exports.test = test;
exports.all = all;
exports.any = any;
exports.not = not;
exports.isObject = isObject;
exports.knownString = knownString;
exports.parseJsonDocument = parseJsonDocument;
exports.asArray = asArray;
/**
 * The sentinels @pulumi/policy recognises (proxy.js). The engine sends
 * `UNKNOWN_STRING` for every unknown value whatever its type
 * (plugin.MarshalProperties with KeepUnknowns); the others exist in the SDK's
 * protocol and are accepted for completeness.
 */
exports.UNKNOWN_STRING = "04da6b54-80e4-46f7-96ec-b56ff0331ba9";
const UNKNOWN_SENTINELS = new Set([
    "1c4a061d-8072-4f0a-a4cb-0ff528b18fe7", // boolean
    "3eeb2bf0-c639-47a8-9e75-3b44932eb421", // number
    exports.UNKNOWN_STRING,
    "6a19a0b0-7e62-4c92-b797-7f8e31da9cc2", // array
    "030794c1-ac77-496b-92df-f27374a8bd58", // asset
    "e48ece36-62e2-4504-bad9-02848725956a", // archive
    "dd056dcd-154b-4c76-9bd3-c8f88648b5ff", // object
]);
/** True when `v` is a value the engine could not compute yet. */
function isUnknown(v) {
    return UNKNOWN_SENTINELS.has(v);
}
/** True when `v` is unknown or contains an unknown value anywhere inside. */
function hasUnknown(v) {
    if (isUnknown(v)) {
        return true;
    }
    // Arrays too: their elements are their values.
    if (typeof v === "object" && v !== null) {
        return Object.values(v).some(hasUnknown);
    }
    return false;
}
/**
 * A plain deep copy of resource properties, read through property descriptors
 * so the SDK's unknown-checking proxy never throws: unknown values stay in the
 * copy as their sentinel strings (test them with `isUnknown`/`test`). The
 * declared type is kept for readability; any leaf may be an unknown sentinel
 * at run time, which is why checks go through `test`.
 */
function plain(value) {
    return copy(value);
}
function copy(value) {
    if (typeof value !== "object" || value === null) {
        return value;
    }
    const isArray = Array.isArray(value);
    const out = isArray ? [] : {};
    for (const key of Object.keys(value)) {
        // A proxy without a getOwnPropertyDescriptor trap forwards to its
        // target: this reads the raw value without the proxy's `get` check.
        const descriptor = Object.getOwnPropertyDescriptor(value, key);
        // Stryker disable next-line ConditionalExpression,LogicalOperator: property bags from the engine have data properties only
        if (descriptor && "value" in descriptor) {
            out[key] = copy(descriptor.value);
        }
    }
    return out;
}
/** Applies `predicate` to `v` unless `v` is or contains an unknown value. */
function test(v, predicate) {
    return hasUnknown(v) ? undefined : predicate(v);
}
/** Kleene AND: false wins, then unknown. */
function all(values) {
    let result = true;
    for (const v of values) {
        if (v === false) {
            return false;
        }
        if (v === undefined) {
            result = undefined;
        }
    }
    return result;
}
/** Kleene OR: true wins, then unknown. */
function any(values) {
    let result = false;
    for (const v of values) {
        if (v === true) {
            return true;
        }
        if (v === undefined) {
            result = undefined;
        }
    }
    return result;
}
function not(v) {
    return v === undefined ? undefined : !v;
}
/** A known object or array: not absent, not null, not an unknown sentinel (a string). */
function isObject(v) {
    return typeof v === "object" && v !== null;
}
/** A known, non-empty string, or undefined (absent, empty or unknown). */
function knownString(v) {
    return typeof v === "string" && v !== "" && !isUnknown(v) ? v : undefined;
}
/**
 * Parses a JSON document (IAM policy, provider `defaultTags`) that may be
 * given as a string or an object. Undefined when absent, unknown or
 * unparsable; an object may still hold unknown leaves.
 */
function parseJsonDocument(v) {
    let doc = v;
    if (typeof v === "string") {
        doc = undefined;
        try {
            doc = JSON.parse(v);
        }
        catch {
            // not JSON (the unknown sentinel neither)
        }
    }
    return isObject(doc) ? doc : undefined;
}
/** `x` as an array: a single value becomes a one-element list. */
function asArray(v) {
    if (v === undefined || v === null) {
        return [];
    }
    return Array.isArray(v) ? v : [v];
}
