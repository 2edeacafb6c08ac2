import * as assert from "node:assert/strict";
import * as aws from "@pulumi/aws";
import * as evidence from "../../policies/audit-evidence";
import { analyzeStack, cloudflareEdge, deps, FakeResource, messages, Outcome, resource, UNKNOWN } from "./harness";

function clean(o: Outcome): void {
    assert.deepEqual(o.violations, []);
    assert.deepEqual(o.previewNotes, []);
}

const BREAK_GLASS = "arn:aws:iam::123456789012:role/hms-production-audit-break-glass";
const NAME = "hms-production-trail-0a1b2c3";
const ARN = `arn:aws:s3:::${NAME}`;

const denyStatement = (extra: Record<string, unknown> = {}) => ({
    Sid: "DenyEvidenceTamperingButBreakGlass",
    Effect: "Deny",
    Principal: "*",
    Action: ["s3:DeleteObject", "s3:DeleteObjectVersion", "s3:PutObjectRetention", "s3:BypassGovernanceRetention"],
    Resource: [ARN, `${ARN}/*`],
    Condition: { ArnNotEquals: { "aws:PrincipalArn": BREAK_GLASS } },
    ...extra,
});

/** A trail, its bucket, Object Lock configuration and bucket policy (each piece replaceable). */
function stack(
    opts: { lock?: Record<string, unknown> | null; statements?: unknown[]; tags?: Record<string, string> } = {},
): FakeResource[] {
    const bucket = resource(aws.s3.Bucket, "trail", { bucket: NAME, arn: ARN, id: NAME, tags: opts.tags ?? {} });
    const link = { propertyDependencies: deps({ bucket }) };
    const out = [
        bucket,
        resource(
            aws.cloudtrail.Trail,
            "trail",
            { s3BucketName: NAME, isMultiRegionTrail: true },
            { propertyDependencies: deps({ s3BucketName: bucket }) },
        ),
    ];
    if (opts.lock !== null) {
        out.push(
            resource(
                aws.s3.BucketObjectLockConfiguration,
                "trail-lock",
                opts.lock ?? {
                    bucket: NAME,
                    objectLockEnabled: "Enabled",
                    rule: { defaultRetention: { mode: "GOVERNANCE", days: 2190 } },
                },
                link,
            ),
        );
    }
    out.push(
        resource(
            aws.s3.BucketPolicy,
            "trail-policy",
            {
                bucket: NAME,
                policy: JSON.stringify({ Version: "2012-10-17", Statement: opts.statements ?? [denyStatement()] }),
            },
            link,
        ),
    );
    return out;
}

describe("policies/audit-evidence", () => {
    const policy = evidence.auditEvidenceLocked;
    const config = { [policy.name]: { minimumLockDays: 2190 } };

    it("accepts a trail bucket locked for the retention whose policy denies tampering to all but the break-glass role", async () => {
        clean(await analyzeStack(policy, stack(), config));
        clean(
            await analyzeStack(
                policy,
                stack({
                    lock: {
                        bucket: NAME,
                        objectLockEnabled: "Enabled",
                        rule: { defaultRetention: { mode: "COMPLIANCE", years: 6 } },
                    },
                }),
                config,
            ),
        );
    });

    it("flags a trail bucket without Object Lock, or locked too briefly", async () => {
        assert.deepEqual(messages(await analyzeStack(policy, stack({ lock: null }), config)), [
            "audit bucket trail has no Object Lock configuration: its log files could be deleted or overwritten.",
        ]);
        const short = stack({
            lock: {
                bucket: NAME,
                objectLockEnabled: "Enabled",
                rule: { defaultRetention: { mode: "GOVERNANCE", days: 30 } },
            },
        });
        assert.match(messages(await analyzeStack(policy, short, config))[0], /locked 30 days, fewer than 2190/);
    });

    it("flags a bucket policy that lets anyone delete versions or cut retention", async () => {
        const none = await analyzeStack(policy, stack({ statements: [] }), config);
        assert.match(
            messages(none)[0],
            /does not deny s3:DeleteObjectVersion, s3:BypassGovernanceRetention, s3:PutObjectRetention to everyone but a break-glass role/,
        );
        // A deny with a condition that lets more than a named principal through does not count.
        const loose = stack({
            statements: [denyStatement({ Condition: { Bool: { "aws:SecureTransport": "false" } } })],
        });
        assert.equal((await analyzeStack(policy, loose, config)).violations.length, 1);
        const notAll = stack({
            statements: [denyStatement({ Principal: { AWS: "arn:aws:iam::123456789012:role/x" } })],
        });
        assert.equal((await analyzeStack(policy, notAll, config)).violations.length, 1);
    });

    it("finds replicas by their Purpose tag, with no trail writing to them", async () => {
        const replica = resource(aws.s3.Bucket, "trail-replica", {
            bucket: "r",
            arn: "arn:aws:s3:::r",
            tags: { Purpose: "cloudtrail-audit-logs-replica" },
        });
        assert.match(
            messages(await analyzeStack(policy, [replica], config)).join("\n"),
            /audit bucket trail-replica has no Object Lock/,
        );
    });

    it("takes the retention from config (365 days by default) and skips values unknown at preview", async () => {
        const year = stack({
            lock: {
                bucket: NAME,
                objectLockEnabled: "Enabled",
                rule: { defaultRetention: { mode: "GOVERNANCE", days: 400 } },
            },
        });
        clean(await analyzeStack(policy, year));
        assert.equal((await analyzeStack(policy, year, config)).violations.length, 1);
        clean(
            await analyzeStack(
                policy,
                stack({ lock: { bucket: NAME, objectLockEnabled: "Enabled", rule: UNKNOWN } }),
                config,
            ),
        );
    });

    it("does not apply to a stack without audit buckets", async () => {
        const o = await analyzeStack(policy, [resource(aws.s3.Bucket, "media", { bucket: "m" })]);
        clean(o);
        assert.equal(o.notApplicable[0].policy, policy.name);
    });

    it("takes a Purpose tag for an audit bucket only when it starts with cloudtrail-audit-logs", async () => {
        for (const purpose of ["copy-of-cloudtrail-audit-logs", "not-cloudtrail-audit-logs-replica"]) {
            const b = resource(aws.s3.Bucket, "exports", {
                bucket: "e",
                arn: "arn:aws:s3:::e",
                tags: { Purpose: purpose },
            });
            const o = await analyzeStack(policy, [b, ...cloudflareEdge()], config);
            clean(o);
            assert.match(o.notApplicable[0]?.reason ?? "", /no audit log bucket/, purpose);
        }
    });

    describe("each side of every condition (mixed stacks)", () => {
        const lock = (extra: Record<string, unknown>) => ({ bucket: NAME, objectLockEnabled: "Enabled", ...extra });
        const run = async (resources: FakeResource[]) =>
            messages(await analyzeStack(policy, [...resources, ...cloudflareEdge()], config));
        const POLICY_MISSING = (actions: string) =>
            `audit bucket trail: its bucket policy does not deny ${actions} to everyone but a break-glass role.`;
        const ALL = "s3:DeleteObjectVersion, s3:BypassGovernanceRetention, s3:PutObjectRetention";

        it("counts years as 365 days, and a lock without default retention as none", async () => {
            assert.deepEqual(
                await run(stack({ lock: lock({ rule: { defaultRetention: { mode: "GOVERNANCE", years: 1 } } }) })),
                [
                    "audit bucket trail keeps objects locked 365 days, fewer than 2190: its log files could be deleted or overwritten.",
                ],
            );
            for (const rule of [undefined, { defaultRetention: { mode: "GOVERNANCE" } }]) {
                assert.deepEqual(await run(stack({ lock: lock({ rule }) })), [
                    "audit bucket trail keeps objects locked 0 days, fewer than 2190: its log files could be deleted or overwritten.",
                ]);
            }
        });

        it("flags Object Lock disabled", async () => {
            const disabled = lock({
                objectLockEnabled: "Disabled",
                rule: { defaultRetention: { mode: "GOVERNANCE", days: 2190 } },
            });
            assert.deepEqual(await run(stack({ lock: disabled })), [
                "audit bucket trail has Object Lock disabled: its log files could be deleted or overwritten.",
            ]);
        });

        it("takes each bucket's own lock configuration, never another's", async () => {
            const replica = resource(aws.s3.Bucket, "replica", {
                bucket: "r",
                arn: "arn:aws:s3:::r",
                tags: { Purpose: "cloudtrail-audit-logs-replica" },
            });
            const replicaLock = resource(
                aws.s3.BucketObjectLockConfiguration,
                "replica-lock",
                {
                    bucket: "r",
                    objectLockEnabled: "Enabled",
                    rule: { defaultRetention: { mode: "GOVERNANCE", days: 30 } },
                },
                { propertyDependencies: deps({ bucket: replica }) },
            );
            const found = await run([...stack(), replica, replicaLock]);
            assert.ok(
                found.includes(
                    "audit bucket replica keeps objects locked 30 days, fewer than 2190: its log files could be deleted or overwritten.",
                ),
                found.join("\n"),
            );
            assert.ok(!found.some((m) => m.startsWith("audit bucket trail ")), found.join("\n"));
        });

        it("a lock configuration whose bucket is not known yet: cannot tell if it complies, counts against if it does not", async () => {
            const unlinked = (days: number) =>
                stack().map((r) =>
                    r.type === "aws:s3/bucketObjectLockConfiguration:BucketObjectLockConfiguration"
                        ? resource(aws.s3.BucketObjectLockConfiguration, "trail-lock", {
                              ...r.props,
                              bucket: UNKNOWN,
                              rule: { defaultRetention: { mode: "GOVERNANCE", days } },
                          })
                        : r,
                );
            assert.deepEqual(await run(unlinked(2190)), []);
            assert.deepEqual(await run(unlinked(30)), [
                "audit bucket trail keeps objects locked 30 days, fewer than 2190: its log files could be deleted or overwritten.",
            ]);
        });

        it("flags a bucket created without Object Lock while its lock configuration cannot be told", async () => {
            const base = stack({ lock: lock({ rule: UNKNOWN }) });
            base[0] = resource(aws.s3.Bucket, "trail", { ...base[0].props, objectLockEnabled: false });
            assert.deepEqual(await run(base), ["audit bucket trail is created without Object Lock."]);
            const unlinked = stack().map((r) =>
                r.type === "aws:s3/bucketObjectLockConfiguration:BucketObjectLockConfiguration"
                    ? resource(aws.s3.BucketObjectLockConfiguration, "trail-lock", { ...r.props, bucket: UNKNOWN })
                    : resource(
                          r.type === "aws:s3/bucket:Bucket" ? aws.s3.Bucket : { __pulumiType: r.type },
                          r.name,
                          r.type === "aws:s3/bucket:Bucket" ? { ...r.props, objectLockEnabled: false } : r.props,
                          { propertyDependencies: r.propertyDependencies },
                      ),
            );
            assert.deepEqual(await run(unlinked), ["audit bucket trail is created without Object Lock."]);
            // A known, sufficient lock configuration enables it.
            const enabled = stack();
            enabled[0] = resource(aws.s3.Bucket, "trail", { ...enabled[0].props, objectLockEnabled: false });
            assert.deepEqual(await run(enabled), []);
        });

        it("recognises the actions by exact name or trailing wildcard, and only Deny", async () => {
            for (const Action of [["s3:*"], "*", ["s3:Delete*", "s3:PutObject*", "s3:Bypass*"]]) {
                assert.deepEqual(
                    await run(stack({ statements: [denyStatement({ Action })] })),
                    [],
                    JSON.stringify(Action),
                );
            }
            assert.deepEqual(
                await run(stack({ statements: [denyStatement({ Action: ["s3:Get*", "s3:DeleteObject"] })] })),
                [POLICY_MISSING(ALL)],
            );
            assert.deepEqual(
                await run(
                    stack({
                        statements: [denyStatement({ Action: ["s3:DeleteObjectVersion", "s3:PutObjectRetention"] })],
                    }),
                ),
                [POLICY_MISSING("s3:BypassGovernanceRetention")],
            );
            assert.deepEqual(await run(stack({ statements: [denyStatement({ Effect: "Allow" })] })), [
                POLICY_MISSING(ALL),
            ]);
        });

        it("requires every principal, the objects as resource, and no condition beyond an aws:PrincipalArn exemption", async () => {
            for (const extra of [
                { Principal: { AWS: "*" } },
                { Resource: "*" },
                { Resource: UNKNOWN },
                { Condition: { StringNotLike: { "aws:PrincipalArn": BREAK_GLASS } } },
                { Condition: { ArnNotLike: { "aws:PrincipalArn": BREAK_GLASS } } },
                { Condition: undefined },
            ]) {
                assert.deepEqual(await run(stack({ statements: [denyStatement(extra)] })), [], JSON.stringify(extra));
            }
            for (const extra of [
                { Resource: [ARN] },
                { Condition: { ArnEquals: { "aws:PrincipalArn": BREAK_GLASS } } },
                { Condition: { ArnNotEqualsIfExists: { "aws:PrincipalArn": BREAK_GLASS } } },
                { Condition: { "ForAnyValue:ArnNotEquals": { "aws:PrincipalArn": BREAK_GLASS } } },
                { Condition: { ArnNotEquals: { "aws:PrincipalArn": BREAK_GLASS, "aws:SourceIp": "10.0.0.0/8" } } },
                {
                    Condition: {
                        ArnNotEquals: { "aws:PrincipalArn": BREAK_GLASS },
                        StringEquals: { "aws:SourceIp": "10.0.0.0/8" },
                    },
                },
            ]) {
                assert.deepEqual(
                    await run(stack({ statements: [denyStatement(extra)] })),
                    [POLICY_MISSING(ALL)],
                    JSON.stringify(extra),
                );
            }
        });

        it("cannot tell from statements or policies that are unknown, unparsable or of a bucket not known yet", async () => {
            assert.deepEqual(await run(stack({ statements: [UNKNOWN] })), []);
            assert.deepEqual(await run(stack({ statements: [null, denyStatement({ Principal: UNKNOWN })] })), []);
            const withPolicy = (props: Record<string, unknown>, linked: boolean) =>
                stack().map((r) =>
                    r.type === "aws:s3/bucketPolicy:BucketPolicy"
                        ? resource(
                              aws.s3.BucketPolicy,
                              "trail-policy",
                              { ...r.props, ...props },
                              linked ? { propertyDependencies: r.propertyDependencies } : {},
                          )
                        : r,
                );
            assert.deepEqual(await run(withPolicy({ policy: "{not json" }, true)), []);
            assert.deepEqual(await run(withPolicy({ bucket: UNKNOWN }, false)), []);
            // Not linked and not denying: whichever bucket it belongs to, this one has no deny.
            const allow = JSON.stringify({ Statement: [denyStatement({ Effect: "Allow" })] });
            assert.deepEqual(await run(withPolicy({ bucket: UNKNOWN, policy: allow }, false)), [POLICY_MISSING(ALL)]);
            // Another bucket's policy does not count.
            assert.deepEqual(await run(withPolicy({ bucket: "other-bucket" }, false)), [POLICY_MISSING(ALL)]);
        });

        it("looks only at trails' buckets (not an AWS Config delivery channel's) and says when there is none", async () => {
            const config = resource(aws.s3.Bucket, "config", { bucket: "hms-config", arn: "arn:aws:s3:::hms-config" });
            const channel = resource(
                aws.cfg.DeliveryChannel,
                "channel",
                { s3BucketName: "hms-config" },
                { propertyDependencies: deps({ s3BucketName: config }) },
            );
            const o = await analyzeStack(policy, [config, channel, ...cloudflareEdge()]);
            clean(o);
            assert.match(o.notApplicable[0].reason, /no audit log bucket/);
            // Beside the trail's bucket, a media bucket is not an audit bucket.
            const media = resource(aws.s3.Bucket, "media", { bucket: "hms-media", arn: "arn:aws:s3:::hms-media" });
            assert.deepEqual(await run([...stack(), media]), []);
        });
    });
});
