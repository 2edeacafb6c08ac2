import * as assert from "node:assert/strict";
import * as aws from "@pulumi/aws";
import * as ha from "../../policies/high-availability";
import { analyzeStack, deps, FakeResource, messages, Outcome, resource } from "./harness";

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
});
