// The self-hosted Grafana server (Amazon Managed Grafana is not offered in
// sa-east-1 and the hospital's data stays in the primary region): its
// configuration, data sources and dashboards as provisioning files, and the
// cloud-init that installs it. Pure functions.
//
// - Grafana OSS from Grafana Labs' signed apt repository, the signing key's
//   fingerprint pinned (the setup script refuses another key) and the package
//   version pinned and held: an upgrade is a change to GRAFANA_VERSION here,
//   reviewed and rolled like any other. Plugins: the OpenSearch data source,
//   pinned too.
// - HTTPS only, on port GRAFANA_PORT, with a certificate generated on the
//   server (reached only over the Client VPN); no sign-up, no anonymous
//   access, no gravatar, no external snapshots, no phoning home.
// - The admin password lives in Secrets Manager and is fetched at boot into a
//   root-owned file that grafana.ini reads with `$__file{}`: never in user data.
// - Data sources use the instance role: Prometheus (Amazon Managed Service for
//   Prometheus, SigV4), CloudWatch and OpenSearch (SigV4).
// - A Prometheus blackbox exporter probes the public site through Cloudflare
//   (site up, status, certificate expiry), scraped by this host's telemetry agent.

import { CloudConfig, mergeCloudConfig, renderCloudConfig, WriteFile } from "./cloud-init";
import { DASHBOARDS, DATASOURCE_UIDS, renderDashboard } from "./grafana-dashboards";
import {
    scriptHeader,
    shellLibFile,
    shq,
    TelemetrySnippet,
    telemetryCloudConfig,
    unattendedUpgradeFiles,
} from "./host";
import { stringify } from "yaml";

/** Grafana OSS release installed (apt package version of https://apt.grafana.com). */
export const GRAFANA_VERSION = "12.0.0";
/** Grafana Labs' apt signing key (https://apt.grafana.com/gpg.key, in use since the January 2023 rotation). */
export const GRAFANA_KEY_URL = "https://apt.grafana.com/gpg.key";
export const GRAFANA_KEY_FINGERPRINT = "B53AE77BADB630A683046005963FA27710458545";
/** https://grafana.com/grafana/plugins/grafana-opensearch-datasource/ (SigV4 support for Amazon OpenSearch Service). */
export const OPENSEARCH_PLUGIN = { id: "grafana-opensearch-datasource", version: "2.34.4" } as const;
export const GRAFANA_PORT = 3000;
export const BLACKBOX_ADDRESS = "127.0.0.1:9115";

export const GRAFANA_PATHS = {
    ini: "/etc/grafana/grafana.ini",
    datasources: "/etc/grafana/provisioning/datasources/hms.yaml",
    dashboardProvider: "/etc/grafana/provisioning/dashboards/hms.yaml",
    dashboardsDir: "/var/lib/grafana/dashboards/hms",
    adminPassword: "/etc/grafana/admin-password",
    tlsDir: "/etc/grafana/tls",
    blackboxConfig: "/etc/prometheus/blackbox.yml",
    setupScript: "/usr/local/sbin/hms-grafana-setup",
} as const;

export interface GrafanaDatasourceArgs {
    region: string;
    /** Prometheus workspace endpoint, https://aps-workspaces.<region>.amazonaws.com/workspaces/<id>/ */
    prometheusEndpoint: string;
    /** OpenSearch domain endpoint (host name, VPC). */
    opensearchEndpoint: string;
    /** OpenSearch engine version, e.g. OpenSearch_2.19. */
    opensearchVersion: string;
}

/** Data source provisioning file: Prometheus (SigV4), CloudWatch and OpenSearch, all through the instance role. */
export function renderGrafanaDatasources(a: GrafanaDatasourceArgs): string {
    if (
        !/^https:\/\/aps-workspaces\.[a-z0-9-]+\.amazonaws\.com\/workspaces\/ws-[A-Za-z0-9-]+\/?$/.test(
            a.prometheusEndpoint,
        )
    ) {
        throw new Error(
            `renderGrafanaDatasources: prometheusEndpoint = ${JSON.stringify(a.prometheusEndpoint)} is not a workspace endpoint`,
        );
    }
    const host = a.opensearchEndpoint.replace(/^https:\/\//, "");
    if (!/^[a-z0-9.-]+$/.test(host)) {
        throw new Error(
            `renderGrafanaDatasources: opensearchEndpoint = ${JSON.stringify(a.opensearchEndpoint)} is not a host name`,
        );
    }
    const version = /^OpenSearch_(\d+\.\d+)$/.exec(a.opensearchVersion);
    if (!version) {
        throw new Error(
            `renderGrafanaDatasources: opensearchVersion = ${JSON.stringify(a.opensearchVersion)}: expected OpenSearch_<major>.<minor>`,
        );
    }
    const sigv4 = { sigV4Auth: true, sigV4AuthType: "default", sigV4Region: a.region };
    return stringify(
        {
            apiVersion: 1,
            // Only what is provisioned here exists: data sources edited in the UI are replaced at restart.
            prune: true,
            datasources: [
                {
                    name: "Prometheus",
                    uid: DATASOURCE_UIDS.prometheus,
                    type: "prometheus",
                    access: "proxy",
                    url: a.prometheusEndpoint.replace(/\/?$/, "/"),
                    isDefault: true,
                    editable: false,
                    jsonData: { httpMethod: "POST", ...sigv4 },
                },
                {
                    name: "CloudWatch",
                    uid: DATASOURCE_UIDS.cloudwatch,
                    type: "cloudwatch",
                    editable: false,
                    jsonData: { authType: "default", defaultRegion: a.region },
                },
                {
                    name: "OpenSearch logs",
                    uid: DATASOURCE_UIDS.opensearch,
                    type: OPENSEARCH_PLUGIN.id,
                    access: "proxy",
                    url: `https://${host}`,
                    editable: false,
                    jsonData: {
                        ...sigv4,
                        serverless: false,
                        flavor: "opensearch",
                        version: `${version[1]}.0`,
                        database: "logs-*",
                        timeField: "@timestamp",
                        logMessageField: "message",
                        logLevelField: "level",
                    },
                },
            ],
        },
        { lineWidth: 0 },
    );
}

/** Dashboard provider: every file of GRAFANA_PATHS.dashboardsDir, read-only in the UI. */
export function renderDashboardProvider(): string {
    return stringify({
        apiVersion: 1,
        providers: [
            {
                name: "hms",
                folder: "HMS",
                type: "file",
                disableDeletion: true,
                allowUiUpdates: false,
                updateIntervalSeconds: 60,
                options: { path: GRAFANA_PATHS.dashboardsDir, foldersFromFilesStructure: false },
            },
        ],
    });
}

/**
 * grafana.ini: HTTPS, no self sign-up or anonymous access, SigV4 enabled,
 * admin password from a file. The server's address (`domain`) is set at boot
 * through GF_SERVER_DOMAIN (see the setup script).
 */
export function renderGrafanaIni(): string {
    return [
        "# Generated by templates/grafana.ts; changes here are lost when the server is replaced.",
        "[server]",
        "protocol = https",
        `http_port = ${GRAFANA_PORT}`,
        `cert_file = ${GRAFANA_PATHS.tlsDir}/grafana.crt`,
        `cert_key = ${GRAFANA_PATHS.tlsDir}/grafana.key`,
        "min_tls_version = TLS1.2",
        "",
        "[security]",
        "admin_user = admin",
        `admin_password = $__file{${GRAFANA_PATHS.adminPassword}}`,
        "cookie_secure = true",
        "cookie_samesite = strict",
        "disable_gravatar = true",
        "strict_transport_security = true",
        "content_security_policy = true",
        "",
        "[users]",
        "allow_sign_up = false",
        "allow_org_create = false",
        "",
        "[auth]",
        "sigv4_auth_enabled = true",
        "disable_login_form = false",
        "",
        "[auth.anonymous]",
        "enabled = false",
        "",
        "[snapshots]",
        "external_enabled = false",
        "",
        "[analytics]",
        "reporting_enabled = false",
        "check_for_updates = false",
        "check_for_plugin_updates = false",
        "",
        "[plugins]",
        `allow_loading_unsigned_plugins =`,
        "",
        "[log]",
        "mode = file",
        "level = info",
        "",
    ].join("\n");
}

/** Blackbox exporter modules: an HTTPS GET that must answer 2xx/3xx with a valid certificate. */
export function renderBlackboxConfig(): string {
    return stringify({
        modules: {
            https_2xx: {
                prober: "http",
                timeout: "10s",
                http: {
                    method: "GET",
                    preferred_ip_protocol: "ip4",
                    fail_if_not_ssl: true,
                    tls_config: { insecure_skip_verify: false },
                    valid_status_codes: [200, 301, 302, 303, 307, 308],
                },
            },
        },
    });
}

export interface GrafanaHostArgs extends GrafanaDatasourceArgs {
    /** Secrets Manager ARN of the admin password. */
    adminSecretArn: string;
    telemetry?: TelemetrySnippet;
}

/** First-boot script: admin password from Secrets Manager, TLS certificate, Grafana from its signed repository. */
export function renderGrafanaSetupScript(a: GrafanaHostArgs): string {
    if (!/^arn:aws[\w-]*:secretsmanager:[a-z0-9-]+:\d{12}:secret:[\w/+=.@-]+$/.test(a.adminSecretArn)) {
        throw new Error(
            `renderGrafanaSetupScript: adminSecretArn = ${JSON.stringify(a.adminSecretArn)} is not a secret ARN`,
        );
    }
    const p = GRAFANA_PATHS;
    return `${scriptHeader("HMS Grafana server, first boot")}
readonly REGION=${shq(a.region)}
readonly ADMIN_SECRET=${shq(a.adminSecretArn)}
readonly KEY_URL=${shq(GRAFANA_KEY_URL)}
readonly KEY_FINGERPRINT=${shq(GRAFANA_KEY_FINGERPRINT)}
readonly KEYRING=/usr/share/keyrings/grafana.gpg
readonly VERSION=${shq(GRAFANA_VERSION)}

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# 1. Grafana from its signed repository, key fingerprint pinned, version pinned and held.
export GNUPGHOME="$work/gnupg"
install -d -m 0700 "$GNUPGHOME"
fetch "$KEY_URL" "$work/grafana.key"
keys=$(gpg --batch --with-colons --show-keys "$work/grafana.key")
primary=$(printf '%s\\n' "$keys" | awk -F: '$1 == "pub"' | wc -l)
fingerprint=$(printf '%s\\n' "$keys" | awk -F: '$1 == "fpr" { print $10; exit }')
if [ "$primary" -ne 1 ] || [ "$fingerprint" != "$KEY_FINGERPRINT" ]; then
    die "$KEY_URL: fingerprint $fingerprint ($primary keys), expected $KEY_FINGERPRINT"
fi
gpg --batch --yes --dearmor -o "$KEYRING" "$work/grafana.key"
chmod 0644 "$KEYRING"
echo "deb [signed-by=$KEYRING] https://apt.grafana.com stable main" > /etc/apt/sources.list.d/grafana.list
retry 5 apt-get -q -o DPkg::Lock::Timeout=600 update
# confold: keep the grafana.ini cloud-init wrote.
export DEBIAN_FRONTEND=noninteractive
retry 3 apt-get install -y -q -o DPkg::Lock::Timeout=600 \\
    -o Dpkg::Options::=--force-confold "grafana=$VERSION"
apt-mark hold grafana
retry 3 grafana cli --homepath /usr/share/grafana plugins install ${shq(OPENSEARCH_PLUGIN.id)} ${shq(OPENSEARCH_PLUGIN.version)}
chown -R grafana:grafana /var/lib/grafana/plugins

# 2. The admin password, from Secrets Manager to a file only root and Grafana read.
install_aws_cli
umask 077
"$AWS" secretsmanager get-secret-value --region "$REGION" --secret-id "$ADMIN_SECRET" --query SecretString --output text > "$work/admin"
[ -s "$work/admin" ] || die "the admin password secret is empty"
install -m 0640 -o root -g grafana "$work/admin" ${p.adminPassword}

# 3. A TLS certificate for this server's private address (users reach it over the Client VPN).
token=$(curl -fsS --retry 5 -X PUT http://169.254.169.254/latest/api/token -H "X-aws-ec2-metadata-token-ttl-seconds: 300")
ip=$(curl -fsS --retry 5 -H "X-aws-ec2-metadata-token: $token" http://169.254.169.254/latest/meta-data/local-ipv4)
[[ "$ip" =~ ^[0-9]+\\.[0-9]+\\.[0-9]+\\.[0-9]+$ ]] || die "unexpected private address: $ip"
printf 'GF_SERVER_DOMAIN=%s\\n' "$ip" > /etc/default/grafana-server.hms
install -d -m 0750 -o root -g grafana ${p.tlsDir}
if [ ! -s ${p.tlsDir}/grafana.key ]; then
    openssl req -x509 -newkey rsa:3072 -sha256 -days 825 -nodes -subj "/CN=$ip" \\
        -addext "subjectAltName=IP:$ip" \\
        -keyout ${p.tlsDir}/grafana.key -out ${p.tlsDir}/grafana.crt
fi
chown root:grafana ${p.tlsDir}/grafana.key ${p.tlsDir}/grafana.crt
chmod 0640 ${p.tlsDir}/grafana.key
chmod 0644 ${p.tlsDir}/grafana.crt
umask 022

# 4. Configuration and dashboards readable by Grafana; start everything.
chown root:grafana ${p.ini}
chown -R root:grafana ${p.dashboardsDir}
systemctl daemon-reload
systemctl enable grafana-server prometheus-blackbox-exporter
systemctl restart prometheus-blackbox-exporter grafana-server
log "Grafana answers on https://$ip:${GRAFANA_PORT}"
`;
}

/** The whole cloud-config of the Grafana server. */
export function grafanaCloudConfig(a: GrafanaHostArgs): CloudConfig {
    const p = GRAFANA_PATHS;
    const files: WriteFile[] = [
        ...unattendedUpgradeFiles({ rebootTime: "05:30" }),
        shellLibFile(),
        { path: p.ini, permissions: "0640", content: renderGrafanaIni() },
        {
            // The address Grafana answers to, written by the setup script.
            path: "/etc/systemd/system/grafana-server.service.d/hms.conf",
            permissions: "0644",
            content:
                "# Generated by templates/grafana.ts\n[Service]\nEnvironmentFile=-/etc/default/grafana-server.hms\n",
        },
        { path: p.datasources, permissions: "0644", content: renderGrafanaDatasources(a) },
        { path: p.dashboardProvider, permissions: "0644", content: renderDashboardProvider() },
        ...DASHBOARDS.map((d) => ({
            path: `${p.dashboardsDir}/${d.uid}.json`,
            permissions: "0644",
            content: renderDashboard(d, a.region),
        })),
        { path: p.blackboxConfig, permissions: "0644", content: renderBlackboxConfig() },
        {
            // Read by Ubuntu's prometheus-blackbox-exporter unit: localhost only.
            path: "/etc/default/prometheus-blackbox-exporter",
            permissions: "0644",
            content: `# Generated by templates/grafana.ts\nARGS="--config.file=${p.blackboxConfig} --web.listen-address=${BLACKBOX_ADDRESS}"\n`,
        },
        { path: p.setupScript, permissions: "0700", content: renderGrafanaSetupScript(a) },
    ];
    const base: CloudConfig = {
        package_update: true,
        package_upgrade: true,
        packages: [
            "ca-certificates",
            "curl",
            "gnupg",
            "openssl",
            "unattended-upgrades",
            "prometheus-blackbox-exporter",
        ],
        ssh_pwauth: false,
        disable_root: true,
        timezone: "UTC",
        write_files: files,
        runcmd: [[p.setupScript]],
        final_message: "HMS Grafana server ready after $UPTIME seconds",
    };
    return mergeCloudConfig(base, telemetryCloudConfig(a.telemetry));
}

export function renderGrafanaUserData(a: GrafanaHostArgs): string {
    return renderCloudConfig(grafanaCloudConfig(a));
}
