// The floor of the offline plan (`npm run bench` compares the plan with it):
// a process started like the plan's command line that does what the plan
// cannot avoid and nothing else. It checks the stack's configuration, starts
// the policy pack, loads the same SDKs (@pulumi/pulumi and every provider
// package the program depends on) under the shared mocks while the pack
// starts, registers nothing, and stops once the pack is ready.
//
//   node -r ./tools/register.js tools/plan-floor.ts --stack <stack>
//
// Prints one line: how long the SDKs and the pack took, since the process started.

import * as fs from "fs";
import * as path from "path";
import { checkStack, DEFAULT_POLICY_PACK } from "./plan-cli";
import { PROJECT, ROOT, stackInfo } from "./stack-config";

/** The `@pulumi/` packages of package.json's dependencies: the SDKs the program loads. */
export function programSdks(): string[] {
    const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, "package.json"), "utf8")) as {
        dependencies?: Record<string, string>;
    };
    return Object.keys(pkg.dependencies ?? {}).filter((d) => d.startsWith("@pulumi/"));
}

export interface FloorTimes {
    /** Since the process started, in ms: the SDKs loaded under mocks; the pack ready. */
    sdksLoaded: number;
    packReady: number;
}

export async function floor(stack: string): Promise<FloorTimes> {
    checkStack(stack);
    const info = stackInfo(stack);
    const { PolicyAnalyzer } = await import("./analyzer");
    const launched = PolicyAnalyzer.launch({ packDir: DEFAULT_POLICY_PACK, stack: info });
    const pack = launched.ready;
    // As the plan does: the pack's process runs before the SDKs load.
    await launched.spawned;
    try {
        for (const sdk of programSdks()) {
            await import(sdk);
        }
        const pulumi = await import("@pulumi/pulumi");
        const { useMocks } = await import("./mocks");
        useMocks(PROJECT, stack);
        pulumi.runtime.setAllConfig(info.config, []);
        const sdksLoaded = performance.now();
        await pack;
        return { sdksLoaded, packReady: performance.now() };
    } finally {
        await pack.then(
            (a) => a.stop(),
            () => undefined,
        );
    }
}

if (require.main === module) {
    const i = process.argv.indexOf("--stack");
    const stack = i > 0 ? process.argv[i + 1] : "production";
    floor(stack).then(
        (t) => {
            process.stdout.write(
                `floor ${stack}: SDKs loaded under mocks at ${(t.sdksLoaded / 1000).toFixed(2)} s, ` +
                    `policy pack ready at ${(t.packReady / 1000).toFixed(2)} s\n`,
                () => process.exit(0),
            );
        },
        (e) => {
            process.stderr.write(`error: ${(e as Error)?.stack ?? String(e)}\n`);
            process.exit(3);
        },
    );
}
