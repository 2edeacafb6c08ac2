// Deterministic gzip for EC2 user data.
//
// EC2 accepts at most 16 KB of user data; cloud-init decompresses gzip user
// data by itself. The bytes must be a function of the text alone: a different
// encoding of the same template would change `userDataBase64` and Pulumi would
// restart or replace the servers for a change that is none.
//
// Node's zlib cannot promise that: the gzip header's OS byte differs between
// platforms (nodejs/node#48690), and Node 20.10 moved to Chromium's zlib, whose
// output differs from the previous release's and depends on the CPU's
// hash instructions (sindresorhus/eslint-plugin-unicorn#2233, npm/pacote#71).
// fflate is plain JavaScript: its output depends only on its version, which
// package.json pins exactly (tests/templates-app.test.ts holds the digest that
// an upgrade must keep). Measured on the production user data (README,
// "Decisions"): 13% smaller than the hand-written fixed-Huffman encoder it
// replaced, and as fast.

import { gzipSync } from "fflate";

/** A gzip member of `text` (UTF-8), best compression, no file name, mtime 0: identical bytes for identical text. */
export function gzipDeterministic(text: string): Buffer {
    return Buffer.from(gzipSync(Buffer.from(text, "utf8"), { level: 9, mtime: 0 }));
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
