// Reads and validates the bootstrap stack's configuration. Every problem is
// reported at once, with the key, the value found and what is accepted.

import * as pulumi from "@pulumi/pulumi";

export interface BootstrapConfig {
    /** owner/name of the GitHub repository whose workflows may assume the roles. */
    githubRepository: string;
    /** GitHub environments = stacks, one deploy role each. */
    environments: string[];
    /** Regions the deploy roles may act in. */
    regions: string[];
    /** An existing GitHub OIDC provider, or undefined to create one. */
    githubOidcProviderArn?: string;
    /** The Pulumi project whose state the roles use. */
    project: string;
}

export class BootstrapConfigError extends pulumi.RunError {
    constructor(public readonly problems: string[]) {
        super(`Invalid bootstrap configuration:\n${problems.map((p) => `  - ${p}`).join("\n")}`);
        this.name = "BootstrapConfigError";
    }
}

// GitHub: owner names are 1-39 alphanumerics or single hyphens, not at either
// end; repository names are 1-100 of [A-Za-z0-9._-] and not "." or "..".
const OWNER = /^[A-Za-z0-9](?:[A-Za-z0-9]|-(?=[A-Za-z0-9])){0,38}$/;
const REPO = /^[A-Za-z0-9._-]{1,100}$/;
// The environment is also a Pulumi stack name and part of the role name (IAM: 64
// characters, [\w+=,.@-]), so keep to the characters all three accept.
const ENVIRONMENT = /^[a-z0-9][a-z0-9-]{0,39}$/;
// Commercial AWS region names (e.g. sa-east-1, us-east-1, ap-southeast-5).
const REGION =
    /^(us|eu|ap|sa|ca|me|af|il|mx)-(north|south|east|west|central|northeast|northwest|southeast|southwest)-[1-9]$/;
const OIDC_ARN = /^arn:aws:iam::\d{12}:oidc-provider\/token\.actions\.githubusercontent\.com$/;
// Pulumi project names: alphanumerics, hyphens, underscores and periods.
const PROJECT = /^[A-Za-z0-9_.-]{1,100}$/;

/** `get(key)` returns the raw string Pulumi holds for `hms-bootstrap:<key>` (arrays as JSON). */
export function readBootstrapConfig(
    get: (key: string) => string | undefined,
    awsRegion: string | undefined,
): BootstrapConfig {
    const problems: string[] = [];
    const bad = (key: string, value: unknown, accepted: string): void => {
        problems.push(
            `hms-bootstrap:${key} = ${value === undefined ? "(not set)" : JSON.stringify(value)}: ${accepted}`,
        );
    };
    const list = (key: string, fallback: string[]): string[] => {
        const raw = get(key);
        if (raw === undefined) return fallback;
        try {
            const parsed: unknown = JSON.parse(raw);
            if (Array.isArray(parsed) && parsed.every((v) => typeof v === "string")) return parsed;
        } catch {
            // reported below
        }
        bad(key, raw, "a list of strings");
        return [];
    };

    const githubRepository = get("githubRepository") ?? "";
    const [owner, repo, ...rest] = githubRepository.split("/");
    if (rest.length > 0 || !OWNER.test(owner ?? "") || !REPO.test(repo ?? "") || repo === "." || repo === "..") {
        bad(
            "githubRepository",
            get("githubRepository"),
            "owner/name of a GitHub repository, e.g. hospital-it/hms-infrastructure",
        );
    }

    const environments = list("environments", ["staging", "production"]);
    if (environments.length === 0) bad("environments", environments, "at least one GitHub environment");
    for (const e of environments.filter((e) => !ENVIRONMENT.test(e))) {
        bad("environments", e, "1-40 lowercase letters, digits and hyphens (the environment is also the stack's name)");
    }
    if (new Set(environments).size !== environments.length) bad("environments", environments, "distinct names");

    const regions = list("regions", awsRegion ? [awsRegion] : []);
    if (regions.length === 0) bad("regions", undefined, "at least one AWS region (or set aws:region)");
    for (const r of regions.filter((r) => !REGION.test(r))) bad("regions", r, "an AWS region name such as sa-east-1");

    const githubOidcProviderArn = get("githubOidcProviderArn");
    if (githubOidcProviderArn !== undefined && !OIDC_ARN.test(githubOidcProviderArn)) {
        bad(
            "githubOidcProviderArn",
            githubOidcProviderArn,
            "arn:aws:iam::<account>:oidc-provider/token.actions.githubusercontent.com",
        );
    }

    const project = get("project") ?? "hms";
    if (!PROJECT.test(project)) bad("project", project, "a Pulumi project name (letters, digits, - _ .)");

    if (problems.length > 0) throw new BootstrapConfigError(problems);
    return { githubRepository, environments, regions, githubOidcProviderArn, project };
}
