// Servers: hardened instance metadata and a supported operating system
// (HIPAA 164.312(a)(1) access control, 164.308(a)(5)(ii)(B) protection from
// malicious software, 164.308(a)(1)(ii)(B) risk management; LGPD art. 46).

import * as aws from "@pulumi/aws";
import { ResourceValidationPolicy, validateResourceOfType } from "@pulumi/policy";
import { compliance } from "./lib/compliance";
import { configWithDefaults } from "./lib/config";
import { tagValue } from "./lib/resources";
import { validateResourceOfTypes } from "./lib/validate";
import { isUnknown, plain } from "./lib/values";

export const ec2Imdsv2: ResourceValidationPolicy = {
    name: "ec2-imdsv2-required",
    description:
        'EC2 instances and launch templates require IMDSv2 session tokens (metadataOptions.httpTokens = "required") or turn ' +
        "the metadata service off, so an SSRF bug in WordPress or a plugin cannot read the instance role's credentials.",
    enforcementLevel: "mandatory",
    severity: "high",
    remediationSteps:
        'Set metadataOptions: { httpEndpoint: "enabled", httpTokens: "required", httpPutResponseHopLimit: 1 } ' +
        "(IMDS_V2_ONLY in components/ec2.ts).",
    ...compliance("164.312(a)(1)", ["ec2", "imds"]),
    validateResource: validateResourceOfTypes(
        [aws.ec2.Instance, aws.ec2.LaunchTemplate],
        "EC2 instances and launch templates",
        (args, report) => {
            const p = plain(args.props) as {
                metadataOptions?: { httpTokens?: unknown; httpEndpoint?: unknown };
                launchTemplate?: unknown;
            };
            const m = p.metadataOptions;
            if (isUnknown(m)) {
                return;
            }
            if (m === undefined || m === null) {
                if (args.isType(aws.ec2.Instance) && p.launchTemplate !== undefined && p.launchTemplate !== null) {
                    return; // the launch template's metadata options apply; it is checked on its own
                }
                report(
                    "metadataOptions is not set: the instance would accept IMDSv1 requests without a session token.",
                );
                return;
            }
            if (isUnknown(m.httpTokens) || isUnknown(m.httpEndpoint) || m.httpEndpoint === "disabled") {
                return;
            }
            if (m.httpTokens !== "required") {
                report(
                    `metadataOptions.httpTokens is ${m.httpTokens === undefined ? "not set" : `"${String(m.httpTokens)}"`}; it must be "required" (IMDSv2 only).`,
                );
            }
        },
    ),
};

/** Tag that compute tiers put on every instance, e.g. "Ubuntu 24.04 LTS". */
export const OPERATING_SYSTEM_TAG = "OperatingSystem";

/**
 * End of standard (free) security maintenance of operating system releases
 * that the rule in endOfStandardSupport does not give. Ubuntu: Canonical's
 * release cycle lists LTS releases until April of release year + 5 (14.04,
 * 16.04, 22.04, 24.04, derived) except 18.04 and 20.04, extended to 31 May
 * 2023/2025; interim releases get 9 months. Amazon Linux: AWS's published
 * end of support.
 */
const KNOWN_END_OF_SUPPORT: Record<string, string> = {
    "ubuntu 18.04": "2023-05-31",
    "ubuntu 20.04": "2025-05-31",
    "amazon linux 2": "2026-06-30",
    "amazon linux 2023": "2029-06-30",
};

/** The end of standard support of an OperatingSystem tag value, or undefined for an unrecognised system. */
export function endOfStandardSupport(os: string): { release: string; ends: string } | undefined {
    const ubuntu = /ubuntu(?:\s+server)?\s+(\d{2})\.(\d{2})/i.exec(os);
    if (ubuntu) {
        const release = `ubuntu ${ubuntu[1]}.${ubuntu[2]}`;
        const known = KNOWN_END_OF_SUPPORT[release];
        if (known) {
            return { release, ends: known };
        }
        const year = 2000 + Number(ubuntu[1]);
        const month = Number(ubuntu[2]);
        const lts = month === 4 && year % 2 === 0;
        // LTS: end of April five years on; interim: the end of the month nine months after release.
        const end = lts ? new Date(Date.UTC(year + 5, 4, 0)) : new Date(Date.UTC(year, month - 1 + 9 + 1, 0));
        return { release, ends: end.toISOString().slice(0, 10) };
    }
    const amazon = /amazon\s+linux\s+(2023|2)\b/i.exec(os);
    if (amazon) {
        const release = `amazon linux ${amazon[1]}`;
        return { release, ends: KNOWN_END_OF_SUPPORT[release] };
    }
    return undefined;
}

interface OsSupportConfig {
    warnDaysBeforeEnd: number;
    asOf?: string;
}

const DAY_MS = 24 * 60 * 60 * 1000;

export const osStandardSupport: ResourceValidationPolicy = {
    name: "os-standard-support",
    description:
        `EC2 instances carry the tag ${OPERATING_SYSTEM_TAG} (e.g. "Ubuntu 24.04 LTS") and run a release inside its standard ` +
        "security maintenance (Ubuntu 20.04 ended 2025-05-31, 18.04 in 2023); releases ending within warnDaysBeforeEnd days " +
        "are flagged too. Advisory: replacing an operating system is a planned migration, and the program itself refuses " +
        "releases past support (hms:ubuntuRelease).",
    enforcementLevel: "advisory",
    severity: "medium",
    remediationSteps:
        `Tag the instance with ${OPERATING_SYSTEM_TAG} = "<distribution> <release>" and move it to a supported LTS release ` +
        "(hms:ubuntuRelease 24.04), or subscribe it to extended security maintenance (Ubuntu Pro) until it moves.",
    configSchema: {
        properties: {
            warnDaysBeforeEnd: {
                type: "integer",
                minimum: 0,
                default: 180,
                description: "Flag releases whose standard support ends within this many days.",
            },
            asOf: {
                type: "string",
                pattern: "^\\d{4}-\\d{2}-\\d{2}$",
                description:
                    "Evaluate support as of this date (YYYY-MM-DD) instead of today, e.g. to plan next quarter.",
            },
        },
    },
    ...compliance("164.308(a)(5)(ii)(B)", ["ec2", "operating-system", "patching"], ["164.308(a)(1)(ii)(B)"]),
    validateResource: validateResourceOfType(aws.ec2.Instance, (_instance, args, report) => {
        const cfg = configWithDefaults<OsSupportConfig>(
            osStandardSupport.configSchema!,
            args.getConfig<OsSupportConfig>(),
        );
        const os = tagValue(args, OPERATING_SYSTEM_TAG);
        if (os === undefined) {
            return; // tags not known yet
        }
        if (os === null || os.trim() === "") {
            report(
                `the instance has no ${OPERATING_SYSTEM_TAG} tag, so its operating system's support cannot be tracked.`,
            );
            return;
        }
        const support = endOfStandardSupport(os);
        if (!support) {
            report(
                `${OPERATING_SYSTEM_TAG} = "${os}" is not a release this pack knows the support dates of (Ubuntu, Amazon Linux).`,
            );
            return;
        }
        const today = cfg.asOf ? Date.parse(`${cfg.asOf}T00:00:00Z`) : Date.now();
        const ends = Date.parse(`${support.ends}T23:59:59Z`);
        // Stryker disable next-line EqualityOperator: ends is 23:59:59.000 and today a midnight (asOf) or the clock, never equal in practice
        if (ends < today) {
            report(
                `${os}: standard support ended on ${support.ends}; the release no longer gets free security updates.`,
            );
        } else if (
            // Stryker disable next-line EqualityOperator: ends - today is whole days + 86 399 s from a midnight, never a whole number of days
            ends - today <=
            cfg.warnDaysBeforeEnd * DAY_MS
        ) {
            report(
                `${os}: standard support ends on ${support.ends}, within ${cfg.warnDaysBeforeEnd} days; plan the upgrade.`,
            );
        }
    }),
};
