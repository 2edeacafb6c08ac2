// Security tier settings: CloudTrail, GuardDuty, Inspector and the
// administrators' Client VPN.

import type { AccountBaselineArgs, GuardDutyArgs } from "../components/account-baseline";
import type { VpnAdministrator, VpnArgs } from "../components/security";
import { cidrsOverlap, isCidr } from "./reader";
import { booleanSetting, ConfigObject, integerSetting, objectListSetting, Reader, stringSetting } from "./setting";
import { NETWORK_SETTINGS } from "./network";
import { keyOf } from "./setting";

/**
 * An administrator's name: the Common Name of their VPN certificate (the
 * `common-name` of every Client VPN connection log entry) and part of the
 * names of their resources: lower-case letters and digits, words joined by
 * single dots or hyphens, 2 to 48 characters, starting with a letter.
 */
export const ADMINISTRATOR_NAME = /^(?=.{2,48}$)[a-z][a-z0-9]*(?:[.-][a-z0-9]+)*$/;
/** A mailbox: local part, @, a domain of at least two labels (letters, digits, hyphens). */
export const ADMINISTRATOR_EMAIL =
    /^(?=.{6,254}$)[A-Za-z0-9._%+-]+@(?:[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?\.)+[A-Za-z]{2,63}$/;

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
    vpnAdministrators: objectListSetting({
        key: "securityVpnAdministrators",
        description:
            "Administrators of the Client VPN, one certificate each: a list of {name, email}; name is the certificate's CN " +
            "(lower-case words joined by . or -, 2-48 characters), unique. Removing one revokes their certificate.",
        accepted: "{name, email} objects",
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

/** The administrators as the stack lists them: each item checked, names and e-mails unique; problems name the item. */
export function readVpnAdministrators(r: Reader, required: boolean): VpnAdministrator[] {
    const s = SECURITY_SETTINGS.vpnAdministrators;
    const key = keyOf(s);
    const items = r.get(s);
    if (required && items.length === 0) {
        r.problem(
            s,
            items,
            `must list at least one administrator ({name, email}) while ${keyOf(SECURITY_SETTINGS.vpnEnabled)} is true`,
        );
    }
    const admins: VpnAdministrator[] = [];
    const seen = { name: new Map<string, number>(), email: new Map<string, number>() };
    items.forEach((item: ConfigObject, i) => {
        const at = `${key}[${i}]`;
        const extra = Object.keys(item).filter((k) => k !== "name" && k !== "email");
        if (extra.length > 0) {
            r.problems.add(at, item, `has ${extra.join(", ")}: an administrator has only name and email`);
        }
        const { name, email } = item;
        let ok = true;
        if (typeof name !== "string" || !ADMINISTRATOR_NAME.test(name)) {
            r.problems.add(
                `${at}.name`,
                name,
                "must be 2-48 lower-case letters and digits, words joined by single . or -, starting with a letter (for example ana.souza)",
            );
            ok = false;
        }
        if (typeof email !== "string" || !ADMINISTRATOR_EMAIL.test(email)) {
            r.problems.add(`${at}.email`, email, "must be an e-mail address (for example ana.souza@hospital.org.br)");
            ok = false;
        }
        for (const [field, value] of [
            ["name", name],
            ["email", typeof email === "string" ? email.toLowerCase() : email],
        ] as const) {
            const first = typeof value === "string" ? seen[field].get(value) : undefined;
            if (first !== undefined) {
                r.problems.add(`${at}.${field}`, item[field], `must be unique: ${key}[${first}] has it too`);
                ok = false;
            } else if (typeof value === "string") {
                seen[field].set(value, i);
            }
        }
        if (ok) {
            admins.push({ name: name as string, email: email as string });
        }
    });
    return admins;
}

export function readSecurity(r: Reader, vpcCidr: string): SecurityConfig {
    const s = SECURITY_SETTINGS;
    const vpnEnabled = r.get(s.vpnEnabled);
    const vpn = {
        administrators: readVpnAdministrators(r, vpnEnabled),
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
        vpn: vpnEnabled ? vpn : undefined,
    };
}
