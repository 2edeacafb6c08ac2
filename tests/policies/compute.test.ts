import * as assert from "node:assert/strict";
import * as aws from "@pulumi/aws";
import * as compute from "../../policies/compute";
import { analyzeResource, configProblems, messages, Outcome, resource, UNKNOWN } from "./harness";

function clean(o: Outcome): void {
    assert.deepEqual(o.violations, []);
    assert.deepEqual(o.previewNotes, []);
}

describe("policies/compute", () => {
    describe("ec2-imdsv2-required", () => {
        const policy = compute.ec2Imdsv2;
        const imdsV2Only = {
            httpEndpoint: "enabled",
            httpTokens: "required",
            httpPutResponseHopLimit: 1,
            instanceMetadataTags: "enabled",
        };
        const instance = (extra: Record<string, unknown>) =>
            resource(aws.ec2.Instance, "app-1", { ami: "ami-0abc", instanceType: "m6i.2xlarge", ...extra });

        it("accepts IMDSv2 only on instances and launch templates", async () => {
            clean(await analyzeResource(policy, instance({ metadataOptions: imdsV2Only })));
            clean(
                await analyzeResource(
                    policy,
                    resource(aws.ec2.LaunchTemplate, "lt", { imageId: "ami-0abc", metadataOptions: imdsV2Only }),
                ),
            );
        });

        it("accepts a disabled metadata service and a launch-template instance", async () => {
            clean(await analyzeResource(policy, instance({ metadataOptions: { httpEndpoint: "disabled" } })));
            clean(await analyzeResource(policy, instance({ launchTemplate: { id: UNKNOWN, version: "$Latest" } })));
        });

        it("flags IMDSv1 being allowed", async () => {
            assert.deepEqual(
                messages(await analyzeResource(policy, instance({ metadataOptions: { httpTokens: "optional" } }))),
                ['metadataOptions.httpTokens is "optional"; it must be "required" (IMDSv2 only).'],
            );
            assert.match(messages(await analyzeResource(policy, instance({})))[0], /metadataOptions is not set/);
            assert.equal(
                (
                    await analyzeResource(
                        policy,
                        resource(aws.ec2.LaunchTemplate, "lt", { metadataOptions: { httpEndpoint: "enabled" } }),
                    )
                ).violations.length,
                1,
            );
        });

        it("flags null metadata options and a null launch template like missing ones", async () => {
            assert.match(
                messages(await analyzeResource(policy, instance({ metadataOptions: null })))[0],
                /metadataOptions is not set/,
            );
            assert.match(
                messages(await analyzeResource(policy, instance({ launchTemplate: null })))[0],
                /metadataOptions is not set/,
            );
        });

        it("says when httpTokens is not set (the AWS default allows IMDSv1)", async () => {
            assert.deepEqual(
                messages(
                    await analyzeResource(
                        policy,
                        resource(aws.ec2.LaunchTemplate, "lt", { metadataOptions: { httpEndpoint: "enabled" } }),
                    ),
                ),
                ['metadataOptions.httpTokens is not set; it must be "required" (IMDSv2 only).'],
            );
        });

        it("skips unknown options", async () => {
            clean(await analyzeResource(policy, instance({ metadataOptions: UNKNOWN })));
            clean(await analyzeResource(policy, instance({ metadataOptions: { httpTokens: UNKNOWN } })));
        });
    });

    describe("os-standard-support", () => {
        const policy = compute.osStandardSupport;
        const asOf = (date: string) => ({ [policy.name]: { asOf: date } });
        const instance = (tags: unknown) =>
            resource(aws.ec2.Instance, "app-1", { ami: "ami-0abc", instanceType: "m6i.2xlarge", tags });

        it("accepts a supported LTS release", async () => {
            clean(
                await analyzeResource(
                    policy,
                    instance({ Name: "app-1", OperatingSystem: "Ubuntu 24.04 LTS" }),
                    asOf("2026-01-15"),
                ),
            );
        });

        it("flags a release past standard support, as an advisory", async () => {
            const o = await analyzeResource(policy, instance({ OperatingSystem: "Ubuntu 20.04 LTS" }), "bare");
            assert.deepEqual(messages(o), [
                "Ubuntu 20.04 LTS: standard support ended on 2025-05-31; the release no longer gets free security updates.",
            ]);
            assert.equal(o.violations[0].level, "advisory");
            assert.match(
                messages(
                    await analyzeResource(
                        policy,
                        instance({ OperatingSystem: "Ubuntu Server 18.04" }),
                        asOf("2024-01-01"),
                    ),
                )[0],
                /ended on 2023-05-31/,
            );
        });

        // Canonical's Ubuntu release cycle (ubuntu.com/about/release-cycle) and AWS's Amazon Linux FAQs.
        for (const [os, ends, dayAfter] of [
            ["Ubuntu 14.04 LTS", "2019-04-30", "2019-05-01"],
            ["Ubuntu 16.04 LTS", "2021-04-30", "2021-05-01"],
            ["Ubuntu 18.04 LTS", "2023-05-31", "2023-06-01"],
            ["Ubuntu 20.04 LTS", "2025-05-31", "2025-06-01"],
            ["Ubuntu 22.04 LTS", "2027-04-30", "2027-05-01"],
            ["Ubuntu 24.04 LTS", "2029-04-30", "2029-05-01"],
            ["Amazon Linux 2", "2026-06-30", "2026-07-01"],
            ["Amazon Linux 2023", "2029-06-30", "2029-07-01"],
        ]) {
            it(`holds ${os} supported through ${ends}, and past support the day after`, async () => {
                const tagged = instance({ Name: "app-1", OperatingSystem: os });
                clean(await analyzeResource(policy, tagged, { [policy.name]: { asOf: ends, warnDaysBeforeEnd: 0 } }));
                assert.deepEqual(messages(await analyzeResource(policy, tagged, asOf(dayAfter))), [
                    `${os}: standard support ended on ${ends}; the release no longer gets free security updates.`,
                ]);
            });
        }

        it("refuses an asOf that is not a YYYY-MM-DD date", () => {
            assert.deepEqual(configProblems(policy, { asOf: "2026-07-01" }), []);
            for (const bad of ["2026-7-1", "01/07/2026", "next quarter", "2026-07-01T00:00:00Z"]) {
                assert.equal(configProblems(policy, { asOf: bad }).length, 1, bad);
            }
        });

        it("flags a release whose support ends within warnDaysBeforeEnd", async () => {
            const o = await analyzeResource(
                policy,
                instance({ OperatingSystem: "Ubuntu 22.04 LTS" }),
                asOf("2026-12-01"),
            );
            assert.match(messages(o)[0], /standard support ends on 2027-04-30, within 180 days/);
            clean(
                await analyzeResource(policy, instance({ OperatingSystem: "Ubuntu 22.04 LTS" }), {
                    [policy.name]: { asOf: "2026-12-01", warnDaysBeforeEnd: 30 },
                }),
            );
        });

        it("flags a missing tag and an unknown operating system", async () => {
            assert.match(
                messages(await analyzeResource(policy, instance({ Name: "app-1" }), asOf("2026-01-15")))[0],
                /has no OperatingSystem tag/,
            );
            assert.match(
                messages(
                    await analyzeResource(
                        policy,
                        instance({ OperatingSystem: "Windows Server 2012 R2" }),
                        asOf("2026-01-15"),
                    ),
                )[0],
                /not a release this pack knows/,
            );
        });

        it("treats a blank OperatingSystem tag as missing", async () => {
            assert.match(
                messages(await analyzeResource(policy, instance({ OperatingSystem: " " }), asOf("2026-01-15")))[0],
                /has no OperatingSystem tag/,
            );
        });

        it("skips instances whose tags are unknown", async () => {
            clean(await analyzeResource(policy, instance(UNKNOWN), asOf("2026-01-15")));
        });

        it("derives support ends of releases outside the table", () => {
            assert.deepEqual(compute.endOfStandardSupport("Ubuntu 23.10"), {
                release: "ubuntu 23.10",
                ends: "2024-07-31",
            });
            assert.deepEqual(compute.endOfStandardSupport("Ubuntu 26.04 LTS"), {
                release: "ubuntu 26.04",
                ends: "2031-04-30",
            });
            assert.deepEqual(compute.endOfStandardSupport("Amazon Linux 2"), {
                release: "amazon linux 2",
                ends: "2026-06-30",
            });
            // Only even-year April releases are LTS; odd-year April and even-year October releases are interim.
            assert.deepEqual(compute.endOfStandardSupport("Ubuntu 25.04"), {
                release: "ubuntu 25.04",
                ends: "2026-01-31",
            });
            assert.deepEqual(compute.endOfStandardSupport("Ubuntu 26.10"), {
                release: "ubuntu 26.10",
                ends: "2027-07-31",
            });
            assert.equal(compute.endOfStandardSupport("Debian 12"), undefined);
        });

        it("reads tag values with runs of spaces", () => {
            assert.equal(compute.endOfStandardSupport("Ubuntu  Server  22.04 LTS")?.release, "ubuntu 22.04");
            assert.equal(compute.endOfStandardSupport("Amazon  Linux  2023")?.release, "amazon linux 2023");
        });
    });
});
