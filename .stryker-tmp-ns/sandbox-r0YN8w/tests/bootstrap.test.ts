// @ts-nocheck
// The bootstrap program (bootstrap/): run under the shared mocks with a new
// account's configuration, it must create a protected, private, versioned,
// KMS-encrypted state bucket, the secrets provider's key, and GitHub OIDC roles
// trusted only from this repository (and, for deploy roles, only from their
// environment), whose permissions stop at what the program manages.

import * as assert from "assert";
import * as path from "path";
import * as pulumi from "@pulumi/pulumi";
import { BootstrapConfigError, readBootstrapConfig } from "../bootstrap/config";
import {
    deployPolicies,
    driftPolicy,
    FORBIDDEN_POLICY_ARNS,
    MANAGED_POLICY_MAX_CHARS,
    MANAGED_SERVICES,
    PolicyDocument,
    policySize,
    previewPolicy,
    StateArgs,
    TrustPolicy,
} from "../bootstrap/policies";
import { MOCK_ACCOUNT_ID, RecordedResource, useMocks } from "../tools/mocks";
import { ROOT, runStack, settle } from "../tools/stack";
import { isAllowed } from "./support/iam";

const REPO = "hospital-it/hms-infrastructure";
const BASE_CONFIG: Record<string, string> = {
    "aws:region": "sa-east-1",
    "hms-bootstrap:githubRepository": REPO,
    "hms-bootstrap:regions": JSON.stringify(["sa-east-1", "us-east-1"]),
};

interface BootstrapRun {
    resources: RecordedResource[];
    outputs: Record<string, unknown>;
}

async function runBootstrap(config: Record<string, string> = BASE_CONFIG): Promise<BootstrapRun> {
    const monitor = useMocks("hms-bootstrap", "main");
    pulumi.runtime.setAllConfig(config, []);
    const entry = require.resolve(path.join(ROOT, "bootstrap", "index"));
    delete require.cache[entry];
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const exported = require(entry) as Record<string, unknown>;
    const outputs: Record<string, unknown> = {};
    for (const [name, value] of Object.entries(exported)) {
        outputs[name] = await new Promise((res) => pulumi.output(value as pulumi.Input<object>).apply(res));
    }
    await settle(monitor);
    return { resources: [...monitor.recorded], outputs };
}

const ofType = (run: BootstrapRun, type: string): RecordedResource[] => run.resources.filter((r) => r.type === type);
const one = (run: BootstrapRun, type: string, name?: string): RecordedResource => {
    const found = ofType(run, type).filter((r) => name === undefined || r.name === name);
    assert.strictEqual(found.length, 1, `one ${type} ${name ?? ""}`);
    return found[0];
};
const json = <T>(v: unknown): T => (typeof v === "string" ? JSON.parse(v) : v) as T;
const roleByName = (run: BootstrapRun, name: string): RecordedResource => one(run, "aws:iam/role:Role", name);
/** The managed policy documents attached to a role (by its name in the mocks). */
function attachedDocs(run: BootstrapRun, role: RecordedResource): { docs: PolicyDocument[]; arns: string[] } {
    const arns = ofType(run, "aws:iam/rolePolicyAttachment:RolePolicyAttachment")
        .filter((a) => a.inputs.role === role.outputs.name || a.inputs.role === role.id)
        .map((a) => String(a.inputs.policyArn));
    const docs = ofType(run, "aws:iam/policy:Policy")
        .filter((p) => arns.includes(String(p.outputs.arn)))
        .map((p) => json<PolicyDocument>(p.inputs.policy));
    return { docs, arns };
}

describe("bootstrap program", () => {
    let run: BootstrapRun;
    before(async () => {
        run = await runBootstrap();
    });

    describe("state backend", () => {
        it("is a protected, versioned bucket that cannot be emptied by a delete", () => {
            const bucket = one(run, "aws:s3/bucket:Bucket");
            assert.strictEqual(bucket.protect, true);
            assert.strictEqual(bucket.inputs.forceDestroy, false);
            const versioning = one(run, "aws:s3/bucketVersioning:BucketVersioning");
            assert.deepStrictEqual(versioning.inputs.versioningConfiguration, { status: "Enabled" });
            assert.strictEqual(versioning.inputs.bucket, bucket.id);
        });

        it("is encrypted with its own rotated, protected KMS key", () => {
            const sse = one(
                run,
                "aws:s3/bucketServerSideEncryptionConfiguration:BucketServerSideEncryptionConfiguration",
            );
            const rule = (sse.inputs.rules as Array<Record<string, Record<string, unknown>>>)[0];
            assert.strictEqual(rule.applyServerSideEncryptionByDefault.sseAlgorithm, "aws:kms");
            const key = ofType(run, "aws:kms/key:Key").find(
                (k) => k.outputs.arn === rule.applyServerSideEncryptionByDefault.kmsMasterKeyId,
            );
            assert.ok(key, "the bucket's key is one of the bootstrap's keys");
            for (const k of ofType(run, "aws:kms/key:Key")) {
                assert.strictEqual(k.protect, true, `${k.name} protected`);
                assert.strictEqual(k.inputs.enableKeyRotation, true, `${k.name} rotated`);
                const days = Number(k.inputs.deletionWindowInDays);
                assert.ok(days >= 7 && days <= 30, "KMS accepts a deletion window of 7-30 days");
            }
        });

        it("is private: all four public access blocks, owner-enforced objects, TLS-only policy", () => {
            const pab = one(run, "aws:s3/bucketPublicAccessBlock:BucketPublicAccessBlock");
            for (const k of ["blockPublicAcls", "blockPublicPolicy", "ignorePublicAcls", "restrictPublicBuckets"]) {
                assert.strictEqual(pab.inputs[k], true, k);
            }
            const own = one(run, "aws:s3/bucketOwnershipControls:BucketOwnershipControls");
            assert.deepStrictEqual(own.inputs.rule, { objectOwnership: "BucketOwnerEnforced" });
            const policy = json<PolicyDocument>(one(run, "aws:s3/bucketPolicy:BucketPolicy").inputs.policy);
            const bucketArn = String(one(run, "aws:s3/bucket:Bucket").outputs.arn);
            // Whatever an identity policy allows, plain HTTP is refused on the bucket and its objects.
            const allowAll: PolicyDocument = {
                Version: "2012-10-17",
                Statement: [{ Sid: "Anything", Effect: "Allow", Action: "s3:*", Resource: "*" }],
            };
            for (const resource of [bucketArn, `${bucketArn}/.pulumi/stacks/hms/production.json`]) {
                const over = (tls: string) =>
                    isAllowed([allowAll, policy], "s3:GetObject", resource, { "aws:SecureTransport": tls });
                assert.strictEqual(over("false"), false, `plain HTTP refused on ${resource}`);
                assert.strictEqual(over("true"), true, `TLS accepted on ${resource}`);
            }
            const deny = policy.Statement.find((s) => s.Effect === "Deny");
            assert.deepStrictEqual(deny?.Condition, { Bool: { "aws:SecureTransport": "false" } });
            assert.strictEqual((deny as { Principal?: unknown } | undefined)?.Principal, "*", "applies to everyone");
        });

        it("outputs the backend URL and the awskms secrets provider the stacks use", () => {
            const bucket = one(run, "aws:s3/bucket:Bucket");
            assert.strictEqual(run.outputs.backendUrl, `s3://${bucket.outputs.bucket}?region=sa-east-1`);
            const alias = one(run, "aws:kms/alias:Alias");
            // KMS alias names: alias/ then 1-256 of [a-zA-Z0-9/_-], never alias/aws/.
            assert.match(String(alias.inputs.name), /^alias\/(?!aws\/)[a-zA-Z0-9/_-]{1,250}$/);
            assert.strictEqual(run.outputs.secretsProvider, `awskms://${alias.inputs.name}?region=sa-east-1`);
            const secretsKey = ofType(run, "aws:kms/key:Key").find((k) => k.id === alias.inputs.targetKeyId);
            assert.ok(secretsKey && /secrets/i.test(String(secretsKey.inputs.description)));
        });
    });

    describe("GitHub OIDC", () => {
        it("creates the account's provider for GitHub's issuer and the STS audience, protected", () => {
            const provider = one(run, "aws:iam/openIdConnectProvider:OpenIdConnectProvider");
            assert.strictEqual(provider.inputs.url, "https://token.actions.githubusercontent.com");
            assert.deepStrictEqual(provider.inputs.clientIdLists, ["sts.amazonaws.com"]);
            assert.strictEqual(provider.protect, true);
        });

        it("one deploy role per environment, trusted only from this repository and that environment", () => {
            const providerArn = String(one(run, "aws:iam/openIdConnectProvider:OpenIdConnectProvider").outputs.arn);
            for (const env of ["staging", "production"]) {
                const trust = json<TrustPolicy>(roleByName(run, `hms-deploy-${env}`).inputs.assumeRolePolicy);
                assert.deepStrictEqual(trust.Statement, [
                    {
                        Effect: "Allow",
                        Principal: { Federated: providerArn },
                        Action: "sts:AssumeRoleWithWebIdentity",
                        Condition: {
                            StringEquals: {
                                "token.actions.githubusercontent.com:aud": "sts.amazonaws.com",
                                "token.actions.githubusercontent.com:sub": `repo:${REPO}:environment:${env}`,
                            },
                        },
                    },
                ]);
            }
            assert.deepStrictEqual(Object.keys(run.outputs.deployRoleArns as object), ["staging", "production"]);
        });

        it("the preview role trusts pull requests and the drift role only main, both exactly", () => {
            const sub = (name: string) =>
                json<TrustPolicy>(roleByName(run, name).inputs.assumeRolePolicy).Statement[0].Condition.StringEquals[
                    "token.actions.githubusercontent.com:sub"
                ];
            assert.strictEqual(sub("hms-preview"), `repo:${REPO}:pull_request`);
            assert.strictEqual(sub("hms-drift"), `repo:${REPO}:ref:refs/heads/main`);
        });

        it("no trust policy uses a wildcard subject, and every role lives under the delivery path", () => {
            for (const role of ofType(run, "aws:iam/role:Role")) {
                assert.doesNotMatch(String(role.inputs.assumeRolePolicy), /StringLike|\*/);
                assert.strictEqual(role.inputs.path, "/hms-delivery/");
                // IAM role names are at most 64 characters; Pulumi appends "-" and 7 characters.
                assert.ok(role.name.length + 8 <= 64, role.name);
            }
        });

        it("uses an existing provider instead of creating a second one (one per URL and account)", async () => {
            const arn = `arn:aws:iam::${MOCK_ACCOUNT_ID}:oidc-provider/token.actions.githubusercontent.com`;
            const other = await runBootstrap({ ...BASE_CONFIG, "hms-bootstrap:githubOidcProviderArn": arn });
            assert.strictEqual(ofType(other, "aws:iam/openIdConnectProvider:OpenIdConnectProvider").length, 0);
            const trust = json<TrustPolicy>(roleByName(other, "hms-deploy-production").inputs.assumeRolePolicy);
            assert.strictEqual(trust.Statement[0].Principal.Federated, arn);
            run = await runBootstrap();
        });
    });

    describe("permissions", () => {
        const bucket = "arn:aws:s3:::hms-state-1234567";
        const args: StateArgs = {
            stateBucketArn: bucket,
            stateKeyArn: `arn:aws:kms:sa-east-1:${MOCK_ACCOUNT_ID}:key/state`,
            secretsKeyArn: `arn:aws:kms:sa-east-1:${MOCK_ACCOUNT_ID}:key/secrets`,
            project: "hms",
        };
        const regions = ["sa-east-1", "us-east-1"];
        const deploy = (stack: string): PolicyDocument[] => Object.values(deployPolicies({ ...args, stack, regions }));
        const inRegion = { "aws:RequestedRegion": "sa-east-1" };

        it("no role gets AdministratorAccess or a '*' action, and every document fits IAM's size quota", () => {
            for (const role of ofType(run, "aws:iam/role:Role")) {
                const { docs, arns } = attachedDocs(run, role);
                assert.ok(docs.length > 0, `${role.name} has a policy of its own`);
                assert.ok(arns.length <= 10, "IAM attaches at most 10 managed policies to a role");
                for (const arn of arns) assert.ok(!FORBIDDEN_POLICY_ARNS.includes(arn), `${role.name}: ${arn}`);
                for (const d of docs) {
                    assert.ok(policySize(d) <= MANAGED_POLICY_MAX_CHARS, `${role.name}: ${policySize(d)} characters`);
                    for (const s of d.Statement) {
                        const actions = Array.isArray(s.Action) ? s.Action : [s.Action];
                        assert.ok(!actions.includes("*"), `${role.name} ${s.Sid}`);
                    }
                }
            }
        });

        it("a deploy role reaches its own stack's state only", () => {
            const staging = deploy("staging");
            for (const key of [
                ".pulumi/stacks/hms/staging.json",
                ".pulumi/history/hms/staging/x.history.json",
                ".pulumi/locks/hms/staging/l.json",
            ]) {
                assert.ok(isAllowed(staging, "s3:PutObject", `${bucket}/${key}`, inRegion), key);
            }
            for (const key of [
                ".pulumi/stacks/hms/production.json",
                ".pulumi/history/hms/production/x.json",
                ".pulumi/stacks/hms/staging-old.json",
            ]) {
                assert.ok(!isAllowed(staging, "s3:GetObject", `${bucket}/${key}`, inRegion), key);
                assert.ok(!isAllowed(staging, "s3:PutObject", `${bucket}/${key}`, inRegion), key);
            }
        });

        it("a deploy role cannot weaken the bootstrap: the state bucket, the keys, the delivery roles, users and keys", () => {
            const production = deploy("production");
            const refused: Array<[string, string]> = [
                ["s3:DeleteBucket", bucket],
                ["s3:PutBucketPolicy", bucket],
                ["s3:PutBucketVersioning", bucket],
                ["s3:DeleteObjectVersion", `${bucket}/.pulumi/stacks/hms/production.json`],
                ["kms:ScheduleKeyDeletion", args.secretsKeyArn],
                ["kms:PutKeyPolicy", args.stateKeyArn],
                [
                    "iam:UpdateAssumeRolePolicy",
                    `arn:aws:iam::${MOCK_ACCOUNT_ID}:role/hms-delivery/hms-deploy-production-abc1234`,
                ],
                ["iam:AttachRolePolicy", `arn:aws:iam::${MOCK_ACCOUNT_ID}:role/hms-delivery/hms-preview-abc1234`],
                ["iam:CreateUser", `arn:aws:iam::${MOCK_ACCOUNT_ID}:user/someone`],
                ["iam:CreateAccessKey", `arn:aws:iam::${MOCK_ACCOUNT_ID}:user/someone`],
                [
                    "iam:DeleteOpenIDConnectProvider",
                    `arn:aws:iam::${MOCK_ACCOUNT_ID}:oidc-provider/token.actions.githubusercontent.com`,
                ],
                ["organizations:LeaveOrganization", "*"],
            ];
            for (const [action, resource] of refused) {
                assert.ok(!isAllowed(production, action, resource, inRegion), `${action} on ${resource}`);
            }
            const programRole = `arn:aws:iam::${MOCK_ACCOUNT_ID}:role/hms-app-role-abc1234`;
            assert.ok(
                !isAllowed(production, "iam:AttachRolePolicy", programRole, {
                    "iam:PolicyARN": "arn:aws:iam::aws:policy/AdministratorAccess",
                }),
                "administrator policies cannot be attached to the program's roles",
            );
        });

        it("a deploy role manages the program's services in the stack's regions only", () => {
            const staging = deploy("staging");
            const instance = `arn:aws:ec2:sa-east-1:${MOCK_ACCOUNT_ID}:instance/i-0abc`;
            assert.ok(isAllowed(staging, "ec2:RunInstances", instance, inRegion));
            assert.ok(isAllowed(staging, "rds:CreateDBCluster", "*", { "aws:RequestedRegion": "us-east-1" }));
            assert.ok(!isAllowed(staging, "ec2:RunInstances", instance, { "aws:RequestedRegion": "eu-west-1" }));
            assert.ok(
                !isAllowed(staging, "sagemaker:CreateNotebookInstance", "*", inRegion),
                "a service the program does not use",
            );
            const programRole = `arn:aws:iam::${MOCK_ACCOUNT_ID}:role/hms-app-role-abc1234`;
            for (const action of ["iam:CreateRole", "iam:PutRolePolicy", "iam:PassRole"]) {
                assert.ok(isAllowed(staging, action, programRole), action);
            }
        });

        it("covers every AWS service the program creates resources of", async function () {
            this.timeout(600_000); // three stack runs under mocks (shared with the other test files)
            // Pulumi type module → IAM service prefix, where they differ.
            const prefix: Record<string, string[]> = {
                ec2clientvpn: ["ec2"],
                vpc: ["ec2"],
                lb: ["elasticloadbalancing"],
                cloudwatch: ["cloudwatch", "logs", "events"],
                opensearch: ["es"],
                opensearchingest: ["osis"],
                amp: ["aps"],
                sesv2: ["ses"],
            };
            const stacks = await Promise.all(["production", "staging", "development"].map((s) => runStack(s)));
            const modules = new Set(
                stacks.flatMap((s) =>
                    s.resources.map((r) => /^aws:([a-z0-9]+)\//.exec(r.type)?.[1]).filter((m) => m !== undefined),
                ),
            );
            const missing = [...modules]
                .filter((m) => m !== "iam")
                .flatMap((m) => (prefix[m] ?? [m]).filter((p) => !MANAGED_SERVICES.includes(p)));
            assert.deepStrictEqual(missing, []);
            assert.ok(modules.has("ec2") && modules.has("rds"), "the stacks ran");
        });

        it("the preview role reads state and decrypts secrets but reaches no data, secret value or write", () => {
            const preview = [previewPolicy({ ...args, regions })];
            assert.ok(isAllowed(preview, "s3:GetObject", `${bucket}/.pulumi/stacks/hms/production.json`));
            assert.ok(isAllowed(preview, "kms:Decrypt", args.secretsKeyArn));
            assert.ok(isAllowed(preview, "ec2:DescribeImages", "*", inRegion));
            for (const [action, resource] of [
                ["s3:PutObject", `${bucket}/.pulumi/stacks/hms/production.json`],
                ["kms:Encrypt", args.secretsKeyArn],
                ["secretsmanager:GetSecretValue", `arn:aws:secretsmanager:sa-east-1:${MOCK_ACCOUNT_ID}:secret:db`],
                ["s3:GetObject", "arn:aws:s3:::hms-production-media/patient/scan.dcm"],
                ["ec2:RunInstances", "*"],
            ]) {
                assert.ok(!isAllowed(preview, action, resource, inRegion), `${action} on ${resource}`);
            }
        });

        it("the drift role may not read patient files or logs even with ReadOnlyAccess beside it", () => {
            const drift = driftPolicy(args);
            // ReadOnlyAccess allows s3:Get* and logs:Get*; model it as an allow-all for reads.
            const readOnly: PolicyDocument = {
                Version: "2012-10-17",
                Statement: [
                    {
                        Sid: "ReadOnlyAccess",
                        Effect: "Allow",
                        Action: ["s3:Get*", "logs:Get*", "logs:FilterLogEvents", "es:ESHttpGet"],
                        Resource: "*",
                    },
                ],
            };
            const docs = [readOnly, drift];
            assert.ok(!isAllowed(docs, "s3:GetObject", "arn:aws:s3:::hms-production-media/patient/scan.dcm"));
            assert.ok(!isAllowed(docs, "logs:GetLogEvents", `arn:aws:logs:sa-east-1:${MOCK_ACCOUNT_ID}:log-group:app`));
            assert.ok(!isAllowed(docs, "es:ESHttpGet", `arn:aws:es:sa-east-1:${MOCK_ACCOUNT_ID}:domain/logs/_search`));
            assert.ok(isAllowed(docs, "s3:GetBucketPolicy", "arn:aws:s3:::hms-production-media"));
            assert.ok(isAllowed(docs, "s3:GetObject", `${bucket}/.pulumi/stacks/hms/production.json`));
            const secret = `arn:aws:secretsmanager:sa-east-1:${MOCK_ACCOUNT_ID}:secret:db`;
            assert.ok(
                isAllowed(docs, "secretsmanager:GetSecretValue", secret, {
                    "secretsmanager:ResourceTag/Project": "hms",
                }),
            );
            assert.ok(
                !isAllowed(docs, "secretsmanager:GetSecretValue", secret, {
                    "secretsmanager:ResourceTag/Project": "billing",
                }),
            );
        });
    });

    describe("configuration", () => {
        const read = (values: Record<string, string>, region: string | undefined = "sa-east-1") =>
            readBootstrapConfig((k) => values[k], region);
        const problems = (values: Record<string, string>, region?: string): string => {
            try {
                read(values, region);
            } catch (e) {
                assert.ok(e instanceof BootstrapConfigError);
                return e.problems.join("\n");
            }
            assert.fail("the configuration was accepted");
        };

        it("defaults to the staging and production environments in the stack's region", () => {
            assert.deepStrictEqual(read({ githubRepository: REPO }), {
                githubRepository: REPO,
                environments: ["staging", "production"],
                regions: ["sa-east-1"],
                githubOidcProviderArn: undefined,
                project: "hms",
            });
        });

        it("refuses what GitHub, IAM and AWS would not accept, naming the key, the value and what is accepted", () => {
            assert.match(problems({}), /hms-bootstrap:githubRepository = \(not set\): owner\/name/);
            assert.match(problems({ githubRepository: "hospital it/hms" }), /githubRepository = "hospital it\/hms"/);
            assert.match(problems({ githubRepository: "-hospital/hms" }), /githubRepository/);
            assert.match(problems({ githubRepository: "a/b/c" }), /githubRepository/);
            assert.match(
                problems({ githubRepository: REPO, environments: '["Production"]' }),
                /environments = "Production": 1-40 lowercase/,
            );
            assert.match(
                problems({ githubRepository: REPO, environments: "staging" }),
                /environments = "staging": a list of strings/,
            );
            assert.match(
                problems({ githubRepository: REPO, regions: '["sa-east-1", "brazil"]' }),
                /regions = "brazil": an AWS region/,
            );
            assert.match(problems({ githubRepository: REPO }, ""), /regions = \(not set\)/);
            assert.match(
                problems({
                    githubRepository: REPO,
                    githubOidcProviderArn: "arn:aws:iam::123:oidc-provider/example.com",
                }),
                /githubOidcProviderArn/,
            );
        });

        it("reports every problem at once", () => {
            const all = problems({ githubRepository: "x", environments: '["A"]', regions: '["mars-1"]' });
            assert.strictEqual(all.split("\n").length, 3, all);
        });
    });
});
