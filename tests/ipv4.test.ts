// The IPv4 module (components/ipv4.ts): examples from the AWS documentation and
// properties checked on seeded random blocks against plain integer arithmetic.

import * as assert from "node:assert/strict";
import { addressAt, blockSize, cidrsOverlap, isCidr, prefixLength, splitCidr } from "../components/ipv4";

/** A small deterministic generator (mulberry32), so a failure can be replayed. */
function random(seed: number): () => number {
    let a = seed;
    return () => {
        a = (a + 0x6d2b79f5) | 0;
        let t = Math.imul(a ^ (a >>> 15), 1 | a);
        t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
        return ((t ^ (t >>> 14)) >>> 0) / 2 ** 32;
    };
}

const dotted = (n: number): string => [24, 16, 8, 0].map((s) => Math.floor(n / 2 ** s) % 256).join(".");
const toNumber = (ip: string): number => ip.split(".").reduce((a, o) => a * 256 + Number(o), 0);

/** A random aligned block inside [base, base + span): [cidr, first address, size]. */
function block(next: () => number, minPrefix = 0, maxPrefix = 32, base = 0, span = 2 ** 32): [string, number, number] {
    const prefix = minPrefix + Math.floor(next() * (maxPrefix - minPrefix + 1));
    const size = 2 ** (32 - prefix);
    const first = base + Math.floor((next() * span) / size) * size;
    return [`${dotted(first)}/${prefix}`, first, size];
}

const CASES = 500;

describe("IPv4 (components/ipv4.ts)", () => {
    it("accepts aligned blocks as AWS writes them and nothing else", () => {
        for (const ok of ["10.20.0.0/16", "172.16.240.0/20", "0.0.0.0/0", "192.0.2.7/32", "10.0.0.0/8"]) {
            assert.ok(isCidr(ok), ok);
        }
        for (const bad of [
            "10.20.1.0/16", // not aligned to its prefix
            "10.20.0.0/33",
            "256.0.0.0/8",
            "010.20.0.0/16", // leading zeros: AWS would echo another string
            "10.20.0.0/016",
            "10.20.0/16",
            "10.20.0.0",
            " 10.20.0.0/16",
            "10.20.0.0/16 ",
            "10.20.0.0/-1",
            "2001:db8::/32",
            "",
        ]) {
            assert.ok(!isCidr(bad), bad);
        }
    });

    it("every random aligned block is accepted, and moving its address off the boundary is refused", () => {
        const next = random(1);
        for (let i = 0; i < CASES; i++) {
            const [cidr, first, size] = block(next);
            assert.ok(isCidr(cidr), cidr);
            assert.equal(prefixLength(cidr), 32 - Math.log2(size));
            assert.equal(blockSize(cidr), size);
            if (size > 1) {
                const off = `${dotted(first + 1 + Math.floor(next() * (size - 1)))}/${cidr.split("/")[1]}`;
                assert.ok(!isCidr(off), off);
            }
        }
    });

    it("splitCidr: 2^n aligned blocks, in order, that tile the block exactly", () => {
        assert.deepEqual(splitCidr("10.20.0.0/16", 2), [
            "10.20.0.0/18",
            "10.20.64.0/18",
            "10.20.128.0/18",
            "10.20.192.0/18",
        ]);
        const next = random(2);
        for (let i = 0; i < CASES; i++) {
            const [cidr, first, size] = block(next, 8, 28);
            const bits = Math.floor(next() * 5);
            const parts = splitCidr(cidr, bits);
            assert.equal(parts.length, 2 ** bits, cidr);
            let expected = first;
            for (const p of parts) {
                assert.ok(isCidr(p), p);
                assert.equal(toNumber(p.split("/")[0]), expected, `${cidr} → ${p}`);
                assert.equal(blockSize(p), size / 2 ** bits);
                expected += size / 2 ** bits;
            }
            assert.equal(expected, first + size);
        }
        assert.throws(() => splitCidr("10.0.0.0/31", 2), /cannot split/);
    });

    it("cidrsOverlap is interval intersection, symmetric", () => {
        assert.ok(cidrsOverlap("10.0.0.0/8", "10.20.0.0/16"));
        assert.ok(cidrsOverlap("10.20.0.0/16", "10.0.0.0/8"));
        assert.ok(!cidrsOverlap("10.20.0.0/16", "10.21.0.0/16"));
        const next = random(3);
        for (let i = 0; i < CASES; i++) {
            // Half of the pairs lie in the same /8, so that overlaps are common.
            const [a, a0, as] = block(next, 8, 32);
            const slash8 = a0 - (a0 % 2 ** 24);
            const [b, b0, bs] = i % 2 === 0 ? block(next, 4, 32) : block(next, 8, 32, slash8, 2 ** 24);
            const overlap = a0 <= b0 + bs - 1 && b0 <= a0 + as - 1;
            assert.equal(cidrsOverlap(a, b), overlap, `${a} ${b}`);
            assert.equal(cidrsOverlap(b, a), overlap, `${b} ${a}`);
        }
    });

    it("addressAt counts from the network address, or back from the broadcast address", () => {
        assert.equal(addressAt("10.20.0.0/16", 2), "10.20.0.2"); // the VPC resolver
        assert.equal(addressAt("10.20.64.0/20", -11), "10.20.79.245"); // 10 before the broadcast address
        assert.equal(addressAt("10.20.0.0/16", -1), "10.20.255.255");
        assert.throws(() => addressAt("10.20.0.0/30", 4), /outside/);
        assert.throws(() => addressAt("10.20.0.0/30", -5), /outside/);
        const next = random(4);
        for (let i = 0; i < CASES; i++) {
            const [cidr, first, size] = block(next, 0, 32);
            const k = Math.floor(next() * size);
            assert.equal(addressAt(cidr, k), dotted(first + k), `${cidr} +${k}`);
            assert.equal(addressAt(cidr, k - size), dotted(first + k), `${cidr} ${k - size}`);
        }
    });

    it("refuses what is not a block rather than computing with it", () => {
        for (const f of [
            () => splitCidr("10.20.1.0/16", 1),
            () => addressAt("10.20.0.0", 1),
            () => cidrsOverlap("10.0.0.0/8", "x"),
        ]) {
            assert.throws(f, /not an aligned IPv4 CIDR block/);
        }
    });
});
