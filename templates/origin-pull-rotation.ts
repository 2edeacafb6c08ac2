// The wait that makes an Authenticated Origin Pulls certificate rotation
// follow Cloudflare's procedure for zone-level certificates: upload the new
// certificate, wait until its status is `active`, and only then delete the old
// one (https://developers.cloudflare.com/ssl/origin-configuration/authenticated-origin-pull/set-up/zone-level/).
// Status from GET /zones/{zone_id}/origin_tls_client_auth/{certificate_id}
// (https://developers.cloudflare.com/api/resources/origin_tls_client_auth/methods/get/).
// Pure: the Edge component runs the text with `command.local.Command`, zone
// and certificate ids in the environment (ZONE_ID, CERTIFICATE_ID) and the
// token the Cloudflare provider uses (CLOUDFLARE_API_TOKEN).

export interface OriginPullWaitArgs {
    /** Attempts before the update fails (at least 1). */
    attempts: number;
    /** Seconds between attempts. */
    intervalSeconds: number;
}

export function renderOriginPullWait(a: OriginPullWaitArgs): string {
    if (
        !Number.isInteger(a.attempts) ||
        a.attempts < 1 ||
        !Number.isInteger(a.intervalSeconds) ||
        a.intervalSeconds < 1
    ) {
        throw new Error(
            `origin pull wait: attempts and intervalSeconds must be whole numbers of at least 1, got ${a.attempts}, ${a.intervalSeconds}`,
        );
    }
    return `set -euo pipefail
: "\${CLOUDFLARE_API_TOKEN:?set CLOUDFLARE_API_TOKEN, the token the Cloudflare provider uses}"
: "\${ZONE_ID:?}" "\${CERTIFICATE_ID:?}"
api=\${CLOUDFLARE_API_BASE:-https://api.cloudflare.com/client/v4}
status=unknown
for attempt in $(seq 1 ${a.attempts}); do
    status=$(curl -fsS --max-time 20 -H "Authorization: Bearer $CLOUDFLARE_API_TOKEN" \\
        "$api/zones/$ZONE_ID/origin_tls_client_auth/$CERTIFICATE_ID" | jq -r '.result.status') || status=unreachable
    if [ "$status" = active ]; then
        echo "origin pull certificate $CERTIFICATE_ID is active (attempt $attempt)"
        exit 0
    fi
    sleep ${a.intervalSeconds}
done
echo "origin pull certificate $CERTIFICATE_ID is still $status after ${a.attempts} attempts; the previous certificate is kept" >&2
exit 1
`;
}
