// How GitHub Actions reaches the account without stored keys: the account's
// GitHub OIDC provider, one deploy role per GitHub environment (trusted only
// from this repository and that environment), a read-only role for pull request
// previews and one for the scheduled drift check (trusted only from main).

import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import {
    deployPolicies,
    driftPolicy,
    GITHUB_OIDC_URL,
    githubTrustPolicy,
    PolicyDocument,
    previewPolicy,
    READ_ONLY_ACCESS_ARN,
    ROLE_PATH,
    StateArgs,
    STS_AUDIENCE,
    subjects,
} from "./policies";

export interface GitHubAccessArgs {
    /** owner/name of the repository. */
    repository: string;
    /** GitHub environments (= stacks), one deploy role each. */
    environments: string[];
    /** Regions the roles may act in. */
    regions: string[];
    /** An existing OIDC provider for token.actions.githubusercontent.com; unset creates one. */
    oidcProviderArn?: string;
    project: string;
    stateBucketArn: pulumi.Input<string>;
    stateKeyArn: pulumi.Input<string>;
    secretsKeyArn: pulumi.Input<string>;
}

export class GitHubAccess extends pulumi.ComponentResource {
    public readonly oidcProviderArn: pulumi.Output<string>;
    public readonly deployRoleArns: Record<string, pulumi.Output<string>>;
    public readonly previewRoleArn: pulumi.Output<string>;
    public readonly driftRoleArn: pulumi.Output<string>;

    constructor(name: string, args: GitHubAccessArgs, opts?: pulumi.ComponentResourceOptions) {
        super("hms:bootstrap:GitHubAccess", name, {}, opts);
        this.oidcProviderArn = args.oidcProviderArn
            ? pulumi.output(args.oidcProviderArn)
            : new aws.iam.OpenIdConnectProvider(
                  `${name}-github`,
                  // No thumbprint: AWS trusts GitHub's OIDC certificates through its own root CAs.
                  { url: GITHUB_OIDC_URL, clientIdLists: [STS_AUDIENCE] },
                  { parent: this, protect: true },
              ).arn;
        const state: pulumi.Output<StateArgs> = pulumi
            .all([args.stateBucketArn, args.stateKeyArn, args.secretsKeyArn])
            .apply(([stateBucketArn, stateKeyArn, secretsKeyArn]) => ({
                stateBucketArn,
                stateKeyArn,
                secretsKeyArn,
                project: args.project,
            }));

        this.deployRoleArns = {};
        for (const env of args.environments) {
            const role = this.role(
                `${name}-deploy-${env}`,
                [subjects.environment(args.repository, env)],
                `Deploys the ${env} stack`,
            );
            const docs = state.apply((s) => deployPolicies({ ...s, stack: env, regions: args.regions }));
            this.attach(
                role,
                `${name}-deploy-${env}-services`,
                docs.apply((d) => d.services),
            );
            this.attach(
                role,
                `${name}-deploy-${env}-identity-state`,
                docs.apply((d) => d.identityAndState),
            );
            this.deployRoleArns[env] = role.arn;
        }

        const preview = this.role(
            `${name}-preview`,
            [subjects.pullRequest(args.repository)],
            "Previews pull requests (read-only)",
        );
        this.attach(
            preview,
            `${name}-preview`,
            state.apply((s) => previewPolicy({ ...s, regions: args.regions })),
        );
        this.previewRoleArn = preview.arn;

        const drift = this.role(
            `${name}-drift`,
            [subjects.branch(args.repository, "main")],
            "Checks the stacks for drift (read-only)",
        );
        this.attach(drift, `${name}-drift`, state.apply(driftPolicy));
        new aws.iam.RolePolicyAttachment(
            `${name}-drift-read-only`,
            { role: drift.name, policyArn: READ_ONLY_ACCESS_ARN },
            { parent: this },
        );
        this.driftRoleArn = drift.arn;

        this.registerOutputs({
            oidcProviderArn: this.oidcProviderArn,
            deployRoleArns: this.deployRoleArns,
            previewRoleArn: this.previewRoleArn,
            driftRoleArn: this.driftRoleArn,
        });
    }

    private role(name: string, subs: string[], description: string): aws.iam.Role {
        return new aws.iam.Role(
            name,
            {
                path: ROLE_PATH,
                description,
                assumeRolePolicy: this.oidcProviderArn.apply((arn) => JSON.stringify(githubTrustPolicy(arn, subs))),
                // Long enough for a production update; the workflows ask for what they need.
                maxSessionDuration: 4 * 3600,
            },
            { parent: this },
        );
    }

    private attach(role: aws.iam.Role, name: string, document: pulumi.Output<PolicyDocument>): void {
        const policy = new aws.iam.Policy(
            name,
            { path: ROLE_PATH, policy: document.apply((d) => JSON.stringify(d)) },
            { parent: this },
        );
        new aws.iam.RolePolicyAttachment(name, { role: role.name, policyArn: policy.arn }, { parent: this });
    }
}
