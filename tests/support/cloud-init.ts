// `cloud-init schema --config-file FILE`, the real validator, without a
// Python start per document. The command spends most of its 0.6 s of CPU
// importing cloud-init and loading its schema; the tests validate about twenty
// documents. Here one Python process per test process imports cloud-init once
// and runs the command's own code for each document: the parser of
// `cloud-init schema` (cloudinit/config/schema.py get_parser) and its handler
// (handle_schema_args, what cloudinit/cmd/main.py calls for the subcommand,
// cloud-init 22.4.2), with the exit code, stdout and stderr the command would
// give. tests/cloud-init.test.ts holds this to the command itself.

import { ChildProcessWithoutNullStreams, spawn } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { requireTool, toolPath } from "./tools";

export interface SchemaResult {
    status: number;
    stdout: string;
    stderr: string;
}

// Reads a file path per line; answers a JSON line {status, stdout, stderr} per path.
const SERVER = `
import contextlib, io, json, sys
from cloudinit.config.schema import get_parser, handle_schema_args
for line in sys.stdin:
    out, err, status = io.StringIO(), io.StringIO(), 0
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        try:
            handle_schema_args("cloudconfig-schema", get_parser().parse_args(["--config-file", line.rstrip("\\n")]))
        except SystemExit as e:
            status = e.code if isinstance(e.code, int) else 1
    sys.stdout.write(json.dumps({"status": status, "stdout": out.getvalue(), "stderr": err.getvalue()}) + "\\n")
    sys.stdout.flush()
`;

/** The interpreter of the `cloud-init` command on PATH (its shebang), which has cloud-init's modules. */
export function cloudInitPython(): string {
    const script = toolPath("cloud-init");
    if (!script) {
        throw new Error("cloud-init is not on PATH");
    }
    const shebang = /^#!\s*(\S+)/.exec(fs.readFileSync(script, "utf8").split("\n")[0]);
    if (!shebang) {
        throw new Error(`${script} has no #! line naming its Python`);
    }
    return shebang[1];
}

let server: ChildProcessWithoutNullStreams | undefined;
const waiting: Array<(r: SchemaResult) => void> = [];

function start(): ChildProcessWithoutNullStreams {
    const child = spawn(cloudInitPython(), ["-c", SERVER], { stdio: ["pipe", "pipe", "pipe"] });
    let buffered = "";
    let errors = "";
    child.stdout.setEncoding("utf8");
    child.stdout.on("data", (chunk: string) => {
        buffered += chunk;
        let nl: number;
        while ((nl = buffered.indexOf("\n")) >= 0) {
            const line = buffered.slice(0, nl);
            buffered = buffered.slice(nl + 1);
            waiting.shift()?.(JSON.parse(line) as SchemaResult);
        }
        if (waiting.length === 0) {
            hold(child, false);
        }
    });
    child.stderr.on("data", (chunk: Buffer) => (errors += chunk.toString()));
    child.on("exit", (code) => {
        server = undefined;
        // A validator that died answers every question still open with what it printed.
        for (const answer of waiting.splice(0)) {
            answer({ status: code ?? 1, stdout: "", stderr: `the cloud-init validator exited: ${errors}` });
        }
    });
    child.stdin.on("error", () => undefined);
    hold(child, false);
    return child;
}

/** Keeps the test process alive while a document is being validated, and only then. */
function hold(child: ChildProcessWithoutNullStreams, busy: boolean): void {
    for (const handle of [child, child.stdin, child.stdout, child.stderr] as unknown as Array<{
        ref(): void;
        unref(): void;
    }>) {
        if (busy) {
            handle.ref();
        } else {
            handle.unref();
        }
    }
}

/** What `cloud-init schema --config-file FILE` prints and returns for `userData`. */
export function cloudInitSchema(userData: string): Promise<SchemaResult> {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "hms-cloud-init-"));
    const file = path.join(dir, "user-data");
    fs.writeFileSync(file, userData);
    server ??= start();
    const answered = new Promise<SchemaResult>((resolve) => waiting.push(resolve));
    hold(server, true);
    server.stdin.write(`${file}\n`);
    return answered.finally(() => fs.rmSync(dir, { recursive: true, force: true }));
}

/** `cloud-init schema --config-file` on a document; fails the test with the tool's output. */
export async function assertCloudInitValid(ctx: Mocha.Context, userData: string, what: string): Promise<void> {
    requireTool(ctx, "cloud-init");
    const r = await cloudInitSchema(userData);
    if (r.status !== 0 || !r.stdout.startsWith("Valid cloud-config:")) {
        throw new Error(`${what}: cloud-init schema failed (exit ${r.status}):\n${r.stdout}\n${r.stderr}`);
    }
}
