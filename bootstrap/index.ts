// Bootstrap of a new AWS account for the HMS delivery pipeline. Run once per
// account with an administrator's credentials (README, "Continuous delivery"):
//   cd bootstrap && pulumi up
// Its outputs are the values the repository's GitHub settings need.

import * as pulumi from "@pulumi/pulumi";
import { readBootstrapConfig } from "./config";
import { GitHubAccess } from "./github-access";
import { StateBackend } from "./state-backend";

const config = new pulumi.Config();
const region = new pulumi.Config("aws").get("region");
const settings = readBootstrapConfig((key) => config.get(key), region);

const backend = new StateBackend("hms", { region: region ?? "" });
const access = new GitHubAccess("hms", {
    repository: settings.githubRepository,
    environments: settings.environments,
    regions: settings.regions,
    oidcProviderArn: settings.githubOidcProviderArn,
    project: settings.project,
    stateBucketArn: backend.bucketArn,
    stateKeyArn: backend.stateKeyArn,
    secretsKeyArn: backend.secretsKeyArn,
});

/** Repository variable PULUMI_BACKEND_URL. */
export const backendUrl = backend.backendUrl;
/** `pulumi stack change-secrets-provider` of every stack. */
export const secretsProvider = backend.secretsProvider;
export const stateBucketName = backend.bucketName;
export const oidcProviderArn = access.oidcProviderArn;
/** Environment variable AWS_DEPLOY_ROLE_ARN of each GitHub environment. */
export const deployRoleArns = access.deployRoleArns;
/** Repository variable AWS_PREVIEW_ROLE_ARN. */
export const previewRoleArn = access.previewRoleArn;
/** Repository variable AWS_DRIFT_ROLE_ARN. */
export const driftRoleArn = access.driftRoleArn;
