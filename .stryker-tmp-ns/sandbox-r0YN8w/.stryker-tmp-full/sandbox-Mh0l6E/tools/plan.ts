// @ts-nocheck
// 
// The offline plan: `npm run plan -- --stack <stack> [--json FILE] [--diagram FILE]`
// (also `--config KEY=VALUE` as in `pulumi preview`, `--policy-config FILE`
// as `--policy-pack-config`, `--policy-pack DIR`).
//
// Runs the real program (index.ts) under the shared Pulumi mocks with the
// stack's Pulumi.<stack>.yaml, hands every resource to the real policy pack
// the way `pulumi preview --policy-pack policies` does (tools/analyzer.ts),
// prints what would be created and the policy results, and writes the JSON
// and Mermaid files of the contract in /work/shared/DESIGN.md. No cloud, no
// Pulumi CLI, no network. Without --policy-config, the pack's
// `config/<stack>.json` is used when it exists. The resources include what
// the engine adds (the root stack, default providers), as in a real preview.
//
// Exit status: 0 when no mandatory policy is violated, 1 when one is, 2 for
// bad arguments or bad configuration (one line, no stack trace), 3 when the
// program or the policy pack cannot run.
//
// `runPlan` is the programmatic API the tests use: it can reuse a started
// pack (`analyzer`) and weaken the recorded resources (`mutate`) before the
// policies see them.

import * as fs from "fs";
import * as path from "path";
import { ConfigError } from "../config";
import { Diagnostic, LogLine, PolicyAnalyzer, PolicyInfo, PolicyPackError, StackInfo } from "./analyzer";
import { checkApiConstraints, formatApiViolation } from "./api-constraints";
import { PolicyConfig, PolicyConfigError, PolicyConfigFile, readPolicyConfigFile } from "./analyzer-config";
import { CliConfigError, parseYaml } from "./cli-config";
import { architecture, renderDiagram } from "./diagram";
import {
    buildResources,
    isProviderType,
    isSecureConfigValue,
    PlanResource,
    rootStackUrn,
    stackProperties,
} from "./plan-resources";
import { mask } from "./plan-values";
import { cliStackConfig, ConfigMap, listStacks, Overrides, PROJECT, ROOT, runStack, StackRun } from "./stack";

export const DEFAULT_POLICY_PACK = path.join(ROOT, "policies");

export interface Violation {
    policy: string;
    level: "mandatory" | "advisory";
    urn: string;
    message: string;
}

export interface PlanOptions {
    stack: string;
    /** Config overrides, as for runStack (`{ appCount: 3 }`, `undefined` removes a key). */
    overrides?: Overrides;
    /** Changes the recorded resources before the policies run (tests weaken them). */
    mutate?: (resources: PlanResource[]) => void;
    /** Analyze this run of the program (an earlier plan's `recording`) instead of running it again. */
    recording?: StackRun;
    /**
     * The `--policy-pack-config` content: per policy an enforcement level or
     * properties; `all`. Default: the pack's `config/<stack>.json` when it exists.
     */
    policyConfig?: PolicyConfigFile;
    /** Directory of the policy pack; default policies/. Ignored when `analyzer` is given. */
    policyPack?: string;
    /** A pack started with `startAnalyzer` for this stack, reused across plans; otherwise one is started and stopped. */
    analyzer?: PolicyAnalyzer;
}

export interface PlanResult {
    project: string;
    stack: string;
    resources: PlanResource[];
    /** The program's stack outputs, secrets masked. */
    outputs: Record<string, unknown>;
    /** The run of the program this plan analyzed; pass it to `runPlan` to analyze it again. */
    recording: StackRun;
    policies: {
        pack: string;
        version: string;
        policies: PolicyInfo[];
        config: Record<string, PolicyConfig>;
        /** The pack's per-stack config file used when no policy config was given. */
        configFile?: string;
        diagnostics: Diagnostic[];
        violations: Violation[];
        /** How long the pack took to start (0 when a started pack was reused). */
        startupMs: number;
    };
    /** What the pack printed or logged during this plan. */
    logs: LogLine[];
}

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

/** The stack as the CLI describes it to the pack (environment and ConfigureStack). */
export function stackInfo(stack: string, overrides: Overrides = {}): StackInfo {
    // Refused here, before anything runs, when `pulumi preview` would refuse it.
    const config: ConfigMap = cliStackConfig(stack, overrides);
    const project = (parseYaml(fs.readFileSync(path.join(ROOT, "Pulumi.yaml"), "utf8"), "Pulumi.yaml") ?? {}) as {
        name?: string;
        description?: string;
    };
    return {
        project: project.name ?? PROJECT,
        stack,
        organization: "",
        dryRun: true,
        config,
        secretKeys: Object.keys(config).filter((k) => isSecureConfigValue(config[k])),
        tags: {
            "pulumi:project": project.name ?? PROJECT,
            "pulumi:runtime": "nodejs",
            ...(project.description ? { "pulumi:description": project.description } : {}),
        },
    };
}

/** Starts the policy pack for a stack; reuse it for several `runPlan` calls on that stack, then `stop()` it. */
export function startAnalyzer(stack: string, options: { policyPack?: string; overrides?: Overrides } = {}) {
    checkStack(stack);
    return PolicyAnalyzer.start({
        packDir: options.policyPack ?? DEFAULT_POLICY_PACK,
        stack: stackInfo(stack, options.overrides),
    });
}

async function inBatches<T, R>(items: T[], size: number, fn: (item: T) => Promise<R>): Promise<R[]> {
    const out: R[] = [];
    for (let i = 0; i < items.length; i += size) {
        out.push(...(await Promise.all(items.slice(i, i + size).map(fn))));
    }
    return out;
}

/** Runs the program under mocks for a stack and the policy pack over its resources. */
export async function runPlan(options: PlanOptions): Promise<PlanResult> {
    checkStack(options.stack);
    const info = stackInfo(options.stack, options.overrides);
    if (options.analyzer && options.analyzer.stack.stack !== options.stack) {
        throw new Error(`the policy pack was started for stack ${options.analyzer.stack.stack}, not ${options.stack}`);
    }

    if (options.recording && options.recording.stack !== options.stack) {
        throw new Error(`the recording is of stack ${options.recording.stack}, not ${options.stack}`);
    }
    // What the pack prints during this plan (from its start when this plan starts it).
    const firstLog = options.analyzer ? options.analyzer.logs.length : 0;
    // The pack is a process of its own: it starts while the program runs.
    const starting = options.analyzer
        ? Promise.resolve(options.analyzer)
        : PolicyAnalyzer.start({ packDir: options.policyPack ?? DEFAULT_POLICY_PACK, stack: info });
    // A failed start is reported once the program has run (awaited below), not as an unhandled rejection meanwhile.
    starting.catch(() => undefined);
    let resources: PlanResource[];
    let recording: StackRun;
    try {
        recording = options.recording ?? (await runStack(options.stack, options.overrides));
        resources = buildResources(recording, info.project, info.config);
        options.mutate?.(resources);
    } catch (e) {
        if (!options.analyzer) {
            starting.then(
                (a) => a.stop(),
                () => undefined,
            );
        }
        throw e;
    }

    const analyzer = await starting;
    try {
        const stackConfigFile = path.join(analyzer.packDir, "config", `${options.stack}.json`);
        const configFile =
            options.policyConfig === undefined && fs.existsSync(stackConfigFile) ? stackConfigFile : undefined;
        const config = await analyzer.configure(configFile ? readPolicyConfigFile(configFile) : options.policyConfig);
        await analyzer.configureStack(info);

        const root = rootStackUrn(info.project, options.stack);
        const byUrn = new Map(resources.map((r) => [r.urn, r]));
        const providerOf = (r: PlanResource) => {
            const p = r.provider ? byUrn.get(r.provider) : undefined;
            return p ? { urn: p.urn, type: p.type, name: p.name, properties: p.inputs } : undefined;
        };
        const perResource = await inBatches(resources, 16, (r) =>
            analyzer.analyze({
                urn: r.urn,
                type: r.type,
                name: r.name,
                properties: r.inputs,
                options: { ...r.options, protect: r.protect, parent: r.parent ?? "" },
                provider: providerOf(r),
            }),
        );
        const stackWide = await analyzer.analyzeStack(
            resources.map((r) => ({
                urn: r.urn,
                type: r.type,
                name: r.name,
                properties: stackProperties(r),
                options: { ...r.options, protect: r.protect, parent: r.parent ?? "" },
                provider: providerOf(r),
                parent: r.parent ?? "",
                dependencies: r.dependencies,
                propertyDependencies: r.propertyDependencies,
            })),
            root,
        );
        const diagnostics = [...perResource.flat(), ...stackWide];
        return {
            project: info.project,
            stack: options.stack,
            resources,
            outputs: mask(resources.find((r) => r.urn === root)?.computed ?? {}) as Record<string, unknown>,
            recording,
            policies: {
                pack: analyzer.info.name,
                version: analyzer.info.version,
                policies: analyzer.info.policies,
                config,
                configFile,
                diagnostics,
                violations: diagnostics
                    .filter((d) => d.level === "mandatory" || d.level === "advisory")
                    .map((d) => ({
                        policy: d.policy,
                        level: d.level as Violation["level"],
                        urn: d.urn,
                        message: d.message,
                    })),
                startupMs: options.analyzer ? 0 : analyzer.startupMs,
            },
            logs: analyzer.logs.slice(firstLog),
        };
    } finally {
        if (!options.analyzer) {
            await analyzer.stop();
        }
    }
}

/** The JSON file of the contract (DESIGN.md, "Offline plan contract"); inputs masked. */
export function planJson(result: PlanResult): object {
    return {
        project: result.project,
        stack: result.stack,
        resources: result.resources.map((r) => ({
            urn: r.urn,
            type: r.type,
            name: r.name,
            parent: r.parent,
            custom: r.custom,
            protect: r.protect,
            dependencies: r.dependencies,
            inputs: mask(r.inputs),
            ...r.registration,
            provider: r.provider === "" ? null : r.provider,
        })),
        policies: { pack: result.policies.pack, violations: result.policies.violations },
    };
}

export function planDiagram(result: PlanResult): string {
    return renderDiagram(
        result.resources.map((r) => ({ ...r, inputs: mask(r.inputs) as Record<string, unknown> })),
        `${result.project} ${result.stack}: tiers and how they connect (npm run plan -- --stack ${result.stack})`,
    );
}

function countBy(items: string[]): Array<[string, number]> {
    const m = new Map<string, number>();
    for (const i of items) {
        m.set(i, (m.get(i) ?? 0) + 1);
    }
    return [...m].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
}

function show(v: unknown): string {
    if (typeof v === "string") {
        return v;
    }
    return JSON.stringify(v);
}

/** The readable summary the CLI prints. */
export function formatSummary(result: PlanResult): string {
    const program = result.resources.filter((r) => r.origin === "program");
    const custom = program.filter((r) => r.custom);
    const providers = result.resources.filter((r) => r.origin === "engine" && isProviderType(r.type));
    const out: string[] = [];
    out.push(
        `Plan for ${result.project}/${result.stack} (Pulumi.${result.stack}.yaml, under mocks): ` +
            `${custom.length} resources in ${program.length - custom.length} components` +
            `, plus the stack and ${providers.length} default provider${providers.length === 1 ? "" : "s"}`,
    );

    const arch = architecture(result.resources.map((r) => ({ ...r, inputs: {} })));
    out.push("", "Resources by component");
    for (const t of arch.tiers) {
        out.push(`  ${t.label} ${t.name} (${t.type}): ${t.resources.length}`);
        for (const [type, n] of countBy(t.resources.map((r) => r.type))) {
            out.push(`    ${String(n).padStart(3)}  ${type}`);
        }
    }
    if (arch.wiring.length > 0) {
        out.push(`  composition (${arch.roots.map((r) => r.name).join(", ")}): ${arch.wiring.length}`);
        for (const [type, n] of countBy(arch.wiring.map((r) => r.type))) {
            out.push(`    ${String(n).padStart(3)}  ${type}`);
        }
    }
    out.push("", "Resources by type");
    for (const [type, n] of countBy(custom.map((r) => r.type))) {
        out.push(`  ${String(n).padStart(4)}  ${type}`);
    }
    const protectedOnes = custom.filter((r) => r.protect);
    out.push("", `Protected (protect: true): ${protectedOnes.length}`);
    for (const r of protectedOnes) {
        out.push(`  ${r.type} ${r.name}`);
    }

    const outputs = Object.entries(result.outputs).filter(([, v]) => v !== undefined);
    if (outputs.length > 0) {
        out.push("", "Stack outputs");
        for (const [k, v] of outputs) {
            out.push(`  ${k}: ${show(v)}`);
        }
    }

    const p = result.policies;
    const mandatory = p.violations.filter((v) => v.level === "mandatory");
    const advisory = p.violations.filter((v) => v.level === "advisory");
    const startup = p.startupMs > 0 ? `, started in ${(p.startupMs / 1000).toFixed(1)} s` : "";
    out.push("", `Policies: ${p.pack} ${p.version} (${p.policies.length} policies${startup})`);
    const levels = countBy(Object.values(p.config).map((c) => c.enforcementLevel));
    if (levels.length > 0) {
        out.push(`  enforcement: ${levels.map(([l, n]) => `${n} ${l}`).join(", ")}`);
    }
    if (p.configFile) {
        out.push(`  configuration: ${path.relative(process.cwd(), p.configFile)}`);
    }
    for (const v of [...mandatory, ...advisory]) {
        out.push(`  [${v.level}] ${v.policy}`);
        out.push(`      ${v.urn}`);
        for (const line of v.message.split("\n")) {
            out.push(`      ${line}`);
        }
    }
    out.push(
        `  ${mandatory.length} mandatory violation${mandatory.length === 1 ? "" : "s"}, ${advisory.length} advisory`,
    );
    if (result.logs.length > 0) {
        out.push("", "Policy pack output");
        for (const l of result.logs) {
            out.push(`  ${l.source === "stderr" ? "stderr: " : ""}${l.message}`);
        }
    }
    return `${out.join("\n")}\n`;
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

function oneLine(e: ConfigError, stack: string): string {
    return `invalid configuration of stack ${stack} (Pulumi.${stack}.yaml): ${e.problems.join("; ")}`;
}

function writeFile(file: string, text: string): void {
    try {
        fs.writeFileSync(file, text);
    } catch (e) {
        throw new UsageError(`cannot write ${file}: ${(e as Error).message}`);
    }
}

/** Where the CLI writes: the summary to `out`, errors to `err` (process.stdout / process.stderr). */
export interface Streams {
    out: { write(text: string): unknown };
    err: { write(text: string): unknown };
}

export async function main(
    argv: string[],
    io: Streams = { out: process.stdout, err: process.stderr },
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
        // First, what `pulumi preview` checks before the program runs.
        cliStackConfig(args.stack, args.config);
        const policyConfig = args.policyConfig ? readPolicyConfigFile(args.policyConfig) : undefined;
        const result = await runPlan({
            stack: args.stack,
            overrides: args.config,
            policyConfig,
            policyPack: args.policyPack,
        });
        if (args.json) {
            writeFile(args.json, `${JSON.stringify(planJson(result), null, 2)}\n`);
        }
        if (args.diagram) {
            writeFile(args.diagram, planDiagram(result));
        }
        io.out.write(formatSummary(result));
        // --- API constraints (tools/api-constraints.ts): what the real APIs would refuse ---
        const apiViolations = checkApiConstraints(result.resources);
        io.out.write(`\nAPI constraints: ${apiViolations.length} violation(s)\n`);
        apiViolations.forEach((v) => io.out.write(`  ${formatApiViolation(v)}\n`));
        // --- end of API constraints ---
        for (const [flag, file] of [
            ["JSON", args.json],
            ["diagram", args.diagram],
        ] as const) {
            if (file) {
                io.out.write(`${flag} written to ${file}\n`);
            }
        }
        return result.policies.violations.some((v) => v.level === "mandatory") || apiViolations.length > 0 ? 1 : 0;
    } catch (e) {
        if (e instanceof ConfigError) {
            io.err.write(`error: ${oneLine(e, args.stack)}\n`);
            return 2;
        }
        if (e instanceof CliConfigError) {
            // The CLI's own words, or `Pulumi.<stack>.yaml:<line>: <what>` for a file that is not YAML.
            io.err.write(/^Pulumi\.[\w.-]+\.yaml:\d+: /.test(e.message) ? `${e.message}\n` : `error: ${e.message}\n`);
            return 2;
        }
        if (e instanceof PolicyConfigError || e instanceof UsageError) {
            io.err.write(`error: ${e.message}\n`);
            return 2;
        }
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
