import * as assert from "assert";
import { EC2_INSTANCE_TYPES } from "../config/sizing";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { spawnSync } from "child_process";
import * as pulumi from "@pulumi/pulumi";
import { WebSocketServer } from "../components/websocket";
import { websocketArgs } from "../components/tier-args";
import { isSecret, RecordedResource, useMocks } from "../tools/mocks";
import { runStack, settle, StackRun } from "../tools/stack";
import { buildComponent, handedOver } from "./support/components";
import { parseStack } from "./support/resources";
import { NODESOURCE_KEY_FINGERPRINT, renderWordPressResolverScript } from "../templates/websocket";
import {
    assertNoSecrets,
    assertShellcheckClean,
    byId,
    docOf,
    assertChainedReplacements,
    fileOf,
    gateOf,
    instancesWithRole,
    ofType,
    userDataOf,
} from "./support/servers";
import { assertCloudInitValid } from "./support/cloud-init";

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

/**
 * The WebSocketServer built alone from the stack's parsed configuration with
 * `overrides`, with components/tier-args.ts's websocketArgs of it (what
 * hospital.ts's createWebSocket passes) and stand-ins for what the other tiers
 * hand over.
 */
async function websocketAlone(stack: string, overrides: Record<string, unknown>): Promise<RecordedResource[]> {
    const c = parseStack(stack, overrides);
    assert.ok(c.websocket, `${stack} runs the websocket tier`);
    return buildComponent(
        () => new WebSocketServer(`hms-${c.environment}-ws`, websocketArgs(c, handedOver(c))),
        c.region,
    );
}

describe("WebSocketServer (Node.js)", () => {
    const runs = {} as Record<"production" | "staging", StackRun>;
    /** The WebSocketServer built alone from staging's configuration with a release and Node.js 24. */
    let released: RecordedResource[];
    before(async function () {
        // Two whole-program runs under mocks.
        this.timeout(300_000);
        runs.production = await runStack("production");
        runs.staging = await runStack("staging");
        released = await websocketAlone("staging", { ...RELEASE, websocketNodeMajor: 24 });
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

            it("is private, IMDSv2 only, without SSH key, in the first app subnet", () => {
                const r = runs[stack];
                const s = server(r);
                const md = s.inputs.metadataOptions as Record<string, unknown>;
                assert.deepStrictEqual([md.httpTokens, md.httpPutResponseHopLimit], ["required", 1]);
                assert.strictEqual(s.inputs.associatePublicIpAddress, false);
                assert.strictEqual(s.inputs.keyName, undefined);
                assert.strictEqual((s.inputs.tags as Record<string, string>).OperatingSystem, "Ubuntu 24.04 LTS");
                const subnet = byId(r, "aws:ec2/subnet:Subnet", s.inputs.subnetId);
                assert.strictEqual((subnet.inputs.tags as Record<string, string>).Tier, "app");
                assert.strictEqual(r.outputs.websocketPrivateIp, s.outputs.privateIp);
            });

            it("is replaced create-before-delete behind a readiness gate, so /ws is never without a server", () => {
                const r = runs[stack];
                const s = server(r);
                // A new release replaces it; nothing holds its address.
                assert.strictEqual(s.inputs.userDataReplaceOnChange, true);
                assertChainedReplacements(r, [s]);
                const gate = gateOf(r, s);
                const env = gate.inputs.environment as Record<string, string>;
                assert.strictEqual(env.HMS_INSTANCE_IDS, s.id);
                const commands = JSON.parse(env.HMS_COMMANDS) as string[];
                // Ready = the service answers its own /healthz on its port (hms:websocketPort).
                const sgId = (s.inputs.vpcSecurityGroupIds as string[])[0];
                const ingress = ofType(r, "aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule").filter(
                    (x) => x.inputs.securityGroupId === sgId,
                );
                assert.strictEqual(ingress.length, 1, "Nginx's rule");
                const wsPort = ingress[0].inputs.fromPort;
                assert.ok(
                    commands.some((c) => new RegExp(`^curl -fsS .*http://127\\.0\\.0\\.1:${wsPort}/healthz$`).test(c)),
                    commands.join("; "),
                );
                // The Nginx tier learns its address only once it is ready (the parameter waits for the gate).
                const parameter = ofType(r, "aws:ssm/parameter:Parameter").find((p) =>
                    String(p.inputs.name).endsWith("/upstreams/websocket"),
                );
                assert.ok(parameter, "the WebSocket upstream parameter");
                assert.strictEqual(parameter.inputs.insecureValue, s.outputs.privateIp);
                assert.ok(parameter.dependencies.includes(gate.urn), "published after the gate");
            });

            it("boots into a hardened Node.js service: valid cloud-config, NodeSource key pinned", async function () {
                const s = server(runs[stack]);
                const userData = userDataOf(s);
                await assertCloudInitValid(this, userData, s.name);
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

            it("is given the environment's media bucket (MEDIA_BUCKET), where its releases are", () => {
                const r = runs[stack];
                const media = ofType(r, "aws:s3/bucket:Bucket").filter(
                    (b) => b.outputs.bucket === r.outputs.mediaBucketName,
                );
                assert.strictEqual(media.length, 1, "the media bucket");
                const env = fileOf(docOf(userDataOf(server(r))), "/etc/hms-websocket/environment");
                assert.match(env, new RegExp(`^MEDIA_BUCKET="${String(media[0].outputs.bucket)}"$`, "m"));
            });

            it("runs the built-in service that answers awaiting-release until a release is configured", () => {
                const setup = fileOf(docOf(userDataOf(server(runs[stack]))), "/usr/local/sbin/hms-websocket-setup");
                assert.match(setup, /^dir=\/opt\/hms-websocket\/builtin$/m);
                assert.doesNotMatch(setup, /s3api get-object/);
            });

            it("learns the app servers' addresses from an SSM parameter at run time, never from its user data", () => {
                const r = runs[stack];
                const s = server(r);
                const userData = userDataOf(s);
                const ips = instancesWithRole(r, "wordpress").map((i) => String(i.outputs.privateIp));
                assert.ok(ips.length >= 1, "app servers");
                for (const ip of ips) {
                    assert.ok(!userData.includes(ip), `user data holds no app server address (${ip})`);
                }
                const parameter = ofType(r, "aws:ssm/parameter:Parameter").find(
                    (p) => p.inputs.insecureValue === ips.join(","),
                );
                assert.ok(parameter, "a parameter holds the app servers' addresses");
                assert.ok(s.dependencies.includes(parameter.urn), "it exists before the server boots");
                const doc = docOf(userData);
                const resolver = fileOf(doc, "/usr/local/sbin/hms-websocket-wordpress");
                assert.ok(resolver.includes(`readonly PARAMETER="${String(parameter.outputs.name)}"`), resolver);
                assert.match(resolver, /^readonly PORT=8080$/m);
                assert.match(
                    fileOf(doc, "/etc/systemd/system/hms-websocket.service"),
                    /^EnvironmentFile=-\/etc\/hms-websocket\/wordpress\.env$/m,
                );
                assert.match(
                    fileOf(doc, "/etc/systemd/system/hms-websocket-wordpress.timer"),
                    /^OnUnitActiveSec=60s$/m,
                );
                const setup = fileOf(doc, "/usr/local/sbin/hms-websocket-setup");
                assert.ok(
                    setup.indexOf("/usr/local/sbin/hms-websocket-wordpress") <
                        setup.indexOf("systemctl enable --now hms-websocket.service"),
                    "resolved before the service's first start",
                );
                assert.ok(setup.includes("systemctl enable --now hms-websocket-wordpress.timer"));
                // Its role may read exactly that parameter.
                const policy = ofType(r, "aws:iam/rolePolicy:RolePolicy").find(
                    (p) => p.name === `hms-${stack}-ws-role-tier`,
                );
                const statements = (
                    JSON.parse(String(policy?.inputs.policy)) as { Statement: Array<Record<string, unknown>> }
                ).Statement.filter((x) => JSON.stringify(x.Action).includes("ssm:"));
                assert.deepStrictEqual(
                    statements.map((x) => [x.Action, x.Resource]),
                    [["ssm:GetParameter", parameter.outputs.arn]],
                );
                // pulumi up makes it re-read a changed list, after its readiness gate.
                const refresh = ofType(r, "command:local:Command").find(
                    (c) =>
                        (c.inputs.triggers as unknown[] | undefined)?.[0] === parameter.inputs.insecureValue &&
                        (c.inputs.environment as Record<string, string>).HMS_INSTANCE_IDS === s.id,
                );
                assert.ok(refresh, "a refresh gate on the parameter's value");
                assert.ok(refresh.dependencies.includes(gateOf(r, s).urn));
                assert.deepStrictEqual(
                    JSON.parse((refresh.inputs.environment as Record<string, string>).HMS_COMMANDS),
                    ["/usr/local/sbin/hms-websocket-wordpress"],
                );
            });

            it("puts no secret in user data, and user data is not a secret", () => {
                const r = runs[stack];
                const s = server(r);
                assert.ok(!isSecret(s.rawInputs.userDataBase64));
                assertNoSecrets(r, userDataOf(s), s.name);
            });

            it("passes shellcheck on every script it writes", function () {
                assertShellcheckClean(this, docOf(userDataOf(server(runs[stack]))), "WebSocket server", 4);
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

    it("installs a configured release from the bucket, verified against its SHA-256, with the Node.js major of the config (built alone)", function () {
        const servers = released.filter(
            (x) =>
                x.type === "aws:ec2/instance:Instance" &&
                (x.inputs.tags as Record<string, string>).Role === "websocket",
        );
        assert.strictEqual(servers.length, 1, "one WebSocket server");
        const doc = docOf(userDataOf(servers[0]));
        const setup = fileOf(doc, "/usr/local/sbin/hms-websocket-setup");
        // The bucket it is given (MEDIA_BUCKET; the environment's media bucket on the stacks above):
        // the stand-in of staging's media bucket.
        const bucket = handedOver(parseStack("staging")).storage.bucketName;
        assert.ok(setup.includes(`--bucket '${bucket}'`), "fetched from the bucket it is given");
        assert.match(fileOf(doc, "/etc/hms-websocket/environment"), new RegExp(`^MEDIA_BUCKET="${bucket}"$`, "m"));
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
        assertShellcheckClean(this, doc, "WebSocket server with a release", 4);
    });

    it("refuses a release without its SHA-256", async function () {
        this.timeout(120_000);
        await assert.rejects(
            runStack("staging", { websocketReleaseKey: RELEASE.websocketReleaseKey }),
            /hms:websocketReleaseSha256 = \(not set\): is required with hms:websocketReleaseKey/,
        );
    });

    describe("what an update replaces", () => {
        /** The WebSocketServer alone under the mocks, with given app server addresses. */
        async function build(appIps: string[]): Promise<RecordedResource[]> {
            const monitor = useMocks("hms", "ws-variant");
            pulumi.runtime.setAllConfig({ "aws:region": "sa-east-1" }, []);
            new WebSocketServer("hms-test-ws", {
                region: "sa-east-1",
                environment: "test",
                vpcId: "vpc-0123456789abcdef0",
                subnetId: "subnet-1a",
                instanceType: "t3.medium",
                volumeGiB: 20,
                ubuntuRelease: "24.04",
                nodeMajor: 22,
                port: 8088,
                dataKeyArn: "arn:aws:kms:sa-east-1:123456789012:key/0b5ef6a1-1111-2222-3333-444455556666",
                cache: {
                    endpoint: "cache.example.internal",
                    port: 6379,
                    authSecretArn: "arn:aws:secretsmanager:sa-east-1:123456789012:secret:hms/cache-AbCdEf",
                    securityGroupId: "sg-0cache",
                },
                wordpress: { privateIps: appIps, httpPort: 8080, securityGroupId: "sg-0app" },
                storage: {
                    bucketName: "hms-test-media",
                    accessPolicyArn: "arn:aws:iam::123456789012:policy/hms-media",
                },
            });
            await settle(monitor);
            return [...monitor.recorded];
        }
        const instances = (rs: RecordedResource[]) => rs.filter((x) => x.type === "aws:ec2/instance:Instance");
        const parameters = (rs: RecordedResource[]) =>
            rs.filter((x) => x.type === "aws:ssm/parameter:Parameter").map((p) => p.inputs.insecureValue);

        it("an app server's address (a replaced app server): the server's inputs stay the same; the parameter changes", async function () {
            this.timeout(120_000);
            const before = await build(["10.20.64.10", "10.20.80.11"]);
            const after = await build(["10.20.64.10", "10.20.81.99"]);
            assert.strictEqual(instances(before).length, 1);
            assert.deepStrictEqual(instances(after)[0].inputs, instances(before)[0].inputs);
            assert.deepStrictEqual(parameters(before), ["10.20.64.10,10.20.80.11"]);
            assert.deepStrictEqual(parameters(after), ["10.20.64.10,10.20.81.99"]);
        });
    });

    describe("WordPress address resolver (hms-websocket-wordpress), run by bash with a stand-in aws", () => {
        const PARAMETER = "/hms-test-ws/wordpress-addresses";
        let dir: string;
        let file: string;
        const setValue = (v: string | undefined) =>
            v === undefined ? fs.rmSync(`${dir}/value`, { force: true }) : fs.writeFileSync(`${dir}/value`, v);
        const restarts = () =>
            fs.existsSync(`${dir}/systemctl.log`)
                ? fs.readFileSync(`${dir}/systemctl.log`, "utf8").trim().split("\n")
                : [];
        const resolve = () =>
            spawnSync("bash", [`${dir}/hms-websocket-wordpress`], {
                encoding: "utf8",
                timeout: 30_000,
                env: { ...process.env, PATH: `${dir}:${process.env.PATH}`, HMS_WS_WORDPRESS_TEST: "1", STUBS: dir },
            });
        const urls = () => /^WORDPRESS_URLS="(.*)"$/m.exec(fs.readFileSync(file, "utf8"))?.[1];

        before(() => {
            dir = fs.mkdtempSync(path.join(os.tmpdir(), "hms-ws-wordpress-"));
            file = `${dir}/etc/wordpress.env`;
            // aws ssm get-parameter --name N: prints the stored value of N, fails without one.
            fs.writeFileSync(
                `${dir}/aws`,
                '#!/bin/bash\nwhile [ $# -gt 0 ]; do if [ "$1" = --name ]; then name=$2; fi; shift; done\n' +
                    `[ "$name" = '${PARAMETER}' ] && [ -f "$STUBS/value" ] || { echo ParameterNotFound >&2; exit 254; }\ncat "$STUBS/value"\n`,
            );
            fs.writeFileSync(`${dir}/systemctl`, '#!/bin/bash\necho "$*" >> "$STUBS/systemctl.log"\n');
            fs.chmodSync(`${dir}/aws`, 0o755);
            fs.chmodSync(`${dir}/systemctl`, 0o755);
            fs.writeFileSync(
                `${dir}/hms-websocket-wordpress`,
                renderWordPressResolverScript({ region: "sa-east-1", parameter: PARAMETER, port: 8080, envFile: file }),
            );
        });
        after(() => fs.rmSync(dir, { recursive: true, force: true }));

        it("a changed list: writes WORDPRESS_URLS and restarts the service", () => {
            setValue("10.20.64.10,10.20.80.11\n");
            const r = resolve();
            assert.strictEqual(r.status, 0, r.stderr);
            assert.strictEqual(urls(), "http://10.20.64.10:8080 http://10.20.80.11:8080");
            assert.deepStrictEqual(restarts(), ["try-restart hms-websocket.service"]);
            setValue("10.20.64.10,10.20.81.99");
            assert.strictEqual(resolve().status, 0);
            assert.strictEqual(urls(), "http://10.20.64.10:8080 http://10.20.81.99:8080");
            assert.strictEqual(restarts().length, 2);
        });

        it("an unchanged list: no restart", () => {
            const r = resolve();
            assert.strictEqual(r.status, 0, r.stderr);
            assert.strictEqual(restarts().length, 2);
        });

        for (const [label, value] of [
            ["an unreadable parameter", undefined],
            ["an empty parameter", ""],
            ["a value that is not IPv4 addresses", '10.20.64.10,10.0.0.1" ; rm -rf /'],
        ] as Array<[string, string | undefined]>) {
            it(`${label}: fails and keeps the last good list, without a restart`, () => {
                setValue(value);
                const r = resolve();
                assert.notStrictEqual(r.status, 0);
                assert.match(r.stderr, /keeping the current WordPress servers/);
                assert.strictEqual(urls(), "http://10.20.64.10:8080 http://10.20.81.99:8080");
                assert.strictEqual(restarts().length, 2);
            });
        }

        it("refuses a parameter name or port that could inject shell", () => {
            const args = { region: "sa-east-1", parameter: PARAMETER, port: 8080 };
            assert.throws(() => renderWordPressResolverScript({ ...args, parameter: '/x"; rm -rf / #' }), /parameter/);
            assert.throws(() => renderWordPressResolverScript({ ...args, port: 0 }), /port/);
        });
    });
});
