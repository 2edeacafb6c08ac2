// @ts-nocheck
// 
// Edge tier settings: the Cloudflare zone in front of the load balancer
// (WAF, rate limiting, HSTS, edge cache) and the post-deploy smoke test.

import type { EdgeArgs, OwaspOptions } from "../components/edge";
import { isCidr } from "./reader";
import { booleanSetting, integerSetting, keyOf, Reader, stringListSetting, stringSetting } from "./setting";

export const CLOUDFLARE_PLANS = ["free", "pro", "business", "enterprise"] as const;
export type CloudflarePlan = (typeof CLOUDFLARE_PLANS)[number];

const OWASP_THRESHOLDS = ["low", "medium", "high"] as const satisfies readonly OwaspOptions["scoreThreshold"][];

/** OWASP Core Ruleset settings of a paid plan whose stack does not set them. */
export const OWASP_DEFAULT: OwaspOptions = { paranoiaLevel: 1, scoreThreshold: "medium" };

/**
 * Period and mitigation timeout values (seconds) Cloudflare's rate limiting
 * rules accept; each plan accepts those up to its maximum.
 * https://developers.cloudflare.com/waf/rate-limiting-rules/#availability
 */
export const RATE_LIMIT_SECONDS = [
    10, 15, 20, 30, 40, 45, 60, 90, 120, 180, 240, 300, 480, 600, 900, 1200, 1800, 2400, 3600, 65535, 86400,
];

export interface CloudflarePlanLimits {
    /** The `matches` (regular expression) operator: Business and Enterprise only. */
    regex: boolean;
    /** Cloudflare Managed Ruleset and OWASP Core Ruleset (Pro and up); free zones get the Free Managed Ruleset. */
    paidManagedRulesets: boolean;
    /** WAF custom rules per zone. */
    customRules: number;
    /** Longest rate-limit counting period, seconds. */
    maxRateLimitPeriod: number;
    /** Longest rate-limit mitigation timeout, seconds. */
    maxMitigationTimeout: number;
    /** Whether 0 (throttle instead of blocking for a period) is accepted as mitigation timeout. */
    throttle: boolean;
    /** Shortest edge cache TTL a cache rule may set, seconds. */
    minEdgeTtl: number;
}

/** What each Cloudflare plan lets the edge configuration use (Cloudflare WAF, rate limiting and cache rules docs). */
export const CLOUDFLARE_PLAN_LIMITS: Record<CloudflarePlan, CloudflarePlanLimits> = {
    free: {
        regex: false,
        paidManagedRulesets: false,
        customRules: 5,
        maxRateLimitPeriod: 10,
        maxMitigationTimeout: 10,
        throttle: false,
        minEdgeTtl: 7200,
    },
    pro: {
        regex: false,
        paidManagedRulesets: true,
        customRules: 20,
        maxRateLimitPeriod: 60,
        maxMitigationTimeout: 3600,
        throttle: false,
        minEdgeTtl: 3600,
    },
    business: {
        regex: true,
        paidManagedRulesets: true,
        customRules: 100,
        maxRateLimitPeriod: 600,
        maxMitigationTimeout: 86400,
        throttle: false,
        minEdgeTtl: 1,
    },
    enterprise: {
        regex: true,
        paidManagedRulesets: true,
        customRules: 1000,
        maxRateLimitPeriod: 65535,
        maxMitigationTimeout: 86400,
        throttle: true,
        minEdgeTtl: 1,
    },
};

/**
 * WAF custom rules the Edge component always creates besides `hms:edgeBlockExpressions`:
 * block /xmlrpc.php, block PHP under /wp-content/uploads, and (when
 * `hms:edgeAdminAllowCidrs` is set) the /wp-admin allowlist, and (when
 * `hms:edgeHospitalEgressCidrs` is set) the rate-limit skip rule.
 */
export function builtInCustomRuleCount(adminAllowCidrs: string[], hospitalEgressCidrs: string[] = []): number {
    return 2 + (adminAllowCidrs.length > 0 ? 1 : 0) + (hospitalEgressCidrs.length > 0 ? 1 : 0);
}

/** Whether a Cloudflare Rules language expression uses a regular expression (`matches` or `~`) outside string literals. */
export function usesRegex(expression: string): boolean {
    return /\bmatches\b|~/.test(withoutStringLiterals(expression));
}

/** The expression with its string literals ("...", r"..." and r#"..."#) blanked out, so operators inside them are not mistaken for real ones. */
function withoutStringLiterals(expression: string): string {
    return expression.replace(/\br(#*)"[\s\S]*?"\1|"(?:[^"\\]|\\.)*"/g, "STRING");
}

/** A rough syntax check of a Rules language expression: balanced parentheses, braces and quotes. */
function expressionProblem(expression: string): string | undefined {
    if (expression.trim() === "") {
        return "is empty";
    }
    if (expression.length > 4096) {
        return "is longer than 4096 characters";
    }
    const withoutStrings = withoutStringLiterals(expression);
    if (withoutStrings.includes('"')) {
        return "has an unterminated string";
    }
    let depth = 0;
    for (const ch of withoutStrings) {
        depth += ch === "(" || ch === "{" ? 1 : ch === ")" || ch === "}" ? -1 : 0;
        if (depth < 0) {
            break;
        }
    }
    return depth === 0 ? undefined : "has unbalanced parentheses or braces";
}

export const EDGE_SETTINGS = {
    zoneId: stringSetting({
        key: "edgeZoneId",
        description: "Id of the existing Cloudflare zone; when unset the zone is looked up by `domain`.",
        unset: true,
        pattern: /^[0-9a-f]{32}$/,
        accepted: "a Cloudflare zone id (32 hex digits)",
    }),
    plan: stringSetting<CloudflarePlan>({
        key: "edgePlan",
        description:
            "Cloudflare plan of the zone: free, pro, business or enterprise. Decides the WAF rulesets (Free Managed vs Cloudflare Managed + OWASP), regex support and rate-limit/cache limits.",
        default: "free",
        values: CLOUDFLARE_PLANS,
    }),
    owaspParanoiaLevel: integerSetting({
        key: "edgeOwaspParanoiaLevel",
        description:
            "OWASP Core Ruleset paranoia level 1-4 (paid plans only; refused on free). Unset (0): 1 on paid plans.",
        unset: true,
        min: 1,
        max: 4,
    }),
    owaspScoreThreshold: stringSetting<OwaspOptions["scoreThreshold"]>({
        key: "edgeOwaspScoreThreshold",
        description:
            "OWASP anomaly score threshold (paid plans only; refused on free): low (score 60), medium (40) or high (25) sensitivity. Unset: medium on paid plans.",
        unset: true,
        values: OWASP_THRESHOLDS,
    }),
    loginRateLimitRequests: integerSetting({
        key: "edgeLoginRateLimitRequests",
        description: "Requests to /wp-login.php allowed per client IP (per Cloudflare data center) per period.",
        default: 5,
        min: 1,
        max: 10000,
    }),
    loginRateLimitPeriodSeconds: integerSetting({
        key: "edgeLoginRateLimitPeriodSeconds",
        description:
            "Rate-limit counting period in seconds: free 10 only; pro up to 60; business up to 600; enterprise up to 65535 (Cloudflare's supported values).",
        default: 10,
        min: 1,
    }),
    loginRateLimitMitigationTimeoutSeconds: integerSetting({
        key: "edgeLoginRateLimitMitigationTimeoutSeconds",
        description:
            "How long a rate-limited client stays blocked, in seconds: free 10 only; pro up to 3600; business and enterprise up to 86400 (Cloudflare's supported values; 0 = throttle, enterprise).",
        default: 10,
        min: 0,
    }),
    adminAllowCidrs: stringListSetting({
        key: "edgeAdminAllowCidrs",
        description:
            "IPv4 networks allowed to reach /wp-admin (except admin-ajax.php), for example the VPN egress. Empty means not restricted at the edge.",
        item: isCidr,
        accepted: "IPv4 CIDR blocks, for example 203.0.113.0/24",
    }),
    hospitalEgressCidrs: stringListSetting({
        key: "edgeHospitalEgressCidrs",
        description:
            "IPv4 networks of the hospital's own internet egress (NAT): their requests skip the login rate limit (a WAF skip rule, every plan), so a shift change behind one address is not blocked.",
        item: isCidr,
        accepted: "IPv4 CIDR blocks of the hospital's own internet egress (NAT), for example 203.0.113.0/28",
    }),
    blockExpressions: stringListSetting({
        key: "edgeBlockExpressions",
        description:
            "Extra Cloudflare Rules language expressions whose requests are blocked (WAF custom rules). Regular expressions (matches, ~) need business or enterprise.",
        accepted: 'Cloudflare Rules language expressions, for example (http.request.uri.path eq "/old-portal")',
    }),
    hstsMaxAgeSeconds: integerSetting({
        key: "edgeHstsMaxAgeSeconds",
        description: "HSTS max-age Cloudflare sends, 86400 (1 day) to 31536000 seconds (1 year).",
        default: 31536000,
        min: 86400,
        max: 31536000,
        accepted: "a whole number of seconds from 86400 (1 day) to 31536000 (1 year)",
    }),
    hstsPreload: booleanSetting({
        key: "edgeHstsPreload",
        description: "Add the HSTS preload directive (hard to undo; requires a max-age of 1 year).",
        default: false,
    }),
    staticEdgeTtlSeconds: integerSetting({
        key: "edgeStaticEdgeTtlSeconds",
        description:
            "Edge cache TTL of static WordPress assets (uploads, wp-includes, theme/plugin files) in seconds; at least 7200 on free, 3600 on pro. 604800 is 7 days.",
        default: 604800,
        min: 1,
        max: 31536000,
        accepted: "a whole number of seconds up to 31536000 (1 year)",
    }),
    smokeTestEnabled: booleanSetting({
        key: "edgeSmokeTestEnabled",
        description:
            "Fetch https://<domain><edgeSmokeTestPath> through Cloudflare after the origin or the edge changes and fail the update unless it answers 200 via Cloudflare.",
        default: false,
    }),
    smokeTestPath: stringSetting({
        key: "edgeSmokeTestPath",
        description: "Path of the health URL the smoke test fetches.",
        default: "/healthz",
        pattern: /^\/[\w\-./]*$/,
        accepted: "a URL path starting with /",
    }),
    smokeTestAttempts: integerSetting({
        key: "edgeSmokeTestAttempts",
        description: "Attempts before the smoke test fails, 1-120.",
        default: 30,
        min: 1,
        max: 120,
    }),
    smokeTestIntervalSeconds: integerSetting({
        key: "edgeSmokeTestIntervalSeconds",
        description: "Seconds between smoke test attempts, 1-300.",
        default: 10,
        min: 1,
        max: 300,
    }),
};

export interface SmokeTestConfig {
    enabled: boolean;
    path: string;
    attempts: number;
    intervalSeconds: number;
}

/** What the Edge component takes from the configuration, plus the smoke test that runs after it. */
export type EdgeConfig = Pick<EdgeArgs, "plan" | "owasp" | "loginRateLimit" | "hsts" | "staticEdgeTtlSeconds"> & {
    /** Existing Cloudflare zone id; when absent the zone is looked up by `hms:domain`. */
    zoneId?: string;
    adminAllowCidrs: string[];
    /** The hospital's own egress networks: their requests skip the rate-limiting rules (every plan, through a WAF skip rule). */
    hospitalEgressCidrs: string[];
    blockExpressions: string[];
    smokeTest: SmokeTestConfig;
};

export function readEdge(r: Reader): EdgeConfig {
    const s = EDGE_SETTINGS;
    const zoneId = r.optional(s.zoneId);
    const plan = r.get(s.plan);
    const limits = CLOUDFLARE_PLAN_LIMITS[plan];
    const paidPlans = CLOUDFLARE_PLANS.filter((p) => CLOUDFLARE_PLAN_LIMITS[p].paidManagedRulesets).join(", ");

    // OWASP Core Ruleset: paid plans only. On free its keys would be ignored
    // silently, so setting them is an error that says why.
    // Both are `unset` settings: the CLI hands a declared default to the
    // program as if the stack had set it, so only an unset marker tells "not set".
    const owaspValues = {
        paranoiaLevel: r.optional(s.owaspParanoiaLevel) ?? OWASP_DEFAULT.paranoiaLevel,
        scoreThreshold: r.optional(s.owaspScoreThreshold) ?? OWASP_DEFAULT.scoreThreshold,
    };
    let owasp: EdgeConfig["owasp"];
    if (limits.paidManagedRulesets) {
        owasp = owaspValues;
    } else {
        for (const [setting, value] of [
            [s.owaspParanoiaLevel, owaspValues.paranoiaLevel],
            [s.owaspScoreThreshold, owaspValues.scoreThreshold],
        ] as const) {
            if (r.isSet(setting)) {
                r.problem(
                    setting,
                    value,
                    `the ${plan} plan has no OWASP Core Ruleset (it gets the Free Managed Ruleset); ` +
                        `remove the key or set ${keyOf(s.plan)} to one of ${paidPlans}`,
                );
            }
        }
    }

    const loginRateLimit = {
        requests: r.get(s.loginRateLimitRequests),
        periodSeconds: r.get(s.loginRateLimitPeriodSeconds),
        mitigationTimeoutSeconds: r.get(s.loginRateLimitMitigationTimeoutSeconds),
    };
    const periods = RATE_LIMIT_SECONDS.filter((v) => v <= limits.maxRateLimitPeriod);
    if (!periods.includes(loginRateLimit.periodSeconds)) {
        r.problem(
            s.loginRateLimitPeriodSeconds,
            loginRateLimit.periodSeconds,
            `the ${plan} plan accepts rate-limit periods of ${periods.join(", ")} seconds only`,
        );
    }
    const timeouts = [
        ...(limits.throttle ? [0] : []),
        ...RATE_LIMIT_SECONDS.filter((v) => v <= limits.maxMitigationTimeout),
    ];
    if (!timeouts.includes(loginRateLimit.mitigationTimeoutSeconds)) {
        r.problem(
            s.loginRateLimitMitigationTimeoutSeconds,
            loginRateLimit.mitigationTimeoutSeconds,
            `the ${plan} plan accepts mitigation timeouts of ${timeouts.join(", ")} seconds only`,
        );
    }

    const adminAllowCidrs = r.get(s.adminAllowCidrs);
    const hospitalEgressCidrs = r.get(s.hospitalEgressCidrs);
    const blockExpressions = r.get(s.blockExpressions);
    checkBlockExpressions(r, blockExpressions, plan, builtInCustomRuleCount(adminAllowCidrs, hospitalEgressCidrs));

    const hsts = { maxAgeSeconds: r.get(s.hstsMaxAgeSeconds), preload: r.get(s.hstsPreload) };
    if (hsts.preload && hsts.maxAgeSeconds < 31536000) {
        r.problem(
            s.hstsPreload,
            true,
            `HSTS preload lists require ${keyOf(s.hstsMaxAgeSeconds)} = 31536000 (1 year), not ${hsts.maxAgeSeconds}`,
        );
    }

    const staticEdgeTtlSeconds = r.get(s.staticEdgeTtlSeconds);
    if (staticEdgeTtlSeconds < limits.minEdgeTtl) {
        r.problem(
            s.staticEdgeTtlSeconds,
            staticEdgeTtlSeconds,
            `the ${plan} plan's cache rules accept edge TTLs of at least ${limits.minEdgeTtl} seconds`,
        );
    }

    const smokeTest = {
        enabled: r.get(s.smokeTestEnabled),
        path: r.get(s.smokeTestPath),
        attempts: r.get(s.smokeTestAttempts),
        intervalSeconds: r.get(s.smokeTestIntervalSeconds),
    };
    return {
        zoneId,
        plan,
        owasp,
        loginRateLimit,
        adminAllowCidrs,
        hospitalEgressCidrs,
        blockExpressions,
        hsts,
        staticEdgeTtlSeconds,
        smokeTest,
    };
}

function checkBlockExpressions(r: Reader, blockExpressions: string[], plan: CloudflarePlan, builtIn: number): void {
    const setting = EDGE_SETTINGS.blockExpressions;
    const limits = CLOUDFLARE_PLAN_LIMITS[plan];
    blockExpressions.forEach((e, i) => {
        const problem = expressionProblem(e);
        if (blockExpressions.indexOf(e) < i) {
            r.problem(setting, e, `item ${i + 1} is listed twice (also item ${blockExpressions.indexOf(e) + 1})`);
        } else if (problem) {
            r.problem(setting, e, `item ${i + 1} ${problem}; each item must be a Cloudflare Rules language expression`);
        } else if (!limits.regex && usesRegex(e)) {
            r.problem(
                setting,
                e,
                `item ${i + 1} uses a regular expression (matches or ~), which the ${plan} plan does not support (business and enterprise do); ` +
                    "use eq, in, contains, starts_with, ends_with or wildcard instead",
            );
        }
    });
    if (builtIn + blockExpressions.length > limits.customRules) {
        r.problem(
            setting,
            blockExpressions,
            `the ${plan} plan allows ${limits.customRules} WAF custom rules and ${builtIn} are built in; ` +
                `list at most ${limits.customRules - builtIn} expressions (combine them with "or")`,
        );
    }
}
