// Helpers for stack policies: how resources refer to each other, and the
// region and tags a resource ends up with.

import { PolicyProviderResource, PolicyResource } from "@pulumi/policy";
import { isUnknown, knownString, parseJsonDocument, plain, Tri } from "./values";

/** Anything with properties and a provider: a stack resource or a resource validation's args. */
export interface HasProps {
    props: Record<string, unknown>;
    provider?: PolicyProviderResource;
}

const plainCache = new WeakMap<object, Record<string, unknown>>();

/** Plain (proxy-free) properties of a resource; see values.ts. */
export function propsOf(r: HasProps): Record<string, unknown> {
    let p = plainCache.get(r);
    // Stryker disable next-line ConditionalExpression,CallExpression: a cache; without it each read copies the properties again
    if (!p) {
        p = plain(r.props);
        // Stryker disable next-line CallExpression: a cache (see above)
        plainCache.set(r, p);
    }
    return p;
}

/**
 * The AWS region a resource lives in: its `region` argument (every aws v7
 * resource takes one) or else its provider's region. Undefined when unknown.
 */
export function regionOf(r: HasProps): string | undefined {
    const own = knownString(propsOf(r).region);
    if (own) {
        return own;
    }
    return r.provider ? knownString(plain(r.provider.props).region) : undefined;
}

/** A resource's effective tags; `complete` is false when some source is unknown. */
export interface Tags {
    values: Record<string, string>;
    complete: boolean;
}

/**
 * The tags a resource carries: the provider's `defaultTags` (a JSON string
 * in provider inputs), then `tagsAll` (provider-computed), then `tags`.
 */
export function tagsOf(r: HasProps): Tags {
    const values: Record<string, string> = {};
    let complete = true;
    const merge = (source: unknown) => {
        if (source === undefined || source === null) {
            return;
        }
        // Stryker disable next-line ConditionalExpression,LogicalOperator: the provider's schema gives a map; only the unknown sentinel is a string
        if (isUnknown(source) || typeof source !== "object") {
            complete = false;
            return;
        }
        for (const [k, v] of Object.entries(source as Record<string, unknown>)) {
            // Stryker disable next-line ConditionalExpression: the provider's schema gives string tag values
            if (typeof v === "string" && !isUnknown(v)) {
                values[k] = v;
            } else {
                complete = false;
            }
        }
    };
    if (r.provider) {
        const providerProps = plain(r.provider.props);
        if (providerProps.defaultTags !== undefined) {
            const doc = parseJsonDocument(providerProps.defaultTags);
            if (doc === undefined) {
                complete = false;
            } else {
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
export function tagValue(r: HasProps, key: string): string | null | undefined {
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
export function refersTo(from: PolicyResource, prop: string, to: PolicyResource, identities: unknown[]): Tri {
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
export function matchesIdentity(value: unknown, identities: unknown[], hasOtherDeps: boolean): Tri {
    if (value === undefined || value === null) {
        return false;
    }
    if (isUnknown(value)) {
        return hasOtherDeps ? false : undefined;
    }
    const known = identities.map(knownString).filter((s): s is string => s !== undefined);
    if (known.includes(value as string)) {
        return true;
    }
    // Nothing to compare with yet (every identity of the target is unknown).
    return known.length === 0 ? undefined : false;
}

/** Names and ARNs an S3 bucket is referred to by (`bucket` name, `id`, `arn`). */
export function bucketIdentities(bucket: PolicyResource): unknown[] {
    const p = propsOf(bucket);
    const name = knownString(p.bucket);
    return [p.bucket, p.id, p.arn, name ? `arn:aws:s3:::${name}` : undefined];
}
