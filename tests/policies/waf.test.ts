import * as assert from "node:assert/strict";
import * as aws from "@pulumi/aws";
import * as cloudflare from "@pulumi/cloudflare";
import * as waf from "../../policies/waf";
import {
    analyzeResource,
    analyzeStack,
    awsOrigin,
    configProblems,
    cloudflareEdge,
    deps,
    FakeResource,
    messages,
    Outcome,
    resource,
    UNKNOWN,
} from "./harness";

function clean(o: Outcome): void {
    assert.deepEqual(o.violations, []);
    assert.deepEqual(o.previewNotes, []);
}

// Cloudflare's documented managed ruleset ids (developers.cloudflare.com/waf/managed-rules/reference/)
// and the phase they run in: stated here, not taken from the policy, so a wrong id in the policy fails.
const cloudflareManaged = "efb7b8c949ac4650a09736fc376e9aee";
const owaspCore = "4814384a9e5d4991b9815dcfc25d2f1f";
const freeManaged = "77454fe2d30c4220b5701f6fdfb893ba";
const MANAGED_PHASE = "http_request_firewall_managed";

describe("policies/waf", () => {
    describe("cloudflare-managed-waf", () => {
        const policy = waf.cloudflareManagedWaf;
        const ZONE = "0f1e2d3c4b5a69788796a5b4c3d2e1f0";
        const record = (name: string, proxied: unknown, zoneId: unknown = ZONE) =>
            resource(cloudflare.DnsRecord, name, {
                zoneId,
                name: `${name}.hms.example.org`,
                type: "CNAME",
                content: "nlb.elb.sa-east-1.amazonaws.com",
                proxied,
                ttl: 1,
            });
        const execute = (id: string, extra: Record<string, unknown> = {}) => ({
            action: "execute",
            expression: "true",
            description: "managed rules",
            actionParameters: { id },
            ...extra,
        });
        const ruleset = (rules: unknown, phase: unknown = MANAGED_PHASE, zoneId: unknown = ZONE) =>
            resource(cloudflare.Ruleset, `ruleset-${String(phase).slice(-7)}`, {
                zoneId,
                kind: "zone",
                name: "waf",
                phase,
                rules,
            });

        it("accepts a zone that executes the Free Managed Ruleset", async () => {
            clean(await analyzeStack(policy, [record("www", true), ruleset([execute(freeManaged)])]));
        });

        it("accepts Cloudflare Managed and OWASP Core on a paid plan", async () => {
            const rules = [
                execute(cloudflareManaged),
                execute(owaspCore, {
                    actionParameters: {
                        id: owaspCore,
                        overrides: { categories: [{ category: "paranoia-level-2", enabled: false }] },
                    },
                }),
            ];
            clean(await analyzeStack(policy, [record("www", true), ruleset(rules)]));
        });

        for (const [plan, id] of [
            ["Cloudflare Managed", cloudflareManaged],
            ["OWASP Core", owaspCore],
            ["Free Managed", freeManaged],
        ]) {
            it(`accepts a zone whose only managed rule executes the ${plan} Ruleset`, async () => {
                clean(await analyzeStack(policy, [...awsOrigin(), record("www", true), ruleset([execute(id)])]));
            });
        }

        it("flags a managed ruleset executed in another phase than http_request_firewall_managed", async () => {
            for (const phase of ["http_request_firewall_custom", "http_ratelimit"]) {
                const o = await analyzeStack(policy, [
                    ...awsOrigin(),
                    record("www", true),
                    ruleset([execute(cloudflareManaged)], phase),
                ]);
                assert.equal(o.violations.length, 1, phase);
            }
        });

        it("refuses configured ruleset ids that are not 32 lowercase hex digits (a Cloudflare ruleset id)", () => {
            assert.deepEqual(configProblems(policy, { managedRulesetIds: [owaspCore] }), []);
            for (const bad of ["owasp", cloudflareManaged.toUpperCase(), `${freeManaged}0`, 32]) {
                assert.equal(configProblems(policy, { managedRulesetIds: [bad] }).length, 1, String(bad));
            }
            assert.equal(configProblems(policy, { managedRulesetIds: [] }).length, 1);
        });

        it("flags a proxied zone without a managed ruleset", async () => {
            const www = record("www", true);
            const o = await analyzeStack(policy, [www, record("apex", true)]);
            assert.equal(o.violations.length, 1);
            assert.match(o.violations[0].message, /proxies www, apex but runs no managed WAF ruleset/);
            assert.equal(o.violations[0].urn, www.urn);
        });

        it("flags custom rules only, a disabled execute rule and an unrelated ruleset id", async () => {
            const custom = ruleset(
                [{ action: "block", expression: '(http.request.uri.path eq "/xmlrpc.php")' }],
                "http_request_firewall_custom",
            );
            assert.equal((await analyzeStack(policy, [record("www", true), custom])).violations.length, 1);
            const disabled = ruleset([execute(freeManaged, { enabled: false })]);
            assert.equal((await analyzeStack(policy, [record("www", true), disabled])).violations.length, 1);
            const other = ruleset([execute("c2e184081120413c86c3ab7e14069605")]);
            assert.equal((await analyzeStack(policy, [record("www", true), other])).violations.length, 1);
        });

        it("does not apply to zones without proxied records", async () => {
            const o = await analyzeStack(policy, [record("mail", false), record("dkim", UNKNOWN)]);
            clean(o);
            assert.equal(o.notApplicable[0].policy, policy.name);
        });

        it("skips rulesets whose rules or zone are unknown at preview", async () => {
            clean(await analyzeStack(policy, [record("www", true), ruleset(UNKNOWN)]));
            clean(
                await analyzeStack(policy, [
                    record("www", true),
                    ruleset([execute(freeManaged)], MANAGED_PHASE, UNKNOWN),
                ]),
            );
            clean(
                await analyzeStack(policy, [
                    record("www", true),
                    ruleset([execute(freeManaged, { actionParameters: UNKNOWN })]),
                ]),
            );
        });

        it("follows a zone created by the stack", async () => {
            const zone = resource(cloudflare.Zone, "zone", { name: "hms.example.org", account: { id: "acc" } });
            const linked = { propertyDependencies: deps({ zoneId: zone }) };
            const www = resource(
                cloudflare.DnsRecord,
                "www",
                { zoneId: UNKNOWN, name: "www", type: "CNAME", content: "x", proxied: true, ttl: 1 },
                linked,
            );
            const rs = resource(
                cloudflare.Ruleset,
                "waf",
                {
                    zoneId: UNKNOWN,
                    kind: "zone",
                    name: "waf",
                    phase: MANAGED_PHASE,
                    rules: [execute(freeManaged)],
                },
                linked,
            );
            clean(await analyzeStack(policy, [zone, www, rs]));
            assert.equal((await analyzeStack(policy, [zone, www])).violations.length, 1);
        });

        it("takes the accepted ruleset ids from config, with the schema default otherwise", async () => {
            const stack = [record("www", true), ruleset([execute(freeManaged)])];
            const o = await analyzeStack(policy, stack, { [policy.name]: { managedRulesetIds: [cloudflareManaged] } });
            assert.equal(o.violations.length, 1);
            clean(await analyzeStack(policy, stack, "bare"));
        });
    });

    describe("alb-waf-association", () => {
        const policy = waf.albWafAssociation;
        const alb = (props: Record<string, unknown>, cls: unknown = aws.lb.LoadBalancer) =>
            resource(cls, "alb", {
                loadBalancerType: "application",
                subnets: [UNKNOWN],
                securityGroups: [UNKNOWN],
                arn: UNKNOWN,
                ...props,
            });

        it("accepts an internet-facing ALB with a web ACL association", async () => {
            const lb = alb({ internal: false });
            const assoc = resource(
                aws.wafv2.WebAclAssociation,
                "waf",
                { resourceArn: UNKNOWN, webAclArn: UNKNOWN },
                { propertyDependencies: deps({ resourceArn: lb }) },
            );
            clean(await analyzeStack(policy, [lb, assoc]));
        });

        it("links an association by ARN once it is known", async () => {
            const arn = "arn:aws:elasticloadbalancing:sa-east-1:123456789012:loadbalancer/app/alb/50dc6c495c0c9188";
            const lb = alb({ arn });
            const assoc = resource(aws.wafv2.WebAclAssociation, "waf", {
                resourceArn: arn,
                webAclArn: "arn:aws:wafv2:sa-east-1:123456789012:regional/webacl/hms/1",
            });
            clean(await analyzeStack(policy, [lb, assoc]));
        });

        it("flags an internet-facing ALB without one, also when the type is left to its default", async () => {
            const lb = alb({ loadBalancerType: undefined });
            const o = await analyzeStack(policy, [lb]);
            assert.deepEqual(messages(o), [
                "internet-facing application load balancer alb has no WAF web ACL association.",
            ]);
            assert.equal((await analyzeStack(policy, [alb({}, aws.alb.LoadBalancer)])).violations.length, 1);
        });

        it("ignores internal ALBs and network load balancers", async () => {
            clean(await analyzeStack(policy, [alb({ internal: true })]));
            clean(await analyzeStack(policy, [alb({ loadBalancerType: "network" })]));
        });

        it("skips while an association's target or the ALB's scheme is unknown", async () => {
            const assoc = resource(aws.wafv2.WebAclAssociation, "waf", { resourceArn: UNKNOWN, webAclArn: UNKNOWN });
            clean(await analyzeStack(policy, [alb({}), assoc]));
            clean(await analyzeStack(policy, [alb({ internal: UNKNOWN })]));
        });
    });

    describe("no-public-web-ports", () => {
        const policy = waf.noPublicWebPorts;
        const CLOUDFLARE = ["173.245.48.0/20", "103.21.244.0/22", "104.16.0.0/13"];

        it("accepts HTTPS from Cloudflare's ranges only", async () => {
            const sg = resource(aws.ec2.SecurityGroup, "nlb", {
                vpcId: UNKNOWN,
                description: "NLB from Cloudflare",
                ingress: [
                    {
                        protocol: "tcp",
                        fromPort: 443,
                        toPort: 443,
                        cidrBlocks: CLOUDFLARE,
                        ipv6CidrBlocks: ["2400:cb00::/32"],
                    },
                ],
                egress: [{ protocol: "-1", fromPort: 0, toPort: 0, cidrBlocks: ["0.0.0.0/0"] }],
            });
            clean(await analyzeResource(policy, sg));
        });

        it("flags inline ingress of 443 from anywhere", async () => {
            const sg = resource(aws.ec2.SecurityGroup, "web", {
                ingress: [{ protocol: "tcp", fromPort: 443, toPort: 443, cidrBlocks: ["0.0.0.0/0"] }],
            });
            assert.deepEqual(messages(await analyzeResource(policy, sg)), [
                "ingress[0] opens tcp port 443 to 0.0.0.0/0. Only Cloudflare's address ranges may reach web ports, so no request bypasses the WAF.",
            ]);
        });

        it("flags a port range containing 80 and 443 from ::/0 (SecurityGroupRule)", async () => {
            const rule = resource(aws.ec2.SecurityGroupRule, "wide", {
                type: "ingress",
                protocol: "tcp",
                fromPort: 0,
                toPort: 65535,
                ipv6CidrBlocks: ["::/0"],
                securityGroupId: UNKNOWN,
            });
            assert.match(messages(await analyzeResource(policy, rule))[0], /tcp port 80, 443 to ::\/0/);
        });

        it("flags all traffic from anywhere (vpc.SecurityGroupIngressRule)", async () => {
            const rule = resource(aws.vpc.SecurityGroupIngressRule, "all", {
                ipProtocol: "-1",
                cidrIpv4: "0.0.0.0/0",
                securityGroupId: UNKNOWN,
            });
            assert.match(messages(await analyzeResource(policy, rule))[0], /all traffic/);
        });

        it("ignores egress rules, other ports and security-group sources", async () => {
            clean(
                await analyzeResource(
                    policy,
                    resource(aws.ec2.SecurityGroupRule, "out", {
                        type: "egress",
                        protocol: "tcp",
                        fromPort: 443,
                        toPort: 443,
                        cidrBlocks: ["0.0.0.0/0"],
                        securityGroupId: UNKNOWN,
                    }),
                ),
            );
            clean(
                await analyzeResource(
                    policy,
                    resource(aws.vpc.SecurityGroupIngressRule, "ws", {
                        ipProtocol: "tcp",
                        fromPort: 8080,
                        toPort: 8080,
                        cidrIpv4: "0.0.0.0/0",
                        securityGroupId: UNKNOWN,
                    }),
                ),
            );
            clean(
                await analyzeResource(
                    policy,
                    resource(aws.vpc.SecurityGroupIngressRule, "sg", {
                        ipProtocol: "tcp",
                        fromPort: 443,
                        toPort: 443,
                        referencedSecurityGroupId: UNKNOWN,
                        securityGroupId: UNKNOWN,
                    }),
                ),
            );
        });

        it("skips rules whose sources or ports are unknown", async () => {
            clean(
                await analyzeResource(
                    policy,
                    resource(aws.vpc.SecurityGroupIngressRule, "a", {
                        ipProtocol: "tcp",
                        fromPort: 443,
                        toPort: 443,
                        cidrIpv4: UNKNOWN,
                        securityGroupId: UNKNOWN,
                    }),
                ),
            );
            clean(
                await analyzeResource(
                    policy,
                    resource(aws.ec2.SecurityGroup, "b", {
                        ingress: [{ protocol: "tcp", fromPort: UNKNOWN, toPort: UNKNOWN, cidrBlocks: ["0.0.0.0/0"] }],
                    }),
                ),
            );
            clean(await analyzeResource(policy, resource(aws.ec2.SecurityGroup, "c", { ingress: UNKNOWN })));
        });
    });

    describe("cloudflare-managed-waf: each side of every condition (mixed stacks)", () => {
        const policy = waf.cloudflareManagedWaf;
        const A = "0f1e2d3c4b5a69788796a5b4c3d2e1f0";
        const B = "a1b2c3d4e5f60718293a4b5c6d7e8f90";
        const record = (zoneId: string, name: string) =>
            resource(cloudflare.DnsRecord, name, {
                zoneId,
                name: `${name}.example.org`,
                type: "CNAME",
                content: "x",
                proxied: true,
                ttl: 1,
            });
        const ruleset = (
            zoneId: unknown,
            rules: unknown,
            phase: unknown = MANAGED_PHASE,
            extra: Record<string, unknown> = {},
        ) =>
            resource(cloudflare.Ruleset, `waf-${String(zoneId).slice(0, 4)}-${String(phase).slice(-6)}`, {
                zoneId,
                kind: "zone",
                name: "waf",
                phase,
                rules,
                ...extra,
            });
        const execute = (extra: Record<string, unknown> = {}) => ({
            action: "execute",
            expression: "true",
            actionParameters: { id: waf.CLOUDFLARE_MANAGED_RULESETS.cloudflareManaged },
            ...extra,
        });
        const run = async (...r: FakeResource[]) => messages(await analyzeStack(policy, [...awsOrigin(), ...r]));
        const UNPROTECTED = (zone: string, records: string) =>
            `zone ${zone} proxies ${records} but runs no managed WAF ruleset (phase ${MANAGED_PHASE}, action execute of ` +
            `${Object.values(waf.CLOUDFLARE_MANAGED_RULESETS).join(" / ")}).`;

        it("protects a zone beside the AWS resources of the real plan, and flags it without", async () => {
            const o = await analyzeStack(policy, [...awsOrigin(), record(A, "hms"), ruleset(A, [execute()])]);
            clean(o);
            assert.deepEqual(o.notApplicable, []);
            assert.deepEqual(await run(record(A, "hms")), [UNPROTECTED(A, "hms")]);
        });

        it("is not applicable without proxied DNS records, and says so", async () => {
            const unproxied = resource(cloudflare.DnsRecord, "mail", {
                zoneId: A,
                name: "mail.example.org",
                type: "MX",
                content: "x",
                proxied: false,
                ttl: 300,
            });
            const o = await analyzeStack(policy, [...awsOrigin(), unproxied]);
            clean(o);
            assert.match(o.notApplicable[0].reason, /no proxied DNS records/);
        });

        it("counts only the zone's own ruleset of the managed phase", async () => {
            assert.deepEqual(await run(record(A, "hms"), record(B, "portal"), ruleset(A, [execute()])), [
                UNPROTECTED(B, "portal"),
            ]);
            assert.deepEqual(await run(record(A, "hms"), ruleset(A, [execute()], "http_request_firewall_custom")), [
                UNPROTECTED(A, "hms"),
            ]);
        });

        it("an account-level ruleset neither protects a zone nor hides an unprotected one", async () => {
            const account = resource(cloudflare.Ruleset, "account-waf", {
                accountId: "0123abcd",
                kind: "root",
                name: "account",
                phase: MANAGED_PHASE,
                rules: [execute()],
            });
            assert.deepEqual(await run(record(A, "hms"), account), [UNPROTECTED(A, "hms")]);
        });

        it("needs an enabled execute rule of a managed ruleset id; unknown parts cannot tell, null rules do not protect", async () => {
            for (const rules of [
                [execute({ action: "skip" })],
                [execute({ enabled: false })],
                [execute({ actionParameters: { id: "0".repeat(32) } })],
                [execute({ actionParameters: undefined })],
                [null],
            ]) {
                assert.deepEqual(
                    await run(record(A, "hms"), ruleset(A, rules)),
                    [UNPROTECTED(A, "hms")],
                    JSON.stringify(rules),
                );
            }
            for (const rules of [
                UNKNOWN,
                [UNKNOWN],
                [execute({ action: UNKNOWN })],
                [execute({ actionParameters: UNKNOWN })],
            ]) {
                assert.deepEqual(await run(record(A, "hms"), ruleset(A, rules)), [], JSON.stringify(rules));
            }
            // A phase not known yet: cannot tell if the rules execute a managed ruleset, flagged if they do not.
            assert.deepEqual(await run(record(A, "hms"), ruleset(A, [execute()], UNKNOWN)), []);
            assert.deepEqual(await run(record(A, "hms"), ruleset(A, [execute({ action: "skip" })], UNKNOWN)), [
                UNPROTECTED(A, "hms"),
            ]);
        });
    });

    describe("alb-waf-association: each side of every condition (mixed stacks)", () => {
        const policy = waf.albWafAssociation;
        const ARN = (name: string) =>
            `arn:aws:elasticloadbalancing:sa-east-1:123456789012:loadbalancer/app/${name}/50dc6c495c0c9188`;
        const alb = (name: string, props: Record<string, unknown> = {}) =>
            resource(aws.lb.LoadBalancer, name, {
                loadBalancerType: "application",
                subnets: [UNKNOWN],
                arn: ARN(name),
                ...props,
            });
        const association = (resourceArn: string) =>
            resource(aws.wafv2.WebAclAssociation, `acl-${resourceArn.split("/")[2]}`, {
                resourceArn,
                webAclArn: UNKNOWN,
            });
        const run = async (...r: FakeResource[]) => messages(await analyzeStack(policy, [...cloudflareEdge(), ...r]));

        it("matches associations by the load balancer's known ARN, one by one", async () => {
            assert.deepEqual(await run(alb("origin"), alb("admin"), association(ARN("origin"))), [
                "internet-facing application load balancer admin has no WAF web ACL association.",
            ]);
        });

        it("counts only web ACL associations (a Shield protection of the ALB is not one)", async () => {
            const shield = resource(aws.shield.Protection, "shield", { name: "alb", resourceArn: ARN("origin") });
            assert.deepEqual(await run(alb("origin"), shield), [
                "internet-facing application load balancer origin has no WAF web ACL association.",
            ]);
        });

        it("treats a null type as the default (application)", async () => {
            assert.deepEqual(await run(alb("origin", { loadBalancerType: null })), [
                "internet-facing application load balancer origin has no WAF web ACL association.",
            ]);
        });

        it("is not applicable to the Cloudflare side alone, and says so", async () => {
            const o = await analyzeStack(policy, cloudflareEdge());
            clean(o);
            assert.match(o.notApplicable[0].reason, /no load balancers/);
        });
    });

    describe("no-public-web-ports: each side of every condition (the shared ingress reading)", () => {
        const policy = waf.noPublicWebPorts;
        const WHY = "Only Cloudflare's address ranges may reach web ports, so no request bypasses the WAF.";
        const sgRule = (props: Record<string, unknown>) =>
            resource(aws.ec2.SecurityGroupRule, "rule", { type: "ingress", securityGroupId: UNKNOWN, ...props });
        const tcp = (fromPort: unknown, toPort: unknown, cidrBlocks: unknown = ["0.0.0.0/0"]) =>
            sgRule({ protocol: "tcp", fromPort, toPort, cidrBlocks });
        const found = async (r: FakeResource) => messages(await analyzeResource(policy, r));

        it("names only the open sources, and every one of them", async () => {
            assert.deepEqual(await found(tcp(443, 443, ["10.0.0.0/8", "0.0.0.0/0"])), [
                `rule opens tcp port 443 to 0.0.0.0/0. ${WHY}`,
            ]);
            assert.deepEqual(
                await found(
                    sgRule({
                        protocol: "tcp",
                        fromPort: 80,
                        toPort: 80,
                        cidrBlocks: ["0.0.0.0/0"],
                        ipv6CidrBlocks: ["::/0"],
                    }),
                ),
                [`rule opens tcp port 80 to 0.0.0.0/0 and ::/0. ${WHY}`],
            );
        });

        it("reads port ranges: -1 means every port, a range without 80 or 443 opens neither, unknown ends cannot tell", async () => {
            assert.equal((await found(tcp(-1, -1))).length, 1);
            assert.equal((await found(tcp(0, -1))).length, 1);
            assert.deepEqual(await found(tcp(1, 22)), []);
            assert.equal((await found(tcp(-1, 22))).length, 1);
            assert.deepEqual(await found(tcp(UNKNOWN, 443)), []);
            assert.deepEqual(await found(tcp(443, UNKNOWN)), []);
            // No ports on a port protocol: every port (the API refuses it; the pack errs on the safe side).
            assert.equal((await found(sgRule({ protocol: "tcp", cidrBlocks: ["0.0.0.0/0"] }))).length, 1);
        });

        it("opens no port with a protocol without ports (ICMP), even with -1 ranges", async () => {
            assert.deepEqual(
                await found(sgRule({ protocol: "icmp", fromPort: -1, toPort: -1, cidrBlocks: ["0.0.0.0/0"] })),
                [],
            );
        });

        it("cannot tell from an unknown rule type, protocol, list or source; ignores a VPC rule's absent IPv6 source", async () => {
            assert.deepEqual(
                await found(
                    sgRule({ type: UNKNOWN, protocol: "tcp", fromPort: 443, toPort: 443, cidrBlocks: ["0.0.0.0/0"] }),
                ),
                [],
            );
            assert.deepEqual(await found(tcp(443, 443, UNKNOWN)), []);
            assert.deepEqual(
                await found(sgRule({ protocol: UNKNOWN, fromPort: 443, toPort: 443, cidrBlocks: ["0.0.0.0/0"] })),
                [],
            );
            assert.deepEqual(await found(resource(aws.ec2.SecurityGroup, "sg", { ingress: UNKNOWN })), []);
            assert.deepEqual(await found(resource(aws.ec2.SecurityGroup, "sg", { ingress: [UNKNOWN] })), []);
            const vpc = (cidrIpv4: unknown) =>
                resource(aws.vpc.SecurityGroupIngressRule, "https", {
                    securityGroupId: UNKNOWN,
                    ipProtocol: "tcp",
                    fromPort: 443,
                    toPort: 443,
                    cidrIpv4,
                });
            assert.deepEqual(await found(vpc("10.0.0.0/8")), []);
            assert.deepEqual(await found(vpc(UNKNOWN)), []);
            assert.deepEqual(await found(vpc("0.0.0.0/0")), [`rule opens tcp port 443 to 0.0.0.0/0. ${WHY}`]);
        });

        it("is not applicable to the mixed stack's other resources, and says so", async () => {
            for (const r of [...cloudflareEdge(), ...awsOrigin()]) {
                const o = await analyzeResource(policy, r);
                clean(o);
                assert.match(o.notApplicable[0].reason, /security groups and their ingress rules/);
            }
        });
    });
});
