// IPv4 addresses and CIDR blocks, the one place the program does address
// arithmetic (VPC subnets, the VPC resolver, fixed host addresses, config
// checks). Parsing and arithmetic are ip-num's (https://github.com/ip-num/ip-num,
// pinned in package.json); this module only states what the program accepts.

import { IPv4, IPv4CidrRange, IPv4Prefix, Validator } from "ip-num";

/**
 * An IPv4 CIDR block as AWS echoes it back: four decimal octets without
 * leading zeros, a prefix from 0 to 32 without leading zeros, and the address
 * aligned to the prefix (10.20.0.0/16, not 10.20.1.0/16). Anything else would
 * be refused by the API or show up as a perpetual diff.
 */
export function isCidr(s: string): boolean {
    if (!Validator.isValidIPv4CidrRange(s)[0]) {
        return false;
    }
    return IPv4CidrRange.fromCidr(s).toCidrString() === s;
}

function range(cidr: string): IPv4CidrRange {
    if (!isCidr(cidr)) {
        throw new Error(`${JSON.stringify(cidr)} is not an aligned IPv4 CIDR block (for example 10.20.0.0/16)`);
    }
    return IPv4CidrRange.fromCidr(cidr);
}

/** The prefix length of a CIDR block: 16 for 10.20.0.0/16. */
export function prefixLength(cidr: string): number {
    return Number(range(cidr).getPrefix().getValue());
}

/** Whether two CIDR blocks share at least one address. */
export function cidrsOverlap(a: string, b: string): boolean {
    const [x, y] = [range(a), range(b)];
    return x.contains(y) || y.contains(x) || x.isOverlapping(y);
}

/** Splits a CIDR block into 2^extraBits equal blocks, in address order. */
export function splitCidr(cidr: string, extraBits: number): string[] {
    const r = range(cidr);
    const prefix = Number(r.getPrefix().getValue()) + extraBits;
    if (!Number.isInteger(extraBits) || extraBits < 0 || prefix > 32) {
        throw new Error(`cannot split ${cidr} into 2^${extraBits} blocks`);
    }
    if (extraBits === 0) {
        return [r.toCidrString()];
    }
    return r.splitInto(IPv4Prefix.fromNumber(BigInt(prefix))).map((b) => b.toCidrString());
}

/**
 * The address at `offset` in a block: from the network address when
 * `offset >= 0` (0 = the network address, 2 = the VPC resolver), from the end
 * when negative (-1 = the broadcast address). Fails outside the block.
 */
export function addressAt(cidr: string, offset: number): string {
    const r = range(cidr);
    const size = r.getSize();
    const index = offset >= 0 ? BigInt(offset) : size + BigInt(offset);
    if (!Number.isInteger(offset) || index < 0n || index >= size) {
        throw new Error(`offset ${offset} is outside ${cidr} (${size} addresses)`);
    }
    return IPv4.fromNumber(r.getFirst().getValue() + index).toString();
}

/** The number of addresses in a block (2^(32 - prefix)). */
export function blockSize(cidr: string): number {
    return Number(range(cidr).getSize());
}
