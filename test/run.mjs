// `npm test`: set-up, build, then unit (Vitest), PHP (PHPUnit), lint (PHP_CodeSniffer, PHPStan, oxlint,
// Prettier, knip, tsc on the tests), end-to-end (Vitest + Chromium on the harness WordPress), smoke
// (the oldest WordPress claimed) and fault (the lean endpoint while its database fails) suites; ends
// with one "N passed, N failed" line for all of them.
import fs from 'node:fs';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { ensureAll, ensureComposerPackages } from './harness/system.mjs';
import { root } from './harness/paths.mjs';
import { step } from './harness/log.mjs';

const artifacts = path.join(root, 'test', 'artifacts');
const bin = (name) => path.join(root, 'node_modules', '.bin', name);

function exec(command, args, env = {}) {
  return spawnSync(command, args, { cwd: root, stdio: 'inherit', env: { ...process.env, FORCE_COLOR: '0', ...env } }).status;
}

function vitestCounts(file) {
  const report = JSON.parse(fs.readFileSync(file, 'utf8'));
  const names = report.testResults.flatMap((f) =>
    f.assertionResults
      .filter((t) => t.status != 'passed')
      .map((t) => `${path.relative(root, f.name)} > ${t.fullName} (${t.status}): ${(t.failureMessages[0] ?? '').split('\n')[0]}`),
  );
  // A file that failed to load, or whose hooks failed, has no failed test to list: the file counts.
  const files = report.testResults.filter((f) => f.status == 'failed' && f.assertionResults.every((t) => t.status == 'passed'));
  for (const f of files) names.push(`${path.relative(root, f.name)}: ${f.message}`);
  return { passed: report.numPassedTests, failed: report.numFailedTests + report.numPendingTests + report.numTodoTests + files.length, names };
}

function junitCounts(file) {
  const head = fs.readFileSync(file, 'utf8').match(/<testsuite [^>]*>/)?.[0] ?? '';
  const attr = (name) => Number(head.match(new RegExp(`${name}="(\\d+)"`))?.[1] ?? 0);
  const failed = attr('failures') + attr('errors') + attr('skipped');
  const names = [...fs.readFileSync(file, 'utf8').matchAll(/<testcase name="([^"]*)" class="([^"]*)"[^>]*[^/]>\s*<(failure|error|skipped)/g)].map(
    (m) => `${m[2]}::${m[1]} (${m[3]})`,
  );
  return { passed: attr('tests') - failed, failed, names };
}

/**
 * The lint: PHP_CodeSniffer's JSON report (a file without findings passes, each finding fails), then
 * PHPStan's (one more pass for a clean run, each error fails), then the TypeScript's (scriptCounts).
 */
function lintCounts(file) {
  const report = JSON.parse(fs.readFileSync(file, 'utf8'));
  const files = Object.entries(report.files);
  const names = files.flatMap(([name, f]) => f.messages.map((m) => `wp-plugin/${name}:${m.line} ${m.source}: ${m.message}`));
  let passed = files.filter(([, f]) => f.messages.length === 0).length;
  const stan = JSON.parse(fs.readFileSync(`${file}.phpstan`, 'utf8') || '{}');
  const stanNames = [
    ...Object.entries(stan.files ?? {}).flatMap(([name, f]) =>
      f.messages.map((m) => `${path.relative(root, name)}:${m.line} PHPStan ${m.identifier ?? ''}: ${m.message}`),
    ),
    ...(stan.errors ?? ['PHPStan wrote no report']).map((e) => `PHPStan: ${e}`),
  ];
  if (stanNames.length === 0) passed += 1;
  names.push(...stanNames);
  const scripts = scriptCounts(file);
  names.push(...scripts.names);
  return { passed: passed + scripts.passed, failed: names.length, names };
}

/**
 * oxlint's JSON report (a file without findings passes, each finding fails), Prettier's list of the
 * files it would change (each fails; one pass when there is none), knip's unused files and exports
 * and the test suites' type errors (each fails; one pass when there is none).
 */
function scriptCounts(file) {
  const read = (suffix, fallback) => {
    const text = fs.existsSync(`${file}.${suffix}`) ? fs.readFileSync(`${file}.${suffix}`, 'utf8') : '';
    return text.trim() === '' ? fallback : text;
  };
  const names = [];
  let passed = 0;
  let oxlint;
  try {
    oxlint = JSON.parse(read('oxlint', 'null'));
  } catch {
    oxlint = null;
  }
  if (oxlint) {
    const dirty = new Set(oxlint.diagnostics.map((d) => d.filename));
    passed += oxlint.number_of_files - dirty.size;
    names.push(...oxlint.diagnostics.map((d) => `${d.filename}:${d.labels?.[0]?.span?.line ?? 0} oxlint ${d.code}: ${d.message}`));
  } else {
    names.push('oxlint wrote no report');
  }
  const unformatted = read('prettier', '').split('\n').filter(Boolean);
  names.push(...unformatted.map((name) => `${name}: not formatted as Prettier would (npm run format)`));
  if (unformatted.length === 0) passed += 1;
  let knip;
  try {
    knip = JSON.parse(read('knip', 'null'));
  } catch {
    knip = null;
  }
  if (knip) {
    const unused = knip.issues.flatMap((issue) => [
      ...(issue.files?.length ? [`${issue.file}: no module imports this file`] : []),
      ...['exports', 'types', 'nsExports', 'nsTypes', 'enumMembers', 'duplicates'].flatMap((kind) =>
        Object.values(issue[kind] ?? {})
          .flat()
          .map((e) => `${issue.file}:${e.line ?? 0} knip: ${e.name} (${kind}) is exported but nothing imports it`),
      ),
    ]);
    names.push(...unused);
    if (unused.length === 0) passed += 1;
  } else {
    names.push('knip wrote no report');
  }
  const typeErrors = read('tsc', '')
    .split('\n')
    .filter((line) => / error TS\d+: /.test(line))
    .map((line) => line.replace(/^(.+?)\((\d+),\d+\): error (TS\d+): /, '$1:$2 tsc $3: '));
  names.push(...typeErrors);
  if (typeErrors.length === 0) passed += 1;
  return { passed, names };
}

/** PHP_CodeSniffer (WordPress Coding Standards, PHPCompatibilityWP) and PHPStan on the plugin. */
function lint(report) {
  const plugin = path.join(root, 'wp-plugin');
  const vendorBin = (name) => path.join(root, 'vendor', 'bin', name);
  const phpcs = spawnSync(vendorBin('phpcs'), ['--standard=phpcs.xml.dist', '-q', '--report=json', `--report-file=${report}`], {
    cwd: plugin,
    stdio: 'inherit',
  }).status;
  const stan = spawnSync(vendorBin('phpstan'), ['analyse', '-c', 'phpstan.neon.dist', '--no-progress', '--memory-limit=2G', '--error-format=json'], {
    cwd: plugin,
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  fs.writeFileSync(`${report}.phpstan`, stan.stdout ?? '');
  if (stan.stderr) process.stderr.write(stan.stderr);
  const scripts = lintScripts(report);
  return phpcs !== 0 ? phpcs : stan.status !== 0 ? stan.status : scripts;
}

/**
 * The TypeScript and JavaScript of every workspace: oxlint with type information (.oxlintrc.json),
 * Prettier's formatting (.prettierrc.json), knip's unused files and exports (knip.json), and the
 * test suites type-checked (test/tsconfig.json).
 */
function lintScripts(report) {
  const capture = (command, args) => {
    const run = spawnSync(bin(command), args, {
      cwd: root,
      encoding: 'utf8',
      maxBuffer: 64 * 1024 * 1024,
      env: { ...process.env, FORCE_COLOR: '0', NO_COLOR: '1' },
    });
    if (run.stderr) process.stderr.write(run.stderr);
    return run;
  };
  const oxlint = capture('oxlint', ['--type-aware', '--format=json', '.']);
  fs.writeFileSync(`${report}.oxlint`, oxlint.stdout ?? '');
  const prettier = capture('prettier', ['--list-different', '--cache', '--cache-strategy', 'content', ...FORMATTED]);
  fs.writeFileSync(`${report}.prettier`, prettier.stdout ?? '');
  const knip = capture('knip', ['--no-progress', '--reporter=json', `--include=${KNIP_ISSUES}`]);
  fs.writeFileSync(`${report}.knip`, knip.stdout ?? '');
  // The suites' own TypeScript: Vitest strips types without checking them.
  const tests = capture('tsc', ['-p', 'test/tsconfig.json', '--noEmit', '--pretty', 'false']);
  fs.writeFileSync(`${report}.tsc`, tests.stdout ?? '');
  return [oxlint, prettier, knip, tests].find((run) => run.status !== 0)?.status ?? 0;
}

/** What Prettier formats (`npm run format`): the TypeScript and JavaScript, not Markdown or PHP. */
const FORMATTED = ['**/*.{ts,tsx,mts,js,mjs}'];
/** What knip reports: code nothing uses (not its view of the dependencies, which npm owns). */
const KNIP_ISSUES = 'files,exports,nsExports,types,nsTypes,enumMembers,duplicates';

const CLASSIC_THEME_FILES = ['capture-integrations', 'capture-real-plugins', 'capture-real-woocommerce', 'vendor-embed', 'phone-numbers'].map(
  (name) => `test/e2e/${name}.test.ts`,
);

const suites = [
  {
    name: 'unit',
    run: (report) => exec(bin('vitest'), ['run', '--reporter=default', '--reporter=json', `--outputFile.json=${report}`]),
    counts: vitestCounts,
  },
  {
    name: 'php',
    run: (report) => exec('phpunit', ['-c', 'wp-plugin/phpunit.xml.dist', '--log-junit', report]),
    counts: junitCounts,
  },
  {
    // The plugin's PHP against wp-plugin/phpcs.xml.dist (one "test" per file) and phpstan.neon.dist;
    // the TypeScript and JavaScript against .oxlintrc.json (one "test" per file), Prettier and knip.
    name: 'lint',
    run: lint,
    counts: lintCounts,
  },
  {
    name: 'e2e',
    run: (report) => exec(bin('vitest'), ['run', '-c', 'test/e2e/vitest.config.ts', '--reporter=default', '--reporter=json', `--outputFile.json=${report}`]),
    counts: vitestCounts,
  },
  {
    // The essentials on the oldest WordPress the plugin claims (Debian's 6.1), on a MariaDB and
    // WordPress of its own (.wp-smoke/, port LEADTRAIL_SMOKE_PORT).
    name: 'smoke',
    run: (report) => exec(bin('vitest'), ['run', '-c', 'test/smoke/vitest.config.ts', '--reporter=default', '--reporter=json', `--outputFile.json=${report}`]),
    counts: vitestCounts,
  },
  {
    // The files whose pages depend on the theme (capture, the embed, phone numbers) on the classic
    // Twenty Twenty-One; only when named (`npm test -- classic`): the whole run has no room for it.
    name: 'classic',
    optional: true,
    run: (report) =>
      exec(
        bin('vitest'),
        ['run', '-c', 'test/e2e/vitest.config.ts', '--reporter=default', '--reporter=json', `--outputFile.json=${report}`, ...CLASSIC_THEME_FILES],
        { LEADTRAIL_THEME: 'twentytwentyone' },
      ),
    counts: vitestCounts,
  },
  {
    // The lean endpoint with its database stopped, frozen and restarted and a PHP worker killed, on a
    // MariaDB and WordPress of its own (.wp-faults/, port LEADTRAIL_FAULTS_PORT).
    name: 'faults',
    run: (report) => exec(bin('vitest'), ['run', '-c', 'test/faults/vitest.config.ts', '--reporter=default', '--reporter=json', `--outputFile.json=${report}`]),
    counts: vitestCounts,
  },
];

async function main() {
  await ensureAll();
  const only = process.argv.slice(2);
  if (only.length === 0 || only.includes('lint')) await ensureComposerPackages();
  fs.mkdirSync(artifacts, { recursive: true });
  step('Building (npm run build)');
  if (exec(process.execPath, ['scripts/build.mjs']) !== 0) {
    console.log('0 passed, 1 failed');
    process.exit(1);
  }
  let passed = 0;
  let failed = 0;
  let broken = false;
  const failures = [];
  for (const suite of suites.filter((s) => (only.length === 0 && !s.optional) || only.includes(s.name))) {
    step(`Running the ${suite.name} tests`);
    const report = path.join(artifacts, `${suite.name}.report`);
    fs.rmSync(report, { force: true });
    const status = suite.run(report);
    if (!fs.existsSync(report)) {
      step(`The ${suite.name} suite produced no report (exit ${status}): counted as a failure`);
      failed += 1;
      broken = true;
      continue;
    }
    const counts = suite.counts(report);
    step(`${suite.name}: ${counts.passed} passed, ${counts.failed} failed`);
    passed += counts.passed;
    failed += counts.failed;
    failures.push(...counts.names.map((n) => `${suite.name}: ${n}`));
    if (status !== 0 && counts.failed === 0) broken = true;
  }
  // Repeated last, where a log's tail shows it.
  if (failures.length > 0) console.log(['Failed:', ...failures.map((n) => '  ' + n)].join('\n'));
  console.log(`${passed} passed, ${failed} failed`);
  process.exit(failed > 0 || broken || passed === 0 ? 1 : 0);
}

main().catch((error) => {
  console.error(`[leadtrail] ${error.message}`);
  console.log('0 passed, 1 failed');
  process.exit(1);
});
