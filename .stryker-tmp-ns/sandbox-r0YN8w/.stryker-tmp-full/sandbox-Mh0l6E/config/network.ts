// @ts-nocheck
// 
// Network tier settings: the VPC and its availability zones.

import type { NetworkArgs } from "../components/network";
import { isCidr } from "./reader";
import { integerSetting, keyOf, Reader, stringSetting } from "./setting";
import { LOG_RETENTION_DAYS } from "./stack";

export const NETWORK_SETTINGS = {
    cidr: stringSetting({
        key: "networkCidr",
        description: "IPv4 CIDR of the VPC, /16 to /20.",
        default: "10.20.0.0/16",
        check: (v) => isCidr(v) && Number(v.split("/")[1]) >= 16 && Number(v.split("/")[1]) <= 20,
        accepted: "an IPv4 CIDR block from /16 to /20 aligned to its prefix, for example 10.20.0.0/16",
    }),
    azCount: integerSetting({
        key: "networkAzCount",
        description: "Availability zones the VPC spans, 2 or 3.",
        default: 2,
        min: 2,
        max: 3,
    }),
    natGateways: integerSetting({
        key: "networkNatGateways",
        description: "NAT gateways, 1 to networkAzCount (one per AZ survives the loss of an AZ).",
        default: 1,
        min: 1,
        max: 3,
    }),
    flowLogRetentionDays: integerSetting({
        key: "networkFlowLogRetentionDays",
        description: "Retention of VPC flow logs in days, one of the values CloudWatch Logs accepts.",
        default: 365,
        min: 1,
        values: LOG_RETENTION_DAYS,
        accepted: `a CloudWatch Logs retention, one of ${LOG_RETENTION_DAYS.join(", ")}`,
    }),
};

export type NetworkConfig = Pick<NetworkArgs, "cidr" | "azCount" | "natGateways" | "flowLogRetentionDays">;

export function readNetwork(r: Reader): NetworkConfig {
    const s = NETWORK_SETTINGS;
    const cidr = r.get(s.cidr);
    const azCount = r.get(s.azCount);
    const natGateways = r.get(s.natGateways);
    if (natGateways > azCount) {
        r.problem(
            s.natGateways,
            natGateways,
            `must be a whole number from 1 to ${keyOf(s.azCount)} (${azCount}); one per AZ survives the loss of an AZ`,
        );
    }
    const flowLogRetentionDays = r.get(s.flowLogRetentionDays);
    return { cidr, azCount, natGateways, flowLogRetentionDays };
}
