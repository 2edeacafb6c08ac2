// Runs the pack's real policy objects the way the Pulumi CLI does: each
// resource is encoded as the engine encodes it (google.protobuf.Struct with
// unknowns as the engine's sentinel and secrets as signature envelopes) into
// a real AnalyzeRequest / AnalyzeStackRequest, and handed to the analyzer RPC
// handlers of @pulumi/policy's own server module (the functions its gRPC
// server registers). The SDK therefore deserializes the properties, wraps
// them in its unknown-checking proxy, builds isType/asType/notApplicable,
// links dependencies, and turns thrown errors into diagnostics, exactly as in
// `pulumi preview --policy-pack`.
//
// The one thing not reachable without a gRPC server is the Configure call;
// the harness reproduces what the CLI sends through it (the schema's
// defaults with the given values on top, ReconcilePolicyPackConfig) and hands
// it to the policy's getConfig. `config: "bare"` skips that and leaves the
// SDK's own getConfig (which returns {} without a Configure call).

import * as aws from "@pulumi/aws";
import * as cloudflare from "@pulumi/cloudflare";
import * as analyzerpb from "@pulumi/pulumi/proto/analyzer_pb";
import * as rpc from "@pulumi/pulumi/runtime/rpc";
import {
    Policy,
    ResourceValidation,
    ResourceValidationPolicy,
    StackValidation,
    StackValidationPolicy,
} from "@pulumi/policy";
import { Struct } from "google-protobuf/google/protobuf/struct_pb";
import { PolicyConfigError, PolicySummary, reconcilePolicyConfig } from "../../tools/analyzer-config";

/** How the engine marshals every value it cannot know during preview (plugin.MarshalProperties, KeepUnknowns). */
export const UNKNOWN = rpc.unknownValue;

/** A secret as the engine sends it (KeepSecrets): the SDK unwraps it before policies see it. */
export function secret<T>(value: T): Record<string, unknown> {
    return { [rpc.specialSigKey]: rpc.specialSecretSig, value };
}

export const STACK = "production";
export const PROJECT = "hms";
export const REGION = "sa-east-1";
export const DR_REGION = "us-east-1";
export const ACCOUNT = "123456789012";

export interface FakeProvider {
    type: string;
    name: string;
    urn: string;
    props: Record<string, unknown>;
}

/** A resource as the engine describes it to an analyzer. */
export interface FakeResource {
    type: string;
    name: string;
    urn: string;
    props: Record<string, unknown>;
    protect?: boolean;
    parent?: string;
    dependencies?: string[];
    propertyDependencies?: Record<string, string[]>;
    provider?: FakeProvider;
}

/** The default aws provider of a stack: its inputs come from `aws:*` config (defaultTags as a JSON string). */
export function awsProvider(
    region = REGION,
    tags: Record<string, string> = { Project: "hms", Environment: STACK, DataClassification: "phi-restricted" },
): FakeProvider {
    const name = region === REGION ? "default_7_48_0" : `dr-${region}`;
    return {
        type: "pulumi:providers:aws",
        name,
        urn: `urn:pulumi:${STACK}::${PROJECT}::pulumi:providers:aws::${name}`,
        props: { region, defaultTags: JSON.stringify({ tags }), skipCredentialsValidation: "false", version: "7.48.0" },
    };
}

export function cloudflareProvider(): FakeProvider {
    return {
        type: "pulumi:providers:cloudflare",
        name: "default_6_22_1",
        urn: `urn:pulumi:${STACK}::${PROJECT}::pulumi:providers:cloudflare::default_6_22_1`,
        props: { version: "6.22.1" },
    };
}

/** The type token of a provider SDK resource class (the SDK keeps it in a static `__pulumiType`). */
export function typeOf(cls: unknown): string {
    const t = (cls as { __pulumiType?: unknown }).__pulumiType;
    if (typeof t !== "string") {
        throw new Error("not a Pulumi resource class");
    }
    return t;
}

export interface ResourceOptions {
    protect?: boolean;
    parent?: string;
    dependencies?: string[];
    propertyDependencies?: Record<string, string[]>;
    provider?: FakeProvider | null;
}

/**
 * A resource of class `cls` (e.g. aws.s3.Bucket) named `name` with `props`
 * (the inputs for a resource validation, the outputs for a stack validation).
 * AWS resources get the stack's default aws provider unless told otherwise.
 */
export function resource(
    cls: unknown,
    name: string,
    props: Record<string, unknown>,
    opts: ResourceOptions = {},
): FakeResource {
    const type = typeOf(cls);
    const defaultProvider = type.startsWith("aws:")
        ? awsProvider()
        : type.startsWith("cloudflare:")
          ? cloudflareProvider()
          : undefined;
    return {
        type,
        name,
        urn: `urn:pulumi:${STACK}::${PROJECT}::${type}::${name}`,
        props,
        protect: opts.protect,
        parent: opts.parent,
        dependencies: opts.dependencies ?? Object.values(opts.propertyDependencies ?? {}).flat(),
        propertyDependencies: opts.propertyDependencies,
        provider: opts.provider === null ? undefined : (opts.provider ?? defaultProvider),
    };
}

/** `{ prop: [urn of each target] }`, for `propertyDependencies`. */
export function deps(map: Record<string, FakeResource | FakeResource[]>): Record<string, string[]> {
    return Object.fromEntries(Object.entries(map).map(([k, v]) => [k, (Array.isArray(v) ? v : [v]).map((r) => r.urn)]));
}

export interface Violation {
    policy: string;
    /** What the policy reported (without the policy description the SDK puts in front). */
    message: string;
    urn: string;
    level: "advisory" | "mandatory" | "remediate" | "disabled";
}

export interface Outcome {
    violations: Violation[];
    /** Policies the SDK reported as not applicable, with the reason. */
    notApplicable: Array<{ policy: string; reason: string }>;
    /** "can't run during preview" notes: a policy read an unknown value through the SDK's proxy. */
    previewNotes: string[];
}

/** Configuration per policy name, or "bare" for no Configure call at all. */
export type PackConfig = Record<string, Record<string, unknown>> | "bare";

// @pulumi/policy's server module: its .d.ts declares nothing, these are the
// handlers its gRPC server registers for the Analyze / AnalyzeStack RPCs.
type RpcHandler = (
    call: { request: analyzerpb.AnalyzeRequest | analyzerpb.AnalyzeStackRequest },
    callback: (err: Error | null | undefined, response?: analyzerpb.AnalyzeResponse) => void,
) => Promise<void>;
interface PolicyServerModule {
    makeAnalyzeRpcFun(pack: string, version: string, level: string, policies: Policy[]): RpcHandler;
    makeAnalyzeStackRpcFun(pack: string, version: string, level: string, policies: Policy[]): RpcHandler;
}
// eslint-disable-next-line @typescript-eslint/no-require-imports
const server = require("@pulumi/policy/server") as PolicyServerModule;

const PACK = "hms-policies";
const VERSION = "0.1.0";

/** The config the CLI sends for `policy`: schema defaults, then the given values (ReconcilePolicyPackConfig). */
export function reconciledConfig(policy: Policy, given: Record<string, unknown> = {}): Record<string, unknown> {
    const out: Record<string, unknown> = {};
    for (const [key, schema] of Object.entries(policy.configSchema?.properties ?? {})) {
        if (typeof schema === "object" && schema.default !== undefined) {
            out[key] = schema.default;
        }
    }
    return { ...out, ...given };
}

/**
 * The problems the CLI reports for `values` as `policy`'s config (the pack's schema checked as in
 * ReconcilePolicyPackConfig, tools/analyzer-config.ts); [] when the config is accepted.
 */
export function configProblems(policy: Policy, values: Record<string, unknown>): string[] {
    const summary = {
        name: policy.name,
        enforcementLevel: policy.enforcementLevel ?? "advisory",
        configSchema: policy.configSchema as PolicySummary["configSchema"],
    };
    try {
        reconcilePolicyConfig([summary], [{ [policy.name]: values }]);
        return [];
    } catch (e) {
        if (e instanceof PolicyConfigError) {
            return e.problems;
        }
        throw e;
    }
}

function withConfig<P extends Policy>(policy: P, config: PackConfig): P {
    if (config === "bare") {
        return policy;
    }
    const values = reconciledConfig(policy, config[policy.name]);
    const getConfig = <T extends object>() => ({ ...values }) as T;
    const keepType = <F extends object>(from: F, to: F): F => {
        const t = (from as { __pulumiType?: string }).__pulumiType;
        if (t) {
            (to as { __pulumiType?: string }).__pulumiType = t;
        }
        return to;
    };
    const r = policy as Policy & Partial<ResourceValidationPolicy> & Partial<StackValidationPolicy>;
    const copy = { ...r };
    if (r.validateResource) {
        const wrap = (v: ResourceValidation): ResourceValidation =>
            keepType(v, (args, report) => v({ ...args, getConfig }, report));
        copy.validateResource = Array.isArray(r.validateResource)
            ? r.validateResource.map(wrap)
            : wrap(r.validateResource);
    }
    if (r.validateStack) {
        const v = r.validateStack;
        copy.validateStack = keepType(v, ((args, report) => v({ ...args, getConfig }, report)) as StackValidation);
    }
    return copy as P;
}

/** Drops `undefined` members, which the engine never sends (a Struct cannot hold them). */
function clean(v: unknown): unknown {
    if (Array.isArray(v)) {
        return v.map(clean);
    }
    if (typeof v === "object" && v !== null) {
        return Object.fromEntries(
            Object.entries(v)
                .filter(([, x]) => x !== undefined)
                .map(([k, x]) => [k, clean(x)]),
        );
    }
    return v;
}

function struct(props: Record<string, unknown>): Struct {
    return Struct.fromJavaScript(clean(props) as Record<string, never>);
}

function options(r: FakeResource): analyzerpb.AnalyzerResourceOptions {
    const o = new analyzerpb.AnalyzerResourceOptions();
    o.setProtect(r.protect === true);
    o.setIgnorechangesList([]);
    o.setAliasesList([]);
    o.setAdditionalsecretoutputsList([]);
    const timeouts = new analyzerpb.AnalyzerResourceOptions.CustomTimeouts();
    o.setCustomtimeouts(timeouts);
    if (r.parent) {
        o.setParent(r.parent);
    }
    return o;
}

function provider(p: FakeProvider | undefined): analyzerpb.AnalyzerProviderResource | undefined {
    if (!p) {
        return undefined;
    }
    const out = new analyzerpb.AnalyzerProviderResource();
    out.setType(p.type);
    out.setName(p.name);
    out.setUrn(p.urn);
    out.setProperties(struct(p.props));
    return out;
}

const LEVELS: Record<number, Violation["level"]> = {
    [analyzerpb.EnforcementLevel.ADVISORY]: "advisory",
    [analyzerpb.EnforcementLevel.MANDATORY]: "mandatory",
    [analyzerpb.EnforcementLevel.REMEDIATE]: "remediate",
    [analyzerpb.EnforcementLevel.DISABLED]: "disabled",
};

function call(
    handler: RpcHandler,
    request: analyzerpb.AnalyzeRequest | analyzerpb.AnalyzeStackRequest,
    policies: Policy[],
    urn: string,
): Promise<Outcome> {
    return new Promise((resolve, reject) => {
        void handler({ request }, (err, response) => {
            if (err || !response) {
                reject(err ?? new Error("no response"));
                return;
            }
            const outcome: Outcome = { violations: [], notApplicable: [], previewNotes: [] };
            for (const d of response.getDiagnosticsList()) {
                const policy = policies.find((p) => p.name === d.getPolicyname());
                const full = d.getMessage();
                if (full.startsWith("can't run ")) {
                    outcome.previewNotes.push(full);
                    continue;
                }
                const prefix = policy ? `${policy.description}\n` : "";
                outcome.violations.push({
                    policy: d.getPolicyname(),
                    message: full.startsWith(prefix) ? full.slice(prefix.length) : full,
                    urn: d.getUrn() || urn,
                    level: LEVELS[d.getEnforcementlevel()],
                });
            }
            for (const n of response.getNotApplicableList()) {
                outcome.notApplicable.push({ policy: n.getPolicyName(), reason: n.getReason() });
            }
            resolve(outcome);
        });
    });
}

function asList(policies: Policy | Policy[]): Policy[] {
    return Array.isArray(policies) ? policies : [policies];
}

/** Runs resource policies on one resource, as the engine's Analyze call does for its inputs. */
export function analyzeResource(
    policies: Policy | Policy[],
    r: FakeResource,
    config: PackConfig = {},
): Promise<Outcome> {
    const list = asList(policies).map((p) => withConfig(p, config));
    const request = new analyzerpb.AnalyzeRequest();
    request.setType(r.type);
    request.setName(r.name);
    request.setUrn(r.urn);
    request.setProperties(struct(r.props));
    request.setOptions(options(r));
    const p = provider(r.provider);
    if (p) {
        request.setProvider(p);
    }
    return call(server.makeAnalyzeRpcFun(PACK, VERSION, "advisory", list), request, list, r.urn);
}

/** Runs stack policies on a set of resources, as the engine's AnalyzeStack call does at the end of a preview or update. */
export function analyzeStack(
    policies: Policy | Policy[],
    resources: FakeResource[],
    config: PackConfig = {},
): Promise<Outcome> {
    const list = asList(policies).map((p) => withConfig(p, config));
    const request = new analyzerpb.AnalyzeStackRequest();
    request.setResourcesList(
        resources.map((r) => {
            const out = new analyzerpb.AnalyzerResource();
            out.setType(r.type);
            out.setName(r.name);
            out.setUrn(r.urn);
            out.setProperties(struct(r.props));
            out.setOptions(options(r));
            const p = provider(r.provider);
            if (p) {
                out.setProvider(p);
            }
            if (r.parent) {
                out.setParent(r.parent);
            }
            out.setDependenciesList(r.dependencies ?? []);
            for (const [key, urns] of Object.entries(r.propertyDependencies ?? {})) {
                const d = new analyzerpb.AnalyzerPropertyDependencies();
                d.setUrnsList(urns);
                out.getPropertydependenciesMap().set(key, d);
            }
            return out;
        }),
    );
    return call(server.makeAnalyzeStackRpcFun(PACK, VERSION, "advisory", list), request, list, "");
}

/** Messages of the violations of one policy. */
export function messages(outcome: Outcome, policy?: Policy): string[] {
    return outcome.violations.filter((v) => !policy || v.policy === policy.name).map((v) => v.message);
}

/**
 * The Cloudflare side of the real plan (the zone, the origin's proxied DNS
 * record, the managed WAF ruleset), for AWS policy tests: the engine hands
 * every policy the whole mixed stack, and no Cloudflare resource may count
 * as (or hide) an AWS one.
 */
export function cloudflareEdge(): FakeResource[] {
    const zone = resource(cloudflare.Zone, "zone", {
        account: { id: "0123abcd" },
        name: "hospital.example.com",
        type: "full",
        id: UNKNOWN,
    });
    const record = resource(
        cloudflare.DnsRecord,
        "origin",
        { zoneId: UNKNOWN, name: "hms.hospital.example.com", type: "CNAME", content: UNKNOWN, proxied: true, ttl: 1 },
        { propertyDependencies: deps({ zoneId: zone }) },
    );
    const waf = resource(
        cloudflare.Ruleset,
        "waf",
        {
            zoneId: UNKNOWN,
            kind: "zone",
            phase: "http_request_firewall_managed",
            name: "managed WAF",
            rules: [
                {
                    action: "execute",
                    expression: "true",
                    enabled: true,
                    actionParameters: { id: "efb7b8c949ac4650a09736fc376e9aee" },
                },
            ],
        },
        { propertyDependencies: deps({ zoneId: zone }) },
    );
    return [zone, record, waf];
}

/** The AWS side of the real plan in brief (network and load balancer), for Cloudflare policy tests. */
export function awsOrigin(): FakeResource[] {
    const vpc = resource(aws.ec2.Vpc, "vpc", { cidrBlock: "10.40.0.0/16", arn: UNKNOWN });
    const alb = resource(
        aws.lb.LoadBalancer,
        "alb",
        { loadBalancerType: "application", internal: false, dnsName: UNKNOWN, arn: UNKNOWN },
        { dependencies: [vpc.urn] },
    );
    return [vpc, alb];
}
