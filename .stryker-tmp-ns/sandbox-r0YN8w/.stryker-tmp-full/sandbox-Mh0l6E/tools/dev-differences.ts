// @ts-nocheck
// 
// The documented differences between a production render and its development
// counterpart. A development file is the production renderer's output with
// these replacements applied; each must match exactly once, so a change to a
// production template that moves or removes a replaced line stops the render
// (and the tests) instead of silently diverging.

export interface Difference {
    /** The generated file (relative to dev/generated). */
    file: string;
    /** Exact text of the production render... */
    production: string;
    /** ...and what development has instead. */
    development: string;
    why: string;
}

/** The differences, for the production region (it appears in the SigV4 settings development leaves out). */
export function devDifferences(region: string): Difference[] {
    return [
        {
            file: "nginx/hms.conf",
            production: "ssl_verify_client on;",
            development: "ssl_verify_client off;",
            why: "no Cloudflare in front to present the Authenticated Origin Pulls certificate: browsers and curl connect directly",
        },
        {
            file: "telemetry/prometheus-agent.yml",
            production: `  - url: "https://prometheus:9090/api/v1/remote_write"\n    sigv4:\n      region: ${JSON.stringify(region)}\n`,
            development: '  - url: "http://prometheus:9090/api/v1/write"\n',
            why: "a local Prometheus (remote-write receiver) stands in for Amazon Managed Service for Prometheus: no SigV4, plain HTTP inside the Compose network",
        },
        ...(["nginx", "app"] as const).map((role) => ({
            file: `telemetry/fluent-bit-${role}.conf`,
            production: `    tls On\n    tls.verify On\n    aws_auth On\n    aws_region ${region}\n    aws_service osis\n`,
            development: "    tls Off\n",
            why: "a local Data Prepper (the engine of OpenSearch Ingestion) receives the logs: no SigV4, plain HTTP inside the Compose network",
        })),
    ];
}

/** Applies the differences of `file` to a production render; throws when one does not match exactly once. */
export function applyDifferences(file: string, production: string, differences: readonly Difference[]): string {
    let out = production;
    for (const d of differences.filter((x) => x.file === file)) {
        const count = out.split(d.production).length - 1;
        if (count !== 1) {
            throw new Error(
                `dev render: ${file}: the production render has ${count} occurrence(s) of ${JSON.stringify(d.production)} ` +
                    `(expected exactly 1); update devDifferences() in tools/dev-differences.ts and the README`,
            );
        }
        out = out.replace(d.production, () => d.development);
    }
    return out;
}
