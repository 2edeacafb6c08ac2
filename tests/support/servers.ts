// Helpers of the server tests (app servers, WebSocket, templates): decode user
// data, pick files and scripts out of a cloud-config document, and feed them to
// the real tools (cloud-init schema, shellcheck).

import * as assert from "assert";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { gunzipSync } from "zlib";
import { parse } from "yaml";
import { RecordedResource } from "../../tools/mocks";
import { StackRun } from "../../tools/stack";
import { requireTool, run } from "./tools";
import { ofType } from "./resources";

export interface CloudDoc {
    packages?: string[];
    write_files: Array<{ path: string; content: string; permissions?: string; owner?: string }>;
    runcmd?: Array<string | string[]>;
    [key: string]: unknown;
}

export { ofType };

export const instancesWithRole = (r: StackRun, role: string): RecordedResource[] =>
    ofType(r, "aws:ec2/instance:Instance").filter((i) => (i.inputs.tags as Record<string, string>).Role === role);

export const byId = (r: StackRun, type: string, id: unknown): RecordedResource => {
    const found = ofType(r, type).find((x) => x.id === id);
    assert.ok(found, `no ${type} with id ${String(id)}`);
    return found;
};

/** The cloud-config text of an instance (user data is gzipped and base64-encoded). */
export const userDataOf = (i: RecordedResource): string => {
    assert.strictEqual(typeof i.inputs.userDataBase64, "string", `${i.name} has plain (non-secret) userDataBase64`);
    return gunzipSync(Buffer.from(String(i.inputs.userDataBase64), "base64")).toString("utf8");
};

export const docOf = (userData: string): CloudDoc => parse(userData) as CloudDoc;

export const fileOf = (doc: CloudDoc, p: string): string => {
    const f = doc.write_files.find((w) => w.path === p);
    assert.ok(f, `the document writes ${p}`);
    return f.content;
};

/** Every shell script a document carries: write_files with a sh/bash shebang or directive, and runcmd strings. */
export function shellScripts(doc: CloudDoc): Array<{ name: string; text: string; shell: string }> {
    const out: Array<{ name: string; text: string; shell: string }> = [];
    for (const f of doc.write_files) {
        const m =
            /^#!\s*\/(?:usr\/)?bin\/(?:env\s+)?(bash|sh)\b/.exec(f.content) ??
            /^# shellcheck shell=(bash|sh)\b/m.exec(f.content);
        if (m) {
            out.push({ name: f.path, text: f.content, shell: m[1] });
        }
    }
    (doc.runcmd ?? []).forEach((c, i) => {
        if (typeof c === "string") {
            out.push({ name: `runcmd[${i}]`, text: c, shell: "sh" });
        } else if ((c[0] === "sh" || c[0] === "bash") && c[1] === "-c") {
            out.push({ name: `runcmd[${i}]`, text: c[2], shell: c[0] });
        }
    });
    return out;
}

/** shellcheck on every script of a document (at least `min` of them). */
export function assertShellcheckClean(ctx: Mocha.Context, doc: CloudDoc, what: string, min: number): void {
    requireTool(ctx, "shellcheck");
    const scripts = shellScripts(doc);
    assert.ok(
        scripts.length >= min,
        `${what}: expected at least ${min} shell scripts, found ${scripts.map((s) => s.name).join(", ")}`,
    );
    // One shellcheck per shell over all of that shell's scripts, each in a file named after the script's
    // path in the document: its report names the script of each finding.
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "hms-shellcheck-"));
    try {
        for (const shell of new Set(scripts.map((s) => s.shell))) {
            const files = scripts
                .filter((s) => s.shell === shell)
                .map((s, i) => {
                    const file = path.join(dir, `${i}-${s.name.replace(/[^A-Za-z0-9._-]+/g, "_")}`);
                    fs.writeFileSync(file, s.text);
                    return file;
                });
            const r = run("shellcheck", ["--shell", shell, ...files]);
            assert.strictEqual(r.status, 0, `${what}: shellcheck (${shell}):\n${r.stdout}${r.stderr}`);
        }
    } finally {
        fs.rmSync(dir, { recursive: true, force: true });
    }
}

/** Strings that must never appear in user data: generated passwords and `password=<value>`. */
export function assertNoSecrets(r: StackRun, userData: string, what: string): void {
    const generated = [
        ...ofType(r, "random:index/randomPassword:RandomPassword"),
        // Final snapshot name suffixes are random strings too, but names, not secrets.
        ...ofType(r, "random:index/randomString:RandomString").filter(
            (g) => !g.name.endsWith("-final-snapshot-suffix"),
        ),
    ];
    assert.ok(generated.length > 0, "the stack generates passwords");
    for (const g of generated) {
        const value = String(g.outputs.result);
        assert.ok(value.length >= 16 && value !== "[secret]", `mock value of ${g.name} is known`);
        assert.ok(!userData.includes(value), `${what} contains the value of ${g.name}`);
    }
    assert.doesNotMatch(userData, /password\s*=\s*["']?[^\s"'$]/i, `${what} holds a password`);
    assert.doesNotMatch(userData, /PRIVATE KEY/);
}

/**
 * The health gate of a server: the deployment command of its tier's component
 * that its replacement runs (triggered by the server's id).
 */
export function gateOf(r: StackRun, server: RecordedResource): RecordedResource {
    const gates = ofType(r, "command:local:Command").filter(
        (c) => c.parent === server.parent && ((c.inputs.triggers as unknown[] | undefined) ?? []).includes(server.id),
    );
    assert.strictEqual(gates.length, 1, `one health gate for ${server.name}`);
    return gates[0];
}

/**
 * Servers of a tier are replaced one at a time, each created before the old one
 * is deleted, and a server waits until the previous one passed its health gate;
 * a new Canonical image replaces none of them.
 */
export function assertChainedReplacements(r: StackRun, servers: RecordedResource[]): void {
    assert.ok(servers.length > 0, "servers");
    servers.forEach((server, i) => {
        assert.ok(server.options.ignoreChanges.includes("ami"), `${server.name}: a new AMI replaces nothing`);
        assert.notStrictEqual(server.options.deleteBeforeReplace, true, `${server.name}: created before deleted`);
        assert.strictEqual(server.inputs.privateIp, undefined, `${server.name}: no fixed address`);
        gateOf(r, server);
        if (i > 0) {
            assert.ok(
                server.dependencies.includes(gateOf(r, servers[i - 1]).urn),
                `${server.name} waits until ${servers[i - 1].name} passed its health gate`,
            );
        }
    });
}
