// @ts-nocheck
import * as crypto from "crypto";
import * as cloudflare from "@pulumi/cloudflare";
import * as command from "@pulumi/command";
import * as pulumi from "@pulumi/pulumi";
import { renderOriginPullWait } from "../templates/origin-pull-rotation";
import type { CloudflarePlan } from "../config";
import { CLINICAL_INTERNAL_PREFIX, CLINICAL_URL_PREFIX } from "../templates/clinical-files";

type RulesetRule = cloudflare.types.input.RulesetRule;

/** Cloudflare's managed WAF rulesets (developers.cloudflare.com/waf/managed-rules). */
export const MANAGED_RULESETS = {
    cloudflareManaged: "efb7b8c949ac4650a09736fc376e9aee",
    owaspCore: "4814384a9e5d4991b9815dcfc25d2f1f",
    freeManaged: "77454fe2d30c4220b5701f6fdfb893ba",
} as const;

/** The last rule of the OWASP Core Ruleset ("949110: Inbound Anomaly Score Exceeded"): it carries the threshold and the action. */
export const OWASP_ANOMALY_RULE_ID = "6179ae15870a4bb7b2d480d4843b323c";

/** OWASP score thresholds: the lower the score, the more sensitive the ruleset. */
export const OWASP_SCORE_THRESHOLDS = { low: 60, medium: 40, high: 25 } as const;

/** File extensions of static assets that may be cached at the edge (never HTML, PHP, JSON or documents). */
export const STATIC_EXTENSIONS = [
    "css",
    "js",
    "mjs",
    "png",
    "jpg",
    "jpeg",
    "gif",
    "webp",
    "avif",
    "svg",
    "ico",
    "woff",
    "woff2",
    "ttf",
    "otf",
    "eot",
] as const;

/** Paths under which static assets are cached: media uploads, WordPress core assets, theme and plugin assets. */
export const STATIC_PATH_PREFIXES = [
    "/wp-content/uploads/",
    "/wp-includes/",
    "/wp-content/themes/",
    "/wp-content/plugins/",
] as const;

/** Paths of clinical files (medical images, patient documents): never cached at the edge, whatever the extension. */
export const CLINICAL_PATH_PREFIXES = [CLINICAL_URL_PREFIX, CLINICAL_INTERNAL_PREFIX] as const;

/** WordPress cookies of visitors who must never get a cached answer. */
export const PRIVATE_COOKIES = ["wordpress_logged_in_", "wp-postpass_", "comment_author_"] as const;

export interface ZoneSettingValue {
    /** Cloudflare's setting id, for example "min_tls_version". */
    id: string;
    value: unknown;
}

export interface OwaspOptions {
    /** 1-4: rules of higher paranoia levels are disabled. */
    paranoiaLevel: number;
    scoreThreshold: keyof typeof OWASP_SCORE_THRESHOLDS;
}

export interface LoginRateLimitOptions {
    requests: number;
    periodSeconds: number;
    mitigationTimeoutSeconds: number;
}

export interface HstsOptions {
    maxAgeSeconds: number;
    preload: boolean;
}

export interface EdgeArgs {
    /** The zone apex the site is served on (and `www.` under it), for example hms.example.org. */
    domain: string;
    /** Id of the existing zone; when absent the zone is looked up by `domain`. */
    zoneId?: pulumi.Input<string>;
    /** The zone's Cloudflare plan: decides the managed rulesets and what rules may use. */
    plan: CloudflarePlan;
    /** DNS name of the origin (the NLB) the proxied records point at. */
    originHostname: pulumi.Input<string>;
    /** Client certificate Cloudflare presents to the origin (zone-level Authenticated Origin Pulls), PEM. */
    originPullCertificatePem: pulumi.Input<string>;
    /** Its private key, PEM (kept a secret). */
    originPullPrivateKeyPem: pulumi.Input<string>;
    /** OWASP Core Ruleset settings; required on paid plans, ignored on free (which has no OWASP ruleset). */
    owasp?: OwaspOptions;
    /** Rate limit of /wp-login.php per client IP. */
    loginRateLimit: LoginRateLimitOptions;
    /** IPv4 networks allowed to reach /wp-admin; empty: not restricted at the edge. */
    adminAllowCidrs?: string[];
    /** The hospital's own egress networks (staff behind one NAT): exempt from the rate-limiting rules. */
    hospitalEgressCidrs?: string[];
    /** Extra Rules language expressions whose requests are blocked. */
    blockExpressions?: string[];
    hsts: HstsOptions;
    /** Edge cache TTL of static assets, seconds. */
    staticEdgeTtlSeconds: number;
}

const isPaid = (plan: CloudflarePlan) => plan !== "free";
const quote = (s: string) => JSON.stringify(s);
const set = (items: readonly string[]) => `{${items.map(quote).join(" ")}}`;
const path = "http.request.uri.path";

/**
 * Zone settings for a hospital site: TLS to the origin validated (Full
 * strict), TLS 1.2+ at the edge with TLS 1.3 (without 0-RTT, whose early data
 * can be replayed), HTTPS only with HSTS, browser integrity check, WebSockets
 * for /ws, and no Always Online (it would serve archived copies of pages).
 */
export function zoneSettings(hsts: HstsOptions): ZoneSettingValue[] {
    return [
        { id: "ssl", value: "strict" },
        { id: "min_tls_version", value: "1.2" },
        { id: "tls_1_3", value: "on" },
        { id: "0rtt", value: "off" },
        { id: "always_use_https", value: "on" },
        { id: "automatic_https_rewrites", value: "on" },
        { id: "opportunistic_encryption", value: "on" },
        { id: "browser_check", value: "on" },
        { id: "security_level", value: "medium" },
        { id: "websockets", value: "on" },
        { id: "always_online", value: "off" },
        {
            // The value is passed to the API as is: its nested keys are the
            // API's snake_case names (camelCase would show a diff on every preview).
            id: "security_header",
            value: {
                strict_transport_security: {
                    enabled: true,
                    max_age: hsts.maxAgeSeconds,
                    include_subdomains: true,
                    preload: hsts.preload,
                    nosniff: true,
                },
            },
        },
    ];
}

/**
 * Rules of the `http_request_firewall_managed` entry point: on paid plans the
 * Cloudflare Managed Ruleset and the OWASP Core Ruleset (paranoia level by
 * disabling the higher levels' categories, score threshold and block action on
 * the anomaly rule); on free the Free Managed Ruleset.
 */
export function managedWafRules(plan: CloudflarePlan, owasp?: OwaspOptions): RulesetRule[] {
    if (!isPaid(plan)) {
        return [
            {
                ref: "hms_free_managed",
                description: "Cloudflare Free Managed Ruleset",
                expression: "true",
                action: "execute",
                actionParameters: { id: MANAGED_RULESETS.freeManaged },
                enabled: true,
            },
        ];
    }
    if (!owasp) {
        throw new Error(
            `Edge: the ${plan} plan runs the OWASP Core Ruleset, which needs its paranoia level and score threshold`,
        );
    }
    const disabledLevels = [2, 3, 4].filter((l) => l > owasp.paranoiaLevel);
    return [
        {
            ref: "hms_cloudflare_managed",
            description: "Cloudflare Managed Ruleset",
            expression: "true",
            action: "execute",
            actionParameters: { id: MANAGED_RULESETS.cloudflareManaged },
            enabled: true,
        },
        {
            ref: "hms_owasp_core",
            description: `Cloudflare OWASP Core Ruleset: paranoia level ${owasp.paranoiaLevel}, ${owasp.scoreThreshold} score threshold, block`,
            expression: "true",
            action: "execute",
            actionParameters: {
                id: MANAGED_RULESETS.owaspCore,
                overrides: {
                    ...(disabledLevels.length > 0
                        ? {
                              categories: disabledLevels.map((l) => ({
                                  category: `paranoia-level-${l}`,
                                  enabled: false,
                              })),
                          }
                        : {}),
                    rules: [
                        {
                            id: OWASP_ANOMALY_RULE_ID,
                            action: "block",
                            scoreThreshold: OWASP_SCORE_THRESHOLDS[owasp.scoreThreshold],
                            enabled: true,
                        },
                    ],
                },
            },
            enabled: true,
        },
    ];
}

/** A stable reference for an operator-supplied expression: the same expression keeps its ref wherever it is listed. */
export function blockExpressionRef(expression: string): string {
    return `hms_block_${crypto.createHash("sha256").update(expression).digest("hex").slice(0, 16)}`;
}

/**
 * Rules of the `http_request_firewall_custom` entry point: WordPress
 * hardening that works on every plan (no regular expressions), the /wp-admin
 * allowlist when networks are given, then the operator's extra expressions.
 */
export function customFirewallRules(
    adminAllowCidrs: string[] = [],
    blockExpressions: string[] = [],
    hospitalEgressCidrs: string[] = [],
): RulesetRule[] {
    const rules: RulesetRule[] = [
        {
            ref: "hms_block_xmlrpc",
            description: "Block XML-RPC (brute force amplification and pingback abuse)",
            expression: `(${path} eq "/xmlrpc.php")`,
            action: "block",
            enabled: true,
        },
        {
            ref: "hms_block_uploads_php",
            description: "Block PHP under /wp-content/uploads (uploaded files are never code)",
            expression: `(starts_with(${path}, "/wp-content/uploads/") and ${path}.extension in {"php" "phtml" "phar"})`,
            action: "block",
            enabled: true,
        },
    ];
    if (adminAllowCidrs.length > 0) {
        rules.push({
            ref: "hms_admin_allowlist",
            description:
                "Only the administrators' networks reach /wp-admin (admin-ajax.php stays public for the site's front end)",
            expression:
                `((${path} eq "/wp-admin" or starts_with(${path}, "/wp-admin/")) and ${path} ne "/wp-admin/admin-ajax.php" ` +
                `and not ip.src in {${adminAllowCidrs.join(" ")}})`,
            action: "block",
            enabled: true,
        });
    }
    rules.push(...hospitalEgressSkipRules(hospitalEgressCidrs));
    const refs = new Set<string>();
    for (const expression of blockExpressions) {
        const ref = blockExpressionRef(expression);
        if (refs.has(ref)) {
            throw new Error(`Edge: the block expression ${quote(expression)} is listed twice`);
        }
        refs.add(ref);
        rules.push({
            ref,
            description: "Blocked by hms:edgeBlockExpressions",
            expression,
            action: "block",
            enabled: true,
        });
    }
    return rules;
}

/**
 * The hospital's own egress networks skip the rate-limiting phase: a shift
 * change logs dozens of staff in through one NAT address. Rate-limiting rules
 * on Free and Pro cannot match the source IP, but a WAF custom rule can, on
 * every plan, and its `skip` action with `phases: ["http_ratelimit"]` skips
 * the rate-limiting rules only; the other custom and managed rules still run
 * (developers.cloudflare.com/waf/custom-rules/skip/options/).
 */
export function hospitalEgressSkipRules(hospitalEgressCidrs: string[]): RulesetRule[] {
    if (hospitalEgressCidrs.length === 0) {
        return [];
    }
    return [
        {
            ref: "hms_skip_ratelimit_hospital_egress",
            description:
                "The hospital's own networks are not rate-limited (staff share one NAT address at shift change)",
            expression: `(ip.src in {${hospitalEgressCidrs.join(" ")}})`,
            action: "skip",
            actionParameters: { phases: ["http_ratelimit"] },
            logging: { enabled: true },
            enabled: true,
        },
    ];
}

/**
 * The `http_ratelimit` rule for /wp-login.php, counted per client in each
 * Cloudflare data center. What a rule may use depends on the plan
 * (developers.cloudflare.com/waf/rate-limiting-rules/, "Availability"):
 * Free matches on the path only and Pro on host/URI/path/query, both counting
 * per IP; Business may match the method, so only login attempts (POST) count;
 * Enterprise also counts per "IP with NAT support" (cf.unique_visitor_id), so
 * staff behind one NAT address get separate counters.
 */
export function loginRateLimitRules(plan: CloudflarePlan, limit: LoginRateLimitOptions): RulesetRule[] {
    const onlyPosts = plan === "business" || plan === "enterprise";
    const client = plan === "enterprise" ? "cf.unique_visitor_id" : "ip.src";
    return [
        {
            ref: "hms_login_rate_limit",
            description: `Rate-limit /wp-login.php: ${limit.requests} requests per ${limit.periodSeconds} s per IP, then block for ${limit.mitigationTimeoutSeconds} s`,
            expression: onlyPosts
                ? `(${path} eq "/wp-login.php" and http.request.method eq "POST")`
                : `(${path} eq "/wp-login.php")`,
            action: "block",
            ratelimit: {
                characteristics: ["cf.colo.id", client],
                period: limit.periodSeconds,
                requestsPerPeriod: limit.requests,
                mitigationTimeout: limit.mitigationTimeoutSeconds,
            },
            enabled: true,
        },
    ];
}

/**
 * Rules of the `http_request_cache_settings` entry point. Cache rules stack and
 * the last matching rule wins, so the order is the policy:
 *   1. nothing is eligible for cache (every page of the site may carry a
 *      patient's personal data; HTML is never cached);
 *   2. static assets (by extension) under uploads, wp-includes, themes and
 *      plugins are cached at the edge, with Cache Deception Armor;
 *   3. the WordPress admin, login, REST API, the WebSocket path, every
 *      clinical-file path and requests of logged-in / password-protected-post /
 *      commenting visitors bypass the cache, even for static files.
 */
export function cacheRules(staticEdgeTtlSeconds: number): RulesetRule[] {
    const staticPaths = STATIC_PATH_PREFIXES.map((p) => `starts_with(${path}, ${quote(p)})`).join(" or ");
    const privatePaths = [
        `${path} eq "/wp-admin"`,
        `starts_with(${path}, "/wp-admin/")`,
        `${path} eq "/wp-login.php"`,
        `${path} eq "/wp-json"`,
        `starts_with(${path}, "/wp-json/")`,
        `http.request.uri.query contains "rest_route="`,
        `${path} eq "/ws"`,
        `starts_with(${path}, "/ws/")`,
        ...CLINICAL_PATH_PREFIXES.map((p) => `starts_with(${path}, ${quote(p)})`),
        ...PRIVATE_COOKIES.map((c) => `http.cookie contains ${quote(c)}`),
    ];
    return [
        {
            ref: "hms_cache_bypass_default",
            description: "Nothing is cached unless a later rule says so: pages may carry patients' personal data",
            expression: "true",
            action: "set_cache_settings",
            actionParameters: { cache: false },
            enabled: true,
        },
        {
            ref: "hms_cache_static_assets",
            description: "Cache static assets of uploads, wp-includes, themes and plugins at the edge",
            expression: `(http.request.method in {"GET" "HEAD"} and ${path}.extension in ${set(STATIC_EXTENSIONS)} and (${staticPaths}))`,
            action: "set_cache_settings",
            actionParameters: {
                cache: true,
                edgeTtl: { mode: "override_origin", default: staticEdgeTtlSeconds },
                cacheKey: { cacheDeceptionArmor: true, ignoreQueryStringsOrder: false },
            },
            enabled: true,
        },
        {
            ref: "hms_cache_bypass_private",
            description:
                "Never cache the admin, login, REST API, WebSocket, clinical files or requests of logged-in visitors",
            expression: `(${privatePaths.join(" or ")})`,
            action: "set_cache_settings",
            actionParameters: { cache: false },
            enabled: true,
        },
    ];
}

/**
 * Cloudflare in front of the origin for one environment: an existing zone
 * (by id or looked up by name), its TLS and security settings, zone-level
 * Authenticated Origin Pulls with the origin's own client certificate, the
 * WAF (managed rulesets, WordPress custom rules, a login rate limit), cache
 * rules that only ever cache static assets, and proxied DNS records for the
 * apex and `www` pointing at the origin. The DNS records are created last, so
 * traffic reaches the origin only once TLS, origin pulls and the WAF are in place.
 */
export class Edge extends pulumi.ComponentResource {
    /** Id of the Cloudflare zone. */
    public readonly zoneId: pulumi.Output<string>;
    /** The proxied hostnames (apex and www). */
    public readonly hostnames: pulumi.Output<string[]>;
    /**
     * Changes whenever what the edge does to a request changes (settings,
     * rules, origin, origin-pull certificate): a trigger for the smoke test.
     */
    public readonly configurationDigest: pulumi.Output<string>;

    constructor(name: string, args: EdgeArgs, opts?: pulumi.ComponentResourceOptions) {
        super("hms:edge:Edge", name, {}, opts);
        const parent = { parent: this };

        this.zoneId = args.zoneId
            ? pulumi.output(args.zoneId)
            : cloudflare.getZoneOutput({ filter: { name: args.domain } }, parent).id;
        const zoneId = this.zoneId;

        // --- zone settings -------------------------------------------------------
        const settingValues = zoneSettings(args.hsts);
        const settings = settingValues.map(
            (s) =>
                new cloudflare.ZoneSetting(
                    `${name}-setting-${s.id.replace(/_/g, "-")}`,
                    { zoneId, settingId: s.id, value: s.value },
                    parent,
                ),
        );

        // --- Authenticated Origin Pulls (zone level) ------------------------------
        // Cloudflare presents the origin's own client certificate (the origin
        // trusts only its CA), not the certificate shared by every Cloudflare customer.
        const originPullCertificate = new cloudflare.AuthenticatedOriginPullsCertificate(
            `${name}-origin-pull-certificate`,
            {
                zoneId,
                certificate: args.originPullCertificatePem,
                privateKey: pulumi.secret(args.originPullPrivateKeyPem),
            },
            parent,
        );
        // A new certificate (renewal) is created before the old one is deleted (Pulumi's
        // create-before-delete); this wait keeps the deletion, which comes at the end of
        // the update, from happening before Cloudflare reports the new one active.
        const originPullActive = new command.local.Command(
            `${name}-origin-pull-active`,
            {
                create: renderOriginPullWait({ attempts: 60, intervalSeconds: 10 }),
                interpreter: ["/bin/bash", "-c"],
                environment: { ZONE_ID: zoneId, CERTIFICATE_ID: originPullCertificate.id },
                triggers: [originPullCertificate.id],
                addPreviousOutputInEnv: false,
            },
            { parent: this, dependsOn: [originPullCertificate] },
        );
        const originPulls = new cloudflare.AuthenticatedOriginPullsSettings(
            `${name}-origin-pulls`,
            { zoneId, enabled: true },
            { parent: this, dependsOn: [originPullCertificate, originPullActive] },
        );

        // --- WAF, rate limiting and cache rules (one entry-point ruleset per phase) --
        const phases: Array<{ suffix: string; phase: string; label: string; rules: RulesetRule[] }> = [
            {
                suffix: "waf-managed",
                phase: "http_request_firewall_managed",
                label: "managed WAF rulesets",
                rules: managedWafRules(args.plan, args.owasp),
            },
            {
                suffix: "waf-custom",
                phase: "http_request_firewall_custom",
                label: "WordPress WAF custom rules",
                rules: customFirewallRules(args.adminAllowCidrs, args.blockExpressions, args.hospitalEgressCidrs),
            },
            {
                suffix: "rate-limit",
                phase: "http_ratelimit",
                label: "rate limiting",
                rules: loginRateLimitRules(args.plan, args.loginRateLimit),
            },
            {
                suffix: "cache",
                phase: "http_request_cache_settings",
                label: "cache rules",
                rules: cacheRules(args.staticEdgeTtlSeconds),
            },
        ];
        const rulesets = phases.map(
            (p) =>
                new cloudflare.Ruleset(
                    `${name}-${p.suffix}`,
                    {
                        zoneId,
                        kind: "zone",
                        phase: p.phase,
                        name: `${name} ${p.label}`,
                        description: `${p.label} of ${args.domain}, managed by Pulumi`,
                        rules: p.rules,
                    },
                    parent,
                ),
        );

        // --- proxied DNS records ---------------------------------------------------
        // CNAMEs to the NLB (Cloudflare flattens the apex CNAME). They go live
        // after the settings, origin pulls and the WAF so that no request
        // reaches the origin without them.
        const hostnames = [args.domain, `www.${args.domain}`];
        const records = hostnames.map(
            (hostname, i) =>
                new cloudflare.DnsRecord(
                    `${name}-${i === 0 ? "apex" : "www"}`,
                    {
                        zoneId,
                        name: hostname,
                        type: "CNAME",
                        content: args.originHostname,
                        proxied: true,
                        ttl: 1,
                        comment: `${name}: origin load balancer, proxied by Cloudflare; managed by Pulumi`,
                    },
                    { parent: this, dependsOn: [...settings, originPulls, ...rulesets] },
                ),
        );
        this.hostnames = pulumi.all(records.map((r) => r.name));

        const plainConfiguration = JSON.stringify({
            settings: settingValues,
            rules: phases.map((p) => [p.phase, p.rules]),
        });
        this.configurationDigest = pulumi
            .all([zoneId, pulumi.output(args.originHostname), originPullCertificate.id])
            .apply(([zone, origin, certificate]) =>
                crypto
                    .createHash("sha256")
                    .update(JSON.stringify([zone, origin, certificate, plainConfiguration]))
                    .digest("hex"),
            );

        this.registerOutputs({
            zoneId: this.zoneId,
            hostnames: this.hostnames,
            configurationDigest: this.configurationDigest,
        });
    }
}
