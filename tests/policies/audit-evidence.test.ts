import * as assert from "node:assert/strict";
import * as aws from "@pulumi/aws";
import * as evidence from "../../policies/audit-evidence";
import { analyzeStack, deps, FakeResource, messages, Outcome, resource, UNKNOWN } from "./harness";

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
});
