import * as assert from "node:assert/strict";
import * as cloudflare from "@pulumi/cloudflare";
import * as edge from "../../policies/edge-cache";
import {
    analyzeStack,
    awsOrigin,
    cloudflareEdge,
    configProblems,
    messages,
    Outcome,
    resource,
    UNKNOWN,
} from "./harness";

function clean(o: Outcome): void {
    assert.deepEqual(o.violations, []);
    assert.deepEqual(o.previewNotes, []);
}

const ZONE = "0f1e2d3c4b5a69788796a5b4c3d2e1f0";
const www = resource(cloudflare.DnsRecord, "www", {
    zoneId: ZONE,
    name: "www",
    type: "CNAME",
    content: "nlb",
    proxied: true,
    ttl: 1,
});
const rule = (expression: string, cache: boolean, extra: Record<string, unknown> = {}) => ({
    action: "set_cache_settings",
    expression,
    actionParameters: { cache },
    ...extra,
});
const CACHE_STATIC = rule('(http.request.uri.path.extension in {"jpg" "png"})', true);
const BYPASS = rule(
    '(starts_with(http.request.uri.path, "/wp-admin/") or starts_with(http.request.uri.path, "/clinical-files/"))',
    false,
);
const cache = (rules: unknown) =>
    resource(cloudflare.Ruleset, "cache", {
        zoneId: ZONE,
        kind: "zone",
        name: "cache",
        phase: edge.CACHE_PHASE,
        rules,
    });

describe("policies/edge-cache", () => {
    const policy = edge.clinicalFilesNotCached;

    it("accepts cache rules whose last word on clinical files is a bypass", async () => {
        clean(await analyzeStack(policy, [www, cache([rule("true", false), CACHE_STATIC, BYPASS])]));
    });

    it("flags a zone that caches static files without bypassing clinical paths", async () => {
        const o = await analyzeStack(policy, [www, cache([rule("true", false), CACHE_STATIC])]);
        assert.deepEqual(messages(o), [
            "cache ruleset cache: no enabled cache rule bypasses the cache for /clinical-files/; clinical files could be served from the edge.",
        ]);
    });

    it("flags a bypass that a later rule overrides, and a disabled bypass", async () => {
        assert.match(
            messages(await analyzeStack(policy, [www, cache([BYPASS, CACHE_STATIC])]))[0],
            /a later cache rule .* may cache \/clinical-files\/ again/,
        );
        assert.equal(
            (await analyzeStack(policy, [www, cache([CACHE_STATIC, { ...BYPASS, enabled: false }])])).violations.length,
            1,
        );
    });

    it("flags a proxied zone with no cache rules at all (Cloudflare's default caching keeps images and PDFs)", async () => {
        assert.match(messages(await analyzeStack(policy, [www]))[0], /has no http_request_cache_settings ruleset/);
    });

    it("checks every configured prefix", async () => {
        const config = { [policy.name]: { clinicalPathPrefixes: ["/clinical-files/", "/exames/"] } };
        assert.match(
            messages(await analyzeStack(policy, [www, cache([CACHE_STATIC, BYPASS])], config))[0],
            /\/exames\//,
        );
    });

    it("skips rules unknown at preview and zones without proxied records", async () => {
        clean(await analyzeStack(policy, [www, cache(UNKNOWN)]));
        const mail = resource(cloudflare.DnsRecord, "mail", {
            zoneId: ZONE,
            name: "mail",
            type: "A",
            content: "192.0.2.1",
            proxied: false,
            ttl: 1,
        });
        const o = await analyzeStack(policy, [mail]);
        clean(o);
        assert.equal(o.notApplicable[0].policy, policy.name);
    });

    describe("each side of every condition (mixed stacks)", () => {
        const policy = edge.clinicalFilesNotCached;
        const run = async (...r: ReturnType<typeof resource>[]) =>
            messages(await analyzeStack(policy, [...awsOrigin(), www, ...r]));
        const PREFIX = '(starts_with(http.request.uri.path, "/clinical-files/"))';

        it("reads the prefix through any spacing of the expression", async () => {
            assert.deepEqual(
                await run(
                    cache([CACHE_STATIC, rule('(starts_with(http.request.uri.path,\n    "/clinical-files/"))', false)]),
                ),
                [],
            );
        });

        it("needs the last rule naming the prefix to bypass, and no later rule that caches", async () => {
            const NO_BYPASS =
                "cache ruleset cache: no enabled cache rule bypasses the cache for /clinical-files/; clinical files could be served from the edge.";
            assert.deepEqual(await run(cache([rule(PREFIX, true)])), [NO_BYPASS]);
            assert.deepEqual(await run(cache([{ action: "set_cache_settings", expression: PREFIX }])), [NO_BYPASS]);
            // Two bypasses: nothing caches after the last one.
            assert.deepEqual(
                await run(
                    cache([rule(PREFIX, false), rule('(starts_with(http.request.uri.path, "/wp-admin/"))', false)]),
                ),
                [],
            );
            // A later rule without cache settings (caching by default) may cache again.
            assert.deepEqual(
                await run(cache([rule(PREFIX, false), { action: "set_cache_settings", expression: "true" }])),
                [
                    "cache ruleset cache: a later cache rule (true) may cache /clinical-files/ again; clinical files could be served from the edge.",
                ],
            );
        });

        it("takes only the zone's own cache-phase ruleset (not the WAF ruleset, not another zone's)", async () => {
            const NONE = `zone ${ZONE} has no http_request_cache_settings ruleset: Cloudflare's default caching would keep images and PDFs under /clinical-files/.`;
            const waf = resource(cloudflare.Ruleset, "waf", {
                zoneId: ZONE,
                kind: "zone",
                phase: "http_request_firewall_managed",
                rules: [],
            });
            assert.deepEqual(await run(waf), [NONE]);
            const other = resource(cloudflare.Ruleset, "other", {
                zoneId: "a1b2c3d4e5f60718293a4b5c6d7e8f90",
                kind: "zone",
                phase: edge.CACHE_PHASE,
                rules: [BYPASS],
            });
            assert.deepEqual(await run(other), [NONE]);
            const two = await analyzeStack(policy, [www, cache([BYPASS])], {
                [policy.name]: { clinicalPathPrefixes: ["/a/", "/b/"] },
            });
            assert.equal(two.violations.length, 2);
        });

        it("applies to a stack with proxied records, also when their zone is protected", async () => {
            const o = await analyzeStack(policy, [...awsOrigin(), www, cache([CACHE_STATIC, BYPASS])]);
            clean(o);
            assert.deepEqual(o.notApplicable, []);
        });

        it("names every configured prefix when a zone has no cache ruleset at all", async () => {
            const o = await analyzeStack(policy, [...awsOrigin(), www], {
                [policy.name]: { clinicalPathPrefixes: ["/clinical-files/", "/exames/"] },
            });
            assert.match(messages(o)[0], /images and PDFs under \/clinical-files\/, \/exames\/\.$/);
        });

        it("refuses configured prefixes that are not URL paths between slashes", () => {
            assert.deepEqual(
                configProblems(policy, { clinicalPathPrefixes: ["/clinical-files/", "/a/b-c_d.e~/"] }),
                [],
            );
            for (const bad of ["clinical-files/", "/clinical-files", "/a b/", '/a"/', 7]) {
                assert.equal(configProblems(policy, { clinicalPathPrefixes: [bad] }).length, 1, String(bad));
            }
        });

        it("is not applicable to a stack without proxied records, and says so", async () => {
            const o = await analyzeStack(policy, [
                ...awsOrigin(),
                ...cloudflareEdge().filter((r) => r.name !== "origin"),
            ]);
            clean(o);
            assert.match(o.notApplicable[0].reason, /no proxied DNS records/);
        });
    });
});
