#!/usr/bin/env bash
# Renders every k8s/ overlay with kubectl kustomize and validates every object against the Kubernetes
# OpenAPI schemas and the operators' CRD schemas (k8s/validate); checks and unit-tests the Prometheus
# alert rules with promtool. A known-broken manifest must be refused, or the validator itself is broken.
set -euo pipefail
cd "$(dirname "$0")/.."

if ! command -v kubectl >/dev/null; then
  echo "check-k8s: kubectl is not installed. It renders the k8s/ overlays (kustomize 5.x, kubectl >= 1.27);" >&2
  echo "check-k8s: Debian 12 ships only kubectl 1.20, too old; install kubectl from a Kubernetes apt source." >&2
  exit 1
fi
kustomize_version=$(kubectl version --client 2>/dev/null | sed -n 's/^Kustomize Version: v\([0-9]*\).*/\1/p')
if [ -z "$kustomize_version" ] || [ "$kustomize_version" -lt 5 ]; then
  echo "check-k8s: kubectl's kustomize is older than 5 ($(kubectl version --client 2>&1 | tr '\n' ' '))" >&2
  exit 1
fi
command -v promtool >/dev/null || { echo "check-k8s: promtool is missing (apt-get install prometheus)" >&2; exit 1; }

echo "== k8s: validator dependencies (k8s/validate)"
(cd k8s/validate && npm ci --no-audit --no-fund --loglevel=error >/dev/null)

rendered=$(mktemp -d)
trap 'rm -rf "$rendered"' EXIT
for overlay in k8s/overlays/*/; do
  name=$(basename "$overlay")
  echo "== k8s: render and validate overlays/$name"
  kubectl kustomize "$overlay" >"$rendered/$name.yaml"
  node k8s/validate/validate.mjs "$rendered/$name.yaml"
done

echo "== k8s: broken manifests are refused"
for broken in k8s/validate/broken/*.yaml; do
  if node k8s/validate/validate.mjs "$broken" >/dev/null 2>&1; then
    echo "check-k8s: the validator accepted $broken, which is broken on purpose" >&2
    exit 1
  fi
  echo "refused, as it should be: $broken"
done

echo "== alert rules (k8s/monitoring/alert-rules.yaml): promtool check and unit tests"
node k8s/validate/rules-of.mjs k8s/monitoring/alert-rules.yaml >"$rendered/alerts.yml"
cp k8s/monitoring/alerts.test.yml "$rendered/"
promtool check rules "$rendered/alerts.yml"
promtool test rules "$rendered/alerts.test.yml"
