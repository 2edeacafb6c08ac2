import * as assert from "assert";
import * as fs from "fs";
import { gunzipSync } from "zlib";
import { parse } from "yaml";
import { NGINX_HEALTH_PATH, NGINX_PATHS, NGINX_TLS_HEALTH_PORT, UPSTREAM_PATHS } from "../templates/nginx";
import * as pulumi from "@pulumi/pulumi";
import { LoadBalancer, SECURITY_GROUP_RULE_QUOTA } from "../components/load-balancer";
import { loadBalancerArgs } from "../components/tier-args";
import { CLOUDFLARE_IPV4, CLOUDFLARE_IPV6, isSecret, RecordedResource, useMocks } from "../tools/mocks";
import { readStackConfig, runStack, settle, StackRun } from "../tools/stack";
import { makeSandbox, nginxTest, relocate, removeSandbox } from "./support/nginx-sandbox";
import { assertChainedReplacements } from "./support/servers";
import { assertCloudInitValid } from "./support/cloud-init";
import { requireTool, run } from "./support/tools";
import { ofType, parseStack } from "./support/resources";
import { buildComponent, handedOver, withRequirements } from "./support/components";

const one = (r: StackRun, type: string): RecordedResource => {
    const all = ofType(r, type);
    assert.strictEqual(all.length, 1, `expected one ${type}, found ${all.length}`);
    return all[0];
};
const byId = (r: StackRun, type: string, id: unknown): RecordedResource => {
    const found = ofType(r, type).find((x) => x.id === id);
    assert.ok(found, `no ${type} with id ${String(id)}`);
    return found;
};
const LB = "hms:loadBalancer:LoadBalancer";
const under = (r: StackRun, x: RecordedResource, type: string): boolean => {
    for (let p = x.parent; p;) {
        const parent = r.resources.find((y) => y.urn === p);
        if (!parent) return false;
        if (parent.type === type) return true;
        p = parent.parent;
    }
    return false;
};
const nginxInstances = (r: StackRun): RecordedResource[] =>
    ofType(r, "aws:ec2/instance:Instance").filter((i) => (i.inputs.tags as Record<string, string>).Role === "nginx");
const nlbSg = (r: StackRun): RecordedResource =>
    byId(
        r,
        "aws:ec2/securityGroup:SecurityGroup",
        (one(r, "aws:lb/loadBalancer:LoadBalancer").inputs.securityGroups as string[])[0],
    );
const ingressOf = (r: StackRun, sgId: unknown): RecordedResource[] =>
    ofType(r, "aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule").filter(
        (x) => x.inputs.securityGroupId === sgId,
    );
const subnetIdsOfTier = (r: StackRun, tier: string): string[] =>
    ofType(r, "aws:ec2/subnet:Subnet")
        .filter((s) => (s.inputs.tags as Record<string, string>).Tier === tier)
        .map((s) => s.id);

/** The cloud-config document of an instance (user data is gzipped, base64-encoded). */
const userDataOf = (i: RecordedResource): string =>
    gunzipSync(Buffer.from(String(i.inputs.userDataBase64), "base64")).toString("utf8");

interface CloudConfigDoc {
    write_files: Array<{ path: string; content: string }>;
}
const fileOf = (userData: string, path: string): string => {
    const f = (parse(userData) as CloudConfigDoc).write_files.find((w) => w.path === path);
    assert.ok(f, `user data writes ${path}`);
    return f.content;
};

/** What the tests of a load balancer read: its resources and what the other tiers handed it. */
interface Subject {
    /**
     * The whole program's run, or the LoadBalancer built alone in a run's shape (without
     * invokes or stack outputs: a component has none).
     */
    r: StackRun;
    /** A whole program: the composition's part (rules other tiers add, the edge's upload, outputs) is there too. */
    program: boolean;
    stack: "production" | "staging";
    nginxCount: number;
    azs: number;
    protect: boolean;
    websocket: boolean;
    publicSubnetIds: string[];
    appSubnetIds: string[];
    dataKeyArn: unknown;
    appIps: string[];
    websocketIps: string[];
}

/** A whole program's load balancer and what its network, keys and servers handed it. */
function programSubject(r: StackRun, stack: Subject["stack"], nginxCount: number, azs: number): Subject {
    const ipsOf = (role: string) =>
        ofType(r, "aws:ec2/instance:Instance")
            .filter((i) => (i.inputs.tags as Record<string, string>).Role === role)
            .map((i) => String(i.outputs.privateIp));
    const config = readStackConfig(stack);
    return {
        r,
        program: true,
        stack,
        nginxCount,
        azs,
        protect: config["hms:protectData"] === "true",
        websocket: ipsOf("websocket").length > 0,
        publicSubnetIds: subnetIdsOfTier(r, "public"),
        appSubnetIds: subnetIdsOfTier(r, "app"),
        dataKeyArn: ofType(r, "aws:kms/key:Key").find((k) => /-data$/.test(k.name))?.outputs.arn,
        appIps: ipsOf("wordpress"),
        websocketIps: ipsOf("websocket"),
    };
}

/**
 * The LoadBalancer built alone from staging's parsed configuration with
 * `overrides`, with components/tier-args.ts's loadBalancerArgs of it (what
 * hospital.ts's createLoadBalancer passes) and stand-ins for what the other
 * tiers hand over (`shape` lends its run's shape: the records are the
 * component's alone).
 */
async function stagingAlone(overrides: Record<string, unknown>, shape: StackRun): Promise<Subject> {
    const c = parseStack("staging", overrides);
    assert.ok(c.loadBalancer, "staging runs the loadBalancer tier");
    const h = handedOver(c);
    const resources = await buildComponent(
        () => new LoadBalancer(`hms-${c.environment}-lb`, loadBalancerArgs(c, h)),
        c.region,
    );
    return {
        r: { ...shape, stack: "staging", resources, invokes: [], outputs: {} },
        program: false,
        stack: "staging",
        nginxCount: c.loadBalancer.nginxCount,
        azs: h.network.appSubnets.ids.length,
        protect: c.protectData,
        websocket: c.websocket !== undefined,
        publicSubnetIds: h.network.publicSubnets.ids,
        appSubnetIds: h.network.appSubnets.ids,
        dataKeyArn: h.keys.dataKeyArn,
        appIps: h.appServers.privateIps,
        websocketIps: h.websocket ? [h.websocket.privateIp] : [],
    };
}

describe("LoadBalancer (NLB + Nginx)", () => {
    const runs = {} as Record<"production" | "staging" | "withoutWebsocket", StackRun>;
    const subjects: Record<string, Subject> = {};
    before(async function () {
        // Each run registers ~370 resources; the SDK's promise bookkeeping makes that take tens of seconds.
        this.timeout(300_000);
        runs.production = await runStack("production");
        runs.staging = await runStack("staging");
        // The composition of a stack without the WebSocket tier and without data protection (see
        // its test): staging with the load balancer and the tiers it needs only.
        runs.withoutWebsocket = await runStack("staging", {
            tiers: withRequirements("loadBalancer"),
            protectData: false,
        });
        subjects.production = programSubject(runs.production, "production", 3, 3);
        subjects.staging = programSubject(runs.staging, "staging", 2, 2);
        // Staging without the WebSocket tier and without data protection: the other branch of each switch.
        const tiers = (JSON.parse(readStackConfig("staging")["hms:tiers"]) as string[]).filter(
            (t) => t !== "websocket",
        );
        subjects.alone = await stagingAlone({ tiers, protectData: false }, runs.staging);
    });

    // The external tools (nginx, cloud-init, shellcheck) check production's user data and the
    // built-alone one (no WebSocket upstream); staging's differs from production's in values only.
    for (const [key, title, nginxCount, azs, protect, websocket, tools] of [
        ["production", "production", 3, 3, true, true, true],
        ["staging", "staging", 2, 2, true, true, false],
        [
            "alone",
            "staging without the WebSocket tier and without data protection (the LoadBalancer built alone)",
            2,
            2,
            false,
            false,
            true,
        ],
    ] as const) {
        describe(title, () => {
            before(function () {
                // What the titles below promise is what the subject is.
                const s = subjects[key];
                assert.deepStrictEqual(
                    [s.nginxCount, s.azs, s.protect, s.websocket],
                    [nginxCount, azs, protect, websocket],
                );
            });

            it("has an internet-facing NLB in the public subnets, cross-zone, TCP 443 to Nginx", () => {
                const s = subjects[key];
                const r = s.r;
                const nlb = one(r, "aws:lb/loadBalancer:LoadBalancer");
                assert.ok(under(r, nlb, LB));
                assert.strictEqual(nlb.inputs.loadBalancerType, "network");
                assert.strictEqual(nlb.inputs.internal, false);
                assert.strictEqual(nlb.inputs.enableCrossZoneLoadBalancing, true);
                assert.deepStrictEqual([...(nlb.inputs.subnets as string[])].sort(), [...s.publicSubnetIds].sort());
                assert.strictEqual((nlb.inputs.securityGroups as string[]).length, 1);
                const listener = one(r, "aws:lb/listener:Listener");
                assert.strictEqual(listener.inputs.port, 443);
                assert.strictEqual(listener.inputs.protocol, "TCP");
                const tg = one(r, "aws:lb/targetGroup:TargetGroup");
                assert.strictEqual(tg.inputs.port, 443);
                assert.strictEqual(tg.inputs.targetType, "instance");
                const hc = tg.inputs.healthCheck as Record<string, unknown>;
                // HTTPS: the check goes through Nginx's TLS (templates/nginx.ts, tested on loopback).
                assert.deepStrictEqual(
                    [hc.protocol, hc.port, hc.path, hc.matcher],
                    ["HTTPS", String(NGINX_TLS_HEALTH_PORT), NGINX_HEALTH_PATH, "200"],
                );
                const attached = ofType(r, "aws:lb/targetGroupAttachment:TargetGroupAttachment").map(
                    (a) => a.inputs.targetId,
                );
                assert.deepStrictEqual(
                    attached.sort(),
                    nginxInstances(r)
                        .map((i) => i.id)
                        .sort(),
                );
                assert.strictEqual(one(r, LB).serializedOutputs.nlbDnsName, nlb.outputs.dnsName);
                if (s.program) {
                    assert.strictEqual(r.outputs.nlbDnsName, nlb.outputs.dnsName);
                }
            });

            it(`deletion protection is ${protect ? "on" : "off"} (hms:protectData)`, () => {
                assert.strictEqual(
                    one(subjects[key].r, "aws:lb/loadBalancer:LoadBalancer").inputs.enableDeletionProtection,
                    protect,
                );
            });

            it("the NLB admits HTTPS from Cloudflare's published ranges and nothing else (prefix lists, one rule per family)", () => {
                const s = subjects[key];
                const r = s.r;
                const sg = nlbSg(r);
                assert.deepStrictEqual(sg.inputs.ingress ?? [], [], "no inline ingress rules");
                const rules = ingressOf(r, sg.id);
                assert.strictEqual(rules.length, 2, "one rule per address family");
                const lists = rules.map((x) =>
                    byId(r, "aws:ec2/managedPrefixList:ManagedPrefixList", x.inputs.prefixListId),
                );
                const cidrs = (l: RecordedResource) =>
                    (l.inputs.entries as Array<{ cidr: string }>).map((e) => e.cidr).sort();
                const v4 = lists.find((l) => l.inputs.addressFamily === "IPv4");
                const v6 = lists.find((l) => l.inputs.addressFamily === "IPv6");
                assert.ok(v4 && v6);
                assert.deepStrictEqual(cidrs(v4), [...CLOUDFLARE_IPV4].sort());
                assert.deepStrictEqual(cidrs(v6), [...CLOUDFLARE_IPV6].sort());
                for (const l of [v4, v6]) {
                    // A referenced list counts as maxEntries rules against the group's quota.
                    assert.strictEqual(l.inputs.maxEntries, (l.inputs.entries as unknown[]).length);
                    assert.ok((l.inputs.maxEntries as number) <= SECURITY_GROUP_RULE_QUOTA);
                    assert.ok(under(r, l, LB));
                }
                for (const x of rules) {
                    assert.strictEqual(x.inputs.ipProtocol, "tcp", x.name);
                    assert.strictEqual(x.inputs.fromPort, 443, x.name);
                    assert.strictEqual(x.inputs.toPort, 443, x.name);
                    assert.strictEqual(
                        x.inputs.cidrIpv4 ?? x.inputs.cidrIpv6 ?? x.inputs.referencedSecurityGroupId,
                        undefined,
                        x.name,
                    );
                }
            });

            it("servers are replaced one at a time: each waits until the previous one is in service behind the NLB", () => {
                const s = subjects[key];
                const r = s.r;
                const servers = nginxInstances(r);
                const tg = one(r, "aws:lb/targetGroup:TargetGroup");
                const gates = ofType(r, "command:local:Command").filter(
                    (c) => under(r, c, LB) && String(c.inputs.create).startsWith("aws elbv2 wait target-in-service"),
                );
                assert.strictEqual(gates.length, servers.length);
                assertChainedReplacements(r, servers);
                servers.forEach((server, i) => {
                    const gate = gates.find((g) => (g.inputs.triggers as string[]).includes(server.id));
                    assert.ok(gate, `a gate for ${server.name}`);
                    assert.strictEqual(
                        gate.inputs.create,
                        `aws elbv2 wait target-in-service --region '${server.inputs.region}' --target-group-arn '${tg.outputs.arn}' --targets 'Id=${server.id},Port=443'`,
                    );
                    const attachment = ofType(r, "aws:lb/targetGroupAttachment:TargetGroupAttachment").find(
                        (a) => a.inputs.targetId === server.id,
                    );
                    assert.ok(
                        attachment && gate.dependencies.includes(attachment.urn),
                        "the gate runs after the registration",
                    );
                    assert.ok(
                        gate.dependencies.includes(one(r, "aws:lb/listener:Listener").urn),
                        "targets are only health-checked behind a listener",
                    );
                    if (i > 0) {
                        const previousGate = gates.find((g) =>
                            (g.inputs.triggers as string[]).includes(servers[i - 1].id),
                        )!;
                        assert.ok(
                            server.dependencies.includes(previousGate.urn),
                            `${server.name} waits for ${servers[i - 1].name} to be in service`,
                        );
                    }
                });
            });

            it("a new Canonical image replaces no server; servers wait for their role's grants", () => {
                const s = subjects[key];
                const r = s.r;
                for (const server of nginxInstances(r)) {
                    assert.ok(server.options.ignoreChanges.includes("ami"), server.name);
                    const profile = ofType(r, "aws:iam/instanceProfile:InstanceProfile").find(
                        (p) => p.outputs.name === server.inputs.iamInstanceProfile,
                    );
                    assert.ok(profile);
                    const roleName = profile.inputs.role;
                    const grants = [
                        ...ofType(r, "aws:iam/rolePolicyAttachment:RolePolicyAttachment"),
                        ...ofType(r, "aws:iam/rolePolicy:RolePolicy"),
                    ].filter(
                        (g) =>
                            g.inputs.role === roleName ||
                            ofType(r, "aws:iam/role:Role").some(
                                (role) => role.id === g.inputs.role && role.outputs.name === roleName,
                            ),
                    );
                    assert.ok(grants.length >= 2, "SSM and the certificate policy");
                    grants.forEach((g) =>
                        assert.ok(server.dependencies.includes(g.urn), `${server.name} waits for ${g.name}`),
                    );
                }
            });

            it("Nginx accepts only the NLB (HTTPS and health port) and may call the app and WebSocket servers", () => {
                const s = subjects[key];
                const r = s.r;
                const nlb = nlbSg(r);
                const nginxSgId = (nginxInstances(r)[0].inputs.vpcSecurityGroupIds as string[])[0];
                const rules = ingressOf(r, nginxSgId);
                // The composition lets the NLB in (hospital.ts); built alone, Nginx admits nothing.
                assert.deepStrictEqual(
                    rules.map((x) => [x.inputs.referencedSecurityGroupId, x.inputs.fromPort, x.inputs.toPort]).sort(),
                    s.program
                        ? [
                              [nlb.id, 443, 443],
                              [nlb.id, NGINX_TLS_HEALTH_PORT, NGINX_TLS_HEALTH_PORT],
                          ].sort()
                        : [],
                );
                const egress = ofType(r, "aws:vpc/securityGroupEgressRule:SecurityGroupEgressRule");
                const nlbEgress = egress.filter((x) => x.inputs.securityGroupId === nlb.id);
                assert.deepStrictEqual(
                    nlbEgress.map((x) => [x.inputs.referencedSecurityGroupId, x.inputs.fromPort]).sort(),
                    [
                        [nginxSgId, 443],
                        [nginxSgId, NGINX_TLS_HEALTH_PORT],
                    ].sort(),
                );
                // The app (and WebSocket) security groups admit Nginx on their ports (the composition's rules).
                const fromNginx = ofType(r, "aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule").filter(
                    (x) => x.inputs.referencedSecurityGroupId === nginxSgId,
                );
                assert.strictEqual(
                    fromNginx.length,
                    s.program ? (websocket ? 2 : 1) : 0,
                    fromNginx.map((x) => x.name).join(", "),
                );
            });

            it(`runs ${nginxCount} Nginx servers, one per AZ over the ${azs} app subnets, hardened`, () => {
                const s = subjects[key];
                const r = s.r;
                const instances = nginxInstances(r);
                assert.strictEqual(instances.length, nginxCount);
                assert.strictEqual(new Set(instances.map((i) => i.inputs.subnetId)).size, Math.min(nginxCount, azs));
                for (const i of instances) {
                    assert.ok(s.appSubnetIds.includes(String(i.inputs.subnetId)), `${i.name} in an app subnet`);
                    const md = i.inputs.metadataOptions as Record<string, unknown>;
                    assert.strictEqual(md.httpTokens, "required", `${i.name}: IMDSv2 only`);
                    const root = i.inputs.rootBlockDevice as Record<string, unknown>;
                    assert.strictEqual(root.encrypted, true);
                    assert.strictEqual(root.volumeType, "gp3");
                    assert.strictEqual(root.kmsKeyId, s.dataKeyArn);
                    assert.strictEqual(i.inputs.associatePublicIpAddress, false);
                    assert.strictEqual(i.inputs.keyName, undefined, "no SSH key");
                    assert.ok(i.inputs.iamInstanceProfile, "an instance profile (Session Manager)");
                    assert.strictEqual((i.inputs.tags as Record<string, string>).OperatingSystem, "Ubuntu 24.04 LTS");
                    assert.strictEqual(i.inputs.userDataReplaceOnChange, true);
                }
            });

            it("keeps every secret out of user data; the certificate lives in Secrets Manager under the data key", () => {
                const s = subjects[key];
                const r = s.r;
                const keys = ofType(r, "tls:index/privateKey:PrivateKey").filter((k) => under(r, k, LB));
                assert.ok(keys.length >= 3, "origin, origin-pull CA and origin-pull client keys");
                for (const i of nginxInstances(r)) {
                    const userData = userDataOf(i);
                    assert.doesNotMatch(userData, /PRIVATE KEY/);
                    for (const k of keys) {
                        assert.ok(
                            !userData.includes(String(k.outputs.privateKeyPem).split("\n")[1]),
                            `${i.name} carries ${k.name}`,
                        );
                    }
                    assert.ok(!isSecret(i.rawInputs.userDataBase64), "user data is plain (and holds nothing secret)");
                    assert.strictEqual(i.inputs.userData, undefined);
                }
                const secret = ofType(r, "aws:secretsmanager/secret:Secret").find((x) => under(r, x, LB));
                assert.ok(secret);
                assert.strictEqual(secret.inputs.kmsKeyId, s.dataKeyArn);
                const version = ofType(r, "aws:secretsmanager/secretVersion:SecretVersion").find(
                    (v) => v.inputs.secretId === secret.id,
                );
                assert.ok(version && isSecret(version.rawInputs.secretString), "the secret value is a Pulumi secret");
                // Each server fetches it at boot from the secret named in its user data.
                for (const i of nginxInstances(r)) {
                    assert.ok(userDataOf(i).includes(String(secret.outputs.arn)));
                }
            });

            it("the instance role reads only its certificate secret (through Secrets Manager's use of the key) and its upstream parameters", () => {
                const s = subjects[key];
                const r = s.r;
                const secret = ofType(r, "aws:secretsmanager/secret:Secret").find((x) => under(r, x, LB));
                const policies = ofType(r, "aws:iam/rolePolicy:RolePolicy").filter((p) => under(r, p, LB));
                assert.strictEqual(policies.length, 1);
                const doc = JSON.parse(String(policies[0].inputs.policy)) as {
                    Statement: Array<{
                        Action: string;
                        Resource: string;
                        Condition?: Record<string, Record<string, string>>;
                    }>;
                };
                assert.deepStrictEqual(doc.Statement.map((x) => x.Action).sort(), [
                    "kms:Decrypt",
                    "secretsmanager:GetSecretValue",
                    "ssm:GetParameter",
                ]);
                const parameters = ofType(r, "aws:ssm/parameter:Parameter").filter((p) => under(r, p, LB));
                assert.strictEqual(parameters.length, websocket ? 2 : 1);
                assert.deepStrictEqual(
                    doc.Statement.find((x) => x.Action === "ssm:GetParameter")?.Resource,
                    parameters.map((p) => p.outputs.arn),
                    "reads exactly its upstream parameters",
                );
                const read = doc.Statement.find((x) => x.Action === "secretsmanager:GetSecretValue");
                assert.strictEqual(read?.Resource, secret?.outputs.arn);
                const decrypt = doc.Statement.find((x) => x.Action === "kms:Decrypt");
                assert.strictEqual(
                    decrypt?.Condition?.StringEquals["kms:ViaService"],
                    "secretsmanager.sa-east-1.amazonaws.com",
                );
                assert.doesNotMatch(String(policies[0].inputs.policy), /"\*"/);
            });

            it("requests an Origin CA certificate for the domain and its subdomains from a CSR made here", () => {
                const s = subjects[key];
                const r = s.r;
                const domain = readStackConfig(s.stack)["hms:domain"];
                const cert = one(r, "cloudflare:index/originCaCertificate:OriginCaCertificate");
                assert.deepStrictEqual(cert.inputs.hostnames, [domain, `*.${domain}`]);
                assert.strictEqual(cert.inputs.requestType, "origin-ecc");
                const csr = ofType(r, "tls:index/certRequest:CertRequest").find(
                    (c) => c.outputs.certRequestPem === cert.inputs.csr,
                );
                assert.ok(csr, "the CSR comes from tls.CertRequest");
                assert.strictEqual((csr.inputs.subject as Record<string, string>).commonName, domain);
                assert.deepStrictEqual(csr.inputs.dnsNames, [domain, `*.${domain}`]);
            });

            it("generates the Authenticated Origin Pulls CA and client certificate; Nginx verifies against that CA", () => {
                const s = subjects[key];
                const r = s.r;
                const ca = ofType(r, "tls:index/selfSignedCert:SelfSignedCert").find((c) => under(r, c, LB));
                assert.ok(ca && ca.inputs.isCaCertificate === true);
                const client = ofType(r, "tls:index/locallySignedCert:LocallySignedCert").find((c) => under(r, c, LB));
                assert.ok(client);
                assert.strictEqual(client.inputs.caCertPem, ca.outputs.certPem);
                assert.ok((client.inputs.allowedUses as string[]).includes("client_auth"));
                for (const i of nginxInstances(r)) {
                    assert.strictEqual(fileOf(userDataOf(i), NGINX_PATHS.clientCa), String(ca.outputs.certPem));
                    assert.match(fileOf(userDataOf(i), NGINX_PATHS.siteConf), /ssl_verify_client on;/);
                }
                // It hands the client certificate and its key (a secret) to the edge...
                const handed = one(r, LB).serializedOutputs;
                assert.strictEqual(handed.originPullCertificatePem, client.outputs.certPem);
                assert.ok(isSecret(handed.originPullPrivateKeyPem), "the key is handed over as a secret");
                // ...which uploads them; the key stays a secret on the way.
                // (The stacks run the edge tier: the upload must be there.)
                if (s.program) {
                    const upload = ofType(
                        r,
                        "cloudflare:index/authenticatedOriginPullsCertificate:AuthenticatedOriginPullsCertificate",
                    );
                    assert.strictEqual(upload.length, 1, "the edge uploads the client certificate");
                    assert.strictEqual(upload[0].inputs.certificate, client.outputs.certPem);
                    assert.ok(isSecret(upload[0].rawInputs.privateKey));
                }
            });

            it(`Nginx balances over the app servers${websocket ? " and routes /ws to the WebSocket server" : " (no /ws route)"}, addresses read from SSM parameters`, () => {
                const s = subjects[key];
                const r = s.r;
                const parameters = ofType(r, "aws:ssm/parameter:Parameter").filter((p) => under(r, p, LB));
                const parameterOf = (u: string) => {
                    const p = parameters.find((x) => String(x.inputs.name).endsWith(`/upstreams/${u}`));
                    assert.ok(p, `the ${u} parameter`);
                    return p;
                };
                assert.deepStrictEqual(String(parameterOf("wordpress").inputs.insecureValue).split(","), s.appIps);
                assert.strictEqual(parameterOf("wordpress").inputs.type, "StringList");
                if (websocket) {
                    assert.deepStrictEqual([String(parameterOf("websocket").inputs.insecureValue)], s.websocketIps);
                } else {
                    assert.strictEqual(parameters.length, 1, "no WebSocket parameter without the tier");
                }
                for (const i of nginxInstances(r)) {
                    const userData = userDataOf(i);
                    const site = fileOf(userData, NGINX_PATHS.siteConf);
                    assert.match(site, new RegExp(`include ${NGINX_PATHS.upstreamDir}/wordpress\\.conf;`));
                    assert.strictEqual(/location ~ \^\/ws/.test(site), websocket);
                    assert.match(
                        site,
                        new RegExp(
                            `client_max_body_size ${readStackConfig(s.stack)["hms:loadBalancerMaxUploadMiB"]}m;`,
                        ),
                    );
                    const resolver = fileOf(userData, UPSTREAM_PATHS.script);
                    for (const p of parameters) {
                        assert.ok(
                            resolver.includes(String(p.outputs.name)),
                            `${i.name} reads ${String(p.outputs.name)}`,
                        );
                    }
                    for (const ip of [...s.appIps, ...s.websocketIps]) {
                        assert.ok(!userData.includes(ip), `${i.name}: ${ip} is not baked into the user data`);
                    }
                }
            });

            it("after an address changes, pulumi up makes every Nginx server re-read it before old servers go", () => {
                const s = subjects[key];
                const r = s.r;
                const parameters = ofType(r, "aws:ssm/parameter:Parameter").filter((p) => under(r, p, LB));
                const refresh = ofType(r, "command:local:Command").filter(
                    (c) =>
                        under(r, c, LB) && (c.inputs.environment as Record<string, string> | undefined)?.HMS_COMMANDS,
                );
                assert.strictEqual(refresh.length, 1);
                const env = refresh[0].inputs.environment as Record<string, string>;
                assert.deepStrictEqual(JSON.parse(env.HMS_COMMANDS), [UPSTREAM_PATHS.script]);
                assert.deepStrictEqual(
                    env.HMS_INSTANCE_IDS.split(" ").sort(),
                    nginxInstances(r)
                        .map((i) => i.id)
                        .sort(),
                );
                assert.deepStrictEqual(
                    refresh[0].inputs.triggers,
                    parameters.map((p) => p.inputs.insecureValue),
                    "runs again when an address changes",
                );
                for (const p of parameters) {
                    assert.ok(refresh[0].dependencies.includes(p.urn));
                }
            });

            if (tools) {
                it("the Nginx configuration in the user data passes the real nginx -t", function () {
                    requireTool(this, "openssl");
                    requireTool(this, "nginx");
                    const userData = userDataOf(nginxInstances(subjects[key].r)[0]);
                    const sandbox = makeSandbox(readStackConfig(subjects[key].stack)["hms:domain"]);
                    try {
                        fs.writeFileSync(
                            sandbox.paths.mainConf,
                            relocate(fileOf(userData, NGINX_PATHS.mainConf), sandbox),
                        );
                        fs.writeFileSync(
                            sandbox.paths.siteConf,
                            relocate(fileOf(userData, NGINX_PATHS.siteConf), sandbox),
                        );
                        // The upstream lists as the servers boot with them (placeholders until resolved).
                        for (const u of websocket ? ["wordpress", "websocket"] : ["wordpress"]) {
                            fs.writeFileSync(
                                `${sandbox.paths.upstreamDir}/${u}.conf`,
                                fileOf(userData, `${NGINX_PATHS.upstreamDir}/${u}.conf`),
                            );
                        }
                        const res = nginxTest(sandbox);
                        assert.ok(res.ok, res.output);
                    } finally {
                        removeSandbox(sandbox);
                    }
                });

                it("the Nginx user data passes cloud-init schema and fits EC2's 16 KiB limit", async function () {
                    for (const i of nginxInstances(subjects[key].r)) {
                        const userData = userDataOf(i);
                        const raw = Buffer.from(String(i.inputs.userDataBase64), "base64").length;
                        assert.ok(raw <= 16 * 1024, `${i.name}: ${raw} bytes`);
                        await assertCloudInitValid(this, userData, i.name);
                    }
                });

                it("the certificate and upstream scripts in the user data pass shellcheck", function () {
                    requireTool(this, "shellcheck");
                    for (const path of ["/usr/local/sbin/hms-origin-cert", UPSTREAM_PATHS.script]) {
                        const script = fileOf(userDataOf(nginxInstances(subjects[key].r)[0]), path);
                        const res = run("shellcheck", ["--shell=bash", "-"], script);
                        assert.strictEqual(res.status, 0, path + res.stdout + res.stderr);
                    }
                });
            }
        });
    }

    it("a stack without the WebSocket tier: the composition lets the NLB reach Nginx, Nginx reach the app servers only, and hands it no WebSocket server", () => {
        // hospital.ts's part (the cross-tier rules, the upstreams and hms:protectData it hands over)
        // for a stack whose hms:tiers leave the WebSocket server out; the component's part: the
        // built-alone tests above.
        const r = runs.withoutWebsocket;
        assert.strictEqual(one(r, "aws:lb/loadBalancer:LoadBalancer").inputs.enableDeletionProtection, false);
        const roleOf = (i: RecordedResource) => (i.inputs.tags as Record<string, string>).Role;
        const instances = ofType(r, "aws:ec2/instance:Instance");
        assert.deepStrictEqual(
            instances.filter((i) => roleOf(i) === "websocket"),
            [],
            "no WebSocket server",
        );
        const app = instances.filter((i) => roleOf(i) === "wordpress");
        assert.ok(app.length > 0, "app servers");
        const appSgId = (app[0].inputs.vpcSecurityGroupIds as string[])[0];
        const nlb = nlbSg(r);
        const nginxSgId = (nginxInstances(r)[0].inputs.vpcSecurityGroupIds as string[])[0];
        assert.deepStrictEqual(
            ingressOf(r, nginxSgId)
                .map((x) => [x.inputs.referencedSecurityGroupId, x.inputs.fromPort])
                .sort(),
            [
                [nlb.id, 443],
                [nlb.id, NGINX_TLS_HEALTH_PORT],
            ].sort(),
        );
        const fromNginx = ofType(r, "aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule").filter(
            (x) => x.inputs.referencedSecurityGroupId === nginxSgId,
        );
        assert.deepStrictEqual(
            fromNginx.map((x) => [x.inputs.securityGroupId, x.inputs.fromPort, x.inputs.toPort]),
            [[appSgId, 8080, 8080]],
        );
        const parameters = ofType(r, "aws:ssm/parameter:Parameter").filter((p) => under(r, p, LB));
        assert.deepStrictEqual(
            parameters.map((p) => [String(p.inputs.name).replace(/.*\/upstreams\//, ""), p.inputs.insecureValue]),
            [["wordpress", app.map((i) => String(i.outputs.privateIp)).join(",")]],
        );
        for (const i of nginxInstances(r)) {
            assert.doesNotMatch(fileOf(userDataOf(i), NGINX_PATHS.siteConf), /location ~ \^\/ws/, i.name);
        }
    });

    it("alarms on unhealthy Nginx targets and failed instance status checks when monitoring has a topic", () => {
        const r = runs.production;
        const alarms = ofType(r, "aws:cloudwatch/metricAlarm:MetricAlarm").filter((a) => under(r, a, LB));
        const topics = ofType(r, "aws:sns/topic:Topic").map((t) => t.outputs.arn);
        // Production runs the monitoring tier: the alarms must be there.
        assert.ok(topics.length > 0, "production has the alarm topic");
        const unhealthy = alarms.find((a) => a.inputs.metricName === "UnHealthyHostCount");
        assert.ok(unhealthy, "an UnHealthyHostCount alarm");
        assert.strictEqual(unhealthy.inputs.namespace, "AWS/NetworkELB");
        const status = alarms.filter((a) => a.inputs.metricName === "StatusCheckFailed");
        assert.deepStrictEqual(
            status.map((a) => (a.inputs.dimensions as Record<string, string>).InstanceId).sort(),
            nginxInstances(r)
                .map((i) => i.id)
                .sort(),
        );
        for (const a of alarms) {
            assert.ok(
                (a.inputs.alarmActions as string[]).every((t) => topics.includes(t)),
                a.name,
            );
        }
    });

    describe("what an update replaces", () => {
        interface Variant {
            appIps: string[];
            websocketIp: string;
            ami?: string;
        }
        /** The LoadBalancer alone under the mocks, with given upstream addresses and Canonical image. */
        async function build(v: Variant): Promise<RecordedResource[]> {
            const monitor = useMocks("hms", "lb-variant");
            const call = monitor.hmsMocks.call.bind(monitor.hmsMocks);
            monitor.hmsMocks.call = (args) => {
                const out = call(args);
                return args.token === "aws:ec2/getAmi:getAmi" && v.ami ? { ...out, id: v.ami, imageId: v.ami } : out;
            };
            pulumi.runtime.setAllConfig({ "aws:region": "sa-east-1" }, []);
            new LoadBalancer("hms-test-lb", {
                region: "sa-east-1",
                environment: "test",
                domain: "hms.example.org",
                vpcId: "vpc-0123456789abcdef0",
                vpcCidr: "10.20.0.0/16",
                publicSubnetIds: ["subnet-0a", "subnet-0b"],
                appSubnetIds: ["subnet-1a", "subnet-1b"],
                nginxCount: 2,
                instanceType: "t3.medium",
                volumeGiB: 20,
                ubuntuRelease: "24.04",
                maxUploadMiB: 512,
                dataKeyArn: "arn:aws:kms:sa-east-1:123456789012:key/0b5ef6a1-1111-2222-3333-444455556666",
                app: { privateIps: v.appIps, port: 8080, securityGroupId: "sg-0app" },
                websocket: { privateIp: v.websocketIp, port: 8080, securityGroupId: "sg-0ws" },
                protect: false,
            });
            await settle(monitor);
            return [...monitor.recorded];
        }
        const nginx = (rs: RecordedResource[]) =>
            rs.filter((x) => x.type === "aws:ec2/instance:Instance").sort((a, b) => a.name.localeCompare(b.name));
        const parameters = (rs: RecordedResource[]) =>
            rs.filter((x) => x.type === "aws:ssm/parameter:Parameter").map((p) => p.inputs.insecureValue);
        const base: Variant = { appIps: ["10.20.64.10", "10.20.80.11"], websocketIp: "10.20.64.20" };
        let original: RecordedResource[];
        before(async function () {
            this.timeout(120_000);
            original = await build(base);
        });

        for (const [label, change] of [
            ["an app server's address (a replaced app server)", { appIps: ["10.20.64.10", "10.20.81.99"] }],
            ["the WebSocket server's address (a replaced WebSocket server)", { websocketIp: "10.20.64.99" }],
        ] as Array<[string, Partial<Variant>]>) {
            it(`${label}: the Nginx servers' inputs stay the same (no replacement); the parameter changes`, async function () {
                this.timeout(120_000);
                const after = await build({ ...base, ...change });
                assert.strictEqual(nginx(original).length, 2);
                nginx(after).forEach((server, i) =>
                    assert.deepStrictEqual(server.inputs, nginx(original)[i].inputs, server.name),
                );
                assert.notDeepStrictEqual(parameters(after), parameters(original), "the new address is published");
            });
        }

        it("a new Canonical image: only the ignored `ami` input differs", async function () {
            this.timeout(120_000);
            const after = await build({ ...base, ami: "ami-0fffffffffffffff0" });
            nginx(after).forEach((server, i) => {
                const old = nginx(original)[i];
                assert.notStrictEqual(server.inputs.ami, old.inputs.ami, "the image did change");
                assert.ok(server.options.ignoreChanges.includes("ami"), server.name);
                assert.deepStrictEqual({ ...server.inputs, ami: undefined }, { ...old.inputs, ami: undefined });
            });
        });
    });
});
