// @ts-nocheck
// 
// Stand-in for the two AWS endpoints the app server's mail transport calls:
// the instance metadata service (IMDSv2: token, role name, temporary
// credentials) and the SES API v2 SendEmail. It checks the request the way
// AWS does: an IMDSv2 token on metadata reads, and a Signature Version 4
// signature made with the role's temporary credentials (session token
// included) over the exact body. Accepted messages are recorded.

import * as crypto from "crypto";
import * as http from "http";
import { AddressInfo } from "net";

export interface SentMail {
    configurationSet: string;
    /** The raw message (headers and body) as PHP's mail() produced it. */
    raw: string;
}

export interface AwsStandin {
    url: string;
    sent: SentMail[];
    /** Requests refused, with the reason (bad token, bad signature, ...). */
    refused: string[];
    close: () => Promise<void>;
}

const ROLE = "hms-app-role";
const KEYS = {
    AccessKeyId: "ASIAE2ESTANDIN000001",
    SecretAccessKey: crypto.randomBytes(30).toString("base64"),
    Token: crypto.randomBytes(60).toString("base64"),
};
const sha256 = (s: string | Buffer) => crypto.createHash("sha256").update(s).digest("hex");
const hmac = (key: Buffer | string, s: string) => crypto.createHmac("sha256", key).update(s).digest();

/** Verifies a SigV4 Authorization header for service "ses" in `region`; returns why it is wrong, or undefined. */
function sigv4Problem(req: http.IncomingMessage, body: Buffer, region: string): string | undefined {
    const m =
        /^AWS4-HMAC-SHA256 Credential=([^/]+)\/(\d{8})\/([^/]+)\/([^/]+)\/aws4_request, SignedHeaders=([^,]+), Signature=([0-9a-f]{64})$/.exec(
            String(req.headers.authorization ?? ""),
        );
    if (!m) return "no SigV4 authorization header";
    const [, akid, day, reqRegion, service, signedHeaders, signature] = m;
    if (akid !== KEYS.AccessKeyId) return `unknown access key ${akid}`;
    if (reqRegion !== region || service !== "ses") return `scope ${reqRegion}/${service}, expected ${region}/ses`;
    if (req.headers["x-amz-security-token"] !== KEYS.Token) return "missing or wrong session token";
    const amzDate = String(req.headers["x-amz-date"] ?? "");
    if (
        !amzDate.startsWith(day) ||
        Math.abs(
            Date.parse(amzDate.replace(/^(\d{4})(\d\d)(\d\d)T(\d\d)(\d\d)(\d\d)Z$/, "$1-$2-$3T$4:$5:$6Z")) - Date.now(),
        ) > 300_000
    ) {
        return `x-amz-date ${amzDate} is not now`;
    }
    const names = signedHeaders.split(";");
    for (const required of ["host", "x-amz-date", "x-amz-security-token"]) {
        if (!names.includes(required)) return `${required} is not signed`;
    }
    const canonical = [
        "POST",
        (req.url ?? "").split("?")[0],
        "",
        ...names.map((n) => `${n}:${String(req.headers[n] ?? "").trim()}`),
        "",
        signedHeaders,
        sha256(body),
    ].join("\n");
    const scope = `${day}/${region}/ses/aws4_request`;
    let key: Buffer = hmac(`AWS4${KEYS.SecretAccessKey}`, day);
    for (const part of [region, "ses", "aws4_request"]) key = hmac(key, part);
    const expected = hmac(key, `AWS4-HMAC-SHA256\n${amzDate}\n${scope}\n${sha256(canonical)}`).toString("hex");
    return expected === signature ? undefined : "signature does not match";
}

export function startAwsStandin(region: string): Promise<AwsStandin> {
    const sent: SentMail[] = [];
    const refused: string[] = [];
    const imdsToken = crypto.randomBytes(16).toString("hex");
    const server = http.createServer((req, res) => {
        const chunks: Buffer[] = [];
        req.on("data", (c: Buffer) => chunks.push(c));
        req.on("end", () => {
            const body = Buffer.concat(chunks);
            const answer = (status: number, text: string, why?: string) => {
                if (why) refused.push(`${req.method} ${req.url}: ${why}`);
                res.writeHead(status, { "Content-Type": "application/json" });
                res.end(text);
            };
            const url = req.url ?? "";
            if (url === "/latest/api/token") {
                return req.method === "PUT" && req.headers["x-aws-ec2-metadata-token-ttl-seconds"]
                    ? answer(200, imdsToken)
                    : answer(400, "", "IMDSv2 token request must be a PUT with a TTL");
            }
            if (url.startsWith("/latest/meta-data/")) {
                if (req.headers["x-aws-ec2-metadata-token"] !== imdsToken)
                    return answer(401, "", "metadata read without the IMDSv2 token");
                if (url === "/latest/meta-data/iam/security-credentials/") return answer(200, ROLE);
                if (url === `/latest/meta-data/iam/security-credentials/${ROLE}`) {
                    return answer(
                        200,
                        JSON.stringify({
                            Code: "Success",
                            Type: "AWS-HMAC",
                            ...KEYS,
                            Expiration: new Date(Date.now() + 3600_000).toISOString(),
                        }),
                    );
                }
                return answer(404, "");
            }
            if (url === "/v2/email/outbound-emails" && req.method === "POST") {
                const why = sigv4Problem(req, body, region);
                if (why) return answer(403, JSON.stringify({ message: why }), why);
                const r = JSON.parse(body.toString()) as {
                    ConfigurationSetName?: string;
                    Content?: { Raw?: { Data?: string } };
                };
                sent.push({
                    configurationSet: String(r.ConfigurationSetName),
                    raw: Buffer.from(String(r.Content?.Raw?.Data), "base64").toString("utf8"),
                });
                return answer(200, JSON.stringify({ MessageId: `stand-in-${sent.length}` }));
            }
            return answer(404, "", `unexpected ${req.method} ${url}`);
        });
    });
    return new Promise((resolve) => {
        server.listen(0, "127.0.0.1", () => {
            const port = (server.address() as AddressInfo).port;
            resolve({
                url: `http://127.0.0.1:${port}`,
                sent,
                refused,
                close: () => new Promise((r) => server.close(() => r())),
            });
        });
    });
}
