// Starts the local IAM endpoint from its build output with a seed written to a temporary folder.
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const projectDir = resolve(here, '..', '..', 'IamEndpoint');
const READY = /^Listening on http:\/\/127\.0\.0\.1:(\d+)$/;

/** The built IamEndpoint.dll: IAM_ENDPOINT_DLL, else the Debug or Release output of tests/IamEndpoint. */
export function endpointDll() {
  const candidates = [
    process.env.IAM_ENDPOINT_DLL,
    join(projectDir, 'bin', 'Debug', 'net10.0', 'IamEndpoint.dll'),
    join(projectDir, 'bin', 'Release', 'net10.0', 'IamEndpoint.dll'),
  ].filter(Boolean);
  const found = candidates.find((path) => existsSync(path));
  if (!found) {
    throw new Error('IamEndpoint is not built: run `dotnet build tests/IamEndpoint` first.');
  }
  return found;
}

/**
 * Starts an endpoint on a free port. Resolves once it prints its Listening line.
 * @param {object} seed the seed document
 * @param {string[]} extraArgs more command-line options, e.g. ['--throttle-rate', '0.3']
 */
export async function startEndpoint(seed, extraArgs = []) {
  const folder = mkdtempSync(join(tmpdir(), 'iam-endpoint-'));
  const seedPath = join(folder, 'seed.json');
  writeFileSync(seedPath, JSON.stringify(seed, null, 2));

  const child = spawn('dotnet', [endpointDll(), '--seed', seedPath, '--port', '0', ...extraArgs], {
    env: { ...process.env, AWS_EC2_METADATA_DISABLED: 'true', DOTNET_NOLOGO: '1' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  child.stderr.on('data', (chunk) => { stderr += chunk; });
  const exited = new Promise((resolveExit) => child.once('exit', (code, signal) => resolveExit({ code, signal })));

  const port = await new Promise((resolvePort, reject) => {
    const timer = setTimeout(() => reject(new Error(`endpoint did not start within 30 s: ${stderr}`)), 30_000);
    const lines = createInterface({ input: child.stdout });
    lines.once('line', (line) => {
      clearTimeout(timer);
      const match = READY.exec(line);
      if (match) {
        resolvePort(Number(match[1]));
      } else {
        reject(new Error(`unexpected first line from the endpoint: ${line}`));
      }
    });
    exited.then(({ code }) => {
      clearTimeout(timer);
      reject(new Error(`endpoint exited with ${code} before it was ready: ${stderr}`));
    });
  });

  const url = `http://127.0.0.1:${port}`;
  return {
    url,
    /** The request log (GET /_endpoint/requests). */
    async requests() {
      const response = await fetch(`${url}/_endpoint/requests`);
      return response.json();
    },
    /** Stops the endpoint with SIGTERM and removes the seed folder. */
    async stop() {
      child.kill('SIGTERM');
      const { code, signal } = await exited;
      rmSync(folder, { recursive: true, force: true });
      return { code, signal, stderr };
    },
  };
}
