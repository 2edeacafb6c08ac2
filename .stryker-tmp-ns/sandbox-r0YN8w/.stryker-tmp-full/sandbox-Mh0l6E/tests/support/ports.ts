// @ts-nocheck
// 
// Loopback ports for the tests that run real servers (nginx, PHP, MariaDB, the WebSocket service).

import * as net from "net";

/** A TCP port on 127.0.0.1 that nothing listens on right now. */
export function freePort(): Promise<number> {
    return new Promise((resolve, reject) => {
        const s = net.createServer();
        s.once("error", reject);
        s.listen(0, "127.0.0.1", () => {
            const port = (s.address() as net.AddressInfo).port;
            s.close(() => resolve(port));
        });
    });
}

/** Whether something accepts connections on 127.0.0.1:`port` now. */
export function listening(port: number): Promise<boolean> {
    return new Promise((resolve) => {
        const c = net.connect({ host: "127.0.0.1", port }, () => {
            c.destroy();
            resolve(true);
        });
        c.on("error", () => resolve(false));
    });
}

/** Waits up to 5 s (100 tries, 50 ms apart) until something listens on `port`; throws otherwise. */
export async function waitForListening(port: number): Promise<void> {
    for (let i = 0; i < 100; i++) {
        if (await listening(port)) {
            return;
        }
        await new Promise((r) => setTimeout(r, 50));
    }
    throw new Error(`nothing listens on ${port}`);
}
