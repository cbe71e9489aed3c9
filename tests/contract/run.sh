#!/usr/bin/env bash
# Runs the contract test: the official AWS SDK for JavaScript v3 against the local IAM endpoint.
# Installs the npm packages when node_modules is missing and builds the endpoint when it is not built yet.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
repo="$(cd "$here/../.." && pwd)"
export AWS_EC2_METADATA_DISABLED=true

if [ ! -f "$repo/tests/IamEndpoint/bin/Debug/net10.0/IamEndpoint.dll" ] && [ -z "${IAM_ENDPOINT_DLL:-}" ]; then
  dotnet build "$repo/tests/IamEndpoint" --nologo -v quiet
fi

cd "$here"
if [ ! -d node_modules ]; then
  npm ci --no-audit --no-fund
fi

node --test --test-reporter=tap iam-endpoint.test.mjs
