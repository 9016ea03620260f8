#!/usr/bin/env bash
# A throwaway authority and a server certificate for a single-host trial of deploy/compose.yaml.
# Not for production: use your organisation's certificates (or cert-manager in Kubernetes).
#   deploy/tls/make-dev-certificates.sh [host-name]
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")"
HOST="${1:-localhost}"
openssl req -x509 -newkey ec -pkeyopt ec_paramgen_curve:P-256 -nodes -days 30 \
  -subj "/CN=Interop trial CA" -keyout ca.key -out ca.crt
openssl req -newkey ec -pkeyopt ec_paramgen_curve:P-256 -nodes -subj "/CN=$HOST" -keyout tls.key -out tls.csr
openssl x509 -req -in tls.csr -CA ca.crt -CAkey ca.key -CAcreateserial -days 30 -out tls.crt \
  -extfile <(printf 'subjectAltName=DNS:%s,IP:127.0.0.1\nextendedKeyUsage=serverAuth\n' "$HOST")
rm -f tls.csr ca.srl
# The hub runs as uid 1654: it must read the key.
chmod 0644 tls.crt ca.crt && chmod 0640 tls.key && (chgrp 1654 tls.key 2>/dev/null || chmod 0644 tls.key)
echo "deploy/tls: ca.crt (give it to clients: InteropClientOptions.ServerCertificateAuthorities), tls.crt, tls.key for $HOST"
