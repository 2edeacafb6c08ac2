// The TypeScript loader of the tests and the plan (tools/register.js): swc,
// with stack traces mapped to the TypeScript source by Node's source maps.

import * as assert from "assert";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import * as debuggable from "@pulumi/pulumi/runtime/debuggable";

// Internal to the SDK (not in its typings), which every registration goes through.
const { debuggablePromise } = debuggable as unknown as {
    debuggablePromise<T>(p: Promise<T>, ctx: string): Promise<T>;
};

function thrower(): Error {
    return new Error("mapped");
}

describe("TypeScript loader (tools/register.js)", () => {
    it("maps stack traces to the TypeScript line and column, and keeps every frame", () => {
        const stack = thrower().stack ?? "";
        const frames = stack.split("\n").filter((l) => /^\s+at /.test(l));
        // Where `new Error("mapped")` is in this file's TypeScript source.
        const file = path.join(__dirname, "plan-loader.test.ts");
        const source = fs.readFileSync(file, "utf8").split("\n");
        const line = source.findIndex((l) => l.includes('return new Error("mapped")'));
        const column = source[line].indexOf("new Error");
        assert.strictEqual(frames[0].trim(), `at thrower (${file}:${line + 1}:${column + 1})`);
        assert.ok(frames.length > 3, stack);
    });

    it("a changed file is transpiled again, never served from the transpile cache", () => {
        const dir = fs.mkdtempSync(path.join(os.tmpdir(), "hms-loader-"));
        try {
            const file = path.join(dir, "answer.ts");
            const load = (): number => {
                delete require.cache[file];
                // eslint-disable-next-line @typescript-eslint/no-require-imports
                return (require(file) as { answer: number }).answer;
            };
            fs.writeFileSync(file, "export const answer: number = 1;\n");
            assert.strictEqual(load(), 1);
            assert.strictEqual(load(), 1, "the same text again, from the cache");
            fs.writeFileSync(file, "export const answer: number = 2;\n");
            assert.strictEqual(load(), 2);
        } finally {
            fs.rmSync(dir, { recursive: true, force: true });
        }
    });

    it("collects no frame for the traces the Pulumi SDK takes for its promise-leak report", async () => {
        // The SDK marks the promise it is given with the trace, taken inside the SDK (whose first frame
        // would be debuggablePromise itself), and with the context the report names.
        const given = Promise.resolve(1);
        const limit = Error.stackTraceLimit;
        await debuggablePromise(given, "a promise of the test");
        // Only that trace is cut: the limit is back for every other trace.
        assert.strictEqual(Error.stackTraceLimit, limit);
        const marked = given as unknown as { _debugStackTrace?: string; _debugCtx?: string };
        assert.strictEqual(marked._debugStackTrace, "Error");
        assert.strictEqual(marked._debugCtx, "a promise of the test");
    });
});
