// Benchmark of the offline plan: `npm run bench -- [--runs N] [--stack S] [--counts 2,5,...]`
//
// Every measurement is a fresh process, started as `npm run plan` starts the
// plan (node with tools/register.js), so that it includes what a user waits
// for. It reports, as medians over N runs:
//   - the floor (tools/plan-floor.ts: the same SDKs loaded under mocks while
//     the policy pack starts, nothing registered) and the plan of the stack,
//     the plan's first line of output and its ratio to the floor;
//   - each phase of the plan as it prints them (tools/plan-cli.ts):
//     configuration, policy pack, program, analysis, output;
//   - `npm run plan` itself (npm's own start included);
//   - the plan of production as the WordPress server count grows (hms:appCount,
//     2 to 20 by default): resources, wall time, program and analysis phases,
//     and a least-squares line through them, whose slope is the cost of one
//     resource and whose R² says how straight the growth is.
// Then the machine: CPU model and count, memory, Node, the load average
// before and after (a busy machine makes every figure larger).

import { spawn } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { parsePhaseLine, PhaseName } from "./plan-cli";
import { ROOT } from "./stack-config";

const NODE_ARGS = ["-r", path.join(ROOT, "tools", "register.js")];

interface Run {
    /** From spawn to exit, ms. */
    wall: number;
    /** From spawn to the first line on stdout, ms. */
    firstLine: number;
    code: number | null;
    stdout: string;
    stderr: string;
}

/** Runs a command to its end; times its first line of output and its exit. */
function timed(command: string, args: string[]): Promise<Run> {
    return new Promise((resolve, reject) => {
        const start = performance.now();
        let firstLine = NaN;
        let stdout = "";
        let stderr = "";
        const child = spawn(command, args, { cwd: ROOT, stdio: ["ignore", "pipe", "pipe"] });
        child.stdout.setEncoding("utf8").on("data", (chunk: string) => {
            stdout += chunk;
            if (Number.isNaN(firstLine) && stdout.includes("\n")) {
                firstLine = performance.now() - start;
            }
        });
        child.stderr.setEncoding("utf8").on("data", (chunk: string) => (stderr += chunk));
        child.on("error", reject);
        child.on("close", (code) => resolve({ wall: performance.now() - start, firstLine, code, stdout, stderr }));
    });
}

async function ok(command: string, args: string[]): Promise<Run> {
    const r = await timed(command, args);
    // 0: no mandatory violation; 1 is a plan that found some, still a complete plan.
    if (r.code !== 0 && r.code !== 1) {
        throw new Error(`${command} ${args.join(" ")} exited ${r.code}\n${r.stderr}`);
    }
    return r;
}

export function median(values: number[]): number {
    const s = [...values].sort((a, b) => a - b);
    if (s.length === 0) {
        return NaN;
    }
    const m = Math.floor(s.length / 2);
    return s.length % 2 === 1 ? s[m] : (s[m - 1] + s[m]) / 2;
}

/** Least squares y = intercept + slope·x, with R². */
export function fitLine(points: Array<[number, number]>): { slope: number; intercept: number; r2: number } {
    const n = points.length;
    const mx = points.reduce((a, [x]) => a + x, 0) / n;
    const my = points.reduce((a, [, y]) => a + y, 0) / n;
    const sxx = points.reduce((a, [x]) => a + (x - mx) ** 2, 0);
    const sxy = points.reduce((a, [x, y]) => a + (x - mx) * (y - my), 0);
    const syy = points.reduce((a, [, y]) => a + (y - my) ** 2, 0);
    const slope = sxy / sxx;
    const intercept = my - slope * mx;
    return { slope, intercept, r2: syy === 0 ? 1 : (sxy * sxy) / (sxx * syy) };
}

/** The phases a plan printed, ms by phase. */
export function phasesOf(stdout: string): Partial<Record<PhaseName, number>> {
    const out: Partial<Record<PhaseName, number>> = {};
    for (const line of stdout.split("\n")) {
        const p = parsePhaseLine(line);
        if (p) {
            out[p.phase] = p.ms;
        }
    }
    return out;
}

/** The resources a plan's JSON file lists (the program's, the stack and the default providers). */
function resourceCount(jsonFile: string): number {
    return (JSON.parse(fs.readFileSync(jsonFile, "utf8")) as { resources: unknown[] }).resources.length;
}

const s = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
const PHASES: PhaseName[] = ["configuration", "policy pack", "program", "analysis", "output"];

interface Options {
    runs: number;
    stack: string;
    counts: number[];
}

function parseOptions(argv: string[]): Options {
    const options: Options = { runs: 5, stack: "production", counts: [2, 4, 6, 8, 10, 12, 14, 16, 18, 20] };
    for (let i = 0; i < argv.length; i += 2) {
        const [flag, value] = [argv[i], argv[i + 1]];
        if (flag === "--runs" && Number(value) >= 1) {
            options.runs = Math.floor(Number(value));
        } else if (flag === "--stack" && value) {
            options.stack = value;
        } else if (flag === "--counts" && value && value.split(",").every((c) => Number(c) >= 1)) {
            options.counts = value.split(",").map(Number);
        } else {
            throw new Error(
                `unknown or bad argument ${JSON.stringify(flag)}; usage: npm run bench -- [--runs N] [--stack STACK] [--counts 2,5,10]`,
            );
        }
    }
    return options;
}

export async function bench(options: Options, say: (line: string) => void): Promise<void> {
    const load = os.loadavg();
    const planArgs = [...NODE_ARGS, path.join(ROOT, "tools", "plan-cli.ts"), "--stack", options.stack];
    const floorArgs = [...NODE_ARGS, path.join(ROOT, "tools", "plan-floor.ts"), "--stack", options.stack];
    // One run of each first, not counted: Node's compile cache and the file system cache warm up.
    await ok(process.execPath, floorArgs);
    await ok(process.execPath, planArgs);

    const floors: Run[] = [];
    const plans: Run[] = [];
    const npmPlans: Run[] = [];
    for (let i = 0; i < options.runs; i++) {
        // Interleaved, so that a change in the machine's load touches both alike.
        floors.push(await ok(process.execPath, floorArgs));
        plans.push(await ok(process.execPath, planArgs));
        npmPlans.push(await ok("npm", ["run", "--silent", "plan", "--", "--stack", options.stack]));
    }
    const floor = median(floors.map((r) => r.wall));
    const plan = median(plans.map((r) => r.wall));
    say(`Offline plan of ${options.stack}, medians of ${options.runs} runs (fresh processes)`);
    say(`  floor (SDKs under mocks, policy pack started, nothing registered): ${s(floor)}`);
    say(`  plan:                                  ${s(plan)}  = ${(plan / floor).toFixed(2)} × the floor`);
    say(`  plan's first line of output:           ${s(median(plans.map((r) => r.firstLine)))}`);
    say(
        `  npm run plan:                          ${s(median(npmPlans.map((r) => r.wall)))}, ` +
            `first line ${s(median(npmPlans.map((r) => r.firstLine)))}`,
    );
    say("  phases (as the plan prints them; the policy pack starts alongside the program):");
    for (const phase of PHASES) {
        const values = plans.map((r) => phasesOf(r.stdout)[phase]).filter((v): v is number => v !== undefined);
        say(`    ${phase.padEnd(14)} ${s(median(values))}`);
    }

    say("");
    say(`Plan of ${options.stack} as hms:appCount grows, medians of ${options.runs} runs`);
    say("  appCount  resources      plan   program  analysis");
    const points: Array<{ count: number; resources: number; wall: number; program: number; analysis: number }> = [];
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "hms-bench-"));
    try {
        for (const count of options.counts) {
            const json = path.join(dir, `plan-${count}.json`);
            const runs: Run[] = [];
            for (let i = 0; i < options.runs; i++) {
                runs.push(
                    await ok(process.execPath, [...planArgs, "--config", `hms:appCount=${count}`, "--json", json]),
                );
            }
            const point = {
                count,
                resources: resourceCount(json),
                wall: median(runs.map((r) => r.wall)),
                program: median(runs.map((r) => phasesOf(r.stdout).program ?? NaN)),
                analysis: median(runs.map((r) => phasesOf(r.stdout).analysis ?? NaN)),
            };
            points.push(point);
            say(
                `  ${String(count).padStart(8)}  ${String(point.resources).padStart(9)}  ${s(point.wall).padStart(8)}` +
                    `  ${s(point.program).padStart(8)}  ${s(point.analysis).padStart(8)}`,
            );
        }
    } finally {
        fs.rmSync(dir, { recursive: true, force: true });
    }
    for (const [what, key] of [
        ["plan", "wall"],
        ["program", "program"],
        ["analysis", "analysis"],
    ] as const) {
        const fit = fitLine(points.map((p) => [p.resources, p[key]]));
        say(
            `  ${what.padEnd(9)} ${fit.slope.toFixed(2)} ms per resource + ${s(fit.intercept)}, ` +
                `R² ${fit.r2.toFixed(3)} (1 is a straight line)`,
        );
    }

    const cpus = os.cpus();
    say("");
    say(
        `Machine: ${cpus.length} × ${cpus[0]?.model.trim() ?? "unknown CPU"}, ` +
            `${(os.totalmem() / 2 ** 30).toFixed(1)} GiB, Node ${process.version}, ${os.platform()} ${os.release()}; ` +
            `load average ${load[0].toFixed(2)} before, ${os.loadavg()[0].toFixed(2)} after`,
    );
}

if (require.main === module) {
    let options: Options;
    try {
        options = parseOptions(process.argv.slice(2));
    } catch (e) {
        process.stderr.write(`error: ${(e as Error).message}\n`);
        process.exit(2);
    }
    bench(options, (line) => process.stdout.write(`${line}\n`)).then(
        () => process.exit(0),
        (e) => {
            process.stderr.write(`error: ${(e as Error)?.stack ?? String(e)}\n`);
            process.exit(3);
        },
    );
}
