import * as assert from "node:assert/strict";
import * as aws from "@pulumi/aws";
import * as ha from "../../policies/high-availability";
import { analyzeStack, cloudflareEdge, deps, FakeResource, messages, Outcome, resource, UNKNOWN } from "./harness";

function clean(o: Outcome): void {
    assert.deepEqual(o.violations, []);
    assert.deepEqual(o.previewNotes, []);
}

const policy = ha.highAvailability;
const REQUIRED = { [policy.name]: { requireHighAvailability: true } };

function stack(
    o: { apps?: string[]; dbZones?: string[]; cache?: Record<string, unknown>; targets?: number } = {},
): FakeResource[] {
    const apps = (o.apps ?? ["subnet-a", "subnet-b"]).map((subnetId, i) =>
        resource(aws.ec2.Instance, `app-${i}`, {
            ami: "ami-1",
            instanceType: "m7i.2xlarge",
            subnetId,
            tags: { Role: "wordpress" },
        }),
    );
    const cluster = resource(aws.rds.Cluster, "db", { clusterIdentifier: "hms-db", engine: "aurora-mysql" });
    const dbs = (o.dbZones ?? ["sa-east-1a", "sa-east-1b"]).map((availabilityZone, i) =>
        resource(
            aws.rds.ClusterInstance,
            `db-${i}`,
            { clusterIdentifier: "hms-db", availabilityZone, instanceClass: "db.r6g.2xlarge" },
            { propertyDependencies: deps({ clusterIdentifier: cluster }) },
        ),
    );
    const cache = resource(aws.elasticache.ReplicationGroup, "cache", {
        numCacheClusters: 3,
        automaticFailoverEnabled: true,
        multiAzEnabled: true,
        ...o.cache,
    });
    const tg = resource(aws.lb.TargetGroup, "nginx", {
        port: 443,
        protocol: "TCP",
        arn: "arn:aws:elasticloadbalancing:sa-east-1:123456789012:targetgroup/nginx/1",
    });
    const targets = Array.from({ length: o.targets ?? 2 }, (_, i) =>
        resource(
            aws.lb.TargetGroupAttachment,
            `nginx-${i}`,
            {
                targetGroupArn: "arn:aws:elasticloadbalancing:sa-east-1:123456789012:targetgroup/nginx/1",
                targetId: `i-${i}`,
            },
            { propertyDependencies: deps({ targetGroupArn: tg }) },
        ),
    );
    return [...apps, cluster, ...dbs, cache, tg, ...targets];
}

describe("policies/high-availability", () => {
    it("accepts 2 app servers in 2 subnets, a reader in another zone, cache failover and 2 targets", async () => {
        clean(await analyzeStack(policy, stack(), REQUIRED));
    });

    it("flags each single point of failure", async () => {
        assert.match(
            messages(await analyzeStack(policy, stack({ apps: ["subnet-a"] }), REQUIRED))[0],
            /1 app server\(s\) tagged Role=wordpress/,
        );
        assert.match(
            messages(await analyzeStack(policy, stack({ apps: ["subnet-a", "subnet-a"] }), REQUIRED))[0],
            /share one subnet/,
        );
        assert.match(
            messages(await analyzeStack(policy, stack({ dbZones: ["sa-east-1a"] }), REQUIRED))[0],
            /database cluster db has 1 instance/,
        );
        assert.match(
            messages(await analyzeStack(policy, stack({ dbZones: ["sa-east-1a", "sa-east-1a"] }), REQUIRED))[0],
            /all in one availability zone/,
        );
        assert.match(
            messages(
                await analyzeStack(
                    policy,
                    stack({ cache: { numCacheClusters: 1, automaticFailoverEnabled: false, multiAzEnabled: false } }),
                    REQUIRED,
                ),
            )[0],
            /cache cache has no automatic failover/,
        );
        assert.match(
            messages(await analyzeStack(policy, stack({ targets: 1 }), REQUIRED))[0],
            /target group nginx has 1 target/,
        );
    });

    it("applies only where the stack's config asks for high availability", async () => {
        const o = await analyzeStack(policy, stack({ apps: ["subnet-a"], dbZones: ["sa-east-1a"] }));
        clean(o);
        assert.equal(o.notApplicable[0].policy, policy.name);
    });

    describe("each side of every condition (mixed stacks)", () => {
        const run = async (resources: FakeResource[], config: Record<string, Record<string, unknown>> = REQUIRED) =>
            messages(await analyzeStack(policy, [...resources, ...cloudflareEdge()], config));
        const without = (resources: FakeResource[], drop: (r: FakeResource) => boolean) =>
            resources.filter((r) => !drop(r));
        const SUFFIX = "; the stack asks for high availability.";

        it("counts only EC2 instances with the app servers' role tag (from config)", async () => {
            const other = resource(aws.ec2.Instance, "nginx", {
                ami: "ami-1",
                subnetId: "subnet-c",
                tags: { Role: "nginx" },
            });
            const oneApp = [...without(stack(), (r) => r.name === "app-1"), other];
            assert.deepEqual(await run(oneApp), [
                `1 app server(s) tagged Role=wordpress: at least 2 are needed${SUFFIX}`,
            ]);
            const tagged = resource(aws.ec2.Instance, "portal", {
                ami: "ami-1",
                subnetId: "subnet-d",
                tags: { Role: "portal" },
            });
            assert.deepEqual(
                await run([...stack(), tagged], {
                    [policy.name]: { requireHighAvailability: true, appServerRoleTag: "portal" },
                }),
                [`1 app server(s) tagged Role=portal: at least 2 are needed${SUFFIX}`],
            );
            // Not an instance, though tagged like one.
            const template = resource(aws.ec2.LaunchTemplate, "app", { tags: { Role: "wordpress" } });
            assert.deepEqual(await run([...oneApp, template]), [
                `1 app server(s) tagged Role=wordpress: at least 2 are needed${SUFFIX}`,
            ]);
        });

        it("cannot tell the subnets or zones while one is unknown; missing ones are one", async () => {
            assert.deepEqual(await run(stack({ apps: ["subnet-a", UNKNOWN as string] })), []);
            assert.deepEqual(await run(stack({ apps: [UNKNOWN as string, UNKNOWN as string] })), []);
            assert.deepEqual(await run(stack({ apps: [undefined as unknown as string, UNKNOWN as string] })), []);
            assert.deepEqual(await run(stack({ dbZones: ["sa-east-1a", UNKNOWN as string] })), []);
            assert.deepEqual(
                await run(stack({ dbZones: [undefined as unknown as string, undefined as unknown as string] })),
                [`the instances of database cluster db are all in one availability zone${SUFFIX}`],
            );
            assert.deepEqual(
                await run(stack({ apps: [undefined as unknown as string, undefined as unknown as string] })),
                [`the 2 app servers share one subnet (one availability zone)${SUFFIX}`],
            );
        });

        it("counts a cluster's instances by its identifier once known, not another cluster's", async () => {
            const resources = stack().map((r) =>
                r.type === "aws:rds/clusterInstance:ClusterInstance"
                    ? resource(aws.rds.ClusterInstance, r.name, { ...r.props, clusterIdentifier: "hms-db" })
                    : r,
            );
            assert.deepEqual(await run(resources), []);
            const other = resources.map((r) =>
                r.type === "aws:rds/clusterInstance:ClusterInstance"
                    ? resource(aws.rds.ClusterInstance, r.name, { ...r.props, clusterIdentifier: "other-db" })
                    : r,
            );
            assert.deepEqual(await run(other), [
                `database cluster db has 0 instance(s): a reader in another availability zone is needed${SUFFIX}`,
            ]);
        });

        it("needs each of failover, Multi-AZ and two nodes of a cache, counted either way", async () => {
            const NO_FAILOVER = `cache cache has no automatic failover over 2 availability zones (automaticFailoverEnabled, multiAzEnabled, at least 2 nodes)${SUFFIX}`;
            for (const cache of [
                { automaticFailoverEnabled: false },
                { multiAzEnabled: false },
                { numCacheClusters: 1 },
                { numCacheClusters: undefined, replicasPerNodeGroup: 0 },
            ]) {
                assert.deepEqual(await run(stack({ cache })), [NO_FAILOVER], JSON.stringify(cache));
            }
            for (const cache of [
                { numCacheClusters: 2 },
                { numCacheClusters: undefined, replicasPerNodeGroup: 1 },
                { numCacheClusters: UNKNOWN },
                { numCacheClusters: undefined },
            ]) {
                assert.deepEqual(await run(stack({ cache })), [], JSON.stringify(cache));
            }
        });

        it("matches target group attachments by the group's known ARN, not another group's", async () => {
            const resources = stack().map((r) =>
                r.type === "aws:lb/targetGroupAttachment:TargetGroupAttachment"
                    ? resource(aws.lb.TargetGroupAttachment, r.name, r.props)
                    : r,
            );
            assert.deepEqual(await run(resources), []);
            const other = resource(aws.lb.TargetGroup, "other", {
                port: 80,
                protocol: "TCP",
                arn: "arn:aws:elasticloadbalancing:sa-east-1:123456789012:targetgroup/other/2",
            });
            assert.deepEqual(await run([...resources, other]), [
                `target group other has 0 target(s): at least 2 are needed${SUFFIX}`,
            ]);
        });

        it("says why it does not apply", async () => {
            const o = await analyzeStack(policy, stack());
            assert.match(o.notApplicable[0].reason, /requireHighAvailability is false/);
        });
    });
});
