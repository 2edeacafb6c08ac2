// @ts-nocheck
// Plain processes for the end-to-end test: started with spawn, waited for on a
// port or a socket, stopped by PID (SIGTERM, then SIGKILL after 5 s).

import { ChildProcess, spawn, spawnSync } from "child_process";
import * as fs from "fs";
export { freePort, listening } from "../ports";

export interface Service {
    name: string;
    child: ChildProcess;
    /** Where its stdout and stderr go. */
    log: string;
}

export function start(
    name: string,
    cmd: string,
    args: string[],
    log: string,
    env: NodeJS.ProcessEnv = process.env,
): Service {
    const fd = fs.openSync(log, "a");
    const child = spawn(cmd, args, { env, stdio: ["ignore", fd, fd] });
    fs.closeSync(fd);
    child.on("error", (e) => fs.appendFileSync(log, `spawn ${cmd}: ${e.message}\n`));
    return { name, child, log };
}

export async function stop(s: Service | undefined): Promise<void> {
    if (!s || s.child.exitCode !== null || s.child.signalCode !== null || s.child.pid === undefined) {
        return;
    }
    const exited = new Promise<void>((resolve) => s.child.once("exit", () => resolve()));
    process.kill(s.child.pid, "SIGTERM");
    const timer = setTimeout(
        () => s.child.pid !== undefined && s.child.exitCode === null && process.kill(s.child.pid, "SIGKILL"),
        5000,
    );
    await exited;
    clearTimeout(timer);
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Waits until `ready()` is true, failing with the service's log when it exits or `seconds` pass. */
export async function waitUntil(s: Service, ready: () => boolean | Promise<boolean>, seconds = 30): Promise<void> {
    const end = Date.now() + seconds * 1000;
    while (Date.now() < end) {
        if (s.child.exitCode !== null || s.child.signalCode !== null) {
            throw new Error(`${s.name} exited (${s.child.exitCode ?? s.child.signalCode}):\n${tail(s.log)}`);
        }
        if (await ready()) {
            return;
        }
        await sleep(100);
    }
    throw new Error(`${s.name} not ready after ${seconds} s:\n${tail(s.log)}`);
}

export function tail(file: string, lines = 30): string {
    return fs.existsSync(file) ? fs.readFileSync(file, "utf8").split("\n").slice(-lines).join("\n") : `(no ${file})`;
}

/** Runs a command to completion; throws with its output when it fails. */
export function must(cmd: string, args: string[], opts: { input?: string; env?: NodeJS.ProcessEnv } = {}): string {
    const r = spawnSync(cmd, args, {
        encoding: "utf8",
        input: opts.input,
        env: opts.env ?? process.env,
        timeout: 120_000,
    });
    if (r.status !== 0) {
        throw new Error(`${cmd} ${args.join(" ")} failed (${r.status ?? r.signal}):\n${r.stdout}\n${r.stderr}`);
    }
    return r.stdout;
}
