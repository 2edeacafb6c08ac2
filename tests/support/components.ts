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

/** Where a data tier built alone lives: three data subnets of a VPC in sa-east-1. */
export const DATA_SUBNETS = {
    region: "sa-east-1",
    vpcId: "vpc-0123456789abcdef0",
    subnetIds: ["subnet-a", "subnet-b", "subnet-c"],
    availabilityZones: ["sa-east-1a", "sa-east-1b", "sa-east-1c"],
};
