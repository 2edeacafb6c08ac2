import * as assert from "node:assert/strict";
import * as aws from "@pulumi/aws";
import * as cloudflare from "@pulumi/cloudflare";
import * as transport from "../../policies/transport";
import {
    analyzeResource,
    analyzeStack,
    awsOrigin,
    cloudflareEdge,
    deps,
    FakeResource,
    messages,
    Outcome,
    resource,
    UNKNOWN,
} from "./harness";

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

        it("says what Cloudflare does without each setting (its documented defaults) and what to set", async () => {
            const o = await analyzeStack(policy, [...awsOrigin(), record(ZONE)]);
            assert.deepEqual(messages(o), [
                `zone ${ZONE} has no ssl setting, so Cloudflare uses the zone's default (flexible or full); set it to "strict".`,
                `zone ${ZONE} has no min_tls_version setting, so Cloudflare uses 1.0; set it to "1.2".`,
                `zone ${ZONE} has no always_use_https setting, so Cloudflare uses off; set it to "on".`,
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

    describe("rds-parameter-group-requires-tls: each side of every condition", () => {
        const policy = transport.rdsParameterGroupRequiresTls;
        const group = (family: unknown, parameters: unknown, cls: unknown = aws.rds.ClusterParameterGroup) =>
            resource(cls, "params", { family, description: "HMS", parameters });

        it("cannot tell which parameter applies while the family is unknown or absent", async () => {
            for (const cls of [aws.rds.ClusterParameterGroup, aws.rds.ParameterGroup]) {
                clean(await analyzeResource(policy, group(UNKNOWN, [], cls)));
                clean(await analyzeResource(policy, group(undefined, [], cls)));
            }
        });

        it("is not applicable to a family without a TLS parameter, or to an Aurora instance group, and says why", async () => {
            const oracle = await analyzeResource(policy, group("oracle-ee-19", [], aws.rds.ParameterGroup));
            clean(oracle);
            assert.match(oracle.notApplicable[0].reason, /no TLS enforcement parameter known for family oracle-ee-19/);
            const aurora = await analyzeResource(policy, group("aurora-mysql8.0", [], aws.rds.ParameterGroup));
            assert.match(aurora.notApplicable[0].reason, /cluster parameter/);
        });

        it("names the value it needs in upper case (ON, 1)", async () => {
            assert.deepEqual(messages(await analyzeResource(policy, group("mysql8.0", [], aws.rds.ParameterGroup))), [
                "require_secure_transport is not set (the engine default allows plaintext); it must be ON for family mysql8.0.",
            ]);
        });

        it("accepts the mixed stack's other resources as not applicable", async () => {
            for (const r of [...cloudflareEdge(), ...awsOrigin()]) {
                const o = await analyzeResource(policy, r);
                clean(o);
                assert.deepEqual(
                    o.notApplicable.map((n) => n.reason),
                    ["Policy only applies to RDS parameter groups"],
                );
            }
        });
    });

    describe("rds-uses-custom-parameter-group: each side of every condition", () => {
        const policy = transport.rdsUsesCustomParameterGroup;
        const instance = (props: Record<string, unknown>) =>
            resource(aws.rds.Instance, "db", { instanceClass: "db.t4g.medium", ...props });

        it("treats a null or empty group name as not set", async () => {
            for (const parameterGroupName of [null, ""]) {
                assert.deepEqual(
                    messages(await analyzeResource(policy, instance({ engine: "mysql", parameterGroupName }))),
                    [
                        "parameterGroupName is not set: the engine's default parameter group accepts unencrypted connections.",
                    ],
                );
            }
        });

        it("checks MySQL and PostgreSQL engines only; an unknown engine cannot be told", async () => {
            assert.equal((await analyzeResource(policy, instance({ engine: "postgres" }))).violations.length, 1);
            clean(await analyzeResource(policy, instance({ engine: UNKNOWN })));
            clean(await analyzeResource(policy, instance({ engine: "oracle-ee" })));
        });

        it("accepts the stack's own group while its name is unknown", async () => {
            clean(await analyzeResource(policy, instance({ engine: "mysql", parameterGroupName: UNKNOWN })));
        });
    });

    describe("elasticache-transit-encryption-required: messages", () => {
        const policy = transport.elasticacheTransitEncryption;
        it("says what is wrong with each setting", async () => {
            const o = await analyzeResource(
                policy,
                resource(aws.elasticache.ReplicationGroup, "cache", { description: "HMS", engine: "valkey" }),
            );
            assert.deepEqual(messages(o), [
                "transitEncryptionEnabled is not true: cache traffic (sessions, cached patient pages) would travel in plaintext.",
                'transitEncryptionMode is not set; it must be "required".',
            ]);
        });
    });

    describe("s3-deny-insecure-transport: each side of every condition (mixed stacks)", () => {
        const policy = transport.s3DenyInsecureTransport;
        const NAME = "hms-production-media-4f2a";
        const ARN = `arn:aws:s3:::${NAME}`;
        const deny = (extra: Record<string, unknown> = {}) => ({
            Effect: "Deny",
            Principal: "*",
            Action: "s3:*",
            Resource: [ARN, `${ARN}/*`],
            Condition: { Bool: { "aws:SecureTransport": "false" } },
            ...extra,
        });
        const media = (props: Record<string, unknown> = {}) =>
            resource(aws.s3.Bucket, "media", { bucket: NAME, arn: ARN, ...props });
        const bucketPolicy = (doc: unknown, bucket: unknown = NAME) =>
            resource(aws.s3.BucketPolicy, "media-policy", { bucket, policy: doc });
        const verdict = async (doc: unknown) =>
            messages(await analyzeStack(policy, [media(), bucketPolicy(doc), ...cloudflareEdge()]));

        it("requires Deny, every principal, every S3 action and a SecureTransport = false condition (Bool or BoolIfExists)", async () => {
            const ok = (statement: unknown) => verdict(JSON.stringify({ Statement: [statement] }));
            assert.deepEqual(await ok(deny()), []);
            assert.deepEqual(await ok(deny({ Action: ["s3:GetObject", "s3:*"] })), []);
            assert.deepEqual(await ok(deny({ Action: "*" })), []);
            assert.deepEqual(await ok(deny({ Principal: { AWS: ["*"] } })), []);
            assert.deepEqual(await ok(deny({ Condition: { BoolIfExists: { "aws:SecureTransport": "false" } } })), []);
            assert.deepEqual(await ok(deny({ Condition: { Bool: { "aws:SecureTransport": ["true", "false"] } } })), []);
            for (const weak of [
                deny({ Effect: "Allow" }),
                deny({ Principal: "arn:aws:iam::123456789012:root" }),
                deny({ Principal: { AWS: "arn:aws:iam::123456789012:root" } }),
                deny({ Principal: null }),
                deny({ Action: "s3:GetObject" }),
                deny({ Action: ["s3:GetObject", "s3:PutObject"] }),
                deny({ Condition: { Bool: { "aws:SecureTransport": "true" } } }),
                deny({ Condition: { StringEquals: { "aws:SecureTransport": "false" } } }),
                deny({ Condition: null }),
                deny({ Condition: "aws:SecureTransport=false" }),
            ]) {
                assert.deepEqual(
                    await ok(weak),
                    [
                        "bucket media has a bucket policy without a Deny on aws:SecureTransport = false: requests over plain HTTP would be served.",
                    ],
                    JSON.stringify(weak),
                );
            }
        });

        it("reads statements: unknown ones cannot tell, null or malformed ones do not deny", () => {
            assert.equal(transport.deniesInsecureTransport(UNKNOWN), undefined);
            assert.equal(transport.deniesInsecureTransport(null), false);
            assert.equal(transport.deniesInsecureTransport("Deny"), false);
            assert.equal(transport.policyDeniesInsecureTransport(JSON.stringify({ Statement: UNKNOWN })), undefined);
        });

        it("does not take an unparsable policy document for a TLS-only one", async () => {
            assert.equal((await verdict("{not json")).length, 1);
        });

        it("checks the deprecated inline policy of a bucket", async () => {
            const tlsOnly = JSON.stringify({ Statement: [deny()] });
            clean(await analyzeStack(policy, [media({ policy: tlsOnly }), ...cloudflareEdge()]));
            const allow = JSON.stringify({ Statement: [deny({ Effect: "Allow" })] });
            assert.equal(
                messages(await analyzeStack(policy, [media({ policy: allow }), ...cloudflareEdge()])).length,
                1,
            );
        });

        it("checks only buckets: the mixed stack's other resources need no bucket policy", async () => {
            const o = await analyzeStack(policy, [...cloudflareEdge(), ...awsOrigin()]);
            clean(o);
            assert.match(o.notApplicable[0].reason, /no S3 buckets/);
            const tlsOnly = JSON.stringify({ Statement: [deny()] });
            clean(await analyzeStack(policy, [media(), bucketPolicy(tlsOnly), ...cloudflareEdge(), ...awsOrigin()]));
        });

        it("a null inline policy is no policy", async () => {
            assert.deepEqual(messages(await analyzeStack(policy, [media({ policy: null }), ...cloudflareEdge()])), [
                "bucket media has no bucket policy: requests over plain HTTP would be served.",
            ]);
        });

        it("a policy of a bucket not known yet that does not deny plaintext leaves the bucket without one", async () => {
            const allow = JSON.stringify({ Statement: [deny({ Effect: "Allow" })] });
            assert.deepEqual(
                messages(await analyzeStack(policy, [media(), bucketPolicy(allow, UNKNOWN), ...cloudflareEdge()])),
                ["bucket media has no bucket policy: requests over plain HTTP would be served."],
            );
        });
    });

    describe("lb-listener-transport-security: each side of every condition", () => {
        const policy = transport.lbListenerTransport;
        const listener = (props: Record<string, unknown>) =>
            resource(aws.lb.Listener, "listener", { loadBalancerArn: UNKNOWN, ...props });
        const found = async (props: Record<string, unknown>) =>
            messages(await analyzeResource(policy, listener(props)));

        it("refuses plain HTTP forwarding on port 80 for TCP, UDP and TCP_UDP, and only forwarding", async () => {
            for (const protocol of ["TCP", "UDP", "TCP_UDP"]) {
                assert.deepEqual(
                    await found({
                        protocol,
                        port: 80,
                        defaultActions: [UNKNOWN, null, { type: "forward", targetGroupArn: UNKNOWN }],
                    }),
                    [
                        `defaultActions[2] forwards ${protocol} port 80 (plain HTTP) to targets; terminate TLS on 443 instead.`,
                    ],
                );
            }
            assert.deepEqual(
                await found({ protocol: "TCP", port: 80, defaultActions: [{ type: "fixed-response" }] }),
                [],
            );
            assert.deepEqual(await found({ protocol: "TCP", port: 80, defaultActions: UNKNOWN }), []);
            assert.deepEqual(await found({ protocol: "TCP", port: 443, defaultActions: [{ type: "forward" }] }), []);
        });

        it("on HTTP, the action's type decides; an unknown type or redirect cannot tell; a missing protocol keeps HTTP", async () => {
            assert.deepEqual(await found({ protocol: "HTTP", defaultActions: [{ type: UNKNOWN }] }), []);
            assert.deepEqual(
                await found({ protocol: "HTTP", defaultActions: [{ type: "redirect", redirect: UNKNOWN }] }),
                [],
            );
            assert.deepEqual(
                await found({
                    protocol: "HTTP",
                    defaultActions: [{ type: "redirect", redirect: { protocol: UNKNOWN } }],
                }),
                [],
            );
            assert.deepEqual(
                await found({
                    protocol: "HTTP",
                    defaultActions: [{ type: "forward", redirect: { protocol: "HTTPS" } }],
                }),
                ["defaultActions[0] (type forward) on an HTTP listener: HTTP listeners may only redirect to HTTPS."],
            );
            assert.deepEqual(await found({ protocol: "HTTP", defaultActions: [{ type: "redirect" }] }), [
                "defaultActions[0] (redirect to #{protocol}) on an HTTP listener: HTTP listeners may only redirect to HTTPS.",
            ]);
            assert.deepEqual(await found({ protocol: "HTTP", defaultActions: [null] }), [
                "defaultActions[0] (an action) on an HTTP listener: HTTP listeners may only redirect to HTTPS.",
            ]);
            assert.deepEqual(await found({ protocol: UNKNOWN, defaultActions: [{ type: "forward" }] }), []);
        });
    });

    describe("opensearch-https-tls12: messages", () => {
        const policy = transport.opensearchHttpsOnly;
        it("says what is wrong with each setting", async () => {
            const domain = (extra: Record<string, unknown>) =>
                resource(aws.opensearch.Domain, "logs", { engineVersion: "OpenSearch_2.13", ...extra });
            assert.deepEqual(
                messages(await analyzeResource(policy, domain({ domainEndpointOptions: { enforceHttps: false } }))),
                [
                    "domainEndpointOptions.enforceHttps is not true: the domain would answer plain HTTP.",
                    "domainEndpointOptions.tlsSecurityPolicy is not set: the service default accepts TLS 1.0.",
                    "nodeToNodeEncryption.enabled is not true: traffic between the domain's nodes would be unencrypted.",
                ],
            );
            assert.deepEqual(
                messages(
                    await analyzeResource(
                        policy,
                        domain({
                            domainEndpointOptions: {
                                enforceHttps: true,
                                tlsSecurityPolicy: "Policy-Min-TLS-1-0-2019-07",
                            },
                            nodeToNodeEncryption: { enabled: true },
                        }),
                    ),
                ),
                ['tlsSecurityPolicy "Policy-Min-TLS-1-0-2019-07" accepts TLS versions older than 1.2.'],
            );
        });
    });

    describe("cloudflare-zone-tls: mixed stacks and several zones", () => {
        const policy = transport.cloudflareZoneTls;
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
        const settings = (zoneId: string, prefix: string) => [
            resource(cloudflare.ZoneSetting, `${prefix}-ssl`, { zoneId, settingId: "ssl", value: "strict" }),
            resource(cloudflare.ZoneSetting, `${prefix}-min-tls`, {
                zoneId,
                settingId: "min_tls_version",
                value: "1.2",
            }),
            resource(cloudflare.ZoneSetting, `${prefix}-https`, { zoneId, settingId: "always_use_https", value: "on" }),
        ];

        it("reports a missing setting among the AWS resources of the real plan", async () => {
            const o = await analyzeStack(policy, [...awsOrigin(), record(A, "hms"), ...settings(A, "a").slice(0, 2)]);
            assert.deepEqual(messages(o), [
                `zone ${A} has no always_use_https setting, so Cloudflare uses off; set it to "on".`,
            ]);
            clean(await analyzeStack(policy, [...awsOrigin(), record(A, "hms"), ...settings(A, "a")]));
        });

        it("does not count one zone's settings for another", async () => {
            const o = await analyzeStack(policy, [
                ...awsOrigin(),
                record(A, "hms"),
                record(B, "portal"),
                ...settings(A, "a"),
            ]);
            assert.equal(o.violations.length, 3);
            assert.ok(messages(o).every((m) => m.startsWith(`zone ${B} has no`)));
        });

        it("takes neither Route 53 records nor account-level rulesets for zones", async () => {
            const mail = resource(aws.route53.Record, "mail", {
                zoneId: "Z0123456789ABC",
                name: "mail",
                type: "MX",
                records: ["10 x"],
            });
            const account = resource(cloudflare.Ruleset, "account", {
                accountId: "0123abcd",
                kind: "root",
                name: "a",
                phase: "http_request_firewall_managed",
            });
            clean(await analyzeStack(policy, [...awsOrigin(), mail, account, record(A, "hms"), ...settings(A, "a")]));
        });

        it("reports a missing setting on the zone resource, else on a DNS record, whatever the stack's order", async () => {
            const zone = resource(cloudflare.Zone, "zone", { name: UNKNOWN, account: { id: "acc" } });
            const linked = { propertyDependencies: deps({ zoneId: zone }) };
            const rec = resource(
                cloudflare.DnsRecord,
                "hms",
                { zoneId: UNKNOWN, name: "hms", type: "CNAME", content: "x", proxied: true },
                linked,
            );
            const ssl = resource(
                cloudflare.ZoneSetting,
                "ssl",
                { zoneId: UNKNOWN, settingId: "ssl", value: "strict" },
                linked,
            );
            const o = await analyzeStack(policy, [ssl, rec, zone]);
            assert.equal(o.violations.length, 2);
            assert.ok(o.violations.every((v) => v.urn === zone.urn));
            assert.match(o.violations[0].message, /^zone zone has no/);
            const byId = await analyzeStack(policy, [...settings(A, "a").slice(0, 2), record(A, "hms")]);
            assert.equal(byId.violations[0].urn, record(A, "hms").urn);
        });

        it("is not applicable to the AWS side alone, and says so", async () => {
            const o = await analyzeStack(policy, awsOrigin());
            assert.match(o.notApplicable[0].reason, /manages no Cloudflare zone/);
        });
    });
});
