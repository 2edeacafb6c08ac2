import * as assert from "assert";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { spawnSync } from "child_process";
import { AccountBaseline } from "../components/account-baseline";
import { Monitoring } from "../components/monitoring";
import { Security, VpnAdministrator, vpcResolver } from "../components/security";
import { accountBaselineArgs, monitoringArgs, securityArgs } from "../components/tier-args";
import { HmsConfig } from "../config";
import { CRL_DAYS, LEDGER_HEADER, renderCrlImportScript, renderCrlScript } from "../templates/vpn-crl";
import { isSecret, MOCK_ACCOUNT_ID, RecordedResource } from "../tools/mocks";
import { runStack, StackRun } from "../tools/stack";
import { all, one, Resources } from "./support/assert";
import { buildComponent, handedOver } from "./support/components";
import { byId, configProblems, ofType, parseStack } from "./support/resources";
import { requireTool } from "./support/tools";

/** Resources of the Security component (other tiers use some of the same types). */
const sec = (run: Resources, type: string): RecordedResource[] =>
    all(run, type).filter((r) => /-security-/.test(r.name));
const oneSec = (run: Resources, type: string, name?: RegExp): RecordedResource => {
    const found = sec(run, type).filter((r) => !name || name.test(r.name));
    assert.strictEqual(found.length, 1, `expected one ${type} in Security, found ${found.length}`);
    return found[0];
};
/** The secret version of VPN administrator `admin` (other tiers keep secrets too). */
const vpnSecretVersion = (run: StackRun, admin: string): RecordedResource => {
    const all = ofType(run, "aws:secretsmanager/secretVersion:SecretVersion").filter((r) =>
        r.name.endsWith(`-security-vpn-admin-${admin}`),
    );
    assert.strictEqual(all.length, 1, `one secret version of ${admin}`);
    return all[0];
};
/** The administrators the stack file lists (at least one where the VPN is on). */
const adminsOf = (stack: string): VpnAdministrator[] => {
    const admins = parseStack(stack).security?.vpn?.administrators ?? [];
    assert.ok(admins.length > 0, `${stack} lists VPN administrators`);
    return admins;
};
/** The client certificate of administrator `admin`. */
const adminCert = (run: Resources, admin: string): RecordedResource => {
    const found = all(run, "tls:index/locallySignedCert:LocallySignedCert").filter((r) =>
        r.name.endsWith(`-security-vpn-admin-${admin}`),
    );
    assert.strictEqual(found.length, 1, `one certificate of ${admin}`);
    return found[0];
};
const policyOf = (r: RecordedResource, field = "policy") =>
    JSON.parse(String(r.inputs[field])) as { Statement: Array<Record<string, unknown>> };
const logsKeyArn = (run: StackRun) =>
    run.resources.find((r) => r.type === "aws:kms/key:Key" && r.name.endsWith("-keys-logs"))!.outputs.arn;
const dataKeyArn = (run: StackRun) =>
    run.resources.find((r) => r.type === "aws:kms/key:Key" && r.name.endsWith("-keys-data"))!.outputs.arn;

/** What a build of the security-related tiers alone registered, and the components (to read their outputs). */
interface SecurityTiers extends Resources {
    security?: Security;
    accountBaseline?: AccountBaseline;
    monitoring?: Monitoring;
}

/**
 * AccountBaseline, Security and Monitoring of stack configuration `c`, each when the
 * configuration switches it on, built alone (without the rest of the program) under the
 * program's names (`hms-<environment>-...`) with the arguments of components/tier-args.ts
 * (what hospital.ts passes) and its wiring: Monitoring is handed the VPN's security group of
 * the Security built here and what this AccountBaseline must create first; stand-ins for the
 * rest. `only` limits the build to some of them.
 */
async function buildSecurityTiers(
    c: HmsConfig,
    only: Array<"accountBaseline" | "security" | "monitoring"> = ["accountBaseline", "security", "monitoring"],
): Promise<SecurityTiers> {
    const name = `hms-${c.environment}`;
    const h = handedOver(c);
    const built: Omit<SecurityTiers, "resources"> = {};
    const resources = await buildComponent(() => {
        if (c.accountBaseline && only.includes("accountBaseline")) {
            built.accountBaseline = new AccountBaseline(`${name}-account`, accountBaselineArgs(c, h));
        }
        if (c.security && only.includes("security")) {
            built.security = new Security(`${name}-security`, securityArgs(c, h));
        }
        if (c.monitoring && only.includes("monitoring")) {
            built.monitoring = new Monitoring(
                `${name}-monitoring`,
                monitoringArgs(name, c, { ...h, security: built.security, accountBaseline: built.accountBaseline }),
            );
        }
    }, c.region);
    return { resources, ...built };
}

/** The bucket's policy denies deleting or un-locking evidence to every principal but the break-glass role (assumable with MFA only). */
function checkEvidenceDeny(run: StackRun, bucket: RecordedResource): void {
    const policy = ofType(run, "aws:s3/bucketPolicy:BucketPolicy").find(
        (r) => r.inputs.bucket === bucket.outputs.bucket,
    );
    assert.ok(policy, `policy of ${bucket.name}`);
    const deny = policyOf(policy).Statement.filter((s) => s.Effect === "Deny" && s.Principal === "*");
    for (const action of [
        "s3:DeleteObject",
        "s3:DeleteObjectVersion",
        "s3:PutObjectRetention",
        "s3:BypassGovernanceRetention",
    ]) {
        const s = deny.find((d) => ([] as unknown[]).concat(d.Action).includes(action));
        assert.ok(s, `${action} is denied`);
        assert.ok(
            ([] as unknown[]).concat(s.Resource).includes(`${bucket.outputs.arn}/*`),
            `${action} denied on the objects`,
        );
        const exempt = (s.Condition as Record<string, Record<string, string>> | undefined)?.ArnNotEquals?.[
            "aws:PrincipalArn"
        ];
        const role = ofType(run, "aws:iam/role:Role").find((r) => r.outputs.arn === exempt);
        assert.ok(role && /break-glass/.test(role.name), `${action}: only a break-glass role is exempt (${exempt})`);
        const trust = JSON.parse(String(role.inputs.assumeRolePolicy)).Statement[0];
        assert.deepStrictEqual(trust.Condition, { Bool: { "aws:MultiFactorAuthPresent": "true" } });
    }
}

describe("Security", () => {
    const runs: Record<string, StackRun> = {};
    before(async function () {
        // A run executes the whole program under mocks: seconds each, more on a busy machine.
        this.timeout(300_000);
        runs.production = await runStack("production");
        runs.staging = await runStack("staging");
    });

    for (const [stack, cidr, azs] of [
        ["production", "10.20.0.0/16", 3],
        ["staging", "10.30.0.0/16", 2],
    ] as const) {
        describe(stack, () => {
            it("CloudTrail: one multi-region trail with log file validation, encrypted with the logs key", () => {
                const trail = one(runs[stack], "aws:cloudtrail/trail:Trail");
                assert.strictEqual(trail.inputs.isMultiRegionTrail, true);
                assert.strictEqual(trail.inputs.includeGlobalServiceEvents, true);
                assert.strictEqual(trail.inputs.enableLogFileValidation, true);
                assert.strictEqual(trail.inputs.kmsKeyId, logsKeyArn(runs[stack]));
                const selectors = trail.inputs.advancedEventSelectors as Array<{
                    fieldSelectors: Array<{ field: string; equals?: string[] }>;
                }>;
                assert.ok(
                    selectors.some((s) =>
                        s.fieldSelectors.some((f) => f.field === "eventCategory" && f.equals?.includes("Management")),
                    ),
                    "management events are logged",
                );
            });

            it("CloudTrail also delivers to a CloudWatch log group encrypted with the logs key", () => {
                const run = runs[stack];
                const trail = one(run, "aws:cloudtrail/trail:Trail");
                const group = ofType(run, "aws:cloudwatch/logGroup:LogGroup").find(
                    (g) => `${g.outputs.arn}:*` === trail.inputs.cloudWatchLogsGroupArn,
                );
                assert.ok(group, "the trail's log group is created here");
                assert.strictEqual(group.inputs.kmsKeyId, logsKeyArn(run));
                const role = ofType(run, "aws:iam/role:Role").find(
                    (r) => r.outputs.arn === trail.inputs.cloudWatchLogsRoleArn,
                );
                assert.ok(role);
                const trust = policyOf(role, "assumeRolePolicy").Statement[0] as {
                    Principal: { Service: string };
                    Condition: unknown;
                };
                assert.strictEqual(trust.Principal.Service, "cloudtrail.amazonaws.com");
                assert.deepStrictEqual(trust.Condition, { StringEquals: { "aws:SourceArn": trail.outputs.arn } });
            });

            it("CloudTrail logs the media bucket's object-level events", () => {
                const run = runs[stack];
                const media = run.resources.find(
                    (r) => r.type === "aws:s3/bucket:Bucket" && r.name.endsWith("-storage-media"),
                );
                assert.ok(media, "the stack has a media bucket");
                const selectors = one(run, "aws:cloudtrail/trail:Trail").inputs.advancedEventSelectors as Array<{
                    fieldSelectors: Array<{ field: string; equals?: string[]; startsWiths?: string[] }>;
                }>;
                const data = selectors.find((s) =>
                    s.fieldSelectors.some((f) => f.field === "eventCategory" && f.equals?.includes("Data")),
                );
                assert.ok(data, "a data event selector");
                assert.deepStrictEqual(data.fieldSelectors.find((f) => f.field === "resources.type")?.equals, [
                    "AWS::S3::Object",
                ]);
                const prefixes = data.fieldSelectors.find((f) => f.field === "resources.ARN")?.startsWiths ?? [];
                assert.strictEqual(prefixes[0], `${media.outputs.arn}/`);
                assert.strictEqual(
                    prefixes.length,
                    stack === "production" ? 2 : 1,
                    "plus the DR replica where there is one",
                );
            });

            it("the trail bucket is private, TLS-only, KMS-encrypted, protected and exempt from backup plans with a reason", () => {
                const run = runs[stack];
                const trail = one(run, "aws:cloudtrail/trail:Trail");
                const bucket = run.resources.find(
                    (r) => r.type === "aws:s3/bucket:Bucket" && r.outputs.bucket === trail.inputs.s3BucketName,
                );
                assert.ok(bucket);
                assert.strictEqual(bucket.protect, true);
                assert.strictEqual(bucket.inputs.forceDestroy, false);
                assert.match(String((bucket.inputs.tags as Record<string, string>).BackupExempt), /CloudTrail/);
                const of = (type: string) => {
                    const r = ofType(run, type).find((x) => x.inputs.bucket === bucket.outputs.bucket);
                    assert.ok(r, `${type} of the trail bucket`);
                    return r;
                };
                const pab = of("aws:s3/bucketPublicAccessBlock:BucketPublicAccessBlock").inputs;
                for (const k of ["blockPublicAcls", "blockPublicPolicy", "ignorePublicAcls", "restrictPublicBuckets"]) {
                    assert.strictEqual(pab[k], true, k);
                }
                assert.deepStrictEqual(of("aws:s3/bucketOwnershipControls:BucketOwnershipControls").inputs.rule, {
                    objectOwnership: "BucketOwnerEnforced",
                });
                const sse = (
                    of("aws:s3/bucketServerSideEncryptionConfiguration:BucketServerSideEncryptionConfiguration").inputs
                        .rules as Array<{
                        applyServerSideEncryptionByDefault: { sseAlgorithm: string; kmsMasterKeyId: string };
                    }>
                )[0].applyServerSideEncryptionByDefault;
                assert.deepStrictEqual(sse, { sseAlgorithm: "aws:kms", kmsMasterKeyId: logsKeyArn(run) });
                const rules = of("aws:s3/bucketLifecycleConfiguration:BucketLifecycleConfiguration").inputs
                    .rules as Array<{ expiration?: { days: number } }>;
                assert.ok(
                    rules.some((r) => r.expiration?.days === 2190),
                    "logs are kept six years, then expire",
                );

                const statements = policyOf(of("aws:s3/bucketPolicy:BucketPolicy")).Statement;
                const deny = statements.find(
                    (s) =>
                        s.Effect === "Deny" &&
                        JSON.stringify(s.Condition) === JSON.stringify({ Bool: { "aws:SecureTransport": "false" } }),
                );
                assert.ok(deny, "requests without TLS are denied");
                const cloudTrail = statements.filter(
                    (s) => JSON.stringify(s.Principal) === JSON.stringify({ Service: "cloudtrail.amazonaws.com" }),
                );
                assert.strictEqual(cloudTrail.length, 2);
                for (const s of cloudTrail) {
                    const cond = (s.Condition as { StringEquals: Record<string, string> }).StringEquals;
                    assert.strictEqual(
                        cond["aws:SourceArn"],
                        trail.outputs.arn,
                        "CloudTrail may write for this trail only",
                    );
                }
                const write = cloudTrail.find((s) => s.Action === "s3:PutObject")!;
                assert.strictEqual(write.Resource, `${bucket.outputs.arn}/AWSLogs/${MOCK_ACCOUNT_ID}/*`);
            });

            it("the trail bucket is Object-Locked for the trail retention; only the break-glass role may delete or cut retention", () => {
                const run = runs[stack];
                const trail = one(run, "aws:cloudtrail/trail:Trail");
                const bucket = run.resources.find(
                    (r) => r.type === "aws:s3/bucket:Bucket" && r.outputs.bucket === trail.inputs.s3BucketName,
                )!;
                const lock = ofType(run, "aws:s3/bucketObjectLockConfiguration:BucketObjectLockConfiguration").find(
                    (r) => r.inputs.bucket === bucket.outputs.bucket,
                );
                assert.ok(lock, "the trail bucket has an Object Lock configuration");
                assert.strictEqual(lock.inputs.objectLockEnabled, "Enabled");
                const retention = (lock.inputs.rule as { defaultRetention: { mode: string; days: number } })
                    .defaultRetention;
                assert.ok(["GOVERNANCE", "COMPLIANCE"].includes(retention.mode));
                assert.ok(
                    retention.days >= 2190,
                    `locked ${retention.days} days, at least the six-year trail retention`,
                );
                checkEvidenceDeny(run, bucket);
            });

            it("Client VPN: mutual TLS with ACM certificates, TCP 443, the VPC resolver, connection logs", () => {
                const run = runs[stack];
                const endpoint = one(run, "aws:ec2clientvpn/endpoint:Endpoint");
                const cert = oneSec(run, "aws:acm/certificate:Certificate");
                assert.strictEqual(endpoint.inputs.serverCertificateArn, cert.outputs.arn);
                assert.deepStrictEqual(endpoint.inputs.authenticationOptions, [
                    { type: "certificate-authentication", rootCertificateChainArn: cert.outputs.arn },
                ]);
                assert.strictEqual(endpoint.inputs.transportProtocol, "tcp");
                assert.strictEqual(endpoint.inputs.vpnPort, 443);
                assert.strictEqual(endpoint.inputs.splitTunnel, true);
                assert.strictEqual(endpoint.inputs.sessionTimeoutHours, 8);
                assert.deepStrictEqual(endpoint.inputs.dnsServers, [vpcResolver(cidr)]);
                assert.strictEqual(endpoint.inputs.vpcId, one(run, "aws:ec2/vpc:Vpc").id);
                const sg = byId(run, (endpoint.inputs.securityGroupIds as string[])[0]);
                assert.strictEqual(sg.type, "aws:ec2/securityGroup:SecurityGroup");
                assert.strictEqual(run.outputs.vpnEndpointId, endpoint.id);

                const log = endpoint.inputs.connectionLogOptions as { enabled: boolean; cloudwatchLogGroup: string };
                assert.strictEqual(log.enabled, true);
                const group = ofType(run, "aws:cloudwatch/logGroup:LogGroup").find(
                    (g) => g.outputs.name === log.cloudwatchLogGroup,
                );
                assert.ok(group);
                assert.strictEqual(group.inputs.kmsKeyId, logsKeyArn(run));

                // The certificate chain ACM holds is the private CA's.
                const ca = oneSec(run, "tls:index/selfSignedCert:SelfSignedCert");
                assert.strictEqual(ca.inputs.isCaCertificate, true);
                assert.strictEqual(cert.inputs.certificateChain, ca.outputs.certPem);
                const certs = sec(run, "tls:index/locallySignedCert:LocallySignedCert");
                assert.deepStrictEqual(
                    certs.map((c) => (c.inputs.allowedUses as string[]).find((u) => u.endsWith("_auth"))).sort(),
                    ["client_auth", "client_auth", "server_auth"],
                    "one server certificate, one client certificate per administrator (two in the stack file)",
                );
                certs.forEach((c) => assert.strictEqual(c.inputs.caCertPem, ca.outputs.certPem));
            });

            it(`Client VPN: associated with the ${azs} app subnets and authorised for the VPC only`, () => {
                const run = runs[stack];
                const endpoint = one(run, "aws:ec2clientvpn/endpoint:Endpoint");
                const appSubnetIds = ofType(run, "aws:ec2/subnet:Subnet")
                    .filter((s) => (s.inputs.tags as Record<string, string>).Tier === "app")
                    .map((s) => s.id)
                    .sort();
                const associations = ofType(run, "aws:ec2clientvpn/networkAssociation:NetworkAssociation");
                assert.deepStrictEqual(associations.map((a) => a.inputs.subnetId).sort(), appSubnetIds);
                associations.forEach((a) => assert.strictEqual(a.inputs.clientVpnEndpointId, endpoint.id));
                const rules = ofType(run, "aws:ec2clientvpn/authorizationRule:AuthorizationRule");
                assert.deepStrictEqual(
                    rules.map((r) => r.inputs.targetNetworkCidr),
                    [cidr],
                );
                const sgId = (endpoint.inputs.securityGroupIds as string[])[0];
                const egress = ofType(run, "aws:vpc/securityGroupEgressRule:SecurityGroupEgressRule").filter(
                    (r) => r.inputs.securityGroupId === sgId,
                );
                assert.ok(egress.length > 0);
                egress.forEach((r) =>
                    assert.ok(
                        r.inputs.cidrIpv4 === cidr || r.inputs.cidrIpv4 === `${vpcResolver(cidr)}/32`,
                        String(r.inputs.cidrIpv4),
                    ),
                );
            });

            it("administrators' private keys are never in plain inputs or stack outputs", () => {
                const run = runs[stack];
                for (const r of run.resources) {
                    assert.ok(
                        !/PRIVATE KEY/.test(JSON.stringify(r.inputs)),
                        `${r.type} ${r.name} has a private key in plain inputs`,
                    );
                }
                assert.ok(!/PRIVATE KEY/.test(JSON.stringify(run.outputs)), "a stack output holds a private key");
                assert.ok(
                    isSecret(oneSec(run, "aws:acm/certificate:Certificate").rawInputs.privateKey),
                    "ACM gets the server key as a secret",
                );
                for (const admin of adminsOf(stack)) {
                    const version = vpnSecretVersion(run, admin.name);
                    assert.ok(isSecret(version.rawInputs.secretString), `the VPN profile of ${admin.name} is a secret`);
                    const secret = byId(run, version.inputs.secretId);
                    assert.strictEqual(secret.inputs.kmsKeyId, dataKeyArn(run));
                    assert.strictEqual(
                        (run.outputs.vpnAdministratorSecretArns as Record<string, string>)[admin.name],
                        secret.outputs.arn,
                    );
                }
            });

            it("each administrator's secret holds the CA, their own certificate and key, and the endpoint", () => {
                const run = runs[stack];
                const endpoint = one(run, "aws:ec2clientvpn/endpoint:Endpoint");
                for (const admin of adminsOf(stack)) {
                    const stored = JSON.parse(
                        String((vpnSecretVersion(run, admin.name).rawInputs.secretString as { value: string }).value),
                    ) as Record<string, string>;
                    assert.strictEqual(stored.clientCertificate, adminCert(run, admin.name).outputs.certPem);
                    assert.strictEqual(stored.email, admin.email);
                    assert.match(stored.clientPrivateKey, /BEGIN (RSA )?PRIVATE KEY/);
                    assert.ok(
                        stored.profile.includes(`remote ${String(endpoint.outputs.dnsName).replace(/^\*\./, "")} 443`),
                    );
                    assert.ok(stored.profile.includes(stored.clientCertificate.trim()));
                }
            });
        });
    }

    describe("switched off parts", () => {
        // Staging's configuration with these parts off; AccountBaseline, Security and Monitoring
        // built alone from it (not the whole program), wired as components/hospital.ts wires them.
        let run: SecurityTiers;
        before(async function () {
            this.timeout(120_000);
            run = await buildSecurityTiers(
                parseStack("staging", {
                    accountBaseline: true,
                    securityVpnEnabled: false,
                    // Grafana is reached only over the VPN: without it, there is none.
                    monitoringGrafana: false,
                    securityCloudTrail: false,
                    securityGuardDutyRuntimeMonitoring: false,
                    securityInspector: false,
                }),
            );
        });

        it("production logs the object-level events of the media bucket's DR replica too", () => {
            const run = runs.production;
            const replica = run.resources.find(
                (r) => r.type === "aws:s3/bucket:Bucket" && /-storage-replica$/.test(r.name),
            );
            assert.ok(replica, "production has a media replica");
            const selectors = one(run, "aws:cloudtrail/trail:Trail").inputs.advancedEventSelectors as Array<{
                fieldSelectors: Array<{ field: string; startsWiths?: string[] }>;
            }>;
            const arns = selectors.flatMap((s) =>
                s.fieldSelectors.filter((f) => f.field === "resources.ARN").flatMap((f) => f.startsWiths ?? []),
            );
            assert.ok(arns.includes(`${replica.outputs.arn}/`), `data events of ${replica.outputs.arn}: ${arns}`);
        });

        it("production copies the audit trail to an Object-Locked, deny-protected bucket in the DR region; deletes are not replicated", () => {
            const run = runs.production;
            const trail = one(run, "aws:cloudtrail/trail:Trail");
            const source = run.resources.find(
                (r) => r.type === "aws:s3/bucket:Bucket" && r.outputs.bucket === trail.inputs.s3BucketName,
            )!;
            const repl = ofType(run, "aws:s3/bucketReplicationConfig:BucketReplicationConfig").find(
                (r) => r.inputs.bucket === source.outputs.bucket,
            );
            assert.ok(repl, "the trail bucket replicates");
            const [rule] = repl.inputs.rules as Array<{
                status: string;
                destination: { bucket: string };
                deleteMarkerReplication: { status: string };
            }>;
            assert.strictEqual(rule.status, "Enabled");
            assert.strictEqual(rule.deleteMarkerReplication.status, "Disabled");
            const replica = run.resources.find(
                (r) => r.type === "aws:s3/bucket:Bucket" && r.outputs.arn === rule.destination.bucket,
            );
            assert.ok(replica);
            assert.strictEqual(replica.inputs.region, "us-east-1", "the DR region");
            assert.strictEqual(replica.inputs.objectLockEnabled, true);
            assert.strictEqual(replica.protect, true);
            const lock = ofType(run, "aws:s3/bucketObjectLockConfiguration:BucketObjectLockConfiguration").find(
                (r) => r.inputs.bucket === replica.outputs.bucket,
            );
            assert.ok(
                lock && (lock.inputs.rule as { defaultRetention: { days: number } }).defaultRetention.days >= 2190,
            );
            checkEvidenceDeny(run, replica);
            const role = ofType(run, "aws:iam/role:Role").find((r) => r.outputs.arn === repl.inputs.role)!;
            const perms = ofType(run, "aws:iam/rolePolicy:RolePolicy").find((p) => p.inputs.role === role.id)!;
            const actions = policyOf(perms).Statement.flatMap((s) => ([] as unknown[]).concat(s.Action));
            for (const a of ["s3:GetObjectRetention", "s3:GetObjectLegalHold", "s3:ReplicateObject"]) {
                assert.ok(actions.includes(a), `replication role may ${a} (Object Lock replication)`);
            }
            assert.ok(!actions.includes("s3:ReplicateDelete"));
        });

        it("no VPN, trail or Inspector when their keys are false", () => {
            assert.ok(run.security && run.accountBaseline, "Security and AccountBaseline are built");
            for (const type of [
                "aws:ec2clientvpn/endpoint:Endpoint",
                "aws:acm/certificate:Certificate",
                "aws:cloudtrail/trail:Trail",
                "aws:inspector2/enabler:Enabler",
            ]) {
                assert.strictEqual(all(run, type).length, 0, type);
            }
            // What index.ts exports as vpnEndpointId and cloudTrailArn.
            assert.strictEqual(run.security.vpnEndpointId, undefined);
            assert.strictEqual(run.security.trailArn, undefined);
        });

        it("GuardDuty without runtime monitoring keeps the other protections", () => {
            const names = all(run, "aws:guardduty/detectorFeature:DetectorFeature")
                .map((f) => f.inputs.name)
                .sort();
            assert.deepStrictEqual(names, ["EBS_MALWARE_PROTECTION", "RDS_LOGIN_EVENTS", "S3_DATA_EVENTS"]);
        });

        it("OpenSearch then admits no VPN security group", () => {
            assert.ok(run.monitoring, "Monitoring is built");
            const ingress = all(run, "aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule").filter((r) =>
                /-monitoring-opensearch-/.test(r.name),
            );
            assert.deepStrictEqual(
                ingress.map((r) => r.inputs.cidrIpv4 ?? r.inputs.referencedSecurityGroupId),
                ["10.30.0.0/16"],
            );
        });
    });

    describe("VPN administrators: one identity each", () => {
        const problemsOf = (list: unknown): string[] =>
            configProblems("production", { securityVpnAdministrators: list });

        it("a list of {name, email} with unique names and e-mails is accepted", () => {
            const admins = [
                { name: "ana.souza", email: "ana.souza@hospital.org.br" },
                { name: "joao-lima-2", email: "Joao.Lima+vpn@hospital.org.br" },
            ];
            assert.deepStrictEqual(problemsOf(admins), []);
            assert.deepStrictEqual(
                parseStack("production", { securityVpnAdministrators: admins }).security?.vpn?.administrators,
                admins,
            );
        });

        it("a bad name, a bad e-mail, a duplicate or an unknown field is refused with key, value and what is accepted", () => {
            const key = "hms:securityVpnAdministrators";
            const cases: Array<[unknown, RegExp]> = [
                [
                    [{ name: "Ana Souza", email: "ana@h.org" }],
                    /^hms:securityVpnAdministrators\[0\]\.name = "Ana Souza": must be 2-48 lower-case letters/,
                ],
                [
                    [{ name: "ana", email: "ana@localhost" }],
                    /^hms:securityVpnAdministrators\[0\]\.email = "ana@localhost": must be an e-mail address/,
                ],
                [
                    [{ name: "ana" }],
                    /^hms:securityVpnAdministrators\[0\]\.email = \(not set\): must be an e-mail address/,
                ],
                [[{ name: "a-", email: "a@h.org" }], /\[0\]\.name = "a-"/],
                [[{ name: "x".repeat(49), email: "a@h.org" }], /\[0\]\.name = "x{49}"/],
                [
                    [
                        { name: "ana", email: "ana@h.org" },
                        { name: "ana", email: "ana2@h.org" },
                    ],
                    /^hms:securityVpnAdministrators\[1\]\.name = "ana": must be unique: hms:securityVpnAdministrators\[0\] has it too/,
                ],
                [
                    [
                        { name: "ana", email: "ana@h.org" },
                        { name: "bia", email: "ANA@h.org" },
                    ],
                    /^hms:securityVpnAdministrators\[1\]\.email = "ANA@h\.org": must be unique/,
                ],
                [
                    [{ name: "ana", email: "ana@h.org", role: "dba" }],
                    /^hms:securityVpnAdministrators\[0\] = .*has role: an administrator has only name and email/,
                ],
                [
                    "ana@h.org",
                    /^hms:securityVpnAdministrators = "ana@h\.org": must be a list of \{name, email\} objects/,
                ],
                [
                    [],
                    /^hms:securityVpnAdministrators = \[\]: must list at least one administrator .* while hms:securityVpnEnabled is true/,
                ],
            ];
            for (const [list, expected] of cases) {
                const problems = problemsOf(list);
                assert.ok(
                    problems.some((p) => p.startsWith(key) && expected.test(p)),
                    `${JSON.stringify(list)}: ${problems.join("\n")}`,
                );
            }
        });

        it("without the VPN no administrator is needed", () => {
            assert.deepStrictEqual(
                configProblems("production", {
                    securityVpnEnabled: false,
                    securityVpnAdministrators: undefined,
                    monitoringGrafana: false,
                }),
                [],
            );
        });

        for (const stack of ["production", "staging"]) {
            it(`${stack}: one key, certificate and secret per administrator; CN = name, so connection logs name the person`, async () => {
                const run = await runStack(stack);
                const admins = adminsOf(stack);
                const ca = oneSec(run, "tls:index/selfSignedCert:SelfSignedCert");
                const clientCerts = sec(run, "tls:index/locallySignedCert:LocallySignedCert").filter((c) =>
                    (c.inputs.allowedUses as string[]).includes("client_auth"),
                );
                assert.strictEqual(clientCerts.length, admins.length, "no shared or extra client certificate");
                const keys = new Set<string>();
                for (const admin of admins) {
                    const cert = adminCert(run, admin.name);
                    assert.strictEqual(cert.inputs.caCertPem, ca.outputs.certPem, "signed by the VPN CA");
                    const csr = ofType(run, "tls:index/certRequest:CertRequest").find(
                        (r) => r.outputs.certRequestPem === cert.inputs.certRequestPem,
                    );
                    assert.ok(csr);
                    const subject = csr.inputs.subject as Record<string, string>;
                    assert.strictEqual(subject.commonName, admin.name);
                    assert.strictEqual(subject.emailAddress, admin.email);
                    keys.add(String(csr.rawInputs.privateKeyPem && JSON.stringify(csr.rawInputs.privateKeyPem)));
                }
                assert.strictEqual(keys.size, admins.length, "each certificate has its own key");
                assert.deepStrictEqual(
                    Object.keys(run.outputs.vpnAdministratorSecretArns as object).sort(),
                    admins.map((a) => a.name).sort(),
                );
            });
        }

        it("the CRL command signs with the CA key (a secret on stdin) over the certificates issued now, sorted by name", async function () {
            // Three builds of the Security component alone (the stack's list, reordered, shortened).
            this.timeout(120_000);
            const run = await runStack("production");
            const crl = oneSec(run, "command:local:Command", /-vpn-crl$/);
            const ca = oneSec(run, "tls:index/selfSignedCert:SelfSignedCert");
            assert.ok(isSecret(crl.rawInputs.stdin), "the CA key goes in as a secret");
            assert.match(String((crl.rawInputs.stdin as { value: string }).value), /PRIVATE KEY/);
            const env = crl.inputs.environment as Record<string, string>;
            assert.strictEqual(env.CA_CERT, ca.outputs.certPem);
            const names = adminsOf("production")
                .map((a) => a.name)
                .sort();
            assert.strictEqual(env.ISSUED, names.map((n) => adminCert(run, n).outputs.certPem).join(""));
            assert.strictEqual(env.ENDPOINT_ID, one(run, "aws:ec2clientvpn/endpoint:Endpoint").id);
            assert.strictEqual(crl.inputs.create, renderCrlScript());
            // A replacement would run `create` without the previous ledger and forget revocations.
            assert.strictEqual(crl.inputs.triggers, undefined, "no triggers: changes are updates");
            assert.notStrictEqual(crl.inputs.addPreviousOutputInEnv, false);

            // Reordering the list changes nothing; removing an administrator drops their certificate from ISSUED.
            // Security alone, built from production's configuration with each list, is compared with itself
            // built from the stack's own list. The trail has no part in the CRL: it is left out (cheaper).
            const admins = adminsOf("production");
            const withAdmins = (list?: VpnAdministrator[]) =>
                buildSecurityTiers(
                    parseStack("production", {
                        securityCloudTrail: false,
                        ...(list ? { securityVpnAdministrators: list } : {}),
                    }),
                    ["security"],
                );
            const crlOf = (built: Resources) => oneSec(built, "command:local:Command", /-vpn-crl$/);
            const base = await withAdmins();
            assert.deepStrictEqual(crlOf(base).inputs, crl.inputs, "built alone as the program builds it");
            const reordered = await withAdmins([...admins].reverse());
            assert.deepStrictEqual(crlOf(reordered).inputs, crlOf(base).inputs);
            const removed = admins[0];
            const fewer = await withAdmins(admins.slice(1));
            const after = crlOf(fewer);
            assert.strictEqual(after.urn, crlOf(base).urn, "the same command, updated");
            const issuedAfter = String((after.inputs.environment as Record<string, string>).ISSUED);
            assert.ok(!issuedAfter.includes(String(adminCert(base, removed.name).outputs.certPem)));
            for (const kept of admins.slice(1)) {
                assert.ok(issuedAfter.includes(String(adminCert(base, kept.name).outputs.certPem)), kept.name);
            }
            assert.strictEqual(
                all(fewer, "tls:index/locallySignedCert:LocallySignedCert").filter((c) =>
                    c.name.endsWith(`-vpn-admin-${removed.name}`),
                ).length,
                0,
            );
        });

        it("the CRL import command is wired to the endpoint and imports the CRL command's output", async () => {
            const run = await runStack("production");
            const endpoint = one(run, "aws:ec2clientvpn/endpoint:Endpoint");
            const crl = oneSec(run, "command:local:Command", /-vpn-crl$/);
            const imp = oneSec(run, "command:local:Command", /-vpn-crl-import$/);
            const env = imp.inputs.environment as Record<string, string>;
            assert.strictEqual(env.ENDPOINT_ID, endpoint.id);
            assert.strictEqual(env.REGION, endpoint.inputs.region);
            assert.deepStrictEqual(imp.inputs.triggers, [endpoint.id], "a new endpoint gets the CRL again");
            assert.ok(imp.dependencies.includes(crl.urn), "LEDGER is the CRL command's stdout");
            assert.ok(imp.dependencies.includes(endpoint.urn));
            assert.match(String(imp.inputs.create), /aws ec2 import-client-vpn-client-certificate-revocation-list/);
        });

        describe("the CRL (real openssl)", () => {
            let dir: string;
            const sh = (cmd: string, env: Record<string, string> = {}, input?: string) => {
                const r = spawnSync("bash", ["-c", cmd], {
                    encoding: "utf8",
                    cwd: dir,
                    input,
                    env: { ...process.env, ...env },
                    timeout: 60_000,
                });
                assert.strictEqual(r.status, 0, `${cmd}: ${r.stderr}`);
                return r.stdout;
            };
            const read = (f: string) => fs.readFileSync(path.join(dir, f), "utf8");
            /** A client certificate signed by the CA in `dir` (CA `ca`), valid `days`. */
            const issue = (file: string, cn: string, days = 365, caName = "ca") =>
                sh(
                    `openssl req -new -key client.key -out ${file}.csr -subj "/O=HMS/CN=${cn}/emailAddress=${cn}@h.org" 2>/dev/null && ` +
                        `openssl x509 -req -in ${file}.csr -CA ${caName}.pem -CAkey ${caName}.key -set_serial 0x$(openssl rand -hex 16) -days ${days} -out ${file}.pem 2>/dev/null && ` +
                        `openssl x509 -in ${file}.pem -noout -serial | sed 's/serial=//'`,
                ).trim();
            /** Runs the CRL command's script as the command provider would: env, CA key on stdin, previous stdout. */
            const crl = (issued: string[], previous?: string, extra: Record<string, string> = {}, caName = "ca") => {
                fs.writeFileSync(path.join(dir, "crl.sh"), renderCrlScript());
                const env: Record<string, string> = {
                    CA_CERT: read(`${caName}.pem`),
                    ISSUED: issued.map((f) => read(`${f}.pem`)).join(""),
                    ...extra,
                };
                if (previous !== undefined) {
                    env.PULUMI_COMMAND_STDOUT = previous;
                }
                // The provider trims the final newline of stdout.
                return sh("bash crl.sh", env, read(`${caName}.key`)).replace(/\n$/, "");
            };
            const crlOf = (ledger: string) => {
                fs.writeFileSync(
                    path.join(dir, "crl.pem"),
                    ledger.slice(ledger.indexOf("-----BEGIN X509 CRL-----")) + "\n",
                );
                return sh("openssl crl -in crl.pem -noout -text");
            };
            const verify = (cert: string) =>
                spawnSync(
                    "openssl",
                    ["verify", "-crl_check", "-CAfile", "ca.pem", "-CRLfile", "crl.pem", `${cert}.pem`],
                    {
                        cwd: dir,
                        encoding: "utf8",
                    },
                );

            before(function () {
                requireTool(this, "openssl");
                dir = fs.mkdtempSync(path.join(os.tmpdir(), "hms-crl-"));
                // One client key for every certificate: a CRL lists serials, whatever key a certificate holds,
                // and an RSA key costs more to make than the rest of a test.
                sh("openssl genpkey -algorithm RSA -pkeyopt rsa_keygen_bits:2048 -out client.key 2>/dev/null");
                for (const ca of ["ca", "ca2"]) {
                    sh(
                        `openssl req -x509 -newkey rsa:2048 -nodes -keyout ${ca}.key -out ${ca}.pem -subj "/O=HMS/CN=${ca} VPN CA" -days 1825 2>/dev/null`,
                    );
                }
            });
            after(() => dir && fs.rmSync(dir, { recursive: true, force: true }));

            it("removing an administrator puts their serial in the CA-signed CRL; the others still verify", () => {
                const ana = issue("ana", "ana");
                const joao = issue("joao", "joao");
                const first = crl(["ana", "joao"]);
                assert.ok(first.startsWith(`${LEDGER_HEADER}\n`));
                assert.doesNotMatch(crlOf(first), /Serial Number/, "no one revoked yet");
                const second = crl(["ana"], first);
                const text = crlOf(second);
                assert.match(text, new RegExp(`Serial Number: ${joao}`));
                assert.doesNotMatch(text, new RegExp(ana));
                assert.match(sh("openssl crl -in crl.pem -noout -verify -CAfile ca.pem 2>&1"), /verify OK/);
                assert.match(verify("joao").stdout + verify("joao").stderr, /certificate revoked/);
                assert.strictEqual(verify("ana").status, 0, verify("ana").stdout + verify("ana").stderr);
            });

            it("a revocation outlives later runs and a rotated key revokes the old certificate", () => {
                issue("bia", "bia");
                const old = issue("carl", "carl");
                const first = crl(["bia", "carl"]);
                const second = crl(["bia"], first);
                issue("carl2", "carl"); // carl rotated: a new key and certificate under the same name
                const third = crl(["bia", "carl2"], second);
                const fourth = crl(["bia"], third);
                const text = crlOf(fourth);
                assert.match(text, new RegExp(`Serial Number: ${old}`), "still revoked two runs later");
                assert.match(
                    text,
                    new RegExp(
                        `Serial Number: ${sh("openssl x509 -in carl2.pem -noout -serial | sed 's/serial=//'").trim()}`,
                    ),
                );
                const rotated = crl(["bia", "carl2"], first);
                assert.match(
                    crlOf(rotated),
                    new RegExp(`Serial Number: ${old}`),
                    "the replaced certificate is revoked",
                );
            });

            it("expired certificates leave the list; a new CA starts a new one; the CRL outlives the CA", () => {
                const short = issue("dan", "dan", 2);
                const first = crl(["dan"]);
                const revoked = crl([], first);
                assert.match(crlOf(revoked), new RegExp(short));
                const later = new Date(Date.now() + 5 * 86_400_000).toISOString().replace(/\D/g, "").slice(0, 14);
                assert.doesNotMatch(
                    crlOf(crl([], revoked, { HMS_CRL_NOW: later })),
                    new RegExp(short),
                    "expired: dropped",
                );
                issue("eva", "eva", 365, "ca2");
                const other = crl(["eva"], revoked, {}, "ca2");
                assert.doesNotMatch(crlOf(other), new RegExp(short), "serials of another CA are not carried over");
                const [, last, next] = /Last Update: (.+)\n\s+Next Update: (.+)/.exec(crlOf(first)) ?? [];
                const days = (Date.parse(next) - Date.parse(last)) / 86_400_000;
                assert.ok(days >= CRL_DAYS - 1 && days > 5 * 365, `CRL valid ${days} days, longer than the 5-year CA`);
            });

            it("without a ledger (a replaced command, lost state), the endpoint's revocations by this CA are kept", () => {
                const gone = issue("gil", "gil");
                const first = crl(["gil"]);
                const revoked = crl([], first);
                fs.writeFileSync(
                    path.join(dir, "endpoint-crl.pem"),
                    revoked.slice(revoked.indexOf("-----BEGIN X509 CRL-----")),
                );
                fs.mkdirSync(path.join(dir, "export-bin"), { recursive: true });
                // The AWS CLI as the endpoint answers `export-client-vpn-client-certificate-revocation-list --output text`.
                fs.writeFileSync(
                    path.join(dir, "export-bin", "aws"),
                    `#!/bin/bash\n[ "$2" = export-client-vpn-client-certificate-revocation-list ] && cat "${dir}/endpoint-crl.pem"\n`,
                    { mode: 0o755 },
                );
                const withEndpoint = (caName: string) => ({
                    PATH: `${path.join(dir, "export-bin")}:${process.env.PATH}`,
                    ENDPOINT_ID: "cvpn-endpoint-0123456789abcdef0",
                    REGION: "sa-east-1",
                    CA_NAME: caName,
                });
                const fresh = crl([], undefined, withEndpoint("ca"));
                assert.match(crlOf(fresh), new RegExp(`Serial Number: ${gone}`), "carried over");
                assert.match(crl([], fresh), new RegExp(`revoked ${gone} `), "and kept by later runs");
                issue("hal", "hal", 365, "ca2");
                assert.doesNotMatch(
                    crl(["hal"], undefined, withEndpoint("ca2"), "ca2"),
                    new RegExp(gone),
                    "another CA's CRL is not",
                );
            });

            it("the import script sends the ledger's CRL to the endpoint with the AWS CLI", () => {
                issue("fay", "fay");
                const ledger = crl(["fay"]);
                fs.mkdirSync(path.join(dir, "bin"), { recursive: true });
                fs.writeFileSync(
                    path.join(dir, "bin", "aws"),
                    `#!/bin/bash\nprintf '%s\\n' "$@" > "${dir}/aws-args"\nfor a in "$@"; do case "$a" in file://*) cp "\${a#file://}" "${dir}/aws-crl";; esac; done\n`,
                    { mode: 0o755 },
                );
                fs.writeFileSync(path.join(dir, "import.sh"), renderCrlImportScript());
                sh("bash import.sh", {
                    PATH: `${path.join(dir, "bin")}:${process.env.PATH}`,
                    LEDGER: ledger,
                    ENDPOINT_ID: "cvpn-endpoint-0123456789abcdef0",
                    REGION: "sa-east-1",
                });
                const args = read("aws-args").trim().split("\n");
                assert.deepStrictEqual(args.slice(0, 6), [
                    "ec2",
                    "import-client-vpn-client-certificate-revocation-list",
                    "--region",
                    "sa-east-1",
                    "--client-vpn-endpoint-id",
                    "cvpn-endpoint-0123456789abcdef0",
                ]);
                assert.strictEqual(args[6], "--certificate-revocation-list");
                assert.match(read("aws-crl"), /^-----BEGIN X509 CRL-----\n[\s\S]+-----END X509 CRL-----\n$/);
                assert.match(sh("openssl crl -in aws-crl -noout -verify -CAfile ca.pem 2>&1"), /verify OK/);
            });

            it("both scripts pass shellcheck", function () {
                requireTool(this, "shellcheck");
                for (const [file, script] of [
                    ["crl-check.sh", renderCrlScript()],
                    ["import-check.sh", renderCrlImportScript()],
                ]) {
                    fs.writeFileSync(path.join(dir, file), `#!/bin/bash\n${script}`);
                    sh(`shellcheck ${file}`);
                }
            });
        });
    });

    it("vpcResolver is the VPC base address plus two", () => {
        assert.strictEqual(vpcResolver("10.20.0.0/16"), "10.20.0.2");
        assert.strictEqual(vpcResolver("172.16.240.0/20"), "172.16.240.2");
    });
});
