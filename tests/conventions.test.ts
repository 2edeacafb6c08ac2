// Code conventions of /work/shared/DESIGN.md that a reviewer would otherwise check by
// eye: component type tokens `hms:<tier>:<Name>`, and renamed tokens keep real stacks'
// resources (an alias of the former token, so nothing is replaced).

import * as assert from "node:assert/strict";
import * as fs from "node:fs";
import * as path from "node:path";
import { TIERS } from "../config/stack";
import { runStack, StackRun } from "../tools/stack";

const ROOT = path.resolve(__dirname, "..");

/**
 * `<tier>` is a tier of config/stack.ts (the tier that switches the component on, or
 * for a piece several tiers use, the tier that owns its concern: IAM and keys are
 * security's); `system` is the composition of all tiers. `<Name>` is the class name.
 */
const MODULES = new Set<string>([...TIERS, "system"]);
const TOKEN = /^hms:([A-Za-z]+):([A-Z][A-Za-z0-9]*)$/;

/** Tokens that stacks deployed before they were renamed registered, and the token each became. */
const RENAMED: Record<string, string> = {
    "hms:index:HospitalSystem": "hms:system:HospitalSystem",
    "hms:mail:Mail": "hms:app:Mail",
    "hms:account:AccountBaseline": "hms:security:AccountBaseline",
    "hms:compute:InstanceRole": "hms:security:InstanceRole",
};

/** Every `class X extends pulumi.ComponentResource` in components/ and the literal token its constructor passes. */
function declaredComponents(): Array<{ file: string; className: string; token: string | undefined }> {
    const dir = path.join(ROOT, "components");
    return fs
        .readdirSync(dir)
        .filter((f) => f.endsWith(".ts"))
        .flatMap((file) => {
            const text = fs.readFileSync(path.join(dir, file), "utf8");
            return [...text.matchAll(/class (\w+) extends pulumi\.ComponentResource\b/g)].map((m) => {
                const body = text.slice(m.index);
                return { file, className: m[1], token: /super\(\s*"([^"]+)"/.exec(body)?.[1] };
            });
        });
}

describe("conventions: component type tokens hms:<tier>:<Name>", () => {
    it("every component class passes a literal token naming a tier and the class", () => {
        const declared = declaredComponents();
        assert.ok(declared.length >= 15, `found only ${declared.length} components`);
        for (const c of declared) {
            const m = TOKEN.exec(c.token ?? "");
            assert.ok(m, `${c.file}: ${c.className} passes ${c.token ?? "no literal token"}`);
            assert.ok(MODULES.has(m[1]), `${c.file}: ${c.token}: "${m[1]}" is not one of ${[...MODULES].join(", ")}`);
            assert.equal(m[2], c.className, `${c.file}: ${c.token} does not name its class ${c.className}`);
        }
    });

    describe("in the stacks", () => {
        const runs: StackRun[] = [];
        before(async function () {
            this.timeout(300_000);
            runs.push(await runStack("production"), await runStack("development"));
        });

        it("every registered component has a conventional token", () => {
            const components = runs.flatMap((r) => r.resources.filter((x) => !x.custom && x.type.startsWith("hms:")));
            assert.ok(components.length > 20, `${components.length} components`);
            for (const c of components) {
                const m = TOKEN.exec(c.type);
                assert.ok(m && MODULES.has(m[1]), `${c.name}: ${c.type}`);
            }
        });

        it("a renamed token keeps the resource: its former token is an alias of the same name and parent", () => {
            const production = runs[0];
            for (const [former, current] of Object.entries(RENAMED)) {
                const found = production.resources.filter((r) => r.type === current);
                assert.ok(found.length > 0, `production registers no ${current}`);
                for (const r of found) {
                    // The URN the engine gave it under the former token (resource.NewURN: the parent's
                    // qualified type, then `$<type>::<name>`; at the top, `urn:pulumi:<stack>::<project>::`).
                    const prefix = r.parent
                        ? `${r.parent.slice(0, r.parent.lastIndexOf("::"))}$`
                        : "urn:pulumi:production::hms::";
                    const expected = `${prefix}${former}::${r.name}`;
                    assert.ok(
                        r.options.aliases.includes(expected),
                        `${r.name}: aliases ${JSON.stringify(r.options.aliases)} lack ${expected}`,
                    );
                }
            }
        });
    });
});
