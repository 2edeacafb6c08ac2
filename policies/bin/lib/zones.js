"use strict";
// Cloudflare zones a stack manages. A zone is identified by its id when
// known, or by the cloudflare.Zone resource the stack creates (whose id is
// unknown until it exists; its dependents carry it in propertyDependencies).
var __createBinding = (this && this.__createBinding) || (Object.create ? (function(o, m, k, k2) {
    if (k2 === undefined) k2 = k;
    var desc = Object.getOwnPropertyDescriptor(m, k);
    if (!desc || ("get" in desc ? !m.__esModule : desc.writable || desc.configurable)) {
      desc = { enumerable: true, get: function() { return m[k]; } };
    }
    Object.defineProperty(o, k2, desc);
}) : (function(o, m, k, k2) {
    if (k2 === undefined) k2 = k;
    o[k2] = m[k];
}));
var __setModuleDefault = (this && this.__setModuleDefault) || (Object.create ? (function(o, v) {
    Object.defineProperty(o, "default", { enumerable: true, value: v });
}) : function(o, v) {
    o["default"] = v;
});
var __importStar = (this && this.__importStar) || (function () {
    var ownKeys = function(o) {
        ownKeys = Object.getOwnPropertyNames || function (o) {
            var ar = [];
            for (var k in o) if (Object.prototype.hasOwnProperty.call(o, k)) ar[ar.length] = k;
            return ar;
        };
        return ownKeys(o);
    };
    return function (mod) {
        if (mod && mod.__esModule) return mod;
        var result = {};
        if (mod != null) for (var k = ownKeys(mod), i = 0; i < k.length; i++) if (k[i] !== "default") __createBinding(result, mod, k[i]);
        __setModuleDefault(result, mod);
        return result;
    };
})();
Object.defineProperty(exports, "__esModule", { value: true });
exports.zoneKeyOf = zoneKeyOf;
exports.zonesOf = zonesOf;
exports.zoneLabel = zoneLabel;
const cloudflare = __importStar(require("@pulumi/cloudflare"));
const resources_1 = require("./resources");
const values_1 = require("./values");
/** The key of the zone a Cloudflare resource belongs to, or undefined when not known yet. */
function zoneKeyOf(r) {
    if (r.isType(cloudflare.Zone)) {
        return `urn:${r.urn}`;
    }
    const zone = (r.propertyDependencies.zoneId ?? []).find((d) => d.isType(cloudflare.Zone));
    if (zone) {
        return `urn:${zone.urn}`;
    }
    const id = (0, values_1.knownString)((0, resources_1.propsOf)(r).zoneId);
    return id ? `id:${id}` : undefined;
}
/**
 * Zones the stack manages: the zones of its cloudflare.Zone resources and of
 * every Cloudflare resource with a `zoneId`, each with its member resources
 * (the zone resource first, then DNS records, then the rest).
 */
function zonesOf(resources) {
    const zones = new Map();
    const rank = (r) => (r.isType(cloudflare.Zone) ? 0 : r.isType(cloudflare.DnsRecord) ? 1 : 2);
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
function zoneLabel(key, members) {
    if (key.startsWith("id:")) {
        return key.slice(3);
    }
    const zone = members.find((m) => m.isType(cloudflare.Zone));
    // Stryker disable next-line OptionalChaining: a urn: key is a cloudflare.Zone of the stack, always among its own zone's members
    return (zone && (0, values_1.knownString)((0, resources_1.propsOf)(zone).name)) ?? zone?.name ?? key;
}
