// Architecture of a plan as a Mermaid flowchart: one node per tier (the
// `hms:*` components the composition creates), solid arrows for the traffic
// security group rules allow (from the client's tier to the server's, with
// protocol and port), dotted arrows for "uses" (a tier's resources depend on
// another tier's outputs: subnets, keys, endpoints, secrets). Pure: it reads
// the plan's resources and returns text.

import { CLOUDFLARE_IPV4, CLOUDFLARE_IPV6 } from "./mocks";

/** What the diagram reads of a resource (a subset of PlanResource). */
export interface GraphResource {
    urn: string;
    id: string;
    type: string;
    name: string;
    parent: string | null;
    custom: boolean;
    dependencies: string[];
    propertyDependencies: Record<string, string[]>;
    inputs: Record<string, unknown>;
}

export interface Tier {
    urn: string;
    type: string;
    name: string;
    /** The class name in the type token: `hms:database:Database` → "Database". */
    label: string;
    /** Custom resources under it, nested components included. */
    resources: GraphResource[];
}

export interface Architecture {
    /** Compositions: `hms:*` components with no `hms:*` ancestor (HospitalSystem). */
    roots: GraphResource[];
    tiers: Tier[];
    /** Custom resources the compositions create themselves (cross-tier rules, shared secrets). */
    wiring: GraphResource[];
}

const isHms = (r: GraphResource | undefined): boolean => !!r && !r.custom && r.type.startsWith("hms:");

/** Finds the compositions, their tiers and which tier owns each resource. */
export function architecture(resources: GraphResource[]): Architecture {
    const byUrn = new Map(resources.map((r) => [r.urn, r]));
    const hmsAncestor = (r: GraphResource): GraphResource | undefined => {
        let p = r.parent ? byUrn.get(r.parent) : undefined;
        while (p && !isHms(p)) {
            p = p.parent ? byUrn.get(p.parent) : undefined;
        }
        return p;
    };
    const roots = resources.filter((r) => isHms(r) && !hmsAncestor(r));
    const rootSet = new Set(roots.map((r) => r.urn));
    const tierResources = resources.filter((r) => isHms(r) && rootSet.has(hmsAncestor(r)?.urn ?? ""));
    // A composition without tiers is drawn as a tier of its own.
    for (const root of roots) {
        if (!tierResources.some((t) => t.parent === root.urn || hmsAncestor(t)?.urn === root.urn)) {
            tierResources.push(root);
        }
    }
    const tiers: Tier[] = tierResources.map((t) => ({
        urn: t.urn,
        type: t.type,
        name: t.name,
        label: t.type.split(":").pop() ?? t.type,
        resources: [],
    }));
    const tierByUrn = new Map(tiers.map((t) => [t.urn, t]));
    const wiring: GraphResource[] = [];
    for (const r of resources) {
        if (!r.custom) {
            continue;
        }
        const owner = ownerOf(r, byUrn, tierByUrn, rootSet);
        if (owner === "root") {
            wiring.push(r);
        } else if (owner) {
            owner.resources.push(r);
        }
    }
    return { roots, tiers, wiring };
}

function ownerOf(
    r: GraphResource,
    byUrn: Map<string, GraphResource>,
    tiers: Map<string, Tier>,
    roots: Set<string>,
): Tier | "root" | undefined {
    let p: GraphResource | undefined = r;
    while (p) {
        const tier = tiers.get(p.urn);
        if (tier) {
            return tier;
        }
        if (roots.has(p.urn)) {
            return "root";
        }
        p = p.parent ? byUrn.get(p.parent) : undefined;
    }
    return undefined;
}

interface Edge {
    from: string;
    to: string;
    labels: Set<string>;
}

function cidrLabel(cidrs: string[], vpcCidrs: Set<string>): string {
    if (cidrs.every((c) => CLOUDFLARE_IPV4.includes(c) || CLOUDFLARE_IPV6.includes(c))) {
        return "Cloudflare IP ranges";
    }
    if (cidrs.some((c) => c === "0.0.0.0/0" || c === "::/0")) {
        return "Internet";
    }
    if (cidrs.every((c) => vpcCidrs.has(c))) {
        return `anywhere in the VPC (${cidrs.join(", ")})`;
    }
    return cidrs.join(", ");
}

function portLabel(protocol: unknown, from: unknown, to: unknown): string {
    const p = String(protocol ?? "tcp");
    if (p === "-1" || p === "all") {
        return "all traffic";
    }
    const range = from === undefined ? "" : from === to || to === undefined ? ` ${from}` : ` ${from}-${to}`;
    return `${p}${range}`;
}

/** Words a Mermaid flowchart does not accept as node ids. */
const MERMAID_KEYWORDS = new Set([
    "end",
    "graph",
    "flowchart",
    "subgraph",
    "style",
    "class",
    "classdef",
    "click",
    "linkstyle",
    "direction",
    "default",
]);

const strings = (v: unknown): string[] => (Array.isArray(v) ? v.filter((x): x is string => typeof x === "string") : []);

/** Renders the Mermaid flowchart of a plan. */
export function renderDiagram(resources: GraphResource[], title: string): string {
    return new Diagram(resources).render(title);
}

/** Who may reach a tier: another tier, or addresses (CIDRs, prefix lists resolved to their CIDRs). */
type Source = { tier?: Tier; cidrs?: string[] };

/** The plan read as tiers, their node ids, and the edges between them. */
class Diagram {
    private readonly arch: Architecture;
    private readonly byUrn: Map<string, GraphResource>;
    private readonly tierByUrn: Map<string, Tier>;
    private readonly rootSet: Set<string>;
    private readonly ids = new Map<string, string>();
    private readonly used = new Set<string>();
    /** Address nodes (Internet, Cloudflare, VPC hosts) by node id. */
    private readonly external = new Map<string, string>();
    private readonly traffic = new Map<string, Edge>();
    private readonly uses = new Map<string, Edge>();

    constructor(private readonly resources: GraphResource[]) {
        this.arch = architecture(resources);
        this.byUrn = new Map(resources.map((r) => [r.urn, r]));
        this.tierByUrn = new Map(this.arch.tiers.map((t) => [t.urn, t]));
        this.rootSet = new Set(this.arch.roots.map((r) => r.urn));
        for (const t of this.arch.tiers) {
            this.idFor(t.urn, t.label);
        }
        this.collectUses();
        this.collectTraffic();
    }

    private owner(urn: string): Tier | "root" | undefined {
        const r = this.byUrn.get(urn);
        return r ? ownerOf(r, this.byUrn, this.tierByUrn, this.rootSet) : undefined;
    }

    private tierOf(urn: string): Tier | undefined {
        const o = this.owner(urn);
        return o && o !== "root" ? o : undefined;
    }

    /** Node ids: the tier's class name, made unique (and never a Mermaid keyword). */
    private idFor(key: string, base: string): string {
        let id = this.ids.get(key);
        if (id) {
            return id;
        }
        let slug =
            base
                .replace(/[^A-Za-z0-9]+/g, "_")
                .replace(/^_+|_+$/g, "")
                .toLowerCase() || "node";
        if (MERMAID_KEYWORDS.has(slug)) {
            slug = `${slug}_tier`;
        }
        id = slug;
        for (let i = 2; this.used.has(id); i++) {
            id = `${slug}_${i}`;
        }
        this.used.add(id);
        this.ids.set(key, id);
        return id;
    }

    private tierId(t: Tier): string {
        return this.idFor(t.urn, t.label);
    }

    /** Tiers a dependency leads to; through the composition's own resources to what they depend on. */
    private tiersBehind(urn: string, seen = new Set<string>()): Tier[] {
        if (seen.has(urn)) {
            return [];
        }
        seen.add(urn);
        const o = this.owner(urn);
        if (o && o !== "root") {
            return [o];
        }
        const r = this.byUrn.get(urn);
        if (o === "root" && r) {
            return dependenciesOf(r).flatMap((d) => this.tiersBehind(d, seen));
        }
        return [];
    }

    /** "Uses" edges: a tier's resources depend on another tier's resources. */
    private collectUses(): void {
        for (const t of this.arch.tiers) {
            for (const r of this.resources.filter((x) => x.urn !== t.urn && this.tierOf(x.urn) === t)) {
                for (const dep of new Set(dependenciesOf(r))) {
                    this.tiersBehind(dep)
                        .filter((target) => target !== t)
                        .forEach((target) => this.use(t, target, dep));
                }
            }
        }
    }

    private use(t: Tier, target: Tier, dep: string): void {
        const key = `${t.urn}→${target.urn}`;
        const e = this.uses.get(key) ?? { from: this.tierId(t), to: this.tierId(target), labels: new Set() };
        const d = this.byUrn.get(dep);
        if (d && this.owner(dep) === target) {
            e.labels.add(d.type.split(":").pop() ?? d.type);
        }
        this.uses.set(key, e);
    }

    /** Traffic: ingress rules, from the source (tier or addresses) to the tier owning the security group. */
    private collectTraffic(): void {
        const sgOwner = new Map<string, Tier>();
        const prefixLists = new Map<string, string[]>();
        for (const r of this.resources) {
            const t = this.tierOf(r.urn);
            if (r.type === "aws:ec2/securityGroup:SecurityGroup" && r.id !== "" && t) {
                sgOwner.set(r.id, t);
            } else if (r.type === "aws:ec2/managedPrefixList:ManagedPrefixList" && r.id !== "") {
                const entries = Array.isArray(r.inputs.entries) ? (r.inputs.entries as Array<{ cidr?: unknown }>) : [];
                prefixLists.set(r.id, strings(entries.map((e) => e.cidr)));
            }
        }
        const sgTier = (r: GraphResource, key: string): Tier | undefined => {
            for (const d of r.propertyDependencies[key] ?? []) {
                if (this.byUrn.get(d)?.type === "aws:ec2/securityGroup:SecurityGroup" && this.tierOf(d)) {
                    return this.tierOf(d);
                }
            }
            const v = r.inputs[key];
            return typeof v === "string" ? sgOwner.get(v) : undefined;
        };
        for (const r of this.resources) {
            const i = r.inputs;
            if (r.type === "aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule") {
                const label = portLabel(i.ipProtocol, i.fromPort, i.toPort);
                const source: Source =
                    i.referencedSecurityGroupId !== undefined
                        ? { tier: sgTier(r, "referencedSecurityGroupId") }
                        : {
                              cidrs: [
                                  ...strings([i.cidrIpv4, i.cidrIpv6]),
                                  ...(prefixLists.get(String(i.prefixListId)) ?? strings([i.prefixListId])),
                              ],
                          };
                this.allow(source, sgTier(r, "securityGroupId"), label);
            } else if (r.type === "aws:ec2/securityGroupRule:SecurityGroupRule" && i.type === "ingress") {
                const label = portLabel(i.protocol, i.fromPort, i.toPort);
                const source: Source =
                    i.sourceSecurityGroupId !== undefined
                        ? { tier: sgTier(r, "sourceSecurityGroupId") }
                        : { cidrs: [...strings(i.cidrBlocks), ...strings(i.ipv6CidrBlocks)] };
                this.allow(source, sgTier(r, "securityGroupId"), label);
            } else if (r.type === "aws:ec2/securityGroup:SecurityGroup" && Array.isArray(i.ingress)) {
                const to = this.tierOf(r.urn);
                for (const rule of i.ingress as Array<Record<string, unknown>>) {
                    const label = portLabel(rule.protocol, rule.fromPort, rule.toPort);
                    for (const sg of strings(rule.securityGroups)) {
                        this.allow({ tier: sgOwner.get(sg) }, to, label);
                    }
                    this.allow({ cidrs: [...strings(rule.cidrBlocks), ...strings(rule.ipv6CidrBlocks)] }, to, label);
                }
            }
        }
    }

    private vpcCidrs(): Set<string> {
        return new Set(
            this.resources
                .filter((r) => r.type === "aws:ec2/vpc:Vpc" && typeof r.inputs.cidrBlock === "string")
                .map((r) => r.inputs.cidrBlock as string),
        );
    }

    private allow(from: Source, to: Tier | undefined, label: string): void {
        if (!to || from.tier === to) {
            return;
        }
        let fromId: string;
        if (from.tier) {
            fromId = this.tierId(from.tier);
        } else if (from.cidrs && from.cidrs.length > 0) {
            const name = cidrLabel(from.cidrs, this.vpcCidrs());
            const base =
                name === "Internet" || name === "Cloudflare IP ranges"
                    ? name
                    : name.startsWith("anywhere")
                      ? "vpc_hosts"
                      : "cidr";
            fromId = this.idFor(`external:${name}`, base);
            this.external.set(fromId, name);
        } else {
            return;
        }
        const toId = this.tierId(to);
        const key = `${fromId}→${toId}`;
        const e = this.traffic.get(key) ?? { from: fromId, to: toId, labels: new Set() };
        e.labels.add(label);
        this.traffic.set(key, e);
    }

    render(title: string): string {
        const lines = [
            "flowchart LR",
            `  %% ${esc(title)}`,
            "  %% solid arrows: traffic allowed by security group rules (client to server, protocol and port)",
            "  %% dotted arrows: uses (the tier's resources depend on the other tier's outputs)",
            ...this.renderNodes(),
        ];
        for (const e of this.traffic.values()) {
            lines.push(`  ${e.from} -->|${edgeLabel(e.labels, 4)}| ${e.to}`);
        }
        const traffic = [...this.traffic.values()];
        for (const e of this.uses.values()) {
            if (traffic.some((t) => t.from === e.from && t.to === e.to) || e.from === e.to) {
                continue;
            }
            lines.push(
                e.labels.size > 0
                    ? `  ${e.from} -.->|uses ${edgeLabel(e.labels, 3)}| ${e.to}`
                    : `  ${e.from} -.-> ${e.to}`,
            );
        }
        return `${lines.join("\n")}\n`;
    }

    /** The compositions as subgraphs of their tiers, then the address nodes. */
    private renderNodes(): string[] {
        const lines: string[] = [];
        const drawn = new Set<string>();
        const node = (t: Tier) => {
            drawn.add(t.urn);
            const n = t.resources.length;
            return `${this.tierId(t)}["${esc(t.label)}<br/>${esc(t.name)}<br/>${n} resource${n === 1 ? "" : "s"}"]`;
        };
        for (const root of this.arch.roots) {
            const members = this.arch.tiers.filter(
                (t) => this.byUrn.get(t.urn)?.parent === root.urn || t.urn === root.urn,
            );
            if (members.length === 1 && members[0].urn === root.urn) {
                lines.push(`  ${node(members[0])}`);
                continue;
            }
            lines.push(
                `  subgraph ${this.idFor(root.urn, `${root.name}_system`)}["${esc(root.name)} (${esc(root.type)})"]`,
            );
            lines.push(...members.map((t) => `    ${node(t)}`));
            lines.push("  end");
        }
        lines.push(...this.arch.tiers.filter((t) => !drawn.has(t.urn)).map((t) => `  ${node(t)}`));
        for (const [id, name] of this.external) {
            lines.push(`  ${id}(("${esc(name)}"))`);
        }
        return lines;
    }
}

const dependenciesOf = (r: GraphResource): string[] => [
    ...r.dependencies,
    ...Object.values(r.propertyDependencies).flat(),
];

const esc = (s: string) => s.replace(/"/g, "'").replace(/[<>]/g, "");

const edgeLabel = (labels: Set<string>, max: number) => {
    const all = [...labels].sort();
    const shown = all.slice(0, max).join(", ") + (all.length > max ? ", …" : "");
    return esc(shown).replace(/\|/g, "/");
};
