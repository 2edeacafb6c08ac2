import * as assert from "assert";
import { parse } from "yaml";
import { renderCloudConfig } from "../templates/cloud-init";
import {
    FLUENT_BIT_KEY_FINGERPRINT,
    LOGS_INGEST_PATH,
    renderTelemetry,
    TELEMETRY_PATHS,
    TelemetryArgs,
    TelemetrySnippet,
} from "../templates/telemetry";
import { renderVpnProfile } from "../templates/vpn-profile";
import { requireTool, run } from "./support/tools";
import { assertCloudInitValid } from "./support/cloud-init";

const WORKSPACE = "https://aps-workspaces.sa-east-1.amazonaws.com/workspaces/ws-0123abcd-4567/";
const PIPELINE_HOST = "hms-production-monitori-logs-abcdefghij.sa-east-1.osis.amazonaws.com";

const base: TelemetryArgs = {
    region: "sa-east-1",
    remoteWriteUrl: WORKSPACE,
    logsIngestEndpoint: `https://${PIPELINE_HOST}${LOGS_INGEST_PATH}`,
    role: "nginx",
    environment: "production",
    logFiles: ["/var/log/nginx/access.log", "/var/log/nginx/error.log"],
};

const file = (s: TelemetrySnippet, p: string) => {
    const f = s.writeFiles.find((w) => w.path === p);
    assert.ok(f, `no file ${p}; files: ${s.writeFiles.map((w) => w.path).join(", ")}`);
    return f;
};

/** Fluent Bit classic config → sections with their key/value pairs (keys lower-cased). */
function fluentSections(text: string): Array<{ name: string; entries: Array<[string, string]> }> {
    const sections: Array<{ name: string; entries: Array<[string, string]> }> = [];
    for (const raw of text.split("\n")) {
        const line = raw.trim();
        if (line === "" || line.startsWith("#")) continue;
        const header = /^\[([A-Z]+)\]$/.exec(line);
        if (header) {
            sections.push({ name: header[1], entries: [] });
            continue;
        }
        const kv = /^(\S+)\s+(.+)$/.exec(line);
        assert.ok(kv && sections.length > 0, `not a Fluent Bit key/value line: ${raw}`);
        sections[sections.length - 1].entries.push([kv[1].toLowerCase(), kv[2].trim()]);
    }
    return sections;
}
const get = (s: { entries: Array<[string, string]> }, key: string) => s.entries.find(([k]) => k === key)?.[1];

describe("templates/telemetry", () => {
    const snippet = renderTelemetry(base);

    it("installs node_exporter and Prometheus from Ubuntu", () => {
        assert.ok(snippet.packages.includes("prometheus-node-exporter"));
        assert.ok(snippet.packages.includes("prometheus"));
    });

    it("node_exporter and Prometheus listen on localhost only", () => {
        const defaults = file(snippet, TELEMETRY_PATHS.nodeExporterDefaults).content;
        assert.match(defaults, /^ARGS="--web\.listen-address=127\.0\.0\.1:9100"$/m);
        const dropIn = file(snippet, TELEMETRY_PATHS.prometheusDropIn).content;
        const execStarts = dropIn.split("\n").filter((l) => l.startsWith("ExecStart="));
        assert.deepStrictEqual(execStarts[0], "ExecStart=", "the package's command line is reset first");
        assert.match(execStarts[1], /--web\.listen-address=127\.0\.0\.1:9090(\s|$)/);
        assert.match(execStarts[1], /--config\.file=\/etc\/prometheus\/prometheus\.yml/);
        assert.match(execStarts[1], /--enable-feature=expand-external-labels/);
        assert.match(dropIn, /^EnvironmentFile=-\/etc\/hms\/telemetry\.env$/m);
    });

    it("the Prometheus configuration is YAML that scrapes the local exporters only and remote-writes with SigV4", () => {
        const config = parse(file(snippet, TELEMETRY_PATHS.prometheusConfig).content);
        const jobs = config.scrape_configs as Array<{ job_name: string; static_configs: Array<{ targets: string[] }> }>;
        assert.deepStrictEqual(jobs.map((j) => j.job_name).sort(), ["logs", "nginx", "node"]);
        for (const j of jobs) {
            for (const t of j.static_configs.flatMap((c) => c.targets)) {
                assert.match(t, /^127\.0\.0\.1:\d+$/, `${j.job_name} scrapes ${t}: exporters answer on localhost only`);
            }
        }
        assert.strictEqual(config.remote_write.length, 1);
        assert.strictEqual(config.remote_write[0].url, `${WORKSPACE}api/v1/remote_write`);
        assert.deepStrictEqual(config.remote_write[0].sigv4, { region: "sa-east-1" });
        assert.strictEqual(config.global.external_labels.environment, "production");
        assert.strictEqual(config.global.external_labels.role, "nginx");
        assert.strictEqual(config.global.external_labels.instance_id, "${HMS_INSTANCE_ID}");
    });

    it("accepts the workspace endpoint or the full remote-write URL alike", () => {
        const full = renderTelemetry({ ...base, remoteWriteUrl: `${WORKSPACE}api/v1/remote_write` });
        const noSlash = renderTelemetry({ ...base, remoteWriteUrl: WORKSPACE.replace(/\/$/, "") });
        const url = (s: TelemetrySnippet) =>
            parse(file(s, TELEMETRY_PATHS.prometheusConfig).content).remote_write[0].url;
        assert.strictEqual(url(full), url(snippet));
        assert.strictEqual(url(noSlash), url(snippet));
    });

    it("Fluent Bit tails the given files and posts them to the pipeline over TLS, SigV4-signed for osis", () => {
        const sections = fluentSections(file(snippet, TELEMETRY_PATHS.fluentBitConfig).content);
        const inputs = sections.filter((s) => s.name === "INPUT");
        assert.ok(inputs.every((i) => get(i, "name") === "tail"));
        assert.deepStrictEqual(
            inputs.map((i) => get(i, "path")),
            [...base.logFiles, "/var/log/syslog"],
            "the given files and the system log",
        );
        const out = sections.find((s) => s.name === "OUTPUT" && get(s, "name") === "http")!;
        assert.ok(out);
        assert.strictEqual(get(out, "name"), "http");
        assert.strictEqual(get(out, "host"), PIPELINE_HOST);
        assert.strictEqual(get(out, "port"), "443");
        assert.strictEqual(get(out, "uri"), LOGS_INGEST_PATH);
        assert.strictEqual(get(out, "format"), "json");
        assert.strictEqual(get(out, "tls"), "On");
        assert.strictEqual(get(out, "tls.verify"), "On");
        assert.strictEqual(get(out, "aws_auth"), "On");
        assert.strictEqual(get(out, "aws_service"), "osis");
        assert.strictEqual(get(out, "aws_region"), "sa-east-1");
        for (const i of inputs) {
            assert.ok(
                get(out, "match") && get(i, "tag")?.startsWith(get(out, "match")!.replace("*", "")),
                "the output matches every input's tag",
            );
        }
        const filter = sections.find((s) => s.name === "FILTER" && get(s, "name") === "record_modifier");
        assert.ok(filter);
        const records = filter.entries.filter(([k]) => k === "record").map(([, v]) => v);
        assert.ok(records.includes("environment production") && records.includes("role nginx"), records.join("; "));
    });

    it("a bare pipeline host name gets the ingestion path", () => {
        const s = renderTelemetry({ ...base, logsIngestEndpoint: PIPELINE_HOST });
        const out = fluentSections(file(s, TELEMETRY_PATHS.fluentBitConfig).content).find(
            (x) => x.name === "OUTPUT" && get(x, "name") === "http",
        )!;
        assert.strictEqual(get(out, "host"), PIPELINE_HOST);
        assert.strictEqual(get(out, "uri"), LOGS_INGEST_PATH);
    });

    it("installs Fluent Bit only with the pinned signing key fingerprint", () => {
        const script = file(snippet, TELEMETRY_PATHS.setupScript);
        assert.strictEqual(script.permissions, "0755");
        assert.match(script.content, new RegExp(`KEY_FINGERPRINT="${FLUENT_BIT_KEY_FINGERPRINT}"`));
        assert.match(script.content, /"\$fingerprint" != "\$KEY_FINGERPRINT"/);
        assert.match(script.content, /signed-by=\$KEYRING/);
        assert.match(script.content, /--force-confold/);
        assert.deepStrictEqual(snippet.runcmd, [[TELEMETRY_PATHS.setupScript]]);
    });

    it("every shell script passes shellcheck", function () {
        requireTool(this, "shellcheck");
        const scripts = snippet.writeFiles.filter((f) => f.content.startsWith("#!/bin/bash"));
        assert.ok(scripts.length > 0);
        for (const s of scripts) {
            const r = run("shellcheck", ["--shell=bash", "--severity=style", "-"], s.content);
            assert.strictEqual(r.status, 0, `${s.path}:\n${r.stdout}${r.stderr}`);
        }
        // runcmd entries are exec'd as argv; together they must form a valid script too.
        const r = run(
            "shellcheck",
            ["--shell=sh", "--severity=style", "-"],
            `#!/bin/sh\n${snippet.runcmd.map((c) => c.join(" ")).join("\n")}\n`,
        );
        assert.strictEqual(r.status, 0, r.stdout);
    });

    it("merged into a cloud-config document, passes cloud-init schema", async function () {
        const doc = renderCloudConfig({
            packages: snippet.packages,
            write_files: snippet.writeFiles,
            runcmd: snippet.runcmd,
        });
        await assertCloudInitValid(this, doc, "the telemetry snippet");
    });

    it("labels every role and environment", () => {
        for (const role of ["app", "websocket", "nginx"] as const) {
            const s = renderTelemetry({ ...base, role, environment: "staging", logFiles: ["/var/log/syslog"] });
            const config = parse(file(s, TELEMETRY_PATHS.prometheusConfig).content);
            assert.strictEqual(config.global.external_labels.role, role);
            assert.strictEqual(config.global.external_labels.environment, "staging");
        }
    });

    it("refuses inputs that would break the files or leak over plain HTTP", () => {
        assert.throws(
            () =>
                renderTelemetry({
                    ...base,
                    remoteWriteUrl: "http://aps-workspaces.sa-east-1.amazonaws.com/workspaces/ws-1/",
                }),
            /https/,
        );
        assert.throws(() => renderTelemetry({ ...base, logsIngestEndpoint: "http://pipeline.example/logs" }), /https/);
        assert.throws(() => renderTelemetry({ ...base, logFiles: ["var/log/nginx/access.log"] }), /absolute path/);
        assert.throws(() => renderTelemetry({ ...base, logFiles: ["/var/log/a.log,/etc/shadow"] }), /commas/);
        assert.throws(() => renderTelemetry({ ...base, logFiles: [] }), /empty/);
        assert.throws(() => renderTelemetry({ ...base, environment: "prod\n[OUTPUT]" }), /environment/);
        assert.throws(() => renderTelemetry({ ...base, region: "sa-east" }), /region/);
    });
});

describe("templates/vpn-profile", () => {
    const pem = (label: string) => `-----BEGIN ${label}-----\nMIIBexample\n-----END ${label}-----\n`;
    const args = {
        dnsName: "*.cvpn-endpoint-0123456789abcdef0.prod.clientvpn.sa-east-1.amazonaws.com",
        protocol: "tcp" as const,
        port: 443,
        caCertPem: pem("CERTIFICATE"),
        clientCertPem: pem("CERTIFICATE"),
        clientKeyPem: pem("RSA PRIVATE KEY"),
    };

    it("connects to the endpoint over TCP 443 with the inline CA, certificate and key", () => {
        const profile = renderVpnProfile(args);
        const lines = profile.split("\n");
        assert.ok(lines.includes("proto tcp"));
        assert.ok(lines.includes("remote cvpn-endpoint-0123456789abcdef0.prod.clientvpn.sa-east-1.amazonaws.com 443"));
        assert.ok(lines.includes("remote-random-hostname"));
        assert.ok(lines.includes("remote-cert-tls server"));
        for (const tag of ["ca", "cert", "key"]) {
            assert.match(
                profile,
                new RegExp(`<${tag}>\\n-----BEGIN [A-Z ]+-----\\n[\\s\\S]+?\\n-----END [A-Z ]+-----\\n</${tag}>`),
            );
        }
    });

    it("refuses a key that is not a PEM private key", () => {
        assert.throws(() => renderVpnProfile({ ...args, clientKeyPem: pem("CERTIFICATE") }), /clientKeyPem/);
        assert.throws(() => renderVpnProfile({ ...args, dnsName: "bad host; rm -rf /" }), /dnsName/);
    });
});
