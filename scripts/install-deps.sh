#!/usr/bin/env bash
# Installs, idempotently, what building and testing need on a fresh Debian 12 machine.
set -euo pipefail

need=()
command -v dotnet >/dev/null || need+=(dotnet-sdk-10.0)
command -v node >/dev/null || need+=(nodejs)
command -v npm >/dev/null || need+=(npm)
command -v python3 >/dev/null || need+=(python3)
command -v git >/dev/null || need+=(git)
# promtool (checks and unit-tests the alert rules) comes with Debian's prometheus package.
command -v promtool >/dev/null || need+=(prometheus)
if [ ${#need[@]} -gt 0 ]; then
  echo "== installing ${need[*]}"
  sudo_cmd=""; [ "$(id -u)" -eq 0 ] || sudo_cmd="sudo"
  $sudo_cmd apt-get update -qq
  $sudo_cmd apt-get install -y -qq "${need[@]}"
fi

# kubectl (with its built-in kustomize) renders the k8s/ overlays. Debian 12's own kubernetes-client is 1.20,
# whose kustomize is too old for them, so only a kubectl from a configured Kubernetes apt source will do;
# scripts/check-k8s.sh says so plainly when none is installed.
if ! command -v kubectl >/dev/null && apt-cache policy kubectl 2>/dev/null | grep -q 'Candidate: [0-9]'; then
  sudo_cmd=""; [ "$(id -u)" -eq 0 ] || sudo_cmd="sudo"
  $sudo_cmd apt-get install -y -qq kubectl || true
fi
