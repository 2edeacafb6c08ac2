// The tests' cloud-init validator (tests/support/cloud-init.ts: one Python
// process running the command's own code for every document) answers what
// `cloud-init schema --config-file FILE` answers: same exit code, same output
// but for the file's name: a valid document, one the schema refuses, one that
// is not YAML.

import * as assert from "assert";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { cloudInitSchema } from "./support/cloud-init";
import { requireTool, run } from "./support/tools";

const DOCUMENTS: Record<string, string> = {
    "a valid document": "#cloud-config\npackages: [nginx]\nruncmd:\n  - [systemctl, restart, nginx]\n",
    "a key of the wrong type": "#cloud-config\npackages: nginx\nwrite_files: {path: /etc/x}\n",
    "YAML that does not parse": "#cloud-config\npackages: [nginx\n",
};

describe("cloud-init validator of the tests (one process, the command's own code)", () => {
    before(function () {
        requireTool(this, "cloud-init");
    });

    for (const [what, text] of Object.entries(DOCUMENTS)) {
        it(`answers as cloud-init schema --config-file does: ${what}`, async () => {
            const dir = fs.mkdtempSync(path.join(os.tmpdir(), "hms-cloud-init-cli-"));
            try {
                const file = path.join(dir, "user-data");
                fs.writeFileSync(file, text);
                const cli = run("cloud-init", ["schema", "--config-file", file]);
                const served = await cloudInitSchema(text);
                const named = (s: string) => s.replace(/\/\S*\/user-data/g, "FILE");
                assert.deepStrictEqual(
                    { status: served.status, stdout: named(served.stdout), stderr: named(served.stderr) },
                    { status: cli.status, stdout: named(cli.stdout), stderr: named(cli.stderr) },
                );
            } finally {
                fs.rmSync(dir, { recursive: true, force: true });
            }
        });
    }

    it("tells valid from invalid (the cases above are not all alike)", async () => {
        const statuses = await Promise.all(
            Object.values(DOCUMENTS).map(async (t) => (await cloudInitSchema(t)).status),
        );
        assert.strictEqual(statuses[0], 0);
        assert.ok(
            statuses.slice(1).every((s) => s !== 0),
            `statuses ${statuses}`,
        );
    });
});
