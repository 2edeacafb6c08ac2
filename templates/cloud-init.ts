// Shared cloud-init renderer: a typed subset of the #cloud-config schema and a pure function that
// turns it into the user-data text. Every compute tier (app servers, WebSocket, Nginx) builds its
// document as a plain object and renders it here, so the YAML is always well formed (no string
// templating of YAML) and `cloud-init schema --config-file` validates the result in tests.
import { stringify } from "yaml";

/** One `write_files` entry (cloud-init module cc_write_files). */
export interface WriteFile {
    /** Absolute path on the instance. */
    path: string;
    /** File content, written verbatim (plain text; no encoding). */
    content: string;
    /** Octal mode as a string, e.g. "0644" or "0700". */
    permissions?: string;
    /** "user:group"; the user must exist when the module runs (root:root by default). */
    owner?: string;
    /** Write during the final stage, after packages and users exist (needed for non-root owners). */
    defer?: boolean;
    /** Append instead of overwrite. */
    append?: boolean;
}

/** One apt source under `apt.sources` (cloud-init module cc_apt_configure). */
export interface AptSource {
    /** deb line; `$KEY_FILE` is replaced by the path of the key file cloud-init writes. */
    source: string;
    /** ASCII-armored public key that signs the repository. */
    key?: string;
    /** Key id to fetch from `keyserver` (when `key` is not inline). */
    keyid?: string;
    keyserver?: string;
    /** Name of the .list file under /etc/apt/sources.list.d. */
    filename?: string;
}

/** A system user created by cc_users_groups. */
export interface CloudUser {
    name: string;
    system?: boolean;
    shell?: string;
    homedir?: string;
    no_create_home?: boolean;
    lock_passwd?: boolean;
    groups?: string;
    primary_group?: string;
}

/** A runcmd entry: a string runs through `sh -c`; an array is exec'd as argv (preferred). */
export type RunCmd = string | string[];

/** The subset of #cloud-config the project uses. Keys are cloud-init's own names. */
export interface CloudConfig {
    /** Run `apt-get update` before installing packages. */
    package_update?: boolean;
    /** Run `apt-get upgrade` on first boot (security fixes published since the AMI was built). */
    package_upgrade?: boolean;
    /** Reboot when the upgrade requires it. */
    package_reboot_if_required?: boolean;
    /** Packages installed by cc_package_update_upgrade_install (deduplicated on render). */
    packages?: string[];
    apt?: {
        /** Keep the AMI's Ubuntu sources (cloud-init would otherwise rewrite sources.list). */
        preserve_sources_list?: boolean;
        sources?: Record<string, AptSource>;
    };
    users?: Array<"default" | CloudUser>;
    /** Disable SSH password auth (there is no SSH access at all; belt and braces). */
    ssh_pwauth?: boolean;
    disable_root?: boolean;
    timezone?: string;
    write_files?: WriteFile[];
    /** Commands run early on every boot. */
    bootcmd?: RunCmd[];
    /** Commands run once, at the end of first boot, in order. */
    runcmd?: RunCmd[];
    final_message?: string;
}

/**
 * Merges cloud-config fragments (e.g. a tier's own document and the telemetry snippet): lists are
 * concatenated in argument order, apt sources merged by name, scalars taken from the last fragment
 * that sets them. Pure; does not mutate its arguments.
 */
export function mergeCloudConfig(...parts: CloudConfig[]): CloudConfig {
    const out: CloudConfig = {};
    for (const p of parts) {
        const { packages, write_files, bootcmd, runcmd, users, apt, ...scalars } = p;
        Object.assign(out, scalars);
        if (packages) out.packages = [...(out.packages ?? []), ...packages];
        if (write_files) out.write_files = [...(out.write_files ?? []), ...write_files];
        if (bootcmd) out.bootcmd = [...(out.bootcmd ?? []), ...bootcmd];
        if (runcmd) out.runcmd = [...(out.runcmd ?? []), ...runcmd];
        if (users) out.users = [...(out.users ?? []), ...users];
        if (apt) {
            out.apt = {
                ...(out.apt ?? {}),
                ...apt,
                sources: { ...(out.apt?.sources ?? {}), ...(apt.sources ?? {}) },
            };
            if (Object.keys(out.apt.sources!).length === 0) delete out.apt.sources;
        }
    }
    return out;
}

/**
 * Renders a cloud-config document as user data: the `#cloud-config` header line followed by YAML.
 * Multi-line strings (scripts, config files) become literal blocks, long lines are never folded,
 * duplicate packages are dropped, and two write_files entries for the same path are an error
 * (the second would silently overwrite the first on the instance).
 */
export function renderCloudConfig(doc: CloudConfig): string {
    const paths = new Set<string>();
    for (const f of doc.write_files ?? []) {
        if (!f.path.startsWith("/")) throw new Error(`cloud-init write_files path must be absolute: ${f.path}`);
        if (paths.has(f.path)) throw new Error(`cloud-init write_files: duplicate path ${f.path}`);
        paths.add(f.path);
    }
    const normalized: CloudConfig = { ...doc };
    if (doc.packages) normalized.packages = [...new Set(doc.packages)];
    // Drop undefined fields so the YAML has no `key: null` entries the schema would reject.
    const clean = JSON.parse(JSON.stringify(normalized)) as CloudConfig;
    const body = stringify(clean, {
        lineWidth: 0,
        minContentWidth: 0,
        blockQuote: "literal",
        // "- " at its parent's indentation: user data is limited to 16 KB, indentation counts.
        indentSeq: false,
        aliasDuplicateObjects: false,
    });
    return `#cloud-config\n${body}`;
}
