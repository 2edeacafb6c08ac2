import * as assert from "node:assert/strict";
import * as aws from "@pulumi/aws";
import * as cloudflare from "@pulumi/cloudflare";
import * as transport from "../../policies/transport";
import { analyzeResource, analyzeStack, deps, FakeResource, messages, Outcome, resource, UNKNOWN } from "./harness";

/** No violation and no "can't run during preview" note. */
function clean(o: Outcome): void {
    assert.deepEqual(o.violations, []);
    assert.deepEqual(o.previewNotes, []);
}

describe("policies/transport", () => {
    describe("rds-parameter-group-requires-tls", () => {
        const policy = transport.rdsParameterGroupRequiresTls;
        const clusterGroup = (family: string, parameters: unknown) =>
            resource(aws.rds.ClusterParameterGroup, "db-cluster-params", {
                family,
                description: "HMS cluster parameters",
                parameters,
            });

        it("accepts an Aurora MySQL cluster group with require_secure_transport = ON", async () => {
            clean(
                await analyzeResource(
                    policy,
                    clusterGroup("aurora-mysql8.0", [
                        { name: "server_audit_logging", value: "1", applyMethod: "immediate" },
                        { name: "require_secure_transport", value: "ON", applyMethod: "immediate" },
                    ]),
                ),
            );
        });

        it("flags a cluster group without require_secure_transport", async () => {
            const o = await analyzeResource(
                policy,
                clusterGroup("aurora-mysql8.0", [{ name: "time_zone", value: "UTC" }]),
            );
            assert.equal(o.violations.length, 1);
            assert.match(o.violations[0].message, /require_secure_transport is not set/);
            assert.equal(o.violations[0].level, "mandatory");
        });

        it("flags require_secure_transport = OFF", async () => {
            const o = await analyzeResource(
                policy,
                clusterGroup("aurora-mysql8.0", [{ name: "require_secure_transport", value: "OFF" }]),
            );
            assert.match(messages(o)[0], /require_secure_transport is "OFF"/);
        });

        it("checks rds.force_ssl on PostgreSQL instance groups", async () => {
            const pg = (value: string) =>
                resource(aws.rds.ParameterGroup, "pg", {
                    family: "postgres16",
                    parameters: [{ name: "rds.force_ssl", value }],
                });
            clean(await analyzeResource(policy, pg("1")));
            assert.match(messages(await analyzeResource(policy, pg("0")))[0], /rds.force_ssl is "0"/);
        });

        it("checks MySQL instance groups but not Aurora instance groups (TLS is a cluster parameter there)", async () => {
            const mysql = resource(aws.rds.ParameterGroup, "mysql", { family: "mysql8.0", parameters: [] });
            assert.equal((await analyzeResource(policy, mysql)).violations.length, 1);
            const aurora = resource(aws.rds.ParameterGroup, "aurora-instance", {
                family: "aurora-mysql8.0",
                parameters: [{ name: "slow_query_log", value: "1" }],
            });
            const o = await analyzeResource(policy, aurora);
            clean(o);
            assert.equal(o.notApplicable[0].policy, policy.name);
        });

        it("skips unknown parameters or values at preview", async () => {
            clean(await analyzeResource(policy, clusterGroup("aurora-mysql8.0", UNKNOWN)));
            clean(
                await analyzeResource(
                    policy,
                    clusterGroup("aurora-mysql8.0", [{ name: "require_secure_transport", value: UNKNOWN }]),
                ),
            );
            clean(await analyzeResource(policy, clusterGroup(UNKNOWN, [])));
        });
    });

    describe("rds-uses-custom-parameter-group", () => {
        const policy = transport.rdsUsesCustomParameterGroup;
        const cluster = (extra: Record<string, unknown>) =>
            resource(aws.rds.Cluster, "db", {
                engine: "aurora-mysql",
                engineVersion: "8.0.mysql_aurora.3.10.0",
                storageEncrypted: true,
                ...extra,
            });

        it("accepts a cluster using the stack's parameter group, known or not yet known", async () => {
            clean(
                await analyzeResource(
                    policy,
                    cluster({ dbClusterParameterGroupName: "hms-production-db-cluster-params-1a2b3c" }),
                ),
            );
            clean(await analyzeResource(policy, cluster({ dbClusterParameterGroupName: UNKNOWN })));
        });

        it("flags a cluster on the default parameter group", async () => {
            assert.match(
                messages(await analyzeResource(policy, cluster({})))[0],
                /dbClusterParameterGroupName is not set/,
            );
            assert.match(
                messages(
                    await analyzeResource(policy, cluster({ dbClusterParameterGroupName: "default.aurora-mysql8.0" })),
                )[0],
                /AWS default parameter group/,
            );
        });

        it("flags an RDS MySQL instance without a parameter group", async () => {
            const instance = resource(aws.rds.Instance, "db", { engine: "mysql", instanceClass: "db.r6g.large" });
            assert.match(messages(await analyzeResource(policy, instance))[0], /parameterGroupName is not set/);
        });
    });

    describe("elasticache-transit-encryption-required", () => {
        const policy = transport.elasticacheTransitEncryption;
        const group = (extra: Record<string, unknown>) =>
            resource(aws.elasticache.ReplicationGroup, "cache", {
                description: "HMS object cache",
                engine: "redis",
                engineVersion: "7.1",
                nodeType: "cache.r7g.large",
                numCacheClusters: 3,
                ...extra,
            });

        it("accepts transit encryption in required mode", async () => {
            clean(
                await analyzeResource(
                    policy,
                    group({ transitEncryptionEnabled: true, transitEncryptionMode: "required" }),
                ),
            );
        });

        it("flags missing transit encryption and the preferred mode", async () => {
            const none = await analyzeResource(policy, group({}));
            assert.equal(none.violations.length, 2);
            const preferred = await analyzeResource(
                policy,
                group({ transitEncryptionEnabled: true, transitEncryptionMode: "preferred" }),
            );
            assert.deepEqual(messages(preferred), ['transitEncryptionMode is "preferred"; it must be "required".']);
        });

        it("skips unknown settings", async () => {
            clean(
                await analyzeResource(
                    policy,
                    group({ transitEncryptionEnabled: UNKNOWN, transitEncryptionMode: UNKNOWN }),
                ),
            );
        });
    });

    describe("s3-deny-insecure-transport", () => {
        const policy = transport.s3DenyInsecureTransport;
        const tlsOnly = (arn: string) =>
            JSON.stringify({
                Version: "2012-10-17",
                Statement: [
                    {
                        Sid: "DenyInsecureTransport",
                        Effect: "Deny",
                        Principal: "*",
                        Action: "s3:*",
                        Resource: [arn, `${arn}/*`],
                        Condition: { Bool: { "aws:SecureTransport": "false" } },
                    },
                ],
            });
        const bucket = (arn: unknown = UNKNOWN) =>
            resource(aws.s3.Bucket, "media", { bucket: "hms-production-media-4f2a", arn, forceDestroy: false });

        it("accepts a bucket whose linked policy denies insecure transport", async () => {
            const b = bucket("arn:aws:s3:::hms-production-media-4f2a");
            const p = resource(
                aws.s3.BucketPolicy,
                "media-policy",
                { bucket: "hms-production-media-4f2a", policy: tlsOnly("arn:aws:s3:::hms-production-media-4f2a") },
                { propertyDependencies: deps({ bucket: b, policy: b }) },
            );
            clean(await analyzeStack(policy, [b, p]));
        });

        it("links by bucket name when the engine reports no dependency", async () => {
            const b = bucket("arn:aws:s3:::hms-production-media-4f2a");
            const p = resource(aws.s3.BucketPolicy, "media-policy", {
                bucket: "hms-production-media-4f2a",
                policy: tlsOnly("arn:aws:s3:::hms-production-media-4f2a"),
            });
            clean(await analyzeStack(policy, [b, p]));
        });

        it('accepts a policy document given as an object with Principal { AWS: "*" }', async () => {
            const b = bucket();
            const doc = {
                Version: "2012-10-17",
                Statement: [
                    {
                        Effect: "Deny",
                        Principal: { AWS: "*" },
                        Action: ["s3:*"],
                        Resource: [UNKNOWN],
                        Condition: { Bool: { "aws:SecureTransport": false } },
                    },
                ],
            };
            const p = resource(
                aws.s3.BucketPolicy,
                "media-policy",
                { bucket: UNKNOWN, policy: doc },
                { propertyDependencies: deps({ bucket: b }) },
            );
            clean(await analyzeStack(policy, [b, p]));
        });

        it("flags a bucket without a bucket policy", async () => {
            const b = bucket();
            const o = await analyzeStack(policy, [b]);
            assert.deepEqual(messages(o), [
                "bucket media has no bucket policy: requests over plain HTTP would be served.",
            ]);
            assert.equal(o.violations[0].urn, b.urn);
        });

        it("flags a policy that does not deny insecure transport", async () => {
            const b = bucket("arn:aws:s3:::hms-production-media-4f2a");
            const allowRole = JSON.stringify({
                Version: "2012-10-17",
                Statement: [
                    {
                        Effect: "Allow",
                        Principal: { AWS: "arn:aws:iam::123456789012:role/app" },
                        Action: "s3:GetObject",
                        Resource: "arn:aws:s3:::hms-production-media-4f2a/*",
                    },
                ],
            });
            const p = resource(
                aws.s3.BucketPolicy,
                "media-policy",
                { bucket: UNKNOWN, policy: allowRole },
                { propertyDependencies: deps({ bucket: b }) },
            );
            assert.match(messages(await analyzeStack(policy, [b, p]))[0], /without a Deny on aws:SecureTransport/);
        });

        it("does not count another bucket's policy", async () => {
            const media = bucket();
            const logs = resource(aws.s3.Bucket, "logs", { bucket: "hms-production-logs-9c1d", arn: UNKNOWN });
            const p = resource(
                aws.s3.BucketPolicy,
                "logs-policy",
                { bucket: UNKNOWN, policy: UNKNOWN },
                { propertyDependencies: deps({ bucket: logs, policy: logs }) },
            );
            const o = await analyzeStack(policy, [media, logs, p]);
            assert.deepEqual(
                o.violations.map((v) => v.urn),
                [media.urn],
            );
        });

        it("skips a linked policy whose document is unknown at preview", async () => {
            const b = bucket();
            const p = resource(
                aws.s3.BucketPolicy,
                "media-policy",
                { bucket: UNKNOWN, policy: UNKNOWN },
                { propertyDependencies: deps({ bucket: b, policy: b }) },
            );
            clean(await analyzeStack(policy, [b, p]));
        });

        it("skips when a policy's bucket is unknown and nothing links it", async () => {
            const b = bucket();
            const p = resource(aws.s3.BucketPolicy, "media-policy", { bucket: UNKNOWN, policy: UNKNOWN });
            clean(await analyzeStack(policy, [b, p]));
        });
    });

    describe("lb-listener-transport-security", () => {
        const policy = transport.lbListenerTransport;
        const listener = (props: Record<string, unknown>, cls: unknown = aws.lb.Listener) =>
            resource(cls, "listener", { loadBalancerArn: UNKNOWN, ...props });
        const forward = [{ type: "forward", targetGroupArn: UNKNOWN }];

        it("accepts an HTTP listener that redirects to HTTPS", async () => {
            const redirect = [
                { type: "redirect", redirect: { protocol: "HTTPS", port: "443", statusCode: "HTTP_301" } },
            ];
            clean(await analyzeResource(policy, listener({ port: 80, protocol: "HTTP", defaultActions: redirect })));
        });

        it("flags HTTP listeners that forward or keep the protocol, including the alb alias", async () => {
            assert.match(
                messages(
                    await analyzeResource(policy, listener({ port: 80, protocol: "HTTP", defaultActions: forward })),
                )[0],
                /type forward/,
            );
            const keep = [{ type: "redirect", redirect: { port: "8080", statusCode: "HTTP_302" } }];
            assert.match(
                messages(await analyzeResource(policy, listener({ port: 80, defaultActions: keep })))[0],
                /redirect to #\{protocol\}/,
            );
            assert.equal(
                (
                    await analyzeResource(
                        policy,
                        listener({ port: 80, protocol: "HTTP", defaultActions: forward }, aws.alb.Listener),
                    )
                ).violations.length,
                1,
            );
        });

        it("flags TCP port 80 forwarding on a network load balancer, not TCP 443", async () => {
            assert.match(
                messages(
                    await analyzeResource(policy, listener({ port: 80, protocol: "TCP", defaultActions: forward })),
                )[0],
                /port 80 \(plain HTTP\)/,
            );
            clean(await analyzeResource(policy, listener({ port: 443, protocol: "TCP", defaultActions: forward })));
        });

        it("requires a TLS 1.2+ security policy on HTTPS and TLS listeners", async () => {
            clean(
                await analyzeResource(
                    policy,
                    listener({
                        port: 443,
                        protocol: "HTTPS",
                        sslPolicy: "ELBSecurityPolicy-TLS13-1-2-2021-06",
                        certificateArn: UNKNOWN,
                        defaultActions: forward,
                    }),
                ),
            );
            assert.match(
                messages(
                    await analyzeResource(policy, listener({ port: 443, protocol: "TLS", defaultActions: forward })),
                )[0],
                /sslPolicy is not set/,
            );
            assert.match(
                messages(
                    await analyzeResource(
                        policy,
                        listener({
                            port: 443,
                            protocol: "HTTPS",
                            sslPolicy: "ELBSecurityPolicy-2016-08",
                            defaultActions: forward,
                        }),
                    ),
                )[0],
                /older than TLS 1.2/,
            );
        });

        it("skips listeners whose protocol or actions are unknown", async () => {
            clean(await analyzeResource(policy, listener({ port: 80, protocol: UNKNOWN, defaultActions: forward })));
            clean(await analyzeResource(policy, listener({ port: 80, protocol: "HTTP", defaultActions: UNKNOWN })));
        });
    });

    describe("opensearch-https-tls12", () => {
        const policy = transport.opensearchHttpsOnly;
        const domain = (extra: Record<string, unknown>) =>
            resource(aws.opensearch.Domain, "logs", {
                engineVersion: "OpenSearch_2.19",
                clusterConfig: { instanceType: "r6g.large.search", instanceCount: 3 },
                encryptAtRest: { enabled: true, kmsKeyId: UNKNOWN },
                ...extra,
            });

        it("accepts HTTPS only with a TLS 1.2 policy and node-to-node encryption", async () => {
            clean(
                await analyzeResource(
                    policy,
                    domain({
                        domainEndpointOptions: {
                            enforceHttps: true,
                            tlsSecurityPolicy: "Policy-Min-TLS-1-2-PFS-2023-10",
                        },
                        nodeToNodeEncryption: { enabled: true },
                    }),
                ),
            );
        });

        it("flags plain HTTP, TLS 1.0 and unencrypted node traffic", async () => {
            const o = await analyzeResource(
                policy,
                domain({
                    domainEndpointOptions: { enforceHttps: false, tlsSecurityPolicy: "Policy-Min-TLS-1-0-2019-07" },
                    nodeToNodeEncryption: { enabled: false },
                }),
            );
            assert.equal(o.violations.length, 3);
            assert.equal((await analyzeResource(policy, domain({}))).violations.length, 3);
        });

        it("skips unknown endpoint options", async () => {
            clean(
                await analyzeResource(
                    policy,
                    domain({ domainEndpointOptions: UNKNOWN, nodeToNodeEncryption: { enabled: UNKNOWN } }),
                ),
            );
        });
    });

    describe("cloudflare-zone-tls", () => {
        const policy = transport.cloudflareZoneTls;
        const ZONE = "0f1e2d3c4b5a69788796a5b4c3d2e1f0";
        const record = (zoneId: unknown, opts = {}) =>
            resource(
                cloudflare.DnsRecord,
                "apex",
                {
                    zoneId,
                    name: "hms.example.org",
                    type: "CNAME",
                    content: "nlb.elb.sa-east-1.amazonaws.com",
                    proxied: true,
                    ttl: 1,
                },
                opts,
            );
        const setting = (name: string, settingId: string, value: unknown, zoneId: unknown = ZONE, opts = {}) =>
            resource(cloudflare.ZoneSetting, name, { zoneId, settingId, value }, opts);
        const good = (zoneId: unknown = ZONE, opts = {}) => [
            setting("ssl", "ssl", "strict", zoneId, opts),
            setting("min-tls", "min_tls_version", "1.2", zoneId, opts),
            setting("always-https", "always_use_https", "on", zoneId, opts),
        ];

        it("accepts a zone with Full (strict), TLS 1.2 and Always Use HTTPS", async () => {
            clean(await analyzeStack(policy, [record(ZONE), ...good()]));
        });

        it("accepts the camelCase setting ids of the provider docs and TLS 1.3", async () => {
            const settings = [
                setting("ssl", "ssl", "strict"),
                setting("min-tls", "minTlsVersion", "1.3"),
                setting("always-https", "alwaysUseHttps", "on"),
            ];
            clean(await analyzeStack(policy, [record(ZONE), ...settings]));
        });

        it("flags a weak ssl mode and a missing setting", async () => {
            const settings = [setting("ssl", "ssl", "full"), setting("min-tls", "min_tls_version", "1.2")];
            const o = await analyzeStack(policy, [record(ZONE), ...settings]);
            assert.deepEqual(messages(o).sort(), [
                `zone ${ZONE} has no always_use_https setting, so Cloudflare uses off; set it to "on".`,
                `zone ${ZONE} sets ssl = "full"; it must be "strict" or "origin_pull".`,
            ]);
        });

        it("flags min_tls_version 1.0", async () => {
            const settings = [
                setting("ssl", "ssl", "strict"),
                setting("min-tls", "min_tls_version", "1.0"),
                setting("always-https", "always_use_https", "on"),
            ];
            assert.match(
                messages(await analyzeStack(policy, [record(ZONE), ...settings]))[0],
                /min_tls_version = "1.0"/,
            );
        });

        it("follows a zone the stack creates through property dependencies", async () => {
            const zone = resource(cloudflare.Zone, "zone", {
                name: "hms.example.org",
                account: { id: "acc" },
                type: "full",
            });
            const linked = { propertyDependencies: deps({ zoneId: zone }) };
            clean(await analyzeStack(policy, [zone, record(UNKNOWN, linked), ...good(UNKNOWN, linked)]));
            const o = await analyzeStack(policy, [zone, record(UNKNOWN, linked)]);
            assert.equal(o.violations.length, 3);
            assert.match(o.violations[0].message, /zone hms.example.org has no/);
            assert.equal(o.violations[0].urn, zone.urn);
        });

        it("reports nothing missing while a setting's zone is unknown", async () => {
            clean(await analyzeStack(policy, [record(ZONE), setting("ssl", "ssl", "strict", UNKNOWN)]));
        });

        it("skips unknown values", async () => {
            clean(
                await analyzeStack(policy, [
                    record(ZONE),
                    setting("ssl", "ssl", UNKNOWN),
                    setting("min-tls", "min_tls_version", "1.2"),
                    setting("always-https", "always_use_https", "on"),
                ]),
            );
        });

        it("is not applicable to a stack without Cloudflare resources", async () => {
            const o = await analyzeStack(policy, [resource(aws.s3.Bucket, "media", {})] as FakeResource[]);
            clean(o);
            assert.equal(o.notApplicable[0].policy, policy.name);
        });
    });
});
