// mocha's configuration for `npm test` (and, with its own spec, for
// `npm run test:mutation`, stryker.config.mjs).
//
// Two workers, one per core of the CI machine. mocha hands the files to its
// workers in the order of `spec`, each worker taking the next file when it is
// free; the slowest files go first so that no worker is left finishing one of
// them while the other idles (longest first). The list is of files measured at
// over 4 s in a serial run; every other test file follows in path order. A
// listed file that no longer exists stops the run here, so the list cannot rot.
//
// mocha adds the files named on its command line to `spec`: when some are
// named (`npx mocha tests/nginx.test.ts`), `spec` stays empty and only those run.
"use strict";

const fs = require("fs");

const SLOWEST_FIRST = [
    "tests/plan.test.ts",
    "tests/security.test.ts",
    "tests/e2e-app.test.ts",
    "tests/nginx.test.ts",
    "tests/templates-app.test.ts",
    "tests/edge.test.ts",
    "tests/load-balancer.test.ts",
    "tests/app-servers.test.ts",
    "tests/websocket.test.ts",
];

for (const file of SLOWEST_FIRST) {
    if (!fs.existsSync(file)) {
        throw new Error(`.mocharc.js lists ${file} among the slowest test files, and there is no such file`);
    }
}

// Scratch space in memory. Tests write databases, keys, sockets and configurations under
// os.tmpdir(); on disk, syncs dominate some of them (mariadb-install-db alone makes some 970
// fsync calls: about 4 s on the CI machine's disk, 0.6 s on tmpfs, where fsync returns at once).
// mocha's workers and every process they start inherit TMPDIR. Only a tmpfs that allows
// executables (tests run stand-in scripts from their scratch directories) with 1 GiB free; an
// explicit TMPDIR is left alone.
const MEMORY_SCRATCH = "/dev/shm";
function memoryScratch() {
    let mounts;
    try {
        mounts = fs.readFileSync("/proc/self/mounts", "utf8");
    } catch {
        return undefined;
    }
    const mount = mounts
        .split("\n")
        .map((l) => l.split(" "))
        .find(([, target, type]) => target === MEMORY_SCRATCH && type === "tmpfs");
    if (!mount || mount[3].split(",").includes("noexec")) {
        return undefined;
    }
    try {
        fs.accessSync(MEMORY_SCRATCH, fs.constants.W_OK | fs.constants.X_OK);
        const s = fs.statfsSync(MEMORY_SCRATCH);
        return s.bavail * s.bsize >= 2 ** 30 ? MEMORY_SCRATCH : undefined;
    } catch {
        return undefined;
    }
}
if (!process.env.TMPDIR) {
    const dir = memoryScratch();
    if (dir) {
        process.env.TMPDIR = dir;
    }
}

const named = process.argv.slice(2).some((arg) => /\.test\.ts$|^tests\//.test(arg));

const rest = fs
    .globSync("tests/**/*.test.ts")
    .filter((f) => !SLOWEST_FIRST.includes(f))
    .sort();

module.exports = {
    require: ["./tools/register.js"],
    extension: ["ts"],
    spec: named ? [] : [...SLOWEST_FIRST, ...rest],
    parallel: true,
    jobs: 2,
    timeout: 60000,
};
