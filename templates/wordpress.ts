// cloud-init of a WordPress app server: nginx + PHP-FPM from the Ubuntu
// archive, WordPress (pinned, SHA-1 verified) with WP-CLI (SHA-512 verified),
// the Redis Object Cache and WP Offload Media Lite plugins from wordpress.org,
// secrets fetched from Secrets Manager at boot by root-only scripts, TLS to
// MySQL and Redis, media copied to the environment's S3 bucket.
//
// Nothing secret is in the user data: it holds ARNs, endpoints and versions;
// the boot scripts read the secrets with the instance role.

import { UBUNTU_PHP } from "../config";
import { clinicalFilesLocations, clinicalOrigin, VPC_DNS_RESOLVER } from "./clinical-files";
import { CloudConfig, mergeCloudConfig, renderCloudConfig, WriteFile } from "./cloud-init";
import {
    addMinutes,
    scriptHeader,
    shellLibFile,
    shq,
    TelemetrySnippet,
    telemetryCloudConfig,
    unattendedUpgradeFiles,
} from "./host";
import { FPM_STATUS_PATH, renderStatusServer } from "./telemetry";

/** PHP version each Ubuntu LTS release ships; the servers use the distribution's PHP-FPM. */
export const DISTRO_PHP: Readonly<Record<string, string>> = UBUNTU_PHP;

/** The RDS certificate bundle (all regions), to verify the database's TLS certificate. */
export const RDS_CA_BUNDLE_URL = "https://truststore.pki.rds.amazonaws.com/global/global-bundle.pem";

export const WORDPRESS_ROOT = "/var/www/wordpress";
export const WP_SETTINGS = "/etc/hms/wordpress/settings.php";
export const WP_SECRETS = "/etc/hms/wordpress/secrets.json";
export const RDS_CA_FILE = "/etc/hms/wordpress/rds-global-bundle.pem";
export const HEALTHZ_PHP = "/usr/local/lib/hms/healthz.php";
/** The database drop-in, copied to wp-content/db.php by hms-wp-setup (the WordPress tarball replaces the docroot). */
export const DB_DROPIN = "/usr/local/lib/hms/db.php";
/** PHP's sendmail_path: hands every message of mail() / wp_mail() to Amazon SES. */
export const SENDMAIL_PHP = "/usr/local/lib/hms/sendmail.php";
/** Instance metadata service (IMDSv2) the mail transport takes the role's credentials from. */
export const IMDS_URL = "http://169.254.169.254";
/**
 * Files of the WordPress release that tell anyone the software and roughly its
 * version (readme and licence, translated too) or show the config layout:
 * removed at install and refused by Nginx.
 */
export const FINGERPRINT_FILES = ["readme.html", "license.txt", "wp-config-sample.php"] as const;

export interface WordPressHostArgs {
    environment: string;
    region: string;
    /** The site's domain: WP_HOME / WP_SITEURL are https://<domain>. */
    domain: string;
    siteTitle: string;
    adminEmail: string;
    /** 0-based index of this server in the tier (staggers reboots). */
    index: number;
    /** VPC CIDR: only proxies in it are trusted for X-Forwarded-Proto / X-Forwarded-For. */
    vpcCidr: string;
    httpPort: number;
    vcpus: number;
    memoryGiB: number;
    maxUploadMiB: number;
    ubuntuRelease: string;
    phpVersion: string;
    wordpress: { version: string; sha1: string };
    wpCli: { version: string; sha512: string };
    plugins: { redisCache: string; offloadMedia: string };
    database: { host: string; port: number; name: string; secretArn: string };
    cache: { host: string; port: number; authSecretArn: string };
    saltsSecretArn: string;
    adminSecretArn: string;
    mediaBucket: string;
    /** Outbound mail through Amazon SES in `region` with the instance role; without it PHP has no mail transport. */
    mail?: { configurationSet: string };
    telemetry?: TelemetrySnippet;
}

/** Names of the WordPress keys and salts kept in the salts secret (a JSON object). */
export const WORDPRESS_SALT_NAMES = [
    "AUTH_KEY",
    "SECURE_AUTH_KEY",
    "LOGGED_IN_KEY",
    "NONCE_KEY",
    "AUTH_SALT",
    "SECURE_AUTH_SALT",
    "LOGGED_IN_SALT",
    "NONCE_SALT",
] as const;

/** The PHP version the Ubuntu release ships; anything else is refused (it would need a third-party archive). */
export function phpForRelease(release: string, requested: string): string {
    const php = DISTRO_PHP[release];
    if (!php) {
        throw new Error(
            `no PHP version known for Ubuntu ${release}; known releases: ${Object.keys(DISTRO_PHP).join(", ")}`,
        );
    }
    if (requested !== php) {
        throw new Error(
            `Ubuntu ${release} ships PHP ${php}, not ${requested}: the app servers install the distribution's PHP-FPM`,
        );
    }
    return php;
}

/** Apt packages of an app server for a PHP version. */
export function wordpressPackages(php: string): string[] {
    return [
        "nginx",
        ...["fpm", "cli", "mysql", "curl", "gd", "intl", "mbstring", "xml", "zip", "bcmath"].map(
            (m) => `php${php}-${m}`,
        ),
        // Built against the distribution's PHP by Ubuntu.
        "php-redis",
        "php-imagick",
        "jq",
        "unzip",
        "curl",
        "ca-certificates",
        "openssl",
        "unattended-upgrades",
    ];
}

/** PHP-FPM children: what memory allows (about 128 MiB each, 2 GiB kept for the system), at most 8 per vCPU. */
export function fpmMaxChildren(vcpus: number, memoryGiB: number): number {
    const byMemory = Math.floor(((memoryGiB - 2) * 1024) / 128);
    return Math.max(4, Math.min(byMemory, vcpus * 8));
}

const phpString = (s: string) => `'${s.replace(/\\/g, "\\\\").replace(/'/g, "\\'")}'`;

/**
 * Non-secret settings and two helpers shared by wp-config.php, the health
 * check and the install lock: `hms_secret()` reads the secrets file written at
 * boot, `hms_db()` opens a TLS connection verified against the RDS CA bundle.
 */
export function settingsPhp(a: WordPressHostArgs): string {
    const rows: Array<[string, string]> = [
        ["HMS_ENVIRONMENT", phpString(a.environment)],
        ["HMS_REGION", phpString(a.region)],
        ["HMS_DOMAIN", phpString(a.domain)],
        ["HMS_DB_HOST", phpString(a.database.host)],
        ["HMS_DB_PORT", String(a.database.port)],
        ["HMS_DB_NAME", phpString(a.database.name)],
        ["HMS_REDIS_HOST", phpString(a.cache.host)],
        ["HMS_REDIS_PORT", String(a.cache.port)],
        ["HMS_MEDIA_BUCKET", phpString(a.mediaBucket)],
        ["HMS_SES_ENDPOINT", phpString(sesEndpoint(a.region))],
        ["HMS_MAIL_CONFIGURATION_SET", phpString(a.mail?.configurationSet ?? "")],
    ];
    return `<?php
// HMS app server settings (generated by Pulumi). No secret here.
${rows.map(([k, v]) => `define('${k}', ${v});`).join("\n")}

function hms_secret(string $name): string {
    static $s = null;
    $s ??= json_decode(file_get_contents('${WP_SECRETS}'), true, 4, JSON_THROW_ON_ERROR);
    return $s[$name] ?? throw new RuntimeException("missing secret $name");
}

function hms_db(?string $db, int $timeout): mysqli {
    mysqli_report(MYSQLI_REPORT_ERROR | MYSQLI_REPORT_STRICT);
    $c = mysqli_init();
    $c->options(MYSQLI_OPT_CONNECT_TIMEOUT, $timeout);
    $c->options(MYSQLI_OPT_SSL_VERIFY_SERVER_CERT, true);
    $c->ssl_set(null, null, '${RDS_CA_FILE}', null, null);
    $c->real_connect(HMS_DB_HOST, hms_secret('HMS_DB_USER'), hms_secret('HMS_DB_PASSWORD'), $db, HMS_DB_PORT, null, MYSQLI_CLIENT_SSL);
    return $c;
}
`;
}

/** wp-config.php: settings plus the secrets read at boot; it holds no secret itself. */
export function wpConfigPhp(): string {
    return `<?php
// WordPress on the HMS app servers (generated by Pulumi). Secrets: ${WP_SECRETS},
// written from Secrets Manager by hms-wp-secrets.
require '${WP_SETTINGS}';
define('DB_NAME', HMS_DB_NAME);
define('DB_USER', hms_secret('HMS_DB_USER'));
define('DB_PASSWORD', hms_secret('HMS_DB_PASSWORD'));
define('DB_HOST', HMS_DB_HOST . ':' . HMS_DB_PORT);
define('DB_CHARSET', 'utf8mb4');
define('DB_COLLATE', '');
// The connection itself is opened by wp-content/db.php with hms_db(): TLS verified against the RDS CA bundle.
foreach (['${WORDPRESS_SALT_NAMES.join("', '")}'] as $k) {
    define($k, hms_secret($k));
}
$table_prefix = 'wp_';

// nginx sets HMS_FORWARDED_HTTPS only for X-Forwarded-Proto: https from the VPC.
if (($_SERVER['HMS_FORWARDED_HTTPS'] ?? '') === 'on') {
    $_SERVER['HTTPS'] = 'on';
}
define('WP_HOME', 'https://' . HMS_DOMAIN);
define('WP_SITEURL', 'https://' . HMS_DOMAIN);
define('FORCE_SSL_ADMIN', true);
// Code comes from the stack config (pinned versions), the same on every server.
define('DISALLOW_FILE_EDIT', true);
define('DISALLOW_FILE_MODS', true);
define('AUTOMATIC_UPDATER_DISABLED', true);
define('WP_ENVIRONMENT_TYPE', HMS_ENVIRONMENT === 'production' ? 'production' : 'staging');
define('WP_DEBUG', false);

define('WP_REDIS_CLIENT', 'phpredis');
define('WP_REDIS_SCHEME', 'tls');
define('WP_REDIS_HOST', HMS_REDIS_HOST);
define('WP_REDIS_PORT', HMS_REDIS_PORT);
define('WP_REDIS_PASSWORD', hms_secret('HMS_REDIS_PASSWORD'));
define('WP_REDIS_PREFIX', HMS_DOMAIN . ':');
define('WP_REDIS_TIMEOUT', 1);
define('WP_REDIS_READ_TIMEOUT', 1);
define('WP_REDIS_SSL_CONTEXT', ['verify_peer' => true, 'verify_peer_name' => true]);

// WP Offload Media Lite copies uploads to the bucket with the instance role.
define('AS3CF_SETTINGS', serialize([
    'provider' => 'aws',
    'use-server-roles' => true,
    'bucket' => HMS_MEDIA_BUCKET,
    'region' => HMS_REGION,
    'copy-to-s3' => true,
    'serve-from-s3' => false,
    'remove-local-file' => false,
    'enable-object-prefix' => true,
    'object-prefix' => 'wp-content/uploads/',
    'use-yearmonth-folders' => true,
    'object-versioning' => false,
]));

if (!defined('ABSPATH')) {
    define('ABSPATH', '${WORDPRESS_ROOT}/');
}
require_once ABSPATH . 'wp-settings.php';
`;
}

/** /healthz: PHP-FPM runs it, and the database accepts a verified TLS connection: 200, else 503. */
export function healthzPhp(): string {
    return `<?php
header('Content-Type: application/json');
header('Cache-Control: no-store');
$s = ['status' => 'ok', 'php_fpm' => 'ok', 'database' => 'ok'];
try {
    require '${WP_SETTINGS}';
    hms_db(HMS_DB_NAME, 3)->query('SELECT 1');
} catch (Throwable $e) {
    $s['status'] = 'unhealthy';
    $s['database'] = 'unavailable';
    error_log('healthz: ' . $e->getMessage());
}
http_response_code($s['status'] === 'ok' ? 200 : 503);
echo json_encode($s), "\\n";
`;
}

/**
 * wp-content/db.php: WordPress's database connection, verified like the
 * health check's. WordPress core (wpdb::db_connect, 6.x) passes only
 * MYSQL_CLIENT_FLAGS to mysqli_real_connect() and never calls mysqli_ssl_set():
 * with MYSQLI_CLIENT_SSL alone mysqlnd encrypts but accepts any certificate,
 * so a machine in the path could read patient data. This drop-in (loaded by
 * require_wp_db() after class-wpdb.php) replaces $wpdb with a subclass whose
 * db_connect() opens the connection with hms_db(): the RDS CA bundle and
 * MYSQLI_OPT_SSL_VERIFY_SERVER_CERT. The rest repeats what the parent does after
 * a successful connect (charset, SQL mode, database); a failure bails with
 * WordPress's own "Error establishing a database connection" page.
 */
export function dbDropinPhp(): string {
    return `<?php
// HMS: WordPress's database connection over TLS verified against the RDS CA bundle (generated by Pulumi).
defined('ABSPATH') || exit;

class hms_wpdb extends wpdb {
    public function db_connect($allow_bail = true) {
        $this->is_mysql = true;
        try {
            $this->dbh = hms_db(null, 5);
        } catch (Throwable $e) {
            $this->dbh = null;
            error_log('wpdb: ' . $e->getMessage());
        } finally {
            // What wpdb expects (it checks return values itself).
            mysqli_report(MYSQLI_REPORT_OFF);
        }
        if (!$this->dbh) {
            if ($allow_bail) {
                wp_load_translations_early();
                $this->bail('<h1>' . __('Error establishing a database connection') . '</h1>', 'db_connect_fail');
            }
            return false;
        }
        if (!$this->has_connected) {
            $this->init_charset();
        }
        $this->has_connected = true;
        $this->set_charset($this->dbh);
        $this->ready = true;
        $this->set_sql_mode();
        $this->select($this->dbname, $this->dbh);
        return true;
    }
}

$wpdb = new hms_wpdb(DB_USER, DB_PASSWORD, DB_NAME, DB_HOST);
`;
}

/** The SES API endpoint of a region (https://docs.aws.amazon.com/general/latest/gr/ses.html). */
export function sesEndpoint(region: string): string {
    return `https://email.${region}.amazonaws.com`;
}

/**
 * sendmail.php: PHP's sendmail_path on the app servers. PHP's mail() (which
 * WordPress's wp_mail() uses through PHPMailer) pipes the whole message to it;
 * it sends the message unchanged with the SES API v2 SendEmail (raw content,
 * the configuration set that reports bounces and complaints), signed with
 * Signature Version 4 using the instance role's temporary credentials from
 * IMDSv2: no long-lived key exists anywhere. SES SMTP would need SMTP
 * credentials derived from an IAM user's access key. Exit status 75
 * (EX_TEMPFAIL) on any failure, so mail() returns false and WordPress says so.
 * The message itself is never logged.
 */
export function sendmailPhp(): string {
    return `<?php
// sendmail for PHP's mail(): the message on stdin goes to Amazon SES with the instance role (generated by Pulumi).
require '${WP_SETTINGS}';
const IMDS = '${IMDS_URL}';

function hms_http(string $method, string $url, array $headers, string $body = ''): array {
    $c = curl_init($url);
    curl_setopt_array($c, [
        CURLOPT_CUSTOMREQUEST => $method, CURLOPT_HTTPHEADER => $headers, CURLOPT_RETURNTRANSFER => true,
        CURLOPT_CONNECTTIMEOUT => 5, CURLOPT_TIMEOUT => 30, CURLOPT_PROTOCOLS => CURLPROTO_HTTP | CURLPROTO_HTTPS,
    ]);
    if ($body !== '') {
        curl_setopt($c, CURLOPT_POSTFIELDS, $body);
    }
    $out = curl_exec($c);
    if ($out === false) {
        throw new RuntimeException("$method $url: " . curl_error($c));
    }
    return [curl_getinfo($c, CURLINFO_RESPONSE_CODE), $out];
}

function hms_role_credentials(): array {
    [$s, $token] = hms_http('PUT', IMDS . '/latest/api/token', ['X-aws-ec2-metadata-token-ttl-seconds: 300']);
    $auth = ["X-aws-ec2-metadata-token: $token"];
    [$s2, $roles] = hms_http('GET', IMDS . '/latest/meta-data/iam/security-credentials/', $auth);
    [$s3, $json] = hms_http('GET', IMDS . '/latest/meta-data/iam/security-credentials/' . strtok($roles, "\n"), $auth);
    if ($s !== 200 || $s2 !== 200 || $s3 !== 200) {
        throw new RuntimeException("instance metadata: HTTP $s/$s2/$s3");
    }
    return json_decode($json, true, 4, JSON_THROW_ON_ERROR);
}

/** Signature Version 4 headers of a JSON POST to the SES API. */
function hms_sigv4(array $k, string $url, string $body): array {
    $host = parse_url($url, PHP_URL_HOST) . (parse_url($url, PHP_URL_PORT) ? ':' . parse_url($url, PHP_URL_PORT) : '');
    $time = gmdate('Ymd\\THis\\Z');
    $day = substr($time, 0, 8);
    $scope = "$day/" . HMS_REGION . '/ses/aws4_request';
    $headers = ['content-type' => 'application/json', 'host' => $host, 'x-amz-date' => $time, 'x-amz-security-token' => $k['Token']];
    $signed = implode(';', array_keys($headers));
    $canonical = implode("\n", ['POST', parse_url($url, PHP_URL_PATH), '', ...array_map(fn ($h, $v) => "$h:$v", array_keys($headers), $headers), '', $signed, hash('sha256', $body)]);
    $key = 'AWS4' . $k['SecretAccessKey'];
    foreach ([$day, HMS_REGION, 'ses', 'aws4_request'] as $part) {
        $key = hash_hmac('sha256', $part, $key, true);
    }
    $signature = hash_hmac('sha256', "AWS4-HMAC-SHA256\n$time\n$scope\n" . hash('sha256', $canonical), $key);
    $auth = "AWS4-HMAC-SHA256 Credential={$k['AccessKeyId']}/$scope, SignedHeaders=$signed, Signature=$signature";
    return [...array_map(fn ($h, $v) => "$h: $v", array_keys($headers), $headers), "authorization: $auth"];
}

try {
    $message = stream_get_contents(STDIN);
    if ($message === false || trim($message) === '' || HMS_MAIL_CONFIGURATION_SET === '') {
        throw new RuntimeException('no message, or no mail configuration');
    }
    $body = json_encode(['ConfigurationSetName' => HMS_MAIL_CONFIGURATION_SET, 'Content' => ['Raw' => ['Data' => base64_encode($message)]]], JSON_THROW_ON_ERROR);
    $url = HMS_SES_ENDPOINT . '/v2/email/outbound-emails';
    [$status, $answer] = hms_http('POST', $url, hms_sigv4(hms_role_credentials(), $url, $body), $body);
    if ($status !== 200) {
        throw new RuntimeException("SES answered HTTP $status: " . substr($answer, 0, 500));
    }
} catch (Throwable $e) {
    error_log('hms-sendmail: ' . $e->getMessage());
    exit(75);
}
`;
}

/**
 * db-lock.php LOCK COMMAND...: creates the WordPress database if needed and
 * runs COMMAND holding the MySQL named lock LOCK, so app servers that boot
 * together install WordPress once.
 */
export function dbLockPhp(): string {
    return `<?php
// Usage: php db-lock.php LOCK COMMAND [ARG...]
require '${WP_SETTINGS}';
if ($argc < 3 || !preg_match('/^\\w+$/', HMS_DB_NAME)) {
    exit(64);
}
$c = hms_db(null, 10);
$c->query('CREATE DATABASE IF NOT EXISTS \`' . HMS_DB_NAME . '\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci');
$q = $c->prepare('SELECT GET_LOCK(?, 900)');
$q->bind_param('s', $argv[1]);
$q->execute();
if ((int) $q->get_result()->fetch_row()[0] !== 1) {
    fwrite(STDERR, "lock {$argv[1]} not taken in 15 minutes\\n");
    exit(75);
}
$p = proc_open(array_slice($argv, 2), [STDIN, STDOUT, STDERR], $pipes);
exit(is_resource($p) ? proc_close($p) : 127);
`;
}

/** The nginx site of an app server: WordPress on `httpPort`, proxies trusted only from the VPC. */
export function wordpressNginxSite(a: {
    vpcCidr: string;
    httpPort: number;
    maxUploadMiB: number;
    phpVersion: string;
    clinicalOrigin: string;
}): string {
    return `# WordPress (generated by Pulumi); only the Nginx tier and the WebSocket server reach this port.
geo $realip_remote_addr $hms_from_vpc {
    default 0;
    ${a.vpcCidr} 1;
}
map "$hms_from_vpc:$http_x_forwarded_proto" $hms_forwarded_https {
    default "";
    "1:https" on;
}
upstream hms_php_fpm {
    server unix:/run/php/php${a.phpVersion}-fpm-wordpress.sock;
}
server {
    listen ${a.httpPort} default_server;
    server_name _;
    root ${WORDPRESS_ROOT};
    index index.php;
    server_tokens off;
    client_max_body_size ${a.maxUploadMiB}m;
    set_real_ip_from ${a.vpcCidr};
    real_ip_header X-Forwarded-For;
    real_ip_recursive on;
    access_log /var/log/nginx/wordpress-access.log;
    error_log /var/log/nginx/wordpress-error.log warn;

    location = /healthz {
        access_log off;
        include fastcgi_params;
        fastcgi_param SCRIPT_FILENAME ${HEALTHZ_PHP};
        fastcgi_pass hms_php_fpm;
    }
    location = /xmlrpc.php {
        return 403;
    }
    # Files that reveal the software and its version (removed at install too).
    location ~* ^/(?:readme|license|licen[cs]ia|liesmich|leggimi|lisenssi)\\.(?:html|txt)$ {
        return 404;
    }
    location = /wp-config-sample.php {
        return 404;
    }
    location ~ /\\.(?!well-known/) {
        deny all;
    }
    location ~* ^/wp-content/uploads/.*\\.(?:php\\d?|phtml|phar)$ {
        deny all;
    }
${clinicalFilesLocations({
    origin: a.clinicalOrigin,
    fastcgiPass: "hms_php_fpm",
    frontController: `${WORDPRESS_ROOT}/index.php`,
    fastcgiParams: [["HMS_FORWARDED_HTTPS", "$hms_forwarded_https"]],
    resolver: VPC_DNS_RESOLVER,
    trustedCaFile: "/etc/ssl/certs/ca-certificates.crt",
})}    location / {
        try_files $uri $uri/ /index.php?$args;
    }
    location ~ \\.php$ {
        try_files $uri =404;
        include fastcgi_params;
        fastcgi_param SCRIPT_FILENAME $document_root$fastcgi_script_name;
        fastcgi_param HMS_FORWARDED_HTTPS $hms_forwarded_https;
        fastcgi_read_timeout 300s;
        fastcgi_pass hms_php_fpm;
    }
    location ~* \\.(?:css|js|jpe?g|gif|png|webp|svg|ico|woff2?)$ {
        expires 7d;
        access_log off;
        try_files $uri =404;
    }
}
${renderStatusServer({ phpFpmSocket: `/run/php/php${a.phpVersion}-fpm-wordpress.sock` })}`;
}

/** A PHP-FPM pool for WordPress, sized from the server's vCPUs and memory. */
export function fpmPool(a: {
    phpVersion: string;
    vcpus: number;
    memoryGiB: number;
    maxUploadMiB: number;
    mail?: boolean | { configurationSet: string };
}): string {
    const max = fpmMaxChildren(a.vcpus, a.memoryGiB);
    const spare = Math.max(2, Math.floor(max / 4));
    return `[wordpress]
user = www-data
group = www-data
listen = /run/php/php${a.phpVersion}-fpm-wordpress.sock
listen.owner = www-data
listen.group = www-data
listen.mode = 0660
pm = dynamic
pm.max_children = ${max}
pm.start_servers = ${spare}
pm.min_spare_servers = ${spare}
pm.max_spare_servers = ${Math.max(spare, Math.floor(max / 2))}
pm.max_requests = 1000
request_terminate_timeout = 300s
catch_workers_output = yes
; Status page for the metrics agent (OpenMetrics with ?openmetrics), served on localhost only (templates/telemetry.ts).
pm.status_path = ${FPM_STATUS_PATH}
security.limit_extensions = .php
php_admin_value[upload_max_filesize] = ${a.maxUploadMiB}M
php_admin_value[post_max_size] = ${a.maxUploadMiB + 8}M
php_admin_value[memory_limit] = 256M
php_admin_value[max_execution_time] = 300
php_admin_value[disable_functions] = exec,passthru,shell_exec,system,popen,proc_open,pcntl_exec
php_admin_flag[display_errors] = off
php_admin_value[session.cookie_secure] = 1
php_admin_value[session.cookie_httponly] = 1
${a.mail ? `php_admin_value[sendmail_path] = /usr/bin/php ${SENDMAIL_PHP}\n` : ""}`;
}

/** php.ini additions for PHP-FPM. */
export function phpIni(): string {
    return `expose_php = Off
opcache.memory_consumption = 256
opcache.max_accelerated_files = 20000
opcache.revalidate_freq = 30
`;
}

/**
 * The jq program of hms-wp-secrets (run as `jq -n --rawfile db F --rawfile cache F
 * --rawfile salts F`): secrets.json from the database secret {username, password},
 * the cache secret (the AUTH token as a string or in a JSON object) and the salts
 * secret. Every value must be a non-empty string, every salt in WORDPRESS_SALT_NAMES
 * present: anything else is a jq error, so the script stops before replacing the file.
 */
export const WP_SECRETS_JQ = `
    ($db | fromjson) as $d
    | ($cache | rtrimstr("\\n")) as $raw
    | (if ($raw | startswith("{")) then ($raw | fromjson | .authToken // .auth_token // .token // .password // error("no token in the cache secret")) else $raw end) as $token
    | {HMS_DB_USER: $d.username, HMS_DB_PASSWORD: $d.password, HMS_REDIS_PASSWORD: $token} + ($salts | fromjson | {${WORDPRESS_SALT_NAMES.join(", ")}})
    | if any(.[]; type != "string" or . == "") then error("a secret is empty") else . end
`;

/**
 * jq program checking the first administrator's secret {username, password}
 * before WordPress is installed with it: no output when both are non-empty
 * strings, else an error (exit status 5).
 */
export const ADMIN_SECRET_CHECK_JQ =
    'if all(.username, .password; type == "string" and . != "") then empty else error("the admin secret needs a username and a password") end';

/**
 * Root-only script, at boot and every 2 minutes (RDS rotates its managed
 * secret): writes the database credentials, the Redis AUTH token and the
 * WordPress keys and salts from Secrets Manager to secrets.json, root:www-data 0640.
 */
export function secretsScript(a: WordPressHostArgs): string {
    return `${scriptHeader("Writes the WordPress secrets from AWS Secrets Manager")}umask 077
export AWS_DEFAULT_REGION=${shq(a.region)}
readonly OUT=${shq(WP_SECRETS)}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
# Secret values only go through files in $work (0700), never through arguments.
get() { "$AWS" secretsmanager get-secret-value --secret-id "$1" --query SecretString --output text > "$work/$2"; }
get ${shq(a.database.secretArn)} db
get ${shq(a.cache.authSecretArn)} cache
get ${shq(a.saltsSecretArn)} salts
# The cache secret holds the AUTH token as a string or in a JSON object.
jq -n --rawfile db "$work/db" --rawfile cache "$work/cache" --rawfile salts "$work/salts" '${WP_SECRETS_JQ}' > "$work/secrets.json"
if ! cmp -s "$work/secrets.json" "$OUT"; then
    install -m 0640 -o root -g www-data "$work/secrets.json" "$OUT.new"
    mv -f "$OUT.new" "$OUT"
    log "secrets updated"
    systemctl try-reload-or-restart ${shq(`php${a.phpVersion}-fpm.service`)}
fi
`;
}

/** First-boot setup of an app server (run once by cloud-init, safe to run again). */
export function setupScript(a: WordPressHostArgs): string {
    return `${scriptHeader("First-boot setup of a WordPress app server; every download is pinned and verified")}umask 022
export AWS_DEFAULT_REGION=${shq(a.region)}
readonly DOCROOT=${shq(WORDPRESS_ROOT)} PHP=${shq(a.phpVersion)} WP=${shq(a.wordpress.version)}
readonly PLUGINS=(${shq(`redis-cache:${a.plugins.redisCache}`)} ${shq(`amazon-s3-and-cloudfront:${a.plugins.offloadMedia}`)})
readonly ADMIN_SECRET=${shq(a.adminSecretArn)}

# WP-CLI as www-data: WordPress code never runs as root.
wp_www() {
    runuser -u www-data -- env HOME=/var/cache/wp-cli /usr/local/bin/wp --path="$DOCROOT" "$@"
}

# Under the database lock, one server at a time: install the site once, activate the plugins.
if [ "\${1:-}" = "--install-site" ]; then
    if ! wp_www core is-installed; then
        admin=$(mktemp)
        # The file holds the first administrator's password: removed however this branch ends.
        trap 'rm -f "$admin"' EXIT
        "$AWS" secretsmanager get-secret-value --secret-id "$ADMIN_SECRET" --query SecretString --output text > "$admin"
        jq ${shq(ADMIN_SECRET_CHECK_JQ)} "$admin"
        user=$(jq -r .username "$admin")
        # The password reaches WP-CLI's prompt on stdin, never its arguments.
        jq -r .password "$admin" | wp_www core install --url=${shq(`https://${a.domain}`)} --title=${shq(a.siteTitle)} \\
            --admin_user="$user" --admin_email=${shq(a.adminEmail)} --skip-email --prompt=admin_password
        wp_www rewrite structure '/%postname%/'
    fi
    for p in "\${PLUGINS[@]}"; do
        wp_www plugin verify-checksums "\${p%%:*}" --version="\${p##*:}"
        wp_www plugin activate "\${p%%:*}"
    done
    exit 0
fi

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
install_aws_cli

fetch ${shq(RDS_CA_BUNDLE_URL)} "$work/rds.pem"
openssl storeutl -noout -certs "$work/rds.pem" | grep -q '^Total found: [1-9]' || die "bad RDS CA bundle"
install -m 0644 "$work/rds.pem" ${shq(RDS_CA_FILE)}

systemctl daemon-reload
retry 10 systemctl start hms-wp-secrets.service
systemctl enable hms-wp-secrets.service
systemctl enable --now hms-wp-secrets.timer

# shellcheck disable=SC2016 # PHP code
if [ "$(php -r 'include $argv[1]; echo $wp_version;' "$DOCROOT/wp-includes/version.php" 2> /dev/null)" != "$WP" ]; then
    fetch "https://wordpress.org/wordpress-$WP.tar.gz" "$work/wp.tar.gz"
    echo ${shq(a.wordpress.sha1)}"  $work/wp.tar.gz" | sha1sum --check --strict --quiet -
    tar -xzf "$work/wp.tar.gz" -C "$work" --no-same-owner
    if [ -d "$DOCROOT/wp-content/uploads" ]; then
        mv "$DOCROOT/wp-content/uploads" "$work/wordpress/wp-content/"
    fi
    rm -rf "$DOCROOT"
    mv "$work/wordpress" "$DOCROOT"
fi
# Code belongs to root (PHP cannot change it); uploads to www-data.
find "$DOCROOT" -path "$DOCROOT/wp-content/uploads" -prune -o -exec chown root:root {} +
install -d -o www-data -g www-data "$DOCROOT/wp-content/uploads" /var/cache/wp-cli

fetch "https://github.com/wp-cli/wp-cli/releases/download/v${a.wpCli.version}/wp-cli-${a.wpCli.version}.phar" "$work/wp-cli.phar"
echo ${shq(a.wpCli.sha512)}"  $work/wp-cli.phar" | sha512sum --check --strict --quiet -
install -m 0755 "$work/wp-cli.phar" /usr/local/bin/wp

# Plugins at pinned versions; their files are checked against wordpress.org's checksums before activation.
for p in "\${PLUGINS[@]}"; do
    fetch "https://downloads.wordpress.org/plugin/\${p%%:*}.\${p##*:}.zip" "$work/plugin.zip"
    rm -rf "$DOCROOT/wp-content/plugins/\${p%%:*}"
    unzip -q -o "$work/plugin.zip" -d "$DOCROOT/wp-content/plugins"
done
chown -R root:root "$DOCROOT/wp-content/plugins"
install -m 0644 "$DOCROOT/wp-content/plugins/redis-cache/includes/object-cache.php" "$DOCROOT/wp-content/"
# WordPress's database connection verifies the server certificate (see db.php); no fingerprinting files.
install -m 0644 ${shq(DB_DROPIN)} "$DOCROOT/wp-content/db.php"
rm -f${FINGERPRINT_FILES.map((f) => ` "$DOCROOT/${f}"`).join("")}

rm -f "/etc/php/$PHP/fpm/pool.d/www.conf" /etc/nginx/sites-enabled/default
ln -sf ../sites-available/hms-wordpress.conf /etc/nginx/sites-enabled/
nginx -t
systemctl enable "php$PHP-fpm" nginx
systemctl restart "php$PHP-fpm" nginx

retry 30 php /usr/local/lib/hms/db-lock.php hms_wordpress_install "$0" --install-site
retry 5 systemctl start hms-media-sync.service
systemctl enable --now hms-media-sync.timer
retry 12 curl -fsS -o /dev/null http://127.0.0.1:${a.httpPort}/healthz
log "WordPress $WP serves on port ${a.httpPort}"
`;
}

/** systemd units: secrets (boot + every 2 minutes) and the media copy from the bucket (every minute). */
export function wordpressUnits(a: { region: string; phpVersion: string; mediaBucket: string }): WriteFile[] {
    const uploads = `${WORDPRESS_ROOT}/wp-content/uploads`;
    const file = (name: string, lines: string[]): WriteFile => ({
        path: `/etc/systemd/system/${name}`,
        permissions: "0644",
        content: `${lines.join("\n")}\n`,
    });
    const timer = (what: string, every: string) => [
        "[Unit]",
        `Description=${what}`,
        "[Timer]",
        `OnBootSec=${every}`,
        `OnUnitActiveSec=${every}`,
        "[Install]",
        "WantedBy=timers.target",
    ];
    return [
        file("hms-wp-secrets.service", [
            "[Unit]",
            "Description=Write WordPress secrets from AWS Secrets Manager",
            "Wants=network-online.target",
            "After=network-online.target snapd.service",
            `Before=php${a.phpVersion}-fpm.service`,
            "[Service]",
            "Type=oneshot",
            "ExecStart=/usr/local/sbin/hms-wp-secrets",
            "[Install]",
            "WantedBy=multi-user.target",
        ]),
        file("hms-wp-secrets.timer", timer("Refresh WordPress secrets (rotated database password)", "2min")),
        // Uploads made through other app servers: WP Offload Media copies each to the bucket.
        file("hms-media-sync.service", [
            "[Unit]",
            "Description=Copy media uploaded on other app servers from the bucket",
            "After=network-online.target snapd.service",
            "[Service]",
            "Type=oneshot",
            "Nice=10",
            `Environment=AWS_DEFAULT_REGION=${a.region}`,
            `ExecStartPre=/usr/bin/install -d -o www-data -g www-data ${uploads}`,
            `ExecStart=/snap/bin/aws s3 sync s3://${a.mediaBucket}/wp-content/uploads/ ${uploads}/ --only-show-errors --no-progress`,
            // Folders and files the sync created belong to WordPress too (only those are changed).
            `ExecStartPost=/usr/bin/find ${uploads} ( ! -user www-data -o ! -group www-data ) -exec chown www-data:www-data {} +`,
        ]),
        file("hms-media-sync.timer", timer("Copy media from the bucket every minute", "1min")),
    ];
}

/** The log files the telemetry agent ships from an app server. */
export function wordpressLogFiles(phpVersion: string): string[] {
    return [
        "/var/log/nginx/wordpress-access.log",
        "/var/log/nginx/wordpress-error.log",
        `/var/log/php${phpVersion}-fpm.log`,
    ];
}

/** The cloud-config document of an app server. */
export function wordpressCloudConfig(a: WordPressHostArgs): CloudConfig {
    const php = phpForRelease(a.ubuntuRelease, a.phpVersion);
    const args = { ...a, phpVersion: php };
    const files: WriteFile[] = [
        // Reboots for kernel updates 20 minutes apart, so app servers never restart together.
        ...unattendedUpgradeFiles({ rebootTime: addMinutes("03:00", 20 * a.index) }),
        shellLibFile(),
        { path: WP_SETTINGS, permissions: "0644", content: settingsPhp(args) },
        { path: "/var/www/wp-config.php", permissions: "0640", owner: "root:www-data", content: wpConfigPhp() },
        { path: HEALTHZ_PHP, permissions: "0644", content: healthzPhp() },
        { path: "/usr/local/lib/hms/db-lock.php", permissions: "0644", content: dbLockPhp() },
        { path: DB_DROPIN, permissions: "0644", content: dbDropinPhp() },
        ...(a.mail ? [{ path: SENDMAIL_PHP, permissions: "0644", content: sendmailPhp() }] : []),
        { path: "/usr/local/sbin/hms-wp-secrets", permissions: "0700", content: secretsScript(args) },
        { path: "/usr/local/sbin/hms-wp-setup", permissions: "0700", content: setupScript(args) },
        ...wordpressUnits({ region: a.region, phpVersion: php, mediaBucket: a.mediaBucket }),
        {
            path: "/etc/nginx/sites-available/hms-wordpress.conf",
            permissions: "0644",
            content: wordpressNginxSite({
                vpcCidr: a.vpcCidr,
                httpPort: a.httpPort,
                maxUploadMiB: a.maxUploadMiB,
                phpVersion: php,
                clinicalOrigin: clinicalOrigin(a.mediaBucket, a.region),
            }),
        },
        {
            path: `/etc/php/${php}/fpm/pool.d/hms-wordpress.conf`,
            permissions: "0644",
            content: fpmPool({
                phpVersion: php,
                vcpus: a.vcpus,
                memoryGiB: a.memoryGiB,
                maxUploadMiB: a.maxUploadMiB,
                mail: a.mail !== undefined,
            }),
        },
        { path: `/etc/php/${php}/fpm/conf.d/90-hms.ini`, permissions: "0644", content: phpIni() },
    ];
    const base: CloudConfig = {
        package_update: true,
        package_upgrade: true,
        packages: wordpressPackages(php),
        ssh_pwauth: false,
        disable_root: true,
        timezone: "UTC",
        write_files: files,
        runcmd: [["/usr/local/sbin/hms-wp-setup"]],
        final_message: "HMS app server ready after $UPTIME seconds",
    };
    return mergeCloudConfig(base, telemetryCloudConfig(a.telemetry));
}

/** User data of an app server. */
export function renderWordPressUserData(a: WordPressHostArgs): string {
    return renderCloudConfig(wordpressCloudConfig(a));
}
