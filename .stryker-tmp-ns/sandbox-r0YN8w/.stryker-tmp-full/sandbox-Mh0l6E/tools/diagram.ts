// @ts-nocheck
// 
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
    const arch = architecture(resources);
    const byUrn = new Map(resources.map((r) => [r.urn, r]));
    const tierByUrn = new Map(arch.tiers.map((t) => [t.urn, t]));
    const rootSet = new Set(arch.roots.map((r) => r.urn));
    const owner = (urn: string) => {
        const r = byUrn.get(urn);
        return r ? ownerOf(r, byUrn, tierByUrn, rootSet) : undefined;
    };

    // Node ids: the tier's class name, made unique.
    const ids = new Map<string, string>();
    const used = new Set<string>();
    const idFor = (key: string, base: string): string => {
        let id = ids.get(key);
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
        for (let i = 2; used.has(id); i++) {
            id = `${slug}_${i}`;
        }
        used.add(id);
        ids.set(key, id);
        return id;
    };
    for (const t of arch.tiers) {
        idFor(t.urn, t.label);
    }

    // Tiers a dependency leads to; through the composition's own resources to what they depend on.
    const tiersBehind = (urn: string, seen = new Set<string>()): Tier[] => {
        if (seen.has(urn)) {
            return [];
        }
        seen.add(urn);
        const o = owner(urn);
        if (o && o !== "root") {
            return [o];
        }
        const r = byUrn.get(urn);
        if (o === "root" && r) {
            return [...r.dependencies, ...Object.values(r.propertyDependencies).flat()].flatMap((d) =>
                tiersBehind(d, seen),
            );
        }
        return [];
    };

    const uses = new Map<string, Edge>();
    for (const t of arch.tiers) {
        for (const r of resources) {
            if (owner(r.urn) !== t || r.urn === t.urn) {
                continue;
            }
            for (const dep of new Set([...r.dependencies, ...Object.values(r.propertyDependencies).flat()])) {
                for (const target of tiersBehind(dep)) {
                    if (target === t) {
                        continue;
                    }
                    const key = `${t.urn}→${target.urn}`;
                    const e = uses.get(key) ?? {
                        from: idFor(t.urn, t.label),
                        to: idFor(target.urn, target.label),
                        labels: new Set(),
                    };
                    const d = byUrn.get(dep);
                    if (d && owner(dep) === target) {
                        e.labels.add(d.type.split(":").pop() ?? d.type);
                    }
                    uses.set(key, e);
                }
            }
        }
    }

    // Traffic: ingress rules, from the source (tier or CIDRs) to the tier owning the security group.
    const sgOwner = new Map<string, Tier>();
    for (const r of resources) {
        if (r.type === "aws:ec2/securityGroup:SecurityGroup" && r.id !== "") {
            const o = owner(r.urn);
            if (o && o !== "root") {
                sgOwner.set(r.id, o);
            }
        }
    }
    const sgTier = (r: GraphResource, key: string): Tier | undefined => {
        for (const d of r.propertyDependencies[key] ?? []) {
            const found = byUrn.get(d);
            if (found?.type === "aws:ec2/securityGroup:SecurityGroup") {
                const o = owner(d);
                if (o && o !== "root") {
                    return o;
                }
            }
        }
        const v = r.inputs[key];
        return typeof v === "string" ? sgOwner.get(v) : undefined;
    };
    const vpcCidrs = new Set(
        resources
            .filter((r) => r.type === "aws:ec2/vpc:Vpc" && typeof r.inputs.cidrBlock === "string")
            .map((r) => r.inputs.cidrBlock as string),
    );
    const external = new Map<string, string>();
    const traffic = new Map<string, Edge>();
    const allow = (from: { tier?: Tier; cidrs?: string[] }, to: Tier | undefined, label: string) => {
        if (!to) {
            return;
        }
        let fromId: string;
        if (from.tier) {
            if (from.tier === to) {
                return;
            }
            fromId = idFor(from.tier.urn, from.tier.label);
        } else if (from.cidrs && from.cidrs.length > 0) {
            const name = cidrLabel(from.cidrs, vpcCidrs);
            const base =
                name === "Internet" || name === "Cloudflare IP ranges"
                    ? name
                    : name.startsWith("anywhere")
                      ? "vpc_hosts"
                      : "cidr";
            fromId = idFor(`external:${name}`, base);
            external.set(fromId, name);
        } else {
            return;
        }
        const toId = idFor(to.urn, to.label);
        const key = `${fromId}→${toId}`;
        const e = traffic.get(key) ?? { from: fromId, to: toId, labels: new Set() };
        e.labels.add(label);
        traffic.set(key, e);
    };
    for (const r of resources) {
        const i = r.inputs;
        if (r.type === "aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule") {
            const to = sgTier(r, "securityGroupId");
            const label = portLabel(i.ipProtocol, i.fromPort, i.toPort);
            if (i.referencedSecurityGroupId !== undefined) {
                allow({ tier: sgTier(r, "referencedSecurityGroupId") }, to, label);
            } else {
                allow(
                    {
                        cidrs: [i.cidrIpv4, i.cidrIpv6, i.prefixListId].filter(
                            (c): c is string => typeof c === "string",
                        ),
                    },
                    to,
                    label,
                );
            }
        } else if (r.type === "aws:ec2/securityGroupRule:SecurityGroupRule" && i.type === "ingress") {
            const to = sgTier(r, "securityGroupId");
            const label = portLabel(i.protocol, i.fromPort, i.toPort);
            if (i.sourceSecurityGroupId !== undefined) {
                allow({ tier: sgTier(r, "sourceSecurityGroupId") }, to, label);
            } else {
                allow({ cidrs: [...strings(i.cidrBlocks), ...strings(i.ipv6CidrBlocks)] }, to, label);
            }
        } else if (r.type === "aws:ec2/securityGroup:SecurityGroup" && Array.isArray(i.ingress)) {
            const o = owner(r.urn);
            const to = o && o !== "root" ? o : undefined;
            for (const rule of i.ingress as Array<Record<string, unknown>>) {
                const label = portLabel(rule.protocol, rule.fromPort, rule.toPort);
                for (const sg of strings(rule.securityGroups)) {
                    allow({ tier: sgOwner.get(sg) }, to, label);
                }
                allow({ cidrs: [...strings(rule.cidrBlocks), ...strings(rule.ipv6CidrBlocks)] }, to, label);
            }
        }
    }

    const esc = (s: string) => s.replace(/"/g, "'").replace(/[<>]/g, "");
    const edgeLabel = (labels: Set<string>, max: number) => {
        const all = [...labels].sort();
        const shown = all.slice(0, max).join(", ") + (all.length > max ? ", …" : "");
        return esc(shown).replace(/\|/g, "/");
    };
    const lines = [
        "flowchart LR",
        `  %% ${esc(title)}`,
        "  %% solid arrows: traffic allowed by security group rules (client to server, protocol and port)",
        "  %% dotted arrows: uses (the tier's resources depend on the other tier's outputs)",
    ];
    const tiersOf = (root: GraphResource | undefined) =>
        arch.tiers.filter((t) => {
            const r = byUrn.get(t.urn);
            return root ? r?.parent === root.urn || t.urn === root.urn : false;
        });
    const drawn = new Set<string>();
    const node = (t: Tier) => {
        drawn.add(t.urn);
        const n = t.resources.length;
        return `${idFor(t.urn, t.label)}["${esc(t.label)}<br/>${esc(t.name)}<br/>${n} resource${n === 1 ? "" : "s"}"]`;
    };
    for (const root of arch.roots) {
        const members = tiersOf(root);
        if (members.length === 1 && members[0].urn === root.urn) {
            lines.push(`  ${node(members[0])}`);
            continue;
        }
        lines.push(`  subgraph ${idFor(root.urn, `${root.name}_system`)}["${esc(root.name)} (${esc(root.type)})"]`);
        for (const t of members) {
            lines.push(`    ${node(t)}`);
        }
        lines.push("  end");
    }
    for (const t of arch.tiers) {
        if (!drawn.has(t.urn)) {
            lines.push(`  ${node(t)}`);
        }
    }
    for (const [id, name] of external) {
        lines.push(`  ${id}(("${esc(name)}"))`);
    }
    for (const e of traffic.values()) {
        lines.push(`  ${e.from} -->|${edgeLabel(e.labels, 4)}| ${e.to}`);
    }
    for (const [key, e] of uses) {
        const [from, to] = key.split("→");
        if ([...traffic.values()].some((t) => t.from === e.from && t.to === e.to) || from === to) {
            continue;
        }
        lines.push(
            e.labels.size > 0 ? `  ${e.from} -.->|uses ${edgeLabel(e.labels, 3)}| ${e.to}` : `  ${e.from} -.-> ${e.to}`,
        );
    }
    return `${lines.join("\n")}\n`;
}
