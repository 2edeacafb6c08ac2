import * as assert from "assert";
import { spawnSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { renderOriginPullWait } from "../templates/origin-pull-rotation";
import { runStack, StackRun } from "../tools/stack";
import { ofType } from "./support/resources";
import { requireTool, run } from "./support/tools";

describe("Authenticated Origin Pulls certificate rotation (upload, wait until active, then delete)", () => {
    let stack: StackRun;
    before(async function () {
        this.timeout(300_000);
        stack = await runStack("production");
    });

    it("the new certificate is created before the old one is deleted, and origin pulls wait until Cloudflare reports it active", () => {
        const cert = ofType(
            stack,
            "cloudflare:index/authenticatedOriginPullsCertificate:AuthenticatedOriginPullsCertificate",
        );
        assert.strictEqual(cert.length, 1);
        assert.notStrictEqual(cert[0].options.deleteBeforeReplace, true, "create-before-delete");
        const wait = ofType(stack, "command:local:Command").find((c) =>
            (c.inputs.triggers as string[]).includes(cert[0].id),
        );
        assert.ok(wait, "a wait re-run for every new certificate");
        assert.ok(wait.dependencies.includes(cert[0].urn));
        assert.deepStrictEqual(wait.inputs.environment, { ZONE_ID: cert[0].inputs.zoneId, CERTIFICATE_ID: cert[0].id });
        const settings = ofType(
            stack,
            "cloudflare:index/authenticatedOriginPullsSettings:AuthenticatedOriginPullsSettings",
        )[0];
        assert.ok(settings.dependencies.includes(wait.urn));
    });

    it("the wait passes shellcheck", function () {
        requireTool(this, "shellcheck");
        const r = run("shellcheck", ["-s", "bash", "-"], renderOriginPullWait({ attempts: 60, intervalSeconds: 10 }));
        assert.strictEqual(r.status, 0, r.stdout + r.stderr);
    });

    it("succeeds once the certificate is active and fails while it is pending (real bash, curl and jq)", function () {
        this.timeout(30_000);
        requireTool(this, "curl");
        requireTool(this, "jq");
        const dir = fs.mkdtempSync(path.join(os.tmpdir(), "aop-"));
        try {
            const file = path.join(dir, "zones", "z1", "origin_tls_client_auth", "c1");
            fs.mkdirSync(path.dirname(file), { recursive: true });
            // A stand-in `sleep` records the pauses instead of taking them.
            const bin = path.join(dir, "bin");
            const slept = path.join(dir, "slept");
            fs.mkdirSync(bin);
            fs.writeFileSync(path.join(bin, "sleep"), `#!/bin/sh\necho "$@" >> "${slept}"\n`, { mode: 0o755 });
            const script = renderOriginPullWait({ attempts: 2, intervalSeconds: 7 });
            const exec = () =>
                spawnSync("bash", ["-c", script], {
                    encoding: "utf8",
                    env: {
                        PATH: `${bin}:${process.env.PATH}`,
                        CLOUDFLARE_API_TOKEN: "test",
                        ZONE_ID: "z1",
                        CERTIFICATE_ID: "c1",
                        CLOUDFLARE_API_BASE: `file://${dir}`,
                    },
                });
            fs.writeFileSync(
                file,
                JSON.stringify({ success: true, result: { id: "c1", status: "pending_deployment" } }),
            );
            const pending = exec();
            assert.strictEqual(pending.status, 1, pending.stdout + pending.stderr);
            assert.match(pending.stderr, /still pending_deployment after 2 attempts/);
            assert.deepStrictEqual(
                fs.readFileSync(slept, "utf8").split("\n"),
                ["7", "7", ""],
                "the interval after each attempt",
            );
            fs.rmSync(slept);
            fs.writeFileSync(file, JSON.stringify({ success: true, result: { id: "c1", status: "active" } }));
            const active = exec();
            assert.strictEqual(active.status, 0, active.stdout + active.stderr);
            assert.ok(!fs.existsSync(slept), "no pause once active");
        } finally {
            fs.rmSync(dir, { recursive: true, force: true });
        }
    });
});
