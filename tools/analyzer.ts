// Runs a policy pack the way the Pulumi CLI does for `--policy-pack DIR` and
// speaks the analyzer gRPC protocol to it.
//
// The CLI's `pulumi-analyzer-policy` plugin is a shell script that resolves
// `@pulumi/pulumi/cmd/run-policy-pack` from the pack's directory and runs it
// with node, in the pack's directory, with the arguments
// `<engine-address> . [-<runtime option>=<value>...]` and an environment
// carrying the stack's config and names (PULUMI_CONFIG, PULUMI_NODEJS_STACK,
// ...). The runner registers ts-node (with type-checking) and requires the
// pack: `.` resolves to policies/package.json's `main`, the pack's built
// JavaScript (bin/index.js), which ts-node leaves alone, so nothing is
// type-checked at start (@pulumi/pulumi cmd/run-policy-pack/run.js). The pack's
// `new PolicyPack(...)` starts a gRPC server and the pack prints its port on the
// first line of stdout; later stdout/stderr lines are the pack's log output.
// The runner drops the engine address (the SDK logs to the engine only when
// PULUMI_NODEJS_ENGINE is set, which the CLI does not set for analyzers), and
// packs built with @pulumi/policy 1.x do not implement Handshake; this module
// still serves a minimal Engine service and sends Handshake with its address,
// as the CLI does, so packs that use either work too.
//
// Then, like the CLI: Handshake, GetAnalyzerInfo, GetPluginInfo, Configure
// (schema defaults merged with the pack's initial config and the user's
// config file), ConfigureStack, Analyze for every resource and AnalyzeStack.
// One started pack serves any number of analyses (`PolicyAnalyzer.start` once,
// `run` many times, `stop`).

import { ChildProcess, spawn } from "child_process";
import { createHash } from "crypto";
import * as fs from "fs";
import * as path from "path";
import * as grpc from "@grpc/grpc-js";
import * as analyzerpb from "@pulumi/pulumi/proto/analyzer_pb";
import { AnalyzerClient, AnalyzerService } from "@pulumi/pulumi/proto/analyzer_grpc_pb";
import * as enginepb from "@pulumi/pulumi/proto/engine_pb";
import { EngineService, IEngineServer } from "@pulumi/pulumi/proto/engine_grpc_pb";
import { BinaryWriter } from "google-protobuf";
import { Empty } from "google-protobuf/google/protobuf/empty_pb";
import { Struct } from "google-protobuf/google/protobuf/struct_pb";
import { parse } from "yaml";
import {
    EnforcementLevel,
    PolicyConfig,
    PolicyConfigFile,
    PolicyConfigSchema,
    reconcilePolicyConfig,
} from "./analyzer-config";
import { forAnalyzer, PropertyMap } from "./plan-values";

export type PolicySeverity = "" | "low" | "medium" | "high" | "critical";

export interface PolicyInfo {
    name: string;
    displayName: string;
    description: string;
    enforcementLevel: EnforcementLevel;
    type: "resource" | "stack" | "unknown";
    severity: PolicySeverity;
    tags: string[];
    remediationSteps: string;
    framework?: { name: string; version: string; reference: string; specification: string };
    configSchema?: PolicyConfigSchema;
}

export interface PackInfo {
    name: string;
    displayName: string;
    version: string;
    /** Version of the policy SDK serving the pack (GetPluginInfo). */
    sdkVersion: string;
    supportsConfig: boolean;
    policies: PolicyInfo[];
    initialConfig: PolicyConfigFile;
}

/** The resource options the engine passes to analyzers. */
export interface AnalyzerResourceOptions {
    protect: boolean;
    ignoreChanges: string[];
    deleteBeforeReplace?: boolean;
    additionalSecretOutputs: string[];
    aliases: string[];
    /** Seconds, 0 when unset. */
    customTimeouts: { create: number; update: number; delete: number };
    parent: string;
}

export interface AnalyzerProvider {
    urn: string;
    type: string;
    name: string;
    properties: PropertyMap;
}

/** One resource as the engine describes it to an analyzer (values in engine form, see plan-values.ts). */
export interface AnalyzerResource {
    urn: string;
    type: string;
    name: string;
    properties: PropertyMap;
    options: AnalyzerResourceOptions;
    provider?: AnalyzerProvider;
}

/** For AnalyzeStack: the resource's outputs plus its place in the graph. */
export interface AnalyzerStackResource extends AnalyzerResource {
    parent: string;
    dependencies: string[];
    propertyDependencies: Record<string, string[]>;
}

export interface Diagnostic {
    policy: string;
    pack: string;
    packVersion: string;
    level: EnforcementLevel;
    severity: PolicySeverity;
    urn: string;
    description: string;
    message: string;
}

export interface StackInfo {
    project: string;
    stack: string;
    organization: string;
    dryRun: boolean;
    /** The stack's configuration, `namespace:key` → value, as the CLI passes it. */
    config: Record<string, string>;
    secretKeys: string[];
    tags: Record<string, string>;
}

export interface AnalyzerStartOptions {
    /** Directory holding PulumiPolicy.yaml. */
    packDir: string;
    /** Environment of the pack process (the CLI starts one pack per stack operation). */
    stack: StackInfo;
    /** Give up when the pack has not printed its port after this long. Default 120 s. */
    startTimeoutMs?: number;
}

/** A pack being started (PolicyAnalyzer.launch). */
export interface LaunchedPack {
    /**
     * Settles once the pack's process runs (the Engine service bound, the process spawned: a few turns of
     * the event loop), or once the start failed before that. The pack then starts on its own while this
     * process works. Binding the Engine service needs the event loop: a caller about to keep it busy (the
     * program's construction under mocks is synchronous for seconds) awaits this first, or the pack's
     * process would be spawned only after that work.
     */
    spawned: Promise<void>;
    /**
     * The started pack, its policies read; rejects with a PolicyPackError when it cannot start (handled
     * here too, so a start that fails before the caller awaits it is not an unhandled rejection).
     */
    ready: Promise<PolicyAnalyzer>;
    /**
     * Ends the pack whether it is ready, still starting or not yet spawned (`ready` then rejects): for a
     * caller that no longer needs it, without waiting for a start it would only stop.
     */
    stop(): Promise<void>;
}

export interface LogLine {
    source: "stdout" | "stderr" | "engine";
    severity: "debug" | "info" | "warning" | "error";
    message: string;
}

const LEVELS: Record<number, EnforcementLevel> = {
    [analyzerpb.EnforcementLevel.ADVISORY]: "advisory",
    [analyzerpb.EnforcementLevel.MANDATORY]: "mandatory",
    [analyzerpb.EnforcementLevel.DISABLED]: "disabled",
    [analyzerpb.EnforcementLevel.REMEDIATE]: "remediate",
};
const LEVEL_CODES: Record<EnforcementLevel, analyzerpb.EnforcementLevel> = {
    advisory: analyzerpb.EnforcementLevel.ADVISORY,
    mandatory: analyzerpb.EnforcementLevel.MANDATORY,
    disabled: analyzerpb.EnforcementLevel.DISABLED,
    remediate: analyzerpb.EnforcementLevel.REMEDIATE,
};
const SEVERITIES: Record<number, PolicySeverity> = {
    [analyzerpb.PolicySeverity.POLICY_SEVERITY_UNSPECIFIED]: "",
    [analyzerpb.PolicySeverity.POLICY_SEVERITY_LOW]: "low",
    [analyzerpb.PolicySeverity.POLICY_SEVERITY_MEDIUM]: "medium",
    [analyzerpb.PolicySeverity.POLICY_SEVERITY_HIGH]: "high",
    [analyzerpb.PolicySeverity.POLICY_SEVERITY_CRITICAL]: "critical",
};
const LOG_SEVERITIES: Record<number, LogLine["severity"]> = {
    [enginepb.LogSeverity.DEBUG]: "debug",
    [enginepb.LogSeverity.INFO]: "info",
    [enginepb.LogSeverity.WARNING]: "warning",
    [enginepb.LogSeverity.ERROR]: "error",
};

/** The pack's gRPC server accepts up to 400 MiB; so does the CLI's client. */
const MAX_MESSAGE = 400 * 1024 * 1024;

/** A failure to start or talk to the pack, with what the pack printed. */
export class PolicyPackError extends Error {
    constructor(message: string) {
        super(message);
        this.name = "PolicyPackError";
    }
}

/** Go duration ("1h30m", "10m", "90s") → seconds, as the engine converts custom timeouts. */
export function durationSeconds(d: string): number {
    if (d === "") {
        return 0;
    }
    const re = /(\d+(?:\.\d+)?)(h|ms|m|s|us|µs|ns)/gy;
    let total = 0;
    let m: RegExpExecArray | null;
    let consumed = 0;
    const unit: Record<string, number> = { h: 3600, m: 60, s: 1, ms: 1e-3, us: 1e-6, µs: 1e-6, ns: 1e-9 };
    while ((m = re.exec(d)) !== null) {
        total += Number(m[1]) * unit[m[2]];
        consumed = re.lastIndex;
    }
    if (consumed !== d.length) {
        throw new Error(`invalid duration ${JSON.stringify(d)}`);
    }
    return total;
}

function unary<Req, Res>(
    call: (
        req: Req,
        md: grpc.Metadata,
        opts: Partial<grpc.CallOptions>,
        cb: (e: grpc.ServiceError | null, r: Res) => void,
    ) => unknown,
    req: Req,
): Promise<Res> {
    return new Promise((resolve, reject) => call(req, new grpc.Metadata(), {}, (e, r) => (e ? reject(e) : resolve(r))));
}

function isUnimplemented(e: unknown): boolean {
    return (e as grpc.ServiceError | undefined)?.code === grpc.status.UNIMPLEMENTED;
}

function toStruct(props: PropertyMap): Struct {
    // Struct.fromJavaScript is typed for JSON values; engine-form values are JSON.
    return Struct.fromJavaScript(forAnalyzer(props) as Parameters<typeof Struct.fromJavaScript>[0]);
}

function readRuntime(packDir: string): Record<string, unknown> {
    const file = path.join(packDir, "PulumiPolicy.yaml");
    if (!fs.existsSync(file)) {
        throw new PolicyPackError(`no policy pack in ${packDir}: PulumiPolicy.yaml not found`);
    }
    const doc = (parse(fs.readFileSync(file, "utf8")) ?? {}) as {
        runtime?: string | { name?: string; options?: Record<string, unknown> };
    };
    const runtime = typeof doc.runtime === "string" ? { name: doc.runtime } : (doc.runtime ?? {});
    if (runtime.name !== "nodejs") {
        throw new PolicyPackError(
            `${file}: runtime ${JSON.stringify(runtime.name)} is not supported here (only nodejs packs)`,
        );
    }
    return runtime.options ?? {};
}

/** A minimal Engine service: records what the pack logs and answers the root-resource calls. */
function startEngine(logs: LogLine[], rootUrn: () => string): Promise<{ server: grpc.Server; address: string }> {
    const server = new grpc.Server();
    const impl: IEngineServer = {
        log: (call, cb) => {
            const r = call.request;
            const urn = r.getUrn();
            logs.push({
                source: "engine",
                severity: LOG_SEVERITIES[r.getSeverity()] ?? "info",
                message: urn ? `${urn}: ${r.getMessage()}` : r.getMessage(),
            });
            cb(null, new Empty());
        },
        getRootResource: (_call, cb) => cb(null, new enginepb.GetRootResourceResponse().setUrn(rootUrn())),
        setRootResource: (_call, cb) => cb(null, new enginepb.SetRootResourceResponse()),
        startDebugging: (_call, cb) =>
            cb({ code: grpc.status.UNIMPLEMENTED, details: "no debugger in the offline plan" }),
        requirePulumiVersion: (_call, cb) => cb(null, new enginepb.RequirePulumiVersionResponse()),
    };
    server.addService(EngineService, impl);
    return new Promise((resolve, reject) =>
        server.bindAsync("127.0.0.1:0", grpc.ServerCredentials.createInsecure(), (err, port) =>
            err ? reject(err) : resolve({ server, address: `127.0.0.1:${port}` }),
        ),
    );
}

export class PolicyAnalyzer {
    /** What the pack printed (its port line aside) and what it logged to the engine. */
    readonly logs: LogLine[] = [];
    info!: PackInfo;
    /** From spawning the pack to its answer to GetAnalyzerInfo. */
    startupMs = 0;
    /** The Engine service given to the pack (argument and Handshake), as the CLI gives its own. */
    engineAddress = "";

    /**
     * The pack's answers to Analyze under the current configuration, by
     * request (a digest of its bytes). A resource policy sees one resource at a time, and the request
     * is all it gets: under the same policy configuration and stack, the same
     * request gets the same answer. A plan that analyzes a stack again with a
     * few resources changed (the tests' weakened plans) therefore sends the
     * pack only those; AnalyzeStack always goes to the pack.
     */
    private readonly answers = new Map<string, Diagnostic[]>();
    /** What the answers depend on besides the request: the Configure and ConfigureStack requests. */
    private configured = { policies: "", stack: "" };
    /** Analyze requests sent to the pack, and those answered from `answers`. */
    readonly analyzeCalls = { sent: 0, reused: 0 };

    private client?: AnalyzerClient;
    private child?: ChildProcess;
    private engine?: grpc.Server;
    private exited?: string;
    /** Set by LaunchedPack.stop: the pack is no longer wanted. */
    private cancelled = false;
    /** Ends the pack if this process exits without stop(), so no pack outlives the plan. */
    private readonly killOnExit = () => this.child?.kill("SIGKILL");

    private constructor(
        readonly packDir: string,
        readonly stack: StackInfo,
    ) {}

    /** Starts the pack as the CLI does and reads its policies. */
    static start(options: AnalyzerStartOptions): Promise<PolicyAnalyzer> {
        return PolicyAnalyzer.launch(options).ready;
    }

    /** Starts the pack as the CLI does; tells when its process runs and when it is ready (LaunchedPack). */
    static launch(options: AnalyzerStartOptions): LaunchedPack {
        let spawned!: () => void;
        const running = new Promise<void>((resolve) => (spawned = resolve));
        const packDir = path.resolve(options.packDir);
        const analyzer = new PolicyAnalyzer(packDir, options.stack);
        const ready = (async () => {
            const runtimeOptions = readRuntime(packDir);
            try {
                await analyzer.connect(runtimeOptions, options.startTimeoutMs ?? 120_000, spawned);
            } catch (e) {
                await analyzer.stop();
                throw e;
            }
            return analyzer;
        })();
        ready.catch(() => spawned());
        return { spawned: running, ready, stop: () => analyzer.cancel() };
    }

    /** Ends the pack, started or still starting; a start not yet spawned never spawns. */
    private cancel(): Promise<void> {
        this.cancelled = true;
        return this.stop();
    }

    private async connect(
        runtimeOptions: Record<string, unknown>,
        timeoutMs: number,
        spawned: () => void,
    ): Promise<void> {
        const started = Date.now();
        const engine = await startEngine(
            this.logs,
            () =>
                `urn:pulumi:${this.stack.stack}::${this.stack.project}::pulumi:pulumi:Stack::${this.stack.project}-${this.stack.stack}`,
        );
        this.engine = engine.server;
        this.engineAddress = engine.address;
        if (this.cancelled) {
            throw new PolicyPackError(`the start of policy pack ${this.packDir} was cancelled`);
        }

        let runner: string;
        try {
            runner = require.resolve("@pulumi/pulumi/cmd/run-policy-pack", { paths: [this.packDir] });
        } catch {
            throw new PolicyPackError(
                `it looks like the policy pack's dependencies are not installed; try running npm install in ${this.packDir}`,
            );
        }
        const args = [engine.address, "."];
        for (const [k, v] of Object.entries(runtimeOptions)) {
            const s = String(v ?? "");
            if (s !== "") {
                args.push(`-${k}=${s}`);
            }
        }
        const s = this.stack;
        const env: NodeJS.ProcessEnv = {
            ...process.env,
            PULUMI_CONFIG: JSON.stringify(s.config),
            PULUMI_NODEJS_PROJECT: s.project,
            PULUMI_NODEJS_STACK: s.stack,
            PULUMI_NODEJS_DRY_RUN: String(s.dryRun),
            PULUMI_PROJECT: s.project,
            PULUMI_STACK: s.stack,
            PULUMI_DRY_RUN: String(s.dryRun),
        };
        if (s.organization !== "") {
            env.PULUMI_NODEJS_ORGANIZATION = s.organization;
            env.PULUMI_ORGANIZATION = s.organization;
        }
        const child = spawn(process.execPath, [runner, ...args], {
            cwd: this.packDir,
            env,
            stdio: ["ignore", "pipe", "pipe"],
        });
        this.child = child;
        process.once("exit", this.killOnExit);
        spawned();

        const port = await new Promise<number>((resolve, reject) => {
            let out = "";
            let err = "";
            let havePort = false;
            const timer = setTimeout(() => {
                reject(
                    new PolicyPackError(
                        `policy pack ${this.packDir} did not print its port within ${timeoutMs} ms${tail(err)}`,
                    ),
                );
            }, timeoutMs);
            const lines = (source: "stdout" | "stderr", text: string) => {
                for (const line of text.split("\n")) {
                    if (line.trim() !== "") {
                        this.logs.push({ source, severity: source === "stderr" ? "error" : "info", message: line });
                    }
                }
            };
            child.stdout!.setEncoding("utf8");
            child.stderr!.setEncoding("utf8");
            child.stdout!.on("data", (chunk: string) => {
                if (havePort) {
                    lines("stdout", chunk);
                    return;
                }
                out += chunk;
                const nl = out.indexOf("\n");
                if (nl < 0) {
                    return;
                }
                const first = out.slice(0, nl).trim();
                havePort = true;
                clearTimeout(timer);
                if (!/^\d+$/.test(first)) {
                    reject(
                        new PolicyPackError(
                            `policy pack ${this.packDir} printed ${JSON.stringify(first)} instead of its port${tail(err)}`,
                        ),
                    );
                    return;
                }
                lines("stdout", out.slice(nl + 1));
                resolve(Number(first));
            });
            child.stderr!.on("data", (chunk: string) => {
                lines("stderr", chunk);
                if (!havePort) {
                    err += chunk;
                }
            });
            child.on("exit", (code, signal) => {
                this.exited = signal ? `signal ${signal}` : `exit code ${code}`;
                if (!havePort) {
                    clearTimeout(timer);
                    reject(
                        new PolicyPackError(
                            `policy pack ${this.packDir} failed to start (${this.exited})${tail(err || out)}`,
                        ),
                    );
                }
            });
            child.on("error", (e) => {
                clearTimeout(timer);
                reject(new PolicyPackError(`cannot run ${process.execPath}: ${e.message}`));
            });
        });

        this.client = new AnalyzerClient(`127.0.0.1:${port}`, grpc.credentials.createInsecure(), {
            "grpc.max_receive_message_length": MAX_MESSAGE,
            "grpc.max_send_message_length": MAX_MESSAGE,
        });
        const c = this.client;

        const handshake = new analyzerpb.AnalyzerHandshakeRequest()
            .setEngineAddress(engine.address)
            .setRootDirectory(this.packDir)
            .setProgramDirectory(this.packDir);
        await unary(c.handshake.bind(c), handshake).catch((e) => {
            if (!isUnimplemented(e)) {
                throw this.rpcError("Handshake", e);
            }
        });
        const info = await unary(c.getAnalyzerInfo.bind(c), new Empty()).catch((e) => {
            throw this.rpcError("GetAnalyzerInfo", e);
        });
        const plugin = await unary(c.getPluginInfo.bind(c), new Empty()).catch((e) => {
            throw this.rpcError("GetPluginInfo", e);
        });
        this.info = readInfo(info, plugin.getVersion());
        this.startupMs = Date.now() - started;
    }

    private rpcError(method: string, e: unknown): PolicyPackError {
        const why = this.exited ? ` (the pack process ended: ${this.exited})` : "";
        const details = (e as grpc.ServiceError).details ?? (e as Error).message;
        const stderr = this.logs.filter((l) => l.source === "stderr").map((l) => l.message);
        return new PolicyPackError(
            `policy pack ${this.info?.name ?? this.packDir}: ${method} failed${why}: ${details}${tail(stderr.join("\n"))}`,
        );
    }

    private get rpc(): AnalyzerClient {
        if (!this.client) {
            throw new PolicyPackError("the policy pack is not running");
        }
        return this.client;
    }

    /**
     * Reconciles the configuration (schema defaults, the pack's initial
     * config, then `file`), validates it and sends it with Configure.
     * Throws PolicyConfigError for invalid configuration.
     */
    async configure(file?: PolicyConfigFile): Promise<Record<string, PolicyConfig>> {
        const config = reconcilePolicyConfig(this.info.policies, [this.info.initialConfig, ...(file ? [file] : [])]);
        this.reconfigured("policies", JSON.stringify(config));
        if (Object.keys(config).length === 0) {
            return config;
        }
        const req = new analyzerpb.ConfigureAnalyzerRequest();
        const map = req.getPolicyconfigMap();
        for (const [name, c] of Object.entries(config)) {
            map.set(
                name,
                new analyzerpb.PolicyConfig()
                    .setEnforcementlevel(LEVEL_CODES[c.enforcementLevel])
                    .setProperties(Struct.fromJavaScript(c.properties as Parameters<typeof Struct.fromJavaScript>[0])),
            );
        }
        await unary(this.rpc.configure.bind(this.rpc), req).catch((e) => {
            throw this.rpcError("Configure", e);
        });
        return config;
    }

    /** Forgets the answers when what they depend on changes. */
    private reconfigured(what: "policies" | "stack", key: string): void {
        if (this.configured[what] !== key) {
            this.configured[what] = key;
            this.answers.clear();
        }
    }

    /** Tells the pack which stack it analyzes (stack tags, config). */
    async configureStack(stack: StackInfo): Promise<void> {
        this.reconfigured("stack", JSON.stringify(stack));
        const req = new analyzerpb.AnalyzerStackConfigureRequest()
            .setStack(stack.stack)
            .setProject(stack.project)
            .setOrganization(stack.organization)
            .setDryRun(stack.dryRun)
            .setConfigSecretKeysList(stack.secretKeys);
        for (const [k, v] of Object.entries(stack.config)) {
            req.getConfigMap().set(k, v);
        }
        for (const [k, v] of Object.entries(stack.tags)) {
            req.getTagsMap().set(k, v);
        }
        await unary(this.rpc.configureStack.bind(this.rpc), req).catch((e) => {
            if (!isUnimplemented(e)) {
                throw this.rpcError("ConfigureStack", e);
            }
        });
    }

    /**
     * Analyze: one resource, with its inputs. Diagnostics carry the resource's URN, as in the CLI.
     * A request the pack has answered under the current configuration is answered again from that answer.
     */
    async analyze(r: AnalyzerResource): Promise<Diagnostic[]> {
        // The request's bytes are what the pack gets, and what its answer depends on: they key the answer.
        const bytes = analyzeRequest(r).serializeBinary();
        const key = createHash("sha256").update(bytes).digest("base64");
        let answer = this.answers.get(key);
        if (answer) {
            this.analyzeCalls.reused++;
        } else {
            const resp = await this.send(AnalyzerService.analyze, bytes).catch((e) => {
                throw this.rpcError(`Analyze(${r.urn})`, e);
            });
            answer = readDiagnostics(resp).map((d) => ({ ...d, urn: r.urn }));
            this.answers.set(key, answer);
            this.analyzeCalls.sent++;
        }
        return answer.map((d) => ({ ...d }));
    }

    /** A unary call whose request is already serialized (the generated client would serialize it again). */
    private send(
        method: { path: string; responseDeserialize: (bytes: Buffer) => analyzerpb.AnalyzeResponse },
        bytes: Uint8Array,
    ): Promise<analyzerpb.AnalyzeResponse> {
        return new Promise((resolve, reject) =>
            this.rpc.makeUnaryRequest(
                method.path,
                (b: Uint8Array) => Buffer.from(b.buffer, b.byteOffset, b.byteLength),
                method.responseDeserialize,
                bytes,
                new grpc.Metadata(),
                {},
                (e, r) => (e ? reject(e) : resolve(r!)),
            ),
        );
    }

    /**
     * AnalyzeStack: every resource with its outputs, parent and dependencies (or the request built for them
     * beforehand with `prepareStack`). A diagnostic naming no resource of the stack is attributed to
     * `rootUrn`, as in the CLI.
     */
    async analyzeStack(resources: AnalyzerStackResource[] | PreparedStack, rootUrn: string): Promise<Diagnostic[]> {
        const prepared = Array.isArray(resources) ? await prepareStack(resources) : resources;
        const resp = await this.send(AnalyzerService.analyzeStack, prepared.bytes).catch((e) => {
            if (isUnimplemented(e)) {
                return new analyzerpb.AnalyzeResponse();
            }
            throw this.rpcError("AnalyzeStack", e);
        });
        return readDiagnostics(resp).map((d) => ({ ...d, urn: prepared.urns.has(d.urn) ? d.urn : rootUrn }));
    }

    /** Closes the connection and ends the pack process (and the engine service). */
    async stop(): Promise<void> {
        this.client?.close();
        this.client = undefined;
        const child = this.child;
        if (child && child.exitCode === null && child.signalCode === null) {
            await new Promise<void>((resolve) => {
                const force = setTimeout(() => child.kill("SIGKILL"), 5_000);
                child.once("exit", () => {
                    clearTimeout(force);
                    resolve();
                });
                child.kill("SIGTERM");
            });
        }
        this.child = undefined;
        process.removeListener("exit", this.killOnExit);
        this.engine?.forceShutdown();
        this.engine = undefined;
    }
}

function tail(text: string): string {
    const lines = text
        .trim()
        .split("\n")
        .filter((l) => l.trim() !== "");
    return lines.length === 0 ? "" : `:\n${lines.slice(-20).join("\n")}`;
}

function toOptions(o: AnalyzerResourceOptions): analyzerpb.AnalyzerResourceOptions {
    const opts = new analyzerpb.AnalyzerResourceOptions()
        .setProtect(o.protect)
        .setIgnorechangesList(o.ignoreChanges)
        .setDeletebeforereplace(o.deleteBeforeReplace ?? false)
        .setDeletebeforereplacedefined(o.deleteBeforeReplace !== undefined)
        .setAdditionalsecretoutputsList(o.additionalSecretOutputs)
        .setAliasesList(o.aliases)
        .setCustomtimeouts(
            new analyzerpb.AnalyzerResourceOptions.CustomTimeouts()
                .setCreate(o.customTimeouts.create)
                .setUpdate(o.customTimeouts.update)
                .setDelete(o.customTimeouts.delete),
        );
    if (o.parent !== "") {
        opts.setParent(o.parent);
    }
    return opts;
}

function toProvider(p: AnalyzerProvider): analyzerpb.AnalyzerProviderResource {
    return new analyzerpb.AnalyzerProviderResource()
        .setUrn(p.urn)
        .setType(p.type)
        .setName(p.name)
        .setProperties(toStruct(p.properties));
}

/** The Analyze request for one resource. */
function analyzeRequest(r: AnalyzerResource): analyzerpb.AnalyzeRequest {
    const req = new analyzerpb.AnalyzeRequest()
        .setUrn(r.urn)
        .setType(r.type)
        .setName(r.name)
        .setProperties(toStruct(r.properties))
        .setOptions(toOptions(r.options));
    if (r.provider) {
        req.setProvider(toProvider(r.provider));
    }
    return req;
}

/** An AnalyzeStack request built ahead of its call (prepareStack): its bytes and the URNs it lists. */
export interface PreparedStack {
    bytes: Uint8Array;
    urns: Set<string>;
}

/** Resources of the AnalyzeStack request encoded per turn of the event loop (prepareStack). */
const STACK_SLICE = 24;

/**
 * Builds the AnalyzeStack request for `resources` a few resources per turn of the event loop. Started
 * alongside the Analyze calls, it is built while the pack answers them (this process would otherwise
 * wait), and the pack gets it as soon as the last of them is answered. The bytes are those of
 * `AnalyzeStackRequest.serializeBinary()`: that serializer writes the repeated field with
 * writeRepeatedMessage, one writeMessage per resource with AnalyzerResource's own serializer, as here
 * (@pulumi/pulumi proto/analyzer_pb.js, 3.276.0).
 */
export async function prepareStack(resources: AnalyzerStackResource[]): Promise<PreparedStack> {
    const writer = new BinaryWriter();
    for (let i = 0; i < resources.length; i += STACK_SLICE) {
        if (i > 0) {
            await new Promise<void>((resolve) => setImmediate(resolve));
        }
        for (const r of resources.slice(i, i + STACK_SLICE)) {
            writer.writeMessage(1, toStackResource(r), analyzerpb.AnalyzerResource.serializeBinaryToWriter);
        }
    }
    return { bytes: writer.getResultBuffer(), urns: new Set(resources.map((r) => r.urn)) };
}

function toStackResource(r: AnalyzerStackResource): analyzerpb.AnalyzerResource {
    const res = new analyzerpb.AnalyzerResource()
        .setUrn(r.urn)
        .setType(r.type)
        .setName(r.name)
        .setProperties(toStruct(r.properties))
        .setOptions(toOptions(r.options))
        .setParent(r.parent)
        .setDependenciesList(r.dependencies);
    if (r.provider) {
        res.setProvider(toProvider(r.provider));
    }
    for (const [k, urns] of Object.entries(r.propertyDependencies)) {
        if (urns.length > 0) {
            res.getPropertydependenciesMap().set(k, new analyzerpb.AnalyzerPropertyDependencies().setUrnsList(urns));
        }
    }
    return res;
}

function readInfo(info: analyzerpb.AnalyzerInfo, sdkVersion: string): PackInfo {
    const initialConfig: PolicyConfigFile = {};
    info.getInitialconfigMap().forEach((c: analyzerpb.PolicyConfig, name: string) => {
        initialConfig[name] = {
            enforcementLevel: LEVELS[c.getEnforcementlevel()],
            ...((c.getProperties()?.toJavaScript() ?? {}) as Record<string, unknown>),
        };
    });
    return {
        name: info.getName(),
        displayName: info.getDisplayname(),
        version: info.getVersion(),
        sdkVersion,
        supportsConfig: info.getSupportsconfig(),
        initialConfig,
        policies: info
            .getPoliciesList()
            .map((p): PolicyInfo => {
                const schema = p.getConfigschema();
                const fw = p.getFramework();
                return {
                    name: p.getName(),
                    displayName: p.getDisplayname(),
                    description: p.getDescription(),
                    enforcementLevel: LEVELS[p.getEnforcementlevel()],
                    type:
                        p.getPolicyType() === analyzerpb.PolicyType.POLICY_TYPE_RESOURCE
                            ? "resource"
                            : p.getPolicyType() === analyzerpb.PolicyType.POLICY_TYPE_STACK
                              ? "stack"
                              : "unknown",
                    severity: SEVERITIES[p.getSeverity()] ?? "",
                    tags: p.getTagsList(),
                    remediationSteps: p.getRemediationSteps(),
                    framework: fw
                        ? {
                              name: fw.getName(),
                              version: fw.getVersion(),
                              reference: fw.getReference(),
                              specification: fw.getSpecification(),
                          }
                        : undefined,
                    configSchema: schema
                        ? {
                              properties: (schema.getProperties()?.toJavaScript() ??
                                  {}) as PolicyConfigSchema["properties"],
                              required: schema.getRequiredList(),
                          }
                        : undefined,
                };
            })
            .sort((a, b) => a.name.localeCompare(b.name)),
    };
}

function readDiagnostics(resp: analyzerpb.AnalyzeResponse): Diagnostic[] {
    return resp.getDiagnosticsList().map((d) => {
        let level = LEVELS[d.getEnforcementlevel()];
        // The CLI reports a violation of a policy set to remediate as mandatory.
        if (level === "remediate") {
            level = "mandatory";
        }
        return {
            policy: d.getPolicyname(),
            pack: d.getPolicypackname(),
            packVersion: d.getPolicypackversion(),
            level,
            severity: SEVERITIES[d.getSeverity()] ?? "",
            urn: d.getUrn(),
            description: d.getDescription(),
            message: d.getMessage(),
        };
    });
}
