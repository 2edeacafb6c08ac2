// Runs generated files through the real tools (nginx, cloud-init, shellcheck, php, jq).
// Locally a missing tool skips the test with the command that installs it;
// under CI (CI=true) a missing tool fails the test, since .ci/run installs them.

import { spawnSync, SpawnSyncReturns } from "child_process";

const INSTALL: Record<string, string> = {
    nginx: "apt-get install -y --no-install-recommends nginx-light",
    "cloud-init": "apt-get install -y --no-install-recommends cloud-init",
    shellcheck: "apt-get install -y shellcheck",
    php: "apt-get install -y --no-install-recommends php-cli",
    "php-cgi": "apt-get install -y --no-install-recommends php-cgi",
    jq: "apt-get install -y jq",
    "php-fpm": "apt-get install -y --no-install-recommends php-fpm",
    promtool: "apt-get install -y --no-install-recommends prometheus",
    "docker-compose": "apt-get install -y --no-install-recommends docker-compose",
    amtool: "apt-get install -y --no-install-recommends prometheus-alertmanager",
    "prometheus-blackbox-exporter": "apt-get install -y --no-install-recommends prometheus-blackbox-exporter",
    mariadbd: "apt-get install -y --no-install-recommends mariadb-server",
    "mariadb-install-db": "apt-get install -y --no-install-recommends mariadb-server",
    "wordpress-package": "apt-get install -y --no-install-recommends wordpress php-fpm php-mysql php-curl",
};

/** Where each tool asked about is on PATH (asked once per process: tests ask for the same few hundreds of times). */
const found = new Map<string, string | undefined>();

/** The path `command -v` gives for `tool`, or undefined when it is not on PATH. */
export function toolPath(tool: string): string | undefined {
    if (!found.has(tool)) {
        const r = spawnSync("sh", ["-c", `command -v ${tool}`], { encoding: "utf8" });
        found.set(tool, r.status === 0 ? r.stdout.trim() : undefined);
    }
    return found.get(tool);
}

export function hasTool(tool: string): boolean {
    return toolPath(tool) !== undefined;
}

/** Call at the start of a test: skips it (locally) or fails it (CI) when `tool` is missing. */
export function requireTool(ctx: Mocha.Context, tool: string): void {
    if (hasTool(tool)) {
        return;
    }
    const hint = `${tool} is not installed; install it with: ${INSTALL[tool] ?? `apt-get install ${tool}`}`;
    if (process.env.CI) {
        throw new Error(`${hint} (.ci/run installs it; under CI a missing tool is a failure)`);
    }
    console.warn(`      skipped: ${hint}`);
    ctx.skip();
}

export function run(cmd: string, args: string[], input?: string): SpawnSyncReturns<string> {
    return spawnSync(cmd, args, { encoding: "utf8", input, timeout: 60_000 });
}
