// OpenVPN client profile (.ovpn) of the AWS Client VPN endpoint, with the
// administrator's certificate and key inline. The Security tier stores the
// rendered profile in Secrets Manager (never in a stack output); an
// administrator fetches it with `aws secretsmanager get-secret-value` and
// imports it into the AWS VPN Client or OpenVPN. Pure function.

export interface VpnProfileArgs {
    /** The endpoint's DNS name as AWS reports it, `*.cvpn-endpoint-<id>.prod.clientvpn.<region>.amazonaws.com`. */
    dnsName: string;
    /** Transport of the endpoint. */
    protocol: "tcp" | "udp";
    port: number;
    /** PEM of the CA that signed the server certificate (the client verifies the server with it). */
    caCertPem: string;
    /** PEM of the client certificate and its private key. */
    clientCertPem: string;
    clientKeyPem: string;
}

function pem(what: string, value: string, label: RegExp): string {
    const v = value.trim();
    if (!label.test(v)) {
        throw new Error(`renderVpnProfile: ${what} is not a PEM block of the expected type`);
    }
    return v;
}

/** The .ovpn text; the same settings the endpoint's exported configuration has, plus the credentials. */
export function renderVpnProfile(args: VpnProfileArgs): string {
    // AWS exports the endpoint with `remote <endpoint host>` and
    // `remote-random-hostname` (the client adds a random label in front).
    const host = args.dnsName.replace(/^\*\./, "");
    if (!/^[a-z0-9.-]+$/.test(host)) {
        throw new Error(`renderVpnProfile: dnsName = ${JSON.stringify(args.dnsName)}: not a host name`);
    }
    if (!Number.isInteger(args.port) || args.port < 1 || args.port > 65535) {
        throw new Error(`renderVpnProfile: port = ${args.port}: not a TCP/UDP port`);
    }
    const ca = pem("caCertPem", args.caCertPem, /^-----BEGIN CERTIFICATE-----[\s\S]+-----END CERTIFICATE-----$/);
    const cert = pem(
        "clientCertPem",
        args.clientCertPem,
        /^-----BEGIN CERTIFICATE-----[\s\S]+-----END CERTIFICATE-----$/,
    );
    const key = pem(
        "clientKeyPem",
        args.clientKeyPem,
        /^-----BEGIN (RSA |EC )?PRIVATE KEY-----[\s\S]+-----END (RSA |EC )?PRIVATE KEY-----$/,
    );
    return [
        "client",
        "dev tun",
        `proto ${args.protocol}`,
        `remote ${host} ${args.port}`,
        "remote-random-hostname",
        "resolv-retry infinite",
        "nobind",
        "remote-cert-tls server",
        "tls-version-min 1.2",
        "cipher AES-256-GCM",
        "verb 3",
        "reneg-sec 0",
        "<ca>",
        ca,
        "</ca>",
        "<cert>",
        cert,
        "</cert>",
        "<key>",
        key,
        "</key>",
        "",
    ].join("\n");
}
