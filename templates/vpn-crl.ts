// The certificate revocation list (CRL) of the administrators' Client VPN,
// kept by two `command.local.Command` resources of the Security tier (the AWS
// provider has no resource for it). Pure functions: the scripts they run.
//
// 1. `renderCrlScript()` signs a CRL with the VPN client CA (openssl) and
//    prints a ledger: the CA's fingerprint, the client certificates issued
//    now, the certificates revoked so far, then the CRL. Pulumi keeps the
//    ledger in state (the command's stdout) and hands it to the next run as
//    PULUMI_COMMAND_STDOUT (pulumi-command v1.2.1,
//    provider/pkg/provider/local/commandOutputs.go `run`: on update, the
//    previous stdout is in the environment unless addPreviousOutputInEnv is
//    false). A certificate that was issued on the previous run and is not any
//    more (its administrator was removed from hms:securityVpnAdministrators,
//    or their key was rotated) is revoked from that run on, until it expires.
//    The command runs only when its inputs change (the issued certificates,
//    the CA), so an unchanged list of administrators causes no update: the
//    CRL is "deterministic enough" because it is never regenerated for nothing.
// 2. `renderCrlImportScript()` imports the CRL into the endpoint with
//    `aws ec2 import-client-vpn-client-certificate-revocation-list`
//    (https://docs.aws.amazon.com/vpn/latest/clientvpn-admin/cvpn-working-certificates.html).
//    An import replaces the endpoint's CRL and resets existing client
//    connections (API_ImportClientVpnClientCertificateRevocationList), another
//    reason to import only when the CRL changed.
//
// What AWS requires of the CRL: PEM, signed by the CA that issued the client
// certificates (the chain of the endpoint's certificate), at most 20,000
// entries (Client VPN quotas, "Number of entries in a client certificate
// revocation list: 20,000", not adjustable; expired certificates leave the
// list, so a hospital stays far below it). An endpoint whose CRL has passed
// its nextUpdate refuses every client ("CRL has expired", seen on Client VPN
// in DataBiosphere/azul#4865): the CRL is valid for CRL_DAYS, longer than the
// CA (5 years), which re-signs it when it is renewed.

/** Days a CRL is valid: longer than the VPN CA lives (5 years), so it never expires under a CA that signed it. */
export const CRL_DAYS = 3650;

/** First line of the ledger the CRL command prints. */
export const LEDGER_HEADER = "hms-vpn-crl-ledger 1";

/**
 * The script of the CRL command (bash). Environment: CA_CERT (PEM of the
 * client CA), ISSUED (PEMs of the client certificates in use, concatenated),
 * ENDPOINT_ID and REGION (without a previous ledger, the revocations of the
 * endpoint's current CRL are carried over, so that replacing the command or
 * losing its state does not un-revoke anyone), PULUMI_COMMAND_STDOUT (the
 * previous ledger, on update); standard input: the CA's private key.
 * HMS_CRL_NOW (YYYYMMDDHHMMSS, UTC) replaces the clock in tests. Needs bash,
 * openssl (OpenSSL 1.1+ or LibreSSL), awk, sed, sort and the AWS CLI.
 */
export function renderCrlScript(): string {
    return `set -euo pipefail
umask 077
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cat > "$work/ca.key"
printf '%s\\n' "$CA_CERT" > "$work/ca.pem"
now=\${HMS_CRL_NOW:-$(date -u +%Y%m%d%H%M%S)}
ca=$(openssl x509 -in "$work/ca.pem" -noout -fingerprint -sha256 | sed 's/.*=//; s/://g')

# notAfter of a certificate as YYYYMMDDHHMMSS ("Dec  2 07:45:00 2027 GMT" in every openssl)
not_after() {
    openssl x509 -in "$1" -noout -enddate | sed 's/^notAfter=//' | awk '{
        m = index("JanFebMarAprMayJunJulAugSepOctNovDec", $1); split($3, t, ":")
        printf "%s%02d%02d%s%s%s\\n", $4, (m + 2) / 3, $2, t[1], t[2], t[3] }'
}

# The client certificates issued now: serial, notAfter, common name.
printf '%s\\n' "\${ISSUED:-}" | awk -v dir="$work" '
    /-----BEGIN CERTIFICATE-----/ { n++; f = sprintf("%s/cert-%04d.pem", dir, n) }
    f { print > f }
    /-----END CERTIFICATE-----/ { close(f); f = "" }'
: > "$work/issued"
for f in "$work"/cert-*.pem; do
    [ -e "$f" ] || continue
    serial=$(openssl x509 -in "$f" -noout -serial | sed 's/^serial=//')
    cn=$(openssl x509 -in "$f" -noout -subject -nameopt sep_multiline,sname | sed -n 's/^ *CN=//p' | tr -c 'A-Za-z0-9.@_\\n-' '_')
    echo "issued $serial $(not_after "$f") \${cn:-unknown}" >> "$work/issued"
done

# Revoked: what the previous ledger revoked (until it expires), and what it issued that is issued no more.
: > "$work/revoked"
prev=\${PULUMI_COMMAND_STDOUT:-}
if [ -z "$prev" ] && [ -n "\${ENDPOINT_ID:-}" ]; then
    # No ledger (the first run, or the command was replaced or its state lost): keep what the endpoint's
    # current CRL revokes, if this CA signed it; those certificates' expiry is not known: the CA's is used.
    if aws ec2 export-client-vpn-client-certificate-revocation-list --region "$REGION" \
        --client-vpn-endpoint-id "$ENDPOINT_ID" --query CertificateRevocationList --output text > "$work/current.pem" \
        && openssl crl -in "$work/current.pem" -noout -verify -CAfile "$work/ca.pem" > /dev/null 2>&1; then
        ca_end=$(not_after "$work/ca.pem")
        openssl crl -in "$work/current.pem" -noout -text | awk -v end="$ca_end" '
            /Serial Number:/ { serial = $3 }
            /Revocation Date:/ {
                m = index("JanFebMarAprMayJunJulAugSepOctNovDec", $3); split($5, t, ":")
                printf "revoked %s %s %s%02d%02d%s%s%s carried-over\\n", serial, end, $6, (m + 2) / 3, $4, t[1], t[2], t[3] }' >> "$work/revoked"
    else
        echo "no CRL of this CA on endpoint $ENDPOINT_ID to carry over" >&2
    fi
fi
if [ -n "$prev" ] && [ "$(printf '%s\\n' "$prev" | awk '$1 == "ca" { print $2 }')" = "$ca" ]; then
    printf '%s\\n' "$prev" | awk -v now="$now" '$1 == "revoked" && $3 > now' >> "$work/revoked"
    printf '%s\\n' "$prev" | awk '$1 == "issued"' | while read -r _ serial end cn; do
        if ! grep -q "^issued $serial " "$work/issued" && [ "$end" -gt "$now" ]; then
            echo "revoked $serial $end $now $cn" >> "$work/revoked"
        fi
    done
fi
sort -u -k2,2 "$work/revoked" -o "$work/revoked"

# openssl's CA database: one R (revoked) row per certificate, times as UTCTime (YYMMDDHHMMSSZ).
: > "$work/index.txt"
while read -r _ serial end at cn; do
    printf 'R\\t%sZ\\t%sZ\\t%s\\tunknown\\t/CN=%s\\n' "\${end#??}" "\${at#??}" "$serial" "$cn" >> "$work/index.txt"
done < "$work/revoked"
# The CRL number grows with the clock (a hex number made of the timestamp's digits).
echo "$now" > "$work/crlnumber"
cat > "$work/ca.cnf" <<EOF
[ ca ]
default_ca = vpn
[ vpn ]
database = $work/index.txt
crlnumber = $work/crlnumber
default_md = sha256
default_crl_days = ${CRL_DAYS}
EOF
openssl ca -batch -gencrl -config "$work/ca.cnf" -keyfile "$work/ca.key" -cert "$work/ca.pem" -out "$work/crl.pem" 2> "$work/openssl.log" || { cat "$work/openssl.log" >&2; exit 1; }

echo "${LEDGER_HEADER}"
echo "ca $ca"
sort "$work/issued"
cat "$work/revoked"
openssl crl -in "$work/crl.pem"
`;
}

/**
 * The script of the import command (bash). Environment: LEDGER (the CRL
 * command's stdout), ENDPOINT_ID, REGION. Needs the AWS CLI and
 * ec2:ImportClientVpnClientCertificateRevocationList on the endpoint.
 */
export function renderCrlImportScript(): string {
    return `set -euo pipefail
crl=$(mktemp)
trap 'rm -f "$crl"' EXIT
printf '%s\\n' "$LEDGER" | sed -n '/-----BEGIN X509 CRL-----/,/-----END X509 CRL-----/p' > "$crl"
grep -q -- '-----BEGIN X509 CRL-----' "$crl" || { echo "no CRL in the ledger of the CRL command" >&2; exit 1; }
aws ec2 import-client-vpn-client-certificate-revocation-list --region "$REGION" \\
    --client-vpn-endpoint-id "$ENDPOINT_ID" --certificate-revocation-list "file://$crl"
`;
}
