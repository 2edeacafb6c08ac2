// @ts-nocheck
import * as assert from "assert";
import { vpcResolver } from "../components/security";
import { isSecret, MOCK_ACCOUNT_ID, RecordedResource } from "../tools/mocks";
import { runStack, StackRun } from "../tools/stack";
import { byId, ofType } from "./support/resources";

const one = (run: StackRun, type: string): RecordedResource => {
    const all = ofType(run, type);
    assert.strictEqual(all.length, 1, `expected one ${type}, found ${all.length}`);
    return all[0];
};
/** Resources of the Security component (other tiers use some of the same types). */
const sec = (run: StackRun, type: string): RecordedResource[] =>
    ofType(run, type).filter((r) => /-security-/.test(r.name));
const oneSec = (run: StackRun, type: string): RecordedResource => {
    const all = sec(run, type);
    assert.strictEqual(all.length, 1, `expected one ${type} in Security, found ${all.length}`);
    return all[0];
};
/** The VPN administrator's secret version (other tiers keep secrets too). */
const vpnSecretVersion = (run: StackRun): RecordedResource => {
    const all = ofType(run, "aws:secretsmanager/secretVersion:SecretVersion").filter((r) =>
        /-security-vpn-admin$/.test(r.name),
    );
    assert.strictEqual(all.length, 1);
    return all[0];
};
const policyOf = (r: RecordedResource, field = "policy") =>
    JSON.parse(String(r.inputs[field])) as { Statement: Array<Record<string, unknown>> };
const logsKeyArn = (run: StackRun) =>
    run.resources.find((r) => r.type === "aws:kms/key:Key" && r.name.endsWith("-keys-logs"))!.outputs.arn;
const dataKeyArn = (run: StackRun) =>
    run.resources.find((r) => r.type === "aws:kms/key:Key" && r.name.endsWith("-keys-data"))!.outputs.arn;

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
                    ["client_auth", "server_auth"],
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

            it("the administrator's private key is never in plain inputs or stack outputs", () => {
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
                const version = vpnSecretVersion(run);
                assert.ok(isSecret(version.rawInputs.secretString), "the VPN profile is a secret");
                const secret = byId(run, version.inputs.secretId);
                assert.strictEqual(secret.inputs.kmsKeyId, dataKeyArn(run));
                assert.strictEqual(run.outputs.vpnClientSecretArn, secret.outputs.arn);
            });

            it("the stored profile holds the CA, the admin certificate and key, and the endpoint", () => {
                const run = runs[stack];
                const version = vpnSecretVersion(run);
                const stored = JSON.parse(
                    String((version.rawInputs.secretString as { value: string }).value),
                ) as Record<string, string>;
                const admin = sec(run, "tls:index/locallySignedCert:LocallySignedCert").find((c) =>
                    (c.inputs.allowedUses as string[]).includes("client_auth"),
                )!;
                assert.strictEqual(stored.clientCertificate, admin.outputs.certPem);
                assert.match(stored.clientPrivateKey, /BEGIN (RSA )?PRIVATE KEY/);
                const endpoint = one(run, "aws:ec2clientvpn/endpoint:Endpoint");
                assert.ok(
                    stored.profile.includes(`remote ${String(endpoint.outputs.dnsName).replace(/^\*\./, "")} 443`),
                );
                assert.ok(stored.profile.includes(stored.clientCertificate.trim()));
            });
        });
    }

    describe("switched off parts", () => {
        let run: StackRun;
        before(async function () {
            // A run executes the whole program under mocks: seconds each, more on a busy machine.
            this.timeout(300_000);
            run = await runStack("staging", {
                accountBaseline: true,
                securityVpnEnabled: false,
                // Grafana is reached only over the VPN: without it, there is none.
                monitoringGrafana: false,
                securityCloudTrail: false,
                securityGuardDutyRuntimeMonitoring: false,
                securityInspector: false,
            });
        });

        it("production logs the object-level events of the media bucket's DR replica too", () => {
            const run = runs.production;
            const replica = run.resources.find(
                (r) => r.type === "aws:s3/bucket:Bucket" && /-storage-replica/.test(r.name),
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
            for (const type of [
                "aws:ec2clientvpn/endpoint:Endpoint",
                "aws:acm/certificate:Certificate",
                "aws:cloudtrail/trail:Trail",
                "aws:inspector2/enabler:Enabler",
            ]) {
                assert.strictEqual(ofType(run, type).length, 0, type);
            }
            assert.strictEqual(run.outputs.vpnEndpointId, undefined);
            assert.strictEqual(run.outputs.cloudTrailArn, undefined);
        });

        it("GuardDuty without runtime monitoring keeps the other protections", () => {
            const names = ofType(run, "aws:guardduty/detectorFeature:DetectorFeature")
                .map((f) => f.inputs.name)
                .sort();
            assert.deepStrictEqual(names, ["EBS_MALWARE_PROTECTION", "RDS_LOGIN_EVENTS", "S3_DATA_EVENTS"]);
        });

        it("OpenSearch then admits no VPN security group", () => {
            const ingress = ofType(run, "aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule").filter((r) =>
                /-monitoring-opensearch-/.test(r.name),
            );
            assert.deepStrictEqual(
                ingress.map((r) => r.inputs.cidrIpv4 ?? r.inputs.referencedSecurityGroupId),
                ["10.30.0.0/16"],
            );
        });
    });

    it("vpcResolver is the VPC base address plus two", () => {
        assert.strictEqual(vpcResolver("10.20.0.0/16"), "10.20.0.2");
        assert.strictEqual(vpcResolver("172.16.240.0/20"), "172.16.240.2");
    });
});
