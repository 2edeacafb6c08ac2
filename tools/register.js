// Loads the repository's TypeScript in Node for the tests (.mocharc.js),
// the offline plan and the benchmark (`node -r ./tools/register.js file.ts`).
//
// Like `ts-node --transpile-only` it type-checks nothing (`tsc --noEmit` and
// the editor do), but it transpiles with swc (@swc/core, native) instead of
// the TypeScript compiler, and leaves stack traces to Node's own source maps
// instead of source-map-support. Both matter here: a test run loads some
// 200 TypeScript files, and every run of the program under mocks makes the
// Pulumi SDK capture tens of thousands of stack traces.
//
// Compiled code: Node's compile cache (module.enableCompileCache) keeps V8's
// code for every module this process and the Node processes it starts load
// (policy packs, the plan's command line, mocha's workers: NODE_COMPILE_CACHE
// is inherited), in os.tmpdir()/hms-node-compile-cache unless
// NODE_COMPILE_CACHE names another directory. Node checks each entry against
// the source it was compiled from; a stale entry is compiled again.
//
// Stack traces: Node maps the frames of the files compiled here through their
// inline source maps (module.findSourceMap). The SDK's `debuggablePromise`
// (@pulumi/pulumi runtime/debuggable.js, 3.276.0) reads `new Error().stack`
// for every promise it makes, only to print it in a promise-leak report. The
// first frame of that trace is always debuggablePromise itself, and the report
// names the promise's context anyway; V8 collects no frame for it, which spares
// collecting and formatting ten frames for each of those promises (a
// production run makes tens of thousands).
// Every other trace (test failures, the program's errors, the SDK's source
// positions of resources) is complete and mapped to the TypeScript lines.

"use strict";

const { createHash } = require("crypto");
const fs = require("fs");
const Module = require("module");
const os = require("os");
const path = require("path");

process.env.NODE_COMPILE_CACHE ??= path.join(os.tmpdir(), "hms-node-compile-cache");
Module.enableCompileCache(process.env.NODE_COMPILE_CACHE);

/** @swc/core, loaded on the first file the transpile cache does not hold. */
let swc;

/** The compiler options of tsconfig.json that change the emitted JavaScript, in swc's terms. */
const SWC_OPTIONS = {
    jsc: {
        parser: { syntax: "typescript", tsx: false },
        target: "es2022",
        // tsconfig: target ES2022, so class fields have define semantics, as with tsc.
        transform: { useDefineForClassFields: true },
        keepClassNames: true,
    },
    // tsconfig: module commonjs, esModuleInterop.
    module: { type: "commonjs", importInterop: "swc", strict: false },
    sourceMaps: "inline",
    inlineSourcesContent: false,
    swcrc: false,
    configFile: false,
};

process.setSourceMapsEnabled(true);

const compiled = new Set();

// Transpiled code is kept on disk, by the file's path and text, the options and swc's version:
// a process that loads unchanged files reads them instead of transpiling them again (a test
// worker or a plan loads some 200 files: a quarter of a second of swc). An entry is written
// to a temporary name and renamed, so processes sharing the directory never read half of one.
const SWC_VERSION = JSON.parse(fs.readFileSync(require.resolve("@swc/core/package.json"), "utf8")).version;
const TRANSPILE_CACHE = path.join(os.tmpdir(), `hms-transpile-cache-swc-${SWC_VERSION}`);
const OPTIONS_KEY = JSON.stringify(SWC_OPTIONS);

function transpile(source, filename) {
    const key = createHash("sha256").update(`${filename}\0${OPTIONS_KEY}\0${source}`).digest("hex");
    const entry = path.join(TRANSPILE_CACHE, `${key}.js`);
    try {
        return fs.readFileSync(entry, "utf8");
    } catch {
        // Not cached yet.
    }
    swc ??= require("@swc/core");
    const { code } = swc.transformSync(source, { ...SWC_OPTIONS, filename });
    try {
        fs.mkdirSync(TRANSPILE_CACHE, { recursive: true });
        const partial = `${entry}.${process.pid}.tmp`;
        fs.writeFileSync(partial, code);
        fs.renameSync(partial, entry);
    } catch {
        // A cache that cannot be written only costs the next process the transpiling.
    }
    return code;
}

function compileTs(module, filename) {
    const code = transpile(fs.readFileSync(filename, "utf8"), filename);
    compiled.add(filename);
    positions.delete(filename);
    module._compile(code, filename);
}

Module._extensions[".ts"] = compileTs;

const DEBUGGABLE = path.join("@pulumi", "pulumi", "runtime", "debuggable.js");

function header(error) {
    try {
        return Error.prototype.toString.call(error);
    } catch {
        return "<error>";
    }
}

/**
 * For each file compiled here: its source map (the inline map, parsed once by Node; null when
 * Node has none) and the TypeScript position of each JavaScript "line:column" looked up so far
 * (null where the map has none). The SDK takes a full trace for every resource it registers,
 * through the same few frames. Compiling a file again forgets its entry.
 */
const positions = new Map();

/** The frame as V8 prints it, at its TypeScript line and column when it is in a file compiled here. */
function frameText(frame) {
    const text = String(frame);
    const file = frame.getFileName();
    if (!file || !compiled.has(file)) {
        return text;
    }
    let known = positions.get(file);
    if (known === undefined) {
        known = { map: Module.findSourceMap(file) ?? null, mapped: new Map() };
        positions.set(file, known);
    }
    const lineColumn = `${frame.getLineNumber()}:${frame.getColumnNumber()}`;
    let mapped = known.mapped.get(lineColumn);
    if (mapped === undefined) {
        const entry = known.map?.findEntry(frame.getLineNumber() - 1, frame.getColumnNumber() - 1);
        mapped =
            entry && entry.originalLine !== undefined ? `${entry.originalLine + 1}:${entry.originalColumn + 1}` : null;
        known.mapped.set(lineColumn, mapped);
    }
    return mapped === null ? text : text.replace(`${file}:${lineColumn}`, `${file}:${mapped}`);
}

/**
 * The SDK's debuggablePromise with V8 collecting no frame for the trace it
 * keeps: every other module calls it through the exports object
 * (`debuggable_1.debuggablePromise(...)`), so replacing the export reaches
 * every call.
 */
function noFrameTraces(exports) {
    const debuggablePromise = exports.debuggablePromise;
    if (typeof debuggablePromise !== "function") {
        return;
    }
    exports.debuggablePromise = function (...args) {
        const limit = Error.stackTraceLimit;
        Error.stackTraceLimit = 0;
        try {
            return debuggablePromise.apply(this, args);
        } finally {
            Error.stackTraceLimit = limit;
        }
    };
}

const loadJs = Module._extensions[".js"];
Module._extensions[".js"] = function (module, filename) {
    loadJs.call(this, module, filename);
    if (filename.endsWith(DEBUGGABLE)) {
        noFrameTraces(module.exports);
    }
};

Error.prepareStackTrace = (error, frames) => header(error) + frames.map((f) => `\n    at ${frameText(f)}`).join("");
