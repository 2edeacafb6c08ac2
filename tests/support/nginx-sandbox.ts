// A throw-away Nginx installation in a temp dir: test certificates made with
// openssl, every path of NginxPaths inside the dir, and helpers that run the
// real `nginx -t` (or nginx itself) on it as the current user.

import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { NginxPaths, NGINX_PATHS } from "../../templates/nginx";
import { run } from "./tools";

export interface Sandbox {
    dir: string;
    paths: NginxPaths;
    /** The user directive for nginx.conf: "root" when tests run as root, none otherwise. */
    user?: string;
    /** PEM files of the test PKI. */
    pki: {
        /** CA that signs the origin-pull client certificate (what Nginx verifies). */
        caPem: string;
        clientCert: string;
        clientKey: string;
        /** A client certificate from another CA (must be refused). */
        strangerCert: string;
        strangerKey: string;
        /** The site's certificate (stands in for the Origin CA certificate). */
        serverCert: string;
    };
}

function openssl(args: string[]): void {
    const r = run("openssl", args);
    if (r.status !== 0) {
        throw new Error(`openssl ${args.join(" ")} failed: ${r.stderr}`);
    }
}

/** The PKI files a sandbox holds: server key and certificate, and two CAs each with a client certificate. */
const PKI_FILES = [
    "origin.key",
    "origin.crt",
    "pull-ca.key",
    "pull-ca.pem",
    "pull-client.key",
    "pull-client.crt",
    "stranger-ca.key",
    "stranger-ca.pem",
    "stranger-client.key",
    "stranger-client.crt",
];

/** Scratch directories of the test PKI, removed when the process exits. */
const pkiScratch: string[] = [];
function pkiDir(): string {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "hms-nginx-pki-"));
    if (pkiScratch.length === 0) {
        process.once("exit", () => pkiScratch.forEach((d) => fs.rmSync(d, { recursive: true, force: true })));
    }
    pkiScratch.push(dir);
    return dir;
}

/** What the client side of the PKI holds: two CAs, each with a client certificate (no domain in them). */
const CLIENT_PKI_FILES = PKI_FILES.filter((f) => !f.startsWith("origin."));

/**
 * The client side of the test PKI (four RSA keys, about a second of CPU), made
 * once per test process and shared by every domain's PKI.
 */
let clientPki: string | undefined;
function clientPkiDir(): string {
    if (!clientPki) {
        const dir = pkiDir();
        makeClientPki(dir);
        clientPki = dir;
    }
    return clientPki;
}

/**
 * The test PKI of a domain, made once per test process: every sandbox of the
 * domain gets a copy of the same files. Only the server certificate names the
 * domain (an ECDSA key, made in milliseconds); the client CAs and certificates
 * are the process's (clientPkiDir).
 */
const pkiDirs = new Map<string, string>();
function pkiFor(domain: string): string {
    const cached = pkiDirs.get(domain);
    if (cached) {
        return cached;
    }
    const dir = pkiDir();
    const clients = clientPkiDir();
    for (const name of CLIENT_PKI_FILES) {
        fs.copyFileSync(path.join(clients, name), path.join(dir, name));
    }
    makeServerCertificate(dir, domain);
    pkiDirs.set(domain, dir);
    return dir;
}

const DAYS = ["-days", "2"];

/** The site's certificate (the Origin CA certificate's stand-in): ECDSA P-256 like the real one. */
function makeServerCertificate(dir: string, domain: string): void {
    const f = (name: string) => path.join(dir, name);
    openssl([
        "req",
        "-x509",
        "-newkey",
        "ec",
        "-pkeyopt",
        "ec_paramgen_curve:P-256",
        "-nodes",
        "-keyout",
        f("origin.key"),
        "-out",
        f("origin.crt"),
        "-subj",
        `/CN=${domain}`,
        "-addext",
        `subjectAltName=DNS:${domain},DNS:*.${domain}`,
        ...DAYS,
    ]);
}

/** The origin-pull CA with its client certificate, and a stranger CA with its own (must be refused). */
function makeClientPki(dir: string): void {
    const f = (name: string) => path.join(dir, name);
    fs.writeFileSync(
        f("client.ext"),
        "basicConstraints=CA:FALSE\nkeyUsage=critical,digitalSignature,keyEncipherment\nextendedKeyUsage=clientAuth\n",
    );
    for (const who of ["pull", "stranger"]) {
        openssl([
            "req",
            "-x509",
            "-newkey",
            "rsa:2048",
            "-nodes",
            "-keyout",
            f(`${who}-ca.key`),
            "-out",
            f(`${who}-ca.pem`),
            "-subj",
            `/CN=${who} CA`,
            "-addext",
            "basicConstraints=critical,CA:TRUE",
            "-addext",
            "keyUsage=critical,keyCertSign,cRLSign",
            ...DAYS,
        ]);
        openssl([
            "req",
            "-newkey",
            "rsa:2048",
            "-nodes",
            "-keyout",
            f(`${who}-client.key`),
            "-out",
            f(`${who}-client.csr`),
            "-subj",
            `/CN=${who} client`,
        ]);
        openssl([
            "x509",
            "-req",
            "-in",
            f(`${who}-client.csr`),
            "-CA",
            f(`${who}-ca.pem`),
            "-CAkey",
            f(`${who}-ca.key`),
            "-CAcreateserial",
            "-out",
            f(`${who}-client.crt`),
            "-extfile",
            f("client.ext"),
            ...DAYS,
        ]);
    }
}

/** A temp dir with a self-signed server certificate, a client CA and certificates, and NginxPaths inside it. */
export function makeSandbox(domain: string): Sandbox {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "hms-nginx-"));
    const f = (name: string) => path.join(dir, name);
    const pki = pkiFor(domain);
    for (const name of PKI_FILES) {
        fs.copyFileSync(path.join(pki, name), f(name));
    }
    const paths: NginxPaths = {
        mainConf: f("nginx.conf"),
        siteConf: f("site.conf"),
        mimeTypes: f("mime.types"),
        pidFile: f("nginx.pid"),
        errorLog: f("error.log"),
        accessLog: f("access.json.log"),
        tempDir: f("tmp"),
        certificate: f("origin.crt"),
        privateKey: f("origin.key"),
        clientCa: f("pull-ca.pem"),
        statusListen: `unix:${f("status.sock")}`,
        upstreamDir: f("upstreams"),
    };
    fs.mkdirSync(paths.tempDir);
    fs.mkdirSync(paths.upstreamDir);
    fs.writeFileSync(
        paths.mimeTypes,
        "types {\n    text/html html;\n    text/css css;\n    application/javascript js;\n}\n",
    );
    const read = (n: string) => fs.readFileSync(f(n), "utf8");
    return {
        dir,
        paths,
        user: process.getuid?.() === 0 ? "root" : undefined,
        pki: {
            caPem: read("pull-ca.pem"),
            clientCert: read("pull-client.crt"),
            clientKey: read("pull-client.key"),
            strangerCert: read("stranger-client.crt"),
            strangerKey: read("stranger-client.key"),
            serverCert: read("origin.crt"),
        },
    };
}

export function removeSandbox(s: Sandbox | undefined): void {
    if (s) {
        fs.rmSync(s.dir, { recursive: true, force: true });
    }
}

/** Runs the real `nginx -t` on the sandbox's nginx.conf; returns its output (it reports on stderr). */
export function nginxTest(s: Sandbox): { ok: boolean; output: string } {
    const r = run("nginx", ["-t", "-c", s.paths.mainConf, "-p", `${s.dir}/`]);
    return { ok: r.status === 0, output: `${r.stdout}${r.stderr}` };
}

/**
 * Moves a configuration rendered for the servers (NGINX_PATHS) into the
 * sandbox: every path of NGINX_PATHS is replaced by the sandbox's, and the
 * `user` directive by the sandbox's.
 */
export function relocate(config: string, s: Sandbox): string {
    const keys = (Object.keys(NGINX_PATHS) as Array<keyof NginxPaths>).sort(
        (a, b) => NGINX_PATHS[b].length - NGINX_PATHS[a].length,
    );
    let out = config;
    for (const k of keys) {
        out = out.split(NGINX_PATHS[k]).join(s.paths[k]);
    }
    out = out.replace(/^user [^;]+;\n/m, s.user ? `user ${s.user};\n` : "");
    return out;
}
