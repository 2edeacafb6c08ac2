// @ts-nocheck
// 
// Security tier settings: CloudTrail, GuardDuty, Inspector and the
// administrators' Client VPN.

import type { AccountBaselineArgs, GuardDutyArgs } from "../components/account-baseline";
import type { VpnArgs } from "../components/security";
import { cidrsOverlap, isCidr } from "./reader";
import { booleanSetting, integerSetting, Reader, stringSetting } from "./setting";
import { NETWORK_SETTINGS } from "./network";
import { keyOf } from "./setting";

const isVpnPool = (v: string): boolean => isCidr(v) && Number(v.split("/")[1]) >= 12 && Number(v.split("/")[1]) <= 22;

export const SECURITY_SETTINGS = {
    cloudTrail: booleanSetting({
        key: "securityCloudTrail",
        description:
            "Multi-region CloudTrail trail with log file validation, KMS-encrypted, to its own bucket and CloudWatch Logs.",
        default: true,
    }),
    trailRetentionDays: integerSetting({
        key: "securityTrailRetentionDays",
        // HIPAA keeps security documentation for six years.
        description: "Days the CloudTrail bucket keeps log files (audit evidence), 365 to 36500; 2190 is six years.",
        default: 2190,
        min: 365,
        max: 36500,
    }),
    guardDuty: booleanSetting({
        key: "securityGuardDuty",
        description:
            "GuardDuty detector (S3, EBS malware, RDS login protection). Needs an account and region without a detector.",
        default: true,
    }),
    guardDutyRuntimeMonitoring: booleanSetting({
        key: "securityGuardDutyRuntimeMonitoring",
        description: "GuardDuty Runtime Monitoring of EC2; GuardDuty installs and manages its agent through SSM.",
        default: true,
    }),
    inspector: booleanSetting({
        key: "securityInspector",
        description: "Inspector v2 vulnerability scanning of EC2.",
        default: true,
    }),
    vpnEnabled: booleanSetting({
        key: "securityVpnEnabled",
        description: "AWS Client VPN (mutual TLS) for administrative access.",
        default: false,
    }),
    vpnClientCidr: stringSetting({
        key: "securityVpnClientCidr",
        description: "Address pool of VPN clients, /12 to /22, not overlapping the VPC.",
        default: "10.100.0.0/22",
        check: isVpnPool,
        accepted: "an IPv4 CIDR block from /12 to /22",
    }),
    vpnSplitTunnel: booleanSetting({
        key: "securityVpnSplitTunnel",
        description: "Send only VPC traffic through the VPN.",
        default: true,
    }),
    vpnSessionTimeoutHours: integerSetting({
        key: "securityVpnSessionTimeoutHours",
        description: "VPN session timeout in hours, 8, 10, 12 or 24.",
        default: 8,
        min: 8,
        max: 24,
        values: [8, 10, 12, 24],
    }),
};

/**
 * What the Security component takes from the configuration (the features the
 * stack turns on, with their settings); GuardDuty and Inspector go to the
 * account-wide services (AccountBaseline) of the stack that owns them.
 */
export type SecurityConfig = Pick<AccountBaselineArgs, "inspector"> & {
    trail?: { retentionDays: number };
    guardDuty?: GuardDutyArgs;
    vpn?: Omit<VpnArgs, "subnetIds">;
};

export function readSecurity(r: Reader, vpcCidr: string): SecurityConfig {
    const s = SECURITY_SETTINGS;
    const vpn = {
        clientCidr: r.get(s.vpnClientCidr),
        splitTunnel: r.get(s.vpnSplitTunnel),
        sessionTimeoutHours: r.get(s.vpnSessionTimeoutHours),
    };
    if (isVpnPool(vpn.clientCidr) && isCidr(vpcCidr) && cidrsOverlap(vpn.clientCidr, vpcCidr)) {
        r.problem(
            s.vpnClientCidr,
            vpn.clientCidr,
            `must not overlap the VPC (${keyOf(NETWORK_SETTINGS.cidr)} = ${vpcCidr})`,
        );
    }
    const trailRetentionDays = r.get(s.trailRetentionDays);
    const runtimeMonitoring = r.get(s.guardDutyRuntimeMonitoring);
    return {
        trail: r.get(s.cloudTrail) ? { retentionDays: trailRetentionDays } : undefined,
        guardDuty: r.get(s.guardDuty) ? { runtimeMonitoring } : undefined,
        inspector: r.get(s.inspector),
        vpn: r.get(s.vpnEnabled) ? vpn : undefined,
    };
}
