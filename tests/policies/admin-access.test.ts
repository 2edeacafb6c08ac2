import * as assert from "node:assert/strict";
import * as aws from "@pulumi/aws";
import * as admin from "../../policies/admin-access";
import { analyzeResource, analyzeStack, cloudflareEdge, messages, Outcome, resource, UNKNOWN } from "./harness";

function clean(o: Outcome): void {
    assert.deepEqual(o.violations, []);
    assert.deepEqual(o.previewNotes, []);
}

const server = resource(aws.ec2.Instance, "app-0", { ami: "ami-0123", instanceType: "m7i.2xlarge" });
const endpoint = (extra: Record<string, unknown> = {}) =>
    resource(aws.ec2clientvpn.Endpoint, "vpn", {
        clientCidrBlock: "10.100.0.0/22",
        serverCertificateArn: "arn:aws:acm:sa-east-1:123456789012:certificate/s",
        authenticationOptions: [
            {
                type: "certificate-authentication",
                rootCertificateChainArn: "arn:aws:acm:sa-east-1:123456789012:certificate/ca",
            },
        ],
        connectionLogOptions: { enabled: true, cloudwatchLogGroup: "vpn" },
        ...extra,
    });

describe("policies/admin-access", () => {
    describe("admin-access-through-vpn", () => {
        const policy = admin.adminAccessThroughVpn;

        it("accepts servers reached through a mutual-TLS VPN endpoint that logs connections", async () => {
            clean(await analyzeStack(policy, [server, endpoint()]));
        });

        it("flags a stack with servers and no VPN endpoint", async () => {
            assert.match(messages(await analyzeStack(policy, [server]))[0], /no Client VPN endpoint/);
        });

        it("flags an endpoint with password-only (directory) authentication or without connection logs", async () => {
            const directory = endpoint({
                authenticationOptions: [{ type: "directory-service-authentication", activeDirectoryId: "d-1" }],
            });
            assert.match(
                messages(await analyzeStack(policy, [server, directory]))[0],
                /does not authenticate clients with certificates/,
            );
            assert.match(
                messages(
                    await analyzeStack(policy, [server, endpoint({ connectionLogOptions: { enabled: false } })]),
                )[0],
                /does not log connections/,
            );
        });

        it("accepts mutual TLS combined with a user-based method (AWS allows certificate + directory or federated)", async () => {
            // https://docs.aws.amazon.com/vpn/latest/clientvpn-admin/client-authentication.html
            const both = endpoint({
                authenticationOptions: [
                    { type: "directory-service-authentication", activeDirectoryId: "d-1" },
                    {
                        type: "certificate-authentication",
                        rootCertificateChainArn: "arn:aws:acm:sa-east-1:123456789012:certificate/ca",
                    },
                ],
            });
            clean(await analyzeStack(policy, [...cloudflareEdge(), server, both]));
        });

        it("says why it does not apply (a Cloudflare-only stack has no servers; requireVpn false)", async () => {
            assert.deepEqual((await analyzeStack(policy, cloudflareEdge())).notApplicable, [
                { policy: policy.name, reason: "no servers or data stores" },
            ]);
            assert.deepEqual(
                (await analyzeStack(policy, [...cloudflareEdge(), server], { [policy.name]: { requireVpn: false } }))
                    .notApplicable,
                [{ policy: policy.name, reason: "requireVpn is false for this stack" }],
            );
        });

        it("does not apply without servers or data stores, or where the stack's config says so; skips unknowns", async () => {
            const bucketOnly = await analyzeStack(policy, [resource(aws.s3.Bucket, "media", {})]);
            clean(bucketOnly);
            assert.equal(bucketOnly.notApplicable[0].policy, policy.name);
            clean(await analyzeStack(policy, [server], { [policy.name]: { requireVpn: false } }));
            clean(
                await analyzeStack(policy, [
                    server,
                    endpoint({ authenticationOptions: UNKNOWN, connectionLogOptions: UNKNOWN }),
                ]),
            );
        });
    });

    describe("no-public-data-ports", () => {
        const policy = admin.noPublicDataPorts;
        const rule = (port: number, cidrIpv4: string) =>
            resource(aws.vpc.SecurityGroupIngressRule, `in-${port}`, {
                securityGroupId: "sg-1",
                ipProtocol: "tcp",
                fromPort: port,
                toPort: port,
                cidrIpv4,
            });

        it("flags MySQL and Redis open to the internet", async () => {
            assert.equal((await analyzeResource(policy, rule(3306, "0.0.0.0/0"))).violations.length, 1);
            assert.equal((await analyzeResource(policy, rule(6379, "0.0.0.0/0"))).violations.length, 1);
            assert.match(messages(await analyzeResource(policy, rule(3306, "0.0.0.0/0")))[0], /use the Client VPN/);
        });

        it("accepts them from inside the VPC and leaves HTTPS to other policies", async () => {
            clean(await analyzeResource(policy, rule(3306, "10.20.0.0/16")));
            clean(await analyzeResource(policy, rule(443, "0.0.0.0/0")));
        });
    });
});
