// @ts-nocheck
import * as assert from "assert";
import { EC2_INSTANCE_TYPES } from "../config/sizing";
import { fixedHostAddress } from "../components/websocket";
import { isSecret, RecordedResource } from "../tools/mocks";
import { runStack, StackRun } from "../tools/stack";
import { NODESOURCE_KEY_FINGERPRINT } from "../templates/websocket";
import {
    assertCloudInitValid,
    assertNoSecrets,
    assertShellcheckClean,
    byId,
    docOf,
    fileOf,
    instancesWithRole,
    ofType,
    userDataOf,
} from "./support/servers";

const server = (r: StackRun): RecordedResource => {
    const all = instancesWithRole(r, "websocket");
    assert.strictEqual(all.length, 1, "one WebSocket server");
    return all[0];
};
const sgNamed = (r: StackRun, name: string): RecordedResource => {
    const sg = ofType(r, "aws:ec2/securityGroup:SecurityGroup").find((x) => x.name === name);
    assert.ok(sg, `security group ${name}`);
    return sg;
};
const RELEASE = { websocketReleaseKey: "releases/hms-ws-1.4.0.tar.gz", websocketReleaseSha256: "9f".repeat(32) };

describe("WebSocketServer (Node.js)", () => {
    const runs = {} as Record<"production" | "staging" | "released", StackRun>;
    before(async function () {
        // Three whole-program runs under mocks.
        this.timeout(300_000);
        runs.production = await runStack("production");
        runs.staging = await runStack("staging");
        runs.released = await runStack("staging", { ...RELEASE, websocketNodeMajor: 24 });
    });

    for (const stack of ["production", "staging"] as const) {
        describe(stack, () => {
            it("is a 4 vCPU / 16 GiB server with a 100 GB gp3 root volume encrypted with the data key", () => {
                const r = runs[stack];
                const s = server(r);
                assert.deepStrictEqual(EC2_INSTANCE_TYPES.get(String(s.inputs.instanceType)), {
                    vcpus: 4,
                    memoryGiB: 16,
                });
                const root = s.inputs.rootBlockDevice as Record<string, unknown>;
                const dataKey = ofType(r, "aws:kms/key:Key").find((k) => k.name.endsWith("-keys-data"));
                assert.deepStrictEqual(
                    [root.volumeType, root.volumeSize, root.encrypted, root.kmsKeyId],
                    ["gp3", 100, true, dataKey?.outputs.arn],
                );
            });

            it("is private, IMDSv2 only, without SSH key, at a fixed address of the first app subnet", () => {
                const r = runs[stack];
                const s = server(r);
                const md = s.inputs.metadataOptions as Record<string, unknown>;
                assert.deepStrictEqual([md.httpTokens, md.httpPutResponseHopLimit], ["required", 1]);
                assert.strictEqual(s.inputs.associatePublicIpAddress, false);
                assert.strictEqual(s.inputs.keyName, undefined);
                assert.strictEqual((s.inputs.tags as Record<string, string>).OperatingSystem, "Ubuntu 24.04 LTS");
                const subnet = byId(r, "aws:ec2/subnet:Subnet", s.inputs.subnetId);
                assert.strictEqual((subnet.inputs.tags as Record<string, string>).Tier, "app");
                assert.strictEqual(s.inputs.privateIp, fixedHostAddress(String(subnet.inputs.cidrBlock)));
                assert.strictEqual(r.outputs.websocketPrivateIp, s.inputs.privateIp);
                // A new release or new app server addresses replace it, the old one first (same address).
                assert.strictEqual(s.inputs.userDataReplaceOnChange, true);
            });

            it("boots into a hardened Node.js service: valid cloud-config, NodeSource key pinned", function () {
                const s = server(runs[stack]);
                const userData = userDataOf(s);
                assertCloudInitValid(this, userData, s.name);
                const doc = docOf(userData);
                const setup = fileOf(doc, "/usr/local/sbin/hms-websocket-setup");
                assert.ok(setup.includes(`[ "$fpr" = '${NODESOURCE_KEY_FINGERPRINT}' ] || die`));
                assert.match(setup, /readonly NODE_MAJOR=22\n/);
                assert.match(
                    setup,
                    /deb \[signed-by=\/etc\/apt\/keyrings\/nodesource\.gpg\] https:\/\/deb\.nodesource\.com\/node_\$NODE_MAJOR\.x nodistro main/,
                );
                const unit = fileOf(doc, "/etc/systemd/system/hms-websocket.service");
                for (const line of [
                    "User=hms-websocket",
                    "NoNewPrivileges=yes",
                    "ProtectSystem=strict",
                    "ProtectHome=yes",
                    "PrivateTmp=yes",
                    "CapabilityBoundingSet=",
                    "RestrictAddressFamilies=AF_INET AF_INET6 AF_UNIX",
                    "SystemCallFilter=@system-service",
                    "LoadCredential=redis-password:/etc/hms-websocket/credentials/redis-password",
                ]) {
                    assert.ok(unit.split("\n").includes(line), `unit has ${line}`);
                }
                const env = fileOf(doc, "/etc/hms-websocket/environment");
                assert.match(env, /^PORT="8080"$/m);
                assert.match(env, /^REDIS_TLS="true"$/m);
                assert.doesNotMatch(env, /PASSWORD=|TOKEN=/);
            });

            it("runs the built-in service that answers awaiting-release until a release is configured", () => {
                const setup = fileOf(docOf(userDataOf(server(runs[stack]))), "/usr/local/sbin/hms-websocket-setup");
                assert.match(setup, /^dir=\/opt\/hms-websocket\/builtin$/m);
                assert.doesNotMatch(setup, /s3api get-object/);
            });

            it("calls the app servers it is allowed to reach", () => {
                const r = runs[stack];
                const env = fileOf(docOf(userDataOf(server(r))), "/etc/hms-websocket/environment");
                const urls = instancesWithRole(r, "wordpress").map((i) => `http://${String(i.outputs.privateIp)}:8080`);
                assert.ok(env.includes(`WORDPRESS_URLS="${urls.join(" ")}"`), env);
            });

            it("puts no secret in user data, and user data is not a secret", () => {
                const r = runs[stack];
                const s = server(r);
                assert.ok(!isSecret(s.rawInputs.userDataBase64));
                assertNoSecrets(r, userDataOf(s), s.name);
            });

            it("passes shellcheck on every script it writes", function () {
                assertShellcheckClean(this, docOf(userDataOf(server(runs[stack]))), "WebSocket server", 3);
            });

            it("has no ingress of its own: Nginx only (the load balancer's rule); reaches WordPress and Redis", () => {
                const r = runs[stack];
                const sg = sgNamed(r, `hms-${stack}-ws-sg`);
                assert.strictEqual(sg.inputs.ingress, undefined);
                const rules = ofType(r, "aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule");
                const ingress = rules.filter((x) => x.inputs.securityGroupId === sg.id);
                assert.deepStrictEqual(
                    ingress.map((x) => [
                        byId(r, "aws:ec2/securityGroup:SecurityGroup", x.inputs.referencedSecurityGroupId).name,
                        x.inputs.fromPort,
                    ]),
                    [[`hms-${stack}-lb-nginx`, 8080]],
                );
                const app = sgNamed(r, `hms-${stack}-app-sg`);
                const cache = sgNamed(r, `hms-${stack}-cache-sg`);
                assert.ok(
                    rules.some(
                        (x) =>
                            x.inputs.securityGroupId === app.id &&
                            x.inputs.referencedSecurityGroupId === sg.id &&
                            x.inputs.fromPort === 8080,
                    ),
                );
                assert.ok(
                    rules.some(
                        (x) =>
                            x.inputs.securityGroupId === cache.id &&
                            x.inputs.referencedSecurityGroupId === sg.id &&
                            x.inputs.fromPort === 6379,
                    ),
                );
                const egress = ofType(r, "aws:vpc/securityGroupEgressRule:SecurityGroupEgressRule").filter(
                    (x) => x.inputs.securityGroupId === sg.id,
                );
                const to = egress.map(
                    (x) =>
                        `${x.inputs.fromPort}:${x.inputs.cidrIpv4 ?? byId(r, "aws:ec2/securityGroup:SecurityGroup", x.inputs.referencedSecurityGroupId).name}`,
                );
                assert.deepStrictEqual(
                    to.sort(),
                    ["443:0.0.0.0/0", "80:0.0.0.0/0", `8080:hms-${stack}-app-sg`, `6379:hms-${stack}-cache-sg`].sort(),
                );
            });

            it("lets its role read the Redis AUTH secret only (plus the bucket and Session Manager)", () => {
                const r = runs[stack];
                const policy = ofType(r, "aws:iam/rolePolicy:RolePolicy").find(
                    (p) => p.name === `hms-${stack}-ws-role-tier`,
                );
                assert.ok(policy);
                const statements = (
                    JSON.parse(String(policy.inputs.policy)) as { Statement: Array<Record<string, unknown>> }
                ).Statement;
                const cacheSecret = ofType(r, "aws:secretsmanager/secret:Secret").find((x) =>
                    String(x.inputs.namePrefix ?? "").endsWith("/auth-token-"),
                );
                assert.deepStrictEqual(statements.find((x) => x.Action === "secretsmanager:GetSecretValue")?.Resource, [
                    cacheSecret?.outputs.arn,
                ]);
                const attached = ofType(r, "aws:iam/rolePolicyAttachment:RolePolicyAttachment")
                    .filter((a) => a.name.startsWith(`hms-${stack}-ws-role-`))
                    .map((a) => String(a.inputs.policyArn));
                assert.strictEqual(attached.length, 3, `SSM, storage access, telemetry: ${attached.join(", ")}`);
            });
        });
    }

    it("installs a configured release from the bucket, verified against its SHA-256, with the Node.js major of the config", function () {
        const r = runs.released;
        const doc = docOf(userDataOf(server(r)));
        const setup = fileOf(doc, "/usr/local/sbin/hms-websocket-setup");
        const bucket = ofType(r, "aws:s3/bucket:Bucket").find((b) =>
            setup.includes(`--bucket '${String(b.outputs.bucket)}'`),
        );
        assert.ok(bucket, "fetched from the environment's bucket");
        assert.ok(setup.includes(`--key '${RELEASE.websocketReleaseKey}'`));
        assert.ok(
            setup.includes(
                `echo '${RELEASE.websocketReleaseSha256}'"  $work/release.tgz" | sha256sum --check --strict`,
            ),
        );
        assert.match(setup, /readonly NODE_MAJOR=24\n/);
        assert.match(
            fileOf(doc, "/etc/hms-websocket/environment"),
            /^HMS_RELEASE="releases\/hms-ws-1\.4\.0\.tar\.gz"$/m,
        );
        assertShellcheckClean(this, doc, "WebSocket server with a release", 3);
    });

    it("refuses a release without its SHA-256", async function () {
        this.timeout(120_000);
        await assert.rejects(
            runStack("staging", { websocketReleaseKey: RELEASE.websocketReleaseKey }),
            /hms:websocketReleaseSha256 = \(not set\): is required with hms:websocketReleaseKey/,
        );
    });
});
