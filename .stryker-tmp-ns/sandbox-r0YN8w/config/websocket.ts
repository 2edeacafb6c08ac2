// @ts-nocheck
// WebSocket tier settings: the Node.js server and the release it runs.

import type { WebSocketServerArgs } from "../components/websocket";
import { integerSetting, keyOf, Reader, stringSetting } from "./setting";
import { readServer, serverSettings } from "./sizing";

export const WEBSOCKET_SETTINGS = {
    ...serverSettings(
        {
            instanceType: "websocketInstanceType",
            vcpus: "websocketVcpus",
            memoryGiB: "websocketMemoryGiB",
            volumeGiB: "websocketVolumeGiB",
        },
        "the Node.js WebSocket server",
        { default: 100, description: "SSD (gp3) root volume of the WebSocket server in GiB (spec 100)." },
    ),
    port: integerSetting({
        key: "websocketPort",
        description: "Port the WebSocket service listens on, 1024-65535.",
        default: 8080,
        min: 1024,
        max: 65535,
    }),
    nodeMajor: integerSetting({
        key: "websocketNodeMajor",
        description: "Node.js LTS (even) major version, 20 or later.",
        default: 22,
        min: 20,
        accepted: "an even (LTS) Node.js major version, 20 or later",
    }),
    releaseKey: stringSetting({
        key: "websocketReleaseKey",
        description:
            "S3 key (in the environment bucket) of the WebSocket service release (.tar.gz). Unset until the first release.",
        unset: true,
        pattern: /^[\w\-./]+\.(tar\.gz|tgz)$/,
        accepted: "the S3 key of a .tar.gz release in the environment bucket",
    }),
    releaseSha256: stringSetting({
        key: "websocketReleaseSha256",
        description:
            "SHA-256 of the release archive; required with websocketReleaseKey (the server refuses an archive that does not match).",
        unset: true,
        pattern: /^[0-9a-f]{64}$/,
        accepted: "the SHA-256 of the release archive (64 hex digits)",
    }),
};

export type WebSocketConfig = Pick<
    WebSocketServerArgs,
    "instanceType" | "volumeGiB" | "nodeMajor" | "port" | "release"
> & {
    vcpus: number;
    memoryGiB: number;
};

export function readWebSocket(r: Reader): WebSocketConfig {
    const s = WEBSOCKET_SETTINGS;
    const size = readServer(r, s);
    const port = r.get(s.port);
    const nodeMajor = r.get(s.nodeMajor);
    if (nodeMajor % 2 !== 0) {
        r.problem(s.nodeMajor, nodeMajor, `must be ${s.nodeMajor.accepted}`);
    }
    const releaseKey = r.optional(s.releaseKey);
    const releaseSha256 = r.optional(s.releaseSha256);
    if (releaseKey !== undefined && releaseSha256 === undefined) {
        r.problem(
            s.releaseSha256,
            undefined,
            `is required with ${keyOf(s.releaseKey)} (${releaseKey}): the server verifies the archive against it`,
        );
    }
    const release =
        releaseKey !== undefined && releaseSha256 !== undefined
            ? { key: releaseKey, sha256: releaseSha256 }
            : undefined;
    return { ...size, port, nodeMajor, release };
}
