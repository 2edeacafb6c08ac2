// @ts-nocheck
// 
import * as assert from "node:assert/strict";
import * as cloudflare from "@pulumi/cloudflare";
import * as edge from "../../policies/edge-cache";
import { analyzeStack, messages, Outcome, resource, UNKNOWN } from "./harness";

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
});
