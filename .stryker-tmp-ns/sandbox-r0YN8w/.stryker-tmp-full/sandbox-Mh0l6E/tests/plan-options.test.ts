// @ts-nocheck
// 
// Resource options in the plan JSON (DESIGN.md, "Offline plan contract"):
// taken from the registration requests the program makes, as the engine
// receives them, for every option the contract lists.

import * as assert from "assert";
import * as pulumi from "@pulumi/pulumi";
import * as aws from "@pulumi/aws";
import { useMocks } from "../tools/mocks";
import { buildResources } from "../tools/plan-resources";
import { planJson, PlanResult } from "../tools/plan";
import { settle, StackRun } from "../tools/stack";

class Holder extends pulumi.ComponentResource {
    constructor(name: string, opts?: pulumi.ComponentResourceOptions) {
        super("hms:test:Holder", name, {}, opts);
        this.registerOutputs({});
    }
}

type JsonResource = Record<string, unknown> & { urn: string; name: string };

async function plan(create: () => void): Promise<JsonResource[]> {
    const monitor = useMocks("hms", "options-test");
    pulumi.runtime.setAllConfig({ "aws:region": "sa-east-1" }, []);
    create();
    await settle(monitor);
    const run: StackRun = {
        stack: "options-test",
        resources: [...monitor.recorded],
        invokes: [],
        outputs: {},
        monitor,
    };
    const resources = buildResources(run, "hms", { "aws:region": "sa-east-1" });
    const result = {
        project: "hms",
        stack: "options-test",
        resources,
        policies: { pack: "none", violations: [] },
    } as unknown as PlanResult;
    return (planJson(result) as { resources: JsonResource[] }).resources;
}

describe("plan JSON: resource options from the registration requests", () => {
    it("records ignoreChanges, deleteBeforeReplace, replaceOnChanges, retainOnDelete, customTimeouts, aliases and the provider", async () => {
        const resources = await plan(() => {
            const holder = new Holder("holder");
            const provider = new aws.Provider("explicit", { region: "us-east-1" }, { parent: holder });
            new aws.s3.Bucket(
                "with-options",
                {},
                {
                    parent: holder,
                    provider,
                    ignoreChanges: ["tags"],
                    deleteBeforeReplace: true,
                    replaceOnChanges: ["bucket"],
                    retainOnDelete: true,
                    customTimeouts: { create: "10m", delete: "1h" },
                    aliases: [
                        { name: "old-name" },
                        { name: "moved", stack: "other", parent: "urn:pulumi:other::hms::hms:test:Old::old" },
                        "urn:pulumi:options-test::hms::aws:s3/bucket:Bucket::legacy",
                    ],
                },
            );
            new aws.s3.Bucket("plain", {}, { parent: holder });
        });
        const byName = (n: string) => resources.find((r) => r.name === n)!;
        const r = byName("with-options");
        const explicit = byName("explicit");
        assert.deepStrictEqual(
            {
                ignoreChanges: r.ignoreChanges,
                deleteBeforeReplace: r.deleteBeforeReplace,
                replaceOnChanges: r.replaceOnChanges,
                retainOnDelete: r.retainOnDelete,
                customTimeouts: r.customTimeouts,
                provider: r.provider,
            },
            {
                ignoreChanges: ["tags"],
                deleteBeforeReplace: true,
                replaceOnChanges: ["bucket"],
                retainOnDelete: true,
                customTimeouts: { create: "10m", delete: "1h" },
                provider: explicit.urn,
            },
        );
        // An alias spec becomes the URN the engine derives: the parent's URN up to its name, `$type::name`.
        const holder = byName("holder");
        const expected = [
            `${holder.urn.slice(0, holder.urn.lastIndexOf("::"))}$aws:s3/bucket:Bucket::old-name`,
            "urn:pulumi:other::hms::hms:test:Old$aws:s3/bucket:Bucket::moved",
            "urn:pulumi:options-test::hms::aws:s3/bucket:Bucket::legacy",
        ];
        // The SDK adds the provider's own type aliases (the Bucket was once BucketV2): the engine gets those too.
        assert.deepStrictEqual(
            (r.aliases as string[]).filter((a) => !a.includes("bucketV2:BucketV2")).sort(),
            expected.sort(),
        );

        // Unset options read as the engine's defaults; a default provider is named and is in the plan.
        const plain = byName("plain");
        assert.deepStrictEqual(
            [
                plain.ignoreChanges,
                plain.deleteBeforeReplace,
                plain.replaceOnChanges,
                plain.retainOnDelete,
                plain.customTimeouts,
                (plain.aliases as string[]).filter((a) => !a.includes("bucketV2:BucketV2")),
            ],
            [[], false, [], false, null, []],
        );
        assert.match(
            String(plain.provider),
            /^urn:pulumi:options-test::hms::pulumi:providers:aws::default_\d+_\d+_\d+$/,
        );
        assert.ok(resources.some((x) => x.urn === plain.provider));
        assert.strictEqual(holder.provider, null);
    });
});
