// The command line of the offline plan (tools/plan.ts):
//   npm run plan -- --stack <stack> [--json FILE] [--diagram FILE] [--config KEY=VALUE]...
//                   [--policy-config FILE] [--policy-pack DIR]
//
// It says what it does as it goes, a line per phase, each with the time since
// the process started and the phase's own duration:
//   configuration  the stack file merged with Pulumi.yaml and checked as
//                  `pulumi preview` checks it, then by the program's own rules;
//                  printed before the Pulumi SDK's resource packages load, so
//                  a refused configuration prints nothing on stdout
//   policy pack    the pack's own process, started right after and ready
//                  while the SDKs load and the program runs
//   program        the SDKs loaded and index.ts run under the shared mocks
//   analysis       every resource and the stack analyzed by the pack
//   output         the summary, the API constraints, the JSON and the diagram
// then the summary. Exit status: 0 when no mandatory policy is violated and no
// API constraint is broken, 1 otherwise, 2 for bad arguments or configuration
// (one line, no stack trace), 3 when the program or the policy pack cannot run.

import * as fs from "fs";
import * as path from "path";
import { PolicyConfigError, readPolicyConfigFile } from "./analyzer-config";
import type { PolicyAnalyzer, StackInfo } from "./analyzer";
import { CliConfigError } from "./cli-config";
import { listStacks, ROOT, stackInfo } from "./stack-config";

export const DEFAULT_POLICY_PACK = path.join(ROOT, "policies");

/** Raised for arguments the CLI cannot use; the message is one line. */
export class UsageError extends Error {
    constructor(message: string) {
        super(message);
        this.name = "UsageError";
    }
}

export function checkStack(stack: string): void {
    const stacks = listStacks();
    if (!stacks.includes(stack)) {
        throw new UsageError(`unknown stack ${JSON.stringify(stack)}; stacks: ${stacks.join(", ")}`);
    }
}

export type PhaseName = "configuration" | "policy pack" | "program" | "analysis" | "output";

/** One phase of a plan, as the command line prints it. */
export interface PlanPhase {
    phase: PhaseName;
    /** How long the phase took. */
    ms: number;
    /** When it ended, since the process started. */
    at: number;
    /** What it did, in a few words. */
    detail: string;
}

/** A phase that started at `start` (performance.now()) and ends now. */
export function phaseSince(phase: PhaseName, start: number, detail: string): PlanPhase {
    const at = performance.now();
    return { phase, ms: at - start, at, detail };
}

const seconds = (ms: number) => (ms / 1000).toFixed(2);

/** `[2.31 s] analysis: 425 resources and the stack, 0 mandatory violations (0.64 s)` */
export function phaseLine(p: PlanPhase): string {
    return `[${seconds(p.at)} s] ${p.phase}: ${p.detail} (${seconds(p.ms)} s)`;
}

const PHASE_LINE = /^\[(\d+\.\d\d) s\] (configuration|policy pack|program|analysis|output): (.*) \((\d+\.\d\d) s\)$/;

/** The phase a line of the plan's output reports; undefined for any other line. */
export function parsePhaseLine(line: string): PlanPhase | undefined {
    const m = PHASE_LINE.exec(line);
    if (!m) {
        return undefined;
    }
    return { phase: m[2] as PhaseName, at: Number(m[1]) * 1000, detail: m[3], ms: Number(m[4]) * 1000 };
}

export interface CliArgs {
    stack: string;
    /** `--config key=value` (repeatable), as `pulumi preview --config`: overrides the stack file. */
    config: Record<string, string>;
    json?: string;
    diagram?: string;
    policyConfig?: string;
    policyPack?: string;
}

const USAGE =
    "usage: npm run plan -- --stack <stack> [--json FILE] [--diagram FILE] [--config KEY=VALUE]... " +
    "[--policy-config FILE] [--policy-pack DIR]";

export function parseArgs(argv: string[]): CliArgs | "help" {
    const args: Partial<CliArgs> = { config: {} };
    const valued: Record<string, keyof CliArgs> = {
        "--stack": "stack",
        "--json": "json",
        "--diagram": "diagram",
        "--policy-config": "policyConfig",
        "--policy-pack": "policyPack",
    };
    for (let i = 0; i < argv.length; i++) {
        const [flag, inline] =
            argv[i].startsWith("--") && argv[i].includes("=")
                ? [argv[i].slice(0, argv[i].indexOf("=")), argv[i].slice(argv[i].indexOf("=") + 1)]
                : [argv[i], undefined];
        if (flag === "--help" || flag === "-h") {
            return "help";
        }
        if (flag === "--config" || flag === "-c") {
            const pair = inline ?? argv[++i];
            const eq = pair?.indexOf("=") ?? -1;
            if (pair === undefined || eq <= 0) {
                throw new UsageError(`--config needs KEY=VALUE (for example hms:appCount=3); ${USAGE}`);
            }
            args.config![pair.slice(0, eq)] = pair.slice(eq + 1);
            continue;
        }
        const key = valued[flag];
        if (!key) {
            throw new UsageError(`unknown argument ${JSON.stringify(argv[i])}; ${USAGE}`);
        }
        const value = inline ?? argv[++i];
        if (value === undefined || value === "" || (inline === undefined && value.startsWith("--"))) {
            throw new UsageError(`${flag} needs a value; ${USAGE}`);
        }
        (args as Record<string, unknown>)[key] = value;
    }
    if (!args.stack) {
        throw new UsageError(`--stack is required (stacks: ${listStacks().join(", ")}); ${USAGE}`);
    }
    checkStack(args.stack);
    return args as CliArgs;
}

function writeFile(file: string, text: string): void {
    try {
        fs.writeFileSync(file, text);
    } catch (e) {
        throw new UsageError(`cannot write ${file}: ${(e as Error).message}`);
    }
}

/** Where the CLI writes: the phases and the summary to `out`, errors to `err` (process.stdout / process.stderr). */
export interface Streams {
    out: { write(text: string): unknown };
    err: { write(text: string): unknown };
}

/**
 * Checks the configuration as the program does (config/index.ts parseConfig, which the program runs
 * first), once `stackInfo` has checked it as `pulumi preview` does, and reads the policy configuration.
 * Throws the program's ConfigError, or a PolicyConfigError.
 */
async function checkProgramConfiguration(args: CliArgs, info: StackInfo) {
    const { parseConfig } = await import("../config");
    const values = Object.fromEntries(
        Object.entries(info.config)
            .filter(([k]) => k.startsWith(`${info.project}:`))
            .map(([k, v]) => [k.slice(info.project.length + 1), v]),
    );
    parseConfig(info.project, values, info.config["aws:region"]);
    return args.policyConfig ? readPolicyConfigFile(args.policyConfig) : undefined;
}

/** What a caller in the same process may hand the command line (the tests). */
export interface MainOptions {
    /**
     * A policy pack already started for the stack (tools/plan.ts startAnalyzer), used instead of
     * starting one and left running; `--policy-pack` is then ignored.
     */
    analyzer?: PolicyAnalyzer;
}

/** Runs the plan for parsed arguments; returns the exit status. */
async function plan(args: CliArgs, io: Streams, options: MainOptions): Promise<number> {
    const say = (p: PlanPhase) => io.out.write(`${phaseLine(p)}\n`);
    const start = performance.now();
    // Refused here, before anything starts, when `pulumi preview` would refuse it (a CliConfigError).
    const info = stackInfo(args.stack, args.config);

    // The pack is a process of its own: it starts now, while the program's own check runs, the SDKs load
    // and the program runs. A configuration the program refuses ends it (LaunchedPack.stop, below).
    const { PolicyAnalyzer } = await import("./analyzer");
    const launched = options.analyzer
        ? undefined
        : PolicyAnalyzer.launch({ packDir: args.policyPack ?? DEFAULT_POLICY_PACK, stack: info });
    // A failed start is reported by runPlan, which awaits it (LaunchedPack.ready is handled meanwhile).
    const pack: Promise<PolicyAnalyzer> = launched ? launched.ready : Promise.resolve(options.analyzer!);
    try {
        const policyConfig = await checkProgramConfiguration(args, info);
        say(
            phaseSince(
                "configuration",
                start,
                `${info.project}/${args.stack}: Pulumi.${args.stack}.yaml with Pulumi.yaml, ` +
                    `${Object.keys(info.config).length} keys checked as pulumi preview and the program check them`,
            ),
        );
        // Its process must be running before the program keeps this process busy (LaunchedPack.spawned).
        await launched?.spawned;
        const loading = performance.now();
        const planner = await import("./plan");
        const result = await planner.runPlan({
            stack: args.stack,
            overrides: args.config,
            policyConfig,
            analyzer: pack,
            onPhase: say,
            since: loading,
        });

        const output = performance.now();
        const written: string[] = [];
        if (args.json) {
            writeFile(args.json, `${JSON.stringify(planner.planJson(result), null, 2)}\n`);
            written.push(`JSON written to ${args.json}`);
        }
        if (args.diagram) {
            writeFile(args.diagram, planner.planDiagram(result));
            written.push(`diagram written to ${args.diagram}`);
        }
        const { checkApiConstraints, formatApiViolation } = await import("./api-constraints");
        const apiViolations = checkApiConstraints(result.resources);
        io.out.write(`\n${planner.formatSummary(result)}`);
        // --- API constraints (tools/api-constraints.ts): what the real APIs would refuse ---
        io.out.write(`\nAPI constraints: ${apiViolations.length} violation(s)\n`);
        apiViolations.forEach((v) => io.out.write(`  ${formatApiViolation(v)}\n`));
        // --- end of API constraints ---
        written.forEach((w) => io.out.write(`${w}\n`));
        io.out.write("\n");
        say(
            phaseSince(
                "output",
                output,
                [
                    "summary",
                    "API constraints",
                    ...(args.json ? ["JSON"] : []),
                    ...(args.diagram ? ["diagram"] : []),
                ].join(", "),
            ),
        );
        return result.policies.violations.some((v) => v.level === "mandatory") || apiViolations.length > 0 ? 1 : 0;
    } finally {
        await launched?.stop();
    }
}

function oneLine(problems: string[], stack: string): string {
    return `invalid configuration of stack ${stack} (Pulumi.${stack}.yaml): ${problems.join("; ")}`;
}

export async function main(
    argv: string[],
    io: Streams = { out: process.stdout, err: process.stderr },
    options: MainOptions = {},
): Promise<number> {
    let args: CliArgs | "help";
    try {
        args = parseArgs(argv);
    } catch (e) {
        if (e instanceof UsageError) {
            io.err.write(`error: ${e.message}\n`);
            return 2;
        }
        throw e;
    }
    if (args === "help") {
        io.out.write(`${USAGE}\n`);
        return 0;
    }
    try {
        return await plan(args, io, options);
    } catch (e) {
        if (e instanceof CliConfigError) {
            // The CLI's own words, or `Pulumi.<stack>.yaml:<line>: <what>` for a file that is not YAML.
            io.err.write(/^Pulumi\.[\w.-]+\.yaml:\d+: /.test(e.message) ? `${e.message}\n` : `error: ${e.message}\n`);
            return 2;
        }
        if (e instanceof PolicyConfigError || e instanceof UsageError) {
            io.err.write(`error: ${e.message}\n`);
            return 2;
        }
        // Loaded by now when the program refused its configuration or the pack failed.
        const { ConfigError } = await import("../config");
        if (e instanceof ConfigError) {
            io.err.write(`error: ${oneLine(e.problems, args.stack)}\n`);
            return 2;
        }
        const { PolicyPackError } = await import("./analyzer");
        if (e instanceof PolicyPackError) {
            io.err.write(`error: ${e.message}\n`);
            return 3;
        }
        io.err.write(`error: the plan failed: ${(e as Error)?.stack ?? String(e)}\n`);
        return 3;
    }
}

if (require.main === module) {
    main(process.argv.slice(2)).then(
        // The Pulumi runtime keeps handles open under mocks: exit once the output is flushed.
        (code) => process.stdout.write("", () => process.exit(code)),
        (e) => {
            process.stderr.write(`error: ${(e as Error)?.stack ?? String(e)}\n`);
            process.exit(3);
        },
    );
}
