// @ts-nocheck
// 
// The resource graph of one offline plan, as the engine would hold it after a
// preview: the program's registrations (recorded by the mocks) plus what the
// engine adds itself, the root stack resource (parent of the program's
// top-level resources) and a default provider per package (with the stack's
// `<package>:*` config as inputs) for every custom resource that names no
// explicit provider. Values are kept in engine form (plan-values.ts).

import { durationSeconds } from "./analyzer";
import { RecordedResource } from "./mocks";
import { PropertyMap, secret, secretValues } from "./plan-values";
import { ConfigMap, ROOT, StackRun } from "./stack";

export interface PlanResourceOptions {
    ignoreChanges: string[];
    additionalSecretOutputs: string[];
    aliases: string[];
    /** Seconds, 0 when unset. */
    customTimeouts: { create: number; update: number; delete: number };
    deleteBeforeReplace?: boolean;
}

export interface PlanResource {
    urn: string;
    type: string;
    name: string;
    /** The id the (mock) provider gave a custom resource; "" for components and engine resources. */
    id: string;
    parent: string | null;
    custom: boolean;
    protect: boolean;
    dependencies: string[];
    propertyDependencies: Record<string, string[]>;
    /** URN of the provider resource managing it (explicit or default); "" for components and providers. */
    provider: string;
    /** Inputs in engine form: secrets as envelopes, unknowns as the sentinel. Tests may weaken them. */
    inputs: PropertyMap;
    /**
     * What the provider adds to the inputs in its outputs (for a component:
     * its registered outputs). The policies' stack view of a resource is
     * these plus its (possibly weakened) inputs.
     */
    computed: PropertyMap;
    /** The options as the analyzer protocol carries them. */
    options: PlanResourceOptions;
    /** The resource options of the registration request, for the plan JSON (DESIGN.md, "Offline plan contract"). */
    registration: RegistrationOptions;
    /** "engine" for the root stack and default providers, which the engine creates itself. */
    origin: "program" | "engine";
}

/** Resource options as the program registered them. */
export interface RegistrationOptions {
    ignoreChanges: string[];
    /** false when the program did not set it. */
    deleteBeforeReplace: boolean;
    replaceOnChanges: string[];
    retainOnDelete: boolean;
    /** Go durations as registered ("10m"), only those set; null when none is. */
    customTimeouts: { create?: string; update?: string; delete?: string } | null;
    /** URNs. */
    aliases: string[];
}

const NO_REGISTRATION: RegistrationOptions = {
    ignoreChanges: [],
    deleteBeforeReplace: false,
    replaceOnChanges: [],
    retainOnDelete: false,
    customTimeouts: null,
    aliases: [],
};

function registration(r: RecordedResource): RegistrationOptions {
    const t = r.options.customTimeouts;
    const timeouts = Object.fromEntries(Object.entries(t).filter(([, v]) => v !== ""));
    return {
        ignoreChanges: [...r.options.ignoreChanges],
        deleteBeforeReplace: r.options.deleteBeforeReplace ?? false,
        replaceOnChanges: [...r.options.replaceOnChanges],
        retainOnDelete: r.retainOnDelete,
        customTimeouts: Object.keys(timeouts).length > 0 ? timeouts : null,
        aliases: [...r.options.aliases],
    };
}

export const ROOT_STACK_TYPE = "pulumi:pulumi:Stack";

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

export function rootStackUrn(project: string, stack: string): string {
    return `urn:pulumi:${stack}::${project}::${ROOT_STACK_TYPE}::${project}-${stack}`;
}

export function isProviderType(type: string): boolean {
    return type.startsWith("pulumi:providers:");
}

/** The version of an installed provider SDK (`@pulumi/<pkg>`), "" when unknown. */
function packageVersion(pkg: string): string {
    try {
        return (
            // eslint-disable-next-line @typescript-eslint/no-require-imports -- a package.json read where it resolves, as Node does
            (require(require.resolve(`@pulumi/${pkg}/package.json`, { paths: [ROOT] })) as { version?: string })
                .version ?? ""
        );
    } catch {
        return "";
    }
}

const NO_OPTIONS: PlanResourceOptions = {
    ignoreChanges: [],
    additionalSecretOutputs: [],
    aliases: [],
    customTimeouts: { create: 0, update: 0, delete: 0 },
};

function options(r: RecordedResource): PlanResourceOptions {
    const o = r.options;
    return {
        ignoreChanges: [...o.ignoreChanges],
        additionalSecretOutputs: [...o.additionalSecretOutputs],
        aliases: [...o.aliases],
        customTimeouts: {
            create: durationSeconds(o.customTimeouts.create),
            update: durationSeconds(o.customTimeouts.update),
            delete: durationSeconds(o.customTimeouts.delete),
        },
        deleteBeforeReplace: o.deleteBeforeReplace,
    };
}

/**
 * The root stack's outputs are the program's exports. runStack resolves them
 * to plain values, which loses their secretness, so a value the program holds
 * as a secret anywhere (a secret input or secret output of a resource) is made
 * secret again: the summary shows it as [secret] and the pack sees a secret.
 */
function stackOutputs(exports: Record<string, unknown>, secrets: Set<string>): PropertyMap {
    const mark = (v: unknown): unknown => {
        if (Array.isArray(v)) {
            return v.map(mark);
        }
        if (typeof v === "object" && v !== null) {
            return Object.fromEntries(
                Object.entries(v)
                    .filter(([, x]) => x !== undefined)
                    .map(([k, x]) => [k, mark(x)]),
            );
        }
        return typeof v === "string" && secrets.has(v) ? secret(v) : v;
    };
    return mark(exports) as PropertyMap;
}

/**
 * Builds the plan's resources from a stack run, in the order the engine sees
 * them: the root stack first, each default provider just before its first user.
 * Everything is copied: changing the result leaves the run as it was.
 */
export function buildResources(run: StackRun, project: string, config: ConfigMap): PlanResource[] {
    const root = rootStackUrn(project, run.stack);
    const rootStack: PlanResource = {
        urn: root,
        id: "",
        type: ROOT_STACK_TYPE,
        name: `${project}-${run.stack}`,
        parent: null,
        custom: false,
        protect: false,
        dependencies: [],
        propertyDependencies: {},
        provider: "",
        inputs: {},
        computed: {},
        options: structuredClone(NO_OPTIONS),
        registration: structuredClone(NO_REGISTRATION),
        origin: "engine",
    };
    const out: PlanResource[] = [rootStack];
    const defaults = new Map<string, string>();

    const defaultProvider = (pkg: string, version: string): string => {
        const key = `${pkg}@${version}`;
        const known = defaults.get(key);
        if (known) {
            return known;
        }
        const name = version === "" ? "default" : `default_${version.replace(/[.+-]/g, "_")}`;
        const urn = `urn:pulumi:${run.stack}::${project}::pulumi:providers:${pkg}::${name}`;
        const inputs: PropertyMap = {};
        for (const [k, v] of Object.entries(config)) {
            if (k.startsWith(`${pkg}:`)) {
                inputs[k.slice(pkg.length + 1)] = isSecureConfigValue(v) ? secret(v) : v;
            }
        }
        if (version !== "") {
            inputs.version = version;
        }
        out.push({
            urn,
            id: "",
            type: `pulumi:providers:${pkg}`,
            name,
            parent: null,
            custom: true,
            protect: false,
            dependencies: [],
            propertyDependencies: {},
            provider: "",
            inputs,
            computed: {},
            options: structuredClone(NO_OPTIONS),
            registration: structuredClone(NO_REGISTRATION),
            origin: "engine",
        });
        defaults.set(key, urn);
        return urn;
    };

    for (const r of run.resources) {
        let provider = "";
        if (r.custom && !isProviderType(r.type)) {
            if (r.provider !== "") {
                // A provider reference is "<provider urn>::<provider id>".
                provider = r.provider.slice(0, r.provider.lastIndexOf("::"));
            } else {
                const pkg = r.type.split(":")[0];
                provider = defaultProvider(pkg, r.options.version || packageVersion(pkg));
            }
        }
        const computed = r.custom
            ? Object.fromEntries(Object.entries(r.serializedOutputs).filter(([k]) => !(k in r.serializedInputs)))
            : r.serializedOutputs;
        out.push({
            urn: r.urn,
            id: r.custom ? r.id : "",
            type: r.type,
            name: r.name,
            parent: r.parent ?? root,
            custom: r.custom,
            protect: r.protect,
            dependencies: [...r.dependencies],
            propertyDependencies: structuredClone(r.propertyDependencies),
            provider,
            inputs: structuredClone(r.serializedInputs),
            computed: structuredClone(computed),
            options: options(r),
            registration: registration(r),
            origin: "program",
        });
    }
    const secrets = new Set(
        out
            .flatMap((r) => [...secretValues(r.inputs), ...secretValues(stackProperties(r))])
            .filter((v) => v.length >= 8),
    );
    rootStack.computed = stackOutputs(run.outputs, secrets);
    return out;
}

/**
 * The resource as AnalyzeStack sees it: the provider's outputs, which are the
 * inputs plus computed properties (a component: its registered outputs), with
 * the outputs named in `additionalSecretOutputs` made secret, as the engine does.
 */
export function stackProperties(r: PlanResource): PropertyMap {
    const props: PropertyMap = r.custom ? { ...r.computed, ...r.inputs } : { ...r.computed };
    for (const k of r.options.additionalSecretOutputs) {
        if (k in props) {
            props[k] = secret(props[k]);
        }
    }
    return props;
}
