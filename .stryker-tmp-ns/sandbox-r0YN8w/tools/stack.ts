// @ts-nocheck
// Runs the real program (index.ts) for a stack under the shared mocks, with
// the configuration of Pulumi.<stack>.yaml merged with Pulumi.yaml's defaults,
// the way the CLI hands it over (tools/cli-config.ts).

import * as fs from "fs";
import * as path from "path";
import * as pulumi from "@pulumi/pulumi";
import * as settings from "@pulumi/pulumi/runtime/settings";
import {
    checkProviderKeys,
    fullKey,
    loadProject,
    loadStackConfig,
    mergeConfig,
    providerPackages,
    stackValue,
    toConfigMap,
} from "./cli-config";
import { RecordedInvoke, RecordedResource, RecordingMonitor, useMocks } from "./mocks";

export const ROOT = path.resolve(__dirname, "..");
export const PROJECT = "hms";

export type ConfigMap = Record<string, string>;

/** Reads Pulumi.<stack>.yaml's own values into the flat `namespace:key` → string map (no project defaults). */
export function readStackConfig(stack: string): ConfigMap {
    return toConfigMap(loadStackConfig(stackFile(stack), PROJECT));
}

function stackFile(stack: string): string {
    const file = path.join(ROOT, `Pulumi.${stack}.yaml`);
    if (!fs.existsSync(file)) {
        throw new Error(`no stack file ${file}; stacks: ${listStacks().join(", ")}`);
    }
    return file;
}

/**
 * The configuration the CLI hands to the program and the policy pack for
 * `stack` with `overrides` applied (as `--config`): the stack file merged with
 * Pulumi.yaml's defaults and values. With `validate`, refuses what `pulumi
 * preview` refuses before the program runs (tools/cli-config.ts): a missing
 * required key, a value of the wrong type, a secret in clear text, a key a
 * provider does not know; without, it is `--skip-config-validation`.
 * Throws a CliConfigError (one line) for either, and for a file that is not YAML.
 */
export function cliStackConfig(stack: string, overrides: Overrides = {}, validate = true): ConfigMap {
    const project = loadProject(path.join(ROOT, "Pulumi.yaml"));
    const config = loadStackConfig(stackFile(stack), project.name);
    for (const [k, v] of Object.entries(overrides)) {
        const key = fullKey(project.name, k);
        if (v === undefined) {
            config.delete(key);
        } else {
            config.set(key, stackValue(v));
        }
    }
    mergeConfig(stack, project, config, validate);
    if (validate) {
        checkProviderKeys(config, providerPackages(ROOT));
    }
    return toConfigMap(config);
}

export function listStacks(): string[] {
    return fs
        .readdirSync(ROOT)
        .map((f) => /^Pulumi\.([\w-]+)\.yaml$/.exec(f)?.[1])
        .filter((s): s is string => s !== undefined)
        .sort();
}

/** Overrides: a value replaces the key (non-strings are JSON-encoded), `undefined` removes it. */
export type Overrides = Record<string, unknown>;

export function applyOverrides(config: ConfigMap, overrides: Overrides = {}): ConfigMap {
    const out = { ...config };
    for (const [k, v] of Object.entries(overrides)) {
        const key = k.includes(":") ? k : `${PROJECT}:${k}`;
        if (v === undefined) {
            delete out[key];
        } else {
            out[key] = typeof v === "string" ? v : JSON.stringify(v);
        }
    }
    return out;
}

export interface StackRun {
    stack: string;
    resources: RecordedResource[];
    /** The invokes (data source calls) the program made in this run. */
    invokes: RecordedInvoke[];
    outputs: Record<string, unknown>;
    monitor: RecordingMonitor;
}

/**
 * Runs index.ts for `stack` under mocks and waits until every registration
 * has been made. Throws what the program throws (a ConfigError for bad config).
 */
export async function runStack(stack: string, overrides: Overrides = {}): Promise<StackRun> {
    // A run is deterministic for its stack and overrides: test files share one
    // run each (a production run registers hundreds of resources), and every
    // caller gets its own copy of the records so it may change them freely.
    const key = `${stack}\u0000${JSON.stringify(overrides)}`;
    let run = cache.get(key);
    if (!run) {
        run = runStackUncached(stack, overrides);
        cache.set(key, run);
        run.catch(() => cache.delete(key));
    }
    const result = await run;
    return {
        ...result,
        resources: structuredClone(result.resources),
        invokes: structuredClone(result.invokes),
        outputs: structuredClone(result.outputs),
    };
}

const cache = new Map<string, Promise<StackRun>>();

async function runStackUncached(stack: string, overrides: Overrides): Promise<StackRun> {
    const config = cliStackConfig(stack, overrides, false);
    const monitor = useMocks(PROJECT, stack);
    pulumi.runtime.setAllConfig(config, []);

    const entry = require.resolve(path.join(ROOT, "index"));
    delete require.cache[entry];
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const exported = require(entry) as Record<string, unknown>;

    const outputs: Record<string, unknown> = {};
    for (const [name, value] of Object.entries(exported)) {
        outputs[name] = await resolve(value);
    }
    await settle(monitor);
    return { stack, resources: [...monitor.recorded], invokes: [...monitor.hmsMocks.invokes], outputs, monitor };
}

/** Resolves an exported value (Outputs, arrays and objects of Outputs) to plain data. */
function resolve(value: unknown): Promise<unknown> {
    const out: pulumi.Output<unknown> = pulumi.output(value as pulumi.Input<object>);
    return new Promise((res) => out.apply((v) => res(v)));
}

/** Waits until no registration has arrived for a few turns of the event loop. */
export async function settle(monitor: RecordingMonitor): Promise<void> {
    let last = -1;
    let quiet = 0;
    while (quiet < 3) {
        await (settings as unknown as { waitForRPCs(): Promise<void> }).waitForRPCs();
        await new Promise((r) => setTimeout(r, 5));
        if (monitor.recorded.length === last) {
            quiet++;
        } else {
            quiet = 0;
            last = monitor.recorded.length;
        }
    }
}
