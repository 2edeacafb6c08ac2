// Runs the real program (index.ts) for a stack under the shared mocks, with
// the configuration of Pulumi.<stack>.yaml merged with Pulumi.yaml's defaults,
// the way the CLI hands it over (tools/cli-config.ts).

import * as path from "path";
import * as pulumi from "@pulumi/pulumi";
import * as settings from "@pulumi/pulumi/runtime/settings";
import { RecordedInvoke, RecordedResource, RecordingMonitor, useMocks } from "./mocks";
import { cliStackConfig, type Overrides, PROJECT, ROOT } from "./stack-config";

export { applyOverrides, cliStackConfig, listStacks, PROJECT, readStackConfig, ROOT } from "./stack-config";
export type { ConfigMap, Overrides } from "./stack-config";

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
