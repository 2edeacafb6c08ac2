// The stack configuration as the Pulumi CLI builds it before a program runs.
//
// Follows the Pulumi CLI source at v3.260.0 (github.com/pulumi/pulumi, commit
// 1b5949891b3c):
// - pkg/workspace/config.go: mergeConfig, ValidateStackConfigAndApplyProjectConfig
//   (the checks and their error wording), ApplyProjectConfig (the same merge,
//   no checks: `--skip-config-validation`), createConfigValue;
// - sdk/go/common/workspace/project.go: ProjectConfigType, RewriteShorthandConfigValues,
//   Project.Validate, ValidateConfigValue, InferFullTypeName;
// - sdk/go/common/resource/config/value.go: a stack value is a string, a
//   `secure:` ciphertext or an object/array kept as JSON.
// Its cases are tests/cli-config.test.ts, rewritten from pkg/workspace/config_project_test.go
// and config_test.go.
//
// Offline there is no decrypter: a `secure:` value is known to be encrypted
// but its plaintext is not known, so its type is not checked (the CLI checks
// the decrypted value). Keys with a `.` path are taken literally.
//
// Also, as the CLI reports them at preview:
// - keys of a provider namespace the program uses (`aws:`, `cloudflare:`, ...)
//   that the provider does not declare, refused with the nearest known key,
//   in the words of the Terraform bridge's CheckConfig
//   (pulumi-terraform-bridge pkg/tfbridge/provider.go, test "levenshtein_correction");
//   the known keys are those of the installed SDK's `config/vars` module;
// - a stack or project file that is not valid YAML, as one line `file:line: what`.

import * as fs from "fs";
import * as path from "path";
import { LineCounter, parseDocument } from "yaml";

/** A configuration the CLI refuses; the message is one line, in the CLI's words. */
export class CliConfigError extends Error {
    constructor(message: string) {
        super(message);
        this.name = "CliConfigError";
    }
}

export interface ProjectConfigItemsType {
    type: string;
    items?: ProjectConfigItemsType;
}

/** One entry of Pulumi.yaml's `config:` block (project.go ProjectConfigType). */
export interface ProjectConfigType {
    type?: string;
    description?: string;
    items?: ProjectConfigItemsType;
    default?: unknown;
    value?: unknown;
    secret?: boolean;
}

export interface Project {
    name: string;
    config: Record<string, ProjectConfigType>;
}

/** A stack value as config.Value holds it: text (JSON when `object`), and whether it is a ciphertext. */
export interface StackValue {
    text: string;
    secure: boolean;
    object: boolean;
}

/** The stack's configuration by full key (`namespace:name`). */
export type StackConfig = Map<string, StackValue>;

/** Parses YAML text the way a strict loader does: a duplicate key, a tab, an unclosed quote is an error at a line. */
export function parseYaml(text: string, file: string): unknown {
    const key = `${file}\0${text}`;
    let parsed = parsedYaml.get(key);
    if (parsed === undefined) {
        parsed = { value: decodeYaml(text, file) };
        parsedYaml.set(key, parsed);
    }
    // Callers may change what they get (the merge rewrites the stack's map): each gets its own copy.
    return structuredClone(parsed.value);
}

/**
 * Decoded documents by file name and text. One plan reads Pulumi.yaml and the stack file
 * several times (the command line's check, the pack's stack description, the program's
 * configuration); decoding Pulumi.yaml's declarations costs tens of milliseconds each time.
 * A file whose text changed is decoded again; a document that does not decode is not kept.
 */
const parsedYaml = new Map<string, { value: unknown }>();

function decodeYaml(text: string, file: string): unknown {
    const lines = new LineCounter();
    const doc = parseDocument(text, { uniqueKeys: true, prettyErrors: false, lineCounter: lines, intAsBigInt: true });
    const error = doc.errors[0];
    if (error) {
        let { line } = lines.linePos(error.pos[0]);
        // An unclosed quote is found at the end of the input: name the line that opens it.
        const quote = /^Missing closing (["'])quote/.exec(error.message)?.[1];
        if (quote) {
            const textLines = text.split("\n");
            for (let i = Math.min(line, textLines.length) - 1; i >= 0; i--) {
                if ((textLines[i].split(quote).length - 1) % 2 === 1) {
                    line = i + 1;
                    break;
                }
            }
        }
        throw new CliConfigError(`${path.basename(file)}:${line}: ${error.message.split("\n")[0]}`);
    }
    // Integers stay exact (a uint64 too, as Go's yaml decoder keeps it), floats are floats.
    return doc.toJS({ mapAsMap: false, maxAliasCount: 100 }) as unknown;
}

function readYamlFile(file: string): unknown {
    return parseYaml(fs.readFileSync(file, "utf8"), file);
}

/** JSON text of a decoded value; a bigint integer keeps all its digits. */
export function toJson(v: unknown): string {
    if (typeof v === "bigint") {
        return v.toString();
    }
    if (Array.isArray(v)) {
        return `[${v.map(toJson).join(",")}]`;
    }
    if (typeof v === "object" && v !== null) {
        return `{${Object.entries(v)
            .map(([k, x]) => `${JSON.stringify(k)}:${toJson(x)}`)
            .join(",")}}`;
    }
    return JSON.stringify(v ?? null);
}

const isInteger = (v: unknown) => typeof v === "bigint" || (typeof v === "number" && Number.isInteger(v));

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);

/** project.go isPrimitiveValue: string, int, bool (a float is not). */
const isPrimitive = (v: unknown) => typeof v === "string" || typeof v === "boolean" || isInteger(v);

function namespacedByProject(projectName: string, key: string): boolean {
    return !key.includes(":") || key.startsWith(`${projectName}:`);
}

/** Loads Pulumi.yaml's name and `config:` block as LoadProject does, then Project.Validate(). */
export function loadProject(file: string): Project {
    const raw = readYamlFile(file);
    if (!isObject(raw) || typeof raw.name !== "string" || raw.name === "") {
        throw new CliConfigError("project is missing a 'name' attribute");
    }
    const config: Record<string, ProjectConfigType> = {};
    for (const [key, value] of Object.entries(isObject(raw.config) ? raw.config : {})) {
        // RewriteShorthandConfigValues: `key: value` is a default for project keys, a value for others.
        if (isPrimitive(value) || Array.isArray(value)) {
            config[key] = namespacedByProject(raw.name, key) ? { default: value } : { value };
        } else {
            config[key] = (isObject(value) ? value : {}) as ProjectConfigType;
        }
    }
    const project = { name: raw.name, config };
    validateProject(project);
    return project;
}

/** project.go Project.Validate. */
export function validateProject(project: Project): void {
    for (const [key, t] of Object.entries(project.config)) {
        const hasDefault = t.default !== undefined && t.default !== null;
        const hasValue = t.value !== undefined && t.value !== null;
        if (hasDefault && hasValue) {
            throw new CliConfigError(`project config '${key}' cannot have both a 'default' and 'value' attribute`);
        }
        if (namespacedByProject(project.name, key)) {
            if (t.type === "array" && !t.items) {
                throw new CliConfigError(
                    `The configuration key '${key}' declares an array but does not specify the underlying type via the 'items' attribute`,
                );
            }
            if (t.type !== undefined && hasDefault && !validateConfigValue(t.type, t.items, t.default)) {
                throw new CliConfigError(
                    `The default value specified for configuration key '${key}' is not of the expected type '${fullTypeName(t.type, t.items)}'`,
                );
            }
        } else {
            if (t.type !== undefined) {
                throw new CliConfigError(
                    `Configuration key '${key}' is not namespaced by the project and should not define a type`,
                );
            }
            if (hasDefault) {
                throw new CliConfigError(
                    `Configuration key '${key}' is not namespaced by the project and should not define a default value. ` +
                        "Did you mean to use the 'value' attribute instead of 'default'?",
                );
            }
            if (!hasValue) {
                throw new CliConfigError(
                    `Configuration key '${key}' is namespaced and must provide an attribute 'value'`,
                );
            }
        }
    }
}

/** project.go InferFullTypeName. */
export function fullTypeName(type: string, items?: ProjectConfigItemsType): string {
    return items ? `array<${fullTypeName(items.type, items.items)}>` : type;
}

/** project.go ValidateConfigValue: `value` as decoded from YAML or JSON. */
export function validateConfigValue(type: string, items: ProjectConfigItemsType | undefined, value: unknown): boolean {
    switch (type) {
        case "string":
            return typeof value === "string";
        case "integer":
            // Whole numbers, and strings strconv.Atoi parses (an optional sign and decimal digits).
            return isInteger(value) || (typeof value === "string" && /^[+-]?\d+$/.test(value));
        case "boolean":
            return typeof value === "boolean" || value === "true" || value === "false";
        case "object":
            return isObject(value);
        default:
            return (
                Array.isArray(value) &&
                items !== undefined &&
                value.every((v) => validateConfigValue(items.type, items.items, v))
            );
    }
}

function hasSecure(v: unknown): boolean {
    if (Array.isArray(v)) {
        return v.some(hasSecure);
    }
    if (isObject(v)) {
        return (Object.keys(v).length === 1 && typeof v.secure === "string") || Object.values(v).some(hasSecure);
    }
    return false;
}

/** A YAML or JSON value as config.Value holds it. */
export function stackValue(v: unknown): StackValue {
    if (isObject(v) && Object.keys(v).length === 1 && typeof v.secure === "string") {
        return { text: v.secure, secure: true, object: false };
    }
    if (Array.isArray(v) || isObject(v)) {
        return { text: toJson(v), secure: hasSecure(v), object: true };
    }
    return { text: v === null || v === undefined ? "" : String(v), secure: false, object: false };
}

/** Full key: a key without namespace belongs to the project (LoadProjectStack). */
export function fullKey(projectName: string, key: string): string {
    return key.includes(":") ? key : `${projectName}:${key}`;
}

/** Reads Pulumi.<stack>.yaml's `config:` block. */
export function loadStackConfig(file: string, projectName: string): StackConfig {
    const raw = readYamlFile(file);
    const config = isObject(raw) && isObject(raw.config) ? raw.config : {};
    return new Map(Object.entries(config).map(([k, v]) => [fullKey(projectName, k), stackValue(v)]));
}

function quoteKeys(keys: string[]): string {
    const sorted = [...keys].sort();
    if (sorted.length === 1) {
        return `'${sorted[0]}'`;
    }
    return `${sorted
        .slice(0, -1)
        .map((k) => `'${k}'`)
        .join(", ")} and '${sorted[sorted.length - 1]}'`;
}

/** config.go createConfigValue: a default or value of Pulumi.yaml as a stack value. */
function createConfigValue(raw: unknown): StackValue {
    if (isPrimitive(raw)) {
        return { text: String(raw), secure: false, object: false };
    }
    return { text: toJson(raw), secure: false, object: true };
}

/**
 * config.go mergeConfig: applies the project's defaults and values to the
 * stack config (in place) and, when `validate`, refuses missing required
 * keys, clear-text secrets and values of the wrong type.
 */
export function mergeConfig(stackName: string, project: Project, stackConfig: StackConfig, validate: boolean): void {
    const keys = Object.keys(project.config).sort();
    const missing: string[] = [];
    for (const projectKey of keys) {
        const t = project.config[projectKey];
        const key = fullKey(project.name, projectKey);
        const hasDefault = t.default !== undefined && t.default !== null;
        const hasValue = t.value !== undefined && t.value !== null;
        const found = stackConfig.has(key);
        if (!found && !hasValue && !hasDefault && key.startsWith(`${project.name}:`)) {
            missing.push(projectKey);
            continue;
        }
        if (!found && (hasValue || hasDefault)) {
            stackConfig.set(key, createConfigValue(hasDefault ? t.default : t.value));
        }
    }
    if (!validate) {
        return;
    }
    if (missing.length > 0) {
        throw new CliConfigError(
            `Stack '${stackName}' is missing configuration ${missing.length > 1 ? "values" : "value"} ${quoteKeys(missing)}`,
        );
    }
    for (const projectKey of keys) {
        const t = project.config[projectKey];
        if (t.type !== undefined) {
            validateStackConfigValue(
                stackName,
                projectKey,
                t,
                stackConfig.get(fullKey(project.name, projectKey)) ?? stackValue(""),
            );
        }
    }
}

/** config.go validateStackConfigValue. */
export function validateStackConfigValue(
    stackName: string,
    projectKey: string,
    t: ProjectConfigType,
    value: StackValue,
): void {
    if (t.secret && !value.secure) {
        throw new CliConfigError(
            `Stack '${stackName}' with configuration key '${projectKey}' must be encrypted as it's secret`,
        );
    }
    if (value.secure && !value.object) {
        return; // the plaintext is not known offline
    }
    let content: unknown = value.text;
    if (value.object) {
        try {
            content = JSON.parse(value.text);
        } catch (e) {
            throw new CliConfigError((e as Error).message);
        }
    }
    if (t.type !== undefined && !validateConfigValue(t.type, t.items, content)) {
        throw new CliConfigError(
            `Stack '${stackName}' with configuration key '${projectKey}' must be of type '${fullTypeName(t.type, t.items)}'`,
        );
    }
}

function levenshtein(a: string, b: string): number {
    let prev = Array.from({ length: b.length + 1 }, (_, i) => i);
    for (let i = 1; i <= a.length; i++) {
        const cur = [i];
        for (let j = 1; j <= b.length; j++) {
            cur[j] = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
        }
        prev = cur;
    }
    return prev[b.length];
}

export interface ProviderPackage {
    /** Config namespace and provider name (`aws`). */
    name: string;
    version: string;
    /** The configuration keys the provider declares (without namespace). */
    keys: string[];
}

/**
 * The provider packages the program depends on (package.json `@pulumi/*`
 * with `pulumi.resource: true`) and their configuration keys: the
 * properties of the SDK's `config/vars` module (none when it has none).
 */
export function providerPackages(root: string): ProviderPackage[] {
    const pkg = JSON.parse(fs.readFileSync(path.join(root, "package.json"), "utf8")) as {
        dependencies?: Record<string, string>;
    };
    const out: ProviderPackage[] = [];
    for (const dep of Object.keys(pkg.dependencies ?? {})) {
        let manifest: { version: string; pulumi?: { resource?: boolean; name?: string } };
        try {
            manifest = JSON.parse(fs.readFileSync(require.resolve(`${dep}/package.json`, { paths: [root] }), "utf8"));
        } catch {
            continue;
        }
        if (!manifest.pulumi?.resource || !manifest.pulumi.name) {
            continue;
        }
        let keys: string[];
        try {
            // eslint-disable-next-line @typescript-eslint/no-require-imports
            keys = Object.keys(require(require.resolve(`${dep}/config/vars`, { paths: [root] })) as object);
        } catch {
            keys = [];
        }
        out.push({ name: manifest.pulumi.name, version: manifest.version, keys });
    }
    return out;
}

/** Refuses a key of a provider namespace that the provider does not declare, as the bridged provider's CheckConfig does. */
export function checkProviderKeys(stackConfig: StackConfig, providers: ProviderPackage[]): void {
    for (const key of [...stackConfig.keys()].sort()) {
        const [ns, name] = [key.slice(0, key.indexOf(":")), key.slice(key.indexOf(":") + 1)];
        const p = providers.find((x) => x.name === ns);
        if (!p || p.keys.includes(name)) {
            continue;
        }
        const nearest = [...p.keys].sort(
            (a, b) => levenshtein(name, a) - levenshtein(name, b) || a.localeCompare(b),
        )[0];
        const hint = nearest ? ` Did you mean \`${ns}:${nearest}\`?` : "";
        throw new CliConfigError(
            `pulumi:providers:${ns} resource 'default_${p.version.replace(/\./g, "_")}' has a problem: ` +
                `\`${key}\` is not a valid configuration key for the ${ns} provider.${hint} ` +
                `If the referenced key is not intended for the provider, please choose a different namespace from \`${ns}:\`.`,
        );
    }
}

/** The flat `namespace:key` → string map the CLI hands to programs and policy packs; a ciphertext as `{"secure": ...}`. */
export function toConfigMap(stackConfig: StackConfig): Record<string, string> {
    const out: Record<string, string> = {};
    for (const [k, v] of [...stackConfig].sort(([a], [b]) => a.localeCompare(b))) {
        out[k] = v.secure && !v.object ? JSON.stringify({ secure: v.text }) : v.text;
    }
    return out;
}
