// Clinical files (medical images, patient documents) on the app servers'
// nginx: never served from disk, never by a public URL. WordPress authorises
// every request; only then does PHP answer with an `X-Accel-Redirect` to an
// `internal` location that fetches the object from the environment's bucket
// through a short-lived presigned URL and streams it with `Cache-Control:
// private, no-store`. Nginx documents X-Accel-Redirect for proxied and FastCGI
// responses alike (nginx.org/en/docs/http/ngx_http_proxy_module.html#proxy_ignore_headers,
// "X-Accel-Redirect performs an internal redirect to the specified URI").

/** Public URL prefix of clinical files: every request under it goes to WordPress, which decides. */
export const CLINICAL_URL_PREFIX = "/clinical-files/";

/** The internal location PHP redirects to (never reachable from outside: `internal`). */
export const CLINICAL_INTERNAL_PREFIX = "/_hms_clinical/";

/** Prefix of clinical objects in the environment's bucket (apart from `wp-content/uploads/`, which is public media). */
export const CLINICAL_OBJECT_PREFIX = "clinical/";

/** The Amazon-provided DNS server of every VPC (docs.aws.amazon.com/vpc/latest/userguide/AmazonDNS-concepts.html). */
export const VPC_DNS_RESOLVER = "169.254.169.253";

/** Object keys the internal location accepts: no `..`, no empty segment, only URL-safe characters (the signature covers the path). */
const KEY_PATTERN = "(?!.*\\.\\.)(?!.*//)[A-Za-z0-9][A-Za-z0-9._/-]*";

export interface ClinicalFilesArgs {
    /**
     * Where the internal location fetches objects: the bucket's regional
     * virtual-hosted endpoint, e.g. https://<bucket>.s3.<region>.amazonaws.com
     * (scheme and host only).
     */
    origin: string;
    /** `fastcgi_pass` target of WordPress (an upstream name or address). */
    fastcgiPass: string;
    /** WordPress' front controller, e.g. /var/www/wordpress/index.php. */
    frontController: string;
    /** Extra FastCGI parameters WordPress needs on every request (name, nginx value). */
    fastcgiParams?: Array<[string, string]>;
    /** DNS server nginx resolves the origin with at request time (the VPC resolver on AWS). */
    resolver: string;
    /** CA bundle that verifies the origin's TLS certificate. */
    trustedCaFile: string;
}

/** S3's regional virtual-hosted endpoint of a bucket. */
export function clinicalOrigin(bucket: string, region: string): string {
    return `https://${bucket}.s3.${region}.amazonaws.com`;
}

/** Validates what ends up in nginx.conf unquoted. */
function check(a: ClinicalFilesArgs): void {
    if (!/^https?:\/\/[a-z0-9.-]+(:\d{1,5})?$/.test(a.origin)) {
        throw new Error(
            `clinical files: origin ${JSON.stringify(a.origin)} must be a scheme and host (https://<bucket>.s3.<region>.amazonaws.com)`,
        );
    }
    const values = {
        fastcgiPass: a.fastcgiPass,
        frontController: a.frontController,
        resolver: a.resolver,
        trustedCaFile: a.trustedCaFile,
    };
    for (const [k, v] of Object.entries(values)) {
        if (!/^[A-Za-z0-9_.:/-]+$/.test(v)) {
            throw new Error(`clinical files: ${k} ${JSON.stringify(v)} has characters nginx would misread`);
        }
    }
    for (const [k, v] of a.fastcgiParams ?? []) {
        if (!/^[A-Z][A-Z0-9_]*$/.test(k) || !/^\$?[A-Za-z0-9_]+$/.test(v)) {
            throw new Error(`clinical files: FastCGI parameter ${k}=${v} must be a NAME and a word or $variable`);
        }
    }
}

/**
 * The two nginx locations of clinical files, to place inside the app
 * servers' `server` block (before the regex locations, which `^~` overrides):
 *   - `CLINICAL_URL_PREFIX`: always handed to WordPress (never a file on
 *     disk, never the static-file location); GET and HEAD only;
 *   - `CLINICAL_INTERNAL_PREFIX` + key: `internal`, so only a response of the
 *     application reaches it; the request's query (the presigned signature)
 *     goes to the bucket, the client's cookies and credentials do not; S3's
 *     own headers are hidden and the answer is `private, no-store`.
 */
export function clinicalFilesLocations(a: ClinicalFilesArgs): string {
    check(a);
    const noStore = '    add_header Cache-Control "private, no-store" always;';
    return `    # Clinical files: WordPress authorises each request and answers with X-Accel-Redirect.
    location ^~ ${CLINICAL_URL_PREFIX} {
        limit_except GET HEAD {
            deny all;
        }
        include fastcgi_params;
        fastcgi_param SCRIPT_FILENAME ${a.frontController};
        fastcgi_param SCRIPT_NAME /index.php;
${(a.fastcgiParams ?? []).map(([k, v]) => `        fastcgi_param ${k} ${v};\n`).join("")}        fastcgi_pass ${a.fastcgiPass};
        fastcgi_hide_header Cache-Control;
        fastcgi_hide_header Expires;
    ${noStore}
    }
    location ^~ ${CLINICAL_INTERNAL_PREFIX} {
        internal;
        location ~ ^${CLINICAL_INTERNAL_PREFIX}(?<hms_clinical_key>${KEY_PATTERN})$ {
            internal;
            resolver ${a.resolver} valid=60s ipv6=off;
            set $hms_clinical_origin ${a.origin};
            proxy_pass $hms_clinical_origin/${CLINICAL_OBJECT_PREFIX}$hms_clinical_key$is_args$args;
            proxy_http_version 1.1;
            proxy_method GET;
            proxy_pass_request_headers off;
            proxy_pass_request_body off;
            proxy_set_header Connection "";
            proxy_ssl_server_name on;
            proxy_ssl_verify on;
            proxy_ssl_trusted_certificate ${a.trustedCaFile};
            proxy_ssl_protocols TLSv1.2 TLSv1.3;
            proxy_headers_hash_bucket_size 128;
            proxy_ignore_headers Cache-Control Expires Set-Cookie X-Accel-Redirect X-Accel-Expires;
            proxy_hide_header Cache-Control;
            proxy_hide_header Expires;
            proxy_hide_header Set-Cookie;
            proxy_hide_header x-amz-id-2;
            proxy_hide_header x-amz-request-id;
            proxy_hide_header x-amz-version-id;
            proxy_hide_header x-amz-server-side-encryption;
            proxy_hide_header x-amz-server-side-encryption-aws-kms-key-id;
            proxy_hide_header x-amz-server-side-encryption-bucket-key-enabled;
            proxy_hide_header x-amz-replication-status;
            proxy_hide_header x-amz-object-lock-mode;
            proxy_hide_header x-amz-object-lock-retain-until-date;
            proxy_hide_header ETag;
            proxy_intercept_errors on;
            error_page 400 403 404 = @hms_clinical_missing;
            # After X-Accel-Redirect nginx keeps the application's Cache-Control;
            # \`expires epoch\` replaces it (no-cache), then private, no-store is added.
            expires epoch;
        ${noStore}
            add_header X-Content-Type-Options nosniff always;
        }
        return 404;
    }
    location @hms_clinical_missing {
    ${noStore}
        return 404;
    }
`;
}
