import * as assert from "node:assert/strict";
import * as aws from "@pulumi/aws";
import * as cloudflare from "@pulumi/cloudflare";
import * as waf from "../../policies/waf";
import { analyzeResource, analyzeStack, deps, messages, Outcome, resource, UNKNOWN } from "./harness";

function clean(o: Outcome): void {
    assert.deepEqual(o.violations, []);
    assert.deepEqual(o.previewNotes, []);
}

const { cloudflareManaged, owaspCore, freeManaged } = waf.CLOUDFLARE_MANAGED_RULESETS;

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
        const ruleset = (rules: unknown, phase: unknown = waf.MANAGED_WAF_PHASE, zoneId: unknown = ZONE) =>
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
                    ruleset([execute(freeManaged)], waf.MANAGED_WAF_PHASE, UNKNOWN),
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
                    phase: waf.MANAGED_WAF_PHASE,
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
});
