import * as assert from "node:assert/strict";
import * as aws from "@pulumi/aws";
import * as publicAccess from "../../policies/public-access";
import { analyzeResource, analyzeStack, cloudflareEdge, deps, messages, Outcome, resource, UNKNOWN } from "./harness";

function clean(o: Outcome): void {
    assert.deepEqual(o.violations, []);
    assert.deepEqual(o.previewNotes, []);
}

describe("policies/public-access", () => {
    describe("s3-public-access-block", () => {
        const policy = publicAccess.s3PublicAccessBlock;
        const bucket = () => resource(aws.s3.Bucket, "media", { bucket: "hms-production-media-1f2e", arn: UNKNOWN });
        const all = {
            blockPublicAcls: true,
            blockPublicPolicy: true,
            ignorePublicAcls: true,
            restrictPublicBuckets: true,
        };
        const block = (b: ReturnType<typeof bucket>, flags: Record<string, unknown>, linked = true) =>
            resource(
                aws.s3.BucketPublicAccessBlock,
                "media-pab",
                { bucket: linked ? UNKNOWN : "hms-production-media-1f2e", ...flags },
                linked ? { propertyDependencies: deps({ bucket: b }) } : {},
            );

        it("accepts a bucket with all four flags, linked by dependency or by name", async () => {
            const b = bucket();
            clean(await analyzeStack(policy, [b, block(b, all)]));
            clean(await analyzeStack(policy, [b, block(b, all, false)]));
        });

        it("flags a missing block and a block with a flag off", async () => {
            const b = bucket();
            assert.deepEqual(messages(await analyzeStack(policy, [b])), ["bucket media has no public access block."]);
            assert.deepEqual(
                messages(
                    await analyzeStack(policy, [
                        b,
                        block(b, { ...all, restrictPublicBuckets: false, ignorePublicAcls: undefined }),
                    ]),
                ),
                ["bucket media's public access block does not set ignorePublicAcls, restrictPublicBuckets to true."],
            );
        });

        it("counts only the bucket's own block; one of a bucket not known yet cannot tell if complete, is none if not (mixed stack)", async () => {
            const media = bucket();
            const logs = resource(aws.s3.Bucket, "logs", { bucket: "hms-production-logs-9c1d", arn: UNKNOWN });
            const run = async (...r: ReturnType<typeof bucket>[]) =>
                messages(await analyzeStack(policy, [media, ...r, ...cloudflareEdge()]));
            assert.deepEqual(await run(logs, block(logs, all)), ["bucket media has no public access block."]);
            const unlinked = (flags: Record<string, unknown>) =>
                resource(aws.s3.BucketPublicAccessBlock, "pab", { bucket: UNKNOWN, ...flags });
            assert.deepEqual(await run(unlinked(all)), []);
            assert.deepEqual(await run(unlinked({ ...all, blockPublicAcls: false })), [
                "bucket media has no public access block.",
            ]);
            const o = await analyzeStack(policy, cloudflareEdge());
            clean(o);
            assert.match(o.notApplicable[0].reason, /no S3 buckets/);
        });

        it("skips unknown flags", async () => {
            const b = bucket();
            clean(await analyzeStack(policy, [b, block(b, { ...all, blockPublicPolicy: UNKNOWN })]));
        });
    });

    describe("no-public-admin-ports", () => {
        const policy = publicAccess.noPublicAdminPorts;

        it("accepts SSH from the VPN's security group", async () => {
            clean(
                await analyzeResource(
                    policy,
                    resource(aws.vpc.SecurityGroupIngressRule, "ssh", {
                        ipProtocol: "tcp",
                        fromPort: 22,
                        toPort: 22,
                        referencedSecurityGroupId: UNKNOWN,
                        securityGroupId: UNKNOWN,
                    }),
                ),
            );
        });

        it("flags SSH and RDP from the internet, and all traffic", async () => {
            const ssh = resource(aws.ec2.SecurityGroup, "admin", {
                ingress: [{ protocol: "tcp", fromPort: 22, toPort: 22, cidrBlocks: ["0.0.0.0/0"] }],
            });
            assert.match(messages(await analyzeResource(policy, ssh))[0], /tcp port 22 to 0.0.0.0\/0/);
            const rdp = resource(aws.ec2.SecurityGroupRule, "rdp", {
                type: "ingress",
                protocol: "6",
                fromPort: 3389,
                toPort: 3389,
                ipv6CidrBlocks: ["::/0"],
                securityGroupId: UNKNOWN,
            });
            assert.match(messages(await analyzeResource(policy, rdp))[0], /port 3389 to ::\/0/);
            const everything = resource(aws.ec2.SecurityGroup, "open", {
                ingress: [{ protocol: "all", fromPort: 0, toPort: 0, cidrBlocks: ["0.0.0.0/0"] }],
            });
            assert.match(
                messages(await analyzeResource(policy, everything))[0],
                /all traffic \(including port 22, 3389\)/,
            );
        });

        it("flags RDP's UDP transport on 3389 from the internet, by name or IANA number (17), and says why", async () => {
            const udp = resource(aws.ec2.SecurityGroup, "rdp-udp", {
                ingress: [{ protocol: "udp", fromPort: 3389, toPort: 3389, cidrBlocks: ["0.0.0.0/0"] }],
            });
            assert.deepEqual(messages(await analyzeResource(policy, udp)), [
                "ingress[0] opens udp port 3389 to 0.0.0.0/0. Administrative ports must never face the internet.",
            ]);
            const numbered = resource(aws.vpc.SecurityGroupIngressRule, "rdp-17", {
                ipProtocol: "17",
                fromPort: 3389,
                toPort: 3389,
                cidrIpv6: "::/0",
                securityGroupId: UNKNOWN,
            });
            assert.equal((await analyzeResource(policy, numbered)).violations.length, 1);
        });

        it("ignores ICMP and skips unknown sources", async () => {
            clean(
                await analyzeResource(
                    policy,
                    resource(aws.ec2.SecurityGroup, "ping", {
                        ingress: [{ protocol: "icmp", fromPort: 8, toPort: 0, cidrBlocks: ["0.0.0.0/0"] }],
                    }),
                ),
            );
            clean(
                await analyzeResource(
                    policy,
                    resource(aws.ec2.SecurityGroupRule, "ssh", {
                        type: "ingress",
                        protocol: "tcp",
                        fromPort: 22,
                        toPort: 22,
                        cidrBlocks: UNKNOWN,
                        securityGroupId: UNKNOWN,
                    }),
                ),
            );
        });
    });

    describe("database-not-publicly-accessible", () => {
        const policy = publicAccess.databaseNotPublic;

        it("accepts private instances", async () => {
            clean(
                await analyzeResource(
                    policy,
                    resource(aws.rds.ClusterInstance, "db-1", {
                        clusterIdentifier: UNKNOWN,
                        instanceClass: "db.r6g.2xlarge",
                        engine: "aurora-mysql",
                        publiclyAccessible: false,
                    }),
                ),
            );
            clean(
                await analyzeResource(policy, resource(aws.rds.Instance, "mysql", { instanceClass: "db.t4g.medium" })),
            );
        });

        it("flags a public endpoint", async () => {
            const o = await analyzeResource(
                policy,
                resource(aws.rds.ClusterInstance, "db-1", {
                    clusterIdentifier: UNKNOWN,
                    instanceClass: "db.r6g.2xlarge",
                    engine: "aurora-mysql",
                    publiclyAccessible: true,
                }),
            );
            assert.deepEqual(messages(o), [
                "publiclyAccessible is true: the database would get an address reachable from the internet.",
            ]);
        });

        it("skips an unknown value", async () => {
            clean(
                await analyzeResource(
                    policy,
                    resource(aws.rds.Instance, "mysql", {
                        instanceClass: "db.t4g.medium",
                        publiclyAccessible: UNKNOWN,
                    }),
                ),
            );
        });
    });
});
