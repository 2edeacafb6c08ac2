import * as assert from "assert";
import { ChildProcess, spawn, spawnSync } from "child_process";
import * as fs from "fs";
import * as https from "https";
import { AddressInfo } from "net";
import * as os from "os";
import * as path from "path";
import { builtInCustomRuleCount, ConfigError, parseConfig } from "../config";
import { customFirewallRules, Edge, loginRateLimitRules } from "../components/edge";
import { edgeArgs } from "../components/tier-args";
import { CLINICAL_INTERNAL_PREFIX, CLINICAL_URL_PREFIX } from "../templates/clinical-files";
import { renderSmokeTest } from "../templates/smoke-test";
import { CLOUDFLARE_IPV4, CLOUDFLARE_IPV6, isSecret, RecordedResource } from "../tools/mocks";
import { applyOverrides, readStackConfig, runStack, StackRun } from "../tools/stack";
import { ofType } from "./support/resources";
import { requireTool, run as runTool } from "./support/tools";
import { all, one, Resources } from "./support/assert";
import { builtAlone, handedOver, withRequirements } from "./support/components";

type Run = StackRun;
type Rule = {
    ref?: string;
    action: string;
    expression: string;
    description?: string;
    enabled?: boolean;
    actionParameters?: Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any -- nested API shapes, asserted field by field
    ratelimit?: Record<string, unknown>;
};

const stackRun = (stack: string, overrides: Record<string, unknown> = {}): Promise<Run> => runStack(stack, overrides);

/**
 * Cloudflare's managed WAF rulesets as its documentation names them
 * (https://developers.cloudflare.com/waf/managed-rules/, "Ruleset ID"), and the OWASP
 * ruleset's last rule, 949110 "Inbound Anomaly Score Exceeded", which carries the score
 * threshold (https://developers.cloudflare.com/waf/managed-rules/reference/owasp-core-ruleset/configure-api/).
 */
const MANAGED_RULESETS = {
    cloudflareManaged: "efb7b8c949ac4650a09736fc376e9aee",
    owaspCore: "4814384a9e5d4991b9815dcfc25d2f1f",
    freeManaged: "77454fe2d30c4220b5701f6fdfb893ba",
};
const OWASP_ANOMALY_RULE_ID = "6179ae15870a4bb7b2d480d4843b323c";
const PHASES = [
    "http_request_firewall_managed",
    "http_request_firewall_custom",
    "http_ratelimit",
    "http_request_cache_settings",
] as const;
const ruleset = (run: Resources, phase: string): RecordedResource =>
    one(run, "cloudflare:index/ruleset:Ruleset", (r) => r.inputs.phase === phase);
const rules = (run: Resources, phase: string): Rule[] => ruleset(run, phase).inputs.rules as Rule[];
const settings = (run: Resources): Map<string, unknown> =>
    new Map(
        all(run, "cloudflare:index/zoneSetting:ZoneSetting").map((s) => [String(s.inputs.settingId), s.inputs.value]),
    );
const isUnder = (run: Resources, r: RecordedResource, componentType: string): boolean => {
    for (let p = r.parent; p;) {
        const parent = run.resources.find((x) => x.urn === p);
        if (!parent) {
            return false;
        }
        if (parent.type === componentType) {
            return true;
        }
        p = parent.parent;
    }
    return false;
};

/** The `hms:` values (without the namespace) and aws:region of a stack file with overrides, as the CLI passes them. */
function stackValues(
    stack: string,
    overrides: Record<string, unknown> = {},
): { values: Record<string, string>; region?: string } {
    const config = applyOverrides(readStackConfig(stack), overrides);
    const values = Object.fromEntries(
        Object.entries(config)
            .filter(([k]) => k.startsWith("hms:"))
            .map(([k, v]) => [k.slice(4), v]),
    );
    return { values, region: config["aws:region"] };
}

/** Asserts that the overrides make the stack's config invalid, with a problem naming `key` that matches `accepted`. */
function rejects(stack: string, overrides: Record<string, unknown>, key: string, accepted: RegExp): void {
    const { values, region } = stackValues(stack, overrides);
    try {
        parseConfig("hms", values, region);
    } catch (e) {
        assert.ok(e instanceof ConfigError, `expected a ConfigError, got ${e}`);
        const line = e.problems.find((p) => p.startsWith(`${key} `));
        assert.ok(line, `no problem names ${key}: ${e.message}`);
        assert.match(line, accepted);
        return;
    }
    assert.fail(`config with ${JSON.stringify(overrides)} was accepted`);
}

const ZONE_ID = "0123456789abcdef0123456789abcdef";
const PRO = {
    edgePlan: "pro",
    edgeLoginRateLimitPeriodSeconds: 60,
    edgeLoginRateLimitMitigationTimeoutSeconds: 600,
    edgeOwaspParanoiaLevel: 3,
    edgeOwaspScoreThreshold: "high",
    edgeAdminAllowCidrs: ["203.0.113.0/24", "198.51.100.0/24"],
    edgeBlockExpressions: ['(http.request.uri.path eq "/old-portal")', '(http.request.uri.query contains "author=")'],
    edgeZoneId: ZONE_ID,
};

const BUSINESS = {
    edgePlan: "business",
    edgeLoginRateLimitPeriodSeconds: 600,
    edgeLoginRateLimitMitigationTimeoutSeconds: 86400,
    edgeBlockExpressions: ['(http.request.uri.path matches "^/old-(portal|intranet)/")'],
    edgeHstsPreload: true,
};

/**
 * The Edge component built alone from the stack's parsed configuration with
 * `overrides`, with components/tier-args.ts's edgeArgs of it (what hospital.ts's
 * createEdge passes) and stand-ins for what hospital.ts and the load balancer hand
 * over: the zone (hms:edgeZoneId, else a stand-in for the one looked up by
 * hms:domain), the NLB's name and the origin-pull client certificate.
 */
function edgeAlone(stack: string, overrides: Record<string, unknown>): Promise<Resources> {
    return builtAlone(stack, overrides, (c) => {
        assert.ok(c.edge, `${stack} runs the edge tier`);
        new Edge(`hms-${c.environment}-edge`, edgeArgs(c, handedOver(c)));
    });
}

describe("Edge (Cloudflare)", () => {
    /** Whole-program runs: the shared base runs, and `wired` (see the before-hook). */
    const runs: Record<string, Run> = {};
    /** The Edge built alone from staging's configuration with the plan overrides of a test. */
    const alone: Record<string, Resources> = {};
    before(async function () {
        // Whole programs under mocks; on a busy machine that takes a while.
        this.timeout(15 * 60_000);
        runs.staging = await stackRun("staging");
        runs.production = await stackRun("production");
        // What only hospital.ts decides, hence a run of the program: the zone the edge and the
        // mail tier share (hms:edgeZoneId, no lookup) and whether the smoke test exists. Staging
        // with the edge and the tiers it needs only: the others have no part in either.
        runs.wired = await stackRun("staging", {
            tiers: withRequirements("edge"),
            edgeZoneId: ZONE_ID,
            edgeSmokeTestEnabled: false,
        });
        alone.staging = await edgeAlone("staging", {});
        alone.pro = await edgeAlone("staging", PRO);
        alone.proAgain = await edgeAlone("staging", PRO);
        alone.proReordered = await edgeAlone("staging", {
            ...PRO,
            edgeBlockExpressions: [...PRO.edgeBlockExpressions].reverse(),
        });
        alone.business = await edgeAlone("staging", BUSINESS);
    });

    describe("zone", () => {
        it("is looked up by hms:domain when hms:edgeZoneId is not set, and every edge resource uses it", () => {
            const lookups = runs.staging.invokes.filter((i) => i.token === "cloudflare:index/getZone:getZone");
            assert.strictEqual(lookups.length, 1);
            assert.deepStrictEqual((lookups[0].inputs.filter as { name: string }).name, "hms-staging.example.org");
            const zoneIds = new Set(
                runs.staging.resources
                    .filter((r) => r.type.startsWith("cloudflare:") && "zoneId" in r.inputs)
                    .map((r) => r.inputs.zoneId),
            );
            assert.strictEqual(zoneIds.size, 1, `zone ids: ${[...zoneIds]}`);
            assert.match(String([...zoneIds][0]), /^[0-9a-f]{32}$/);
            assert.strictEqual(runs.staging.outputs.zoneId, [...zoneIds][0]);
        });

        it("is taken by id when hms:edgeZoneId is set (no lookup), by the edge and the mail tier alike", () => {
            const run = runs.wired;
            assert.ok(!run.invokes.some((i) => i.token === "cloudflare:index/getZone:getZone"));
            const withZone = run.resources.filter((r) => r.type.startsWith("cloudflare:") && "zoneId" in r.inputs);
            assert.ok(withZone.length >= 17, `${withZone.length} zone resources`);
            assert.ok(
                withZone.some((r) => isUnder(run, r, "hms:app:Mail")),
                "the mail tier's records are in the zone too",
            );
            withZone.forEach((r) => assert.strictEqual(r.inputs.zoneId, ZONE_ID, r.name));
            assert.strictEqual(run.outputs.zoneId, ZONE_ID);
        });
    });

    for (const stack of ["staging", "production"]) {
        describe(`zone settings (${stack})`, () => {
            it("enforce TLS: Full (strict) to the origin, TLS 1.2+ with TLS 1.3, HTTPS only", () => {
                const s = settings(runs[stack]);
                assert.strictEqual(s.get("ssl"), "strict");
                assert.strictEqual(s.get("min_tls_version"), "1.2");
                assert.strictEqual(s.get("tls_1_3"), "on");
                assert.strictEqual(s.get("0rtt"), "off", "0-RTT early data can be replayed");
                assert.strictEqual(s.get("always_use_https"), "on");
                assert.strictEqual(s.get("automatic_https_rewrites"), "on");
                assert.strictEqual(s.get("opportunistic_encryption"), "on");
                assert.strictEqual(s.get("browser_check"), "on");
                assert.strictEqual(s.get("websockets"), "on", "/ws needs WebSockets");
            });

            it("send HSTS through security_header with the API's snake_case keys", () => {
                assert.deepStrictEqual(settings(runs[stack]).get("security_header"), {
                    strict_transport_security: {
                        enabled: true,
                        max_age: 31536000,
                        include_subdomains: true,
                        preload: false,
                        nosniff: true,
                    },
                });
            });

            it("set each setting once", () => {
                const ids = ofType(runs[stack], "cloudflare:index/zoneSetting:ZoneSetting").map(
                    (s) => s.inputs.settingId,
                );
                assert.strictEqual(new Set(ids).size, ids.length);
            });
        });
    }

    it("HSTS preload comes from config (the Edge built alone)", () => {
        const hsts = (
            settings(alone.business).get("security_header") as { strict_transport_security: Record<string, unknown> }
        ).strict_transport_security;
        assert.deepStrictEqual([hsts.preload, hsts.max_age], [true, 31536000]);
    });

    describe("Authenticated Origin Pulls", () => {
        for (const stack of ["staging", "production"]) {
            it(`${stack}: uploads the load balancer's client certificate (key as a secret) and turns zone-level pulls on`, () => {
                const run = runs[stack];
                const cert = one(
                    run,
                    "cloudflare:index/authenticatedOriginPullsCertificate:AuthenticatedOriginPullsCertificate",
                );
                const lbCerts = ofType(run, "tls:index/locallySignedCert:LocallySignedCert").map(
                    (c) => c.outputs.certPem,
                );
                assert.ok(lbCerts.length > 0, "the load balancer generates the client certificate");
                assert.ok(
                    lbCerts.includes(cert.inputs.certificate),
                    "the uploaded certificate is the load balancer's client certificate",
                );
                assert.ok(isSecret(cert.rawInputs.privateKey), "the private key is a secret");
                const keys = ofType(run, "tls:index/privateKey:PrivateKey").map((k) => k.outputs.privateKeyPem);
                assert.ok(
                    keys.includes((cert.rawInputs.privateKey as { value: unknown }).value),
                    "the key is one the load balancer generated",
                );

                const on = one(
                    run,
                    "cloudflare:index/authenticatedOriginPullsSettings:AuthenticatedOriginPullsSettings",
                );
                assert.strictEqual(on.inputs.enabled, true);
                assert.ok(on.dependencies.includes(cert.urn), "enabled only after the certificate is uploaded");
                assert.strictEqual(
                    ofType(run, "cloudflare:index/authenticatedOriginPulls:AuthenticatedOriginPulls").length,
                    0,
                );
            });
        }
    });

    describe("DNS", () => {
        for (const stack of ["staging", "production"]) {
            it(`${stack}: apex and www are proxied CNAMEs to the NLB, created after settings, origin pulls and WAF`, () => {
                const run = runs[stack];
                const domain = stack === "production" ? "hms.example.org" : "hms-staging.example.org";
                // The edge's records (the mail tier adds its own, unproxied, in the same zone).
                const records = ofType(run, "cloudflare:index/dnsRecord:DnsRecord").filter((r) =>
                    isUnder(run, r, "hms:edge:Edge"),
                );
                assert.deepStrictEqual(records.map((r) => r.inputs.name).sort(), [domain, `www.${domain}`]);
                const nlb = one(run, "aws:lb/loadBalancer:LoadBalancer");
                const prerequisites = run.resources.filter(
                    (r) =>
                        r.type === "cloudflare:index/zoneSetting:ZoneSetting" ||
                        r.type === "cloudflare:index/ruleset:Ruleset" ||
                        r.type === "cloudflare:index/authenticatedOriginPullsSettings:AuthenticatedOriginPullsSettings",
                );
                for (const r of records) {
                    assert.strictEqual(r.inputs.type, "CNAME");
                    assert.strictEqual(r.inputs.proxied, true);
                    assert.strictEqual(r.inputs.ttl, 1);
                    assert.strictEqual(r.inputs.content, nlb.outputs.dnsName);
                    prerequisites.forEach((b) =>
                        assert.ok(r.dependencies.includes(b.urn), `${r.name} waits for ${b.name}`),
                    );
                }
                assert.deepStrictEqual((run.outputs.hostnames as string[]).sort(), [domain, `www.${domain}`]);
            });
        }
    });

    describe("rulesets", () => {
        it("one zone entry-point ruleset per phase, every rule with a unique ref", () => {
            const built = Object.entries(alone).map(([name, run]) => [`${name} (built alone)`, run] as const);
            for (const [name, run] of [...Object.entries(runs), ...built]) {
                const rulesets = all(run, "cloudflare:index/ruleset:Ruleset");
                assert.deepStrictEqual(rulesets.map((r) => r.inputs.phase).sort(), [...PHASES].sort(), name);
                const refs: string[] = [];
                for (const rs of rulesets) {
                    assert.strictEqual(rs.inputs.kind, "zone");
                    for (const rule of rs.inputs.rules as Rule[]) {
                        assert.match(
                            String(rule.ref),
                            /^[a-z0-9_]+$/,
                            `${name} ${rs.inputs.phase}: ${rule.description}`,
                        );
                        refs.push(String(rule.ref));
                    }
                }
                assert.strictEqual(new Set(refs).size, refs.length, `${name}: duplicate refs in ${refs}`);
            }
        });

        it("refs do not depend on the plan or on the order of the extra expressions", () => {
            const refsOf = (run: Resources) => new Set(PHASES.flatMap((p) => rules(run, p).map((r) => r.ref)));
            assert.deepStrictEqual(refsOf(alone.proReordered), refsOf(alone.pro));
            const free = refsOf(runs.staging);
            for (const ref of [
                "hms_block_xmlrpc",
                "hms_block_uploads_php",
                "hms_login_rate_limit",
                "hms_cache_static_assets",
            ]) {
                assert.ok(free.has(ref) && refsOf(alone.pro).has(ref), ref);
            }
        });

        describe("free plan (staging)", () => {
            it("managed: the Free Managed Ruleset only", () => {
                const managed = rules(runs.staging, "http_request_firewall_managed");
                assert.strictEqual(managed.length, 1);
                assert.strictEqual(managed[0].action, "execute");
                assert.strictEqual(managed[0].expression, "true");
                assert.strictEqual(managed[0].actionParameters?.id, MANAGED_RULESETS.freeManaged);
            });

            it("rate limit: /wp-login.php by path only, 10 s period and timeout, per IP and data center", () => {
                const [rl] = rules(runs.staging, "http_ratelimit");
                assert.strictEqual(
                    rules(runs.staging, "http_ratelimit").length,
                    1,
                    "free allows one rate-limiting rule",
                );
                assert.strictEqual(rl.action, "block");
                assert.strictEqual(rl.expression, '(http.request.uri.path eq "/wp-login.php")');
                assert.deepStrictEqual(rl.ratelimit, {
                    characteristics: ["cf.colo.id", "ip.src"],
                    period: 10,
                    requestsPerPeriod: 5,
                    mitigationTimeout: 10,
                });
            });

            it("custom: blocks xmlrpc.php and PHP in uploads, no /wp-admin allowlist without networks, no regex", () => {
                const custom = rules(runs.staging, "http_request_firewall_custom");
                const xmlrpc = custom.find((r) => r.ref === "hms_block_xmlrpc");
                assert.strictEqual(xmlrpc?.action, "block");
                assert.strictEqual(xmlrpc?.expression, '(http.request.uri.path eq "/xmlrpc.php")');
                assert.ok(
                    custom.some(
                        (r) =>
                            r.action === "block" &&
                            /wp-content\/uploads/.test(r.expression) &&
                            /"php"/.test(r.expression),
                    ),
                );
                assert.ok(!custom.some((r) => /wp-admin/.test(r.expression)));
                for (const p of PHASES) {
                    rules(runs.staging, p).forEach((r) =>
                        assert.doesNotMatch(r.expression, /\bmatches\b|~/, `${p} ${r.ref}`),
                    );
                }
            });
        });

        describe("pro plan (staging with overrides, the Edge built alone)", () => {
            it("managed: Cloudflare Managed Ruleset, then OWASP with paranoia level and score threshold from config", () => {
                const managed = rules(alone.pro, "http_request_firewall_managed");
                assert.deepStrictEqual(
                    managed.map((r) => [r.action, r.expression, r.actionParameters?.id]),
                    [
                        ["execute", "true", MANAGED_RULESETS.cloudflareManaged],
                        ["execute", "true", MANAGED_RULESETS.owaspCore],
                    ],
                );
                const overrides = managed[1].actionParameters?.overrides;
                assert.deepStrictEqual(overrides.categories, [{ category: "paranoia-level-4", enabled: false }]);
                assert.deepStrictEqual(overrides.rules, [
                    { id: OWASP_ANOMALY_RULE_ID, action: "block", scoreThreshold: 25, enabled: true },
                ]);
            });

            it("production: OWASP at paranoia level 1 (levels 2-4 off), medium threshold (40)", () => {
                const owasp = rules(runs.production, "http_request_firewall_managed").find(
                    (r) => r.actionParameters?.id === MANAGED_RULESETS.owaspCore,
                );
                assert.ok(owasp, "OWASP Core Ruleset executed");
                assert.deepStrictEqual(
                    owasp.actionParameters?.overrides.categories.map((c: { category: string; enabled: boolean }) => [
                        c.category,
                        c.enabled,
                    ]),
                    [
                        ["paranoia-level-2", false],
                        ["paranoia-level-3", false],
                        ["paranoia-level-4", false],
                    ],
                );
                assert.strictEqual(owasp.actionParameters?.overrides.rules[0].scoreThreshold, 40);
                assert.ok(
                    !rules(runs.production, "http_request_firewall_managed").some(
                        (r) => r.actionParameters?.id === MANAGED_RULESETS.freeManaged,
                    ),
                );
            });

            it("rate limit: the configured 60 s period and 600 s timeout", () => {
                const [rl] = rules(alone.pro, "http_ratelimit");
                assert.strictEqual(
                    rl.expression,
                    '(http.request.uri.path eq "/wp-login.php")',
                    "pro cannot match on the method",
                );
                assert.deepStrictEqual([rl.ratelimit?.period, rl.ratelimit?.mitigationTimeout], [60, 600]);
            });

            it("custom: /wp-admin only from the allowed networks (admin-ajax.php excepted), then the extra expressions", () => {
                const custom = rules(alone.pro, "http_request_firewall_custom");
                const admin = custom.find((r) => r.ref === "hms_admin_allowlist");
                assert.ok(admin, "allowlist rule");
                assert.strictEqual(admin.action, "block");
                assert.match(admin.expression, /not ip\.src in \{203\.0\.113\.0\/24 198\.51\.100\.0\/24\}/);
                assert.match(admin.expression, /ne "\/wp-admin\/admin-ajax\.php"/);
                const extra = custom.slice(-2);
                assert.deepStrictEqual(
                    extra.map((r) => [r.action, r.expression]),
                    PRO.edgeBlockExpressions.map((e) => ["block", e]),
                );
            });
        });

        it("business (the Edge built alone): counts only POSTs to /wp-login.php, accepts regex expressions and longer periods", () => {
            const [rl] = rules(alone.business, "http_ratelimit");
            assert.strictEqual(
                rl.expression,
                '(http.request.uri.path eq "/wp-login.php" and http.request.method eq "POST")',
            );
            assert.deepStrictEqual([rl.ratelimit?.period, rl.ratelimit?.mitigationTimeout], [600, 86400]);
            assert.ok(rules(alone.business, "http_request_firewall_custom").some((r) => /matches/.test(r.expression)));
        });

        describe("cache rules", () => {
            for (const stack of ["staging", "production"]) {
                it(`${stack}: bypass by default, cache static assets only, bypass private paths and cookies last`, () => {
                    const cache = rules(runs[stack], "http_request_cache_settings");
                    cache.forEach((r) => assert.strictEqual(r.action, "set_cache_settings"));
                    const [first, ...rest] = cache;
                    assert.deepStrictEqual(
                        [first.expression, first.actionParameters],
                        ["true", { cache: false }],
                        "nothing cached by default",
                    );
                    const cached = cache.filter((r) => r.actionParameters?.cache === true);
                    assert.strictEqual(cached.length, 1);
                    const s = cached[0];
                    for (const p of [
                        "/wp-content/uploads/",
                        "/wp-includes/",
                        "/wp-content/themes/",
                        "/wp-content/plugins/",
                    ]) {
                        assert.ok(s.expression.includes(`starts_with(http.request.uri.path, "${p}")`), p);
                    }
                    const extensions =
                        /extension in \{([^}]*)\}/
                            .exec(s.expression)?.[1]
                            .split(" ")
                            .map((e) => JSON.parse(e)) ?? [];
                    assert.ok(extensions.includes("css") && extensions.includes("jpg"), `${extensions}`);
                    for (const never of ["html", "htm", "php", "json", "pdf", ""]) {
                        assert.ok(!extensions.includes(never), `${never} is never cached`);
                    }
                    assert.deepStrictEqual(s.actionParameters?.edgeTtl, { mode: "override_origin", default: 604800 });
                    assert.strictEqual(s.actionParameters?.cacheKey?.cacheDeceptionArmor, true);

                    const last = rest[rest.length - 1];
                    assert.strictEqual(last.actionParameters?.cache, false, "the private bypass comes last and wins");
                    for (const needle of [
                        '"/wp-admin/"',
                        '"/wp-login.php"',
                        '"/wp-json/"',
                        'eq "/ws"',
                        'http.cookie contains "wordpress_logged_in_"',
                        'http.cookie contains "wp-postpass_"',
                        'http.cookie contains "comment_author_"',
                    ]) {
                        assert.ok(last.expression.includes(needle), `bypass covers ${needle}`);
                    }
                });
                it(`${stack}: clinical files are never cached at the edge, whatever their extension; public media still is`, () => {
                    const cache = rules(runs[stack], "http_request_cache_settings");
                    const last = cache[cache.length - 1];
                    assert.strictEqual(last.actionParameters?.cache, false);
                    for (const p of [CLINICAL_URL_PREFIX, CLINICAL_INTERNAL_PREFIX]) {
                        assert.ok(
                            last.expression.includes(`starts_with(http.request.uri.path, "${p}")`),
                            `the last (winning) bypass covers ${p}`,
                        );
                    }
                    const cached = cache.filter((r) => r.actionParameters?.cache === true);
                    assert.ok(
                        cached.some((r) => r.expression.includes('"/wp-content/uploads/"')),
                        "public media keeps edge caching",
                    );
                });
            }
        });
    });

    describe("configuration a plan cannot carry fails at preview, naming the key", () => {
        it("rate-limit period and timeout outside the plan", () => {
            rejects(
                "staging",
                { edgeLoginRateLimitPeriodSeconds: 60 },
                "hms:edgeLoginRateLimitPeriodSeconds",
                /the free plan accepts rate-limit periods of 10 seconds only/,
            );
            rejects(
                "staging",
                { edgeLoginRateLimitMitigationTimeoutSeconds: 600 },
                "hms:edgeLoginRateLimitMitigationTimeoutSeconds",
                /free plan accepts mitigation timeouts of 10 seconds only/,
            );
            rejects(
                "production",
                { edgeLoginRateLimitPeriodSeconds: 600 },
                "hms:edgeLoginRateLimitPeriodSeconds",
                /pro plan accepts rate-limit periods of 10, 15, .*, 60 seconds only/,
            );
            rejects(
                "production",
                { edgeLoginRateLimitMitigationTimeoutSeconds: 86400 },
                "hms:edgeLoginRateLimitMitigationTimeoutSeconds",
                /pro plan/,
            );
            rejects(
                "production",
                { edgeLoginRateLimitPeriodSeconds: 25 },
                "hms:edgeLoginRateLimitPeriodSeconds",
                /pro plan/,
            );
        });

        it("OWASP settings on the free plan", () => {
            rejects(
                "staging",
                { edgeOwaspParanoiaLevel: 2 },
                "hms:edgeOwaspParanoiaLevel",
                /= 2: the free plan has no OWASP Core Ruleset.*hms:edgePlan to one of pro, business, enterprise/,
            );
            rejects(
                "staging",
                { edgeOwaspScoreThreshold: "high" },
                "hms:edgeOwaspScoreThreshold",
                /free plan has no OWASP/,
            );
            rejects("production", { edgeOwaspParanoiaLevel: 5 }, "hms:edgeOwaspParanoiaLevel", /from 1 to 4/);
        });

        it("regular expressions on free and pro, too many custom rules, malformed expressions", () => {
            const regex = ['(http.request.uri.path matches "^/old/")'];
            rejects(
                "staging",
                { edgeBlockExpressions: regex },
                "hms:edgeBlockExpressions",
                /regular expression .* free plan does not support/,
            );
            rejects(
                "production",
                { edgeBlockExpressions: ['(http.request.uri.path ~ "^/old/")'] },
                "hms:edgeBlockExpressions",
                /pro plan does not support/,
            );
            rejects(
                "staging",
                {
                    edgeBlockExpressions: [
                        "(ip.src eq 192.0.2.1)",
                        "(ip.src eq 192.0.2.2)",
                        "(ip.src eq 192.0.2.3)",
                        "(ip.src eq 192.0.2.4)",
                    ],
                },
                "hms:edgeBlockExpressions",
                /free plan allows 5 WAF custom rules and 2 are built in; list at most 3/,
            );
            rejects(
                "production",
                { edgeBlockExpressions: ['(http.request.uri.path eq "/a"'] },
                "hms:edgeBlockExpressions",
                /unbalanced/,
            );
            rejects(
                "production",
                { edgeBlockExpressions: ["(ip.src eq 192.0.2.1)", "(ip.src eq 192.0.2.1)"] },
                "hms:edgeBlockExpressions",
                /listed twice/,
            );
            // "matches" inside a string is not the operator
            const { values, region } = stackValues("staging", {
                edgeBlockExpressions: ['(http.request.uri.path eq "/matches")', '(http.host eq r"~")'],
            });
            assert.deepStrictEqual(parseConfig("hms", values, region).edge?.blockExpressions.length, 2);
        });

        it("edge TTL below the plan's minimum, HSTS preload without a year's max-age", () => {
            rejects(
                "staging",
                { edgeStaticEdgeTtlSeconds: 3600 },
                "hms:edgeStaticEdgeTtlSeconds",
                /free plan's cache rules accept edge TTLs of at least 7200 seconds/,
            );
            rejects(
                "staging",
                { edgeHstsPreload: true, edgeHstsMaxAgeSeconds: 86400 },
                "hms:edgeHstsPreload",
                /31536000/,
            );
        });

        it("the program itself refuses such a stack before registering anything", async () => {
            await assert.rejects(runStack("staging", { edgeLoginRateLimitPeriodSeconds: 60 }), (e: Error) => {
                assert.ok(e instanceof ConfigError, String(e));
                assert.match(
                    e.message,
                    /hms:edgeLoginRateLimitPeriodSeconds = 60: the free plan accepts rate-limit periods of 10 seconds only/,
                );
                return true;
            });
        });
    });

    describe("smoke test", () => {
        const smokeCommands = (run: StackRun) =>
            ofType(run, "command:local:Command").filter((c) => isUnder(run, c, "hms:edge:SmokeTest"));
        const command = (run: StackRun) => {
            const all = smokeCommands(run);
            assert.strictEqual(all.length, 1, `expected one smoke test command, found ${all.length}`);
            return all[0];
        };

        for (const stack of ["staging", "production"]) {
            it(`${stack}: runs after the edge, the load balancer and every server, re-run when they change`, () => {
                const run = runs[stack];
                const cmd = command(run);
                assert.ok(isUnder(run, cmd, "hms:edge:SmokeTest"));
                const mustWaitFor = run.resources.filter(
                    (r) =>
                        (r.type === "cloudflare:index/dnsRecord:DnsRecord" && isUnder(run, r, "hms:edge:Edge")) ||
                        r.type === "cloudflare:index/zoneSetting:ZoneSetting" ||
                        r.type === "aws:lb/loadBalancer:LoadBalancer" ||
                        r.type === "aws:lb/listener:Listener" ||
                        r.type === "aws:ec2/instance:Instance",
                );
                assert.ok(
                    mustWaitFor.some((r) => r.type === "aws:ec2/instance:Instance"),
                    "the stack has servers",
                );
                mustWaitFor.forEach((r) =>
                    assert.ok(cmd.dependencies.includes(r.urn), `the smoke test waits for ${r.type} ${r.name}`),
                );

                const triggers = cmd.inputs.triggers as string[];
                const nlb = one(run, "aws:lb/loadBalancer:LoadBalancer");
                assert.ok(triggers.includes(String(nlb.outputs.arn)), "re-runs when the NLB changes");
                ofType(run, "aws:ec2/instance:Instance").forEach((i) =>
                    assert.ok(triggers.includes(i.id), `re-runs when ${i.name} is replaced`),
                );
                assert.ok(
                    triggers.some((t) => /^[0-9a-f]{64}$/.test(t)),
                    "re-runs when the edge configuration changes",
                );
                assert.deepStrictEqual(cmd.inputs.interpreter, ["/bin/bash", "-c"]);
                const domain = stack === "production" ? "hms.example.org" : "hms-staging.example.org";
                assert.ok(String(cmd.inputs.create).includes(`url='https://${domain}/healthz'`));
                assert.ok(String(cmd.inputs.create).includes("attempts=30"));
            });
        }

        it("its trigger digest changes with the edge configuration", () => {
            // The program re-runs the smoke test on the Edge's configuration digest...
            const digestOf = (r: Resources) => one(r, "hms:edge:Edge").serializedOutputs.configurationDigest;
            for (const stack of ["staging", "production"]) {
                const digest = digestOf(runs[stack]);
                assert.match(String(digest), /^[0-9a-f]{64}$/, stack);
                assert.ok((command(runs[stack]).inputs.triggers as string[]).includes(String(digest)), stack);
            }
            // ...which, the Edge built alone shows, is the same for the same configuration and
            // changes with the plan and with the order of the extra expressions.
            assert.strictEqual(digestOf(alone.proAgain), digestOf(alone.pro));
            const digests = [alone.staging, alone.pro, alone.proReordered].map(digestOf);
            digests.forEach((d) => assert.match(String(d), /^[0-9a-f]{64}$/));
            assert.strictEqual(new Set(digests).size, 3, `${digests}`);
        });

        it("is absent when hms:edgeSmokeTestEnabled is false", () => {
            const run = runs.wired;
            assert.strictEqual(smokeCommands(run).length, 0);
            assert.strictEqual(
                ofType(run, "cloudflare:index/dnsRecord:DnsRecord").filter((r) => isUnder(run, r, "hms:edge:Edge"))
                    .length,
                2,
            );
        });

        it("its script passes shellcheck", function () {
            requireTool(this, "shellcheck");
            for (const stack of ["staging", "production"]) {
                const script = String(command(runs[stack]).inputs.create);
                const r = runTool("shellcheck", ["--shell=bash", "--severity=style", "-"], script);
                assert.strictEqual(r.status, 0, `${stack}: ${r.stdout}${r.stderr}`);
            }
        });
    });

    describe("smoke test script against a local HTTPS server", function () {
        this.timeout(60_000);
        let dir: string;
        let server: https.Server;
        let answers: Array<{ status: number; cfRay: boolean }> = [];
        let served = 0;
        /** Seconds between attempts. */
        const INTERVAL = 7;

        before(function () {
            requireTool(this, "openssl");
            requireTool(this, "curl");
            dir = fs.mkdtempSync(path.join(os.tmpdir(), "hms-smoke-"));
            // A stand-in `sleep` records the script's pauses instead of taking them.
            fs.mkdirSync(path.join(dir, "bin"));
            fs.writeFileSync(path.join(dir, "bin", "sleep"), `#!/bin/sh\necho "$@" >> "${dir}/slept"\n`, {
                mode: 0o755,
            });
            // The edge's certificate stand-in: ECDSA P-256, as Cloudflare's edge certificates are.
            const r = runTool("openssl", [
                "req",
                "-x509",
                "-newkey",
                "ec",
                "-pkeyopt",
                "ec_paramgen_curve:P-256",
                "-nodes",
                "-days",
                "1",
                "-subj",
                "/CN=localhost",
                "-addext",
                "subjectAltName=DNS:localhost",
                "-keyout",
                path.join(dir, "key.pem"),
                "-out",
                path.join(dir, "cert.pem"),
            ]);
            assert.strictEqual(r.status, 0, r.stderr);
            server = https.createServer(
                { key: fs.readFileSync(path.join(dir, "key.pem")), cert: fs.readFileSync(path.join(dir, "cert.pem")) },
                (req, res) => {
                    const answer = answers[Math.min(served, answers.length - 1)];
                    served++;
                    res.writeHead(answer.status, answer.cfRay ? { "CF-Ray": "8f0e1d2c3b4a5968-GRU" } : {});
                    res.end(req.url === "/healthz" ? "ok" : "not found");
                },
            );
            return new Promise<void>((resolve) => server.listen(0, "127.0.0.1", () => resolve()));
        });

        after(() => {
            server?.close();
            if (dir) {
                fs.rmSync(dir, { recursive: true, force: true });
            }
        });

        async function smoke(
            sequence: Array<{ status: number; cfRay: boolean }>,
            attempts: number,
        ): Promise<{ code: number | null; out: string; slept: string[] }> {
            answers = sequence;
            served = 0;
            fs.rmSync(path.join(dir, "slept"), { force: true });
            const port = (server.address() as AddressInfo).port;
            const script = renderSmokeTest({
                url: `https://localhost:${port}/healthz`,
                attempts,
                intervalSeconds: INTERVAL,
            });
            const child: ChildProcess = spawn("/bin/bash", ["-c", script], {
                env: {
                    ...process.env,
                    PATH: `${path.join(dir, "bin")}:${process.env.PATH}`,
                    CURL_CA_BUNDLE: path.join(dir, "cert.pem"),
                },
            });
            let out = "";
            child.stdout?.on("data", (d) => (out += d));
            child.stderr?.on("data", (d) => (out += d));
            const code = await new Promise<number | null>((resolve) => child.on("close", resolve));
            const sleeps = path.join(dir, "slept");
            return {
                code,
                out,
                slept: fs.existsSync(sleeps) ? fs.readFileSync(sleeps, "utf8").trim().split("\n") : [],
            };
        }

        it("passes when the URL answers 200 through Cloudflare", async () => {
            const r = await smoke([{ status: 200, cfRay: true }], 3);
            assert.strictEqual(r.code, 0, r.out);
            assert.match(r.out, /answered 200 through Cloudflare \(attempt 1 of 3\)/);
            assert.deepStrictEqual(r.slept, [], "no pause after a good answer");
        });

        it("retries until the origin is up", async () => {
            const r = await smoke(
                [
                    { status: 503, cfRay: true },
                    { status: 502, cfRay: true },
                    { status: 200, cfRay: true },
                ],
                5,
            );
            assert.strictEqual(r.code, 0, r.out);
            assert.strictEqual(served, 3);
            assert.match(r.out, /attempt 1 of 5: .* answered 503/);
            assert.deepStrictEqual(r.slept, [String(INTERVAL), String(INTERVAL)], "the interval between attempts");
        });

        it("fails the update when the URL never answers 200", async () => {
            const r = await smoke([{ status: 503, cfRay: true }], 2);
            assert.strictEqual(r.code, 1, r.out);
            assert.strictEqual(served, 2);
            assert.match(r.out, /smoke test FAILED: .* did not answer 200 through Cloudflare after 2 attempt/);
            assert.deepStrictEqual(r.slept, [String(INTERVAL)], "no pause after the last attempt");
        });

        it("fails when the answer did not come through Cloudflare (no CF-Ray header)", async () => {
            const r = await smoke([{ status: 200, cfRay: false }], 2);
            assert.strictEqual(r.code, 1, r.out);
            assert.match(r.out, /did not pass through Cloudflare/);
        });

        it("fails when nothing listens", async () => {
            const script = renderSmokeTest({
                url: "https://localhost:1/healthz",
                attempts: 2,
                intervalSeconds: INTERVAL,
            });
            const r = spawnSync("bash", ["-c", script], {
                encoding: "utf8",
                timeout: 60_000,
                env: { ...process.env, PATH: `${path.join(dir, "bin")}:${process.env.PATH}` },
            });
            assert.strictEqual(r.status, 1, r.stdout + r.stderr);
            assert.match(r.stderr, /did not answer: .*/);
        });
    });

    describe("origin", () => {
        it("the NLB admits Cloudflare's ranges only", () => {
            for (const stack of ["staging", "production"]) {
                const run = runs[stack];
                const nlbs = ofType(run, "aws:lb/loadBalancer:LoadBalancer").filter(
                    (l) => l.inputs.loadBalancerType === "network",
                );
                assert.strictEqual(nlbs.length, 1, `${stack}: Cloudflare's origin is one network load balancer`);
                const sgIds = new Set(nlbs.flatMap((l) => (l.inputs.securityGroups as string[] | undefined) ?? []));
                assert.ok(sgIds.size > 0, "the NLB has a security group");
                const groups = ofType(run, "aws:ec2/securityGroup:SecurityGroup").filter((g) => sgIds.has(g.id));
                assert.strictEqual(groups.length, sgIds.size);
                const inline = groups.flatMap(
                    (g) => (g.inputs.ingress as Array<Record<string, unknown>> | undefined) ?? [],
                );
                const standalone = ofType(run, "aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule").filter(
                    (r) => sgIds.has(String(r.inputs.securityGroupId)),
                );
                const legacy = ofType(run, "aws:ec2/securityGroupRule:SecurityGroupRule").filter(
                    (r) => r.inputs.type === "ingress" && sgIds.has(String(r.inputs.securityGroupId)),
                );
                assert.ok(standalone.length + inline.length + legacy.length > 0, "the NLB's group has ingress rules");
                for (const r of standalone) {
                    const cidr = r.inputs.cidrIpv4 ?? r.inputs.cidrIpv6;
                    // A rule may admit a managed prefix list that holds only Cloudflare's ranges.
                    const list = ofType(run, "aws:ec2/managedPrefixList:ManagedPrefixList").find(
                        (l) => r.inputs.prefixListId !== undefined && l.id === r.inputs.prefixListId,
                    );
                    const listCidrs = ((list?.inputs.entries as Array<{ cidr: string }> | undefined) ?? []).map(
                        (e) => e.cidr,
                    );
                    assert.ok(
                        CLOUDFLARE_IPV4.includes(String(r.inputs.cidrIpv4)) ||
                            CLOUDFLARE_IPV6.includes(String(r.inputs.cidrIpv6)) ||
                            (listCidrs.length > 0 &&
                                listCidrs.every((c) => CLOUDFLARE_IPV4.includes(c) || CLOUDFLARE_IPV6.includes(c))),
                        `${stack}: ${r.name} admits ${cidr ?? r.inputs.referencedSecurityGroupId ?? r.inputs.prefixListId}`,
                    );
                    assert.deepStrictEqual(
                        [r.inputs.ipProtocol, r.inputs.fromPort, r.inputs.toPort],
                        ["tcp", 443, 443],
                        r.name,
                    );
                }
                for (const r of [...inline, ...legacy.map((l) => l.inputs)]) {
                    const cidrs = [
                        ...((r.cidrBlocks as string[] | undefined) ?? []),
                        ...((r.ipv6CidrBlocks as string[] | undefined) ?? []),
                    ];
                    assert.ok(
                        cidrs.length > 0 && !r.securityGroups && !r.prefixListIds && !r.self,
                        `${stack}: ${JSON.stringify(r)}`,
                    );
                    cidrs.forEach((c) =>
                        assert.ok(CLOUDFLARE_IPV4.includes(c) || CLOUDFLARE_IPV6.includes(c), `${stack}: ${c}`),
                    );
                }
                // Every published range is admitted, by a rule of its own or through a prefix list.
                const admitted = standalone.flatMap((r) => {
                    const list = ofType(run, "aws:ec2/managedPrefixList:ManagedPrefixList").find(
                        (l) => r.inputs.prefixListId !== undefined && l.id === r.inputs.prefixListId,
                    );
                    const listed = ((list?.inputs.entries as Array<{ cidr: string }> | undefined) ?? []).map(
                        (e) => e.cidr,
                    );
                    return [r.inputs.cidrIpv4, r.inputs.cidrIpv6, ...listed].filter(
                        (c): c is string => typeof c === "string",
                    );
                });
                assert.deepStrictEqual([...new Set(admitted)].sort(), [...CLOUDFLARE_IPV4, ...CLOUDFLARE_IPV6].sort());
            }
        });
    });

    it("exports zoneId and hostnames", () => {
        for (const stack of ["staging", "production"]) {
            assert.match(String(runs[stack].outputs.zoneId), /^[0-9a-f]{32}$/);
            assert.strictEqual((runs[stack].outputs.hostnames as string[]).length, 2);
        }
    });
});

describe("Edge login protection for a hospital (components/edge.ts)", () => {
    const limit = { requests: 60, periodSeconds: 60, mitigationTimeoutSeconds: 600 };

    it("the hospital's egress networks skip the rate-limiting phase only, on every plan", () => {
        const egress = ["203.0.113.0/28", "198.51.100.7/32"];
        const rules = customFirewallRules([], [], egress) as Rule[];
        const skip = rules.filter((r) => r.action === "skip");
        assert.strictEqual(skip.length, 1);
        assert.strictEqual(skip[0].expression, "(ip.src in {203.0.113.0/28 198.51.100.7/32})");
        assert.deepStrictEqual(
            skip[0].actionParameters,
            { phases: ["http_ratelimit"] },
            "managed and custom rules still apply",
        );
        assert.ok(
            !rules.some(
                (r) =>
                    r.action === "skip" &&
                    (r.actionParameters?.ruleset ||
                        r.actionParameters?.phases?.includes("http_request_firewall_managed")),
            ),
        );
        assert.deepStrictEqual(
            customFirewallRules([], [], []).filter((r) => r.action === "skip"),
            [],
            "no networks, no exemption",
        );
        assert.strictEqual(
            builtInCustomRuleCount([], egress),
            builtInCustomRuleCount([], []) + 1,
            "the skip rule counts against the plan's custom rules",
        );
    });

    it("counts per 'IP with NAT support' where the plan has it (enterprise), per IP elsewhere; only login POSTs on business and up", () => {
        const [ent] = loginRateLimitRules("enterprise", limit) as Rule[];
        assert.deepStrictEqual(ent.ratelimit?.characteristics, ["cf.colo.id", "cf.unique_visitor_id"]);
        assert.match(String(ent.expression), /http.request.method eq "POST"/);
        for (const plan of ["free", "pro"] as const) {
            const [r] = loginRateLimitRules(plan, limit) as Rule[];
            assert.deepStrictEqual(r.ratelimit?.characteristics, ["cf.colo.id", "ip.src"]);
            assert.doesNotMatch(
                String(r.expression),
                /method|ip\.src/,
                `${plan}: rate-limiting rules may match the path only`,
            );
        }
    });

    it("production's threshold lets a shift change behind one unlisted NAT log in (about 30 logins a minute, GET and POST each)", () => {
        const config = readStackConfig("production");
        const requests = Number(config["hms:edgeLoginRateLimitRequests"]);
        const period = Number(config["hms:edgeLoginRateLimitPeriodSeconds"]);
        const shiftLogins = 30; // staff logging in within one minute through one address
        assert.ok((requests * 60) / period >= shiftLogins * 2, `${requests} per ${period} s trips at a shift change`);
    });

    it("hms:edgeHospitalEgressCidrs takes IPv4 CIDR blocks, naming the key and the value otherwise", () => {
        rejects(
            "staging",
            { edgeHospitalEgressCidrs: ["10.0.0.0/33"] },
            "hms:edgeHospitalEgressCidrs",
            /10\.0\.0\.0\/33.*IPv4 CIDR blocks/,
        );
    });
});
