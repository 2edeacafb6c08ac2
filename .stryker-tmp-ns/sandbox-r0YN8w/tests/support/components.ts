// @ts-nocheck
// Builds one component on its own under the shared mocks (for options the
// stacks do not exercise), and returns what it registered.

import * as pulumi from "@pulumi/pulumi";
import { RecordedResource, useMocks } from "../../tools/mocks";
import { settle } from "../../tools/stack";

export async function buildComponent(create: () => void, region = "sa-east-1"): Promise<RecordedResource[]> {
    const monitor = useMocks("hms", "component-test");
    pulumi.runtime.setAllConfig({ "aws:region": region }, []);
    create();
    await settle(monitor);
    return [...monitor.recorded];
}
