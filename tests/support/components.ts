// Builds one component on its own under the shared mocks (for options the
// stacks do not exercise), and returns what it registered.

import * as pulumi from "@pulumi/pulumi";
import * as settings from "@pulumi/pulumi/runtime/settings";
import { RecordedResource, useMocks } from "../../tools/mocks";

export async function buildComponent(create: () => void, region = "sa-east-1"): Promise<RecordedResource[]> {
    const monitor = useMocks("hms", "component-test");
    pulumi.runtime.setAllConfig({ "aws:region": region }, []);
    create();
    // Wait until no registration has arrived for a few turns of the event loop.
    let last = -1;
    let quiet = 0;
    while (quiet < 3) {
        // Internal to the SDK (not in its typings); tools/stack.ts waits the same way.
        await (settings as unknown as { waitForRPCs(): Promise<void> }).waitForRPCs();
        await new Promise((r) => setTimeout(r, 5));
        if (monitor.recorded.length === last) {
            quiet++;
        } else {
            quiet = 0;
            last = monitor.recorded.length;
        }
    }
    return [...monitor.recorded];
}
