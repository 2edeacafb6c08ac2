// @ts-nocheck
// App tier settings: the WordPress servers, the software they install and
// the checksums it is verified against.

import type { AppServersArgs } from "../components/app-servers";
import { keyOf, Reader, stringSetting } from "./setting";
import { readServer, serverSettings } from "./sizing";
import { integerSetting } from "./setting";
import type { UbuntuRelease } from "./stack";

/** PHP version each supported Ubuntu release ships (and patches) in its archive. */
export const UBUNTU_PHP: Record<UbuntuRelease, string> = { "22.04": "8.1", "24.04": "8.3" };

/** WP-CLI release pinned by default, with the SHA-512 of its phar as published with the release. */
export const WP_CLI_DEFAULT = {
    version: "2.12.0",
    sha512: "be928f6b8ca1e8dfb9d2f4b75a13aa4aee0896f8a9a0a1c45cd5d2c98605e6172e6d014dda2e27f88c98befc16c040cbb2bd1bfa121510ea5cdf5f6a30fe8832",
};

const pluginVersion = (key: string, description: string, def: string) =>
    stringSetting({
        key,
        description,
        default: def,
        pattern: /^\d+(\.\d+){1,3}$/,
        accepted: "a plugin version published on wordpress.org, for example 2.6.5",
    });

export const APP_SETTINGS = {
    count: integerSetting({
        key: "appCount",
        description: "WordPress servers, spread over the AZs, 1-20. Required while the tier is on.",
        unset: true,
        min: 1,
        max: 20,
    }),
    ...serverSettings(
        { instanceType: "appInstanceType", vcpus: "appVcpus", memoryGiB: "appMemoryGiB", volumeGiB: "appVolumeGiB" },
        "a WordPress server",
        {
            default: 100,
            description:
                "SSD (gp3) root volume of a WordPress server in GiB (spec: 500 in production, 250 in staging).",
        },
    ),
    wordpressVersion: stringSetting({
        key: "appWordpressVersion",
        description: "WordPress release installed on the servers, e.g. 6.8.3. Required while the tier is on.",
        unset: true,
        pattern: /^\d+\.\d+(\.\d+)?$/,
        accepted: "a WordPress release number, for example 6.8.3",
    }),
    wordpressSha1: stringSetting({
        key: "appWordpressSha1",
        description:
            "SHA-1 of that release's tar.gz as published on wordpress.org; the download is verified against it. Required while the tier is on.",
        unset: true,
        pattern: /^[0-9a-f]{40}$/,
        accepted: "the SHA-1 of the release tarball as published on wordpress.org (40 hex digits)",
    }),
    phpVersion: stringSetting({
        key: "appPhpVersion",
        description: `PHP version of PHP-FPM; must be the one the Ubuntu release ships (${Object.entries(UBUNTU_PHP)
            .map(([u, p]) => `${u}: ${p}`)
            .join(", ")}). Unset: that one.`,
        unset: true,
        pattern: /^\d+\.\d+$/,
        accepted: "a PHP major.minor version",
    }),
    wpCliVersion: stringSetting({
        key: "appWpCliVersion",
        description: "WP-CLI release installed on the servers (GitHub release phar).",
        default: WP_CLI_DEFAULT.version,
        pattern: /^\d+\.\d+\.\d+$/,
        accepted: "a WP-CLI release number, for example 2.12.0",
    }),
    wpCliSha512: stringSetting({
        key: "appWpCliSha512",
        description:
            "SHA-512 of wp-cli-<version>.phar as published with the release. Unset: the known one of the default version; required when appWpCliVersion is changed.",
        unset: true,
        pattern: /^[0-9a-f]{128}$/,
        accepted: "the SHA-512 of the wp-cli phar as published with the release (128 hex digits)",
    }),
    redisCachePluginVersion: pluginVersion(
        "appRedisCachePluginVersion",
        "Version of the Redis Object Cache plugin (wordpress.org slug redis-cache).",
        "2.6.5",
    ),
    offloadMediaPluginVersion: pluginVersion(
        "appOffloadMediaPluginVersion",
        "Version of WP Offload Media Lite (wordpress.org slug amazon-s3-and-cloudfront), which copies media to the bucket.",
        "3.2.11",
    ),
};

export type AppConfig = Pick<
    AppServersArgs,
    "count" | "instanceType" | "vcpus" | "memoryGiB" | "volumeGiB" | "phpVersion" | "wordpress" | "wpCli" | "plugins"
>;

export function readApp(r: Reader, ubuntuRelease: UbuntuRelease): AppConfig {
    const s = APP_SETTINGS;
    const size = readServer(r, s);
    const count = r.get(s.count);
    const wordpress = { version: r.get(s.wordpressVersion), sha1: r.get(s.wordpressSha1) };
    // The servers run the distribution's PHP-FPM (security updates through
    // unattended-upgrades); another PHP version would need a third-party archive.
    const distroPhp = UBUNTU_PHP[ubuntuRelease] ?? UBUNTU_PHP["24.04"];
    const phpVersion = r.optional(s.phpVersion) ?? distroPhp;
    if (phpVersion !== distroPhp) {
        r.problem(
            s.phpVersion,
            phpVersion,
            `Ubuntu ${ubuntuRelease} ships PHP ${distroPhp} (the servers install the distribution's PHP-FPM); set ${distroPhp} or remove the key`,
        );
    }
    const wpCliVersion = r.get(s.wpCliVersion);
    let wpCliSha512 = r.optional(s.wpCliSha512);
    if (wpCliSha512 === undefined) {
        if (wpCliVersion === WP_CLI_DEFAULT.version) {
            wpCliSha512 = WP_CLI_DEFAULT.sha512;
        } else {
            r.problem(
                s.wpCliSha512,
                undefined,
                `is required with ${keyOf(s.wpCliVersion)} = ${wpCliVersion}; the SHA-512 of wp-cli-${wpCliVersion}.phar as published with the release (128 hex digits)`,
            );
            wpCliSha512 = "";
        }
    }
    const plugins = { redisCache: r.get(s.redisCachePluginVersion), offloadMedia: r.get(s.offloadMediaPluginVersion) };
    return { ...size, count, phpVersion, wordpress, wpCli: { version: wpCliVersion, sha512: wpCliSha512 }, plugins };
}
