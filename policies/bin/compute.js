"use strict";
// Servers: hardened instance metadata and a supported operating system
// (HIPAA 164.312(a)(1) access control, 164.308(a)(5)(ii)(B) protection from
// malicious software, 164.308(a)(1)(ii)(B) risk management; LGPD art. 46).
var __createBinding = (this && this.__createBinding) || (Object.create ? (function(o, m, k, k2) {
    if (k2 === undefined) k2 = k;
    var desc = Object.getOwnPropertyDescriptor(m, k);
    if (!desc || ("get" in desc ? !m.__esModule : desc.writable || desc.configurable)) {
      desc = { enumerable: true, get: function() { return m[k]; } };
    }
    Object.defineProperty(o, k2, desc);
}) : (function(o, m, k, k2) {
    if (k2 === undefined) k2 = k;
    o[k2] = m[k];
}));
var __setModuleDefault = (this && this.__setModuleDefault) || (Object.create ? (function(o, v) {
    Object.defineProperty(o, "default", { enumerable: true, value: v });
}) : function(o, v) {
    o["default"] = v;
});
var __importStar = (this && this.__importStar) || (function () {
    var ownKeys = function(o) {
        ownKeys = Object.getOwnPropertyNames || function (o) {
            var ar = [];
            for (var k in o) if (Object.prototype.hasOwnProperty.call(o, k)) ar[ar.length] = k;
            return ar;
        };
        return ownKeys(o);
    };
    return function (mod) {
        if (mod && mod.__esModule) return mod;
        var result = {};
        if (mod != null) for (var k = ownKeys(mod), i = 0; i < k.length; i++) if (k[i] !== "default") __createBinding(result, mod, k[i]);
        __setModuleDefault(result, mod);
        return result;
    };
})();
Object.defineProperty(exports, "__esModule", { value: true });
exports.osStandardSupport = exports.OPERATING_SYSTEM_TAG = exports.ec2Imdsv2 = void 0;
exports.endOfStandardSupport = endOfStandardSupport;
const aws = __importStar(require("@pulumi/aws"));
const policy_1 = require("@pulumi/policy");
const compliance_1 = require("./lib/compliance");
const config_1 = require("./lib/config");
const resources_1 = require("./lib/resources");
const validate_1 = require("./lib/validate");
const values_1 = require("./lib/values");
exports.ec2Imdsv2 = {
    name: "ec2-imdsv2-required",
    description: 'EC2 instances and launch templates require IMDSv2 session tokens (metadataOptions.httpTokens = "required") or turn ' +
        "the metadata service off, so an SSRF bug in WordPress or a plugin cannot read the instance role's credentials.",
    enforcementLevel: "mandatory",
    severity: "high",
    remediationSteps: 'Set metadataOptions: { httpEndpoint: "enabled", httpTokens: "required", httpPutResponseHopLimit: 1 } ' +
        "(IMDS_V2_ONLY in components/ec2.ts).",
    ...(0, compliance_1.compliance)("164.312(a)(1)", ["ec2", "imds"]),
    validateResource: (0, validate_1.validateResourceOfTypes)([aws.ec2.Instance, aws.ec2.LaunchTemplate], "EC2 instances and launch templates", (args, report) => {
        const p = (0, values_1.plain)(args.props);
        const m = p.metadataOptions;
        if ((0, values_1.isUnknown)(m)) {
            return;
        }
        if (m === undefined || m === null) {
            if (args.isType(aws.ec2.Instance) && p.launchTemplate !== undefined && p.launchTemplate !== null) {
                return; // the launch template's metadata options apply; it is checked on its own
            }
            report("metadataOptions is not set: the instance would accept IMDSv1 requests without a session token.");
            return;
        }
        if ((0, values_1.isUnknown)(m.httpTokens) || (0, values_1.isUnknown)(m.httpEndpoint) || m.httpEndpoint === "disabled") {
            return;
        }
        if (m.httpTokens !== "required") {
            report(`metadataOptions.httpTokens is ${m.httpTokens === undefined ? "not set" : `"${String(m.httpTokens)}"`}; it must be "required" (IMDSv2 only).`);
        }
    }),
};
/** Tag that compute tiers put on every instance, e.g. "Ubuntu 24.04 LTS". */
exports.OPERATING_SYSTEM_TAG = "OperatingSystem";
/**
 * End of standard (free) security maintenance of operating system releases
 * that the rule in endOfStandardSupport does not give. Ubuntu: Canonical's
 * release cycle lists LTS releases until April of release year + 5 (14.04,
 * 16.04, 22.04, 24.04, derived) except 18.04 and 20.04, extended to 31 May
 * 2023/2025; interim releases get 9 months. Amazon Linux: AWS's published
 * end of support.
 */
const KNOWN_END_OF_SUPPORT = {
    "ubuntu 18.04": "2023-05-31",
    "ubuntu 20.04": "2025-05-31",
    "amazon linux 2": "2026-06-30",
    "amazon linux 2023": "2029-06-30",
};
/** The end of standard support of an OperatingSystem tag value, or undefined for an unrecognised system. */
function endOfStandardSupport(os) {
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
const DAY_MS = 24 * 60 * 60 * 1000;
exports.osStandardSupport = {
    name: "os-standard-support",
    description: `EC2 instances carry the tag ${exports.OPERATING_SYSTEM_TAG} (e.g. "Ubuntu 24.04 LTS") and run a release inside its standard ` +
        "security maintenance (Ubuntu 20.04 ended 2025-05-31, 18.04 in 2023); releases ending within warnDaysBeforeEnd days " +
        "are flagged too. Advisory: replacing an operating system is a planned migration, and the program itself refuses " +
        "releases past support (hms:ubuntuRelease).",
    enforcementLevel: "advisory",
    severity: "medium",
    remediationSteps: `Tag the instance with ${exports.OPERATING_SYSTEM_TAG} = "<distribution> <release>" and move it to a supported LTS release ` +
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
                description: "Evaluate support as of this date (YYYY-MM-DD) instead of today, e.g. to plan next quarter.",
            },
        },
    },
    ...(0, compliance_1.compliance)("164.308(a)(5)(ii)(B)", ["ec2", "operating-system", "patching"], ["164.308(a)(1)(ii)(B)"]),
    validateResource: (0, policy_1.validateResourceOfType)(aws.ec2.Instance, (_instance, args, report) => {
        const cfg = (0, config_1.configWithDefaults)(exports.osStandardSupport.configSchema, args.getConfig());
        const os = (0, resources_1.tagValue)(args, exports.OPERATING_SYSTEM_TAG);
        if (os === undefined) {
            return; // tags not known yet
        }
        if (os === null || os.trim() === "") {
            report(`the instance has no ${exports.OPERATING_SYSTEM_TAG} tag, so its operating system's support cannot be tracked.`);
            return;
        }
        const support = endOfStandardSupport(os);
        if (!support) {
            report(`${exports.OPERATING_SYSTEM_TAG} = "${os}" is not a release this pack knows the support dates of (Ubuntu, Amazon Linux).`);
            return;
        }
        const today = cfg.asOf ? Date.parse(`${cfg.asOf}T00:00:00Z`) : Date.now();
        const ends = Date.parse(`${support.ends}T23:59:59Z`);
        // Stryker disable next-line EqualityOperator: ends is 23:59:59.000 and today a midnight (asOf) or the clock, never equal in practice
        if (ends < today) {
            report(`${os}: standard support ended on ${support.ends}; the release no longer gets free security updates.`);
        }
        else if (
        // Stryker disable next-line EqualityOperator: ends - today is whole days + 86 399 s from a midnight, never a whole number of days
        ends - today <=
            cfg.warnDaysBeforeEnd * DAY_MS) {
            report(`${os}: standard support ends on ${support.ends}, within ${cfg.warnDaysBeforeEnd} days; plan the upgrade.`);
        }
    }),
};
