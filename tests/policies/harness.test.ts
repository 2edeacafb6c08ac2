// The harness behaves like the Pulumi CLI + @pulumi/policy, and the pack's
// helpers read those arguments safely. Probe policies below observe exactly
// what a policy receives.

import * as assert from "node:assert/strict";
import * as aws from "@pulumi/aws";
import {
    PolicyResource,
    ResourceValidation,
    ResourceValidationArgs,
    ResourceValidationPolicy,
    StackValidationArgs,
    StackValidationPolicy,
    validateResourceOfType,
} from "@pulumi/policy";
import { configWithDefaults } from "../../policies/lib/config";
import { matchesIdentity, regionOf, tagValue } from "../../policies/lib/resources";
import { isCustomerManagedKey, validateResourceOfTypes } from "../../policies/lib/validate";
import {
    all,
    any,
    asArray,
    hasUnknown,
    isUnknown,
    knownString,
    not,
    parseJsonDocument,
    plain,
} from "../../policies/lib/values";
import { arnGlob } from "../../policies/backup";
import { deniesInsecureTransport, tlsParameterFor } from "../../policies/transport";
import {
    analyzeResource,
    analyzeStack,
    awsProvider,
    deps,
    DR_REGION,
    REGION,
    resource,
    secret,
    UNKNOWN,
} from "./harness";

const base = { description: "probe", enforcementLevel: "mandatory" as const };

describe("policies test harness", () => {
    it("hands resource policies the SDK's arguments: type, name, urn, options, provider, isType/asType", async () => {
        let seen: ResourceValidationArgs | undefined;
        const probe: ResourceValidationPolicy = {
            ...base,
            name: "probe",
            validateResource: (args) => void (seen = args),
        };
        const r = resource(
            aws.s3.Bucket,
            "media",
            { bucket: "hms-media" },
            { protect: true, parent: "urn:pulumi:production::hms::hms:storage:Storage::storage" },
        );
        await analyzeResource(probe, r);
        assert.ok(seen);
        assert.equal(seen.type, "aws:s3/bucket:Bucket");
        assert.equal(seen.name, "media");
        assert.equal(seen.urn, r.urn);
        assert.equal(seen.opts.protect, true);
        assert.equal(seen.opts.parent, "urn:pulumi:production::hms::hms:storage:Storage::storage");
        assert.equal(seen.provider?.type, "pulumi:providers:aws");
        assert.equal(seen.isType(aws.s3.Bucket), true);
        assert.equal(seen.isType(aws.s3.BucketPolicy), false);
        assert.equal(seen.asType(aws.s3.Bucket)?.bucket, "hms-media");
    });

    it("makes unknown values throw through the SDK's proxy (a naive policy gets a preview note) while plain() reads them", async () => {
        let copied: unknown;
        const naive: ResourceValidationPolicy = {
            ...base,
            name: "naive",
            validateResource: validateResourceOfType(aws.s3.Bucket, (bucket) => {
                copied = plain(bucket);
                if (bucket.bucket === "x") {
                    throw new Error("unreachable: reading an unknown throws first");
                }
            }),
        };
        const o = await analyzeResource(
            naive,
            resource(aws.s3.Bucket, "media", { bucket: UNKNOWN, forceDestroy: false, tags: { Owner: UNKNOWN } }),
        );
        assert.equal(o.previewNotes.length, 1);
        assert.match(
            o.previewNotes[0],
            /can't run policy 'naive'.*during preview: string value at \.bucket can't be known during preview/,
        );
        assert.deepEqual(copied, { bucket: UNKNOWN, forceDestroy: false, tags: { Owner: UNKNOWN } });
        assert.equal(isUnknown((copied as { bucket: unknown }).bucket), true);
    });

    it("unwraps secrets before policies see them", async () => {
        let seen: unknown;
        const probe: ResourceValidationPolicy = {
            ...base,
            name: "probe",
            validateResource: (args) => void (seen = plain(args.props)),
        };
        await analyzeResource(
            probe,
            resource(aws.secretsmanager.SecretVersion, "auth", { secretId: UNKNOWN, secretString: secret("hunter2") }),
        );
        assert.deepEqual(seen, { secretId: UNKNOWN, secretString: "hunter2" });
    });

    it("delivers config the way the CLI reconciles it: schema defaults, then given values; bare gives {}", async () => {
        const configs: unknown[] = [];
        const probe: ResourceValidationPolicy = {
            ...base,
            name: "probe",
            configSchema: { properties: { days: { type: "integer", default: 30 }, label: { type: "string" } } },
            validateResource: (args) => void configs.push(args.getConfig()),
        };
        const r = resource(aws.s3.Bucket, "media", {});
        await analyzeResource(probe, r);
        await analyzeResource(probe, r, { probe: { label: "x" } });
        await analyzeResource(probe, r, { probe: { days: 45 } });
        await analyzeResource(probe, r, "bare");
        assert.deepEqual(configs, [{ days: 30 }, { days: 30, label: "x" }, { days: 45 }, {}]);
        assert.deepEqual(configWithDefaults(probe.configSchema!, {}), { days: 30 });
    });

    it("links stack resources: parent, dependencies and property dependencies become resource objects", async () => {
        let seen: StackValidationArgs | undefined;
        const probe: StackValidationPolicy = { ...base, name: "probe", validateStack: (args) => void (seen = args) };
        const bucket = resource(aws.s3.Bucket, "media", { bucket: "hms-media" });
        const policy = resource(
            aws.s3.BucketPolicy,
            "media-policy",
            { bucket: UNKNOWN, policy: UNKNOWN },
            { parent: bucket.urn, propertyDependencies: deps({ bucket }) },
        );
        await analyzeStack(probe, [bucket, policy]);
        const p = seen!.resources.find((r) => r.name === "media-policy") as PolicyResource;
        assert.equal(p.parent?.name, "media");
        assert.deepEqual(
            p.dependencies.map((d) => d.name),
            ["media"],
        );
        assert.deepEqual(
            p.propertyDependencies.bucket.map((d) => d.urn),
            [bucket.urn],
        );
    });

    it("reports the policy's enforcement level and the resource's URN on violations", async () => {
        const probe: ResourceValidationPolicy = {
            ...base,
            name: "probe",
            enforcementLevel: "advisory",
            validateResource: (_args, report) => report("found"),
        };
        const r = resource(aws.s3.Bucket, "media", {});
        const o = await analyzeResource(probe, r);
        assert.deepEqual(o.violations, [{ policy: "probe", message: "found", urn: r.urn, level: "advisory" }]);
    });
});

describe("policies/lib", () => {
    it("plain() copies through the SDK proxy, keeping unknowns; hasUnknown finds nested ones", async () => {
        let copy: Record<string, unknown> = {};
        const probe: ResourceValidationPolicy = {
            ...base,
            name: "probe",
            validateResource: (args) => void (copy = plain(args.props)),
        };
        await analyzeResource(
            probe,
            resource(aws.ec2.SecurityGroup, "sg", {
                ingress: [{ protocol: "tcp", fromPort: 443, toPort: 443, cidrBlocks: [UNKNOWN] }],
            }),
        );
        assert.equal(hasUnknown(copy.ingress), true);
        assert.equal(hasUnknown({ a: [1, { b: "x" }] }), false);
        assert.equal(Array.isArray(copy.ingress), true);
    });

    it("uses three-valued logic", () => {
        assert.equal(all([true, undefined]), undefined);
        assert.equal(all([undefined, false]), false);
        assert.equal(any([false, undefined]), undefined);
        assert.equal(any([undefined, true]), true);
        assert.equal(any([]), false);
    });

    it("says a type is not applicable with the SDK's error, its reason kept, its frames not collected", async () => {
        let thrown: unknown;
        const probe: ResourceValidationPolicy = {
            ...base,
            name: "probe",
            validateResource: validateResourceOfTypes([aws.rds.Cluster], "RDS clusters", () => undefined),
        };
        const observed: ResourceValidationPolicy = {
            ...probe,
            validateResource: (args, report) => {
                try {
                    return (probe.validateResource as ResourceValidation)(args, report);
                } catch (e) {
                    thrown = e;
                    throw e;
                }
            },
        };
        const limit = Error.stackTraceLimit;
        const o = await analyzeResource(observed, resource(aws.s3.Bucket, "media", { bucket: "hms-media" }));
        assert.deepEqual(o.notApplicable, [{ policy: "probe", reason: "Policy only applies to RDS clusters" }]);
        assert.ok(thrown instanceof Error);
        assert.doesNotMatch(String(thrown.stack), /\n\s+at /, "no frame was collected");
        assert.equal(Error.stackTraceLimit, limit, "the limit is restored");
        // A resource of the type is validated.
        assert.deepEqual((await analyzeResource(probe, resource(aws.rds.Cluster, "db", {}))).notApplicable, []);
    });

    it("tells customer managed keys from AWS managed ones", () => {
        assert.equal(
            isCustomerManagedKey("arn:aws:kms:sa-east-1:123456789012:key/2f1c9d4e-7b3a-4c5d-9e8f-0a1b2c3d4e5f"),
            true,
        );
        assert.equal(isCustomerManagedKey("alias/hms-production-data"), true);
        assert.equal(isCustomerManagedKey("alias/aws/s3"), false);
        assert.equal(isCustomerManagedKey("arn:aws:kms:sa-east-1:123456789012:alias/aws/rds"), false);
        assert.equal(isCustomerManagedKey(undefined), false);
        assert.equal(isCustomerManagedKey(UNKNOWN), undefined);
    });

    it("reads regions and tags from the resource and its provider", async () => {
        let bucket: PolicyResource | undefined;
        let replica: PolicyResource | undefined;
        const probe: StackValidationPolicy = {
            ...base,
            name: "probe",
            validateStack: (args) => {
                bucket = args.resources.find((r) => r.name === "media");
                replica = args.resources.find((r) => r.name === "replica");
            },
        };
        await analyzeStack(probe, [
            resource(aws.s3.Bucket, "media", { tags: { Name: "media" } }),
            resource(aws.s3.Bucket, "replica", { region: DR_REGION, tags: UNKNOWN }, { provider: awsProvider(REGION) }),
        ]);
        assert.equal(regionOf(bucket!), REGION);
        assert.equal(regionOf(replica!), DR_REGION);
        assert.equal(tagValue(bucket!, "Environment"), "production"); // the provider's defaultTags
        assert.equal(tagValue(bucket!, "Name"), "media");
        assert.equal(tagValue(bucket!, "BackupExempt"), null);
        assert.equal(tagValue(replica!, "BackupExempt"), undefined);
    });

    it("matches AWS Backup ARN wildcards and recognises TLS-only statements and parameters", () => {
        assert.equal(arnGlob("arn:aws:rds:*:*:cluster:*", "arn:aws:rds:sa-east-1:123456789012:cluster:hms-db"), true);
        assert.equal(arnGlob("arn:aws:rds:*:*:cluster:*", "arn:aws:rds:sa-east-1:123456789012:db:hms-db"), false);
        assert.equal(
            deniesInsecureTransport({
                Effect: "Deny",
                Principal: "*",
                Action: "s3:*",
                Condition: { Bool: { "aws:SecureTransport": "false" } },
            }),
            true,
        );
        assert.equal(
            deniesInsecureTransport({
                Effect: "Deny",
                Principal: "*",
                Action: "s3:GetObject",
                Condition: { Bool: { "aws:SecureTransport": "false" } },
            }),
            false,
        );
        assert.equal(
            deniesInsecureTransport({
                Effect: "Deny",
                Principal: UNKNOWN,
                Action: "s3:*",
                Condition: { Bool: { "aws:SecureTransport": "false" } },
            }),
            undefined,
        );
        assert.deepEqual(tlsParameterFor("aurora-mysql8.0"), {
            name: "require_secure_transport",
            accepted: ["on", "1"],
        });
        assert.equal(tlsParameterFor("oracle-ee-19")?.name, undefined);
    });

    it("three-valued logic: true only when every value is true; not() keeps unknown", () => {
        assert.equal(all([true, true]), true);
        assert.equal(all([]), true);
        assert.equal(not(undefined), undefined);
        assert.equal(not(true), false);
        assert.equal(not(false), true);
        assert.equal(hasUnknown([1, [2, UNKNOWN]]), true);
        assert.equal(isUnknown({}), false);
    });

    it("reads known strings and JSON documents; anything else is undefined", () => {
        assert.equal(knownString("hms"), "hms");
        for (const v of ["", UNKNOWN, 5, undefined, null]) {
            assert.equal(knownString(v), undefined, String(v));
        }
        assert.deepEqual(parseJsonDocument('{"tags":{"A":"b"}}'), { tags: { A: "b" } });
        assert.deepEqual(parseJsonDocument({ Statement: [] }), { Statement: [] });
        for (const v of [undefined, null, UNKNOWN, "{not json", "5", "null", 5]) {
            assert.equal(parseJsonDocument(v), undefined, String(v));
        }
    });

    it("matches a reference with a resource's identities: absent names nothing, nothing known cannot tell", () => {
        assert.equal(matchesIdentity(undefined, ["hms"], false), false);
        assert.equal(matchesIdentity(null, [undefined], false), false);
        assert.equal(matchesIdentity("hms", ["hms", undefined], false), true);
        assert.equal(matchesIdentity("other", ["hms", undefined], false), false);
        assert.equal(matchesIdentity("hms", [undefined, UNKNOWN], false), undefined);
        assert.equal(matchesIdentity(UNKNOWN, ["hms"], false), undefined);
        assert.equal(matchesIdentity(UNKNOWN, ["hms"], true), false);
        assert.equal(matchesIdentity(5, ["5"], false), false);
        assert.equal(matchesIdentity(undefined, [], false), false);
    });

    it("takes absent or null lists and config values as not given", () => {
        assert.deepEqual(asArray(null), []);
        assert.deepEqual(asArray(undefined), []);
        assert.deepEqual(asArray("x"), ["x"]);
        const schema = {
            properties: { days: { type: "integer" as const, default: 30 }, other: { type: "string" as const } },
        };
        assert.deepEqual(configWithDefaults(schema, { days: null as unknown as number }), { days: 30 });
        assert.deepEqual(configWithDefaults(schema, { days: undefined }), { days: 30 });
        assert.deepEqual(configWithDefaults(schema, { days: 7 }), { days: 7 });
    });

    it("reads tags from every source, and cannot tell while one of them is unknown", async () => {
        const seen = new Map<string, PolicyResource>();
        const probe: StackValidationPolicy = {
            ...base,
            name: "probe",
            validateStack: (args) => args.resources.forEach((r) => seen.set(r.name, r)),
        };
        const bare = {
            type: "pulumi:providers:aws",
            name: "bare",
            urn: "urn:pulumi:production::hms::pulumi:providers:aws::bare",
            props: { region: REGION },
        };
        const unknownDefaults = {
            ...bare,
            name: "u",
            urn: `${bare.urn}-u`,
            props: { region: REGION, defaultTags: UNKNOWN },
        };
        await analyzeStack(probe, [
            resource(aws.s3.Bucket, "no-provider", { tags: null }, { provider: null }),
            resource(aws.s3.Bucket, "bare", { tagsAll: { Owner: "ti" } }, { provider: bare }),
            resource(aws.s3.Bucket, "unknown-defaults", { tags: { Name: "x" } }, { provider: unknownDefaults }),
            resource(aws.s3.Bucket, "unknown-value", { tags: { Backup: UNKNOWN } }, { provider: bare }),
        ]);
        assert.equal(tagValue(seen.get("no-provider")!, "Name"), null);
        assert.equal(tagValue(seen.get("bare")!, "Owner"), "ti");
        assert.equal(tagValue(seen.get("bare")!, "Environment"), null);
        assert.equal(tagValue(seen.get("unknown-defaults")!, "Name"), "x");
        assert.equal(tagValue(seen.get("unknown-defaults")!, "Environment"), undefined);
        assert.equal(tagValue(seen.get("unknown-value")!, "Backup"), undefined);
        assert.equal(tagValue(seen.get("unknown-value")!, "Owner"), undefined);
        assert.equal(regionOf(seen.get("no-provider")!), undefined);
    });
});
