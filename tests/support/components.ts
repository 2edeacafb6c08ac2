// Builds one component on its own under the shared mocks (for options the
// stacks do not exercise), and returns what it registered.

import * as pulumi from "@pulumi/pulumi";
import { MOCK_ACCOUNT_ID, RecordedResource, useMocks } from "../../tools/mocks";
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

/**
 * What the rest of the program hands a tier built alone (components/hospital.ts):
 * fixed stand-ins for the keys of Keys (in `region`; the DR key in `drRegion`)
 * and the monitoring tier's alarm topic, in the account the mocks use.
 */
export function standIns(region: string, drRegion: string) {
    const key = (keyRegion: string, id: string) => `arn:aws:kms:${keyRegion}:${MOCK_ACCOUNT_ID}:key/stand-in-${id}`;
    return {
        dataKeyArn: key(region, "data"),
        logsKeyArn: key(region, "logs"),
        backupKeyArn: key(region, "backup"),
        drKeyArn: key(drRegion, "dr"),
        alarmTopicArn: `arn:aws:sns:${region}:${MOCK_ACCOUNT_ID}:stand-in-monitoring-alarms`,
    };
}
