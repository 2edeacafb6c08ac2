// Promises one module makes that another relies on, checked end to end rather than
// by comparing their constants: the config's count of WAF custom rules against the
// rules Edge builds, the security-group quota check against what Cloudflare
// publishes, and the BackupExempt tag the components write against the one the
// policy pack reads.

import * as assert from "node:assert/strict";
import { Edge } from "../components/edge";
import { LoadBalancer } from "../components/load-balancer";
import { edgeArgs, loadBalancerArgs } from "../components/tier-args";
import { HmsConfig } from "../config";
import { BACKUP_EXEMPT_TAG as POLICY_BACKUP_EXEMPT_TAG } from "../policies/backup";
import { CLOUDFLARE_IPV4, RecordedResource } from "../tools/mocks";
import { runStack, StackRun } from "../tools/stack";
import { all, one } from "./support/assert";
import { buildComponent, handedOver } from "./support/components";
import { configProblems, parseStack } from "./support/resources";

const RULESET = "cloudflare:index/ruleset:Ruleset";

/**
 * The Edge component of stack configuration `c` built alone (without the rest of the program),
 * with components/tier-args.ts's edgeArgs of it (what HospitalSystem.createEdge passes); fixed
 * stand-ins for what other tiers hand over (the zone id hospital.ts looks up when the stack
 * names none, the NLB, the origin-pull certificate).
 */
function buildEdge(c: HmsConfig): Promise<RecordedResource[]> {
    return buildComponent(() => new Edge(`hms-${c.environment}-edge`, edgeArgs(c, handedOver(c))), c.region);
}

/**
 * The LoadBalancer component of stack configuration `c` built alone, with components/tier-args.ts's
 * loadBalancerArgs of it (what HospitalSystem.createLoadBalancer passes); fixed stand-ins for the
 * network, keys, app and WebSocket servers and telemetry the other tiers hand over.
 */
function buildLoadBalancer(c: HmsConfig): Promise<RecordedResource[]> {
    return buildComponent(
        () => new LoadBalancer(`hms-${c.environment}-lb`, loadBalancerArgs(c, handedOver(c))),
        c.region,
    );
}

/** Staging is on Cloudflare's free plan: 5 custom rules (https://developers.cloudflare.com/waf/custom-rules/#availability). */
const FREE_PLAN_CUSTOM_RULES = 5;
const ALL_OPTIONAL_RULES = {
    edgeAdminAllowCidrs: ["198.51.100.0/24"],
    edgeHospitalEgressCidrs: ["203.0.113.0/28"],
};

describe("invariants between modules", () => {
    describe("WAF custom rules: what config admits is what Edge builds, within the plan", () => {
        it("a configuration that fills the free plan's custom rules exactly deploys exactly that many (Edge built alone from it)", async function () {
            this.timeout(120_000);
            const overrides = { ...ALL_OPTIONAL_RULES, edgeBlockExpressions: ['(http.request.uri.path eq "/old")'] };
            assert.deepEqual(configProblems("staging", overrides), []);
            const c = parseStack("staging", overrides);
            assert.equal(c.edge?.plan, "free");
            const resources = await buildEdge(c);
            const custom = one({ resources }, RULESET, (r) => r.inputs.phase === "http_request_firewall_custom");
            assert.equal((custom.inputs.rules as unknown[]).length, FREE_PLAN_CUSTOM_RULES);
        });

        it("one block expression more is refused at preview, naming the key", () => {
            const problems = configProblems("staging", {
                ...ALL_OPTIONAL_RULES,
                edgeBlockExpressions: ['(http.request.uri.path eq "/old")', '(http.request.uri.path eq "/older")'],
            });
            assert.ok(
                problems.some((p) => p.startsWith("hms:edgeBlockExpressions ") && /\b5\b/.test(p)),
                problems.join("\n"),
            );
        });
    });

    describe("security group quota: the NLB admits Cloudflare's ranges or the preview stops", () => {
        const published = [...CLOUDFLARE_IPV4];
        afterEach(() => CLOUDFLARE_IPV4.splice(0, CLOUDFLARE_IPV4.length, ...published));

        it("more IPv4 ranges than a security group's 60 rules stops the preview with the quota to raise", async function () {
            this.timeout(300_000);
            // Cloudflare publishes 61 ranges (documentation addresses, /32 each).
            CLOUDFLARE_IPV4.splice(
                0,
                CLOUDFLARE_IPV4.length,
                ...Array.from({ length: 61 }, (_, i) => `192.0.2.${i}/32`),
            );
            // The check runs inside an apply: the engine reports the failed registration and the
            // preview fails; under the mocks it surfaces as a rejected registration.
            const failures: string[] = [];
            const record = (e: unknown) => failures.push(String(e));
            process.on("unhandledRejection", record);
            let resources: RecordedResource[];
            try {
                // The LoadBalancer built alone from staging's configuration (not the whole program).
                resources = await buildLoadBalancer(parseStack("staging"));
            } finally {
                process.off("unhandledRejection", record);
            }
            const run = { resources };
            assert.ok(
                failures.some((f) =>
                    f.includes(
                        'Cloudflare publishes 61 IPv4 ranges; a security group holds 1 to 60 IPv4 rules (raise the "Inbound or outbound rules per security group" quota)',
                    ),
                ),
                failures.join("\n") || "no registration failed",
            );
            const lists = all(run, "aws:ec2/managedPrefixList:ManagedPrefixList");
            assert.deepEqual(
                lists.filter((l) => /ipv4/.test(l.name)),
                [],
                "the IPv4 list was registered anyway",
            );
            assert.equal(lists.filter((l) => /ipv6/.test(l.name)).length, 1, "the IPv6 list (within the quota) is");
        });
    });

    describe("BackupExempt: the tag the components write is the one the policy pack reads", () => {
        let run: StackRun;
        before(async function () {
            this.timeout(300_000);
            run = await runStack("production");
        });

        it("every bucket is backed up or exempt with a reason, under the policy's tag", () => {
            const buckets = all(run, "aws:s3/bucket:Bucket");
            assert.ok(buckets.length >= 4, `${buckets.length} buckets`);
            const selected = new Set(
                all(run, "aws:backup/selection:Selection").flatMap((s) => (s.inputs.resources as string[]) ?? []),
            );
            for (const b of buckets) {
                const tags = (b.inputs.tags ?? {}) as Record<string, string>;
                const reason = tags[POLICY_BACKUP_EXEMPT_TAG];
                assert.ok(
                    selected.has(String(b.outputs.arn)) || (typeof reason === "string" && reason.trim() !== ""),
                    `${b.name}: neither in a backup selection nor tagged ${POLICY_BACKUP_EXEMPT_TAG} (tags: ${JSON.stringify(tags)})`,
                );
                const lookalikes = Object.keys(tags).filter(
                    (k) => k !== POLICY_BACKUP_EXEMPT_TAG && k.toLowerCase().replace(/[^a-z]/g, "") === "backupexempt",
                );
                assert.deepEqual(lookalikes, [], `${b.name}: a tag the policy does not read`);
            }
        });
    });
});
