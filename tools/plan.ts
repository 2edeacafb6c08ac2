// The offline plan: runs the real program (index.ts) under the shared Pulumi
// mocks with the stack's Pulumi.<stack>.yaml, hands every resource to the real
// policy pack the way `pulumi preview --policy-pack policies` does
// (tools/analyzer.ts), and gives what would be created, the policy results,
// and the JSON and Mermaid files of the contract in /work/shared/DESIGN.md.
// No cloud, no Pulumi CLI, no network. Without a policy configuration, the
// pack's `config/<stack>.json` is used when it exists. The resources include
// what the engine adds (the root stack, default providers), as in a real
// preview. The command line (`npm run plan`) is tools/plan-cli.ts.
//
// `runPlan` is the programmatic API the tests and the benchmark use: it can
// reuse a started pack (`analyzer`), analyze an earlier run again
// (`recording`) and weaken the recorded resources (`mutate`) before the
// policies see them; `onPhase` hears of each phase as it ends.

import * as fs from "fs";
import * as path from "path";
import { Diagnostic, LaunchedPack, LogLine, PolicyAnalyzer, PolicyInfo, prepareStack, StackInfo } from "./analyzer";
import { PolicyConfig, PolicyConfigFile, readPolicyConfigFile } from "./analyzer-config";
import { architecture, renderDiagram } from "./diagram";
import { checkStack, DEFAULT_POLICY_PACK, PlanPhase, phaseSince } from "./plan-cli";
import { buildResources, isProviderType, PlanResource, rootStackUrn, stackProperties } from "./plan-resources";
import { mask } from "./plan-values";
import { Overrides, runStack, StackRun } from "./stack";
import { stackInfo } from "./stack-config";

export { checkStack, DEFAULT_POLICY_PACK, main, parseArgs, parsePhaseLine, phaseLine, UsageError } from "./plan-cli";
export type { CliArgs, PhaseName, PlanPhase, Streams } from "./plan-cli";
export { stackInfo } from "./stack-config";

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
    /**
     * A pack started with `startAnalyzer` for this stack (or starting), reused across plans and stopped by
     * whoever started it; otherwise this plan starts one and stops it.
     */
    analyzer?: PolicyAnalyzer | Promise<PolicyAnalyzer>;
    /** Hears of each phase as it ends: the pack's start (when this plan waits for it), the program, the analysis. */
    onPhase?: (phase: PlanPhase) => void;
    /** When the program phase began (performance.now()), if before this call (the command line loads the SDKs first). */
    since?: number;
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
    /** How long the program (0 when a recording was analyzed again) and the analysis took, in ms. */
    timings: { programMs: number; analysisMs: number };
}

/** Starts the policy pack for a stack; reuse it for several `runPlan` calls on that stack, then `stop()` it. */
export function startAnalyzer(stack: string, options: { policyPack?: string; overrides?: Overrides } = {}) {
    return launchAnalyzer(stack, options).ready;
}

/** As startAnalyzer, telling also when the pack's process runs (LaunchedPack.spawned). */
export function launchAnalyzer(
    stack: string,
    options: { policyPack?: string; overrides?: Overrides } = {},
): LaunchedPack {
    checkStack(stack);
    return PolicyAnalyzer.launch({
        packDir: options.policyPack ?? DEFAULT_POLICY_PACK,
        stack: stackInfo(stack, options.overrides),
    });
}

/**
 * `fn` over `items` with at most `size` calls pending at a time, each next one started as soon as one
 * ends (not batch after batch, which leaves the pack idle while a batch's last answers come back and the
 * next batch is built); the results in the items' order.
 */
async function inWindow<T, R>(items: T[], size: number, fn: (item: T) => Promise<R>): Promise<R[]> {
    const out = new Array<R>(items.length);
    let next = 0;
    const worker = async () => {
        while (next < items.length) {
            const i = next++;
            out[i] = await fn(items[i]);
        }
    };
    await Promise.all(Array.from({ length: Math.min(size, items.length) }, worker));
    return out;
}

/** Runs the program under mocks for a stack and the policy pack over its resources. */
export async function runPlan(options: PlanOptions): Promise<PlanResult> {
    checkStack(options.stack);
    const programStart = options.since ?? performance.now();
    const info = stackInfo(options.stack, options.overrides);
    if (options.recording && options.recording.stack !== options.stack) {
        throw new Error(`the recording is of stack ${options.recording.stack}, not ${options.stack}`);
    }
    const started = options.analyzer instanceof PolicyAnalyzer ? options.analyzer : undefined;
    if (started && started.stack.stack !== options.stack) {
        throw new Error(`the policy pack was started for stack ${started.stack.stack}, not ${options.stack}`);
    }
    const { starting, owned } = await packFor(options, info);
    // What the pack prints during this plan (from its start when the pack starts with this plan).
    const firstLog = started ? started.logs.length : 0;
    const packReady = starting.then((a) => {
        if (a.stack.stack !== options.stack) {
            throw new Error(`the policy pack was started for stack ${a.stack.stack}, not ${options.stack}`);
        }
        if (!started) {
            options.onPhase?.(
                phaseSince(
                    "policy pack",
                    performance.now() - a.startupMs,
                    `${a.info.name} ${a.info.version} started, ${a.info.policies.length} policies`,
                ),
            );
        }
        return a;
    });
    // A failed start is reported once the program has run (awaited below), not as an unhandled rejection meanwhile.
    packReady.catch(() => undefined);

    let resources: PlanResource[];
    let recording: StackRun;
    let programMs = 0;
    try {
        recording = options.recording ?? (await runStack(options.stack, options.overrides));
        resources = buildResources(recording, info.project, info.config);
        options.mutate?.(resources);
        if (!options.recording) {
            const done = phaseSince(
                "program",
                programStart,
                `${resources.filter((r) => r.origin === "program" && r.custom).length} resources registered under mocks`,
            );
            programMs = done.ms;
            options.onPhase?.(done);
        }
    } catch (e) {
        if (owned) {
            starting.then(
                (a) => a.stop(),
                () => undefined,
            );
        }
        throw e;
    }

    const analyzer = await packReady;
    try {
        const analysisStart = performance.now();
        const analysis = await analyze(analyzer, options, info, resources);
        const violations = analysis.diagnostics
            .filter((d) => d.level === "mandatory" || d.level === "advisory")
            .map((d) => ({ policy: d.policy, level: d.level as Violation["level"], urn: d.urn, message: d.message }));
        const analyzed = phaseSince(
            "analysis",
            analysisStart,
            `${resources.length} resources and the stack, ` +
                `${violations.filter((v) => v.level === "mandatory").length} mandatory and ` +
                `${violations.filter((v) => v.level === "advisory").length} advisory violations`,
        );
        options.onPhase?.(analyzed);
        const root = rootStackUrn(info.project, options.stack);
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
                config: analysis.config,
                configFile: analysis.configFile,
                diagnostics: analysis.diagnostics,
                violations,
                startupMs: started ? 0 : analyzer.startupMs,
            },
            logs: analyzer.logs.slice(firstLog),
            timings: { programMs, analysisMs: analyzed.ms },
        };
    } finally {
        if (owned) {
            await analyzer.stop();
        }
    }
}

/** The pack this plan uses: the one given (started or starting), or one it starts (and stops). */
async function packFor(
    options: PlanOptions,
    info: StackInfo,
): Promise<{ starting: Promise<PolicyAnalyzer>; owned: boolean }> {
    if (options.analyzer) {
        return { starting: Promise.resolve(options.analyzer), owned: false };
    }
    // The pack is a process of its own: it starts while the program runs, once its process is spawned.
    const launched = PolicyAnalyzer.launch({ packDir: options.policyPack ?? DEFAULT_POLICY_PACK, stack: info });
    await launched.spawned;
    return { starting: launched.ready, owned: true };
}

/** Configure, ConfigureStack, Analyze for every resource and AnalyzeStack, as the CLI sends them. */
async function analyze(analyzer: PolicyAnalyzer, options: PlanOptions, info: StackInfo, resources: PlanResource[]) {
    const stackConfigFile = path.join(analyzer.packDir, "config", `${options.stack}.json`);
    const configFile =
        options.policyConfig === undefined && fs.existsSync(stackConfigFile) ? stackConfigFile : undefined;
    const config = await analyzer.configure(configFile ? readPolicyConfigFile(configFile) : options.policyConfig);
    await analyzer.configureStack(info);

    const byUrn = new Map(resources.map((r) => [r.urn, r]));
    const providerOf = (r: PlanResource) => {
        const p = r.provider ? byUrn.get(r.provider) : undefined;
        return p ? { urn: p.urn, type: p.type, name: p.name, properties: p.inputs } : undefined;
    };
    const perResource = inWindow(resources, 16, (r) =>
        analyzer.analyze({
            urn: r.urn,
            type: r.type,
            name: r.name,
            properties: r.inputs,
            options: { ...r.options, protect: r.protect, parent: r.parent ?? "" },
            provider: providerOf(r),
        }),
    );
    // Built while the pack answers the Analyze calls; sent, as the CLI sends it, once they are all answered.
    const stackRequest = prepareStack(
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
    );
    // A failure is reported once the Analyze calls are answered (awaited below), not as an unhandled rejection.
    stackRequest.catch(() => undefined);
    const answers = await perResource;
    const stackWide = await analyzer.analyzeStack(await stackRequest, rootStackUrn(info.project, options.stack));
    return { config, configFile, diagnostics: [...answers.flat(), ...stackWide] };
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
