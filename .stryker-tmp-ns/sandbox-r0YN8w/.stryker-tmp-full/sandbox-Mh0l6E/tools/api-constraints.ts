// @ts-nocheck
// 
// The API-constraints check: runs the rules of tools/api-rules.ts and the
// service/region table over every resource of a plan, so inputs the real AWS
// and Cloudflare APIs would refuse fail the offline plan and the tests (Pulumi
// mocks accept anything). A violation names the resource, the input, the
// value and the rule with the documentation it encodes.

import { ENDPOINT_MODEL_SOURCE, SERVICE_REGIONS } from "../config/service-regions";
import { API_RULES, ApiRule, SERVICE_OF_MODULE, SERVICE_OF_TYPE } from "./api-rules";

/** The parts of a planned resource the check reads (a RecordedResource or a plan JSON entry). */
export interface ApiResource {
    urn: string;
    type: string;
    name: string;
    inputs: Record<string, unknown>;
    /** The provider reference, `<urn>::<id>`. */
    provider?: string;
}

export interface ApiViolation {
    urn: string;
    type: string;
    input: string;
    value: unknown;
    rule: string;
    doc: string;
}

/** What Pulumi appends to a logical name when it generates a physical name (7 random characters). */
export const AUTO_NAME_SUFFIX = "-a1b2c3d";

/** The values at `path` (`a.b`, `a[].b`) with their concrete paths (`a[0].b`). */
export function valuesAt(inputs: unknown, path: string): Array<[string, unknown]> {
    let current: Array<[string, unknown]> = [["", inputs]];
    for (const part of path.split(".")) {
        const list = part.endsWith("[]");
        const key = list ? part.slice(0, -2) : part;
        const next: Array<[string, unknown]> = [];
        for (const [at, v] of current) {
            if (v === null || typeof v !== "object") continue;
            const child = (v as Record<string, unknown>)[key];
            const here = at === "" ? key : `${at}.${key}`;
            if (list) {
                if (Array.isArray(child)) child.forEach((c, i) => next.push([`${here}[${i}]`, c]));
            } else if (child !== undefined) {
                next.push([here, child]);
            }
        }
        current = next;
    }
    return current;
}

function applies(rule: ApiRule, type: string): boolean {
    return rule.types.includes(type) || (rule.types.includes("aws:*") && type.startsWith("aws:"));
}

/** The AWS service (endpoint prefix) of a resource type; undefined for other providers. */
export function serviceOf(type: string): string | undefined {
    const m = /^aws:([a-zA-Z0-9]+)\//.exec(type);
    if (!m) return undefined;
    return SERVICE_OF_TYPE[type] ?? SERVICE_OF_MODULE[m[1]];
}

/** Checks every input rule and the region of every AWS resource. */
export function checkApiConstraints(
    resources: readonly ApiResource[],
    rules: readonly ApiRule[] = API_RULES,
): ApiViolation[] {
    const violations: ApiViolation[] = [];
    const providerRegion = new Map<string, string>();
    for (const r of resources) {
        if (r.type === "pulumi:providers:aws" && typeof r.inputs.region === "string") {
            providerRegion.set(r.urn, r.inputs.region);
        }
    }
    for (const r of resources) {
        for (const rule of rules) {
            if (!applies(rule, r.type)) continue;
            let found = valuesAt(r.inputs, rule.input);
            if (found.length === 0 && rule.autoName && !r.inputs.namePrefix && !r.inputs.bucketPrefix) {
                found = [[`${rule.input} (generated)`, `${r.name}${AUTO_NAME_SUFFIX}`]];
            }
            for (const [input, value] of found) {
                const why = rule.check(value);
                if (why !== undefined) {
                    violations.push({ urn: r.urn, type: r.type, input, value, rule: why, doc: rule.doc });
                }
            }
        }
        violations.push(...regionViolations(r, providerRegion));
    }
    return violations;
}

function regionViolations(r: ApiResource, providerRegion: Map<string, string>): ApiViolation[] {
    if (!r.type.startsWith("aws:")) return [];
    const service = serviceOf(r.type);
    const doc = `${ENDPOINT_MODEL_SOURCE}; tools/api-rules.ts SERVICE_OF_MODULE`;
    if (service === undefined || SERVICE_REGIONS[service] === undefined) {
        return [
            {
                urn: r.urn,
                type: r.type,
                input: "(type)",
                value: r.type,
                rule: "no region data for this AWS service: add it to tools/api-rules.ts and tools/generate-service-regions.ts",
                doc,
            },
        ];
    }
    // The provider reference is its URN (plan resources) or `<urn>::<id>` (recorded registrations).
    const provider = r.provider ?? "";
    const region =
        typeof r.inputs.region === "string"
            ? r.inputs.region
            : (providerRegion.get(provider) ?? providerRegion.get(provider.replace(/::[^:]*$/, "")));
    const offered = SERVICE_REGIONS[service];
    if (region === undefined || offered === "global" || offered.includes(region)) return [];
    return [
        {
            urn: r.urn,
            type: r.type,
            input: "region",
            value: region,
            rule: `${service} is not offered in ${region}`,
            doc,
        },
    ];
}

/** One line per violation, for the plan's report and test messages. */
export function formatApiViolation(v: ApiViolation): string {
    return `${v.urn}: ${v.input} = ${JSON.stringify(v.value)}: ${v.rule} [${v.doc}]`;
}
