import * as assert from "assert";
import { Security } from "../components/security";
import { Storage } from "../components/storage";
import { securityArgs, storageArgs } from "../components/tier-args";
import { RecordedResource } from "../tools/mocks";
import { applyOverrides, Overrides, readStackConfig, runStack, StackRun } from "../tools/stack";
import { CLINICAL_OBJECT_PREFIX } from "../templates/clinical-files";
import { all as ofType, Resources } from "./support/assert";
import { buildComponent, handedOver } from "./support/components";
import { configProblems, keyArn, parseStack } from "./support/resources";

type Statement = {
    Sid?: string;
    Effect: string;
    Principal?: unknown;
    Action: string | string[];
    Resource: string | string[];
    Condition?: Record<string, Record<string, unknown>>;
};

const buckets = (run: Resources) => ofType(run, "aws:s3/bucket:Bucket");
/** The buckets of the Storage tier (other tiers, such as the audit trail, own their buckets). */
const storageBuckets = (run: Resources) => buckets(run).filter((b) => /-storage-/.test(b.name));
const bucketNamed = (run: Resources, suffix: string): RecordedResource => {
    const b = buckets(run).find((r) => r.name.endsWith(`-storage-${suffix}`));
    assert.ok(b, `no ${suffix} bucket in ${buckets(run).map((r) => r.name)}`);
    return b;
};
/** The sub-resource of `type` that configures bucket `b` (matched by bucket name, as S3 does). */
const configOf = (run: Resources, type: string, b: RecordedResource): RecordedResource[] =>
    ofType(run, type).filter((r) => r.inputs.bucket === b.outputs.bucket);
const onlyConfigOf = (run: Resources, type: string, b: RecordedResource): RecordedResource => {
    const list = configOf(run, type, b);
    assert.strictEqual(list.length, 1, `${type} of ${b.name}: ${list.length}`);
    return list[0];
};
const policyOf = (run: Resources, b: RecordedResource): Statement[] =>
    JSON.parse(String(onlyConfigOf(run, "aws:s3/bucketPolicy:BucketPolicy", b).inputs.policy)).Statement as Statement[];
const list = (v: string | string[] | undefined): string[] => (v === undefined ? [] : Array.isArray(v) ? v : [v]);

/**
 * A minimal evaluation of the bucket policy's Deny statements for a request:
 * the action, the object ARN and the request's condition keys.
 */
function denied(
    statements: Statement[],
    action: string,
    resource: string,
    keys: Record<string, string | undefined>,
): boolean {
    const actionMatches = (pattern: string) =>
        pattern === action || (pattern.endsWith("*") && action.startsWith(pattern.slice(0, -1)));
    const resourceMatches = (pattern: string) =>
        pattern === resource || (pattern.endsWith("*") && resource.startsWith(pattern.slice(0, -1)));
    return statements.some((s) => {
        if (s.Effect !== "Deny" || !list(s.Action).some(actionMatches) || !list(s.Resource).some(resourceMatches)) {
            return false;
        }
        return Object.entries(s.Condition ?? {}).every(([op, conds]) =>
            Object.entries(conds).every(([key, expected]) => {
                const actual = keys[key];
                const values = list(expected as string | string[]);
                switch (op) {
                    case "Bool":
                    case "StringEquals":
                        return actual !== undefined && values.includes(actual);
                    // Negated operators match a request that lacks the key (IAM semantics).
                    case "StringNotEquals":
                    case "StringNotEqualsIfExists":
                        return actual === undefined || !values.includes(actual);
                    case "NumericLessThan":
                        return actual !== undefined && Number(actual) < Number(values[0]);
                    case "Null":
                        return (actual === undefined) === (values[0] === "true");
                    default:
                        throw new Error(`condition operator ${op} not modelled by this test`);
                }
            }),
        );
    });
}

const TLS = { "aws:SecureTransport": "true", "s3:TlsVersion": "1.3" };
const clinicalKeyArn = (run: Resources): unknown =>
    run.resources.find((r) => r.type === "aws:kms/key:Key" && r.name.endsWith("-storage-clinical"))?.outputs.arn;

/** The ARNs of the data key and the DR key a run's Storage tier was handed. */
type Keys = { data: unknown; dr: unknown };

/**
 * The Storage tier of `stack` with `overrides`, built alone together with the
 * CloudTrail trail of Security that logs its object events (the VPN, which
 * holds no bucket, is left out): their arguments are components/tier-args.ts's
 * storageArgs and securityArgs of the parsed configuration (what hospital.ts's
 * createStorage and createSecurity pass), the trail handed the media and replica
 * bucket ARNs of this Storage as hospital.ts hands them over, with stand-ins for
 * the keys and the VPC.
 */
async function storageBuiltAlone(stack: string, overrides: Overrides): Promise<{ run: Resources; keys: Keys }> {
    const c = parseStack(stack, overrides);
    const h = handedOver(c);
    const name = `hms-${c.environment}`;
    const resources = await buildComponent(() => {
        const storage = new Storage(`${name}-storage`, storageArgs(c, h));
        assert.ok(c.security?.trail, `${stack} has no CloudTrail trail`);
        new Security(`${name}-security`, { ...securityArgs(c, { ...h, storage }), vpn: undefined });
    }, c.region);
    return { run: { resources }, keys: { data: h.keys.dataKeyArn, dr: h.keys.drKeyArn } };
}

describe("Storage (S3)", () => {
    const runs: Record<string, Resources> = {};
    const keys: Record<string, Keys> = {};
    const stackRun = async (stack: string) => {
        const run: StackRun = await runStack(stack);
        runs[stack] = run;
        keys[stack] = { data: keyArn(run, "data"), dr: keyArn(run, "dr") };
        assert.ok(keys[stack].data, `${stack}: no data key`);
    };
    before(async function () {
        // Three full stacks run here; each takes a few seconds under mocks.
        this.timeout(180_000);
        await stackRun("production");
        await stackRun("staging");
        await stackRun("development");
        // Object Lock on (production's config): Storage and the trail built alone.
        ({ run: runs.locked, keys: keys.locked } = await storageBuiltAlone("production", {
            storageObjectLockEnabled: true,
            storageObjectLockMode: "COMPLIANCE",
            storageObjectLockDays: 2555,
        }));
    });

    for (const stack of ["production", "staging", "development", "locked"]) {
        const title =
            stack === "locked" ? "locked (production with Object Lock: Storage and the trail built alone)" : stack;
        describe(title, () => {
            it("every bucket blocks public access with all four settings and disables ACLs", () => {
                const run = runs[stack];
                assert.ok(buckets(run).length >= 2);
                for (const b of buckets(run)) {
                    const pab = onlyConfigOf(run, "aws:s3/bucketPublicAccessBlock:BucketPublicAccessBlock", b);
                    for (const flag of [
                        "blockPublicAcls",
                        "blockPublicPolicy",
                        "ignorePublicAcls",
                        "restrictPublicBuckets",
                    ]) {
                        assert.strictEqual(pab.inputs[flag], true, `${b.name}: ${flag}`);
                    }
                    assert.strictEqual(
                        pab.inputs.region,
                        b.inputs.region,
                        `${b.name}: public access block in the bucket's region`,
                    );
                }
                for (const b of storageBuckets(run)) {
                    const own = onlyConfigOf(run, "aws:s3/bucketOwnershipControls:BucketOwnershipControls", b);
                    assert.deepStrictEqual(own.inputs.rule, { objectOwnership: "BucketOwnerEnforced" });
                }
            });

            it("every bucket refuses requests without TLS (and before TLS 1.2), for the bucket and its objects", () => {
                const run = runs[stack];
                for (const b of buckets(run)) {
                    const statements = policyOf(run, b);
                    const arn = String(b.outputs.arn);
                    for (const [action, resource] of [
                        ["s3:GetObject", `${arn}/x.dcm`],
                        ["s3:ListBucket", arn],
                        ["s3:PutObject", `${arn}/x`],
                    ]) {
                        assert.ok(
                            denied(statements, action, resource, { "aws:SecureTransport": "false" }),
                            `${b.name}: ${action} over HTTP`,
                        );
                        assert.ok(
                            denied(statements, action, resource, {
                                "aws:SecureTransport": "true",
                                "s3:TlsVersion": "1.1",
                            }),
                            `${b.name}: ${action} over TLS 1.1`,
                        );
                    }
                    assert.ok(
                        !denied(statements, "s3:GetObject", `${arn}/x.dcm`, TLS),
                        `${b.name}: a TLS read is not denied`,
                    );
                }
            });

            it("the tier's buckets are versioned and encrypted; those holding data with a customer managed key and bucket keys", () => {
                const run = runs[stack];
                assert.strictEqual(
                    storageBuckets(run).length,
                    stack === "production" || stack === "locked" ? 4 : 2,
                    "media and its log bucket; in production also the DR replica and its log bucket",
                );
                for (const b of storageBuckets(run)) {
                    const v = onlyConfigOf(run, "aws:s3/bucketVersioning:BucketVersioning", b);
                    assert.deepStrictEqual(v.inputs.versioningConfiguration, { status: "Enabled" });
                    const sse = onlyConfigOf(
                        run,
                        "aws:s3/bucketServerSideEncryptionConfiguration:BucketServerSideEncryptionConfiguration",
                        b,
                    );
                    const rule = (sse.inputs.rules as Array<Record<string, Record<string, unknown>>>)[0];
                    if (b.name.endsWith("-access-logs")) {
                        // S3 server access logging cannot write to SSE-KMS buckets.
                        assert.strictEqual(rule.applyServerSideEncryptionByDefault.sseAlgorithm, "AES256");
                    } else {
                        assert.strictEqual(rule.applyServerSideEncryptionByDefault.sseAlgorithm, "aws:kms");
                        assert.match(String(rule.applyServerSideEncryptionByDefault.kmsMasterKeyId), /^arn:aws:kms:/);
                        assert.strictEqual(rule.bucketKeyEnabled, true);
                    }
                }
            });

            it("the media bucket is SSE-KMS with the data key, and uploads with another encryption or key are refused", () => {
                const run = runs[stack];
                const media = bucketNamed(run, "media");
                const sse = onlyConfigOf(
                    run,
                    "aws:s3/bucketServerSideEncryptionConfiguration:BucketServerSideEncryptionConfiguration",
                    media,
                );
                const rule = (sse.inputs.rules as Array<Record<string, Record<string, unknown>>>)[0];
                assert.strictEqual(rule.applyServerSideEncryptionByDefault.kmsMasterKeyId, keys[stack].data);
                const statements = policyOf(run, media);
                const object = `${media.outputs.arn}/patients/123/ct.dcm`;
                const dataKey = String(keys[stack].data);
                assert.ok(
                    !denied(statements, "s3:PutObject", object, { ...TLS }),
                    "no encryption header: the bucket default applies",
                );
                assert.ok(
                    !denied(statements, "s3:PutObject", object, {
                        ...TLS,
                        "s3:x-amz-server-side-encryption": "aws:kms",
                    }),
                );
                assert.ok(
                    !denied(statements, "s3:PutObject", object, {
                        ...TLS,
                        "s3:x-amz-server-side-encryption": "aws:kms",
                        "s3:x-amz-server-side-encryption-aws-kms-key-id": dataKey,
                    }),
                );
                assert.ok(
                    denied(statements, "s3:PutObject", object, {
                        ...TLS,
                        "s3:x-amz-server-side-encryption": "AES256",
                    }),
                    "SSE-S3",
                );
                assert.ok(
                    !denied(statements, "s3:PutObject", object, {
                        ...TLS,
                        "s3:x-amz-server-side-encryption": "aws:kms",
                        "s3:x-amz-server-side-encryption-aws-kms-key-id": dataKey.split("/").pop(),
                    }),
                    "the data key named by its id",
                );
                assert.ok(
                    denied(statements, "s3:PutObject", object, {
                        ...TLS,
                        "s3:x-amz-server-side-encryption": "aws:kms",
                        "s3:x-amz-server-side-encryption-aws-kms-key-id":
                            "arn:aws:kms:sa-east-1:999999999999:key/other",
                    }),
                    "another KMS key",
                );
                assert.ok(
                    denied(statements, "s3:PutObject", object, {
                        ...TLS,
                        "s3:x-amz-server-side-encryption-customer-algorithm": "AES256",
                    }),
                    "SSE-C",
                );
            });

            it("clinical files have their own rotating key, which every upload under their prefix must name", () => {
                const run = runs[stack];
                const media = bucketNamed(run, "media");
                const key = run.resources.find(
                    (r) => r.type === "aws:kms/key:Key" && r.name.endsWith("-storage-clinical"),
                );
                assert.ok(key, "a clinical-files key");
                assert.strictEqual(key.inputs.enableKeyRotation, true);
                assert.notStrictEqual(key.outputs.arn, keys[stack].data);
                const clinicalArn = String(key.outputs.arn);
                const statements = policyOf(run, media);
                const clinical = `${media.outputs.arn}/${CLINICAL_OBJECT_PREFIX}patients/123/ct.dcm`;
                const withKey = (k?: string) => ({
                    ...TLS,
                    "s3:x-amz-server-side-encryption": "aws:kms",
                    "s3:x-amz-server-side-encryption-aws-kms-key-id": k,
                });
                assert.ok(
                    !denied(statements, "s3:PutObject", clinical, withKey(clinicalArn)),
                    "the clinical key by ARN",
                );
                assert.ok(
                    !denied(statements, "s3:PutObject", clinical, withKey(clinicalArn.split("/").pop())),
                    "the clinical key by id",
                );
                assert.ok(
                    denied(statements, "s3:PutObject", clinical, { ...TLS }),
                    "no key named: the data key default would apply",
                );
                assert.ok(
                    denied(statements, "s3:PutObject", clinical, withKey(String(keys[stack].data))),
                    "the data key",
                );
                assert.ok(
                    !denied(statements, "s3:PutObject", `${media.outputs.arn}/wp-content/uploads/logo.png`, {
                        ...TLS,
                    }),
                    "public media keep the default",
                );
            });

            it("the media bucket logs access to the log bucket, which accepts logs from it only", () => {
                const run = runs[stack];
                const media = bucketNamed(run, "media");
                const logs = bucketNamed(run, "access-logs");
                const logging = onlyConfigOf(run, "aws:s3/bucketLogging:BucketLogging", media);
                assert.strictEqual(logging.inputs.targetBucket, logs.outputs.bucket);
                const grant = policyOf(run, logs).find((s) => s.Effect === "Allow");
                assert.ok(grant);
                assert.deepStrictEqual(grant.Principal, { Service: "logging.s3.amazonaws.com" });
                assert.strictEqual(grant.Action, "s3:PutObject");
                assert.strictEqual(grant.Resource, `${logs.outputs.arn}/${logging.inputs.targetPrefix}*`);
                assert.deepStrictEqual(grant.Condition?.ArnLike, { "aws:SourceArn": media.outputs.arn });
                assert.ok(grant.Condition?.StringEquals["aws:SourceAccount"]);
                const expiry = onlyConfigOf(
                    run,
                    "aws:s3/bucketLifecycleConfiguration:BucketLifecycleConfiguration",
                    logs,
                );
                const days = (expiry.inputs.rules as Array<{ expiration?: { days?: number } }>).map(
                    (r) => r.expiration?.days,
                );
                const retention = Number(
                    applyOverrides(readStackConfig(stack === "locked" ? "production" : stack))["hms:logRetentionDays"],
                );
                assert.deepStrictEqual(days, [retention]);
                assert.ok(
                    (logs.inputs.tags as Record<string, string>).BackupExempt,
                    "the log bucket says why it is not backed up",
                );
            });

            it("every bucket holding patient data has server access logs in its region and CloudTrail data events", () => {
                const run = runs[stack];
                const patientData = buckets(run).filter(
                    (b) =>
                        (b.inputs.tags as Record<string, string> | undefined)?.DataClassification === "phi-restricted",
                );
                if (stack === "development") {
                    assert.deepStrictEqual(patientData, [], "development holds synthetic data only");
                    return;
                }
                assert.strictEqual(
                    patientData.length,
                    stack === "staging" ? 1 : 2,
                    "the media bucket (and its DR replica)",
                );
                const [trail] = ofType(run, "aws:cloudtrail/trail:Trail");
                assert.ok(trail, "a trail");
                assert.strictEqual(trail.inputs.isMultiRegionTrail, true, "a replica in another region is logged too");
                const selectors = trail.inputs.advancedEventSelectors as Array<{
                    fieldSelectors: Array<{ field: string; equals?: string[]; startsWiths?: string[] }>;
                }>;
                for (const b of patientData) {
                    const logging = onlyConfigOf(run, "aws:s3/bucketLogging:BucketLogging", b);
                    const target = buckets(run).find((l) => l.outputs.bucket === logging.inputs.targetBucket);
                    assert.ok(target, `${b.name}: logs to a bucket of this stack`);
                    // S3 delivers server access logs only to a bucket in the source's region.
                    assert.strictEqual(target.inputs.region, b.inputs.region, `${b.name}: log bucket in its region`);
                    assert.strictEqual(logging.inputs.region, b.inputs.region);
                    const sse = onlyConfigOf(
                        run,
                        "aws:s3/bucketServerSideEncryptionConfiguration:BucketServerSideEncryptionConfiguration",
                        target,
                    ).inputs.rules as Array<{ applyServerSideEncryptionByDefault: { sseAlgorithm: string } }>;
                    assert.strictEqual(sse[0].applyServerSideEncryptionByDefault.sseAlgorithm, "AES256");
                    const pab = onlyConfigOf(run, "aws:s3/bucketPublicAccessBlock:BucketPublicAccessBlock", target);
                    assert.strictEqual(pab.inputs.restrictPublicBuckets, true);
                    assert.strictEqual(pab.inputs.blockPublicPolicy, true);
                    const rules = onlyConfigOf(
                        run,
                        "aws:s3/bucketLifecycleConfiguration:BucketLifecycleConfiguration",
                        target,
                    ).inputs.rules as Array<{ expiration?: { days?: number } }>;
                    assert.ok(
                        rules.some((r) => (r.expiration?.days ?? 0) > 0),
                        `${target.name}: logs expire`,
                    );
                    const grant = policyOf(run, target).find((st) => st.Effect === "Allow");
                    assert.deepStrictEqual(grant?.Condition?.ArnLike, { "aws:SourceArn": b.outputs.arn });
                    assert.strictEqual(grant?.Resource, `${target.outputs.arn}/${logging.inputs.targetPrefix}*`);
                    assert.ok(
                        selectors.some(
                            (sel) =>
                                sel.fieldSelectors.some(
                                    (f) => f.field === "eventCategory" && f.equals?.includes("Data"),
                                ) &&
                                sel.fieldSelectors.some(
                                    (f) => f.field === "resources.type" && f.equals?.includes("AWS::S3::Object"),
                                ) &&
                                sel.fieldSelectors.some(
                                    (f) => f.field === "resources.ARN" && f.startsWiths?.includes(`${b.outputs.arn}/`),
                                ),
                        ),
                        `${b.name}: CloudTrail logs its object-level events`,
                    );
                }
            });

            it("lifecycle: noncurrent versions to colder storage, then deleted; incomplete uploads aborted", () => {
                const run = runs[stack];
                const media = bucketNamed(run, "media");
                const rules = onlyConfigOf(
                    run,
                    "aws:s3/bucketLifecycleConfiguration:BucketLifecycleConfiguration",
                    media,
                ).inputs.rules as Array<Record<string, unknown>>;
                const enabled = rules.filter((r) => r.status === "Enabled");
                const noncurrent = enabled.find((r) => r.noncurrentVersionTransitions);
                assert.deepStrictEqual(noncurrent?.noncurrentVersionTransitions, [
                    { noncurrentDays: 30, storageClass: "GLACIER_IR" },
                ]);
                assert.deepStrictEqual(noncurrent?.noncurrentVersionExpiration, { noncurrentDays: 365 });
                assert.ok(
                    enabled.some(
                        (r) =>
                            (r.abortIncompleteMultipartUpload as { daysAfterInitiation?: number })
                                ?.daysAfterInitiation === 7,
                    ),
                );
                // The current version of a medical image never expires.
                assert.ok(enabled.every((r) => (r.expiration as { days?: number } | undefined)?.days === undefined));
            });

            it("the access policy grants this bucket's objects and the data key through S3, nothing else", () => {
                const run = runs[stack];
                const media = bucketNamed(run, "media");
                const policies = ofType(run, "aws:iam/policy:Policy").filter((p) =>
                    p.name.endsWith("-storage-media-access"),
                );
                assert.strictEqual(policies.length, 1);
                const statements = JSON.parse(String(policies[0].inputs.policy)).Statement as Statement[];
                const arn = String(media.outputs.arn);
                for (const s of statements) {
                    assert.strictEqual(s.Effect, "Allow");
                    for (const r of list(s.Resource)) {
                        assert.ok(
                            [arn, `${arn}/*`, keys[stack].data, clinicalKeyArn(run)].includes(r),
                            `resource ${r}`,
                        );
                    }
                    for (const a of list(s.Action)) {
                        assert.ok(!a.endsWith("*"), `no wildcard actions: ${a}`);
                        assert.ok(
                            !/DeleteObjectVersion|PutBucket|DeleteBucket|BypassGovernance/.test(a),
                            `servers may not ${a}`,
                        );
                    }
                }
                const actions = statements.flatMap((s) => list(s.Action));
                for (const a of [
                    "s3:GetObject",
                    "s3:PutObject",
                    "s3:DeleteObject",
                    "s3:ListBucket",
                    "kms:GenerateDataKey",
                    "kms:Decrypt",
                ]) {
                    assert.ok(actions.includes(a), a);
                }
                const kms = statements.find((s) => list(s.Action).includes("kms:Decrypt"));
                assert.deepStrictEqual(kms?.Condition?.StringEquals, {
                    "kms:ViaService": "s3.sa-east-1.amazonaws.com",
                });
            });
        });
    }

    it("development creates its own bucket, apart from production's and staging's", () => {
        const names = ["production", "staging", "development"].map((s) =>
            String(bucketNamed(runs[s], "media").outputs.bucket),
        );
        assert.strictEqual(new Set(names).size, 3);
        assert.match(names[2], /^hms-development-storage-media-/);
        names.forEach((n) =>
            assert.ok(n.length <= 63 && /^[a-z0-9][a-z0-9-]*[a-z0-9]$/.test(n), `valid bucket name: ${n}`),
        );
        // Development's cloud footprint: no VPC, no servers, no database.
        for (const t of ["aws:ec2/vpc:Vpc", "aws:ec2/instance:Instance", "aws:rds/cluster:Cluster"]) {
            assert.strictEqual(ofType(runs.development, t).length, 0, t);
        }
    });

    it("the media bucket is classified: patients' data in production and staging, synthetic data in development", () => {
        const tag = (s: string) =>
            (bucketNamed(runs[s], "media").inputs.tags as Record<string, string>).DataClassification;
        assert.deepStrictEqual(["production", "staging", "development"].map(tag), [
            "phi-restricted",
            "phi-restricted",
            "synthetic-test-data",
        ]);
    });

    it("buckets are protected (and never force-destroyed) where data is protected", () => {
        for (const [stack, protect] of [
            ["production", true],
            ["staging", true],
            ["development", false],
        ] as const) {
            for (const b of storageBuckets(runs[stack])) {
                assert.strictEqual(b.protect, protect, `${stack} ${b.name}: protect`);
                assert.strictEqual(b.inputs.forceDestroy, !protect, `${stack} ${b.name}: forceDestroy`);
            }
        }
    });

    describe("replication to the DR region", () => {
        it("production replicates every version to a bucket in the DR region, encrypted with the DR key", () => {
            const run = runs.production;
            const media = bucketNamed(run, "media");
            const replica = bucketNamed(run, "replica");
            assert.strictEqual(replica.inputs.region, "us-east-1");
            const sse = onlyConfigOf(
                run,
                "aws:s3/bucketServerSideEncryptionConfiguration:BucketServerSideEncryptionConfiguration",
                replica,
            );
            const drKey = keys.production.dr;
            assert.match(String(drKey), /^arn:aws:kms:us-east-1:/);
            assert.strictEqual(
                (sse.inputs.rules as Array<Record<string, Record<string, unknown>>>)[0]
                    .applyServerSideEncryptionByDefault.kmsMasterKeyId,
                drKey,
            );

            const repl = onlyConfigOf(run, "aws:s3/bucketReplicationConfig:BucketReplicationConfig", media);
            const [rule] = repl.inputs.rules as Array<Record<string, Record<string, unknown>>>;
            assert.strictEqual(rule.status as unknown, "Enabled");
            assert.deepStrictEqual(rule.filter, { prefix: "" });
            assert.strictEqual(rule.destination.bucket, replica.outputs.arn);
            assert.deepStrictEqual(rule.destination.encryptionConfiguration, { replicaKmsKeyId: drKey });
            assert.deepStrictEqual(rule.sourceSelectionCriteria, { sseKmsEncryptedObjects: { status: "Enabled" } });
            // Replication needs versioning on both sides first.
            for (const b of [media, replica]) {
                const v = onlyConfigOf(run, "aws:s3/bucketVersioning:BucketVersioning", b);
                assert.ok(repl.dependencies.includes(v.urn), `replication waits for versioning of ${b.name}`);
            }

            const role = ofType(run, "aws:iam/role:Role").find((r) => r.outputs.arn === repl.inputs.role);
            assert.ok(role, "replication role");
            const trust = JSON.parse(String(role.inputs.assumeRolePolicy)).Statement[0];
            assert.deepStrictEqual(trust.Principal, { Service: "s3.amazonaws.com" });
            const perms = ofType(run, "aws:iam/rolePolicy:RolePolicy").find((p) => p.inputs.role === role.id);
            assert.ok(perms);
            const statements = JSON.parse(String(perms.inputs.policy)).Statement as Statement[];
            const grants = (action: string) =>
                statements.filter((s) => list(s.Action).includes(action)).flatMap((s) => list(s.Resource));
            assert.deepStrictEqual(grants("s3:ReplicateObject"), [`${replica.outputs.arn}/*`]);
            assert.deepStrictEqual(grants("s3:GetObjectVersionForReplication"), [`${media.outputs.arn}/*`]);
            assert.deepStrictEqual(
                grants("kms:Decrypt"),
                [keys.production.data, clinicalKeyArn(run)],
                "clinical files replicate too",
            );
            assert.deepStrictEqual(grants("kms:Encrypt"), [drKey]);
        });

        it("staging and development keep their files in one region (backup copies go to the DR vault)", () => {
            for (const s of ["staging", "development"]) {
                assert.strictEqual(
                    ofType(runs[s], "aws:s3/bucketReplicationConfig:BucketReplicationConfig").length,
                    0,
                    s,
                );
                assert.ok(
                    buckets(runs[s]).every((b) => b.inputs.region === "sa-east-1"),
                    s,
                );
            }
        });
    });

    describe("Object Lock (hms:storageObjectLockEnabled)", () => {
        it("is off unless configured", () => {
            // The storage tier's buckets (the audit trail's are always locked: Security).
            const storageLocks = ofType(
                runs.production,
                "aws:s3/bucketObjectLockConfiguration:BucketObjectLockConfiguration",
            ).filter((r) => /-storage-/.test(r.name));
            assert.strictEqual(storageLocks.length, 0);
            assert.ok(
                buckets(runs.production)
                    .filter((b) => /-storage-/.test(b.name))
                    .every((b) => !b.inputs.objectLockEnabled),
            );
        });

        it("when on (production's config, Storage built alone), the media bucket is created with Object Lock and a default retention from config; so is its replica", () => {
            const run = runs.locked;
            const media = bucketNamed(run, "media");
            assert.strictEqual(media.inputs.objectLockEnabled, true);
            assert.strictEqual(bucketNamed(run, "replica").inputs.objectLockEnabled, true);
            assert.ok(
                !bucketNamed(run, "access-logs").inputs.objectLockEnabled,
                "log delivery cannot target Object Lock buckets",
            );
            const lock = onlyConfigOf(run, "aws:s3/bucketObjectLockConfiguration:BucketObjectLockConfiguration", media);
            assert.deepStrictEqual(lock.inputs.rule, { defaultRetention: { mode: "COMPLIANCE", days: 2555 } });
            const perms = ofType(run, "aws:iam/rolePolicy:RolePolicy").find((p) =>
                p.name.endsWith("-storage-replication"),
            );
            assert.match(String(perms?.inputs.policy), /s3:GetObjectRetention/);
        });
    });

    describe("configuration", () => {
        const parse = (overrides: Record<string, unknown>) => parseStack("production", overrides);
        const problemsOf = (overrides: Record<string, unknown>): string[] => configProblems("production", overrides);

        it("a data classification is one of the known ones, named in the error", () => {
            assert.strictEqual(parse({ storageDataClassification: "internal" }).storage.dataClassification, "internal");
            const problems = problemsOf({ storageDataClassification: "secret" });
            assert.ok(
                problems.some(
                    (p) =>
                        p.startsWith('hms:storageDataClassification = "secret": must be one of') &&
                        p.includes("phi-restricted"),
                ),
                problems.join("\n"),
            );
        });

        it("noncurrent versions must expire after they move to colder storage", () => {
            const problems = problemsOf({ storageNoncurrentTransitionDays: 90, storageNoncurrentExpirationDays: 60 });
            assert.ok(
                problems.some((p) => p.startsWith("hms:storageNoncurrentExpirationDays = ")),
                problems.join("\n"),
            );
        });
    });
});
