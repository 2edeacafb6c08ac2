// Reads the GitHub Actions workflows and checks the delivery invariants that
// actionlint does not know about. Every check returns the problems it finds
// (empty when the workflow is right), so a test can also feed it a broken
// workflow and see it complain.

import * as fs from "fs";
import * as path from "path";
import { parse } from "yaml";
import { ROOT } from "../../tools/stack";

export const WORKFLOWS_DIR = path.join(ROOT, ".github", "workflows");

export interface Step {
    name?: string;
    id?: string;
    uses?: string;
    run?: string;
    if?: string;
    with?: Record<string, unknown>;
    env?: Record<string, unknown>;
    "continue-on-error"?: unknown;
}

export interface Job {
    name?: string;
    needs?: string | string[];
    if?: string;
    uses?: string;
    environment?: string | { name: string; url?: string };
    concurrency?: string | { group: string; "cancel-in-progress"?: unknown };
    permissions?: string | Record<string, string>;
    strategy?: { matrix?: Record<string, unknown> };
    steps?: Step[];
    env?: Record<string, unknown>;
}

export interface Workflow {
    file: string;
    text: string;
    name?: string;
    on: Record<string, unknown>;
    permissions?: string | Record<string, string>;
    env?: Record<string, unknown>;
    jobs: Record<string, Job>;
}

export function parseWorkflow(file: string, text: string): Workflow {
    const doc = parse(text) as Omit<Workflow, "file" | "text">;
    return { ...doc, file, text };
}

export function listWorkflows(): Workflow[] {
    return fs
        .readdirSync(WORKFLOWS_DIR)
        .filter((f) => /\.ya?ml$/.test(f))
        .sort()
        .map((f) => parseWorkflow(f, fs.readFileSync(path.join(WORKFLOWS_DIR, f), "utf8")));
}

export const steps = (wf: Workflow): Array<{ job: string; step: Step }> =>
    Object.entries(wf.jobs).flatMap(([job, j]) => (j.steps ?? []).map((step) => ({ job, step })));

const envName = (j: Job): string | undefined =>
    typeof j.environment === "string" ? j.environment : j.environment?.name;

/** The inputs each pinned action accepts, from its action.yml at the pinned commit (actionlint only knows tagged refs). */
export const ACTION_INPUTS: Record<string, string[]> = {
    // actions/checkout v7.0.1, action.yml
    "actions/checkout@3d3c42e5aac5ba805825da76410c181273ba90b1": [
        "repository",
        "ref",
        "token",
        "ssh-key",
        "ssh-known-hosts",
        "ssh-strict",
        "ssh-user",
        "persist-credentials",
        "path",
        "clean",
        "filter",
        "sparse-checkout",
        "sparse-checkout-cone-mode",
        "fetch-depth",
        "fetch-tags",
        "show-progress",
        "lfs",
        "submodules",
        "set-safe-directory",
        "github-server-url",
        "allow-unsafe-pr-checkout",
    ],
    // actions/setup-node v7.0.0, action.yml
    "actions/setup-node@820762786026740c76f36085b0efc47a31fe5020": [
        "node-version",
        "node-version-file",
        "architecture",
        "check-latest",
        "registry-url",
        "scope",
        "token",
        "cache",
        "package-manager-cache",
        "cache-dependency-path",
        "mirror",
        "mirror-token",
    ],
    // pulumi/actions v7.0.0, action.yml
    "pulumi/actions@8e5e406f4007fca908480587cb9893c07090f58d": [
        "command",
        "stack-name",
        "pulumi-version",
        "pulumi-version-file",
        "work-dir",
        "comment-on-pr",
        "comment-on-pr-number",
        "comment-on-summary",
        "github-token",
        "cloud-url",
        "secrets-provider",
        "parallel",
        "message",
        "config-map",
        "expect-no-changes",
        "diff",
        "replace",
        "exclude",
        "exclude-dependents",
        "target",
        "target-dependents",
        "policyPacks",
        "policyPackConfigs",
        "refresh",
        "upsert",
        "remove",
        "edit-pr-comment",
        "color",
        "exclude-protected",
        "plan",
        "suppress-outputs",
        "suppress-progress",
        "always-include-summary",
        "continue-on-error",
        "log-verbosity",
        "log-flow",
        "debug",
    ],
    // actions/upload-artifact v7.0.0, action.yml
    "actions/upload-artifact@bbbca2ddaa5d8feaa63e36b76fdaad77386f024f": [
        "name",
        "path",
        "if-no-files-found",
        "retention-days",
        "compression-level",
        "overwrite",
        "include-hidden-files",
        "archive",
    ],
    // aws-actions/configure-aws-credentials v6.2.3, action.yml
    "aws-actions/configure-aws-credentials@e6de054238d6b7531b4efff3b6587d9aade6a06c": [
        "aws-region",
        "aws-profile",
        "overwrite-aws-profile",
        "role-to-assume",
        "aws-access-key-id",
        "aws-secret-access-key",
        "aws-session-token",
        "web-identity-token-file",
        "role-chaining",
        "audience",
        "http-proxy",
        "no-proxy",
        "mask-aws-account-id",
        "role-duration-seconds",
        "role-external-id",
        "role-session-name",
        "role-skip-session-tagging",
        "transitive-tag-keys",
        "inline-session-policy",
        "managed-session-policies",
        "output-credentials",
        "output-env-credentials",
        "unset-current-credentials",
        "disable-retry",
        "retry-max-attempts",
        "special-characters-workaround",
        "use-existing-credentials",
        "allowed-account-ids",
        "force-skip-oidc",
        "action-timeout-s",
        "custom-tags",
        "sts-endpoint",
    ],
};

/** Third-party actions pinned by a full commit SHA with the release in a comment; local actions and workflows are allowed. */
export function unpinnedActions(wf: Workflow): string[] {
    const problems: string[] = [];
    const refs = [
        ...steps(wf).map(({ job, step }) => ({ job, uses: step.uses })),
        ...Object.entries(wf.jobs).map(([job, j]) => ({ job, uses: j.uses })),
    ];
    for (const { job, uses } of refs) {
        if (!uses || uses.startsWith("./")) {
            continue;
        }
        if (uses.startsWith("docker://")) {
            if (!/@sha256:[0-9a-f]{64}$/.test(uses))
                problems.push(`${wf.file} ${job}: ${uses} is not pinned by digest`);
            continue;
        }
        if (!/^[\w.-]+\/[\w./-]+@[0-9a-f]{40}$/.test(uses)) {
            problems.push(`${wf.file} ${job}: ${uses} is not pinned by a full commit SHA`);
            continue;
        }
        const line = wf.text.split("\n").find((l) => l.includes(uses));
        if (!line || !/#\s*v\d+\.\d+\.\d+\s*$/.test(line)) {
            problems.push(`${wf.file} ${job}: ${uses} has no "# vX.Y.Z" comment naming the pinned release`);
        }
    }
    return problems;
}

/** Inputs that the pinned action does not declare (a typo would be silently ignored by the runner). */
export function unknownInputs(wf: Workflow): string[] {
    const problems: string[] = [];
    for (const { job, step } of steps(wf)) {
        if (!step.uses || step.uses.startsWith("./")) continue;
        const known = ACTION_INPUTS[step.uses];
        if (!known) {
            problems.push(
                `${wf.file} ${job}: ${step.uses} is not a known pinned action (add its inputs to ACTION_INPUTS)`,
            );
            continue;
        }
        for (const input of Object.keys(step.with ?? {})) {
            if (!known.includes(input)) problems.push(`${wf.file} ${job}: ${step.uses} has no input "${input}"`);
        }
    }
    return problems;
}

/** `permissions: {}` at the top and an explicit, minimal block on every job. */
export function permissionProblems(wf: Workflow): string[] {
    const problems: string[] = [];
    const top = wf.permissions;
    if (typeof top !== "object" || Object.keys(top).length > 0) {
        problems.push(`${wf.file}: the workflow must default to no permissions (permissions: {})`);
    }
    for (const [name, job] of Object.entries(wf.jobs)) {
        const p = job.permissions;
        if (typeof p !== "object") {
            problems.push(`${wf.file} ${name}: no permissions block of its own (or a read-all/write-all shorthand)`);
            continue;
        }
        const stepsUse = (needle: string): boolean => (job.steps ?? []).some((s) => s.uses?.startsWith(needle));
        const assumesRole = stepsUse("aws-actions/configure-aws-credentials@");
        if (p["id-token"] === "write" && !assumesRole) {
            problems.push(`${wf.file} ${name}: id-token: write without an OIDC role to assume`);
        }
        if (assumesRole && p["id-token"] !== "write") {
            problems.push(`${wf.file} ${name}: assumes an AWS role but cannot ask for an OIDC token (id-token: write)`);
        }
        const comments = (job.steps ?? []).some((s) => s.with?.["comment-on-pr"] === true);
        if (p["pull-requests"] === "write" && !comments) {
            problems.push(`${wf.file} ${name}: pull-requests: write but nothing comments on the pull request`);
        }
        const usesGh = (job.steps ?? []).some((s) => /\bgh (issue|label)\b/.test(s.run ?? ""));
        if (p.issues === "write" && !usesGh) {
            problems.push(`${wf.file} ${name}: issues: write but no step writes issues`);
        }
        if (p.contents === "write") {
            problems.push(`${wf.file} ${name}: contents: write is not needed by any delivery job`);
        }
    }
    return problems;
}

/** AWS credentials only through OIDC role assumption: no access keys anywhere. */
export function longLivedKeyProblems(wf: Workflow): string[] {
    const problems: string[] = [];
    if (/AWS_ACCESS_KEY_ID|AWS_SECRET_ACCESS_KEY|aws-access-key-id|aws-secret-access-key/i.test(wf.text)) {
        problems.push(`${wf.file}: mentions long-lived AWS access keys`);
    }
    for (const { job, step } of steps(wf)) {
        if (step.uses?.startsWith("aws-actions/configure-aws-credentials@") && !step.with?.["role-to-assume"]) {
            problems.push(`${wf.file} ${job}: configure-aws-credentials without role-to-assume`);
        }
    }
    return problems;
}

/** Every Pulumi preview or update runs the policy pack, through pulumi/actions or the CLI. */
export function policyPackProblems(wf: Workflow): string[] {
    const problems: string[] = [];
    for (const { job, step } of steps(wf)) {
        if (step.uses?.startsWith("pulumi/actions@")) {
            const command = String(step.with?.command ?? "");
            if (["preview", "up", "update"].includes(command) && step.with?.policyPacks !== "policies") {
                problems.push(`${wf.file} ${job}: pulumi ${command} without policyPacks: policies`);
            }
        }
        for (const line of (step.run ?? "").split("\n")) {
            if (/\bpulumi\s+(preview|up|update)\b/.test(line) && !/--policy-pack[ =]policies\b/.test(line)) {
                problems.push(`${wf.file} ${job}: "${line.trim()}" without --policy-pack policies`);
            }
        }
    }
    return problems;
}

/** The jobs a job waits for, directly or through others. */
export function ancestors(wf: Workflow, job: string): Set<string> {
    const out = new Set<string>();
    const visit = (j: string): void => {
        const needs = wf.jobs[j]?.needs;
        for (const n of typeof needs === "string" ? [needs] : (needs ?? [])) {
            if (!out.has(n)) {
                out.add(n);
                visit(n);
            }
        }
    };
    visit(job);
    return out;
}

/** The stack a job updates with `pulumi up`, if any. */
export function upStack(job: Job): string | undefined {
    const step = (job.steps ?? []).find((s) => s.uses?.startsWith("pulumi/actions@") && s.with?.command === "up");
    return step ? String(step.with?.["stack-name"]) : undefined;
}

/**
 * Updates: production only in the `production` environment (whose required
 * reviewers approve), after staging was updated in the same run; one update
 * per stack at a time, never cancelled halfway.
 */
export function deploymentProblems(wf: Workflow): string[] {
    const problems: string[] = [];
    for (const [name, job] of Object.entries(wf.jobs)) {
        const stack = upStack(job);
        if (!stack) continue;
        if (envName(job) !== stack) {
            problems.push(`${wf.file} ${name}: pulumi up ${stack} outside the "${stack}" GitHub environment`);
        }
        const c = job.concurrency;
        if (typeof c !== "object" || c.group !== `pulumi-${stack}` || c["cancel-in-progress"] !== false) {
            problems.push(`${wf.file} ${name}: needs concurrency group pulumi-${stack} with cancel-in-progress: false`);
        }
        if (stack === "production") {
            const before = [...ancestors(wf, name)].map((j) => upStack(wf.jobs[j]));
            if (!before.includes("staging")) {
                problems.push(`${wf.file} ${name}: production is updated without staging being updated first`);
            }
        }
    }
    return problems;
}

/** `${{ }}` inside a shell script is a script injection risk: values go through env instead. */
export function expressionsInScripts(wf: Workflow): string[] {
    return steps(wf)
        .filter(({ step }) => (step.run ?? "").includes("${{"))
        .map(({ job, step }) => `${wf.file} ${job}: step "${step.name ?? step.run}" expands \${{ }} inside its script`);
}
