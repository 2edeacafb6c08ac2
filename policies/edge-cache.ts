// Clinical files are never kept at the edge: a zone that proxies the site has
// cache rules whose last word on every clinical-file path is "do not cache"
// (HIPAA 164.312(a)(1) access control, 164.312(e)(1) transmission security;
// LGPD art. 46). A cached medical image would be served to anyone who has its
// URL, and would outlive its deletion at the origin.

import * as cloudflare from "@pulumi/cloudflare";
import { StackValidationPolicy } from "@pulumi/policy";
import { compliance } from "./lib/compliance";
import { configWithDefaults } from "./lib/config";
import { propsOf } from "./lib/resources";
import { asArray, isUnknown } from "./lib/values";
import { zoneKeyOf, zoneLabel, zonesOf } from "./lib/zones";

export const CACHE_PHASE = "http_request_cache_settings";

export interface ClinicalEdgeCacheConfig {
    clinicalPathPrefixes: string[];
}

interface CacheRule {
    enabled?: unknown;
    action?: unknown;
    expression?: unknown;
    actionParameters?: { cache?: unknown };
}

/** Whether a rule's expression names the path prefix (starts_with on the URI path). */
function namesPrefix(rule: CacheRule, prefix: string): boolean {
    return (
        // Stryker disable next-line ConditionalExpression: defensive; the provider's schema gives a string
        typeof rule.expression === "string" &&
        rule.expression.replace(/\s+/g, " ").includes(`starts_with(http.request.uri.path, ${JSON.stringify(prefix)})`)
    );
}

/**
 * What is wrong with a cache ruleset for `prefix`, or undefined: cache rules
 * stack and the last matching rule wins, so the last enabled rule that names
 * the prefix must be a bypass (cache: false) and no enabled rule after it may
 * turn caching on (its expression could match the prefix too).
 */
export function clinicalCacheProblem(rules: CacheRule[], prefix: string): string | undefined {
    // Stryker disable next-line ConditionalExpression: the cache settings phase accepts no other action
    const enabled = rules.filter((r) => r.enabled !== false && r.action === "set_cache_settings");
    let bypass = -1;
    enabled.forEach((r, i) => {
        if (namesPrefix(r, prefix) && r.actionParameters?.cache === false) {
            bypass = i;
        }
    });
    if (bypass < 0) {
        return `no enabled cache rule bypasses the cache for ${prefix}`;
    }
    const later = enabled.slice(bypass + 1).find((r) => r.actionParameters?.cache !== false);
    return later
        ? // Stryker disable next-line MethodExpression: text only (the message quotes at most 80 characters of the expression)
          `a later cache rule (${String(later.expression).slice(0, 80)}) may cache ${prefix} again`
        : undefined;
}

export const clinicalFilesNotCached: StackValidationPolicy = {
    name: "clinical-files-not-cached-at-edge",
    description:
        `Every Cloudflare zone with proxied DNS records has a cloudflare.Ruleset of phase ${CACHE_PHASE} whose last enabled ` +
        'rule naming each clinical-file path prefix (starts_with(http.request.uri.path, "<prefix>")) sets cache: false, ' +
        "with no enabled rule after it that caches.",
    enforcementLevel: "mandatory",
    severity: "critical",
    remediationSteps:
        `Make the last rule of the ${CACHE_PHASE} ruleset { action: "set_cache_settings", actionParameters: { cache: false }, ` +
        'expression: "(starts_with(http.request.uri.path, \\"/clinical-files/\\") or ...)" }; serve clinical files only ' +
        "through the application's authorisation with Cache-Control: private, no-store.",
    configSchema: {
        properties: {
            clinicalPathPrefixes: {
                type: "array",
                items: { type: "string", pattern: "^/[A-Za-z0-9._~/-]*/$" },
                minItems: 1,
                default: ["/clinical-files/"],
                description:
                    "URL path prefixes under which the site serves clinical files (medical images, patient documents).",
            },
        },
    },
    ...compliance("164.312(a)(1)", ["cloudflare", "cache", "clinical-files"], ["164.312(e)(1)"]),
    validateStack: (args, report) => {
        const { clinicalPathPrefixes } = configWithDefaults<ClinicalEdgeCacheConfig>(
            clinicalFilesNotCached.configSchema!,
            args.getConfig<ClinicalEdgeCacheConfig>(),
        );
        // Stryker disable next-line MethodExpression: only Cloudflare resources have a zone key, and only rulesets a phase
        const rulesets = args.resources.filter((r) => r.isType(cloudflare.Ruleset));
        let anyProxied = false;
        for (const [key, members] of zonesOf(args.resources)) {
            const proxied = members.filter((m) => m.isType(cloudflare.DnsRecord) && propsOf(m).proxied === true);
            if (proxied.length === 0) {
                continue;
            }
            anyProxied = true;
            const cache = rulesets.filter((r) => zoneKeyOf(r) === key && propsOf(r).phase === CACHE_PHASE);
            if (cache.some((r) => isUnknown(propsOf(r).rules))) {
                continue; // not known before the update
            }
            if (cache.length === 0) {
                report(
                    `zone ${zoneLabel(key, members)} has no ${CACHE_PHASE} ruleset: Cloudflare's default caching would keep ` +
                        `images and PDFs under ${clinicalPathPrefixes.join(", ")}.`,
                    proxied[0].urn,
                );
                continue;
            }
            for (const ruleset of cache) {
                const rules = asArray(propsOf(ruleset).rules) as CacheRule[];
                for (const prefix of clinicalPathPrefixes) {
                    const problem = clinicalCacheProblem(rules, prefix);
                    if (problem) {
                        report(
                            `cache ruleset ${ruleset.name}: ${problem}; clinical files could be served from the edge.`,
                            ruleset.urn,
                        );
                    }
                }
            }
        }
        if (!anyProxied) {
            args.notApplicable("no proxied DNS records");
        }
    },
};
