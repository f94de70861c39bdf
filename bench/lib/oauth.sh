# Sourced by the benchmarks: access tokens through the real OAuth flow (registration, the sign-in and
# consent pages, the token endpoint), driven with curl. Needs $BASE (e.g. http://localhost:8787) and a
# scratch directory $WORK.

# access_token USER PASSWORD: signs USER in on the login page.
# access_token USER --proxy: USER is vouched for by a trusted proxy (auth.trusted-proxy.addresses must
# include this machine): no password, the X-Forwarded-User header on every page.
# With FORWARDED_FOR set, every request says it comes from that client address (X-Forwarded-For; counts
# where http.trusted-proxies includes this machine), so that many users are not one address to the limits.
access_token() {
    local user=$1 password=$2 redirect="http://127.0.0.1:9/callback" client verifier challenge jar page proxy=()
    jar=$(mktemp "$WORK/cookies.XXXXXX")
    page=$(mktemp "$WORK/page.XXXXXX")
    if [ "$password" = "--proxy" ]; then proxy=(-H "X-Forwarded-User: $user"); fi
    if [ -n "${FORWARDED_FOR:-}" ]; then proxy+=(-H "X-Forwarded-For: $FORWARDED_FOR"); fi
    client=$(curl -sf "${proxy[@]}" -H 'Content-Type: application/json' "$BASE/register" \
        -d "{\"redirect_uris\":[\"$redirect\"],\"token_endpoint_auth_method\":\"none\",\"client_name\":\"bench\"}" \
        | sed -E 's/.*"client_id":"([^"]+)".*/\1/')
    verifier=$(head -c 32 /dev/urandom | base64 | tr '+/' '-_' | tr -d '=\n')
    challenge=$(printf '%s' "$verifier" | openssl dgst -sha256 -binary | base64 | tr '+/' '-_' | tr -d '=\n')
    curl -s -L "${proxy[@]}" -b "$jar" -c "$jar" -o "$page" \
        "$BASE/authorize?response_type=code&client_id=$client&redirect_uri=$redirect&code_challenge=$challenge&code_challenge_method=S256&state=bench"
    if [ "$password" != "--proxy" ]; then
        _submit "$page" "$jar" "${proxy[@]}" --data-urlencode "username=$user" --data-urlencode "password=$password" --data-urlencode sign-in=x
        curl -s -L "${proxy[@]}" -b "$jar" -c "$jar" -o "$page" "$BASE$(_location "$page.headers" | sed -E "s#^https?://[^/]+##")"
    fi
    _submit "$page" "$jar" "${proxy[@]}" --data-urlencode allow=x
    local code
    code=$(_location "$page.headers" | sed -E 's/.*[?&]code=([^&]+).*/\1/')
    curl -sf "${proxy[@]}" "$BASE/token" -d grant_type=authorization_code -d "client_id=$client" -d "code=$code" \
        -d "code_verifier=$verifier" --data-urlencode "redirect_uri=$redirect" | sed -E 's/.*"access_token":"([^"]+)".*/\1/'
}

# Posts the page's form with its hidden fields and the extra curl arguments; headers go to PAGE.headers.
_submit() {
    local page=$1 jar=$2 action hidden
    shift 2
    action=$(grep -o '<form id="[a-z]*"[^>]*action="[^"]*"' "$page" | sed -E 's/.*action="([^"]*)".*/\1/; s/&amp;/\&/g')
    mapfile -t hidden < <(grep -o '<input type="hidden" name="[^"]*"[^>]*value="[^"]*"' "$page" \
        | sed -E 's/.*name="([^"]*)".*value="([^"]*)".*/\1=\2/')
    local fields=()
    for field in "${hidden[@]}"; do fields+=(--data-urlencode "$field"); done
    curl -s -b "$jar" -c "$jar" -o "$page" -D "$page.headers" "${fields[@]}" "$@" "$BASE$action"
}

_location() {
    tr -d '\r' < "$1" | awk -F': ' 'tolower($1)=="location"{print $2}'
}
