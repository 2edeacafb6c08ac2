// A stack's configuration as the Pulumi CLI hands it to the program and the
// policy pack: Pulumi.<stack>.yaml merged with Pulumi.yaml's defaults
// (tools/cli-config.ts). Apart from tools/stack.ts, which runs the program,
// so that the plan's command line checks the configuration (and says so)
// before the program and its SDKs load.

import * as fs from "fs";
import * as path from "path";
import {
    checkProviderKeys,
    fullKey,
    loadProject,
    loadStackConfig,
    mergeConfig,
    parseYaml,
    providerPackages,
    stackValue,
    toConfigMap,
} from "./cli-config";
import type { StackInfo } from "./analyzer";

export const ROOT = path.resolve(__dirname, "..");
export const PROJECT = "hms";

export type ConfigMap = Record<string, string>;

/** Reads Pulumi.<stack>.yaml's own values into the flat `namespace:key` → string map (no project defaults). */
export function readStackConfig(stack: string): ConfigMap {
    return toConfigMap(loadStackConfig(stackFile(stack), PROJECT));
}

function stackFile(stack: string): string {
    const file = path.join(ROOT, `Pulumi.${stack}.yaml`);
    if (!fs.existsSync(file)) {
        throw new Error(`no stack file ${file}; stacks: ${listStacks().join(", ")}`);
    }
    return file;
}

/**
 * The configuration the CLI hands to the program and the policy pack for
 * `stack` with `overrides` applied (as `--config`): the stack file merged with
 * Pulumi.yaml's defaults and values. With `validate`, refuses what `pulumi
 * preview` refuses before the program runs (tools/cli-config.ts): a missing
 * required key, a value of the wrong type, a secret in clear text, a key a
 * provider does not know; without, it is `--skip-config-validation`.
 * Throws a CliConfigError (one line) for either, and for a file that is not YAML.
 */
export function cliStackConfig(stack: string, overrides: Overrides = {}, validate = true): ConfigMap {
    const project = loadProject(path.join(ROOT, "Pulumi.yaml"));
    const config = loadStackConfig(stackFile(stack), project.name);
    for (const [k, v] of Object.entries(overrides)) {
        const key = fullKey(project.name, k);
        if (v === undefined) {
            config.delete(key);
        } else {
            config.set(key, stackValue(v));
        }
    }
    mergeConfig(stack, project, config, validate);
    if (validate) {
        checkProviderKeys(config, providerPackages(ROOT));
    }
    return toConfigMap(config);
}

export function listStacks(): string[] {
    return fs
        .readdirSync(ROOT)
        .map((f) => /^Pulumi\.([\w-]+)\.yaml$/.exec(f)?.[1])
        .filter((s): s is string => s !== undefined)
        .sort();
}

/** Overrides: a value replaces the key (non-strings are JSON-encoded), `undefined` removes it. */
export type Overrides = Record<string, unknown>;

export function applyOverrides(config: ConfigMap, overrides: Overrides = {}): ConfigMap {
    const out = { ...config };
    for (const [k, v] of Object.entries(overrides)) {
        const key = k.includes(":") ? k : `${PROJECT}:${k}`;
        if (v === undefined) {
            delete out[key];
        } else {
            out[key] = typeof v === "string" ? v : JSON.stringify(v);
        }
    }
    return out;
}

/**
 * A `secure:` value of a stack file, as readStackConfig passes it on
 * (`{"secure":"<ciphertext>"}`). The plan cannot decrypt it (no secrets
 * provider offline); it keeps the ciphertext and treats it as a secret.
 */
export function isSecureConfigValue(v: string): boolean {
    try {
        const o = JSON.parse(v) as unknown;
        return typeof o === "object" && o !== null && !Array.isArray(o) && Object.keys(o).length === 1 && "secure" in o;
    } catch {
        return false;
    }
}

/** The stack as the CLI describes it to a policy pack (environment and ConfigureStack). */
export function stackInfo(stack: string, overrides: Overrides = {}): StackInfo {
    // Refused here, before anything runs, when `pulumi preview` would refuse it.
    const config: ConfigMap = cliStackConfig(stack, overrides);
    const project = (parseYaml(fs.readFileSync(path.join(ROOT, "Pulumi.yaml"), "utf8"), "Pulumi.yaml") ?? {}) as {
        name?: string;
        description?: string;
    };
    return {
        project: project.name ?? PROJECT,
        stack,
        organization: "",
        dryRun: true,
        config,
        secretKeys: Object.keys(config).filter((k) => isSecureConfigValue(config[k])),
        tags: {
            "pulumi:project": project.name ?? PROJECT,
            "pulumi:runtime": "nodejs",
            ...(project.description ? { "pulumi:description": project.description } : {}),
        },
    };
}
