#!/usr/bin/env bash
# The whole test suite, from a fresh Debian machine: installs what the tests need, then
# checks the contracts (buf lint + breaking), builds with warnings as errors and runs every test.
set -euo pipefail
cd "$(dirname "$0")/.."

bash scripts/install-deps.sh
echo "== PostgreSQL 15 + pgvector (scripts/install-postgres.sh)"
pg_env=$(mktemp)
bash scripts/install-postgres.sh >"$pg_env"
# shellcheck source=/dev/null
. "$pg_env"

echo "== contracts: buf lint and breaking-change check"
# npm install, not npm ci: npm 11's ci refuses buf's lock file over its platform-specific optional packages.
(cd proto && npm install --no-audit --no-fund --loglevel=error >/dev/null && npx buf lint && npx buf breaking --against baseline/contracts.json)

echo "== Kubernetes manifests and alert rules (scripts/check-k8s.sh)"
bash scripts/check-k8s.sh

echo "== build (Release, warnings are errors)"
dotnet build AdrPlatform.sln -c Release --nologo -v quiet

results=$(mktemp -d)
status=0
for project in tests/*/*.Tests.csproj; do
  name=$(basename "$project" .csproj)
  echo "== $name"
  dotnet test "$project" -c Release --no-build --nologo --logger "trx;LogFileName=$results/$name.trx" \
    --logger "console;verbosity=minimal" || status=1
done

# One closing line for all projects, counted from the TRX result files.
python3 - "$results" <<'PY'
import glob, sys, xml.etree.ElementTree as ET
ns = {"t": "http://microsoft.com/schemas/VisualStudio/TeamTest/2010"}
passed = failed = skipped = 0
for path in glob.glob(sys.argv[1] + "/*.trx"):
    counters = ET.parse(path).getroot().find("t:ResultSummary/t:Counters", ns)
    passed += int(counters.get("passed", 0))
    failed += int(counters.get("failed", 0)) + int(counters.get("error", 0)) + int(counters.get("timeout", 0))
    skipped += int(counters.get("notExecuted", 0))
print(f"tests: {passed} passed, {failed} failed, {skipped} skipped")
PY
exit $status
