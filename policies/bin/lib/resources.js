"use strict";
// Helpers for stack policies: how resources refer to each other, and the
// region and tags a resource ends up with.
Object.defineProperty(exports, "__esModule", { value: true });
exports.propsOf = propsOf;
exports.regionOf = regionOf;
exports.tagsOf = tagsOf;
exports.tagValue = tagValue;
exports.refersTo = refersTo;
exports.matchesIdentity = matchesIdentity;
exports.bucketIdentities = bucketIdentities;
const values_1 = require("./values");
const plainCache = new WeakMap();
/** Plain (proxy-free) properties of a resource; see values.ts. */
function propsOf(r) {
    let p = plainCache.get(r);
    // Stryker disable next-line ConditionalExpression,CallExpression: a cache; without it each read copies the properties again
    if (!p) {
        p = (0, values_1.plain)(r.props);
        // Stryker disable next-line CallExpression: a cache (see above)
        plainCache.set(r, p);
    }
    return p;
}
/**
 * The AWS region a resource lives in: its `region` argument (every aws v7
 * resource takes one) or else its provider's region. Undefined when unknown.
 */
function regionOf(r) {
    const own = (0, values_1.knownString)(propsOf(r).region);
    if (own) {
        return own;
    }
    return r.provider ? (0, values_1.knownString)((0, values_1.plain)(r.provider.props).region) : undefined;
}
/**
 * The tags a resource carries: the provider's `defaultTags` (a JSON string
 * in provider inputs), then `tagsAll` (provider-computed), then `tags`.
 */
function tagsOf(r) {
    const values = {};
    let complete = true;
    const merge = (source) => {
        if (source === undefined || source === null) {
            return;
        }
        // Stryker disable next-line ConditionalExpression,LogicalOperator: the provider's schema gives a map; only the unknown sentinel is a string
        if ((0, values_1.isUnknown)(source) || typeof source !== "object") {
            complete = false;
            return;
        }
        for (const [k, v] of Object.entries(source)) {
            // Stryker disable next-line ConditionalExpression: the provider's schema gives string tag values
            if (typeof v === "string" && !(0, values_1.isUnknown)(v)) {
                values[k] = v;
            }
            else {
                complete = false;
            }
        }
    };
    if (r.provider) {
        const providerProps = (0, values_1.plain)(r.provider.props);
        if (providerProps.defaultTags !== undefined) {
            const doc = (0, values_1.parseJsonDocument)(providerProps.defaultTags);
            if (doc === undefined) {
                complete = false;
            }
            else {
                merge(doc.tags);
            }
        }
    }
    const p = propsOf(r);
    merge(p.tagsAll);
    merge(p.tags);
    return { values, complete };
}
/** The value of tag `key`: a string, null (certainly absent) or undefined (cannot tell). */
function tagValue(r, key) {
    const t = tagsOf(r);
    if (key in t.values) {
        return t.values[key];
    }
    return t.complete ? null : undefined;
}
/**
 * Whether `from.props[prop]` refers to `to`. True when the engine recorded
 * that property as depending on `to` (how a reference to a resource still to
 * be created shows at preview), or when its known value equals one of
 * `identities` (names or ARNs `to` is known by); false when known and
 * different; undefined when the value is unknown and no dependency tells.
 */
function refersTo(from, prop, to, identities) {
    const deps = from.propertyDependencies[prop] ?? [];
    if (deps.some((d) => d.urn === to.urn)) {
        return true;
    }
    const value = propsOf(from)[prop];
    return matchesIdentity(value, identities, deps.length > 0);
}
/**
 * Compares a reference value with a resource's identities. `hasOtherDeps`:
 * the property depends on other resources, so an unknown value comes from
 * them and does not refer to this one.
 */
function matchesIdentity(value, identities, hasOtherDeps) {
    if (value === undefined || value === null) {
        return false;
    }
    if ((0, values_1.isUnknown)(value)) {
        return hasOtherDeps ? false : undefined;
    }
    const known = identities.map(values_1.knownString).filter((s) => s !== undefined);
    if (known.includes(value)) {
        return true;
    }
    // Nothing to compare with yet (every identity of the target is unknown).
    return known.length === 0 ? undefined : false;
}
/** Names and ARNs an S3 bucket is referred to by (`bucket` name, `id`, `arn`). */
function bucketIdentities(bucket) {
    const p = propsOf(bucket);
    const name = (0, values_1.knownString)(p.bucket);
    return [p.bucket, p.id, p.arn, name ? `arn:aws:s3:::${name}` : undefined];
}
