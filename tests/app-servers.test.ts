import * as assert from "assert";
import { spawnSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { AppServers } from "../components/app-servers";
import { appServersArgs } from "../components/tier-args";
import { readyCommands } from "../components/server-support";
import { renderSsmGateScript } from "../templates/host";
import { EC2_INSTANCE_TYPES } from "../config/sizing";
import { isSecret, RecordedResource } from "../tools/mocks";
import { runStack, StackRun } from "../tools/stack";
import { requireTool, run } from "./support/tools";
import { WORDPRESS_SALT_NAMES } from "../templates/wordpress";
import {
    assertChainedReplacements,
    assertNoSecrets,
    assertShellcheckClean,
    byId,
    docOf,
    fileOf,
    gateOf,
    instancesWithRole,
    ofType,
    userDataOf,
} from "./support/servers";
import { assertCloudInitValid } from "./support/cloud-init";
import { buildComponent, handedOver } from "./support/components";
import { parseStack } from "./support/resources";

const APP = "hms:app:AppServers";
const appServers = (r: StackRun) => instancesWithRole(r, "wordpress");
const component = (r: StackRun): RecordedResource => {
    const c = ofType(r, APP);
    assert.strictEqual(c.length, 1);
    return c[0];
};
const childrenOf = (r: StackRun, parent: RecordedResource, type: string) =>
    ofType(r, type).filter((x) => x.parent === parent.urn);
const dataKeyArn = (r: StackRun): string => {
    const key = ofType(r, "aws:kms/key:Key").find((k) => k.name.endsWith("-keys-data"));
    assert.ok(key);
    return String(key.outputs.arn);
};
const azOf = (r: StackRun, i: RecordedResource): string =>
    String(byId(r, "aws:ec2/subnet:Subnet", i.inputs.subnetId).inputs.availabilityZone);

/**
 * The AppServers built alone from the stack's parsed configuration with
 * `overrides`, with components/tier-args.ts's appServersArgs of it (what
 * hospital.ts's createAppServers passes), handed `subnetIds` as the network's
 * app subnets and stand-ins for the other tiers.
 */
function appServersAlone(
    stack: string,
    overrides: Record<string, unknown>,
    subnetIds: string[],
): Promise<RecordedResource[]> {
    const c = parseStack(stack, overrides);
    assert.ok(c.app, `${stack} runs the app tier`);
    const h = handedOver(c);
    const network = { ...h.network, appSubnets: { ids: subnetIds } };
    return buildComponent(
        () => new AppServers(`hms-${c.environment}-app`, appServersArgs(c, { ...h, network })),
        c.region,
    );
}

const roleStatements = (r: StackRun, roleName: string): Array<Record<string, unknown>> => {
    const policy = ofType(r, "aws:iam/rolePolicy:RolePolicy").find((p) => p.name === `${roleName}-tier`);
    assert.ok(policy, `inline policy of ${roleName}`);
    return (JSON.parse(String(policy.inputs.policy)) as { Statement: Array<Record<string, unknown>> }).Statement;
};

describe("AppServers (WordPress)", () => {
    const runs = {} as Record<"production" | "staging", StackRun>;
    before(async function () {
        // Two whole-program runs under mocks.
        this.timeout(300_000);
        runs.production = await runStack("production");
        runs.staging = await runStack("staging");
    });

    for (const [stack, count, vcpus, memoryGiB, volumeGiB] of [
        ["production", 2, 8, 32, 500],
        ["staging", 1, 4, 16, 250],
    ] as const) {
        describe(stack, () => {
            it(`runs ${count} server(s) of ${vcpus} vCPU / ${memoryGiB} GiB, each in a different AZ`, () => {
                const r = runs[stack];
                const servers = appServers(r);
                assert.strictEqual(servers.length, count);
                for (const s of servers) {
                    const size = EC2_INSTANCE_TYPES.get(String(s.inputs.instanceType));
                    assert.deepStrictEqual(size, { vcpus, memoryGiB }, `${s.name} is ${s.inputs.instanceType}`);
                    assert.strictEqual(s.parent, component(r).urn);
                }
                const azs = servers.map((s) => azOf(r, s));
                assert.strictEqual(new Set(azs).size, count, `AZs: ${azs.join(", ")}`);
                const appSubnets = ofType(r, "aws:ec2/subnet:Subnet").filter(
                    (x) => (x.inputs.tags as Record<string, string>).Tier === "app",
                );
                for (const s of servers) {
                    assert.ok(
                        appSubnets.some((x) => x.id === s.inputs.subnetId),
                        `${s.name} is in an app subnet`,
                    );
                }
            });

            it(`has ${volumeGiB} GB gp3 root volumes encrypted with the data key`, () => {
                const r = runs[stack];
                for (const s of appServers(r)) {
                    const root = s.inputs.rootBlockDevice as Record<string, unknown>;
                    assert.deepStrictEqual(
                        [root.volumeType, root.volumeSize, root.encrypted, root.kmsKeyId],
                        ["gp3", volumeGiB, true, dataKeyArn(r)],
                    );
                }
            });

            it("is private, IMDSv2 only, without SSH key, tagged with its Ubuntu release", () => {
                for (const s of appServers(runs[stack])) {
                    const md = s.inputs.metadataOptions as Record<string, unknown>;
                    assert.strictEqual(md.httpTokens, "required");
                    assert.strictEqual(md.httpPutResponseHopLimit, 1);
                    assert.strictEqual(s.inputs.associatePublicIpAddress, false);
                    assert.strictEqual(s.inputs.keyName, undefined);
                    const tags = s.inputs.tags as Record<string, string>;
                    assert.strictEqual(tags.OperatingSystem, "Ubuntu 24.04 LTS");
                    assert.strictEqual(tags.Name, s.name);
                    assert.strictEqual(s.inputs.userDataReplaceOnChange, false);
                }
            });

            it("boots into WordPress: valid cloud-config, nginx + PHP-FPM, pinned and verified downloads", async function () {
                const r = runs[stack];
                for (const s of appServers(r)) {
                    const userData = userDataOf(s);
                    await assertCloudInitValid(this, userData, s.name);
                    const doc = docOf(userData);
                    assert.ok(
                        doc.packages?.includes("nginx") && doc.packages.includes("php8.3-fpm"),
                        "nginx and the distribution's PHP-FPM",
                    );
                    assert.deepStrictEqual(doc.runcmd?.[0], ["/usr/local/sbin/hms-wp-setup"]);
                    const setup = fileOf(doc, "/usr/local/sbin/hms-wp-setup");
                    assert.match(setup, /https:\/\/wordpress\.org\/wordpress-\$WP\.tar\.gz/);
                    assert.match(
                        setup,
                        /'03baad10b8f9a416a3e10b89010d811d9361e468'" {2}\$work\/wp\.tar\.gz" \| sha1sum --check/,
                    );
                    assert.match(
                        setup,
                        /'be928f6b8ca1e8dfb9d2f4b75a13aa4aee0896f8a9a0a1c45cd5d2c98605e6172e6d014dda2e27f88c98befc16c040cbb2bd1bfa121510ea5cdf5f6a30fe8832'" {2}\$work\/wp-cli\.phar" \| sha512sum --check/,
                    );
                    assert.match(setup, /'redis-cache:2\.6\.5' 'amazon-s3-and-cloudfront:3\.2\.11'/);
                    assert.match(setup, /db-lock\.php hms_wordpress_install/);
                    assert.match(
                        fileOf(doc, "/etc/nginx/sites-available/hms-wordpress.conf"),
                        /listen 8080 default_server;/,
                    );
                }
            });

            it("wires WordPress to this stack's database, cache, bucket and secrets", () => {
                const r = runs[stack];
                const cluster = ofType(r, "aws:rds/cluster:Cluster")[0];
                const cache = ofType(r, "aws:elasticache/replicationGroup:ReplicationGroup")[0];
                const bucket =
                    ofType(r, "aws:s3/bucket:Bucket").find((b) => /-storage-media$|-storage$|media/.test(b.name)) ??
                    ofType(r, "aws:s3/bucket:Bucket")[0];
                const settings = fileOf(docOf(userDataOf(appServers(r)[0])), "/etc/hms/wordpress/settings.php");
                assert.ok(settings.includes(`define('HMS_DB_HOST', '${cluster.outputs.endpoint}');`), settings);
                assert.ok(settings.includes(`define('HMS_REDIS_HOST', '${cache.outputs.primaryEndpointAddress}');`));
                assert.ok(settings.includes(`define('HMS_DB_NAME', 'wordpress');`));
                const userData = userDataOf(appServers(r)[0]);
                assert.ok(userData.includes(String(bucket.outputs.bucket)), "the media bucket");
                const masterSecretArn = (cluster.outputs.masterUserSecrets as Array<{ secretArn: string }>)[0]
                    .secretArn;
                assert.ok(userData.includes(masterSecretArn), "the RDS-managed secret");
            });

            it("puts no secret in user data, and user data is not a secret", () => {
                const r = runs[stack];
                for (const s of appServers(r)) {
                    assert.ok(!isSecret(s.rawInputs.userDataBase64), `${s.name} user data is plain`);
                    assert.strictEqual(s.inputs.userData, undefined);
                    assertNoSecrets(r, userDataOf(s), s.name);
                }
            });

            it("passes shellcheck on every script it writes", function () {
                for (const s of appServers(runs[stack])) {
                    assertShellcheckClean(this, docOf(userDataOf(s)), s.name, 3);
                }
            });

            it("keeps the keys and salts and the admin password in Secrets Manager under the data key", () => {
                const r = runs[stack];
                const c = component(r);
                const secrets = childrenOf(r, c, "aws:secretsmanager/secret:Secret");
                assert.strictEqual(secrets.length, 2);
                for (const s of secrets) {
                    assert.strictEqual(s.inputs.kmsKeyId, dataKeyArn(r));
                }
                const versions = childrenOf(r, c, "aws:secretsmanager/secretVersion:SecretVersion");
                assert.strictEqual(versions.length, 2);
                for (const v of versions) {
                    assert.ok(isSecret(v.rawInputs.secretString), `${v.name} secretString is a Pulumi secret`);
                }
                const salts = childrenOf(r, c, "random:index/randomPassword:RandomPassword").filter(
                    (p) => !p.name.endsWith("-admin"),
                );
                assert.strictEqual(salts.length, WORDPRESS_SALT_NAMES.length);
                assert.ok(salts.every((p) => Number(p.inputs.length) >= 64));
            });

            it("lets the role read its own secrets and the bucket, nothing else", () => {
                const r = runs[stack];
                const roleName = `hms-${stack}-app-role`;
                const statements = roleStatements(r, roleName);
                const read = statements.find((x) => x.Action === "secretsmanager:GetSecretValue");
                assert.ok(read);
                const cluster = ofType(r, "aws:rds/cluster:Cluster")[0];
                const cacheSecret = ofType(r, "aws:secretsmanager/secret:Secret").find((x) =>
                    String(x.inputs.namePrefix ?? "").endsWith("/auth-token-"),
                );
                assert.ok(cacheSecret, "the cache's auth secret");
                const own = childrenOf(r, component(r), "aws:secretsmanager/secret:Secret").map((x) =>
                    String(x.outputs.arn),
                );
                const expected = [
                    (cluster.outputs.masterUserSecrets as Array<{ secretArn: string }>)[0].secretArn,
                    String(cacheSecret.outputs.arn),
                    ...own,
                ];
                assert.deepStrictEqual([...(read.Resource as string[])].sort(), expected.sort());
                const decrypt = statements.find((x) => x.Action === "kms:Decrypt");
                assert.ok(decrypt);
                assert.strictEqual(decrypt.Resource, dataKeyArn(r));
                assert.deepStrictEqual(decrypt.Condition, {
                    StringEquals: { "kms:ViaService": "secretsmanager.sa-east-1.amazonaws.com" },
                });
                assert.strictEqual(statements.length, 2);
                const attached = ofType(r, "aws:iam/rolePolicyAttachment:RolePolicyAttachment")
                    .filter((a) => a.name.startsWith(`${roleName}-`))
                    .map((a) => String(a.inputs.policyArn));
                const accessPolicy = ofType(r, "aws:iam/policy:Policy").find(
                    (p) => attached.includes(String(p.outputs.arn)) && p.name.includes("storage"),
                );
                assert.ok(accessPolicy, `the storage access policy is attached: ${attached.join(", ")}`);
                assert.ok(attached.includes("arn:aws:iam::aws:policy/AmazonSSMManagedInstanceCore"));
                for (const s of appServers(r)) {
                    assert.strictEqual(
                        s.inputs.iamInstanceProfile,
                        ofType(r, "aws:iam/instanceProfile:InstanceProfile").find((p) => p.name === roleName)?.outputs
                            .name,
                    );
                }
            });

            it("accepts traffic only from Nginx and the WebSocket server, and reaches only what it needs", () => {
                const r = runs[stack];
                const sg = childrenOf(r, component(r), "aws:ec2/securityGroup:SecurityGroup")[0];
                assert.strictEqual(sg.inputs.ingress, undefined);
                const ingress = ofType(r, "aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule").filter(
                    (x) => x.inputs.securityGroupId === sg.id,
                );
                const sources = ingress
                    .map((x) => byId(r, "aws:ec2/securityGroup:SecurityGroup", x.inputs.referencedSecurityGroupId).name)
                    .sort();
                assert.deepStrictEqual(sources, [`hms-${stack}-lb-nginx`, `hms-${stack}-ws-sg`].sort());
                assert.ok(
                    ingress.every(
                        (x) =>
                            x.inputs.fromPort === 8080 && x.inputs.toPort === 8080 && x.inputs.cidrIpv4 === undefined,
                    ),
                );
                const egress = ofType(r, "aws:vpc/securityGroupEgressRule:SecurityGroupEgressRule").filter(
                    (x) => x.inputs.securityGroupId === sg.id,
                );
                const to = egress
                    .map(
                        (x) =>
                            `${x.inputs.fromPort}:${x.inputs.cidrIpv4 ?? byId(r, "aws:ec2/securityGroup:SecurityGroup", x.inputs.referencedSecurityGroupId).name}`,
                    )
                    .sort();
                assert.deepStrictEqual(
                    to,
                    [
                        "443:0.0.0.0/0",
                        "80:0.0.0.0/0",
                        `3306:hms-${stack}-database-sg`,
                        `6379:hms-${stack}-cache-sg`,
                    ].sort(),
                );
                // The other side: the database and the cache let the app servers in.
                for (const [port, target] of [
                    [3306, "database"],
                    [6379, "cache"],
                ] as const) {
                    const targetSg = ofType(r, "aws:ec2/securityGroup:SecurityGroup").find(
                        (x) => x.name === `hms-${stack}-${target}-sg`,
                    );
                    assert.ok(targetSg, `${target} security group`);
                    assert.ok(
                        ofType(r, "aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule").some(
                            (x) =>
                                x.inputs.securityGroupId === targetSg.id &&
                                x.inputs.referencedSecurityGroupId === sg.id &&
                                x.inputs.fromPort === port,
                        ),
                        `${target} accepts the app servers on ${port}`,
                    );
                }
            });

            it("raises status check and CPU alarms to the monitoring topic", () => {
                const r = runs[stack];
                const topic = ofType(r, "aws:sns/topic:Topic").find((t) => t.name.includes("monitoring"));
                assert.ok(topic);
                for (const s of appServers(r)) {
                    const alarms = ofType(r, "aws:cloudwatch/metricAlarm:MetricAlarm").filter(
                        (a) => (a.inputs.dimensions as Record<string, string>)?.InstanceId === s.id,
                    );
                    assert.deepStrictEqual(alarms.map((a) => a.inputs.metricName).sort(), [
                        "CPUUtilization",
                        "StatusCheckFailed",
                    ]);
                    assert.ok(alarms.every((a) => (a.inputs.alarmActions as string[])[0] === topic.outputs.arn));
                }
            });
        });
    }

    it("replaces servers one at a time, each after the previous one answers its health check; keeps them on new Canonical images", () => {
        const r = runs.production;
        const servers = appServers(r);
        assert.strictEqual(servers.length, 2);
        assertChainedReplacements(r, servers);
        for (const server of servers) {
            const env = gateOf(r, server).inputs.environment as Record<string, string>;
            assert.strictEqual(env.HMS_INSTANCE_IDS, server.id);
            const commands = JSON.parse(env.HMS_COMMANDS) as string[];
            assert.ok(
                commands.some((c) => /^curl -fsS .*http:\/\/127\.0\.0\.1:8080\/healthz$/.test(c)),
                commands.join("; "),
            );
        }
        // Nginx learns an address only once its server is ready (the parameter waits for every gate).
        const parameter = ofType(r, "aws:ssm/parameter:Parameter").find((p) =>
            String(p.inputs.name).endsWith("/upstreams/wordpress"),
        );
        assert.ok(parameter);
        assert.deepStrictEqual(
            String(parameter.inputs.insecureValue).split(","),
            servers.map((s) => String(s.outputs.privateIp)),
        );
        for (const server of servers) {
            assert.ok(parameter.dependencies.includes(gateOf(r, server).urn), `published after ${server.name}'s gate`);
        }
    });

    it("the server tiers keep the URNs existing stacks hold (a renamed resource carries an alias)", () => {
        const held = JSON.parse(fs.readFileSync(path.join(__dirname, "support", "server-urns.json"), "utf8")) as Record<
            string,
            string[]
        >;
        // A URN as the engine matches it here: the parent's type, the type and the name.
        const key = (urn: string): string => {
            const [, , types, name] = urn.split("::");
            return `${types.split("$").slice(-2).join("$")}::${name}`;
        };
        for (const stack of ["production", "staging"] as const) {
            const r = runs[stack];
            const urns = new Set(r.resources.map((x) => x.urn));
            // A child inherits its parent's aliases: the engine aliases it under each former
            // parent (pulumi v3.259 pkg/resource/deploy/step_generator.go, inheritedChildAlias), so a renamed
            // component type (hms:compute:InstanceRole -> hms:security:InstanceRole) keeps its children.
            const byUrn = new Map(r.resources.map((x) => [x.urn, x]));
            const aliasUrns = (x: (typeof r.resources)[number]): string[] => {
                const parent = x.parent ? byUrn.get(x.parent) : undefined;
                const inherited = parent
                    ? aliasUrns(parent).map((a) => `${a.split("::").slice(0, 3).join("::")}$${x.type}::${x.name}`)
                    : [];
                return [...x.options.aliases, ...inherited];
            };
            const aliases = new Set(r.resources.flatMap((x) => aliasUrns(x).map(key)));
            assert.ok(held[stack].length > 80, `${stack}: the held URNs`);
            const lost = held[stack].filter((u) => !urns.has(u) && !aliases.has(key(u)));
            assert.deepStrictEqual(lost, [], `${stack}: resources existing stacks would replace or delete`);
        }
    });

    it("spreads a third server over the third AZ of production (built alone in production's app subnets)", async function () {
        this.timeout(120_000);
        // Production's app subnets, one per AZ, as its network tier makes them.
        const subnets = ofType(runs.production, "aws:ec2/subnet:Subnet").filter(
            (x) => (x.inputs.tags as Record<string, string>).Tier === "app",
        );
        const azOfSubnet = new Map(subnets.map((x) => [x.id, String(x.inputs.availabilityZone)]));
        assert.strictEqual(new Set(azOfSubnet.values()).size, 3, "production has an app subnet in each of 3 AZs");
        const resources = await appServersAlone(
            "production",
            { appCount: 3 },
            subnets.map((x) => x.id),
        );
        const servers = resources.filter(
            (x) =>
                x.type === "aws:ec2/instance:Instance" &&
                (x.inputs.tags as Record<string, string>).Role === "wordpress",
        );
        const azs = servers.map((s) => azOfSubnet.get(String(s.inputs.subnetId)));
        assert.deepStrictEqual([...azs].sort(), ["sa-east-1a", "sa-east-1b", "sa-east-1c"]);
    });

    it("refuses a PHP version Ubuntu 24.04 does not ship", async function () {
        this.timeout(120_000);
        await assert.rejects(
            runStack("staging", { appPhpVersion: "8.2" }),
            /hms:appPhpVersion = "8.2": Ubuntu 24.04 ships PHP 8.3/,
        );
    });

    describe("the readiness gate script (templates/host.ts), run by bash against a stand-in AWS CLI", () => {
        const gate = renderSsmGateScript();
        let stubs: string;
        before(() => {
            stubs = fs.mkdtempSync(path.join(os.tmpdir(), "hms-ssm-gate-"));
            // ssm send-command: fails while "unregistered" counts down (InvalidInstanceId), then records the call.
            // ssm get-command-invocation: the next line of status-<instance> (the last one repeats), else Success.
            fs.writeFileSync(
                path.join(stubs, "aws"),
                [
                    "#!/bin/bash",
                    'case "$2" in',
                    "send-command)",
                    '    n=$(cat "$STUBS/unregistered" 2> /dev/null || echo 0)',
                    '    if [ "$n" -gt 0 ]; then echo $((n - 1)) > "$STUBS/unregistered"; echo InvalidInstanceId >&2; exit 254; fi',
                    '    echo "$*" >> "$STUBS/sent"; echo cmd-1 ;;',
                    "get-command-invocation)",
                    '    while [ $# -gt 0 ]; do if [ "$1" = --instance-id ]; then id=$2; fi; shift; done',
                    '    f="$STUBS/status-$id"',
                    '    if [ -s "$f" ]; then head -1 "$f"; if [ "$(wc -l < "$f")" -gt 1 ]; then sed -i 1d "$f"; fi; else echo Success; fi ;;',
                    "esac",
                    "",
                ].join("\n"),
                { mode: 0o755 },
            );
        });
        after(() => fs.rmSync(stubs, { recursive: true, force: true }));
        const runGate = (env: Record<string, string>) => {
            for (const f of fs.readdirSync(stubs).filter((f) => f !== "aws")) {
                fs.rmSync(path.join(stubs, f));
            }
            return (setup: Record<string, string>) => {
                for (const [f, text] of Object.entries(setup)) {
                    fs.writeFileSync(path.join(stubs, f), text);
                }
                return spawnSync("bash", ["-c", gate], {
                    encoding: "utf8",
                    timeout: 60_000,
                    env: {
                        ...process.env,
                        PATH: `${stubs}:${process.env.PATH}`,
                        STUBS: stubs,
                        HMS_REGION: "sa-east-1",
                        HMS_INSTANCE_IDS: "i-0aaa i-0bbb",
                        HMS_COMMANDS: JSON.stringify(readyCommands(8080)),
                        HMS_DEADLINE_SECONDS: "5",
                        HMS_POLL_SECONDS: "0",
                        ...env,
                    },
                });
            };
        };

        it("passes shellcheck", function () {
            requireTool(this, "shellcheck");
            const r = run("shellcheck", ["--shell=bash", "-"], gate);
            assert.strictEqual(r.status, 0, r.stdout + r.stderr);
        });

        it("waits until the command succeeded on every instance, sending the readiness commands", () => {
            const r = runGate({})({ "status-i-0aaa": "Pending\nInProgress\nSuccess\n" });
            assert.strictEqual(r.status, 0, r.stdout + r.stderr);
            assert.match(r.stdout, /i-0aaa ok/);
            assert.match(r.stdout, /i-0bbb ok/);
            const sent = fs.readFileSync(path.join(stubs, "sent"), "utf8");
            assert.ok(sent.includes(`{"commands":${JSON.stringify(readyCommands(8080))}}`), sent);
            assert.match(sent, /--document-name AWS-RunShellScript --instance-ids i-0aaa i-0bbb /);
        });

        it("sends again while an instance is not registered with SSM yet", () => {
            const r = runGate({})({ unregistered: "2" });
            assert.strictEqual(r.status, 0, r.stdout + r.stderr);
            assert.strictEqual(fs.readFileSync(path.join(stubs, "sent"), "utf8").trim().split("\n").length, 1);
        });

        it("retries a failed instance only, and fails the update at the deadline", () => {
            const recovered = runGate({})({ "status-i-0bbb": "Failed\nSuccess\n" });
            assert.strictEqual(recovered.status, 0, recovered.stdout + recovered.stderr);
            const sent = fs.readFileSync(path.join(stubs, "sent"), "utf8").trim().split("\n");
            assert.strictEqual(sent.length, 2);
            assert.match(sent[1], /--instance-ids i-0bbb /);
            // The deadline on a stand-in clock that moves a minute each time the script reads it.
            const gateWithDeadline = runGate({ HMS_DEADLINE_SECONDS: "600" });
            fs.writeFileSync(
                path.join(stubs, "date"),
                '#!/bin/bash\n[ "$*" = "+%s" ] || exec /bin/date "$@"\n' +
                    't=$(cat "$STUBS/clock" 2> /dev/null || echo 1700000000)\necho $((t + 60)) > "$STUBS/clock"\necho "$t"\n',
                { mode: 0o755 },
            );
            const never = gateWithDeadline({ "status-i-0aaa": "Failed\n" });
            assert.notStrictEqual(never.status, 0);
            assert.match(never.stderr, /i-0aaa did not succeed within 600s/);
            const clock = Number(fs.readFileSync(path.join(stubs, "clock"), "utf8"));
            assert.ok(clock > 1700000000 + 600, "it ran until the deadline");
        });
    });
});
