// @ts-nocheck
// 
// Load balancer tier settings: the Nginx servers behind the NLB.

import type { LoadBalancerArgs } from "../components/load-balancer";
import { integerSetting, Reader } from "./setting";
import { readServer, serverSettings } from "./sizing";

export const LOAD_BALANCER_SETTINGS = {
    ...serverSettings(
        {
            instanceType: "loadBalancerInstanceType",
            vcpus: "loadBalancerVcpus",
            memoryGiB: "loadBalancerMemoryGiB",
            volumeGiB: "loadBalancerVolumeGiB",
        },
        "an Nginx server",
        { default: 30, description: "Root volume of an Nginx server in GiB." },
    ),
    nginxCount: integerSetting({
        key: "loadBalancerNginxCount",
        description: "Nginx servers behind the NLB, spread over the AZs, 1-12. Unset (0): networkAzCount, one per AZ.",
        unset: true,
        min: 1,
        max: 12,
    }),
    maxUploadMiB: integerSetting({
        key: "loadBalancerMaxUploadMiB",
        description: "Largest request body (medical image upload) in MiB, 1-5120.",
        default: 512,
        min: 1,
        max: 5120,
    }),
};

export type LoadBalancerConfig = Pick<
    LoadBalancerArgs,
    "nginxCount" | "instanceType" | "volumeGiB" | "maxUploadMiB"
> & {
    vcpus: number;
    memoryGiB: number;
};

export function readLoadBalancer(r: Reader, azCount: number): LoadBalancerConfig {
    const s = LOAD_BALANCER_SETTINGS;
    const size = readServer(r, s);
    const nginxCount = r.optional(s.nginxCount) ?? azCount;
    const maxUploadMiB = r.get(s.maxUploadMiB);
    return { ...size, nginxCount, maxUploadMiB };
}
