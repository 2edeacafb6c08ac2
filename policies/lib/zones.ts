// Cloudflare zones a stack manages. A zone is identified by its id when
// known, or by the cloudflare.Zone resource the stack creates (whose id is
// unknown until it exists; its dependents carry it in propertyDependencies).

import * as cloudflare from "@pulumi/cloudflare";
import { PolicyResource } from "@pulumi/policy";
import { propsOf } from "./resources";
import { knownString } from "./values";

/** The key of the zone a Cloudflare resource belongs to, or undefined when not known yet. */
export function zoneKeyOf(r: PolicyResource): string | undefined {
    if (r.isType(cloudflare.Zone)) {
        return `urn:${r.urn}`;
    }
    const zone = (r.propertyDependencies.zoneId ?? []).find((d) => d.isType(cloudflare.Zone));
    if (zone) {
        return `urn:${zone.urn}`;
    }
    const id = knownString(propsOf(r).zoneId);
    return id ? `id:${id}` : undefined;
}

/**
 * Zones the stack manages: the zones of its cloudflare.Zone resources and of
 * every Cloudflare resource with a `zoneId`, each with its member resources
 * (the zone resource first, then DNS records, then the rest).
 */
export function zonesOf(resources: PolicyResource[]): Map<string, PolicyResource[]> {
    const zones = new Map<string, PolicyResource[]>();
    const rank = (r: PolicyResource) => (r.isType(cloudflare.Zone) ? 0 : r.isType(cloudflare.DnsRecord) ? 1 : 2);
    for (const r of resources) {
        if (!r.type.startsWith("cloudflare:")) {
            continue;
        }
        // Account-level resources (no zone) have no key.
        const key = zoneKeyOf(r);
        if (key === undefined) {
            continue;
        }
        zones.set(key, [...(zones.get(key) ?? []), r]);
    }
    for (const members of zones.values()) {
        members.sort((a, b) => rank(a) - rank(b));
    }
    return zones;
}

/** A readable name for a zone: its domain when the stack creates it, else its id. */
export function zoneLabel(key: string, members: PolicyResource[]): string {
    if (key.startsWith("id:")) {
        return key.slice(3);
    }
    const zone = members.find((m) => m.isType(cloudflare.Zone));
    // Stryker disable next-line OptionalChaining: a urn: key is a cloudflare.Zone of the stack, always among its own zone's members
    return (zone && knownString(propsOf(zone).name)) ?? zone?.name ?? key;
}
