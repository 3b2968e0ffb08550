// PivotDeck build. One entry and one HTML page per surface (taskpane, commands), plus the
// workbench in development and test builds only.
//
//   npm start                                         dev server on https://localhost:3000
//   npm run build -- --env ADDIN_URL=https://host.example/pivotdeck    production dist/
//   webpack --mode development --env OUTPUT_DIR=build                   test build (workbench too)
//
// --env flags: ADDIN_URL (production base URL), ALLOW_SAME_VERSION=1 (rebuild a released
// Version), CONNECT_SRC="'self' https://api.example.com" (replace the CSP's connect-src),
// OUTPUT_DIR (default dist), MODULES_FILE (write the bundled source files as JSON), HTTP=1 (dev server without TLS, workbench only), PORT (default 3000),
// PUBLISHER (a JSON file or the JSON itself: who publishes the add-in, for support.html,
// privacy.html and terms.html; required for production, development uses publisher.example.json),
// DISPLAY_NAME and PROVIDER_NAME (the manifest's names; default "PivotDeck"),
// BENCH=1 (development only: the pane bench's build, see below).
// Each may also come from the environment variable of the same name.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import HtmlWebpackPlugin from 'html-webpack-plugin';
import CopyWebpackPlugin from 'copy-webpack-plugin';
import {
  DEV_ORIGIN, TASKPANE_BUDGET_BYTES, checkVersionRaised, contentSecurityPolicy, gzipSizes, kb,
  manifestVersion, rewriteManifest, validateAddinUrl,
} from './scripts/build-checks.mjs';
import { certificatePaths } from './scripts/dev-certs.mjs';
import {
  DEFAULT_DISPLAY_NAME, DEFAULT_PROVIDER_NAME, PAGES, brandManifest, loadPublisher, manifestName, pageValues, renderPage,
} from './scripts/publisher.mjs';
import { samplePatterns } from './scripts/samples.mjs';

const root = dirname(fileURLToPath(import.meta.url));

/** Stops the build with one readable line instead of a stack trace. */
function refuse(message) {
  console.error(`\nPivotDeck build refused: ${message}\n`);
  process.exit(2);
}

/**
 * Production guards: fails if any module of src/simulator or src/workbench was bundled (dev and
 * test infrastructure never ships), optionally lists bundled source files (MODULES_FILE, for
 * tests), prints gzipped sizes of each page's initial JavaScript and fails above the budget.
 */
class BundleBudgetPlugin {
  constructor(modulesFile) {
    this.modulesFile = modulesFile;
  }

  apply(compiler) {
    compiler.hooks.afterEmit.tap('BundleBudgetPlugin', (compilation) => {
      const sources = [...compilation.modules]
        .map((m) => m.resource ?? m.rootModule?.resource)
        .concat([...compilation.modules].flatMap((m) => [...(m.modules ?? [])].map((inner) => inner.resource)))
        .filter(Boolean)
        .map((r) => relative(root, r).split(sep).join('/'));
      const unique = [...new Set(sources)].sort();
      if (this.modulesFile) writeFileSync(this.modulesFile, JSON.stringify(unique, null, 1));
      const devOnly = unique.filter((f) => /^src\/(simulator|workbench)\//.test(f));
      if (devOnly.length > 0) {
        compilation.errors.push(new Error(`Production bundle contains dev-only modules: ${devOnly.join(', ')}`));
      }

      const out = compilation.outputOptions.path;
      const initialJs = (names) => {
        const files = new Set();
        for (const name of names) {
          for (const f of compilation.entrypoints.get(name)?.getFiles() ?? []) if (f.endsWith('.js')) files.add(f);
        }
        return gzipSizes([...files].map((f) => join(out, f)));
      };
      const pane = initialJs(['taskpane', 'commands']);
      const commands = initialJs(['commands']);
      const total = (rows) => rows.reduce((s, r) => s + r.gzip, 0);
      const lines = ['', 'Initial JavaScript (gzipped):'];
      for (const r of pane) lines.push(`  ${r.file.slice(out.length + 1).padEnd(44)} ${kb(r.bytes).padStart(10)} raw ${kb(r.gzip).padStart(10)} gzip`);
      lines.push(`  taskpane.html total: ${kb(total(pane))} gzip (budget ${kb(TASKPANE_BUDGET_BYTES)})`);
      lines.push(`  commands.html total: ${kb(total(commands))} gzip`);
      const lazy = [...compilation.chunks].filter((c) => !c.canBeInitial());
      lines.push(`  ${lazy.length} chunk(s) load on demand`);
      console.log(lines.join('\n'));
      if (total(pane) > TASKPANE_BUDGET_BYTES) {
        compilation.errors.push(new Error(
          `Bundle budget exceeded: the task pane's initial JavaScript is ${kb(total(pane))} gzipped, above ${kb(TASKPANE_BUDGET_BYTES)}. ` +
            'Load heavy parts on demand with import().',
        ));
      }
    });
  }
}

export default (env = {}, argv = {}) => {
  const opt = (name) => env[name] ?? process.env[name];
  const mode = argv.mode ?? 'production';
  const prod = mode === 'production';
  const outputDir = resolve(root, opt('OUTPUT_DIR') ?? 'dist');
  const devManifest = readFileSync(join(root, 'manifest.xml'), 'utf8');

  let addinUrl = DEV_ORIGIN;
  if (prod) {
    try {
      addinUrl = validateAddinUrl(opt('ADDIN_URL'));
      const last = checkVersionRaised(manifestVersion(devManifest), root, opt('ALLOW_SAME_VERSION') === '1');
      console.log(`PivotDeck production build for ${addinUrl} (manifest Version ${manifestVersion(devManifest)}${last ? `, last release ${last.tag}` : ''})`);
    } catch (e) {
      refuse(e.message);
    }
  }
  // Publisher pages and manifest names: checked before compiling, so a wrong value costs seconds.
  let pages;
  let names;
  try {
    names = {
      displayName: manifestName(opt('DISPLAY_NAME'), 'DISPLAY_NAME', DEFAULT_DISPLAY_NAME),
      providerName: manifestName(opt('PROVIDER_NAME'), 'PROVIDER_NAME', DEFAULT_PROVIDER_NAME),
    };
    let publisher = loadPublisher(opt('PUBLISHER'), root);
    if (!publisher && prod) {
      throw new Error('publisher details are required for the support, privacy and terms pages: write publisher.json ' +
        '(copy publisher.example.json and fill in your name, contact and jurisdiction) or pass --env PUBLISHER=path/to/publisher.json');
    }
    publisher ??= loadPublisher('publisher.example.json', root);
    const values = pageValues(publisher, {
      addinUrl, displayName: names.displayName, version: manifestVersion(devManifest), today: new Date().toISOString().slice(0, 10),
    });
    pages = PAGES.map((name) => ({ name, values }));
    for (const p of pages) renderPage(readFileSync(join(root, 'assets', 'pages', p.name), 'utf8'), values, `assets/pages/${p.name}`);
  } catch (e) {
    refuse(e.message);
  }

  const csp = contentSecurityPolicy({ dev: !prod, connectSrc: opt('CONNECT_SRC') });
  // Each template writes `csp` into a meta tag placed before office.js (a meta CSP covers only
  // what follows it).
  const page = (template, filename, chunks) => new HtmlWebpackPlugin({
    template, filename, chunks, csp, inject: 'body', scriptLoading: 'defer',
  });

  const entry = {
    taskpane: './src/taskpane/index.tsx',
    commands: './src/commands/commands.ts',
  };
  // The workbench and the Excel simulator never ship: production has no entry that reaches them.
  if (!prod) entry.workbench = './src/workbench/index.tsx';

  // The pane bench (bench/pane) measures what users feel, so its workbench build runs the
  // libraries as production ships them: process.env.NODE_ENV 'production' (React, Fluent and
  // Griffel without their development checks) and no source maps. React's profiling build
  // is production React that still reports renders to a Profiler, which the workbench uses to
  // time its own grid (src/workbench/stand-in-timing.ts).
  const bench = !prod && opt('BENCH') === '1';
  const http = opt('HTTP') === '1';
  const certs = certificatePaths(root);
  const port = Number(opt('PORT') ?? 3000);

  return {
    mode,
    context: root,
    entry,
    // The bench's 'eval' keeps each module's path as its script URL (which the bench's CPU
    // profile charges time to) without building source maps.
    devtool: prod ? false : bench ? 'eval' : 'eval-cheap-module-source-map',
    output: {
      path: outputDir,
      filename: prod ? '[name].[contenthash:8].js' : '[name].js',
      chunkFilename: prod ? '[name].[contenthash:8].js' : '[name].js',
      publicPath: 'auto',
      clean: true,
    },
    resolve: {
      extensions: ['.ts', '.tsx', '.mjs', '.js', '.json'],
      // react-dom/client requires 'react-dom', so this one alias covers both.
      alias: bench ? { 'react-dom$': 'react-dom/profiling' } : {},
    },
    module: {
      rules: [
        { test: /\.[cm]?tsx?$/, exclude: /node_modules/, loader: 'esbuild-loader', options: { target: 'es2020' } },
        { test: /\.css$/, type: 'asset/source' },
      ],
    },
    optimization: {
      ...(bench ? { nodeEnv: 'production' } : {}),
      // taskpane.html loads both the pane and the commands entry (shared runtime): one webpack
      // runtime so shared modules are instantiated once.
      runtimeChunk: 'single',
      // Libraries needed at start-up share one "vendor" chunk; libraries reached only through
      // import() stay in their own on-demand chunks (chunks: 'initial' keeps them out of vendor).
      splitChunks: {
        chunks: 'all',
        cacheGroups: { vendor: { test: /[\\/]node_modules[\\/]/, name: 'vendor', chunks: 'initial', priority: 10 } },
      },
    },
    performance: { hints: false }, // BundleBudgetPlugin enforces the real budget
    plugins: [
      // The shared runtime loads taskpane.html for the ribbon's function file too, so the page
      // carries the commands entry as well (manifest: FunctionFile resid = Taskpane.Url).
      page('./src/taskpane/taskpane.html', 'taskpane.html', ['taskpane', 'commands']),
      page('./src/commands/commands.html', 'commands.html', ['commands']),
      ...(prod ? [] : [page('./src/workbench/workbench.html', 'workbench.html', ['workbench'])]),
      new CopyWebpackPlugin({
        patterns: [
          { from: 'assets/icon-*.png', to: 'assets/[name][ext]' },
          // support, privacy and terms pages, filled with the publisher's details (see scripts/publisher.mjs).
          ...pages.map((p) => ({
            from: `assets/pages/${p.name}`,
            to: p.name,
            transform: (content) => renderPage(content.toString(), p.values, `assets/pages/${p.name}`),
          })),
          // Public test files for reviewers and first runs, made from assets/sample-data (scripts/samples.mjs).
          ...samplePatterns(root),
          {
            from: 'manifest.xml',
            to: 'manifest.xml',
            transform: (content) => {
              const branded = brandManifest(content.toString(), names);
              return prod ? rewriteManifest(branded, addinUrl) : branded;
            },
          },
        ],
      }),
      ...(prod ? [new BundleBudgetPlugin(opt('MODULES_FILE'))] : []),
    ],
    stats: prod ? 'errors-warnings' : 'minimal',
    devServer: {
      port,
      host: 'localhost',
      allowedHosts: 'all',
      headers: { 'Access-Control-Allow-Origin': '*' },
      static: false,
      hot: false,
      liveReload: true,
      client: { overlay: { warnings: false, errors: true } },
      server: http || !existsSync(certs.cert)
        ? 'http'
        : { type: 'https', options: { cert: readFileSync(certs.cert), key: readFileSync(certs.key), ca: readFileSync(certs.ca) } },
    },
  };
};
