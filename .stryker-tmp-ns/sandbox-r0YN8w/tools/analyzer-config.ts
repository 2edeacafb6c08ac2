// @ts-nocheck
// Policy pack configuration, reconciled the way the Pulumi CLI does it for
// `pulumi preview --policy-pack DIR --policy-pack-config FILE`: every policy
// starts with its own enforcement level and the `default` of each property of
// its config schema; the file's `"all"` entry sets the level of every policy;
// a policy's own entry sets its level and properties; the result is validated
// against the policy's schema before it is sent to the pack with Configure.

import * as fs from "fs";

export const ENFORCEMENT_LEVELS = ["advisory", "mandatory", "remediate", "disabled"] as const;
export type EnforcementLevel = (typeof ENFORCEMENT_LEVELS)[number];

/** A JSON schema as the pack declares it (`configSchema.properties.<name>`). */
export type JsonSchema = Record<string, unknown>;

export interface PolicyConfigSchema {
    properties: Record<string, JsonSchema>;
    required: string[];
}

/** What the reconciliation needs to know about a policy (from GetAnalyzerInfo). */
export interface PolicySummary {
    name: string;
    enforcementLevel: EnforcementLevel;
    configSchema?: PolicyConfigSchema;
}

export interface PolicyConfig {
    enforcementLevel: EnforcementLevel;
    properties: Record<string, unknown>;
}

/**
 * The `--policy-pack-config` file format: per policy either an enforcement
 * level, or an object with an optional `enforcementLevel` and the policy's
 * properties; `"all"` takes an enforcement level for every policy.
 */
export type PolicyConfigFile = Record<
    string,
    EnforcementLevel | ({ enforcementLevel?: EnforcementLevel } & Record<string, unknown>)
>;

/** Invalid policy pack configuration; the message lists every problem. */
export class PolicyConfigError extends Error {
    constructor(readonly problems: string[]) {
        super(`invalid policy pack configuration: ${problems.join("; ")}`);
        this.name = "PolicyConfigError";
    }
}

export function readPolicyConfigFile(file: string): PolicyConfigFile {
    let text: string;
    try {
        text = fs.readFileSync(file, "utf8");
    } catch (e) {
        throw new PolicyConfigError([`cannot read ${file}: ${(e as Error).message}`]);
    }
    let parsed: unknown;
    try {
        parsed = JSON.parse(text);
    } catch (e) {
        throw new PolicyConfigError([`${file} is not valid JSON: ${(e as Error).message}`]);
    }
    if (typeof parsed !== "object" || parsed === null || Array.isArray(parsed)) {
        throw new PolicyConfigError([`${file} must hold a JSON object keyed by policy name`]);
    }
    return parsed as PolicyConfigFile;
}

function isLevel(v: unknown): v is EnforcementLevel {
    return typeof v === "string" && (ENFORCEMENT_LEVELS as readonly string[]).includes(v);
}

/**
 * Schema defaults, then for each layer (the pack's initial config, then the
 * user's file) its `all` level and each policy's entry; validated at the end.
 * Throws PolicyConfigError listing every problem.
 */
export function reconcilePolicyConfig(
    policies: PolicySummary[],
    layers: PolicyConfigFile[] = [],
): Record<string, PolicyConfig> {
    const problems: string[] = [];
    const result: Record<string, PolicyConfig> = {};
    for (const p of policies) {
        const properties: Record<string, unknown> = {};
        for (const [k, schema] of Object.entries(p.configSchema?.properties ?? {})) {
            if ("default" in schema) {
                properties[k] = structuredClone(schema.default);
            }
        }
        result[p.name] = { enforcementLevel: p.enforcementLevel, properties };
    }

    for (const layer of layers) {
        applyLayer(policies, result, layer, problems);
    }

    // As in the CLI, properties a schema does not declare are passed through.
    for (const p of policies) {
        const schema = p.configSchema ?? { properties: {}, required: [] };
        problems.push(
            ...validate(
                result[p.name].properties,
                { type: "object", properties: schema.properties, required: schema.required },
                p.name,
            ),
        );
    }
    if (problems.length > 0) {
        throw new PolicyConfigError(problems);
    }
    return result;
}

function applyLayer(
    policies: PolicySummary[],
    result: Record<string, PolicyConfig>,
    file: PolicyConfigFile,
    problems: string[],
): void {
    const levels = ENFORCEMENT_LEVELS.join(", ");
    const all = file.all;
    if (all !== undefined) {
        const level = typeof all === "object" && all !== null ? all.enforcementLevel : all;
        if (!isLevel(level)) {
            problems.push(`"all": enforcement level ${JSON.stringify(level)} is not one of ${levels}`);
        } else {
            for (const c of Object.values(result)) {
                c.enforcementLevel = level;
            }
        }
    }
    for (const [name, entry] of Object.entries(file)) {
        if (name === "all") {
            continue;
        }
        const target = result[name];
        if (!target) {
            problems.push(`unknown policy "${name}" (the pack has: ${policies.map((p) => p.name).join(", ")})`);
            continue;
        }
        if (typeof entry === "string") {
            if (isLevel(entry)) {
                target.enforcementLevel = entry;
            } else {
                problems.push(`${name}: enforcement level ${JSON.stringify(entry)} is not one of ${levels}`);
            }
            continue;
        }
        if (typeof entry !== "object" || entry === null || Array.isArray(entry)) {
            problems.push(`${name}: must be an enforcement level or an object of properties`);
            continue;
        }
        for (const [k, v] of Object.entries(entry)) {
            if (k === "enforcementLevel") {
                if (isLevel(v)) {
                    target.enforcementLevel = v;
                } else {
                    problems.push(`${name}: enforcementLevel ${JSON.stringify(v)} is not one of ${levels}`);
                }
            } else {
                target.properties[k] = v;
            }
        }
    }
}

function typeOf(v: unknown): string {
    if (v === null) {
        return "null";
    }
    if (Array.isArray(v)) {
        return "array";
    }
    if (typeof v === "number") {
        return Number.isInteger(v) ? "integer" : "number";
    }
    return typeof v;
}

function matchesType(v: unknown, type: string): boolean {
    const t = typeOf(v);
    return t === type || (type === "number" && t === "integer");
}

/**
 * Validates a value against the JSON-schema keywords a policy config schema
 * uses: type, enum, const, minimum/maximum (and exclusive), minLength,
 * maxLength, pattern, items, minItems, maxItems, uniqueItems, properties,
 * required, additionalProperties. Returns problems as "path: what is wrong".
 */
export function validate(value: unknown, schema: JsonSchema, path: string): string[] {
    const out: string[] = [];
    const show = JSON.stringify(value);
    const types =
        schema.type === undefined
            ? []
            : Array.isArray(schema.type)
              ? (schema.type as string[])
              : [schema.type as string];
    if (types.length > 0 && !types.some((t) => matchesType(value, t))) {
        return [`${path}: ${show} is not of type ${types.join(" or ")}`];
    }
    if (Array.isArray(schema.enum) && !schema.enum.some((e) => JSON.stringify(e) === show)) {
        out.push(`${path}: ${show} is not one of ${schema.enum.map((e) => JSON.stringify(e)).join(", ")}`);
    }
    if ("const" in schema && JSON.stringify(schema.const) !== show) {
        out.push(`${path}: must be ${JSON.stringify(schema.const)}`);
    }
    if (typeof value === "number") {
        if (typeof schema.minimum === "number" && value < schema.minimum) {
            out.push(`${path}: ${value} is less than the minimum ${schema.minimum}`);
        }
        if (typeof schema.maximum === "number" && value > schema.maximum) {
            out.push(`${path}: ${value} is greater than the maximum ${schema.maximum}`);
        }
        if (typeof schema.exclusiveMinimum === "number" && value <= schema.exclusiveMinimum) {
            out.push(`${path}: ${value} must be greater than ${schema.exclusiveMinimum}`);
        }
        if (typeof schema.exclusiveMaximum === "number" && value >= schema.exclusiveMaximum) {
            out.push(`${path}: ${value} must be less than ${schema.exclusiveMaximum}`);
        }
    }
    if (typeof value === "string") {
        if (typeof schema.minLength === "number" && value.length < schema.minLength) {
            out.push(`${path}: shorter than ${schema.minLength} characters`);
        }
        if (typeof schema.maxLength === "number" && value.length > schema.maxLength) {
            out.push(`${path}: longer than ${schema.maxLength} characters`);
        }
        if (typeof schema.pattern === "string" && !new RegExp(schema.pattern, "u").test(value)) {
            out.push(`${path}: ${show} does not match ${schema.pattern}`);
        }
    }
    if (Array.isArray(value)) {
        if (typeof schema.minItems === "number" && value.length < schema.minItems) {
            out.push(`${path}: fewer than ${schema.minItems} items`);
        }
        if (typeof schema.maxItems === "number" && value.length > schema.maxItems) {
            out.push(`${path}: more than ${schema.maxItems} items`);
        }
        if (schema.uniqueItems === true && new Set(value.map((v) => JSON.stringify(v))).size !== value.length) {
            out.push(`${path}: items must be unique`);
        }
        if (typeof schema.items === "object" && schema.items !== null) {
            value.forEach((v, i) => out.push(...validate(v, schema.items as JsonSchema, `${path}[${i}]`)));
        }
    }
    if (typeOf(value) === "object") {
        const obj = value as Record<string, unknown>;
        const properties = (schema.properties ?? {}) as Record<string, JsonSchema>;
        for (const r of (schema.required ?? []) as string[]) {
            if (!(r in obj)) {
                out.push(`${path}: "${r}" is required`);
            }
        }
        for (const [k, v] of Object.entries(obj)) {
            if (properties[k]) {
                out.push(...validate(v, properties[k], `${path}.${k}`));
            } else if (schema.additionalProperties === false) {
                out.push(`${path}: unknown property "${k}"`);
            } else if (typeof schema.additionalProperties === "object" && schema.additionalProperties !== null) {
                out.push(...validate(v, schema.additionalProperties as JsonSchema, `${path}.${k}`));
            }
        }
    }
    return out;
}
