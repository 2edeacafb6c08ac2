// IAM policy documents of the delivery roles, as pure functions so that tests
// can read them. Sources for the facts they rely on:
// - GitHub's OIDC token: issuer https://token.actions.githubusercontent.com, `sub`
//   "repo:<owner>/<repo>:environment:<name>" for a job with an environment,
//   "repo:<owner>/<repo>:pull_request" for a pull_request event, and
//   "repo:<owner>/<repo>:ref:refs/heads/<branch>" otherwise; `aud` is what
//   aws-actions/configure-aws-credentials asks for, sts.amazonaws.com
//   (docs.github.com, "About security hardening with OpenID Connect").
// - Pulumi's self-managed (DIY) state layout, pulumi/pulumi pkg/backend/diy/store.go:
//   .pulumi/stacks/<project>/<stack>.json[.gz|.zst] (plus .bak), and per stack the
//   directories .pulumi/{history,backups,journal,locks}/<project>/<stack>/; the
//   bucket's .pulumi/meta.yaml holds the layout version.
// - IAM quotas: a managed policy document is at most 6,144 characters (whitespace
//   excluded) and a role takes at most 10 managed policies by default.

export const GITHUB_OIDC_HOST = "token.actions.githubusercontent.com";
export const GITHUB_OIDC_URL = `https://${GITHUB_OIDC_HOST}`;
export const STS_AUDIENCE = "sts.amazonaws.com";
/** IAM path of every role the bootstrap creates; the deploy roles cannot touch roles under it. */
export const ROLE_PATH = "/hms-delivery/";

export interface Statement {
    Sid: string;
    Effect: "Allow" | "Deny";
    Action: string | string[];
    Resource?: string | string[];
    NotResource?: string | string[];
    Condition?: Record<string, Record<string, string | string[]>>;
}
export interface PolicyDocument {
    Version: "2012-10-17";
    Statement: Statement[];
}
export interface TrustPolicy {
    Version: "2012-10-17";
    Statement: Array<{
        Effect: "Allow";
        Principal: { Federated: string };
        Action: "sts:AssumeRoleWithWebIdentity";
        Condition: { StringEquals: Record<string, string | string[]> };
    }>;
}

const doc = (...statements: Statement[]): PolicyDocument => ({ Version: "2012-10-17", Statement: statements });

/** The `sub` claims GitHub issues to this repository's jobs. */
export const subjects = {
    environment: (repository: string, environment: string): string => `repo:${repository}:environment:${environment}`,
    pullRequest: (repository: string): string => `repo:${repository}:pull_request`,
    branch: (repository: string, branch: string): string => `repo:${repository}:ref:refs/heads/${branch}`,
};

/** Trusted only by GitHub tokens for sts.amazonaws.com whose subject is exactly one of `subs`. */
export function githubTrustPolicy(providerArn: string, subs: string[]): TrustPolicy {
    return {
        Version: "2012-10-17",
        Statement: [
            {
                Effect: "Allow",
                Principal: { Federated: providerArn },
                Action: "sts:AssumeRoleWithWebIdentity",
                Condition: {
                    StringEquals: {
                        [`${GITHUB_OIDC_HOST}:aud`]: STS_AUDIENCE,
                        [`${GITHUB_OIDC_HOST}:sub`]: subs.length === 1 ? subs[0] : subs,
                    },
                },
            },
        ],
    };
}

export interface StateArgs {
    stateBucketArn: string;
    stateKeyArn: string;
    secretsKeyArn: string;
    project: string;
}

/** The objects of one stack's state (stack file, history, backups, journal, lock). */
export function stackStateObjects(bucketArn: string, project: string, stack: string): string[] {
    return [
        `${bucketArn}/.pulumi/stacks/${project}/${stack}.json*`,
        ...["history", "backups", "journal", "locks"].map((d) => `${bucketArn}/.pulumi/${d}/${project}/${stack}/*`),
    ];
}

/** Read and write the state of `stack` only, encrypted with the state key; encrypt and decrypt its secrets. */
function stackStateStatements(a: StateArgs, stack: string): Statement[] {
    return [
        { Sid: "ListState", Effect: "Allow", Action: "s3:ListBucket", Resource: a.stateBucketArn },
        {
            Sid: "ReadStateLayout",
            Effect: "Allow",
            Action: "s3:GetObject",
            Resource: `${a.stateBucketArn}/.pulumi/meta.yaml`,
        },
        {
            Sid: "ThisStackState",
            Effect: "Allow",
            Action: ["s3:GetObject", "s3:PutObject", "s3:DeleteObject"],
            Resource: stackStateObjects(a.stateBucketArn, a.project, stack),
        },
        {
            Sid: "StateAndSecretsKeys",
            Effect: "Allow",
            Action: ["kms:Encrypt", "kms:Decrypt", "kms:GenerateDataKey", "kms:DescribeKey"],
            Resource: [a.stateKeyArn, a.secretsKeyArn],
        },
    ];
}

/** Read every stack's state of the project and take preview locks; decrypt, never encrypt. */
function readStateStatements(a: StateArgs): Statement[] {
    return [
        { Sid: "ListState", Effect: "Allow", Action: "s3:ListBucket", Resource: a.stateBucketArn },
        {
            Sid: "ReadState",
            Effect: "Allow",
            Action: "s3:GetObject",
            Resource: [`${a.stateBucketArn}/.pulumi/meta.yaml`, `${a.stateBucketArn}/.pulumi/stacks/${a.project}/*`],
        },
        {
            Sid: "PreviewLocks",
            Effect: "Allow",
            Action: ["s3:PutObject", "s3:DeleteObject"],
            Resource: `${a.stateBucketArn}/.pulumi/locks/${a.project}/*`,
        },
        {
            Sid: "DecryptStateAndSecrets",
            Effect: "Allow",
            Action: ["kms:Decrypt", "kms:DescribeKey"],
            Resource: [a.stateKeyArn, a.secretsKeyArn],
        },
    ];
}

/**
 * The AWS services the program manages (components/), in the stack's regions
 * only. Everything the bootstrap created (state bucket, keys) is excluded:
 * those are reached only through the state statements.
 */
export const MANAGED_SERVICES = [
    "acm",
    "aps",
    "backup",
    "backup-storage",
    "cloudtrail",
    "cloudwatch",
    "ec2",
    "elasticache",
    "elasticloadbalancing",
    "es",
    "events",
    "guardduty",
    "inspector2",
    "kms",
    // The monitoring tier's log-store setup function and its invocation.
    "lambda",
    "logs",
    "osis",
    "rds",
    "s3",
    "secretsmanager",
    // Mail: SES API v2 identities and configuration sets (IAM prefix ses).
    "ses",
    "sns",
    "ssm",
];

/** IAM write actions for the program's roles, instance profiles and policies. */
const IAM_ACTIONS = [
    "iam:Get*",
    "iam:List*",
    "iam:CreateRole",
    "iam:DeleteRole",
    "iam:UpdateRole",
    "iam:UpdateAssumeRolePolicy",
    "iam:TagRole",
    "iam:UntagRole",
    "iam:PutRolePolicy",
    "iam:DeleteRolePolicy",
    "iam:AttachRolePolicy",
    "iam:DetachRolePolicy",
    "iam:CreatePolicy",
    "iam:DeletePolicy",
    "iam:CreatePolicyVersion",
    "iam:DeletePolicyVersion",
    "iam:TagPolicy",
    "iam:UntagPolicy",
    "iam:CreateInstanceProfile",
    "iam:DeleteInstanceProfile",
    "iam:AddRoleToInstanceProfile",
    "iam:RemoveRoleFromInstanceProfile",
    "iam:TagInstanceProfile",
    "iam:UntagInstanceProfile",
    "iam:PassRole",
    "iam:CreateServiceLinkedRole",
];

/** AWS managed policies a deploy role may never attach to the roles it creates. */
export const FORBIDDEN_POLICY_ARNS = [
    "arn:aws:iam::aws:policy/AdministratorAccess",
    "arn:aws:iam::aws:policy/IAMFullAccess",
    "arn:aws:iam::aws:policy/PowerUserAccess",
];

export interface DeployArgs extends StateArgs {
    stack: string;
    regions: string[];
}

/** The deploy role of one environment: its own state, the program's services in its regions, IAM for its roles. */
export function deployPolicies(a: DeployArgs): { services: PolicyDocument; identityAndState: PolicyDocument } {
    const bootstrapResources = [a.stateBucketArn, `${a.stateBucketArn}/*`, a.stateKeyArn, a.secretsKeyArn];
    const services = doc({
        Sid: "ManagedServicesInTheStackRegions",
        Effect: "Allow",
        Action: MANAGED_SERVICES.map((s) => `${s}:*`),
        NotResource: bootstrapResources,
        Condition: { StringEquals: { "aws:RequestedRegion": a.regions } },
    });
    const identityAndState = doc(
        ...stackStateStatements(a, a.stack),
        {
            Sid: "ProgramRolesNotDeliveryRoles",
            Effect: "Allow",
            Action: IAM_ACTIONS,
            NotResource: [`arn:aws:iam::*:role${ROLE_PATH}*`, "arn:aws:iam::*:oidc-provider/*"],
        },
        {
            Sid: "NoUsersKeysOrIdentityProviders",
            Effect: "Deny",
            Action: [
                "iam:CreateUser",
                "iam:CreateAccessKey",
                "iam:CreateLoginProfile",
                "iam:UpdateLoginProfile",
                "iam:AttachUserPolicy",
                "iam:PutUserPolicy",
                "iam:*OpenIDConnectProvider*",
                "iam:*SAMLProvider*",
            ],
            Resource: "*",
        },
        {
            Sid: "NoAdministratorPolicies",
            Effect: "Deny",
            Action: "iam:AttachRolePolicy",
            Resource: "*",
            Condition: { ArnEquals: { "iam:PolicyARN": FORBIDDEN_POLICY_ARNS } },
        },
    );
    return { services, identityAndState };
}

/**
 * Pull request previews: read the state, decrypt secrets, and the look-ups the
 * program makes (AMI and availability zones). A preview does not refresh, so it
 * reads no resource, and no patient data or secret value is reachable.
 */
export function previewPolicy(a: StateArgs & { regions: string[] }): PolicyDocument {
    return doc(...readStateStatements(a), {
        Sid: "ProgramLookups",
        Effect: "Allow",
        Action: ["ec2:DescribeImages", "ec2:DescribeAvailabilityZones"],
        Resource: "*",
        Condition: { StringEquals: { "aws:RequestedRegion": a.regions } },
    });
}

/**
 * Drift checks (a preview with refresh) read every resource: AWS's ReadOnlyAccess
 * is attached beside this document, which takes back the data it would expose
 * (objects, log events, database logs, OpenSearch documents) and adds the
 * values of the program's own secrets, which refreshing a SecretVersion reads.
 */
export function driftPolicy(a: StateArgs): PolicyDocument {
    return doc(
        ...readStateStatements(a),
        {
            Sid: "NoDataReads",
            Effect: "Deny",
            Action: [
                "s3:GetObject",
                "s3:GetObjectVersion",
                "s3:GetObjectTorrent",
                "logs:GetLogEvents",
                "logs:FilterLogEvents",
                "logs:StartQuery",
                "logs:StartLiveTail",
                "rds:DownloadDBLogFilePortion",
                "rds:DownloadCompleteDBLogFile",
                "es:ESHttpGet",
                "es:ESHttpPost",
                "es:ESHttpHead",
                "athena:StartQueryExecution",
                "dynamodb:GetItem",
                "dynamodb:Query",
                "dynamodb:Scan",
            ],
            NotResource: [`${a.stateBucketArn}/.pulumi/meta.yaml`, `${a.stateBucketArn}/.pulumi/stacks/${a.project}/*`],
        },
        {
            Sid: "TheProgramsSecrets",
            Effect: "Allow",
            Action: "secretsmanager:GetSecretValue",
            Resource: "*",
            Condition: { StringEquals: { "secretsmanager:ResourceTag/Project": a.project } },
        },
        {
            Sid: "DecryptThoseSecrets",
            Effect: "Allow",
            Action: "kms:Decrypt",
            Resource: "*",
            Condition: { StringLike: { "kms:ViaService": "secretsmanager.*.amazonaws.com" } },
        },
    );
}

/** AWS's read-only managed policy attached to the drift role. */
export const READ_ONLY_ACCESS_ARN = "arn:aws:iam::aws:policy/ReadOnlyAccess";

/** Characters IAM counts against the managed policy size quota (whitespace excluded). */
export const policySize = (d: PolicyDocument): number => JSON.stringify(d).replace(/\s/g, "").length;
export const MANAGED_POLICY_MAX_CHARS = 6144;
