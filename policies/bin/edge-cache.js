"use strict";
// Clinical files are never kept at the edge: a zone that proxies the site has
// cache rules whose last word on every clinical-file path is "do not cache"
// (HIPAA 164.312(a)(1) access control, 164.312(e)(1) transmission security;
// LGPD art. 46). A cached medical image would be served to anyone who has its
// URL, and would outlive its deletion at the origin.
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
exports.clinicalFilesNotCached = exports.CACHE_PHASE = void 0;
exports.clinicalCacheProblem = clinicalCacheProblem;
const cloudflare = __importStar(require("@pulumi/cloudflare"));
const compliance_1 = require("./lib/compliance");
const config_1 = require("./lib/config");
const resources_1 = require("./lib/resources");
const values_1 = require("./lib/values");
const zones_1 = require("./lib/zones");
exports.CACHE_PHASE = "http_request_cache_settings";
/** Whether a rule's expression names the path prefix (starts_with on the URI path). */
function namesPrefix(rule, prefix) {
    return (
    // Stryker disable next-line ConditionalExpression: defensive; the provider's schema gives a string
    typeof rule.expression === "string" &&
        rule.expression.replace(/\s+/g, " ").includes(`starts_with(http.request.uri.path, ${JSON.stringify(prefix)})`));
}
/**
 * What is wrong with a cache ruleset for `prefix`, or undefined: cache rules
 * stack and the last matching rule wins, so the last enabled rule that names
 * the prefix must be a bypass (cache: false) and no enabled rule after it may
 * turn caching on (its expression could match the prefix too).
 */
function clinicalCacheProblem(rules, prefix) {
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
exports.clinicalFilesNotCached = {
    name: "clinical-files-not-cached-at-edge",
    description: `Every Cloudflare zone with proxied DNS records has a cloudflare.Ruleset of phase ${exports.CACHE_PHASE} whose last enabled ` +
        'rule naming each clinical-file path prefix (starts_with(http.request.uri.path, "<prefix>")) sets cache: false, ' +
        "with no enabled rule after it that caches.",
    enforcementLevel: "mandatory",
    severity: "critical",
    remediationSteps: `Make the last rule of the ${exports.CACHE_PHASE} ruleset { action: "set_cache_settings", actionParameters: { cache: false }, ` +
        'expression: "(starts_with(http.request.uri.path, \\"/clinical-files/\\") or ...)" }; serve clinical files only ' +
        "through the application's authorisation with Cache-Control: private, no-store.",
    configSchema: {
        properties: {
            clinicalPathPrefixes: {
                type: "array",
                items: { type: "string", pattern: "^/[A-Za-z0-9._~/-]*/$" },
                minItems: 1,
                default: ["/clinical-files/"],
                description: "URL path prefixes under which the site serves clinical files (medical images, patient documents).",
            },
        },
    },
    ...(0, compliance_1.compliance)("164.312(a)(1)", ["cloudflare", "cache", "clinical-files"], ["164.312(e)(1)"]),
    validateStack: (args, report) => {
        const { clinicalPathPrefixes } = (0, config_1.configWithDefaults)(exports.clinicalFilesNotCached.configSchema, args.getConfig());
        // Stryker disable next-line MethodExpression: only Cloudflare resources have a zone key, and only rulesets a phase
        const rulesets = args.resources.filter((r) => r.isType(cloudflare.Ruleset));
        let anyProxied = false;
        for (const [key, members] of (0, zones_1.zonesOf)(args.resources)) {
            const proxied = members.filter((m) => m.isType(cloudflare.DnsRecord) && (0, resources_1.propsOf)(m).proxied === true);
            if (proxied.length === 0) {
                continue;
            }
            anyProxied = true;
            const cache = rulesets.filter((r) => (0, zones_1.zoneKeyOf)(r) === key && (0, resources_1.propsOf)(r).phase === exports.CACHE_PHASE);
            if (cache.some((r) => (0, values_1.isUnknown)((0, resources_1.propsOf)(r).rules))) {
                continue; // not known before the update
            }
            if (cache.length === 0) {
                report(`zone ${(0, zones_1.zoneLabel)(key, members)} has no ${exports.CACHE_PHASE} ruleset: Cloudflare's default caching would keep ` +
                    `images and PDFs under ${clinicalPathPrefixes.join(", ")}.`, proxied[0].urn);
                continue;
            }
            for (const ruleset of cache) {
                const rules = (0, values_1.asArray)((0, resources_1.propsOf)(ruleset).rules);
                for (const prefix of clinicalPathPrefixes) {
                    const problem = clinicalCacheProblem(rules, prefix);
                    if (problem) {
                        report(`cache ruleset ${ruleset.name}: ${problem}; clinical files could be served from the edge.`, ruleset.urn);
                    }
                }
            }
        }
        if (!anyProxied) {
            args.notApplicable("no proxied DNS records");
        }
    },
};
