// The README's architecture diagram against the program: its solid arrows are
// exactly the traffic the production stack's security groups admit between tiers
// (as tools/diagram.ts reads them from the plan), and each dotted arrow is a
// dependency the plan has.

import * as assert from "node:assert/strict";
import * as fs from "node:fs";
import * as path from "node:path";
import { renderDiagram } from "../tools/diagram";
import { runStack } from "../tools/stack";

type Arrow = { from: string; to: string; solid: boolean };

/** The arrows of a Mermaid flowchart: `a -->|label| b[...]`, `a -.-> b`. */
function arrows(mermaid: string): Arrow[] {
    const out: Arrow[] = [];
    for (const line of mermaid.split("\n")) {
        const m = /^\s*(\w+)(?:\[[^\]]*\]|\(\([^)]*\)\))?\s*(-->|-\.->)(?:\|[^|]*\|)?\s*(\w+)/.exec(line);
        if (m) {
            out.push({ from: m[1], to: m[3], solid: m[2] === "-->" });
        }
    }
    return out;
}

const key = (a: Arrow) => `${a.from} → ${a.to}`;

/** README nodes that are not tiers of the program: people and places outside it. */
const OUTSIDE = new Set(["users", "dr"]);
/** The README draws Cloudflare as the edge tier; the plan sees it as the addresses it sends from. */
const AS_PLAN: Record<string, string> = { edge: "cloudflare_ip_ranges" };

describe("README architecture diagram", () => {
    let plan: Arrow[];
    let readme: Arrow[];
    before(async function () {
        this.timeout(300_000);
        const run = await runStack("production");
        plan = arrows(renderDiagram(run.resources, "production"));
        const text = fs.readFileSync(path.join(__dirname, "..", "README.md"), "utf8");
        const block = /```mermaid\n([\s\S]*?)```/.exec(text);
        assert.ok(block, "README has no mermaid diagram");
        readme = arrows(block[1]).filter((a) => !OUTSIDE.has(a.from) && !OUTSIDE.has(a.to));
    });

    it("solid arrows are exactly the traffic security groups admit between tiers", () => {
        // Interface endpoints admit HTTPS from anywhere in the VPC: not an arrow between tiers.
        const admitted = plan.filter((a) => a.solid && a.from !== "vpc_hosts").map(key);
        const drawn = readme
            .filter((a) => a.solid)
            .map((a) => key({ ...a, from: AS_PLAN[a.from] ?? a.from, to: AS_PLAN[a.to] ?? a.to }));
        assert.deepEqual([...new Set(drawn)].sort(), [...new Set(admitted)].sort());
    });

    it("every dotted arrow is a dependency of the plan", () => {
        const depends = new Set(plan.map(key));
        for (const a of readme.filter((x) => !x.solid)) {
            assert.ok(depends.has(key(a)), `README draws ${key(a)}; the plan has no such dependency`);
        }
    });

    it("names each prefix list of Cloudflare's addresses as Cloudflare, not by its id", () => {
        assert.ok(plan.some((a) => a.from === "cloudflare_ip_ranges" && a.to === "loadbalancer" && a.solid));
        assert.ok(!plan.some((a) => /^cidr/.test(a.from)), plan.map(key).join("\n"));
    });
});
