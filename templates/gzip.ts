// Deterministic gzip for EC2 user data.
//
// EC2 accepts at most 16 KB of user data; cloud-init decompresses gzip user
// data by itself. Node's zlib is not usable for this: its output depends on the
// zlib build and the platform (the gzip header's OS byte differs between macOS
// and Linux, zlib versions encode differently), so the same template would
// yield different `userDataBase64` on two operators' machines and Pulumi would
// stop and start the servers to apply a change that is none.
//
// This encoder is a pure function of its input: one DEFLATE block with the
// fixed Huffman codes (RFC 1951, 3.2.6), greedy LZ77 matching over a 32 KiB
// window, and a gzip member (RFC 1952) with mtime 0 and OS "unknown".

const LENGTH_BASE = [
    3, 4, 5, 6, 7, 8, 9, 10, 11, 13, 15, 17, 19, 23, 27, 31, 35, 43, 51, 59, 67, 83, 99, 115, 131, 163, 195, 227, 258,
];
const LENGTH_EXTRA = [0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 2, 3, 3, 3, 3, 4, 4, 4, 4, 5, 5, 5, 5, 0];
const DIST_BASE = [
    1, 2, 3, 4, 5, 7, 9, 13, 17, 25, 33, 49, 65, 97, 129, 193, 257, 385, 513, 769, 1025, 1537, 2049, 3073, 4097, 6145,
    8193, 12289, 16385, 24577,
];
const DIST_EXTRA = [0, 0, 0, 0, 1, 1, 2, 2, 3, 3, 4, 4, 5, 5, 6, 6, 7, 7, 8, 8, 9, 9, 10, 10, 11, 11, 12, 12, 13, 13];

const WINDOW = 32768;
const MIN_MATCH = 3;
const MAX_MATCH = 258;
const MAX_CHAIN = 256;

class BitWriter {
    private readonly bytes: number[] = [];
    private acc = 0;
    private count = 0;

    /** Writes `n` (at most 16) bits of `value`, least significant bit first (DEFLATE's bit order for data). */
    bits(value: number, n: number): void {
        this.acc |= (value & ((1 << n) - 1)) << this.count;
        this.count += n;
        while (this.count >= 8) {
            this.bytes.push(this.acc & 0xff);
            this.acc >>>= 8;
            this.count -= 8;
        }
    }

    /** Writes a Huffman code of `n` bits, most significant bit first. */
    code(code: number, n: number): void {
        let reversed = 0;
        for (let i = 0; i < n; i++) {
            reversed |= ((code >>> i) & 1) << (n - 1 - i);
        }
        this.bits(reversed, n);
    }

    finish(): Buffer {
        if (this.count > 0) {
            this.bytes.push(this.acc);
        }
        return Buffer.from(this.bytes);
    }
}

/** Fixed Huffman code of a literal/length symbol (0-287). */
function literal(w: BitWriter, sym: number): void {
    if (sym < 144) {
        w.code(0x30 + sym, 8);
    } else if (sym < 256) {
        w.code(0x190 + sym - 144, 9);
    } else if (sym < 280) {
        w.code(sym - 256, 7);
    } else {
        w.code(0xc0 + sym - 280, 8);
    }
}

function lastIndexAtMost(table: number[], value: number): number {
    let i = table.length - 1;
    while (table[i] > value) {
        i--;
    }
    return i;
}

function match(w: BitWriter, length: number, distance: number): void {
    const l = length === MAX_MATCH ? LENGTH_BASE.length - 1 : lastIndexAtMost(LENGTH_BASE, length);
    literal(w, 257 + l);
    w.bits(length - LENGTH_BASE[l], LENGTH_EXTRA[l]);
    const d = lastIndexAtMost(DIST_BASE, distance);
    w.code(d, 5);
    w.bits(distance - DIST_BASE[d], DIST_EXTRA[d]);
}

/** Raw DEFLATE (one final block, fixed Huffman codes). */
export function deflateFixed(data: Buffer): Buffer {
    const w = new BitWriter();
    w.bits(1, 1); // BFINAL
    w.bits(1, 2); // BTYPE = 01, fixed Huffman codes
    // Hash chains over 3-byte prefixes; candidates are compared byte by byte, so collisions only cost time.
    const head = new Int32Array(1 << 16).fill(-1);
    const prev = new Int32Array(data.length).fill(-1);
    const key = (i: number) => ((data[i] << 8) ^ (data[i + 1] << 4) ^ data[i + 2] ^ ((data[i] >>> 4) << 12)) & 0xffff;
    const insert = (i: number) => {
        if (i + MIN_MATCH <= data.length) {
            const k = key(i);
            prev[i] = head[k];
            head[k] = i;
        }
    };
    let i = 0;
    while (i < data.length) {
        let bestLength = 0;
        let bestDistance = 0;
        if (i + MIN_MATCH <= data.length) {
            let candidate = head[key(i)];
            const limit = Math.min(MAX_MATCH, data.length - i);
            for (let chain = 0; candidate >= 0 && i - candidate <= WINDOW && chain < MAX_CHAIN; chain++) {
                let n = 0;
                while (n < limit && data[candidate + n] === data[i + n]) {
                    n++;
                }
                if (n > bestLength) {
                    bestLength = n;
                    bestDistance = i - candidate;
                    if (n === limit) {
                        break;
                    }
                }
                candidate = prev[candidate];
            }
        }
        if (bestLength >= MIN_MATCH) {
            match(w, bestLength, bestDistance);
            for (let j = 0; j < bestLength; j++) {
                insert(i + j);
            }
            i += bestLength;
        } else {
            literal(w, data[i]);
            insert(i);
            i++;
        }
    }
    literal(w, 256); // end of block
    return w.finish();
}

const CRC_TABLE = (() => {
    const t = new Uint32Array(256);
    for (let n = 0; n < 256; n++) {
        let c = n;
        for (let k = 0; k < 8; k++) {
            c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
        }
        t[n] = c >>> 0;
    }
    return t;
})();

export function crc32(data: Buffer): number {
    let c = 0xffffffff;
    for (const b of data) {
        c = CRC_TABLE[(c ^ b) & 0xff] ^ (c >>> 8);
    }
    return (c ^ 0xffffffff) >>> 0;
}

/** A gzip member of `text` (UTF-8): identical bytes for identical text, on every machine. */
export function gzipDeterministic(text: string): Buffer {
    const data = Buffer.from(text, "utf8");
    // ID1 ID2 CM=deflate FLG=0 MTIME=0 XFL=0 OS=255 (unknown)
    const header = Buffer.from([0x1f, 0x8b, 8, 0, 0, 0, 0, 0, 0, 0xff]);
    const trailer = Buffer.alloc(8);
    trailer.writeUInt32LE(crc32(data), 0);
    trailer.writeUInt32LE(data.length >>> 0, 4);
    return Buffer.concat([header, deflateFixed(data), trailer]);
}

/** EC2's limit on user data, in bytes before base64 encoding. */
export const EC2_USER_DATA_LIMIT = 16384;

/** User data for `userDataBase64`: the gzipped document, refused when over EC2's limit. */
export function userDataBase64(document: string, what: string): string {
    const gz = gzipDeterministic(document);
    if (gz.length > EC2_USER_DATA_LIMIT) {
        throw new Error(
            `${what}: user data is ${gz.length} bytes gzipped (${Buffer.byteLength(document)} bytes plain); EC2 accepts at most ${EC2_USER_DATA_LIMIT}`,
        );
    }
    return gz.toString("base64");
}
